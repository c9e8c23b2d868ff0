/**
 * The coder's readable report: each encounter or claim by its id, each
 * finding on the line it concerns (lines counted from 1, as on the screen and
 * on the claim), severity, rule, message, fix and reference; a summary with
 * the totals by rule.
 */
import type { Severity } from '../../rules/schema';
import { codeWithModifiers, lineNumberOf, lineOf, type Judged } from './judged';
import { percent, plural, type ReportStats } from './stats';

const MARK: Record<Severity, string> = { error: '✖ error', warning: '▲ warning', info: '● review' };
const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

/** Text from the input, safe on a terminal: control and direction-changing characters escaped. */
export function terminalSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One encounter's block; empty when it has no findings. */
export function formatJudged(judged: Judged, color = false): string {
  if (judged.findings.length === 0) return '';
  const { encounter, source } = judged;
  const paint = (sev: Severity, s: string) => (color ? `${COLOR[sev]}${s}\x1b[0m` : s);
  const about = [encounter.dateOfService, encounter.payer.kind === 'unknown' ? undefined : encounter.payer.kind]
    .filter(Boolean)
    .join(', ');
  const out = [`${source.kind} ${terminalSafe(encounter.id)}${about ? ` (${about})` : ''}`];
  for (const f of judged.findings) {
    const line = lineOf(judged, f);
    const number = lineNumberOf(judged, f);
    const where = line
      ? `line ${number} ${terminalSafe(codeWithModifiers(line))}${line.dx?.length ? ` dx ${line.dx.join(',')}` : ''}`
      : source.kind;
    out.push(`  ${where.padEnd(28)} ${paint(f.severity, MARK[f.severity].padEnd(9))}  ${f.rule}`);
    out.push(`      ${terminalSafe(f.message)}`);
    if (f.fix) out.push(`      fix: ${terminalSafe(f.fix)}`);
    if (f.reference) out.push(`      ref: ${terminalSafe(f.reference)}`);
  }
  return out.join('\n') + '\n\n';
}

export function formatSummary(stats: ReportStats): string {
  const { severities } = stats;
  const head =
    `${plural(stats.encounters, stats.noun)} checked, ${stats.withFindings.toLocaleString('en-US')} with findings` +
    (stats.encounters
      ? ` (${stats.withErrors.toLocaleString('en-US')} with errors, ${percent(stats.withErrors, stats.encounters)})`
      : '') +
    `: ${plural(severities.error, 'error')}, ${plural(severities.warning, 'warning')}, ${severities.info.toLocaleString('en-US')} to review\n`;
  const rules = stats.byRule();
  if (rules.length === 0) return head;
  const width = Math.max(...rules.map((r) => r.rule.length));
  const rows = rules.map((r) => {
    const counts = [
      r.error ? plural(r.error, 'error') : '',
      r.warning ? plural(r.warning, 'warning') : '',
      r.info ? `${r.info.toLocaleString('en-US')} to review` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `  ${r.rule.padEnd(width)}  ${counts.padEnd(24)}  in ${plural(r.encounters, stats.noun)}`;
  });
  return `${head}by rule:\n${rows.join('\n')}\n`;
}
