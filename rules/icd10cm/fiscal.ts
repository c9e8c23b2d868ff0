/**
 * ICD-10-CM code sets by fiscal year. CMS/NCHS release a new code set every
 * year, in force from 1 October (FY2027: 2026-10-01 to 2027-09-30); a claim
 * is coded with the set in force on its date of service.
 *
 * The engine takes the sets it may use with their ranges (`run(e, { icdSets })`)
 * and picks one per encounter here. It reads no clock: an encounter without a
 * dateOfService is judged as of the caller's `icdAsOf` day (the extension passes
 * today's date), and with neither, with the newest set.
 *
 * Pure TypeScript.
 */
import type { IcdCodeSet } from './types';

export interface IcdSetInForce {
  readonly set: IcdCodeSet;
  /** First day in force, YYYY-MM-DD. */
  readonly from: string;
  /** Last day in force, YYYY-MM-DD. */
  readonly to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The days of a fiscal year: FY2027 is 2026-10-01 to 2027-09-30. */
export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear - 1}-10-01`, to: `${fiscalYear}-09-30` };
}

/** The fiscal year a day falls in: 2026-10-15 is in FY2027. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 10 ? year + 1 : year;
}

/**
 * The code set to judge an encounter with, on `day` (its dateOfService, else
 * the caller's icdAsOf; YYYY-MM-DD):
 *   1. the set in force that day (when ranges overlap, the one that started last);
 *   2. a day after every loaded set: the newest set that had started (the practice
 *      has not loaded that year yet; the newest it has is the best guess);
 *   3. a day before every loaded set: the oldest one;
 *   4. no day at all: the newest set (the one that started last).
 * Undefined only when `sets` is empty.
 */
export function icdSetFor(sets: readonly IcdSetInForce[], day?: string): IcdSetInForce | undefined {
  if (sets.length === 0) return undefined;
  const byStart = [...sets].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const newest = byStart[byStart.length - 1]!;
  if (!day || !DAY.test(day)) return newest;
  let started: IcdSetInForce | undefined;
  for (const s of byStart) {
    if (s.from > day) break;
    started = s;
  }
  if (!started) return byStart[0]!;
  for (let i = byStart.length - 1; i >= 0; i--) {
    const s = byStart[i]!;
    if (s.from <= day && day <= s.to) return s;
  }
  return started;
}
