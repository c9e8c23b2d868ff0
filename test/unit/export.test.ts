/** Exports of the review list and the audit log: CSV quoting, the CLI's JSON shape, no patient identifiers. */
import { describe, expect, it } from 'vitest';
import {
  auditToCsv,
  csvCell,
  exportFileName,
  toCsv,
  toJson,
  AUDIT_CSV_HEADER,
  REVIEW_CSV_HEADER,
} from '../../lib/export';
import { createWorker, type Sender } from '../../lib/background/worker';
import type { Dismissal, DismissalStore } from '../../lib/background/dismissals';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import { exportPseudonym } from '../../lib/background/pseudonym';
import type { TabState } from '../../lib/messages';
import { run } from '../../rules/index';
import { ResultSchema } from '../../rules/schema';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(quoted).toBe(false);
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ehr: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };

/** Patient details a screen may carry: none of them may reach an export. */
const PATIENT = ['Jane Q Doe', 'MRN 0048213', '1961-07-04', 'Acme Medicare Gold'];
const encounter = {
  id: 'enc-hash-1',
  dateOfService: '1961-07-04',
  payer: { kind: 'commercial', name: 'Acme Medicare Gold' },
  diagnoses: [
    { code: 'B07.8', description: 'Wart on Jane Q Doe' },
    { code: 'L40.0', description: 'MRN 0048213' },
  ],
  lines: [
    { code: '99213', dx: [2], description: 'Visit for Jane Q Doe' },
    { code: '17110', dx: [1], modifiers: ['RT'], site: 'left forearm', units: 1 },
    { code: '11102', dx: [1], units: 1, site: 'back' },
  ],
};

function memoryDismissals(): DismissalStore & { rows: Map<string, Dismissal> } {
  const rows = new Map<string, Dismissal>();
  return {
    rows,
    async put(d) {
      rows.set(d.key, d);
    },
    async remove(key) {
      rows.delete(key);
    },
    async undo(key, at) {
      const d = rows.get(key);
      if (d) {
        rows.delete(key);
        rows.set(`${key}|undone|${at}`, { ...d, key: `${key}|undone|${at}`, undoneAt: at });
      }
    },
    async forEncounter(e) {
      return [...rows.values()].filter((d) => d.encounter === e && !d.undoneAt);
    },
    async all() {
      return [...rows.values()];
    },
    async clear() {
      rows.clear();
    },
  };
}

