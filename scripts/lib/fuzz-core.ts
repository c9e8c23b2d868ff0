/**
 * Generates encounters, valid and mutated, from a seeded PRNG (so a failure
 * can be replayed), pushes them through the schema and the engine, and counts:
 * crashes (must be 0), valid ones judged, invalid ones rejected with a message.
 */
import { parseEncounter } from '../../rules/schema';
import { run } from '../../rules/index';

/** mulberry32: small, fast, seeded. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const CODES = [
  '99202',
  '99203',
  '99204',
  '99212',
  '99213',
  '99214',
  '99215',
  '99243',
  '11102',
  '11103',
  '11104',
  '11105',
  '11106',
  '11107',
  '11200',
  '11201',
  '11300',
  '11301',
  '11305',
  '11306',
  '11310',
  '11311',
  '11400',
  '11401',
  '11402',
  '11420',
  '11440',
  '11442',
  '11600',
  '11602',
  '11620',
  '11640',
  '11642',
  '12001',
  '12002',
  '12011',
  '12031',
  '13131',
  '14040',
  '14060',
  '15100',
  '17000',
  '17003',
  '17004',
  '17106',
  '17110',
  '17111',
  '17260',
  '17262',
  '17272',
  '17281',
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
  '64650',
  'J0585',
  'J0587',
  '96920',
  '10060',
  '11055',
  '1160T',
  '',
];
const MODS = [
  '25',
  '57',
  '59',
  'XS',
  'XE',
  'XU',
  'XP',
  'GA',
  'GZ',
  'GX',
  'GY',
  'JW',
  'JZ',
  'RT',
  'LT',
  '-25',
  'xs',
  'F1',
  'TA',
];
const DX = [
  'L57.0',
  'L570',
  'L57',
  'C44.311',
  'C44.31',
  'C44.41',
  'D22.5',
  'D22',
  'L82.1',
  'L82.0',
  'L91.8',
  'B07.8',
  'B08.1',
  'L72.0',
  'L72.11',
  'D18.01',
  'Z12.83',
  'Z00.00',
  'Z41.1',
  'L29.8',
  'R58',
  'D48.5',
  'D49.2',
  'C43.59',
  'D03.9',
  'D04.39',
  'E11.9',
  'I10',
  'G43.709',
  'L74.510',
  'R61',
  'L40.0',
  'L71.1',
  'L71.9',
  '',
  'XYZ',
  'C00.0',
  'D07.4',
];
const SITES = [
  'left cheek',
  'R helix',
  'upper back',
  'scalp vertex',
  'L 2nd toe',
  'neck/jaw',
  'head',
  'right dorsal hand',
  'nasal tip',
  'left forearm',
  'glabella',
  'posterior neck',
  '',
  'chest',
  'L lower leg',
];
const PAYERS = ['medicare', 'medicare-advantage', 'medicaid', 'commercial', 'self-pay', 'unknown'] as const;
const WEIRD: unknown[] = [
  null,
  undefined,
  NaN,
  Infinity,
  -1,
  0,
  1.5,
  '',
  'x'.repeat(10_000),
  '<img src=x onerror=alert(1)>',
  {},
  [],
  true,
  '__proto__',
  { toString: 1 },
  2 ** 53,
  -0,
];

function line(r: Rng, nDx: number) {
  const l: Record<string, unknown> = { code: r.pick(CODES) };
  if (r.chance(0.4)) l.modifiers = Array.from({ length: r.int(1, 3) }, () => r.pick(MODS));
  if (r.chance(0.4)) l.units = r.chance(0.9) ? r.int(1, 20) : r.int(21, 100000);
  if (r.chance(0.8))
    l.dx = Array.from({ length: r.int(0, 4) }, () => r.int(r.chance(0.05) ? -1 : 1, nDx + (r.chance(0.05) ? 3 : 0)));
  if (r.chance(0.5)) l.site = r.pick(SITES);
  if (r.chance(0.4)) l.sizeCm = Math.round(r.next() * 60) / 10 + 0.1;
  if (r.chance(0.3)) l.lesions = r.int(1, 40);
  if (r.chance(0.1)) l.billTo = r.pick(['insurance', 'patient']);
  if (r.chance(0.1)) l.category = r.pick(['service', 'cosmetic', 'retail']);
  return l;
}

export function validEncounter(r: Rng, big = false): Record<string, unknown> {
  const nDx = big ? r.int(50, 200) : r.int(0, 5);
  const nLines = big ? r.int(200, 1000) : r.int(0, 8);
  const e: Record<string, unknown> = {
    id: `f${r.int(0, 1e9)}`,
    payer: { kind: r.pick(PAYERS) },
    diagnoses: Array.from({ length: nDx }, () => ({ code: r.pick(DX) })),
    lines: Array.from({ length: nLines }, () => line(r, nDx)),
  };
  if (r.chance(0.2)) e.abn = { signed: r.chance(0.7), ...(r.chance(0.5) ? { lines: [r.int(0, nLines)] } : {}) };
  if (r.chance(0.5)) e.dateOfService = r.pick(['2026-03-03', '2023-01-01', '2026-10-01']);
  return e;
}

/** Breaks one thing in a valid encounter (a type, a required field, a bound), or adds noise that must be ignored. */
export function mutate(r: Rng, e: Record<string, unknown>): unknown {
  const copy = structuredClone(e) as Record<string, unknown> & {
    lines: Record<string, unknown>[];
    diagnoses: Record<string, unknown>[];
  };
  switch (r.int(0, 9)) {
    case 0:
      return r.pick(WEIRD);
    case 1:
      delete copy[r.pick(['id', 'payer', 'diagnoses', 'lines'])];
      return copy;
    case 2:
      copy.payer = r.chance(0.5) ? { kind: 'aetna' } : r.pick(WEIRD);
      return copy;
    case 3:
      if (copy.lines.length)
        copy.lines[r.int(0, copy.lines.length - 1)]![
          r.pick(['code', 'units', 'dx', 'sizeCm', 'lesions', 'modifiers', 'billTo', 'category'])
        ] = r.pick(WEIRD);
      else copy.lines = r.pick(WEIRD) as never;
      return copy;
    case 4:
      if (copy.diagnoses.length) copy.diagnoses[0]!.code = r.pick(WEIRD);
      else copy.diagnoses = r.pick(WEIRD) as never;
      return copy;
    case 5:
      copy.dateOfService = r.pick(['03/03/2026', '2026-3-3', 20260303, '']);
      return copy;
    case 6:
      copy.abn = r.pick([{ signed: 'yes' }, { signed: true, lines: [-1] }, 'signed', { signed: true, lines: [0.5] }]);
      return copy;
    case 7:
      (copy as Record<string, unknown>).patientName = 'noise';
      copy.lines.forEach((l) => (l.extra = 1));
      return copy; // extra fields: still valid
    case 8:
      if (copy.lines.length) copy.lines[0]!.units = r.pick([0, -3, 1.5, '2']);
      else copy.id = r.pick([5, null]);
      return copy;
    default:
      copy.lines.push(line(r, copy.diagnoses.length));
      return copy; // still valid
  }
}

