/**
 * Large, realistic dermatology encounters for the page benchmark and the
 * hostile-page tests: a long skin-check day (E/M with 25, AK destruction
 * series, biopsies, shaves, malignant excisions and destructions) with codes
 * that fit their sites and sizes, plus "toggle" lines whose units decide one
 * finding on that line alone (lesions-lumped: a shave documenting 2 lesions
 * is clean on 2 units and an error on 1).
 */
import type { Encounter, Line } from '../../rules/schema';

export const DIAGNOSES: Encounter['diagnoses'] = [
  { code: 'L57.0', description: 'Actinic keratosis' },
  { code: 'D48.5', description: 'Neoplasm of uncertain behavior of skin' },
  { code: 'C44.311', description: 'Basal cell carcinoma of skin of nose' },
  { code: 'C44.519', description: 'Basal cell carcinoma of skin of other part of trunk' },
  { code: 'C44.42', description: 'Squamous cell carcinoma of skin of scalp and neck' },
  { code: 'L82.0', description: 'Inflamed seborrheic keratosis' },
  { code: 'L40.0', description: 'Psoriasis vulgaris' },
  { code: 'C44.612', description: 'Basal cell carcinoma of skin of right upper limb, including shoulder' },
];

// Sites by CPT site group (A trunk/arms/legs, B scalp/neck/hands/feet, C face).
const SITES_A = [
  'left upper back',
  'right upper back',
  'mid back',
  'left flank',
  'right flank',
  'left upper arm',
  'right forearm',
  'left thigh',
  'right shin',
  'left shoulder',
  'chest',
  'abdomen',
  'right lower back',
  'left calf',
];
const SITES_B = [
  'scalp vertex',
  'left neck',
  'right posterior neck',
  'dorsal left hand',
  'right dorsal foot',
  'occipital scalp',
];
const SITES_C = ['left nasal ala', 'right cheek', 'forehead', 'left temple', 'right helix', 'chin'];

/** One line of each kind, in a repeating pattern; sizes fit the code's size step. */
const PATTERN: ((i: number) => Line)[] = [
  // Shave of an inflamed SK on the trunk, 0.6–1.0 cm: per-lesion; these are the toggle lines (2 lesions, 2 units).
  (i) => ({
    code: '11301',
    units: 2,
    lesions: 2,
    dx: [6],
    site: SITES_A[i % SITES_A.length]!,
    sizeCm: 0.8,
    description: 'Shave removal, trunk/arms/legs, 0.6 to 1.0 cm',
  }),
  // Malignant excision, trunk, 1.1–2.0 cm.
  (i) => ({
    code: '11602',
    modifiers: ['XS'],
    units: 1,
    lesions: 1,
    dx: [4],
    site: SITES_A[(i + 3) % SITES_A.length]!,
    sizeCm: 1.6,
    description: 'Excision, malignant lesion, trunk/arms/legs, 1.1 to 2.0 cm',
  }),
  // Malignant destruction, scalp/neck, 0.6–1.0 cm.
  (i) => ({
    code: '17271',
    modifiers: ['XS'],
    units: 1,
    lesions: 1,
    dx: [5],
    site: SITES_B[i % SITES_B.length]!,
    sizeCm: 0.9,
    description: 'Destruction, malignant lesion, scalp/neck/hands/feet, 0.6 to 1.0 cm',
  }),
  // Shave, face, 0.5 cm or less.
  (i) => ({
    code: '11310',
    modifiers: ['XS'],
    units: 1,
    lesions: 1,
    dx: [6],
    site: SITES_C[i % SITES_C.length]!,
    sizeCm: 0.4,
    description: 'Shave removal, face/ears/eyelids/nose/lips, 0.5 cm or less',
  }),
  // Additional tangential biopsy.
  (i) => ({
    code: '11103',
    units: 1,
    lesions: 1,
    dx: [2],
    site: SITES_A[(i + 7) % SITES_A.length]!,
    description: 'Tangential biopsy, each additional lesion',
  }),
  // Malignant excision, face, 0.6–1.0 cm.
  (i) => ({
    code: '11641',
    modifiers: ['XS'],
    units: 1,
    lesions: 1,
    dx: [3],
    site: SITES_C[(i + 2) % SITES_C.length]!,
    sizeCm: 0.9,
    description: 'Excision, malignant lesion, face/ears/eyelids/nose/lips, 0.6 to 1.0 cm',
  }),
];

/** Lines whose units toggle one lesions-lumped finding (the 11301 lines). */
export function toggleLines(encounter: Encounter): number[] {
  return encounter.lines.map((l, i) => (l.code === '11301' && l.lesions === 2 ? i : -1)).filter((i) => i >= 0);
}
/** Units of a toggle line: clean, and raising lesions-lumped on that line. */
export const TOGGLE_UNITS = { clean: '2', bad: '1' } as const;
export const TOGGLE_RULE = 'lesions-lumped';

/** An encounter of `n` lines (n ≥ 4): E/M, 17000, 17003, one biopsy primary, then the pattern. */
export function bigEncounter(n: number, id = `bench-${n}`): Encounter {
  const lines: Line[] = [
    {
      code: '99214',
      modifiers: ['25'],
      units: 1,
      dx: [7],
      description: 'Established patient visit, moderate complexity',
    },
    {
      code: '17000',
      units: 1,
      lesions: 1,
      dx: [1],
      site: 'forehead',
      description: 'Destruction premalignant lesion, first',
    },
    {
      code: '17003',
      units: 6,
      lesions: 6,
      dx: [1],
      site: 'scalp vertex',
      description: 'Destruction premalignant lesions, 2 to 14, each',
    },
    {
      code: '11102',
      units: 1,
      lesions: 1,
      dx: [2],
      site: 'right upper back',
      description: 'Tangential biopsy, single lesion',
    },
  ];
  for (let i = 0; lines.length < n; i++) lines.push(PATTERN[i % PATTERN.length]!(Math.floor(i / PATTERN.length)));
  return {
    id,
    dateOfService: '2026-05-12',
    payer: { kind: 'commercial', name: 'Aetna Open Access' },
    diagnoses: DIAGNOSES.map((d) => ({ ...d })),
    lines: lines.slice(0, n),
  };
}

/**
 * A procedure note of about `bytes` characters for the page benchmark: templated blocks as a
 * dermatologist's note has them (indication, consent, anesthesia, wound care, pathology), read
 * like any note but naming no technique, closure, size or count, so the warnings the benchmark
 * toggles stay the same whether or not the note is judged.
 */
export function benchNote(bytes: number): string {
  if (bytes <= 0) return '';
  const blocks = [
    'Indication: lesion changing in size and color over the last months, patient concerned',
    'Consent: risks, benefits and alternatives reviewed with the patient; written consent signed and scanned',
    'Anesthesia: 1% lidocaine with epinephrine, buffered, injected locally; patient tolerated well',
    'Wound care: petrolatum and an adhesive bandage daily until healed; written instructions given',
    'Pathology: specimens labeled and sent to dermatopathology in separate containers; results in two weeks',
  ];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % (blocks.length + 1) === 0 ? `Area ${i / (blocks.length + 1) + 1}:` : blocks[(i % (blocks.length + 1)) - 1]!;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes).trimEnd();
}
