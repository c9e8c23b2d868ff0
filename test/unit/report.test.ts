/** The reports' pure parts: filters, line numbers as the claim counts them, totals, text, CSV and HTML rows. */
import { describe, expect, it } from 'vitest';
import type { Encounter, Finding } from '../../rules/schema';
import { filterFindings, lineNumberOf, type Judged } from '../../lib/report/judged';
import { percent, ReportStats } from '../../lib/report/stats';
import { formatJudged, formatSummary, terminalSafe } from '../../lib/report/text';
import { csvRowsOf, csvStart } from '../../lib/report/csv';
import { escapeHtml, htmlDocumentEnd, htmlDocumentStart, htmlRowsOf, type ReportMeta } from '../../lib/report/html';

const encounter: Encounter = {
  id: 'PCN-7/2026-03-05',
  dateOfService: '2026-03-05',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'D48.5' }],
  lines: [
    { code: '11102', dx: [1] },
    { code: '11104', modifiers: ['59', 'RT'], units: 2, dx: [1] },
  ],
};
const finding = (rule: string, severity: Finding['severity'], line: number | null, fix?: string): Finding => ({
  rule,
  severity,
  line,
  message: `${rule} says so.`,
  ...(fix ? { fix } : {}),
  reference: 'Somewhere',
});
const judged = (findings: Finding[], position = 1, lineNumbers?: number[]): Judged => ({
  encounter,
  source: { kind: 'claim', position, ...(lineNumbers ? { lineNumbers } : {}) },
  findings,
});

describe('filters and line numbers', () => {
  const all = [finding('a', 'error', 0), finding('b', 'warning', 1), finding('c', 'info', null)];
  it('keeps the rules asked for, at or above the severity asked for', () => {
    expect(filterFindings(all, {}).map((f) => f.rule)).toEqual(['a', 'b', 'c']);
    expect(filterFindings(all, { minSeverity: 'warning' }).map((f) => f.rule)).toEqual(['a', 'b']);
    expect(filterFindings(all, { minSeverity: 'error' }).map((f) => f.rule)).toEqual(['a']);
    expect(filterFindings(all, { only: new Set(['c', 'b']), minSeverity: 'warning' }).map((f) => f.rule)).toEqual([
      'b',
    ]);
  });
  it("numbers a line as the claim does (a claim judged a day at a time keeps the claim's numbers), else from 1", () => {
    expect(lineNumberOf(judged([], 1, [3, 4]), { line: 1 })).toBe(4);
    expect(lineNumberOf(judged([]), { line: 1 })).toBe(2);
    expect(lineNumberOf(judged([]), { line: null })).toBeNull();
  });
});

describe('totals', () => {
  it('counts a claim judged as two days once, with errors if either day has one; rules by errors first', () => {
    const stats = new ReportStats();
    stats.add(judged([finding('mod25-missing', 'warning', 0, 'Add 25.')], 1, [1]));
    stats.add(judged([finding('biopsy-primary', 'error', 0, 'Use 11103.')], 1, [2]));
    stats.add(
      judged(
        [finding('mod25-missing', 'warning', 0, 'Add 25.'), finding('mod25-missing', 'warning', 1, 'Drop it.')],
        2,
      ),
    );
    stats.add(judged([], 3));
    expect([stats.encounters, stats.withFindings, stats.withErrors, stats.findings]).toEqual([3, 2, 1, 4]);
    expect(stats.byRule().map((r) => [r.rule, r.error, r.warning, r.encounters])).toEqual([
      ['biopsy-primary', 1, 0, 1],
      ['mod25-missing', 0, 3, 2],
    ]);
    expect(ReportStats.topFixes(stats.rules.get('mod25-missing')!, 3)).toEqual([
      ['Add 25.', 2],
      ['Drop it.', 1],
    ]);
    expect([percent(1, 3), percent(1, 200), percent(0, 0)]).toEqual(['33%', '0.5%', '0%']);
  });
});

