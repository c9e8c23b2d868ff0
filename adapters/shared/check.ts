/**
 * The last check an adapter makes on what it read, before the encounter leaves the page:
 * the same constraints as `EncounterSchema` (rules/schema.ts) for the values an adapter can
 * get wrong, written out by hand so the content script does not carry zod (~7 KB gzip).
 * The worker still validates every message with the full schema; a unit test holds this
 * check to the schema on generated encounters (test/unit/adapter-check.test.ts).
 */
import { PAYER_KINDS } from '../../rules/kinds';
import type { Encounter } from '../../rules/schema';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isString = (v: unknown): v is string => typeof v === 'string';
const isPositiveInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const isInt = (v: unknown) => Number.isSafeInteger(v);
const isPositiveNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** null when the encounter is valid, else "field.path: what was expected" (as `parseEncounter` says it). */
export function checkEncounter(e: Encounter): string | null {
  if (!isString(e.id)) return 'id: expected an opaque id string';
  if (e.dateOfService !== undefined && !(isString(e.dateOfService) && DATE.test(e.dateOfService)))
    return 'dateOfService: expected a date YYYY-MM-DD';
  if (!(PAYER_KINDS as readonly unknown[]).includes(e.payer?.kind))
    return `payer.kind: expected one of ${PAYER_KINDS.join(', ')}`;
  if (e.payer.name !== undefined && !isString(e.payer.name)) return 'payer.name: expected a string';
  if (e.abn !== undefined) {
    if (typeof e.abn.signed !== 'boolean') return 'abn.signed: expected true or false';
    const lines = e.abn.lines;
    if (lines !== undefined) {
      for (let i = 0; i < lines.length; i++)
        if (!(isInt(lines[i]) && lines[i]! >= 0)) return `abn.lines[${i}]: expected a line index`;
    }
  }
  for (let i = 0; i < e.diagnoses.length; i++) {
    const d = e.diagnoses[i]!;
    if (!isString(d.code)) return `diagnoses[${i}].code: expected an ICD-10-CM code string`;
    if (d.description !== undefined && !isString(d.description))
      return `diagnoses[${i}].description: expected a string`;
  }
  for (let i = 0; i < e.lines.length; i++) {
    const l = e.lines[i]!;
    const at = `lines[${i}]`;
    if (!isString(l.code)) return `${at}.code: expected a code string (empty for a retail item)`;
    if (l.modifiers !== undefined) {
      for (let j = 0; j < l.modifiers.length; j++)
        if (!isString(l.modifiers[j])) return `${at}.modifiers[${j}]: expected a modifier string`;
    }
    if (l.units !== undefined && !isPositiveInt(l.units)) return `${at}.units: expected a positive integer`;
    if (l.dx !== undefined) {
      for (let j = 0; j < l.dx.length; j++) if (!isInt(l.dx[j])) return `${at}.dx[${j}]: expected an integer pointer`;
    }
    if (l.site !== undefined && !isString(l.site)) return `${at}.site: expected a string`;
    if (l.sizeCm !== undefined && !isPositiveNumber(l.sizeCm)) return `${at}.sizeCm: expected a positive number`;
    if (l.lesions !== undefined && !isPositiveInt(l.lesions)) return `${at}.lesions: expected a positive integer`;
    if (l.billTo !== undefined && l.billTo !== 'insurance' && l.billTo !== 'patient')
      return `${at}.billTo: expected 'insurance' or 'patient'`;
    if (l.category !== undefined && l.category !== 'service' && l.category !== 'cosmetic' && l.category !== 'retail')
      return `${at}.category: expected 'service', 'cosmetic' or 'retail'`;
    if (l.description !== undefined && !isString(l.description)) return `${at}.description: expected a string`;
  }
  if (e.note !== undefined && !isString(e.note)) return 'note: expected the note as a string';
  const notString = (list: unknown[] | undefined) => list?.findIndex((x) => !isString(x)) ?? -1;
  for (const [i, h] of (e.history ?? []).entries()) {
    const at = `history[${i}]`;
    if (!(isString(h.dateOfService) && DATE.test(h.dateOfService)))
      return `${at}.dateOfService: expected a date YYYY-MM-DD`;
    if (!isString(h.code)) return `${at}.code: expected a code string`;
    let j = notString(h.modifiers);
    if (j >= 0) return `${at}.modifiers[${j}]: expected a modifier string`;
    if ((j = notString(h.dx)) >= 0) return `${at}.dx[${j}]: expected an ICD-10-CM code string`;
  }
  return null;
}
