/**
 * Anatomic site lexicon: reads the free-text site of a body map ('L nasal ala',
 * 'R. upper arm, posterior', 'Lt. plantar foot') and answers its site group of
 * the code groups (rules/codes.ts), or 'unknown' when unsure (site rules stay silent then).
 *
 * How it reads a site:
 *  1. Lower-case, strip accents, possessives and punctuation; glue hyphenated
 *     or spaced prefixes ('pre-auricular' → 'preauricular', 'sub mental' →
 *     'submental'); split into word tokens; drop laterality ('L', 'rt.',
 *     'bilat') and 'the'; turn a plural into the singular the lexicon knows.
 *  2. Scan the tokens left to right, taking at each position the longest
 *     lexicon phrase that starts there (so 'back of hand' wins over 'back',
 *     'post auricular' over 'auricular'). Words the lexicon does not know are
 *     qualifiers or noise ('upper', 'lateral', '2nd', 'quadrant') and are skipped.
 *  3. Answer the one group the terms name. 'unknown' when no term is found,
 *     when terms of two groups appear ('neck/jaw', 'hand and forearm'), when a
 *     disputed term appears, or when every term is only a landmark ('2 cm below
 *     the ear': the lesion is near the ear, not on it).
 *
 * Matching is on whole tokens, never substrings: 'chin' is not in 'machine',
 * 'ear' not in 'forearm' or 'linear', 'lip' not in 'lipoma', 'hip' not in 'ship'.
 * Pure, dependency-free; the tables are compiled once at module load.
 */
import type { SiteGroup } from './codes';
export type SiteAnswer = SiteGroup | 'unknown';

/**
 * What a lexicon entry means: a site group; 'disputed' (coders disagree on the
 * group, so any text naming it is 'unknown'); or 'none' (a phrase that only
 * qualifies, matched so that its words are not read as terms: 'back of …').
 */
type Kind = SiteGroup | 'disputed' | 'none';

