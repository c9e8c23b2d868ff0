/**
 * A long encounter for the engine's worst case (npm run bench, the engine
 * scale tests): `n` lines drawn, the same on every run, from what a busy
 * dermatology day bills — visits, biopsies, shaves, excisions, destructions,
 * repairs, Mohs with pathology, injections, botulinum toxin, cosmetic items —
 * with modifiers, diagnosis pointers (some lines with none: linked to every
 * diagnosis), sites, sizes and lesion counts, so that every rule has lines to
 * judge and pairs to compare, and many lines raise findings.
 */
import type { Encounter, Line } from '../../rules/schema';

const CODES = [
  '99203',
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
  '12032',
  '13131',
  '13132',
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
  '11900',
  '11901',
  '11055',
  '11056',
  '10060',
  '96372',
  'J3301',
  '64650',
  '64653',
  'J0585',
  '11950',
  '15788',
  '17380',
  '96920',
];
const MODIFIERS = [
  [],
  [],
  [],
  [],
  ['25'],
  ['57'],
  ['59'],
  ['XS'],
  ['XE'],
  ['GA'],
  ['GZ'],
  ['GY'],
  ['JW'],
  ['JZ'],
  ['RT'],
  ['LT'],
  ['XS', 'RT'],
];
const DIAGNOSES = [
  'L57.0',
  'L82.0',
  'L82.1',
  'B07.8',
  'B07.0',
  'L91.8',
  'D22.5',
  'D23.5',
  'L72.0',
  'C44.311',
  'C44.612',
  'C44.519',
  'C43.59',
  'D03.9',
  'D04.39',
  'L40.0',
  'Z12.83',
  'Z41.1',
  'L74.510',
  'R61',
  'D48.5',
  'L84',
  'L91.0',
  'S01.81XA',
  'L57',
  'Z00.00',
  'L29.8',
  'G43.709',
  'C00.0',
  'D07.4',
  'L71.1',
  'L30.9',
  'I10',
  'E11.9',
  'D49.2',
  'L72.11',
  'Z85.828',
  'L98.8',
  'C44.42',
  'L43.9',
];
const SITES = [
  'left cheek',
  'R helix',
  'upper back',
  'scalp vertex',
  'L 2nd toe',
  'right dorsal hand',
  'nasal tip',
  'left forearm',
  'glabella',
  'posterior neck',
  'chest',
  'L lower leg',
  'left nasal ala',
  'R. upper arm, posterior',
  'both axillae',
  'forehead',
];

/** xorshift32: small and seeded, so the encounter is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function longEncounter(n: number, seed = 1): Encounter {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lines: Line[] = [];
  for (let i = 0; i < n; i++) {
    const line: Line = { code: pick(CODES) };
    const modifiers = pick(MODIFIERS);
    if (modifiers.length) line.modifiers = [...modifiers];
    if (next() < 0.3) line.units = 1 + Math.floor(next() * 4);
    if (next() < 0.85)
      line.dx = Array.from({ length: 1 + Math.floor(next() * 3) }, () => 1 + Math.floor(next() * DIAGNOSES.length));
    if (next() < 0.7) line.site = pick(SITES);
    if (next() < 0.4) line.sizeCm = Math.round(next() * 45 + 1) / 10;
    if (next() < 0.3) line.lesions = 1 + Math.floor(next() * 20);
    lines.push(line);
  }
  return {
    id: `long-${n}`,
    dateOfService: '2026-08-03',
    payer: { kind: 'medicare' },
    abn: { signed: true, lines: [0, 3, 5] },
    diagnoses: DIAGNOSES.map((code) => ({ code })),
    lines,
  };
}
