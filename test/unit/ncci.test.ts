/**
 * The NCCI rules on real rows of the shipped tables (data/cms/, built into
 * rules/ncci/builtin.generated.ts), their precedence over the catalog, dates,
 * and the built-in encoding.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { RULES, run } from '../../rules/index';
import { enc } from '../../rules/cases';
import type { Encounter, Finding } from '../../rules/schema';
import {
  builtinMue,
  builtinPtp,
  codeIndex,
  codeOfIndex,
  MUE_PRECEDENCE,
  MueTable,
  packMue,
  packPtp,
  PTP_PRECEDENCE,
  PtpTableBuilder,
  ptpPrecedenceFor,
  unpackMue,
  unpackPtp,
  type PtpRow,
} from '../../rules/ncci/index';
import { parseMueSubset, parsePtpSubset, MUE_SUBSET_SOURCE, PTP_SUBSET_SOURCE } from '../../rules/ncci/subset';
import { NCCI_MODULE, NCCI_TABLE_BUDGET } from '../../rules/ncci/shipped';
import { gzipSync } from 'node:zlib';
import type { ClaimLine } from '../../rules/context';

const root = (p: string) => new URL(`../../${p}`, import.meta.url);
const ptpRows = parsePtpSubset(readFileSync(root(PTP_SUBSET_SOURCE), 'utf8'));
const mueRows = parseMueSubset(readFileSync(root(MUE_SUBSET_SOURCE), 'utf8'));

const said = (e: Encounter, options?: Parameters<typeof run>[1]) =>
  run(e, options)
    .map((f) => `${f.rule}@${f.line}`)
    .sort();
const ncci = (e: Encounter, options?: Parameters<typeof run>[1]): Finding[] =>
  run(e, options).filter((f) => f.rule.startsWith('ncci-'));

describe('the built-in tables', { timeout: 30_000 }, () => {
  it('hold every row of the shipped subset, exactly', () => {
    const ptp = builtinPtp();
    expect(ptp.edits).toBe(ptpRows.length);
    expect(ptp.pairs).toBe(ptpRows.length);
    for (const r of ptpRows) {
      const edit = ptp.find(r.column1, r.column2);
      expect(edit?.modifier, `${r.column1}/${r.column2}`).toBe(r.modifier);
      expect(edit?.rationale).toBe(r.rationale);
    }
    const mue = builtinMue();
    expect(mue.size).toBe(mueRows.length);
    for (const r of mueRows) expect(mue.get(r.code)).toEqual(r);
  });

  it('are named by their quarter', () => {
    expect(builtinPtp()).toMatchObject({
      name: 'NCCI PTP 2026 Q3',
      reference: 'CMS NCCI PTP edits, practitioner, 2026 Q3 (v32.2)',
      dated: false,
    });
    expect(builtinMue()).toMatchObject({
      name: 'NCCI MUE 2026 Q2',
      reference: 'CMS MUE, practitioner services, 2026 Q2',
    });
  });

  it('carry the rows the README checks', () => {
    const ptp = builtinPtp();
    expect(ptp.find('11102', '17000')?.modifier).toBe(1);
    expect(ptp.find('17000', '11102')).toBeUndefined();
    expect(ptp.find('11055', '17110')?.modifier).toBe(1);
    expect(ptp.find('11400', '12001')?.modifier).toBe(1);
    expect(ptp.find('17311', '88305')?.modifier).toBe(1);
    expect(ptp.find('11600', '11102')?.modifier).toBe(1);
    expect(builtinMue().get('17003')).toMatchObject({ mue: 13, mai: 2 });
    expect(builtinMue().get('11103')).toMatchObject({ mue: 6, mai: 3 });
  });

  it('stay within their size budget in the generated module', () => {
    const text = readFileSync(root(NCCI_MODULE), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(NCCI_TABLE_BUDGET.raw);
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(NCCI_TABLE_BUDGET.gzip);
  });
});

describe('ncci-ptp on real rows', () => {
  it('11102/17000: biopsy-bundled speaks without a modifier, nobody with XS on either line', () => {
    const lines = (bx: string[] = [], des: string[] = []) =>
      enc({
        dx: ['L57.0', 'D48.5'],
        lines: [
          { code: '11102', modifiers: bx, dx: [2] },
          { code: '17000', modifiers: des, dx: [1] },
        ],
      });
    expect(said(lines())).toEqual(['biopsy-bundled@0']);
    expect(said(lines(['XS']))).toEqual([]);
    expect(said(lines([], ['XS']))).toEqual([]);
  });

  it('11055/17110: warning on the column-2 line, separated by XS on either line', () => {
    const e = (paring: string[] = [], wart: string[] = []) =>
      enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '17110', modifiers: wart, dx: [2] },
          { code: '11055', modifiers: paring, dx: [1] },
        ],
      });
    const [f, ...rest] = ncci(e());
    expect(rest).toEqual([]);
    expect(f).toEqual({
      rule: 'ncci-ptp',
      severity: 'warning',
      line: 0,
      message:
        'NCCI PTP 2026 Q3: 17110 and 11055 are mutually exclusive, and 17110 is paid only with a modifier that marks a separate service.',
      fix: 'Append XS to 17110 if it treated a separate lesion or site (XE for a separate session); otherwise remove 17110.',
      reference: 'CMS NCCI PTP edits, practitioner, 2026 Q3 (v32.2)',
      messageId: 'mutuallyExclusive',
      data: { table: 'NCCI PTP 2026 Q3', column2: '17110', column1: '11055' },
      title: 'Add XS if separate, else remove',
      field: 'modifiers',
      suggestions: [
        { label: 'Add XS to 17110', actions: [{ type: 'addModifier', line: 0, modifier: 'XS' }] },
        { label: 'Remove 17110', actions: [{ type: 'removeLine', line: 0 }] },
      ],
    });
    expect(ncci(e(['XS']))).toEqual([]);
    expect(ncci(e([], ['XS']))).toEqual([]);
    expect(ncci(e([], ['59']))).toEqual([]);
    expect(ncci(e(['RT']))).toEqual([]);
    expect(ncci(e([], ['GA']))).toHaveLength(1);
  });

  it('17311/88305: mohs-pathology-bundled speaks, not ncci-ptp, whichever line carries XS', () => {
    const e = (mohs: string[] = [], path: string[] = []) =>
      enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '17311', modifiers: mohs, dx: [1] },
          { code: '88305', modifiers: path, dx: [1] },
        ],
      });
    expect(said(e())).toEqual(['mohs-pathology-bundled@1']);
    expect(said(e(['XS']))).toEqual(['mohs-pathology-bundled@1']);
    expect(said(e([], ['XS']))).toEqual([]);
  });

  it('11400/12001: repair-bundled speaks, not ncci-ptp', () => {
    expect(
      said(
        enc({
          dx: ['D48.5'],
          lines: [
            { code: '11400', dx: [1] },
            { code: '12001', dx: [1] },
          ],
        }),
      ),
    ).toEqual(['repair-bundled@1']);
    expect(
      said(
        enc({
          dx: ['D48.5'],
          lines: [
            { code: '11400', dx: [1] },
            { code: '12001', modifiers: ['XS'], dx: [1] },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('a modifier-0 pair (11056/11055) is an error on the column-2 line that no modifier lifts', () => {
    for (const modifiers of [[], ['XS'], ['59', 'RT']]) {
      const f = ncci(
        enc({
          dx: ['L84'],
          lines: [
            { code: '11055', modifiers, dx: [1] },
            { code: '11056', dx: [1] },
          ],
        }),
      );
      expect(f).toEqual([
        expect.objectContaining({
          rule: 'ncci-ptp',
          severity: 'error',
          line: 0,
          message: 'NCCI PTP 2026 Q3: 11055 is never paid with 11056 on the same day; no modifier bypasses this edit.',
          fix: 'Remove 11055: no modifier makes it payable with 11056.',
        }),
      ]);
    }
  });

  it('one finding per column-2 line, naming every column-1 code', () => {
    const f = ncci(
      enc({
        payer: 'medicare',
        dx: ['C44.311', 'C44.612'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17313', dx: [2] },
          { code: '11600', dx: [1, 2] },
        ],
      }),
    );
    expect(f).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message: expect.stringContaining('11600 is bundled into 17311 and 17313'),
      }),
    ]);
  });

  it('the engine uses the built-in tables by default, and none when told so', () => {
    const e = enc({
      dx: ['L84', 'B07.0'],
      lines: [
        { code: '11055', dx: [1] },
        { code: '17110', units: 2, dx: [2] },
        { code: '11103', units: 7, dx: [1] },
      ],
    });
    expect(ncci(e).map((f) => f.rule)).toContain('ncci-ptp');
    expect(ncci(e).map((f) => f.rule)).toContain('ncci-mue');
    expect(ncci(e, { tables: { ptp: undefined, mue: undefined } })).toEqual([]);
    expect(ncci(e, { tables: { ptp: undefined } }).map((f) => f.rule)).toEqual(['ncci-mue']);
  });
});

describe('ncci-mue on real rows', () => {
  it('17003 ×14: destruction-series speaks, not ncci-mue', () => {
    const e = enc({
      dx: ['L57.0'],
      lines: [
        { code: '17000', dx: [1] },
        { code: '17003', units: 14, dx: [1] },
      ],
    });
    expect(said(e)).toEqual(['destruction-series@1']);
  });

  it('11103 ×7 against its MUE of 6 (date-of-service edit)', () => {
    const e = enc({
      dx: ['D48.5'],
      lines: [
        { code: '11102', dx: [1] },
        { code: '11103', units: 7, dx: [1] },
      ],
    });
    expect(ncci(e)).toEqual([
      {
        rule: 'ncci-mue',
        severity: 'error',
        line: 1,
        message: 'NCCI MUE 2026 Q2: 11103 is billed ×7, above its MUE of 6 per date of service.',
        fix: 'Report at most 6 of 11103 for the day unless the note documents more; units above it are denied and paid only on appeal with the records (MAI 3).',
        reference: 'CMS MUE, practitioner services, 2026 Q2',
        messageId: 'perDayOneLineClinical',
        data: { table: 'NCCI MUE 2026 Q2', code: '11103', units: 7, mue: 6 },
        title: 'Max 6 of 11103 unless noted',
        field: 'units',
      },
    ]);
    expect(said(e)).toEqual(['ncci-mue@1']);
  });

  it('MAI 1 judges each line alone; MAI 2 and 3 the sum, on the line that crosses the limit', () => {
    const mue = new MueTable({ name: 'NCCI MUE test', reference: 'test' }, [
      { code: '11103', mue: 3, mai: 1, rationale: '' },
      { code: '11105', mue: 3, mai: 2, rationale: '' },
    ]);
    const e = enc({
      dx: ['D48.5'],
      lines: [
        { code: '11104', dx: [1] },
        { code: '11103', units: 3, dx: [1] },
        { code: '11103', units: 3, dx: [1] },
        { code: '11105', units: 2, dx: [1] },
        { code: '11105', units: 2, dx: [1] },
        { code: '11103', units: 4, dx: [1] },
      ],
    });
    expect(ncci(e, { tables: { ptp: undefined, mue } }).map((f) => f.line)).toEqual([4, 5]);
  });
});

describe('dates', () => {
  const dated = (): ReturnType<typeof unpackPtp> => {
    const b = new PtpTableBuilder();
    // 11055/17110 in force 2019-01-01 … 2023-12-31 with indicator 1, then from 2024-01-01 with indicator 0.
    b.add(codeIndex('11055'), codeIndex('17110'), 1, 20190101, 20231231, 'Mutually exclusive procedures');
    b.add(codeIndex('11055'), codeIndex('17110'), 0, 20240101, 0, 'Mutually exclusive procedures');
    // 11056/11055 deleted at the end of 2020.
    b.add(
      codeIndex('11056'),
      codeIndex('11055'),
      0,
      20100101,
      20201231,
      'Misuse of column two code with column one code',
    );
    return b.build({ name: 'NCCI PTP 2026 Q3', reference: 'test', asOf: '2026-07-01' });
  };
  const pair = (dateOfService?: string) =>
    enc({
      dateOfService,
      dx: ['L84', 'B07.0'],
      lines: [
        { code: '11055', dx: [1] },
        { code: '17110', dx: [2] },
      ],
    });
  const paring = (dateOfService?: string) =>
    enc({
      dateOfService,
      dx: ['L84'],
      lines: [
        { code: '11055', dx: [1] },
        { code: '11056', dx: [1] },
      ],
    });

  it('an edit applies only inside its effective and deletion dates', () => {
    const ptp = dated();
    expect(ptp.dated).toBe(true);
    const sev = (e: Encounter) => ncci(e, { tables: { ptp } }).map((f) => f.severity);
    expect(sev(pair('2018-12-31'))).toEqual([]);
    expect(sev(pair('2019-01-01'))).toEqual(['warning']);
    expect(sev(pair('2023-12-31'))).toEqual(['warning']);
    expect(sev(pair('2024-01-01'))).toEqual(['error']);
    expect(sev(paring('2020-12-31'))).toEqual(['error']);
    expect(sev(paring('2021-01-01'))).toEqual([]); // a pair outside its dates
  });

  it('where windows of a pair overlap, the record still in force wins', () => {
    const b = new PtpTableBuilder();
    b.add(codeIndex('13121'), codeIndex('13120'), 1, 19960101, 20041231);
    b.add(codeIndex('13121'), codeIndex('13120'), 0, 19960101, 0);
    b.add(codeIndex('17000'), codeIndex('17281'), 0, 19990701, 19991231);
    b.add(codeIndex('17000'), codeIndex('17281'), 1, 19990701, 20041231);
    const t = b.build({ name: 'n', reference: 'r' });
    expect(t.find('13121', '13120', '2000-01-01')?.modifier).toBe(0);
    expect(t.find('17000', '17281', '1999-08-01')?.modifier).toBe(1);
    expect(t.find('17000', '17281', '2005-01-01')).toBeUndefined();
  });

  it('without a dateOfService, a dated table judges as of its quarter', () => {
    const ptp = dated();
    expect(ncci(pair(), { tables: { ptp } }).map((f) => f.severity)).toEqual(['error']);
    expect(ncci(paring(), { tables: { ptp } })).toEqual([]);
  });

  it('the built-in table has no dates: its edits apply on any date', () => {
    expect(ncci(pair('2019-05-01'))).toHaveLength(1);
  });
});

describe('precedence', { timeout: 60_000 }, () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  const ptpRule = RULES.find((r) => r.meta.id === 'ncci-ptp')!;
  const mueRule = RULES.find((r) => r.meta.id === 'ncci-mue')!;

  it('names registered rules, and each rule documents its owners', () => {
    for (const p of [...PTP_PRECEDENCE, ...MUE_PRECEDENCE]) {
      for (const owner of p.owner.split(', ')) expect(ids.has(owner), owner).toBe(true);
    }
    for (const p of PTP_PRECEDENCE)
      for (const owner of p.owner.split(', ')) expect(ptpRule.meta.description).toContain(owner);
    for (const p of MUE_PRECEDENCE) expect(mueRule.meta.description).toContain(p.owner);
  });

  it('keeps ncci-ptp silent on every built-in pair the catalog judges', () => {
    const line = (code: string, index: number): ClaimLine => ({
      index,
      code,
      modifiers: new Set(),
      units: 1,
      dx: ['D485'],
      badPointer: false,
      raw: { code },
    });
    let owned = 0;
    for (const r of ptpRows) {
      if (!ptpPrecedenceFor(line(r.column1, 0), line(r.column2, 1))) continue;
      owned++;
      const f = ncci(
        enc({
          dx: ['D48.5'],
          lines: [
            { code: r.column1, dx: [1] },
            { code: r.column2, dx: [1] },
          ],
        }),
        { tables: { mue: undefined } },
      );
      expect(f, `${r.column1}/${r.column2}`).toEqual([]);
    }
    expect(owned).toBeGreaterThan(1000);
  });

  it('keeps ncci-mue silent on the units the catalog judges', () => {
    for (const code of ['17000', '17003', '17004', '17110', '17111', '11200', '11201', '11102', '11104', '11106']) {
      expect(
        ncci(enc({ dx: ['D48.5'], lines: [{ code, units: 40, dx: [1] }] }), { tables: { ptp: undefined } }),
        code,
      ).toEqual([]);
    }
  });

  it('judges two destruction families whatever diagnoses they link: only a modifier bypasses an edit', () => {
    const e = (dx: number[][], modifiers?: string[]) =>
      enc({
        payer: 'medicare',
        dx: ['L82.0', 'L91.8'],
        lines: [
          { code: '17110', dx: dx[0] },
          { code: '11200', dx: dx[1], ...(modifiers ? { modifiers } : {}) },
        ],
      });
    expect(ncci(e([[1], [2]])).map((f) => `${f.rule}@${f.line}`)).toEqual(['ncci-ptp@1']);
    expect(ncci(e([[1, 2], [2]])).map((f) => `${f.rule}@${f.line}`)).toEqual(['ncci-ptp@1']);
    expect(ncci(e([[1], [2]], ['XS']))).toEqual([]);
  });
});

describe('the packed form', () => {
  it('numbers every code shape and back', () => {
    for (const code of ['00100', '11102', '99499', 'A0021', 'J0585', 'V5364', '0001F', '0054T', '0001U', '0002M']) {
      expect(codeOfIndex(codeIndex(code))).toBe(code);
    }
    for (const code of ['', '1110', '111020', '11-02', 'j0585', 'AB123']) expect(codeIndex(code)).toBe(-1);
  });

  it('gives back dated rows, several windows of a pair, indicator 9 and letter codes', () => {
    const rows: PtpRow[] = [
      {
        column1: '11055',
        column2: '17110',
        modifier: 1,
        effective: 20190101,
        deletion: 20231231,
        rationale: 'Mutually exclusive procedures',
      },
      {
        column1: '11055',
        column2: '17110',
        modifier: 0,
        effective: 20240101,
        deletion: 0,
        rationale: 'Mutually exclusive procedures',
      },
      { column1: 'J0585', column2: '0001F', modifier: 9, effective: 20000101, deletion: 20001231, rationale: '' },
      {
        column1: '99499',
        column2: '00100',
        modifier: 1,
        effective: 19960101,
        deletion: 0,
        rationale: 'Standards of medical / surgical practice',
      },
    ];
    const label = { name: 'NCCI PTP 2026 Q3', reference: 'r', asOf: '2026-07-01' };
    const table = unpackPtp(packPtp(label, rows));
    expect([...table.records()].sort((a, b) => (a.column1 + a.effective < b.column1 + b.effective ? -1 : 1))).toEqual([
      {
        column1: '11055',
        column2: '17110',
        modifier: 1,
        effective: '2019-01-01',
        deletion: '2023-12-31',
        rationale: 'Mutually exclusive procedures',
      },
      {
        column1: '11055',
        column2: '17110',
        modifier: 0,
        effective: '2024-01-01',
        rationale: 'Mutually exclusive procedures',
      },
      {
        column1: '99499',
        column2: '00100',
        modifier: 1,
        effective: '1996-01-01',
        rationale: 'Standards of medical / surgical practice',
      },
      { column1: 'J0585', column2: '0001F', modifier: 9, effective: '2000-01-01', deletion: '2000-12-31' },
    ]);
    expect(table.find('11055', '17110', '2020-06-01')?.modifier).toBe(1);
    expect(table.find('11055', '17110')?.modifier).toBe(0);
    const mue = unpackMue(
      packMue(label, [
        { code: '0001U', mue: 0, mai: 2, rationale: 'Code Descriptor / CPT Instruction' },
        { code: 'J0585', mue: 600, mai: 3, rationale: 'Clinical: Data' },
      ]),
    );
    expect(mue.get('0001U')).toEqual({ code: '0001U', mue: 0, mai: 2, rationale: 'Code Descriptor / CPT Instruction' });
    expect(mue.get('J0585')).toEqual({ code: 'J0585', mue: 600, mai: 3, rationale: 'Clinical: Data' });
  });

  it('finds pairs in a table grown far past its first size', () => {
    const b = new PtpTableBuilder(16);
    for (let c1 = 10000; c1 < 10400; c1++)
      for (let c2 = 11000; c2 < 11050; c2++) b.add(c1, c2, ((c1 + c2) % 2) as 0 | 1);
    const t = b.build({ name: 'n', reference: 'r' });
    expect(t.pairs).toBe(20000);
    for (let c1 = 10000; c1 < 10400; c1 += 7)
      for (let c2 = 11000; c2 < 11050; c2 += 3) expect(t.modifierOf(t.lookup(c1, c2, 0))).toBe((c1 + c2) % 2);
    expect(t.lookup(11000, 10000, 0)).toBe(-1);
  });
});
