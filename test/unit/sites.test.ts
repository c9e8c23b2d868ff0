/**
 * The anatomic site lexicon against body-map text as EHRs (EMA, athenaNet) and
 * scribes write it. Groups per rules/codes.ts: A trunk/arms/legs; B scalp,
 * neck, hands, feet, genitalia; C face, ears, eyelids, nose, lips, mucous
 * membrane; 'unknown' for disputed terms, two groups, landmarks only, noise.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lexiconWords, siteGroupOf, type SiteAnswer } from '../../rules/sites';

const A: readonly string[] = [
  // trunk
  'central chest', 'upper chest', 'L upper chest', 'R chest wall', 'mid upper back', 'upper back', 'L lower back',
  'mid-back', 'R mid back', 'back', 'LUQ abdomen', 'RLQ', 'abd', 'abdomen - LLQ', 'lower abdomen', 'epigastric',
  'periumbilical', 'umbilicus', 'belly button', 'R flank', 'R love handles', 'L axilla', 'R underarm',
  'L breast, upper outer quadrant', 'R lateral breast', 'R inframammary fold', 'L nipple', 'L shoulder blade',
  'R scapula', 'interscapular', 'L clavicle', 'R collarbone', 'sternum', 'presternal', 'L lumbar',
  'R paraspinal, thoracic', 'sacrum', 'coccyx', 'trunk', 'torso', 'R buttock', 'Right Medial Superior Buttock',
  'L gluteal', 'R buttock cheek', 'gluteal cleft', 'R hip', 'R hip/buttock', 'left groin', 'R inguinal crease',
  'suprapubic', 'supra-pubic',
  // arms
  'R shoulder', 'L posterior shoulder', 'R. upper arm, posterior', 'R upper arm', 'L upper arm, lateral, mid',
  'left arm', 'arms', 'L deltoid', 'R tricep', 'L elbow', 'R antecubital fossa', 'L olecranon',
  'L dorsal forearm', 'R volar forearm', 'Right Lateral Distal Dorsal Forearm', 'L extensor surface forearm',
  'L forearm near elbow', 'R forearm, 2 cm proximal to wrist', 'R wrist', 'L volar wrist', 'R dorsal wrist',
  'RUE', 'L UE', 'R upper extremity', 'rt prox. lat. arm',
  // legs
  'left medial thigh', 'L anterior thigh', 'R lateral thigh, proximal', 'R ANTERIOR THIGH', 'Lt. ant. thigh',
  'R. thigh, post.', "patient's left thigh", 'R knee', '  left   knee  ', 'L anterior knee', 'L kneecap',
  'back of R knee', 'behind L knee', 'R popliteal fossa', 'left pretibial', 'R shin', 'L mid shin',
  'R posterior calf', 'Bilateral calves', 'left lower leg', 'l dist med leg', 'LLE', 'BLE', 'R lower extremity',
  'L lateral ankle', 'R medial malleolus', 'lipoma R shoulder', '2 cm above R knee',
  'L forearm 3 cm distal to elbow', 'R lower back/buttock', 'L axillae',
];

const B: readonly string[] = [
  // scalp
  'scalp vertex', 'vertex scalp', 'crown', 'scalp', 'R parietal scalp', 'L frontal scalp', 'mid frontal scalp',
  'L temporal scalp', 'Left Temporal Scalp', 'occipital scalp', 'occiput', 'back of head', 'top of head',
  'crown of head',
  // neck
  'posterior neck', 'post. neck', 'nape', 'nape of neck', 'L lateral neck', 'anterior neck', 'R neck',
  'back of neck', 'Right Superior Lateral Neck', 'submental', 'L submandibular', 'sub-mandibular R',
  'under chin', 'throat', "adam's apple",
  // hands
  'right dorsal hand', 'back of L hand', 'back of the right hand', 'dorsum of R hand', 'R hand', 'hands',
  'R palm', 'L palmar hand', 'L thenar eminence', 'Right Hypothenar Palm', 'L index finger',
  'R 2nd finger, dorsal', 'Right Proximal Dorsal Index Finger', 'L ring finger', 'R fingertip', 'L thumb',
  'R thumb, volar', 'digit', 'L 5th digit', 'R 3rd digit DIP', 'L 4th finger PIP', 'knuckles', 'L 2nd MCP',
  'R proximal nail fold', 'periungual L thumb', 'L thumbnail', 'R 3rd metacarpal head',
  // feet
  'L 2nd toe', 'great toe', 'R great toe', 'Left Distal Lateral Great Toe', 'R hallux', 'L 5th toe',
  'L pinky toe', 'toes', 'subungual R great toe', 'R 4th web space', 'web space between 3rd and 4th toes',
  'Lt. plantar foot', 'Right Mid Plantar Foot', 'R sole', 'L heel', 'right lateral heel', 'R dorsal foot',
  'dorsum of L foot', 'top of R foot', 'ball of L foot', 'R instep', 'feet', 'L foot',
  'L 1st metatarsal head', 'head of 1st metatarsal', 'R great toenail', 'toe nails', 'finger tip', 'hand-foot',
  // genitalia
  'scrotum', 'L scrotal', 'penile shaft', 'glans penis', 'R labia majora', 'L labium minus', 'vulva',
  'mons pubis', 'genitalia', 'head of penis', 'sub mental', 'R. ant. neck', 'R side of neck',
];

const C: readonly string[] = [
  // nose
  'L nasal ala', 'R alar crease', 'Left Nasal Alar Crease', 'nasal tip', 'nasal dorsum', 'L nasal sidewall',
  'columella', 'R nostril', 'nose', 'bridge of nose', 'L side of nose', 'supratip',
  // face
  'glabella', 'mid forehead', 'R forehead', 'Right Superior Forehead', 'L temple', 'R temples', 'L cheek',
  'cheeks', 'R malar cheek', 'Left Inferior Central Malar Cheek', 'L zygomatic', 'R preauricular',
  'pre-auricular R', 'Right Preauricular Cheek', 'L jaw', 'R jawline', 'Left Jawline', 'L mandible', 'chin',
  'R chin', 'mentolabial', 'face', 'L side of face', "R crow's feet", 'L. infra-orbital cheek', 'R submalar',
  'R eyebrow', 'L brow',
  // lips and mucous membrane
  'R nasolabial fold', 'nasolabial fold', 'naso-labial fold', 'NLF', 'philtrum', 'Mid Philtrum',
  'R upper lip', 'L lower lip', 'lip', 'lips', 'Right Upper Cutaneous Lip', 'R vermilion border upper lip',
  'Left Lower Vermilion Lip', 'lower vermillion lip', 'R oral commissure', 'perioral', 'L buccal mucosa',
  'oral mucosa', 'labial mucosa, lower', 'mucosa', 'tongue', 'L lateral tongue', 'gingiva', 'hard palate',
  // ears
  'R helix', 'L superior helix', 'Right Superior Helix', 'R antihelix', 'anti-helix L', 'L tragus',
  'R conchal bowl', 'R concha', 'L earlobe', 'R ear lobe', 'L ear', 'ears', 'R external ear canal',
  'in front of L ear',
  // eyelids
  'left lateral canthus', 'R medial canthus', 'Right Medial Canthus', 'L upper eyelid', 'R lower eye lid',
  'L lid margin', 'infraorbital R', 'R periorbital', 'under L eye', 'just under R eye', 'upper lid',
  'eye brow', 'ear-lobe', 'L ear helix', 'crows feet', 'R cheek near ear', 'R upper eyelid/brow',
];

const UNKNOWN: readonly string[] = [
  // empty and noise
  '', '   ', '-', '???', '12345', 'N/A', 'see photo', 'unspecified', 'skin', 'multiple sites', 'whole body',
  'L', 'R.', 'bilateral', 'upper lateral', 'xyzzy', 'site 1',
  // disputed terms
  'head', 'R head', 'head and neck', 'side of head', 'perianal', 'perineum', 'perineal', 'anal verge',
  'L postauricular', 'R post-auricular', 'post. auricular', 'post auricular', 'retroauricular',
  'behind L ear', 'back of R ear', 'R mastoid', 'frontal hairline', 'hairline', 'hair line', 'beard area',
  'R beard', 'R supraclavicular', 'supra-clavicular', 'suprasternal notch', 'sternal notch', 'V of neck',
  'V-neck', 'pubic', 'pubic area', 'labial', 'R labial commissure', 'gluteal cleft near anus',
  'L scalp, postauricular', 'L infra auricular', 'peri-anal',
  // two groups
  'neck/jaw', 'cheek and neck', 'hand/forearm', 'upper back/neck', 'chin and submental', 'L forehead/scalp',
  'ankle and foot', 'wrist/hand', 'L hand, back', 'neck below jawline', 'L thumb near wrist',
  'vulvar mucosa', 'chest and neck', 'face, neck, chest', 'R ear and scalp', 'L temple/temporal scalp',
  'scalp and forehead', 'R 2nd finger and forearm', 'lip and chin, submental', 'R lateral neck/shoulder',
  'neck and shoulders', 'L neck 2cm below jawline',
  // only a landmark: the lesion is near the named part, not on it
  'below R ear', 'above L ear', '2 cm lateral to L nasal ala', 'near L eye', 'distal to R wrist',
  '1 cm from R lateral canthus', 'below jawline', 'near L forearm',
  // ambiguous words the lexicon leaves out
  'R temporal', 'frontal', 'sideburn', 'trapezius', 'bikini line', 'L dorsal', 'décolleté',
  // substrings of terms inside other words
  'machine', 'ship', 'clip', 'near', 'linear', 'scalpel', 'background', 'shingles', 'lipoma', 'earring',
  'handle', 'necklace', 'chinstrap', 'armchair', 'solid', 'hearing', 'eyeglasses',
];

const TABLE: readonly (readonly [string, SiteAnswer])[] = [
  ...A.map((s) => [s, 'A'] as const),
  ...B.map((s) => [s, 'B'] as const),
  ...C.map((s) => [s, 'C'] as const),
  ...UNKNOWN.map((s) => [s, 'unknown'] as const),
];

describe('siteGroupOf', () => {
  it('has a table of at least 250 distinct site strings covering every answer', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(250);
    expect(new Set(TABLE.map(([s]) => s)).size).toBe(TABLE.length);
    for (const answer of ['A', 'B', 'C', 'unknown'] as const) {
      expect(TABLE.filter(([, a]) => a === answer).length).toBeGreaterThanOrEqual(40);
    }
  });

  it.each(TABLE)('%j → %s', (site, expected) => {
    expect(siteGroupOf(site)).toBe(expected);
  });

  const bases = ['nasal ala', 'dorsal hand', 'upper back', 'helix', 'great toe', 'forearm', 'temporal scalp', 'perianal'];
  const qualified = (base: string) => [
    `L ${base}`, `left ${base}`, `R. ${base}`, `Rt. ${base}`, `lt ${base}`, `bilateral ${base}`, `(L) ${base}`,
    `${base}, proximal`, `${base} - lateral`, `mid ${base}`, `${base.toUpperCase()}`, `  ${base}  `, `#3 ${base}`,
  ];
  it.each(bases)('laterality and qualifiers never change the group of %j', (base) => {
    const answer = siteGroupOf(base);
    for (const variant of qualified(base)) expect(siteGroupOf(variant), variant).toBe(answer);
  });

  it('answers unknown, without throwing, for input that is not a string', () => {
    expect(siteGroupOf(undefined as unknown as string)).toBe('unknown');
    expect(siteGroupOf(null as unknown as string)).toBe('unknown');
  });

  it('is fast: thousands of calls well within a frame budget', () => {
    const sites = TABLE.map(([s]) => s);
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) siteGroupOf(sites[i % sites.length]!);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  // lexiconWords skips the steps that cannot change a site and splits into words by hand:
  // it must give exactly the words of the regular-expression pipeline it replaced.
  const PREFIXES = 'supra|infra|sub|peri|pre|retro|inter|intra|para|anti|naso';
  const PREFIX_HYPHEN = new RegExp(`\\b(${PREFIXES}|post)-\\s*(?=[a-z])`, 'g');
  const PREFIX_SPACE = new RegExp(`\\b(${PREFIXES})\\s+(?=[a-z])`, 'g');
  const pipeline = (site: string) =>
    site.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]s\b/g, '').replace(PREFIX_HYPHEN, '$1')
      .replace(/[^a-z0-9]+/g, ' ').replace(PREFIX_SPACE, '$1').split(' ').filter(Boolean);
  const PIECES = [
    ...PREFIXES.split('|'), 'post', 'mental', 'auricular', 'nasal', 'ala', 'helix', 'hands', 'toes', "'s", '\u2019s', 's', "'", '\u2019', '-',
    ' - ', '  ', ' ', '\t', '\n', '/', ',', '.', '_', '2', '2nd', '#3', '(L)', 'é', 'É', 'ø', 'İ', '\u212a', 'ß', 'ǆ', 'a\u0301', 'L', 'Lt.', 'back of',
    '\u00a0', '\u2003', 'ﬁ', 'Σ', '😀',
  ];
  it('splits a site into the words of the regular-expression pipeline, for any text', () => {
    for (const [site] of TABLE) expect(lexiconWords(site), site).toEqual(pipeline(site));
    const site = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join('')),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join('').toUpperCase()),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    fc.assert(
      fc.property(site, (s) => {
        expect(lexiconWords(s), JSON.stringify(s)).toEqual(pipeline(s));
      }),
      { numRuns: 20_000 },
    );
  });
});
