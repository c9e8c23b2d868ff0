/**
 * Global surgery periods and post-operative diagnoses (global-period-em, docs/rules.md),
 * as data: the days after a procedure that its payment includes (CMS physician
 * fee schedule, global days 010 and 090), and the diagnoses that name
 * post-operative care. Codes outside these lists (000, ZZZ, XXX) open no
 * period the engine judges.
 */
import { codeSet, dxGroup, type CodeSet } from './codes';

export type GlobalDays = 10 | 90;

const GLOBAL_PERIODS: readonly { readonly days: GlobalDays; readonly codes: CodeSet }[] = [
  {
    days: 10,
    codes: codeSet(
      '10040',
      '10060',
      '10061',
      '10080',
      '10081',
      '10120',
      '10121',
      '10140',
      '10160',
      '11200',
      ['11400', '11446'],
      ['11600', '11646'],
      '11750',
      ['11760', '11765'],
      '12020',
      '12021',
      ['12031', '12057'],
      ['13100', '13153'],
      '17000',
      '17004',
      '17110',
      '17111',
      ['17260', '17286'],
      '17340',
      '17360',
      '64612',
      '64615',
    ),
  },
  {
    days: 90,
    codes: codeSet(
      ['11450', '11471'],
      '13160',
      ['14000', '14350'],
      ['15100', '15261'],
      ['15570', '15576'],
      ['15780', '15783'],
      ['15788', '15793'],
      ['17106', '17108'],
    ),
  },
];

/** The global period of a trimmed, upper-case code, or undefined when none is judged. */
export function globalDaysOf(code: string): GlobalDays | undefined {
  return GLOBAL_PERIODS.find((p) => p.codes.has(code))?.days;
}

/** Complications of care (T81), intraoperative and post-procedural complications of the skin (L76), aftercare (Z48). */
export const POST_OPERATIVE_DX = dxGroup('T81', 'L76', 'Z48');

/** E/M modifiers: 24 an unrelated visit in a global period, 25 a separate service the day of a procedure, 57 the decision for surgery. */
export const UNRELATED_VISIT_MODIFIER = '24';
export const SAME_DAY_VISIT_MODIFIERS = ['25', '57'] as const;

/** CPT's code for a post-operative visit inside the global period, which is not paid. */
export const POST_OPERATIVE_VISIT = '99024';

/** Days from one YYYY-MM-DD date to another (positive when `to` is later), or undefined when either is no calendar date. */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  const a = utcDay(from);
  const b = utcDay(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

function utcDay(date: string | undefined): number | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // 2026-02-30 is no day: Date.UTC would roll it into March.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / 86_400_000);
}
