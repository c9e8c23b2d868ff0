/**
 * The NCCI tables the engine reads through RuleContext.tables (never by I/O):
 * `tables.ptp` (procedure-to-procedure edits) and `tables.mue` (medically
 * unlikely edits). Both carry the label findings name them by.
 */

/** 0: never reported together; 1: a PTP-associated modifier may separate them; 9: no edit. */
export type ModifierIndicator = 0 | 1 | 9;
/** 1: line edit; 2: date-of-service edit, policy; 3: date-of-service edit, clinical data. */
export type MueAdjudicationIndicator = 1 | 2 | 3;

export interface TableLabel {
  /** How findings name the table: 'NCCI PTP 2026 Q3'. */
  readonly name: string;
  /** The findings' reference: 'CMS NCCI PTP edits, practitioner, 2026 Q3 (v32.2)'. */
  readonly reference: string;
  /**
   * First day of the table's quarter (YYYY-MM-DD): a dated table judges an
   * encounter without a dateOfService as of this day (the engine reads no clock).
   */
  readonly asOf?: string;
}

export interface PtpEdit {
  readonly column1: string;
  readonly column2: string;
  readonly modifier: ModifierIndicator;
  /** YYYY-MM-DD; absent when the table carries no dates. */
  readonly effective?: string;
  /** YYYY-MM-DD, the last day the edit applies; absent while it is in force. */
  readonly deletion?: string;
  /** CMS's PTP edit rationale (or, in the built-in subset, its keyword class). */
  readonly rationale?: string;
}

export interface MueEntry {
  readonly code: string;
  /** Units of service a practitioner may report for the code (per line for MAI 1, per date of service for 2 and 3). */
  readonly mue: number;
  readonly mai: MueAdjudicationIndicator;
  readonly rationale: string;
}

export interface MueTableLike extends TableLabel {
  readonly kind: 'ncci-mue';
  readonly size: number;
  get(code: string): MueEntry | undefined;
}

/** 'YYYY-MM-DD' → 20260701; anything else → 0. */
export function dayNumber(date: string | undefined): number {
  if (date === undefined || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = date.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    day = day * 10 + d;
  }
  return day; // YYYYMMDD
}

/** 20260701 → '2026-07-01'. */
export function dayString(day: number): string {
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
