/**
 * Where a taught field map goes: into the settings' field maps, replacing one
 * of the same name (teaching a screen again replaces what was taught before),
 * checked with the field-map schema, and only for the screen it was taught on
 * (its host patterns must cover the page that sent it). Pure; the worker wires
 * in storage.
 */
import { parseFieldMap, type FieldMap } from '../../adapters/generic/fieldmap';
import { matchesAny } from '../match-patterns';
import type { ExtensionSettings } from '../extension-settings';

const MAX_FIELD_MAPS = 20;

export type TaughtOutcome =
  { ok: true; settings: ExtensionSettings; map: FieldMap; message: string } | { ok: false; error: string };

export function addTaughtMap(settings: ExtensionSettings, input: unknown, senderUrl: string): TaughtOutcome {
  const parsed = parseFieldMap(input);
  if (!parsed.ok) return { ok: false, error: `the field map is not valid (${parsed.error})` };
  const map = parsed.value;
  if (!matchesAny(map.matches, senderUrl))
    return { ok: false, error: 'a taught field map must cover the screen it was taught on' };
  const at = settings.fieldMaps.findIndex((m) => m.name === map.name);
  if (at < 0 && settings.fieldMaps.length >= MAX_FIELD_MAPS)
    return { ok: false, error: `there are already ${MAX_FIELD_MAPS} field maps; delete one in options first` };
  const fieldMaps = at < 0 ? [...settings.fieldMaps, map] : settings.fieldMaps.map((m, i) => (i === at ? map : m));
  return {
    ok: true,
    settings: { ...settings, fieldMaps },
    map,
    message:
      at < 0
        ? `Saved “${map.name}”. dermlint reads this screen now.`
        : `Replaced “${map.name}”. dermlint reads this screen with it now.`,
  };
}
