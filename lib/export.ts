/**
 * What the review list and the audit view export: CSV for a spreadsheet, and
 * JSON in the command line's format. Only codes, rules and what dermlint wrote
 * leave here — never a patient name, MRN, birth date or the encounter's
 * free text: the fields are picked one by one, not copied wholesale.
 */
import type { Finding } from '../rules/schema';
import type { TabState } from './messages';
import {
  FIX_OUTCOME_LABEL,
  REASON_LABEL,
  fixActionText,
  type Dismissal,
  type FixRecord,
} from './background/dismissals';

/** One CSV cell: quoted when it holds a quote, comma or line break; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF between records, a header row first. */
function csvRows(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined | null)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The reason a person gave, in words ('Other: <their text>'). */
function reasonText(reason: Dismissal['reason'], comment?: string): string {
  const label = REASON_LABEL[reason] ?? reason;
  return comment ? `${label}: ${comment}` : label;
}

export const REVIEW_CSV_HEADER = [
  'rule',
  'severity',
  'line',
  'code',
  'modifiers',
  'units',
  'message',
  'fix',
  'reference',
  'dismissed_reason',
  'dismissed_at',
] as const;

/**
 * The review list of one encounter as CSV. `line` is the line's number as the
 * screen counts it (1 is the first), or 'encounter' for encounter-level findings.
 */
export function toCsv(state: Pick<TabState, 'lines' | 'findings'>): string {
  const rows = state.findings.map((f) => {
    const line = f.line === null ? undefined : state.lines[f.line];
    return [
      f.rule,
      f.severity,
      f.line === null ? 'encounter' : f.line + 1,
      line?.code ?? '',
      line ? line.modifiers.join(' ') : '',
      line ? line.units : '',
      f.message,
      f.fix ?? '',
      f.reference ?? '',
      f.dismissed ? reasonText(f.dismissed.reason, f.dismissed.comment) : '',
      f.dismissed?.at ?? '',
    ];
  });
  return csvRows(REVIEW_CSV_HEADER, rows);
}

/**
 * Exactly the command line's `--format json` shape for this encounter: [{ id, findings }], lines 0-based.
 * `id`: a pseudonym made for this export (exportPseudonym), never the install's own.
 */
export function toJson(state: Pick<TabState, 'findings'>, id: string): string {
  const findings: Finding[] = state.findings.map((f) => {
    const out: Finding = { rule: f.rule, severity: f.severity, line: f.line, message: f.message };
    if (f.fix !== undefined) out.fix = f.fix;
    if (f.reference !== undefined) out.reference = f.reference;
    if (f.messageId !== undefined) out.messageId = f.messageId;
    if (f.data !== undefined) out.data = f.data;
    if (f.title !== undefined) out.title = f.title;
    if (f.field !== undefined) out.field = f.field;
    if (f.suggestions !== undefined) out.suggestions = f.suggestions;
    return out;
  });
  return JSON.stringify([{ id, findings }], null, 2) + '\n';
}

export const AUDIT_CSV_HEADER = ['when', 'rule', 'code', 'reason', 'undone'] as const;

/**
 * The audit log as CSV, oldest first: which rule was overridden, on which code, why and when, and
 * the one-click fixes (the rule and message answered, the change, whether the screen took it);
 * no encounter or patient reference.
 */
export function auditToCsv(dismissals: readonly Dismissal[], fixes: readonly FixRecord[] = []): string {
  const rows = [
    ...dismissals.map((d) => [
      d.at,
      d.rule,
      d.code,
      d.reason === 'signed-anyway'
        ? `${REASON_LABEL['signed-anyway']} (${d.subject})`
        : reasonText(d.reason, d.comment),
      d.undoneAt ?? '',
    ]),
    ...fixes.map((f) => [f.at, f.rule, fixCodes(f), fixText(f), '']),
  ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return csvRows(AUDIT_CSV_HEADER, rows);
}

/** The codes a fix's own actions name (a code put on or added), never the line's. */
const fixCodes = (f: FixRecord) => f.actions.flatMap((a) => (a.code ? [a.code] : [])).join(' ');

/** 'One-click fix (separateProblem): add modifier 25 — Applied'. */
function fixText(f: FixRecord): string {
  return `One-click fix${f.messageId ? ` (${f.messageId})` : ''}: ${f.actions.map(fixActionText).join('; ')} — ${FIX_OUTCOME_LABEL[f.outcome]}`;
}

/** A file name with the local date and time, e.g. dermlint-review-2025-03-04-1502.csv. */
export function exportFileName(kind: string, ext: 'csv' | 'json', now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `dermlint-${kind}-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.${ext}`;
}

/** Saves text as a file through the page's own download (no downloads permission, nothing leaves the machine). */
export function downloadText(fileName: string, text: string, type: 'text/csv' | 'application/json'): void {
  // The byte-order mark makes Excel read the CSV as UTF-8 (em dashes, accents).
  const blob = new Blob(type === 'text/csv' ? ['\uFEFF', text] : [text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
