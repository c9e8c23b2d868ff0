/**
 * An encounter or claim as the reports see it once judged: what was read,
 * where it came from, and the findings left after the user's filters.
 */
import type { Encounter, Finding, Line, Severity } from '../../rules/schema';
import type { EncounterSource } from '../claims/source';

export interface Judged {
  encounter: Encounter;
  source: EncounterSource;
  findings: Finding[];
}

/** What the reports show; the JSON contract (`--format json`) is these findings as they are. */
export interface FindingFilter {
  /** Rule ids to keep; undefined keeps all. */
  only?: ReadonlySet<string>;
  /** Keep findings at least this severe (error > warning > info). */
  minSeverity?: Severity;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  const max = filter.minSeverity ? RANK[filter.minSeverity] : 2;
  return findings.filter((f) => RANK[f.severity] <= max && (!filter.only || filter.only.has(f.rule)));
}

/** The number a person reads for a finding's line: the claim's own line number, or the line's place counted from 1; null for the whole encounter. */
export function lineNumberOf(judged: Pick<Judged, 'source'>, finding: Pick<Finding, 'line'>): number | null {
  if (finding.line === null) return null;
  return judged.source.lineNumbers?.[finding.line] ?? finding.line + 1;
}

export function lineOf(judged: Pick<Judged, 'encounter'>, finding: Pick<Finding, 'line'>): Line | undefined {
  return finding.line === null ? undefined : judged.encounter.lines[finding.line];
}

/** '11102-59-RT' */
export function codeWithModifiers(line: Line): string {
  return (line.code || '(no code)') + (line.modifiers?.length ? `-${line.modifiers.join('-')}` : '');
}
