/**
 * Word tables of site-specific-biopsy and chemodenervation-site, as data: the places that have a biopsy
 * code of their own (site-specific-biopsy), the hands and feet and the axillae
 * (chemodenervation-site). A term matches whole words of a line's site (its
 * words as rules/site-words.ts gives them), in order, singular or plural
 * (`nail fold` matches `lateral nail folds`); never part of a word, so `lid
 * margin` is not in `eyelid` and `hand` is not in `handle`.
 */
import { siteWords } from './site-words';

/** A place with a biopsy code of its own: skin biopsy codes (11102–11107) are wrong there. */
export interface SiteSpecificBiopsy {
  /** How a message names the place. */
  readonly label: string;
  /** The biopsy code CPT gives that place. */
  readonly code: string;
  /** Its code for each further lesion, where CPT has one. */
  readonly eachAdditional?: string;
  readonly terms: readonly string[];
}

/**
 * The skin of the lip, the eyelid or the finger is skin: `upper lip`, `eyelid`
 * and `finger` are in no list. Each addition beyond the rules' own lists (one-word
 * spellings, `subungual`, the Latin singulars, the clitoris) has a case in
 * site-specific-biopsy.cases.ts.
 */
const SITE_SPECIFIC_BIOPSIES: readonly SiteSpecificBiopsy[] = [
  { label: 'the lip vermilion', code: '40490', terms: ['vermilion', 'vermillion'] },
  { label: 'the eyelid margin', code: '67810', terms: ['lid margin', 'eyelid margin', 'tarsal margin'] },
  {
    label: 'the nail unit',
    code: '11755',
    terms: [
      'nail bed',
      'nailbed',
      'nail matrix',
      'nail plate',
      'nail fold',
      'nailfold',
      'hyponychium',
      'nail unit',
      'subungual',
    ],
  },
  { label: 'the penis', code: '54100', terms: ['penis', 'penile', 'glans', 'foreskin', 'prepuce'] },
  {
    label: 'the vulva',
    code: '56605',
    eachAdditional: '56606',
    terms: [
      'vulva',
      'vulvar',
      'vulval',
      'labia majora',
      'labia minora',
      'labium majus',
      'labium minus',
      'clitoris',
      'clitoral',
    ],
  },
];

/** Hands and feet: CPT sends their eccrine-gland chemodenervation to the unlisted code. */
export const HANDS_AND_FEET_TERMS: readonly string[] = [
  'palm',
  'palmar',
  'hand',
  'sole',
  'plantar',
  'foot',
  'feet',
  'finger',
  'fingertip',
  'thumb',
  'toe',
  'heel',
];

/** The axillae, the one area 64650 is for. */
export const AXILLA_TERMS: readonly string[] = [
  'axilla',
  'axillae',
  'axillary',
  'underarm',
  'under arm',
  'armpit',
  'arm pit',
];

type Term = readonly string[];
const compiled = new WeakMap<readonly string[], readonly Term[]>();
function termsOf(list: readonly string[]): readonly Term[] {
  let terms = compiled.get(list);
  if (!terms) compiled.set(list, (terms = list.map((t) => siteWords(t))));
  return terms;
}

/** A site word is a term word or its plural ('folds', 'palms', 'axillas'). */
function wordMatches(siteWord: string, termWord: string): boolean {
  if (siteWord === termWord) return true;
  // Compared in place: a plural made per comparison was most of a site check's time.
  const extra = siteWord.length - termWord.length;
  if (extra === 1) return siteWord.charCodeAt(termWord.length) === 115 /* s */ && siteWord.startsWith(termWord);
  if (extra === 2) return siteWord.endsWith('es') && siteWord.startsWith(termWord);
  return false;
}

function hasTerm(words: readonly string[], term: Term): boolean {
  if (term.length === 0) return false;
  for (let i = 0; i + term.length <= words.length; i++) {
    let k = 0;
    while (k < term.length && wordMatches(words[i + k]!, term[k]!)) k++;
    if (k === term.length) return true;
  }
  return false;
}

/** The site's words name one of the terms of the list. */
export function namesAny(words: readonly string[], list: readonly string[]): boolean {
  return termsOf(list).some((term) => hasTerm(words, term));
}

/**
 * The one place with a biopsy code of its own that the site names; undefined
 * when it names none, or two (`glans clitoris` is the vulva's, not the penis':
 * text naming two is left alone rather than guessed).
 */
export function siteSpecificBiopsyOf(site: string | undefined): SiteSpecificBiopsy | undefined {
  if (!site) return undefined;
  const words = siteWords(site);
  const named = SITE_SPECIFIC_BIOPSIES.filter((place) => namesAny(words, place.terms));
  return named.length === 1 ? named[0] : undefined;
}
