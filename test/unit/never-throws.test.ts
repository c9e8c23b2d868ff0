/**
 * Property: any schema-valid encounter yields schema-valid findings, never an
 * exception — odd strings, huge encounters (1,000 lines, 200 diagnoses) included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run, RULES_BY_ID } from '../../rules/index';
import { EncounterSchema, FindingSchema, PAYER_KINDS } from '../../rules/schema';

const CODES = [
  '99202',
  '99203',
  '99213',
  '99214',
  '99215',
  '99243',
  '99499',
  '92012',
  '11102',
  '11103',
  '11104',
  '11105',
  '11106',
  '11107',
  '11200',
  '11201',
  '11300',
  '11305',
  '11308',
  '11310',
  '11313',
  '11400',
  '11402',
  '11406',
  '11420',
  '11442',
  '11446',
  '11600',
  '11603',
  '11626',
  '11646',
  '12001',
  '12011',
  '12018',
  '12032',
  '13131',
  '13133',
  '14040',
  '14060',
  '15100',
  '15101',
  '17000',
  '17003',
  '17004',
  '17106',
  '17110',
  '17111',
  '17260',
  '17273',
  '17286',
  '17311',
  '17312',
  '17313',
  '17314',
  '17315',
  '88305',
  '88331',
  '11950',
  '15788',
  '17380',
  '64612',
  'J0585',
  'J0587',
  '96920',
  '1160T',
  '',
  ' 99213 ',
  'g0439',
];
const MODIFIERS = [
  '25',
  '-25',
  '57',
  '59',
  'XS',
  'xs',
  'XE',
  'XP',
  'XU',
  'GA',
  'GZ',
  'GX',
  'GY',
  'JW',
  'JZ',
  'RT',
  'LT',
  'F1',
  '',
  ' ',
];
const DX = [
  'L57.0',
  'L570',
  'l57.0',
  'L57',
  'C44.311',
  'C44.31',
  'C44',
  'D22.5',
  'D22',
  'L82.1',
  'L82.0',
  'L91.8',
  'B07.8',
  'B08.1',
  'L72.0',
  'L72.11',
  'L72.1',
  'D18.01',
  'Z12.83',
  'Z00.00',
  'Z41.1',
  'L29.8',
  'R58',
  'D48.5',
  'D49.2',
  'C43.9',
  'D03.9',
  'D04.39',
  'E11.9',
  'I10',
  'G43.709',
  'L74.510',
  'R61',
  'L40.0',
  'L71.1',
  '',
  '???',
  'Z999999',
  'ÄÖ.Ü',
];
const SITES = [
  'left cheek',
  'R helix',
  'upper back',
  'scalp vertex',
  'L 2nd toe',
  'neck/jaw',
  'head',
  'dorsal hand',
  '',
  '<script>alert(1)</script>',
  'ａｒｍ',
  'back of hand',
  'x'.repeat(500),
];

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'constructor', 'toString'),
);
const pick = <T>(values: T[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: oddString as fc.Arbitrary<T> },
  );

const line = fc.record(
  {
    code: pick(CODES),
    modifiers: fc.array(pick(MODIFIERS), { maxLength: 4 }),
    units: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(2 ** 31), fc.constant(Number.MAX_SAFE_INTEGER)),
    dx: fc.array(fc.integer({ min: -3, max: 210 }), { maxLength: 5 }),
    site: pick(SITES),
    sizeCm: fc.oneof(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.constant(1e300), fc.constant(Number.MIN_VALUE)),
    lesions: fc.integer({ min: 1, max: 1000 }),
    billTo: fc.constantFrom('insurance' as const, 'patient' as const),
    category: fc.constantFrom('service' as const, 'cosmetic' as const, 'retail' as const),
    description: oddString,
  },
  { requiredKeys: ['code'] },
);

const encounter = (maxLines: number, maxDx: number) =>
  fc.record(
    {
      id: oddString,
      dateOfService: fc.constantFrom('2026-03-03', '2025-10-01', '1900-01-01'),
      payer: fc.record({ kind: fc.constantFrom(...PAYER_KINDS), name: oddString }, { requiredKeys: ['kind'] }),
      abn: fc.record(
        { signed: fc.boolean(), lines: fc.array(fc.nat({ max: 1200 }), { maxLength: 5 }) },
        { requiredKeys: ['signed'] },
      ),
      diagnoses: fc.array(fc.record({ code: pick(DX), description: oddString }, { requiredKeys: ['code'] }), {
        maxLength: maxDx,
      }),
      lines: fc.array(line, { maxLength: maxLines }),
    },
    { requiredKeys: ['id', 'payer', 'diagnoses', 'lines'] },
  );

function assertSound(input: unknown) {
  const parsed = EncounterSchema.parse(input);
  const findings = run(parsed, {
    onRuleError: (id, error) => {
      throw new Error(`rule ${id} threw: ${String(error)}`);
    },
  });
  for (const f of findings) {
    FindingSchema.parse(f);
    expect(RULES_BY_ID.has(f.rule)).toBe(true);
    if (f.line !== null) expect(f.line).toBeLessThan(parsed.lines.length);
  }
}

it('a rule that throws is reported, not swallowed, in these tests', () => {
  const boom = {
    meta: { id: 'boom', summary: '', severity: 'error' as const, reference: '', description: '', messages: {} },
    check: () => {
      throw new Error('x');
    },
  };
  const parsed = EncounterSchema.parse({
    id: 'a',
    payer: { kind: 'commercial' },
    diagnoses: [],
    lines: [{ code: '17000' }],
  });
  expect(() =>
    run(parsed, {
      rules: [boom],
      onRuleError: (id) => {
        throw new Error(id);
      },
    }),
  ).toThrow('boom');
  expect(run(parsed, { rules: [boom] })).toEqual([]);
});

describe('the engine never throws on schema-valid input', () => {
  it('random small encounters', () => {
    fc.assert(fc.property(encounter(12, 8), assertSound), { numRuns: 1500 });
  });
  it('huge encounters: up to 1,000 lines and 200 diagnoses', () => {
    fc.assert(fc.property(encounter(1000, 200), assertSound), { numRuns: 8 });
    const huge = fc.sample(
      fc.tuple(
        fc.array(line, { minLength: 1000, maxLength: 1000 }),
        fc.array(fc.record({ code: pick(DX) }), { minLength: 200, maxLength: 200 }),
      ),
      1,
    )[0]!;
    assertSound({ id: 'huge', payer: { kind: 'medicare' }, diagnoses: huge[1], lines: huge[0] });
  });
});