/** The lexicon, as data: multi-word phrases first, then single words. */
const LEXICON: Readonly<Record<Kind, { readonly phrases: readonly string[]; readonly words: readonly string[] }>> = {
  // A — trunk, arms, legs. Groin, inguinal, suprapubic and buttock are A.
  A: {
    phrases: [
      'upper arm',
      'upper back',
      'lower back',
      'mid back',
      'small of back',
      'chest wall',
      'upper extremity',
      'lower extremity',
      'upper limb',
      'lower limb',
      'lower leg',
      'upper leg',
      'shoulder blade',
      'collar bone',
      'tail bone',
      'belly button',
      'love handle',
      'iliac crest',
      'gluteal cleft',
      'buttock cheek',
      'butt cheek',
      'knee cap',
      'arm pit',
      'under arm',
      'under breast',
      'below breast',
      'behind knee',
      'above knee',
      'below knee',
    ],
    words: [
      // trunk
      'trunk',
      'torso',
      'chest',
      'thorax',
      'thoracic',
      'back',
      'midback',
      'abdomen',
      'abdominal',
      'abd',
      'abdo',
      'belly',
      'stomach',
      'epigastric',
      'epigastrium',
      'hypogastric',
      'hypogastrium',
      'luq',
      'ruq',
      'llq',
      'rlq',
      'umbilicus',
      'umbilical',
      'periumbilical',
      'infraumbilical',
      'supraumbilical',
      'navel',
      'bellybutton',
      'flank',
      'waist',
      'waistline',
      'axilla',
      'axillae',
      'axillary',
      'armpit',
      'underarm',
      'breast',
      'inframammary',
      'submammary',
      'mammary',
      'nipple',
      'areola',
      'areolar',
      'periareolar',
      'sternum',
      'sternal',
      'presternal',
      'parasternal',
      'rib',
      'costal',
      'subcostal',
      'pectoral',
      'clavicle',
      'clavicular',
      'collarbone',
      'infraclavicular',
      'subclavicular',
      'shoulder',
      'scapula',
      'scapular',
      'interscapular',
      'suprascapular',
      'infrascapular',
      'lumbar',
      'lumbosacral',
      'paraspinal',
      'paravertebral',
      'spine',
      'sacrum',
      'sacral',
      'coccyx',
      'coccygeal',
      'sacrococcygeal',
      'tailbone',
      'buttock',
      'butt',
      'gluteal',
      'glute',
      'gluteus',
      'intergluteal',
      'hip',
      'iliac',
      'groin',
      'inguinal',
      'suprapubic',
      'pannus',
      // arms (wrist is A: the hand begins below it)
      'arm',
      'ue',
      'rue',
      'lue',
      'bue',
      'deltoid',
      'bicep',
      'biceps',
      'tricep',
      'triceps',
      'elbow',
      'antecubital',
      'olecranon',
      'forearm',
      'wrist',
      // legs (ankle and malleolus are A: the foot begins below them)
      'extremity',
      'limb',
      'le',
      'rle',
      'lle',
      'ble',
      'leg',
      'thigh',
      'hamstring',
      'knee',
      'kneecap',
      'patella',
      'patellar',
      'prepatellar',
      'infrapatellar',
      'suprapatellar',
      'popliteal',
      'shin',
      'pretibial',
      'tibia',
      'tibial',
      'calf',
      'calves',
      'ankle',
      'malleolus',
      'malleolar',
    ],
  },
  // B — scalp, neck, hands, feet, genitalia. Submental, submandibular, occipital
  // and temporal scalp are B. A digit is B whether of hand or foot.
  B: {
    phrases: [
      'back of hand',
      'back of neck',
      'back of head',
      'top of head',
      'crown of head',
      'vertex of head',
      'under chin',
      'beneath chin',
      'below chin',
      'adam apple',
      'nail fold',
      'nail bed',
      'web space',
      'metacarpal head',
      'great toe',
      'big toe',
      'little toe',
      'pinky toe',
      'ball of foot',
      'metatarsal head',
      'mons pubis',
      'labia majora',
      'labia minora',
      'penile shaft',
      'glans penis',
    ],
    words: [
      // scalp and neck
      'scalp',
      'vertex',
      'crown',
      'occiput',
      'occipital',
      'parietal',
      'neck',
      'nape',
      'nuchal',
      'throat',
      'submental',
      'submandibular',
      // hands
      'hand',
      'palm',
      'palmar',
      'thenar',
      'hypothenar',
      'finger',
      'fingertip',
      'fingernail',
      'thumb',
      'thumbnail',
      'digit',
      'pinky',
      'knuckle',
      'metacarpal',
      'metacarpophalangeal',
      'mcp',
      'pip',
      'dip',
      'interphalangeal',
      'phalanx',
      'phalanges',
      'phalangeal',
      'interdigital',
      'nail',
      'nailfold',
      'nailbed',
      'periungual',
      'subungual',
      'paronychial',
      'cuticle',
      // feet
      'foot',
      'feet',
      'forefoot',
      'midfoot',
      'hindfoot',
      'sole',
      'plantar',
      'heel',
      'calcaneal',
      'instep',
      'toe',
      'toenail',
      'hallux',
      'metatarsal',
      'metatarsophalangeal',
      'mtp',
      // genitalia (the mons pubis is part of the vulva)
      'genital',
      'genitals',
      'genitalia',
      'scrotum',
      'scrotal',
      'penis',
      'penile',
      'glans',
      'foreskin',
      'prepuce',
      'vulva',
      'vulvar',
      'vulval',
      'labia',
      'labium',
      'clitoris',
      'clitoral',
      'mons',
    ],
  },
  // C — face, ears, eyelids, nose, lips, mucous membrane.
  C: {
    phrases: [
      'nasal ala',
      'nasal tip',
      'nasal dorsum',
      'nasal sidewall',
      'nasal bridge',
      'bridge of nose',
      'tip of nose',
      'side of nose',
      'side of face',
      'crow feet',
      'upper lip',
      'lower lip',
      'cutaneous lip',
      'vermilion border',
      'corner of mouth',
      'oral commissure',
      'floor of mouth',
      'oral mucosa',
      'buccal mucosa',
      'labial mucosa',
      'mucous membrane',
      'ear lobe',
      'helical rim',
      'conchal bowl',
      'triangular fossa',
      'ear canal',
      'auditory canal',
      'eye lid',
      'corner of eye',
      'under eye',
      'below eye',
      'above eyebrow',
      'above brow',
      'above lip',
      'below lip',
      'under nose',
      'below nose',
      'tear trough',
    ],
    words: [
      // face
      'face',
      'facial',
      'midface',
      'cheek',
      'malar',
      'submalar',
      'zygoma',
      'zygomatic',
      'buccal',
      'forehead',
      'brow',
      'eyebrow',
      'supraorbital',
      'glabella',
      'glabellar',
      'temple',
      'chin',
      'mentolabial',
      'jaw',
      'jawline',
      'mandible',
      'mandibular',
      'preauricular',
      // nose
      'nose',
      'nasal',
      'ala',
      'alar',
      'perialar',
      'columella',
      'columellar',
      'nostril',
      'naris',
      'nares',
      'supratip',
      'infratip',
      'intranasal',
      'perinasal',
      'paranasal',
      'subnasal',
      'nasolabial',
      'nlf',
      'melolabial',
      // lips and mucous membrane
      'lip',
      'vermilion',
      'vermillion',
      'philtrum',
      'philtral',
      'perioral',
      'mouth',
      'oral',
      'intraoral',
      'mucosa',
      'mucosal',
      'tongue',
      'gingiva',
      'gingival',
      'gum',
      'palate',
      // ears
      'ear',
      'auricle',
      'auricular',
      'pinna',
      'helix',
      'helical',
      'antihelix',
      'anthelix',
      'tragus',
      'antitragus',
      'concha',
      'conchal',
      'earlobe',
      'lobule',
      'scapha',
      // eyelids
      'eye',
      'eyelid',
      'lid',
      'canthus',
      'canthi',
      'canthal',
      'periorbital',
      'orbital',
      'infraorbital',
      'periocular',
      'conjunctiva',
      'conjunctival',
    ],
  },
  // Terms certified coders place in different groups, so no site rule may judge them:
  // 'head' alone (scalp B or face C); perianal, anal, perineum (trunk or genitalia);
  // behind, above or below the ear, and mastoid (ear C, scalp B or neck B); hairline
  // and beard (scalp or neck B, or face C); supraclavicular and suprasternal notch
  // and the 'V of the neck' (neck B or chest A); pubic (suprapubic A or mons pubis B);
  // 'labial' alone (lip C or labia B).
  disputed: {
    phrases: [
      'post auricular',
      'behind ear',
      'back of ear',
      'above ear',
      'below ear',
      'under ear',
      'hair line',
      'sternal notch',
      'v of neck',
      'v neck',
    ],
    words: [
      'head',
      'perianal',
      'anal',
      'anus',
      'perineum',
      'perineal',
      'postauricular',
      'retroauricular',
      'infraauricular',
      'supraauricular',
      'periauricular',
      'mastoid',
      'hairline',
      'beard',
      'supraclavicular',
      'suprasternal',
      'pubic',
      'pubis',
      'labial',
    ],
  },
  // Phrases whose words would otherwise be read as terms: 'back of R knee' is the
  // knee, 'head of 1st metatarsal' the foot.
  none: { phrases: ['back of', 'head of'], words: [] },
};