describe('text report', () => {
  it("names the claim by its id, each line by the claim's number, code and modifiers and pointers; escapes terminal controls", () => {
    const text = formatJudged(
      judged([finding('biopsy-primary', 'error', 1, 'Use 11105.'), finding('dx-invalid', 'info', null)], 1, [3, 4]),
    );
    expect(text).toBe(
      [
        'claim PCN-7/2026-03-05 (2026-03-05, commercial)',
        '  line 4 11104-59-RT dx 1      ✖ error    biopsy-primary',
        '      biopsy-primary says so.',
        '      fix: Use 11105.',
        '      ref: Somewhere',
        '  claim                        ● review   dx-invalid',
        '      dx-invalid says so.',
        '      ref: Somewhere',
        '',
        '',
      ].join('\n'),
    );
    expect(formatJudged(judged([]))).toBe('');
    expect(terminalSafe('a\x1b[2Jb\u202ec\n')).toBe('a\\u001b[2Jb\\u202ec\\u000a');
  });
  it('sums up per rule', () => {
    const stats = new ReportStats();
    stats.add(judged([finding('mod25-missing', 'error', 0), finding('mod25-unsupported', 'info', 0)]));
    stats.add(judged([], 2));
    expect(formatSummary(stats)).toBe(
      '2 claims checked, 1 with findings (1 with errors, 50%): 1 error, 0 warnings, 1 to review\nby rule:\n  mod25-missing      1 error                   in 1 claim\n  mod25-unsupported  1 to review               in 1 claim\n',
    );
  });
});

describe('CSV', () => {
  it("one row per finding, the claim's line number, code, modifiers, units, formula-safe", () => {
    expect(csvStart()).toBe('\uFEFFid,rule,severity,line,code,modifiers,units,message,fix,reference\r\n');
    expect(
      csvRowsOf(
        judged([finding('biopsy-primary', 'error', 1, '=cmd|calc'), finding('dx-invalid', 'error', null)], 1, [3, 4]),
      ),
    ).toBe(
      "PCN-7/2026-03-05,biopsy-primary,error,4,11104,59 RT,2,biopsy-primary says so.,'=cmd|calc,Somewhere\r\n" +
        'PCN-7/2026-03-05,dx-invalid,error,claim,,,,dx-invalid says so.,,Somewhere\r\n',
    );
  });
});

describe('HTML', () => {
  const meta: ReportMeta = {
    version: '0.1.0',
    input: { name: '<b>batch</b>.837', format: '837' },
    generatedAt: '2026-03-06T10:15:00.000Z',
    filter: { minSeverity: 'warning' },
    rules: [
      {
        id: 'biopsy-primary',
        summary: 'One primary <per> session.',
        severity: 'error',
        level: 'default',
        reference: 'CPT & NCCI',
      },
    ],
    tables: [{ name: 'ICD-10-CM FY2026', detail: 'in force 2025-10-01 to 2026-09-30' }],
  };
  it('escapes every text it writes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const hostile: Judged = {
      ...judged([
        { ...finding('biopsy-primary', 'error', 0), message: '<script>alert(1)</script>', fix: '<img src=x>' },
      ]),
      encounter: { ...encounter, id: '"><svg onload=alert(1)>', lines: [{ code: '<i>', modifiers: ['<b>'] }] },
    };
    const row = htmlRowsOf(hostile);
    expect(row).not.toMatch(/<(script|img|svg|i|b)\b/);
    expect(row).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
  });
  it('is one page: totals, chart, top findings, a table of every finding, the rules and tables used; only its own hashed style and script', async () => {
    const stats = new ReportStats();
    const rows = [judged([finding('biopsy-primary', 'error', 1, 'Use 11105.')], 1, [3, 4])];
    rows.forEach((r) => stats.add(r));
    const page = (await htmlDocumentStart(stats, meta)) + rows.map(htmlRowsOf).join('') + htmlDocumentEnd(meta);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<title>dermlint coding report — &lt;b&gt;batch&lt;/b&gt;.837</title>');
    for (const part of [
      'Claims checked',
      'With errors (likely denied)',
      'Share of claims with errors',
      'Findings by rule',
      '<svg viewBox',
      'Top findings and how to fix them',
      'Use 11105.',
      'Every finding',
      'id="findings"',
      'Rules and tables used',
      'ICD-10-CM FY2026',
      'One primary &lt;per&gt; session.',
      'CPT &amp; NCCI',
      'only findings of severity warning or above',
    ]) {
      expect(page).toContain(part);
    }
    expect(page).toContain('<td class="nowrap">PCN-7/2026-03-05</td><td>4</td><td class="nowrap">11104-59-RT</td>');
    // Nothing from elsewhere: no URL to fetch, no web font, no external script or style.
    expect(page).not.toMatch(/(?:src|href)=|@import|@font-face|url\(/);
    const csp =
      /content="default-src 'none'; style-src 'sha256-([^']+)'; script-src 'sha256-([^']+)'; base-uri 'none'; form-action 'none'"/.exec(
        page,
      )!;
    const hash = async (text: string) =>
      Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64');
    expect(csp[1]).toBe(await hash(/<style>([\s\S]*?)<\/style>/.exec(page)![1]!));
    expect(csp[2]).toBe(await hash(/<script>([\s\S]*?)<\/script>/.exec(page)![1]!));
  });
});
