/** What the pages call the parts of an encounter the worker reports: its payer, its lines, their site groups. */
import type { PayerKind } from '../rules/schema';
import type { SiteGroup } from '../rules/codes';
import type { LineView } from '../lib/messages';

export const PAYER_LABEL: Record<PayerKind, string> = {
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  'self-pay': 'Self-pay',
  unknown: 'Not shown',
};

const payerLabel = (kind: string) => PAYER_LABEL[kind as PayerKind] ?? kind;

/**
 * The payer as read: the insurer's name as dermlint's tables know it, with the kind it was judged as
 * ('Cigna Open Access Plus (Commercial)'); a name on the screen that no table knows is said so.
 */
export function payerText(state: { payerKind: string; payerName?: string }): string {
  if (state.payerName === undefined) return payerLabel(state.payerKind);
  if (!state.payerName) {
    const unknownName = 'an insurer name not in dermlint’s table';
    return state.payerKind === 'unknown'
      ? `${unknownName} (kind not known)`
      : `${payerLabel(state.payerKind)} (${unknownName})`;
  }
  return state.payerKind === 'unknown'
    ? `${state.payerName} (kind not known)`
    : `${state.payerName} (${payerLabel(state.payerKind)})`;
}

/** "Line 2" as the screen counts lines (the worker counts from 0). */
export function lineName(line: number | null): string {
  return line === null ? 'Encounter' : `Line ${line + 1}`;
}

/** A line's site as the review list names it: its group in the anatomic lexicon (the site as typed is never kept). */
export const SITE_GROUP_NAME: Readonly<Record<SiteGroup, string>> = {
  A: 'site on the trunk, arms or legs',
  B: 'site on the scalp, neck, hands, feet or genitalia',
  C: 'site on the face, ears, eyelids, nose, lips or mucous membrane',
};

/** "17110 RT ×2" — what a coder recognises a line by. */
export function lineCodeText(line: LineView | undefined): string {
  if (!line) return '';
  const code = line.code || '(no code)';
  const mods = line.modifiers.length ? ` ${line.modifiers.join(' ')}` : '';
  return `${code}${mods}${line.units !== 1 ? ` ×${line.units}` : ''}`;
}
