/**
 * ICD-10-CM by fiscal year (rules/icd10cm/fiscal.ts): run() judges each
 * encounter with the code set in force on its dateOfService, dx-invalid says
 * which set it used, and the engine reads no clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../rules/index';
import { enc } from '../../rules/cases';
import {
  builtinIcdInForce,
  createIcdCodeSet,
  encodeIcdTable,
  fiscalYearOf,
  fiscalYearRange,
  icdSetFor,
  type IcdSetInForce,
} from '../../rules/icd10cm/index';

const set = (fy: number, codes: string[]): IcdSetInForce => ({
  set: createIcdCodeSet(`ICD-10-CM FY${fy}`, encodeIcdTable(codes)),
  ...fiscalYearRange(fy),
});
/** FY2027 as a practice might load it: L57.0 split into L57.00 and L57.01 (made up), the rest of L57 as in FY2026. */
const FY2027 = set(2027, ['L5700', 'L5701', 'L571', 'L572', 'L573', 'L574', 'L575', 'L578', 'L579', 'L821', 'L828']);
const SETS = [builtinIcdInForce, FY2027];

const dxInvalid = (dx: string, dateOfService?: string, extra: Parameters<typeof run>[1] = {}) =>
  run(enc({ dx: [dx], lines: [{ code: '17000', dx: [1] }], ...(dateOfService ? { dateOfService } : {}) }), {
    icdSets: SETS,
    ...extra,
  }).filter((f) => f.rule === 'dx-invalid');

describe('fiscal years', () => {
  it('FY2027 runs from 2026-10-01 to 2027-09-30', () => {
    expect(fiscalYearRange(2027)).toEqual({ from: '2026-10-01', to: '2027-09-30' });
    expect(builtinIcdInForce).toMatchObject({ from: '2025-10-01', to: '2026-09-30' });
    expect(builtinIcdInForce.set.name).toBe('ICD-10-CM FY2026');
    expect([fiscalYearOf('2026-09-30'), fiscalYearOf('2026-10-01'), fiscalYearOf('2027-01-15')]).toEqual([
      2026, 2027, 2027,
    ]);
  });
});

describe('icdSetFor', () => {
  const fy = (s: IcdSetInForce | undefined) => s?.set.name.slice(-6);
  const fy2025 = set(2025, ['L570']);
  const all = [FY2027, builtinIcdInForce, fy2025]; // any order

  it.each([
    ['2026-09-30', 'FY2026'],
    ['2026-10-01', 'FY2027'],
    ['2026-10-15', 'FY2027'],
    ['2025-09-30', 'FY2025'],
    ['2025-10-01', 'FY2026'],
    ['2028-03-01', 'FY2027'], // after every loaded year: the newest that had started
    ['2019-05-05', 'FY2025'], // before every loaded year: the oldest
  ])('on %s: %s', (day, name) => {
    expect(fy(icdSetFor(all, day))).toBe(name);
  });

  it('without a day (or with one that is not a date): the newest set', () => {
    expect(fy(icdSetFor(all))).toBe('FY2027');
    expect(fy(icdSetFor(all, 'soon'))).toBe('FY2027');
  });

  it('where ranges overlap (a mid-year update), the one that started last', () => {
    const april = { ...set(2027, ['L570']), from: '2027-04-01' };
    expect(icdSetFor([FY2027, april], '2027-05-01')).toBe(april);
    expect(icdSetFor([FY2027, april], '2027-03-31')).toBe(FY2027);
  });

  it('nothing loaded: undefined (run() then uses the shipped set)', () => {
    expect(icdSetFor([], '2026-10-15')).toBeUndefined();
    expect(
      run(enc({ dx: ['L57'], lines: ['17000'] }), { icdSets: [] }).find((f) => f.rule === 'dx-invalid')?.reference,
    ).toMatch(/FY2026/);
  });
});

describe('dx-invalid judges with the set in force on the date of service', () => {
  it('a code FY2027 made a header: valid on 2026-09-30, invalid on 2026-10-15, naming FY2027', () => {
    expect(dxInvalid('L57.0', '2026-09-30')).toEqual([]);
    const [finding] = dxInvalid('L57.0', '2026-10-15');
    expect(finding).toMatchObject({
      line: null,
      severity: 'error',
      message: 'L57.0 (diagnosis 1) is a category that needs more characters, not a billable code.',
      fix: 'Use the billable code the note documents: L57.00 or L57.01.',
    });
    expect(finding!.reference).toMatch(/ICD-10-CM FY2027 code set/);
  });

  it('a code new in FY2027: invalid before 2026-10-01 (naming FY2026), valid after', () => {
    const [before] = dxInvalid('L57.01', '2026-09-30');
    expect(before?.message).toBe('L57.01 (diagnosis 1) is not a valid ICD-10-CM FY2026 code.');
    expect(before?.reference).toMatch(/ICD-10-CM FY2026 code set/);
    expect(dxInvalid('L57.01', '2026-10-01')).toEqual([]);
  });

  it('without a dateOfService: the set in force on the caller’s icdAsOf day, else the newest', () => {
    expect(dxInvalid('L57.01', undefined, { icdAsOf: '2026-08-01' })).toHaveLength(1);
    expect(dxInvalid('L57.01', undefined, { icdAsOf: '2026-11-01' })).toEqual([]);
    expect(dxInvalid('L57.01')).toEqual([]);
    // The encounter's own date wins over the caller's day.
    expect(dxInvalid('L57.01', '2026-08-01', { icdAsOf: '2026-11-01' })).toHaveLength(1);
  });

  it('an explicit `icd` is used for every encounter, whatever its date', () => {
    expect(dxInvalid('L57.01', '2026-10-15', { icd: builtinIcdInForce.set })).toHaveLength(1);
  });

  it('a category the loaded year does not ship is undecided there, never flagged', () => {
    expect(dxInvalid('E11.9', '2026-10-15')).toEqual([]);
    expect(dxInvalid('E11', '2026-10-15')).toEqual([]);
  });
});

describe('the engine reads no clock', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the same findings whatever today is', () => {
    const encounter = enc({ dx: ['L57.01', 'L57'], lines: [{ code: '17000', dx: [1, 2] }] });
    const seen = new Set<string>();
    for (const today of ['2025-06-01', '2026-10-15', '2031-01-01']) {
      vi.useFakeTimers({ now: new Date(`${today}T12:00:00Z`) });
      seen.add(JSON.stringify(run(encounter, { icdSets: SETS })));
      vi.useRealTimers();
    }
    expect(seen.size).toBe(1);
  });
});