/** The tab state the side panel gets, built by the real worker. */
async function stateFromWorker(
  dismiss?: { reason: 'other'; comment: string },
  seen: object = encounter,
): Promise<TabState> {
  const states = new Map<number, TabState>();
  const dismissals = memoryDismissals();
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
    dismissals,
    stateStore: {
      get: async (t) => states.get(t),
      set: async (s) => void states.set(s.tabId, s),
      remove: async (t) => void states.delete(t),
    },
    now: () => new Date('2025-03-04T15:02:00.000Z'),
    // The screen's answer to "does this comment repeat the patient banner?": no.
    askFrame: async () => ({ banner: true, contains: false }),
  });
  await worker.handle({ type: 'evaluate', adapter: 'ema', encounter: seen }, ehr);
  if (dismiss) {
    const first = states.get(7)!.findings[0]!;
    expect(await worker.handle({ type: 'dismiss', tabId: 7, key: first.key, ...dismiss }, page)).toEqual({ ok: true });
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter: seen }, ehr);
  }
  const reply = await worker.handle({ type: 'tab-state', tabId: 7 }, page);
  expect(reply).toMatchObject({ ok: true });
  return (reply as { state: TabState }).state;
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('%j → %s', (input, out) => expect(csvCell(input)).toBe(out));

  it('writes numbers and empty values', () => {
    expect(csvCell(3)).toBe('3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('review list export', () => {
  it('JSON is exactly what the command line prints for the encounter', async () => {
    const state = await stateFromWorker();
    const parsed = JSON.parse(toJson(state, 'x.0123'));
    expect(parsed).toEqual([{ id: 'x.0123', findings: run(encounter as never) }]);
    expect(parsed.map((r: unknown) => ResultSchema.parse(r))).toEqual(parsed);
    // Nothing but the CLI's keys, even for a dismissed finding.
    const dismissed = await stateFromWorker({ reason: 'other', comment: 'seen by Dr. Roe' });
    for (const f of JSON.parse(toJson(dismissed, 'x.0123'))[0].findings) {
      expect(
        Object.keys(f).every((k) =>
          [
            'rule',
            'severity',
            'line',
            'message',
            'fix',
            'reference',
            'messageId',
            'data',
            'title',
            'field',
            'suggestions',
          ].includes(k),
        ),
      ).toBe(true);
    }
  });

  it('CSV has one row per finding with the line as the screen counts it, its code, modifiers and units', async () => {
    const state = await stateFromWorker();
    const rows = parseCsv(toCsv(state));
    expect(rows[0]).toEqual([...REVIEW_CSV_HEADER]);
    expect(rows).toHaveLength(state.findings.length + 1);
    state.findings.forEach((f, i) => {
      const row = Object.fromEntries(REVIEW_CSV_HEADER.map((h, j) => [h, rows[i + 1]![j]]));
      expect(row.rule).toBe(f.rule);
      expect(row.severity).toBe(f.severity);
      expect(row.message).toBe(f.message);
      expect(row.fix).toBe(f.fix ?? '');
      expect(row.reference).toBe(f.reference ?? '');
      if (f.line === null) expect(row.line).toBe('encounter');
      else {
        expect(row.line).toBe(String(f.line + 1));
        expect(row.code).toBe(encounter.lines[f.line]!.code);
        expect(row.modifiers).toBe((encounter.lines[f.line]!.modifiers ?? []).join(' '));
      }
    });
  });

  it('CSV carries the dismissal reason and time', async () => {
    const state = await stateFromWorker({ reason: 'other', comment: 'payer letter, "2024"' });
    const rows = parseCsv(toCsv(state));
    const i = REVIEW_CSV_HEADER.indexOf('dismissed_reason');
    expect(rows[1]![i]).toBe('Other: payer letter, "2024"');
    expect(rows[1]![i + 1]).toBe('2025-03-04T15:02:00.000Z');
    expect(rows.slice(2).every((r) => r[i] === '')).toBe(true);
  });

  it('no patient name, MRN, birth date, payer name or free text reaches either file', async () => {
    const state = await stateFromWorker();
    expect(state.findings.length).toBeGreaterThan(0);
    const json = toJson(state, await exportPseudonym(state.encounterId));
    for (const text of [toCsv(state), json]) {
      for (const secret of [...PATIENT, 'Wart on', 'Visit for', 'enc-hash-1']) expect(text).not.toContain(secret);
    }
    // Neither file names the encounter as this install knows it.
    expect(toCsv(state)).not.toContain(state.encounterId);
    expect(json).not.toContain(state.encounterId);
  });

  it('free text the screen showed (a site, a code field holding a name) reaches neither file nor the tab state', async () => {
    const typed = 'left cheek - pt SMITH, JOHN MRN 00123456';
    const state = await stateFromWorker(undefined, {
      ...encounter,
      lines: [
        ...encounter.lines,
        { code: '11402', dx: [1], site: typed, units: 1 },
        { code: 'SMITH JOHN', modifiers: ['GA', 'GZ', 'MRN 00123456'], dx: [1], units: 1 },
      ],
    });
    expect(state.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(
      expect.arrayContaining(['site-code-mismatch@3', 'modifier-conflict@4']),
    );
    // The line as the panel shows it: the site's group, a code only when it is shaped like one.
    expect(state.lines[3]).toEqual({ code: '11402', modifiers: [], units: 1, siteGroup: 'C', billTo: 'insurance' });
    expect(state.lines[4]).toEqual({ code: '', modifiers: ['GA', 'GZ'], units: 1, billTo: 'insurance' });
    for (const text of [toCsv(state), toJson(state, await exportPseudonym(state.encounterId)), JSON.stringify(state)]) {
      for (const secret of ['SMITH', 'JOHN', '00123456', 'left cheek']) expect(text).not.toContain(secret);
    }
  });

  it('an empty review list is a header only', () => {
    expect(toCsv({ lines: [], findings: [] })).toBe(REVIEW_CSV_HEADER.join(',') + '\r\n');
    expect(JSON.parse(toJson({ findings: [] }, 'x'))).toEqual([{ id: 'x', findings: [] }]);
  });
});

describe('per-export pseudonym', () => {
  it('is made with a fresh key for each export: never the encounter id, never twice the same', async () => {
    const a = await exportPseudonym('p1.00112233445566778899aabbccddeeff');
    const b = await exportPseudonym('p1.00112233445566778899aabbccddeeff');
    expect(a).toMatch(/^x\.[0-9a-f]{32}$/);
    expect(b).toMatch(/^x\.[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe('audit export', () => {
  const base = { encounter: 'enc-hash-1', outcome: 'overridden' as const };
  const log: Dismissal[] = [
    {
      ...base,
      key: 'b',
      rule: 'mod25-missing',
      code: '99213',
      subject: '1',
      reason: 'other',
      comment: 'per "coding" lead, see memo\nline 2',
      at: '2025-03-02T10:00:00.000Z',
    },
    {
      ...base,
      key: 'a',
      rule: 'dx-invalid',
      code: '',
      subject: 'x1',
      reason: 'payer-policy',
      at: '2025-03-01T09:00:00.000Z',
    },
    {
      ...base,
      key: 'c',
      rule: 'signoff',
      code: '',
      subject: '2 errors',
      reason: 'signed-anyway',
      at: '2025-03-03T08:00:00.000Z',
    },
  ];

  it('lists rule, code, reason and when, oldest first, quoted properly', () => {
    const rows = parseCsv(auditToCsv(log));
    expect(rows).toEqual([
      [...AUDIT_CSV_HEADER],
      ['2025-03-01T09:00:00.000Z', 'dx-invalid', '', 'Payer-specific policy', ''],
      ['2025-03-02T10:00:00.000Z', 'mod25-missing', '99213', 'Other: per "coding" lead, see memo\nline 2', ''],
      ['2025-03-03T08:00:00.000Z', 'signoff', '', 'Signed with errors remaining (2 errors)', ''],
    ]);
  });

  it('leaves out the encounter reference', () => {
    expect(auditToCsv(log)).not.toContain('enc-hash-1');
  });
});

it('names files by kind and local time', () => {
  expect(exportFileName('review', 'csv', new Date(2025, 2, 4, 15, 2))).toBe('dermlint-review-2025-03-04-1502.csv');
});
