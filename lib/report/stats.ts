/**
 * Totals for a report, gathered one judged encounter at a time in bounded
 * memory: counts by rule and severity, encounters with errors or findings,
 * and each rule's most frequent fixes.
 */
import type { Severity } from '../../rules/schema';
import type { Judged } from './judged';

/** Distinct fix texts kept per rule; the rest are counted together. */
const FIXES_KEPT = 200;

export interface RuleTotals {
  rule: string;
  error: number;
  warning: number;
  info: number;
  /** Encounters (or claims) with at least one finding of the rule. */
  encounters: number;
  fixes: Map<string, number>;
  /** Findings whose fix was not counted (more distinct fixes than FIXES_KEPT, or none given). */
  otherFixes: number;
}

export class ReportStats {
  encounters = 0;
  withFindings = 0;
  withErrors = 0;
  readonly severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  readonly rules = new Map<string, RuleTotals>();
  /** 'claim' when every input item was a claim. */
  noun: 'encounter' | 'claim' = 'encounter';

  /** The claim being counted: a claim over several days comes as one encounter per day, one after another, and counts once. */
  private current: { position: number; findings: boolean; errors: boolean; rules: Set<string> } | undefined;

  add(judged: Judged): void {
    this.noun = judged.source.kind;
    const sameClaim = judged.source.kind === 'claim' && this.current?.position === judged.source.position;
    if (!sameClaim) {
      this.encounters++;
      this.current = { position: judged.source.position, findings: false, errors: false, rules: new Set() };
    }
    const current = this.current!;
    if (judged.findings.length === 0) return;
    if (!current.findings) {
      current.findings = true;
      this.withFindings++;
    }
    if (!current.errors && judged.findings.some((f) => f.severity === 'error')) {
      current.errors = true;
      this.withErrors++;
    }
    const seen = current.rules;
    for (const f of judged.findings) {
      this.severities[f.severity]++;
      let totals = this.rules.get(f.rule);
      if (!totals)
        this.rules.set(
          f.rule,
          (totals = { rule: f.rule, error: 0, warning: 0, info: 0, encounters: 0, fixes: new Map(), otherFixes: 0 }),
        );
      totals[f.severity]++;
      if (!seen.has(f.rule)) {
        seen.add(f.rule);
        totals.encounters++;
      }
      if (f.fix && (totals.fixes.has(f.fix) || totals.fixes.size < FIXES_KEPT))
        totals.fixes.set(f.fix, (totals.fixes.get(f.fix) ?? 0) + 1);
      else totals.otherFixes++;
    }
  }

  get findings(): number {
    return this.severities.error + this.severities.warning + this.severities.info;
  }

  /** Rules by findings, errors first: most errors, then most warnings, then most to review, then id. */
  byRule(): RuleTotals[] {
    return [...this.rules.values()].sort(
      (a, b) => b.error - a.error || b.warning - a.warning || b.info - a.info || (a.rule < b.rule ? -1 : 1),
    );
  }

  /** A rule's most frequent fixes, most frequent first. */
  static topFixes(totals: RuleTotals, n: number): [string, number][] {
    return [...totals.fixes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  }
}

export const plural = (n: number, word: string, many = `${word}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

/** '25%' of a part in a whole; '0%' for an empty whole. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}
