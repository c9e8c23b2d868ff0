/**
 * Findings as CSV for a spreadsheet: one row per finding, every cell through
 * the extension's own formula-safe csvCell (lib/export.ts). Lines are counted
 * from 1 as on the claim; encounter-level findings say 'claim' or 'encounter'.
 */
import { csvCell } from '../export';
import { lineNumberOf, lineOf, type Judged } from './judged';

const FINDINGS_CSV_HEADER = [
  'id',
  'rule',
  'severity',
  'line',
  'code',
  'modifiers',
  'units',
  'message',
  'fix',
  'reference',
] as const;

const row = (cells: readonly (string | number | undefined)[]) => cells.map(csvCell).join(',') + '\r\n';

/** The header row, after a byte-order mark so a spreadsheet reads the file as UTF-8 (as the extension's export). */
export function csvStart(): string {
  return '\uFEFF' + row(FINDINGS_CSV_HEADER);
}

export function csvRowsOf(judged: Judged): string {
  return judged.findings
    .map((f) => {
      const line = lineOf(judged, f);
      return row([
        judged.encounter.id,
        f.rule,
        f.severity,
        lineNumberOf(judged, f) ?? judged.source.kind,
        line ? line.code : '',
        line?.modifiers?.join(' ') ?? '',
        line ? (line.units ?? 1) : '',
        f.message,
        f.fix ?? '',
        f.reference ?? '',
      ]);
    })
    .join('');
}
