/**
 * Code groups compiled once (rules/codes.ts) and the claim index built per
 * encounter (rules/claim-index.ts) answer exactly what their plain
 * definitions answer: a group by its codes and same-shape ranges, a diagnosis
 * group by prefix, the index by walking the lines.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as codes from '../../rules/codes';
import { codeGroupMasks, codeSet, dxGroup, type CodeSet, type CodeSpec, type DxGroup } from '../../rules/codes';
import { createContext } from '../../rules/context';
import { siteGroupOf } from '../../rules/sites';
import { builtinIcd } from '../../rules/icd10cm/index';
import { diagnosesOf, SharedDiagnoses } from '../../rules/claim-index';
import { PTP_PRECEDENCE, MUE_PRECEDENCE } from '../../rules/ncci/precedence';
import type { Encounter } from '../../rules/schema';

/** The definition the compiled groups must keep: a listed code, or a range of the same shape. */
const shapeOf = (code: string) => code.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A');
function byDefinition(specs: readonly CodeSpec[]) {
  return (code: string) =>
    specs.some((spec) =>
      typeof spec === 'string'
        ? spec === code
        : code.length === spec[0].length && code >= spec[0] && code <= spec[1] && shapeOf(code) === shapeOf(spec[0]),
    );
}

/** Every code group the catalog exports, by name. */
const GROUPS: [string, CodeSet][] = [
  ...Object.entries(codes).filter(
    (entry): entry is [string, CodeSet] => typeof entry[1] === 'object' && entry[1] !== null && 'specs' in entry[1],
  ),
  ...codes.DESTRUCTION_FAMILIES.map((f) => [`${f.id} destruction`, f.codes] as [string, CodeSet]),
  ...PTP_PRECEDENCE.flatMap(
    (p, i) =>
      [
        [`ptp precedence ${i}.a`, p.a],
        [`ptp precedence ${i}.b`, p.b],
      ] as [string, CodeSet][],
  ).filter(([, g]) => 'specs' in g),
  ...MUE_PRECEDENCE.map((p) => [`mue precedence ${p.owner}`, p.codes] as [string, CodeSet]),
];

/** Every five-character code of the three shapes the groups use, and some that are near them. */
function* allCodes(): Generator<string> {
  for (let n = 0; n < 100_000; n++) yield String(n).padStart(5, '0');
  for (const letter of 'AGJ') for (let n = 0; n < 10_000; n++) yield `${letter}${String(n).padStart(4, '0')}`;
  for (const letter of 'FTU') for (let n = 0; n < 10_000; n++) yield `${String(n).padStart(4, '0')}${letter}`;
  yield* [
    '',
    '1160',
    '116000',
    ' 11600',
    '11600 ',
    'j0585',
    '9920',
    '992150',
    '1730A',
    'A',
    '__proto__',
    'constructor',
  ];
}