/** Tokens that never change the group and are dropped before matching. */
const DROPPED = new Set(['l', 'r', 'lt', 'rt', 'left', 'right', 'bilateral', 'bilat', 'bil', 'b', 'bl', 'both', 'the']);

/** Qualifiers skipped when looking back from a term for a landmark word ('just lateral to'). */
const QUALIFIERS = new Set([
  'upper',
  'lower',
  'mid',
  'middle',
  'central',
  'center',
  'lateral',
  'medial',
  'proximal',
  'distal',
  'anterior',
  'posterior',
  'dorsal',
  'dorsum',
  'ventral',
  'volar',
  'superior',
  'inferior',
  'inner',
  'outer',
  'ant',
  'post',
  'sup',
  'inf',
  'med',
  'lat',
  'prox',
  'dist',
  'just',
  'slightly',
  'immediately',
  'cm',
  'mm',
]);

/**
 * Words that make the next term a landmark, not the site: 'below the ear',
 * 'near R eye', '2 cm from nasal ala'. A qualifier followed by 'to' does too
 * ('distal to wrist', 'lateral to nasal ala'); 'lateral canthus' alone does not.
 */
const LANDMARK_WORDS = new Set([
  'above',
  'below',
  'under',
  'underneath',
  'beneath',
  'behind',
  'near',
  'nearby',
  'adjacent',
  'beside',
  'next',
  'from',
  'beyond',
  'off',
]);

