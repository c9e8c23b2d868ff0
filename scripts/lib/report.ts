/** The coder's readable report: encounter, line, code, severity, message, fix; a summary count. */
import type { Encounter, Finding, Severity } from '../../rules/schema';

const MARK: Record<Severity, string> = { error: '✖ error', warning: '▲ warning', info: '● review' };
const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

export interface Totals { error: number; warning: number; info: number; flagged: number }
export const newTotals = (): Totals => ({ error: 0, warning: 0, info: 0, flagged: 0 });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One encounter's block; empty when it has no findings. Adds to the totals. */
export function formatEncounter(encounter: Encounter, findings: Finding[], totals: Totals, color = false): string {
  if (findings.length === 0) return '';
  totals.flagged++;
  const paint = (sev: Severity, s: string) => (color ? `${COLOR[sev]}${s}\x1b[0m` : s);
  const out = [`encounter ${encounter.id}`];
  for (const f of findings) {
    totals[f.severity]++;
    const line = f.line === null ? undefined : encounter.lines[f.line];
    const where = line ? `line ${f.line} ${(line.code || '(no code)') + (line.modifiers?.length ? '-' + line.modifiers.join('-') : '')}` : 'encounter';
    out.push(`  ${where.padEnd(18)} ${paint(f.severity, MARK[f.severity].padEnd(9))}  ${f.rule}`);
    out.push(`      ${f.message}`);
    if (f.fix) out.push(`      fix: ${f.fix}`);
    if (f.reference) out.push(`      ref: ${f.reference}`);
  }
  return out.join('\n') + '\n\n';
}

export function formatSummary(checked: number, totals: Totals): string {
  return `${plural(checked, 'encounter')} checked, ${totals.flagged} with findings: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.info} to review\n`;
}
