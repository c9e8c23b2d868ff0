/**
 * What the case tables cannot say about the code, site and global-period rules:
 * addon-distinct-modifier with other PTP tables (none, dated, indicator 9);
 * the word tables matched on whole words; findings that never quote the site;
 * global-period-em on arbitrary histories (never throws, never a wrong day).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run, RULES_BY_ID } from '../../rules/index';
import { enc } from '../../rules/cases';
import type { CaseTable } from '../../rules/cases';
import { EncounterSchema, FindingSchema, type Encounter } from '../../rules/schema';
import { codeIndex, PtpTableBuilder } from '../../rules/ncci/index';
import { siteSpecificBiopsyOf, namesAny, HANDS_AND_FEET_TERMS, AXILLA_TERMS } from '../../rules/site-terms';
import { siteWords } from '../../rules/site-words';
import { daysBetween, globalDaysOf } from '../../rules/global-periods';

const SECTION_6_CODE_RULES = [
  'site-specific-biopsy',
  'chemodenervation-site',
  'hyperhidrosis-diagnosis',
  'addon-distinct-modifier',
  'same-site-distinct-modifier',
  'global-period-em',
];
const said = (e: Encounter, rule: string, options?: Parameters<typeof run>[1]) =>
  run(e, options)
    .filter((f) => f.rule === rule)
    .map((f) => `${f.severity}@${f.line}`);

describe('addon-distinct-modifier and the PTP table in use', () => {
  const warts = (date?: string) =>
    enc({
      dateOfService: date,
      dx: ['B07.8', 'L57.0'],
      lines: [
        { code: '17110', dx: [1] },
        { code: '17000', dx: [2] },
        { code: '17003', modifiers: ['XS'], dx: [2] },
      ],
    });
  const table = (rows: [string, string, 0 | 1 | 9, number?, number?][]) => {
    const b = new PtpTableBuilder();
    for (const [c1, c2, modifier, effective = 0, deletion = 0] of rows)
      b.add(codeIndex(c1), codeIndex(c2), modifier, effective, deletion);
    return b.build({ name: 'NCCI PTP test', reference: 'test table' });
  };

  it('with the built-in table, 17110 beside 17003 keeps it silent', () =>
    expect(said(warts(), 'addon-distinct-modifier')).toEqual([]));
  it('without a PTP table it cannot tell, and stays silent', () => {
    const alone = enc({
      dx: ['L57.0'],
      lines: [
        { code: '17000', dx: [1] },
        { code: '17003', modifiers: ['XS'], dx: [1] },
      ],
    });
    expect(said(alone, 'addon-distinct-modifier')).toEqual(['warning@1']);
    expect(said(alone, 'addon-distinct-modifier', { tables: { ptp: undefined } })).toEqual([]);
  });
  it('an edit outside its dates pairs nothing; inside them it does', () => {
    const ptp = table([['17110', '17003', 1, 20190101, 20231231]]);
    expect(said(warts('2023-12-31'), 'addon-distinct-modifier', { tables: { ptp } })).toEqual([]);
    expect(said(warts('2024-01-01'), 'addon-distinct-modifier', { tables: { ptp } })).toEqual(['warning@2']);
  });
  it('indicator 9 is no edit', () => {
    expect(said(warts(), 'addon-distinct-modifier', { tables: { ptp: table([['17110', '17003', 9]]) } })).toEqual([
      'warning@2',
    ]);
  });
  it('the add-on as column 1 of an edit does not count as paired, and the fix moves the modifier', () => {
    const f = run(warts(), { tables: { ptp: table([['17003', '17110', 1]]) } }).find(
      (x) => x.rule === 'addon-distinct-modifier',
    );
    expect(f?.line).toBe(2);
    expect(f?.message).toContain('no NCCI PTP test edit bundles it');
    expect(f?.fix).toBe(
      'Remove XS from 17003; if 17110 was a separate service, the modifier belongs on that code, the one the edit would deny.',
    );
  });
});

describe('the word tables of 6.4', () => {
  it.each([
    ['upper lip', undefined],
    ['eyelid', undefined],
    ['finger', undefined],
    ['left upper eyelid', undefined],
    ['lid', undefined],
    ['nail', undefined],
    ['vermilionectomy scar', undefined],
    ['penises', '54100'],
    ['upper lip vermilion', '40490'],
    ['R lower lid margin', '67810'],
    ['eyelid margins', '67810'],
    ['lateral nail folds', '11755'],
    ['glans clitoris', undefined],
    ['Vulvar', '56605'],
  ])('%s → %s', (site, code) => expect(siteSpecificBiopsyOf(site)?.code).toBe(code));

  it('match whole words only', () => {
    expect(namesAny(siteWords('handle'), HANDS_AND_FEET_TERMS)).toBe(false);
    expect(namesAny(siteWords('forehead'), HANDS_AND_FEET_TERMS)).toBe(false);
    expect(namesAny(siteWords('R hands'), HANDS_AND_FEET_TERMS)).toBe(true);
    expect(namesAny(siteWords('axillary vault'), AXILLA_TERMS)).toBe(true);
    expect(namesAny(siteWords('underarms'), AXILLA_TERMS)).toBe(true);
    expect(namesAny(siteWords('arm'), AXILLA_TERMS)).toBe(false);
  });
});

describe('findings of the 6.4 and 6.5 rules', () => {
  const tables = import.meta.glob<{ default: CaseTable }>('../../rules/catalog/*.cases.ts', { eager: true });
  it("never quote a line's site or any free text", () => {
    let checked = 0;
    for (const id of SECTION_6_CODE_RULES) {
      const table = tables[`../../rules/catalog/${id}.cases.ts`]!.default;
      for (const c of table.invalid) {
        const texts = c.encounter.lines.map((l) => l.site).filter((s): s is string => !!s && s.length > 3);
        for (const f of run(c.encounter).filter((x) => x.rule === id)) {
          checked++;
          for (const text of texts) {
            expect(f.message.toLowerCase(), `${id}: ${c.name}`).not.toContain(text.toLowerCase());
            expect((f.fix ?? '').toLowerCase(), `${id}: ${c.name}`).not.toContain(text.toLowerCase());
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('global-period-em on arbitrary histories', () => {
  it('counts days on the calendar', () => {
    expect(daysBetween('2026-06-03', '2026-06-13')).toBe(10);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-06-13', '2026-06-03')).toBe(-10);
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeUndefined();
    expect(daysBetween('2026-13-01', '2026-03-01')).toBeUndefined();
    expect(daysBetween(undefined, '2026-03-01')).toBeUndefined();
  });

  const date = fc.oneof(
    fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('2026-02-30', '0000-00-00', '9999-99-99', '2026-06-10'),
  );
  const code = fc.constantFrom('11602', '14040', '17311', '11102', '17000', '99213', ' 11402 ', 'j0585', '', '15780');
  const dx = fc.constantFrom('C44.519', 'C44519', 'Z48.02', 'T81.4XXA', 'L76.82', 'L25.9', '', '???');
  const prior = fc.record(
    {
      dateOfService: date,
      code,
      modifiers: fc.array(fc.constantFrom('24', '79', '58', ''), { maxLength: 2 }),
      dx: fc.array(dx, { maxLength: 3 }),
    },
    { requiredKeys: ['dateOfService', 'code'] },
  );
  const encounter = fc.record({
    id: fc.constant('p'),
    dateOfService: date,
    payer: fc.constant({ kind: 'commercial' as const }),
    diagnoses: fc.array(fc.record({ code: dx }), { maxLength: 3 }),
    lines: fc.array(
      fc.record(
        {
          code: fc.constantFrom('99213', '99202', '99024', '11602'),
          modifiers: fc.array(fc.constantFrom('24', '25', '57', '-24'), { maxLength: 2 }),
          dx: fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }),
        },
        { requiredKeys: ['code'] },
      ),
      { maxLength: 4 },
    ),
    history: fc.array(prior, { maxLength: 8 }),
  });

  it('never throws, and fires only inside a global period', () => {
    fc.assert(
      fc.property(encounter, (input) => {
        const e = EncounterSchema.parse(input);
        const findings = run(e, {
          onRuleError: (id, error) => {
            throw new Error(`${id}: ${String(error)}`);
          },
        });
        for (const f of findings) FindingSchema.parse(f);
        const mine = findings.filter((f) => f.rule === 'global-period-em');
        if (mine.length === 0) return;
        const open = (e.history ?? []).some((h) => {
          const days = globalDaysOf(h.code.trim().toUpperCase());
          const d = daysBetween(h.dateOfService, e.dateOfService);
          return days !== undefined && d !== undefined && d >= 1 && d <= days;
        });
        expect(open).toBe(true);
        for (const f of mine) expect(['99213', '99202']).toContain(e.lines[f.line!]!.code);
      }),
      { numRuns: 3000 },
    );
    expect(RULES_BY_ID.has('global-period-em')).toBe(true);
  });
});
