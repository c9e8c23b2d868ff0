/**
 * Case tables: each rule ships `<id>.cases.ts` beside it with encounters that
 * must pass and must fail, run by one shared tester (test/unit/rules.test.ts)
 * that demands the exact lines (and severities, where given) of that rule's findings.
 */
import type { Encounter, FindingField, Line, PayerKind, Severity } from './schema';

interface ValidCase {
  name: string;
  encounter: Encounter;
}
interface InvalidCase {
  name: string;
  encounter: Encounter;
  /** Every finding of this rule, exactly: its line, and its severity when given. */
  findings: {
    line: number | null;
    severity?: Severity;
    /** The rule's message id the finding renders, and its title as shown inline. */
    messageId?: string;
    title?: string;
    /** The field it concerns. */
    field?: FindingField | null;
    /** Labels of its one-click fixes, in order. */
    suggestions?: string[];
    /** Part of its fix, where the data it names matters beyond the title. */
    fixIncludes?: string;
  }[];
}
export interface CaseTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export function defineCases(table: CaseTable): CaseTable {
  return table;
}

let counter = 0;

export interface EncounterSketch {
  id?: string;
  payer?: PayerKind;
  /** ICD-10-CM codes, in claim order (pointer 1 is the first). */
  dx?: string[];
  lines: (Line | string)[];
  abn?: Encounter['abn'];
  dateOfService?: string;
}

/**
 * A compact way to write an encounter: `enc({ payer: 'medicare', dx: ['L57.0'], lines: [{ code: '17000', dx: [1] }] })`.
 * A line may be a bare code string. Payer defaults to commercial.
 */
export function enc(sketch: EncounterSketch): Encounter {
  const encounter: Encounter = {
    id: sketch.id ?? `case-${++counter}`,
    payer: { kind: sketch.payer ?? 'commercial' },
    diagnoses: (sketch.dx ?? []).map((code) => ({ code })),
    lines: sketch.lines.map((l) => (typeof l === 'string' ? { code: l } : l)),
  };
  if (sketch.abn) encounter.abn = sketch.abn;
  if (sketch.dateOfService) encounter.dateOfService = sketch.dateOfService;
  return encounter;
}
