/**
 * The user's field maps, as the content script reads them from the stored
 * settings (all it needs of them), and word when the settings change. Read
 * without the schemas (zod stays out of the EHR page): the options page
 * validated them when it saved them, and the generic reader answers
 * 'unreadable' to anything odd rather than guess.
 */
// WXT's own `browser` (the browser's promise-based API, no polyfill): ~2.6 KB gzip less in every EHR frame.
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../settings-key';
import type { FieldMap } from '../../adapters/generic/fieldmap';

export async function loadFieldMaps(): Promise<FieldMap[]> {
  try {
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { fieldMaps?: unknown } | undefined;
    const maps = stored?.fieldMaps;
    return Array.isArray(maps)
      ? maps.filter(
          (m): m is FieldMap =>
            !!m &&
            typeof m === 'object' &&
            Array.isArray((m as FieldMap).matches) &&
            typeof (m as FieldMap).name === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function onSettingsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