export interface FuzzReport {
  total: number;
  valid: number;
  rejected: number;
  crashes: number;
  rejectedWithoutMessage: number;
  findings: number;
  firstCrash?: string;
  ms: number;
}

export function fuzz(count: number, seed = 1, now: () => number = () => Date.now()): FuzzReport {
  const r = prng(seed);
  const report: FuzzReport = {
    total: 0,
    valid: 0,
    rejected: 0,
    crashes: 0,
    rejectedWithoutMessage: 0,
    findings: 0,
    ms: 0,
  };
  const start = now();
  for (let i = 0; i < count; i++) {
    const base = validEncounter(r, i % 5000 === 4999);
    const input = r.chance(0.5) ? base : mutate(r, base);
    report.total++;
    try {
      const parsed = parseEncounter(input, i);
      if (!parsed.ok) {
        report.rejected++;
        if (!/^encounter \d+: \S/.test(parsed.error)) report.rejectedWithoutMessage++;
        continue;
      }
      report.valid++;
      report.findings += run(parsed.value, {
        onRuleError: (id, err) => {
          throw new Error(`${id}: ${String(err)}`);
        },
      }).length;
    } catch (err) {
      report.crashes++;
      report.firstCrash ??= `seed ${seed}, encounter ${i}: ${String(err)}`;
    }
  }
  report.ms = now() - start;
  return report;
}