describe('compiled code groups', () => {
  it('answer as their codes and same-shape ranges do, for every code of the three shapes', () => {
    expect(GROUPS.length).toBeGreaterThan(25);
    const checks = GROUPS.map(([name, group]) => [name, group, byDefinition(group.specs)] as const);
    let compared = 0;
    for (const code of allCodes()) {
      for (const [name, group, expected] of checks) {
        if (group.has(code) !== expected(code)) expect.fail(`${name}.has(${JSON.stringify(code)})`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4_000_000);
  });

  it('keep ranges of other shapes and wide ranges exact', () => {
    const cases: CodeSpec[][] = [
      [['0001F', '0015F']],
      [['A0000', 'Z9999']], // wider than the listing limit: compared, not listed
      [['00000', '99999']],
      [['11600', '1160T']], // bounds of two shapes: only lo's shape counts
      [['9', '99']],
      [['a1', 'a5'], 'x-1'],
      [['11646', '11600']], // empty
    ];
    for (const specs of cases) {
      const group = codeSet(...specs);
      const expected = byDefinition(specs);
      for (const code of [
        '0001F',
        '0010F',
        '0016F',
        'A0000',
        'M5555',
        'Z9999',
        '00000',
        '54321',
        '11600',
        '11610',
        '1160T',
        '1160A',
        '9',
        '99',
        '5',
        'a1',
        'a3',
        'a6',
        'b3',
        'x-1',
        '11620',
      ]) {
        expect(group.has(code), `${JSON.stringify(specs)} ${code}`).toBe(expected(code));
      }
    }
  });

  it('work for a group made after the first encounters were judged', () => {
    const encounter: Encounter = {
      id: 'late',
      payer: { kind: 'commercial' },
      diagnoses: [{ code: 'L57.0' }],
      lines: [{ code: '17000' }, { code: '96372' }, { code: '0042T' }],
    };
    const before = createContext(encounter, { payerKind: 'commercial', siteGroupOf, icd: builtinIcd });
    expect(before.onClaim.has(codes.EM)).toBe(false);
    const late = codeSet('96372', ['0040T', '0045T']);
    const wide = codeSet(['A0000', 'Z9999'], ['0000T', '9999T']);
    // The context made before the group existed still answers for it, by asking the group.
    expect(before.onClaim.has(late)).toBe(true);
    expect(before.onClaim.linesIn(late).map((l) => l.index)).toEqual([1, 2]);
    const after = createContext(encounter, { payerKind: 'commercial', siteGroupOf, icd: builtinIcd });
    expect(codeGroupMasks().groups).toBeGreaterThan(0);
    expect(after.onClaim.has(late)).toBe(true);
    expect(after.onClaim.linesIn(late).map((l) => l.index)).toEqual([1, 2]);
    expect(after.onClaim.has(wide)).toBe(true);
    expect(after.onClaim.linesIn(wide).map((l) => l.index)).toEqual([2]);
    // Anything that answers has(code) works too.
    expect(after.onClaim.linesIn({ has: (code: string) => code.startsWith('17') }).map((l) => l.index)).toEqual([0]);
  });
});

describe('diagnosis groups', () => {
  const byPrefix = (group: DxGroup) => {
    const norm = group.prefixes.map((p) => p.replace(/[.*]/g, '').toUpperCase());
    return (icd: string) => norm.some((p) => icd.startsWith(p));
  };
  const DX_GROUPS = Object.entries(codes).filter(
    (entry): entry is [string, DxGroup] => typeof entry[1] === 'object' && entry[1] !== null && 'prefixes' in entry[1],
  );

  it('answer as their prefixes do', () => {
    expect(DX_GROUPS.length).toBeGreaterThan(8);
    const icd = fc.oneof(
      fc.constantFrom(
        'L570',
        'L57',
        'C44311',
        'C4431',
        'C4A',
        'C460',
        'C46',
        'D0001',
        'D000',
        'D0761',
        'Z1283',
        'L74510',
        'L7451',
        'R61',
        'G437',
        '',
        'C',
        'C4',
        'é44',
        'L5',
      ),
      fc.string({ unit: fc.constantFrom(...'CDGLRZ0123456789A.é'), maxLength: 8 }),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(icd, (code) => {
        for (const [name, group] of DX_GROUPS)
          expect(group.has(code), `${name} ${JSON.stringify(code)}`).toBe(byPrefix(group)(code));
      }),
      { numRuns: 10_000 },
    );
  });

  it('keep short and non-ASCII prefixes', () => {
    const group = dxGroup('C4', 'é12', 'L57.0', '', 'Zx');
    expect(byPrefix(group)('X99')).toBe(true); // '' matches everything
    const strict = dxGroup('C4', 'é12', 'L57.0');
    for (const code of ['C44', 'C4', 'C', 'é123', 'é1', 'L570', 'L57', 'x'])
      expect(strict.has(code), code).toBe(byPrefix(strict)(code));
  });
});

describe('the claim index', () => {
  const CODES = [
    '99213',
    '99214',
    '11102',
    '11104',
    '17000',
    '17003',
    '17110',
    '11200',
    '11300',
    '11600',
    '12001',
    '17311',
    '88305',
    '96372',
    '',
    'J0585',
    '1160T',
  ];
  const encounterOf = fc.record({
    lines: fc.array(
      fc.record(
        {
          code: fc.constantFrom(...CODES),
          dx: fc.option(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }), { nil: undefined }),
          billTo: fc.constantFrom('insurance' as const, 'patient' as const, undefined),
        },
        { requiredKeys: ['code'] },
      ),
      { maxLength: 40 },
    ),
    dx: fc.array(fc.constantFrom('L57.0', 'B07.8', 'C44.311', 'L82.1', 'Z12.83'), { maxLength: 4 }),
  });

  it('answers as walking the lines does', () => {
    fc.assert(
      fc.property(encounterOf, ({ lines, dx }) => {
        const encounter = {
          id: 'x',
          payer: { kind: 'commercial' as const },
          diagnoses: dx.map((code) => ({ code })),
          lines: lines.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))),
        } as unknown as Encounter;
        const { claim, onClaim } = createContext(encounter, { payerKind: 'commercial', siteGroupOf, icd: builtinIcd });
        for (const [name, group] of GROUPS) {
          const lines = claim.filter((l) => group.has(l.code));
          expect(onClaim.has(group), name).toBe(lines.length > 0);
          expect(onClaim.linesIn(group), name).toEqual(lines);
        }
        const distinct = [...new Set(claim.map((l) => l.code))];
        expect(onClaim.codes).toEqual(distinct);
        for (const code of [...CODES, 'X']) expect(onClaim.linesOf(code)).toEqual(claim.filter((l) => l.code === code));
        expect([...diagnosesOf(claim)].sort()).toEqual([...new Set(claim.flatMap((l) => l.dx))].sort());
        const shared = new SharedDiagnoses(claim);
        for (const line of claim) {
          const sharing = [...new Set(claim.filter((m) => m.dx.some((d) => line.dx.includes(d))).map((m) => m.code))];
          expect(shared.codesSharing(line.dx)).toEqual(sharing);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