/** Prefixes glued to the next word when written apart: 'pre-auricular', 'sub mental', 'anti helix'. */
const PREFIXES = 'supra|infra|sub|peri|pre|retro|inter|intra|para|anti|naso';

interface Compiled {
  /** First token → phrases starting with it (as token lists), longest first. */
  byFirst: Map<string, { tokens: string[]; kind: Kind }[]>;
  /** Every word of the lexicon, to singularize plurals only into known words. */
  vocab: Set<string>;
}

function compile(): Compiled {
  const byFirst: Compiled['byFirst'] = new Map();
  const vocab = new Set<string>();
  for (const kind of Object.keys(LEXICON) as Kind[]) {
    const { phrases, words } = LEXICON[kind];
    for (const term of [...phrases, ...words]) {
      const tokens = term.split(' ');
      for (const t of tokens) vocab.add(t);
      const first = tokens[0]!;
      const list = byFirst.get(first) ?? [];
      list.push({ tokens, kind });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.tokens.length - x.tokens.length);
  return { byFirst, vocab };
}

const { byFirst, vocab } = compile();
const PREFIX_HYPHEN = new RegExp(`\\b(${PREFIXES}|post)-\\s*(?=[a-z])`, 'g');

function singular(token: string): string {
  if (vocab.has(token) || token.length < 4) return token;
  if (token.endsWith('s') && vocab.has(token.slice(0, -1))) return token.slice(0, -1);
  if (token.endsWith('es') && vocab.has(token.slice(0, -2))) return token.slice(0, -2);
  return token;
}

/** The prefixes glued to the next word when written apart ('sub mental'); 'post' only when hyphenated. */
const SPACED_PREFIXES = new Set(PREFIXES.split('|'));

function isAsciiOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

const isLetter = (c: number) => c >= 97 && c <= 122;
const isLetterOrDigit = (c: number) => isLetter(c) || (c >= 48 && c <= 57);

/**
 * The site's words before the lexicon drops laterality and singularizes: lower
 * case, accents and possessives dropped, prefixes glued. The same as
 *   site.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]s\b/g, '')
 *     .replace(PREFIX_HYPHEN, '$1').replace(/[^a-z0-9]+/g, ' ').replace(/\b(PREFIXES)\s+(?=[a-z])/g, '$1')
 *     .split(' ').filter(Boolean)
 * with the steps that cannot change the text skipped (most sites are plain ASCII without
 * an apostrophe or a hyphen) and the last two done on the words instead of the text;
 * exported for the test that holds it to that pipeline.
 */
export function lexiconWords(site: string): string[] {
  let text = isAsciiOnly(site)
    ? site.toLowerCase()
    : site
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
  if (text.includes("'") || text.includes('\u2019')) text = text.replace(/['\u2019]s\b/g, '');
  if (text.includes('-')) text = text.replace(PREFIX_HYPHEN, '$1');
  // Runs of letters and digits are the words, whatever separates them; a prefix word joins the next word when that starts with a letter.
  const words: string[] = [];
  let start = -1;
  let glue = false;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isLetterOrDigit(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      const word = text.slice(start, i);
      if (glue && isLetter(word.charCodeAt(0))) words[words.length - 1] += word;
      else words.push(word);
      glue = SPACED_PREFIXES.has(word);
      start = -1;
    }
  }
  return words;
}

function tokenize(site: string): string[] {
  const tokens: string[] = [];
  for (const word of lexiconWords(site)) {
    if (!DROPPED.has(word)) tokens.push(singular(word));
  }
  return tokens;
}

/** Whether the term starting at `start` is preceded by a landmark word ('below', 'distal to'). */
function isLandmark(tokens: readonly string[], start: number): boolean {
  let j = start - 1;
  while (j >= 0 && (QUALIFIERS.has(tokens[j]!) || /^\d/.test(tokens[j]!))) j--;
  if (j < 0) return false;
  const word = tokens[j]!;
  if (LANDMARK_WORDS.has(word)) return true;
  if (word === 'to' && j > 0) {
    const before = tokens[j - 1]!;
    return LANDMARK_WORDS.has(before) || QUALIFIERS.has(before);
  }
  return false;
}

/** The longest lexicon phrase that starts at token `i` (phrases are kept longest first). */
function longestPhraseAt(tokens: readonly string[], i: number): { tokens: string[]; kind: Kind } | undefined {
  const candidates = byFirst.get(tokens[i]!);
  if (candidates === undefined) return undefined;
  for (const candidate of candidates) {
    let k = 1; // the first token is the key
    while (k < candidate.tokens.length && tokens[i + k] === candidate.tokens[k]) k++;
    if (k === candidate.tokens.length) return candidate;
  }
  return undefined;
}

export function siteGroupOf(site: string): SiteAnswer {
  if (typeof site !== 'string') return 'unknown';
  const tokens = tokenize(site);
  let found: SiteGroup | undefined;
  let onSite = false; // at least one term names the site itself, not a landmark
  for (let i = 0; i < tokens.length;) {
    const match = longestPhraseAt(tokens, i);
    if (!match) {
      i++;
      continue;
    }
    if (match.kind === 'disputed') return 'unknown';
    if (match.kind !== 'none') {
      if (found !== undefined && found !== match.kind) return 'unknown';
      found = match.kind;
      if (!isLandmark(tokens, i)) onSite = true;
    }
    i += match.tokens.length;
  }
  return found !== undefined && onSite ? found : 'unknown';
}

const PREFIX_WORDS = new Set(PREFIXES.split('|'));

/**
 * Whether lower-case word tokens (as `siteWords` gives them) name any term of
 * the lexicon: a site of any group or a disputed term ('head', 'perianal').
 * For the note reader (docs/note.md: a block that names no anatomic site at all).
 * No regular expression: the tokens are already split; linear in their number.
 */
export function namesAnySite(words: readonly string[]): boolean {
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (DROPPED.has(word)) continue;
    // 'pre auricular' → 'preauricular' when the glued word is known.
    const next = words[i + 1];
    if (PREFIX_WORDS.has(word) && next !== undefined && vocab.has(singular(word + next))) {
      tokens.push(singular(word + next));
      i++;
      continue;
    }
    tokens.push(singular(word));
  }
  for (let i = 0; i < tokens.length;) {
    const match = byFirst.get(tokens[i]!)?.find((c) => c.tokens.every((t, k) => tokens[i + k] === t));
    if (!match) {
      i++;
      continue;
    }
    if (match.kind !== 'none') return true;
    i += match.tokens.length;
  }
  return false;
}
