/** Words the extension pages show for the worker's values. */
import type { PayerKind, Severity } from '../rules/schema';
import type { RuleLevel } from '../rules/settings';
import type { SiteGroup } from '../rules/codes';
import type { FindingView, LineView } from '../lib/messages';

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

export const LEVEL_LABEL: Record<RuleLevel, string> = {
  off: 'Off',
  default: 'Default',
  info: 'Needs review',
  warning: 'Warning',
  error: 'Error',
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then needs-review; the engine's line order within each. */
export function bySeverity(a: FindingView, b: FindingView): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? -1) - (b.line ?? -1);
}

/** "Line 2" as the screen counts lines (the worker counts from 0). */
export function lineName(line: number | null): string {
  return line === null ? 'Encounter' : `Line ${line + 1}`;
}

/** "17110 RT ×2" — what a coder recognises a line by. */
/** A line's site as the review list names it: its group in the anatomic lexicon (the site as typed is never kept). */
export const SITE_GROUP_NAME: Readonly<Record<SiteGroup, string>> = {
  A: 'site on the trunk, arms or legs',
  B: 'site on the scalp, neck, hands, feet or genitalia',
  C: 'site on the face, ears, eyelids, nose, lips or mucous membrane',
};

export function lineCodeText(line: LineView | undefined): string {
  if (!line) return '';
  const code = line.code || '(no code)';
  const mods = line.modifiers.length ? ` ${line.modifiers.join(' ')}` : '';
  return `${code}${mods}${line.units !== 1 ? ` ×${line.units}` : ''}`;
}

/** A local date and time, short: "Mar 4, 15:02". */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
