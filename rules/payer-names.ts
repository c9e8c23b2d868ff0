/**
 * The payer kind from the insurer or plan name a screen shows, when the screen
 * shows no category (financial class): 'Cigna Open Access Plus' is commercial,
 * 'Humana Gold Plus HMO' Medicare Advantage, 'Noridian JF Part B' Medicare,
 * 'MassHealth' Medicaid. The table is data; a practice adds its own names in
 * options, and those are looked at first.
 *
 * How a name is read: lower case, words of letters and digits ('&' is a word,
 * so 'BC&BS' and 'BC & BS' read alike). Each phrase matches whole words in
 * order. The strongest kind found wins, in this order: a Medicare Advantage mark
 * ('medicare advantage', 'gold plus', 'dual complete') over a Medicaid name
 * ('Medicaid', 'Medi-Cal', 'TennCare', 'Aetna Better Health') over a Medicare
 * name ('Medicare', a MAC such as 'Novitas'; a Medigap supplement rides on
 * original Medicare) over self-pay over a commercial carrier or plan word
 * ('Aetna', 'BCBS'); a plan type ('PPO', 'HMO') speaks last, as Medicare Advantage plans are HMOs
 * and PPOs too. A name with none of them is 'unknown', never a guess.
 */
import type { PayerKind } from './schema';

/** Marks of a program or product: they say the kind whatever the brand ('Humana Gold Plus', 'Anthem Medicaid'). */
const MEDICARE_ADVANTAGE_MARKS = [
  'medicare advantage',
  'medicare adv',
  'part c',
  'mapd',
  'ma pd',
  'dsnp',
  'd snp',
  'csnp',
  'c snp',
  'isnp',
  'special needs plan',
  'medicare hmo',
  'medicare ppo',
  'medicare pffs',
  'medicare plus',
  'medicare complete',
  'medicarecomplete',
  'medicare choice',
  'medicare blue',
  'medicareblue',
  'mediblue',
  'medicare solutions',
  'medicare assure',
  'medicare value',
  'medicare select',
  'medicare premier',
  'medicare prime',
  'medicare access',
  'medicare preferred',
  'medicare dual',
  'dual complete',
  'dual advantage',
  'gold plus',
  'secure horizons',
  'securehorizons',
  'senior advantage',
  'senior care plus',
  'seniorcare plus',
  'freedom blue',
  'blue medicare',
  'medicare replacement',
  'medicare medicaid plan',
  'mmp',
  'fide snp',
  'senior health plan',
  'cardinal care medicare',
  'medadvantage',
  'dual solution',
  'gold choice',
  'pffs',
  'senior dimensions',
];
const MEDICAID_MARKS = [
  'medicaid',
  'medi cal',
  'medical assistance',
  'masshealth',
  'mass health',
  'tenncare',
  'soonercare',
  'ahcccs',
  'badgercare',
  'badger care',
  'husky',
  'husky health',
  'apple health',
  'nj familycare',
  'familycare',
  'healthy louisiana',
  'mo healthnet',
  'kancare',
  'texas star',
  'star plus',
  'starplus',
  'star kids',
  'chip',
  'medallion',
  'hoosier healthwise',
  'healthy indiana plan',
  'hip 2 0',
  'healthy michigan',
  'health first colorado',
  'centennial care',
  'turquoise care',
  'nevada check up',
  'dr dynasaur',
  'mainecare',
  'peachcare',
  'georgia families',
  'healthy connections',
  'oregon health plan',
  'ohp',
  'kidcare',
  'iowa health link',
  'hawki',
  'heritage health',
  'healthy blue',
  'community plan',
  'community care plan',
  'better health',
  'managed medicaid',
  'title xix',
  'title 19',
  'ritecare',
  'dc healthy families',
  'cardinal care',
  'medi caid',
  'medicaid ffs',
  'family care',
  'community health choice',
  'horizon nj health',
  'nj health',
];
const MEDICARE_MARKS = [
  'medicare',
  'medicare part b',
  'part b',
  'medicare b',
  'medicare ffs',
  'traditional medicare',
  'original medicare',
  'railroad medicare',
];
/** A Medigap policy pays after original Medicare, which is the payer the rules speak of. */
const MEDICARE_SUPPLEMENT_MARKS = [
  'medicare supplement',
  'medigap',
  'med supp',
  'medsupp',
  'supplement plan',
  'medicare secondary',
];
const SELF_PAY_MARKS = [
  'self pay',
  'selfpay',
  'cash pay',
  'cash',
  'uninsured',
  'no insurance',
  'private pay',
  'patient pay',
  'patient responsibility',
];
const COMMERCIAL_MARKS = [
  'commercial',
  'employer group',
  'group health',
  'exchange',
  'marketplace',
  'aca',
  'obamacare',
  'self funded',
  'workers comp',
  'workers compensation',
  'auto insurance',
  'tricare',
  'tricare for life',
  'champva',
  'va community care',
  'federal employee program',
  'fep',
  'ambetter',
];
/** Plan types: Medicare Advantage plans are HMOs and PPOs too, so these speak only when nothing else in the name does. */
const COMMERCIAL_PLAN_TYPES = [
  'ppo',
  'hmo',
  'epo',
  'pos',
  'hdhp',
  'hsa',
  'open access',
  'open access plus',
  'choice plus',
  'options ppo',
  'navigate',
];

/** Brands: the kind a name says when it carries no mark of a program ('Cigna', 'Molina', 'Novitas'). */
const MEDICARE_BRANDS = [
  'palmetto gba',
  'novitas',
  'noridian',
  'first coast',
  'first coast service options',
  'cgs administrators',
  'cgs',
  'ngs',
  'national government services',
  'wps',
  'wisconsin physicians service',
  'rrb',
  'cms',
];
const MEDICARE_ADVANTAGE_BRANDS = [
  'wellcare',
  'well care',
  'essence healthcare',
  'scan health plan',
  'alignment health',
  'devoted health',
  'clover health',
  'zing health',
  'longevity health',
  'care n care',
  'carencare',
  'peoples health',
  'allwell',
  'simply medicare',
  'ultimate health plans',
  'leon medicare',
];
const MEDICAID_BRANDS = [
  'molina',
  'amerigroup',
  'amerihealth caritas',
  'caresource',
  'keystone first',
  'pa health wellness',
  'sunshine health',
  'superior healthplan',
  'buckeye health',
  'peach state health',
  'meridian health',
  'magnolia health',
  'louisiana healthcare connections',
  'home state health',
  'nebraska total care',
  'western sky community care',
  'fidelis care',
  'metroplus',
  'healthfirst',
  'affinity health plan',
  'simply healthcare',
  'staywell',
  'passport health',
  'l a care',
  'la care',
  'iehp',
  'inland empire health',
  'cencal',
  'caloptima',
  'partnership healthplan',
  'texas children s health plan',
  'cook children s health plan',
  'parkland community health plan',
  'virginia premier',
  'optima family care',
  'mississippican',
  'mississippi can',
];
const COMMERCIAL_BRANDS = [
  'aetna',
  'cigna',
  'evernorth',
  'unitedhealthcare',
  'united healthcare',
  'united health care',
  'uhc',
  'umr',
  'golden rule',
  'oxford health',
  'optum',
  'surest',
  'humana',
  'anthem',
  'elevance',
  'wellpoint',
  'blue cross',
  'blue shield',
  'bluecross',
  'blueshield',
  'bcbs',
  'bc bs',
  'bc & bs',
  'bcbsa',
  'highmark',
  'premera',
  'regence',
  'carefirst',
  'horizon',
  'independence blue',
  'ibx',
  'florida blue',
  'excellus',
  'wellmark',
  'capital blue',
  'empire',
  'kaiser',
  'kaiser permanente',
  'health net',
  'healthnet',
  'centene',
  'ambetter',
  'oscar',
  'oscar health',
  'bright health',
  'harvard pilgrim',
  'tufts',
  'point32health',
  'emblemhealth',
  'emblem',
  'ghi',
  'hip',
  'geisinger',
  'upmc',
  'priority health',
  'hap',
  'health alliance plan',
  'medica',
  'healthpartners',
  'ucare',
  'blue care network',
  'bcn',
  'presbyterian',
  'selecthealth',
  'select health',
  'moda',
  'pacificsource',
  'providence health plan',
  'sharp health plan',
  'western health advantage',
  'baylor scott & white',
  'scott & white',
  'quartz',
  'dean health',
  'security health',
  'avera',
  'sanford health plan',
  'hmsa',
  'meritain',
  'allegiance',
  'mutual of omaha',
  'principal',
  'guardian',
  'metlife',
  'assurant',
  'coventry',
  'first health',
  'multiplan',
  'phcs',
  'beech street',
  'magellan',
  'geha',
  'nalc',
  'mhbp',
  'apwu',
  'samba',
  'cofinity',
  'hometown health',
  'health first',
  'avmed',
  'capital health plan',
  'amerihealth',
  'keystone health plan',
  'qualchoice',
  'arkansas blue',
  'health advantage',
  'blue advantage',
  'blue choice',
  'bluechoice',
  'bluecard',
  'blue card',
  'mvp',
  'mvp health care',
  'fidelis',
  'martin s point',
  'usfhp',
  'paramount',
  'medical mutual',
  'summacare',
  'aultcare',
  'aarp',
  'bcbs federal',
];

type Kind = Exclude<PayerKind, 'unknown'>;
type Strength = 'supplement' | 'mark' | 'brand' | 'plan-type';

export interface PayerNameEntry {
  /** Words as the name shows them, e.g. 'blue cross', 'uhc', 'medi cal'. */
  readonly phrase: string;
  readonly kind: Kind;
  /** A program or product mark says the kind whatever the brand; a brand only when no mark is there; a plan type only when neither is. */
  readonly strength?: Strength;
}

const entries = (phrases: readonly string[], kind: Kind, strength: Strength): PayerNameEntry[] =>
  phrases.map((phrase) => ({ phrase, kind, strength }));

const PAYER_NAMES: readonly PayerNameEntry[] = [
  ...entries(MEDICARE_SUPPLEMENT_MARKS, 'medicare', 'supplement'),
  ...entries(MEDICARE_ADVANTAGE_MARKS, 'medicare-advantage', 'mark'),
  ...entries(MEDICAID_MARKS, 'medicaid', 'mark'),
  ...entries(MEDICARE_MARKS, 'medicare', 'mark'),
  ...entries(SELF_PAY_MARKS, 'self-pay', 'mark'),
  ...entries(COMMERCIAL_MARKS, 'commercial', 'mark'),
  ...entries(MEDICARE_BRANDS, 'medicare', 'brand'),
  ...entries(MEDICARE_ADVANTAGE_BRANDS, 'medicare-advantage', 'brand'),
  ...entries(MEDICAID_BRANDS, 'medicaid', 'brand'),
  ...entries(COMMERCIAL_BRANDS, 'commercial', 'brand'),
  ...entries(COMMERCIAL_PLAN_TYPES, 'commercial', 'plan-type'),
];

/** Strongest first: a name that carries marks of two kinds takes the first of them. */
const KIND_ORDER: readonly Kind[] = ['medicare-advantage', 'medicaid', 'medicare', 'self-pay', 'commercial'];

/** Hard bound on the text looked at: a payer name is short; a page's junk is not read whole. */
const MAX_NAME_CHARS = 300;

/** 'BC&BS of Texas (PPO)' → ['bc', '&', 'bs', 'of', 'texas', 'ppo']. One pass, no regular expression. */
export function payerWords(text: string): string[] {
  const lower = text.slice(0, MAX_NAME_CHARS).toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const wordChar = (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    if (wordChar) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) words.push(lower.slice(start, i));
    start = -1;
    if (c === 38) words.push('&');
  }
  return words;
}

type PhraseIndex = Map<string, { words: string[]; kind: Kind; strength: Strength }[]>;

function indexPhrases(list: readonly PayerNameEntry[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const entry of list) {
    const words = payerWords(entry.phrase);
    if (words.length === 0) continue;
    const bucket = index.get(words[0]!) ?? [];
    bucket.push({ words, kind: entry.kind, strength: entry.strength ?? 'mark' });
    index.set(words[0]!, bucket);
  }
  return index;
}

interface Found {
  supplement: boolean;
  marks: Set<Kind>;
  brands: Set<Kind>;
  planTypes: Set<Kind>;
}

function find(words: readonly string[], index: PhraseIndex): Found {
  const found: Found = { supplement: false, marks: new Set(), brands: new Set(), planTypes: new Set() };
  for (let i = 0; i < words.length; i++) {
    for (const phrase of index.get(words[i]!) ?? []) {
      if (i + phrase.words.length > words.length) continue;
      let all = true;
      for (let j = 1; j < phrase.words.length && all; j++) all = words[i + j] === phrase.words[j];
      if (!all) continue;
      if (phrase.strength === 'supplement') found.supplement = true;
      else if (phrase.strength === 'brand') found.brands.add(phrase.kind);
      else if (phrase.strength === 'plan-type') found.planTypes.add(phrase.kind);
      else found.marks.add(phrase.kind);
    }
  }
  return found;
}

function first(kinds: ReadonlySet<Kind>): PayerKind {
  for (const kind of KIND_ORDER) if (kinds.has(kind)) return kind;
  return 'unknown';
}

function decide({ supplement, marks, brands, planTypes }: Found): PayerKind {
  if (supplement) return 'medicare';
  const marked = first(marks);
  // 'Aetna Medicare', 'Humana Medicare Employer': a private carrier's Medicare plan is a Medicare Advantage plan.
  if (marked === 'medicare' && [...brands].some((kind) => kind !== 'medicare')) return 'medicare-advantage';
  if (marked !== 'unknown') return marked;
  const branded = first(brands);
  return branded !== 'unknown' ? branded : first(planTypes);
}

const BUILT_IN_INDEX = indexPhrases(PAYER_NAMES);

/**
 * The payer kind a name says, or 'unknown'. The practice's own entries are
 * looked at first and, when one matches, decide alone (a practice knows that
 * its 'Blue Advantage' is a commercial HMO, not a Medicare plan).
 */
export function payerKindFromName(
  name: string | undefined,
  practiceEntries: readonly PayerNameEntry[] = [],
): PayerKind {
  if (!name) return 'unknown';
  const words = payerWords(name);
  if (words.length === 0) return 'unknown';
  if (practiceEntries.length > 0) {
    const own = decide(find(words, indexPhrases(practiceEntries)));
    if (own !== 'unknown') return own;
  }
  return decide(find(words, BUILT_IN_INDEX));
}

/**
 * The insurer's name as the tables know it: the words of `name` that a table phrase matches (the
 * practice's or the built-in), in the screen's order and case ('Cigna Open Access Plus' → 'Cigna Open
 * Access Plus'; 'ZQ Acme Cigna' → 'Cigna'), or '' when no phrase matches. What the review panel
 * shows and keeps: only words of a table, never other text the screen put in the name field.
 */
export function knownPayerName(name: string | undefined, practiceEntries: readonly PayerNameEntry[] = []): string {
  if (!name) return '';
  // The words of the name with their case: the same cut as payerWords (ASCII letters and digits, '&').
  const shown: string[] = [];
  const text = name.slice(0, MAX_NAME_CHARS);
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) shown.push(text.slice(start, i));
    start = -1;
    if (c === 38) shown.push('&');
  }
  const words = shown.map((w) => w.toLowerCase());
  const kept = new Array<boolean>(words.length).fill(false);
  for (const index of practiceEntries.length ? [indexPhrases(practiceEntries), BUILT_IN_INDEX] : [BUILT_IN_INDEX]) {
    for (let i = 0; i < words.length; i++) {
      for (const phrase of index.get(words[i]!) ?? []) {
        if (i + phrase.words.length > words.length) continue;
        let all = true;
        for (let j = 1; j < phrase.words.length && all; j++) all = words[i + j] === phrase.words[j];
        if (all) for (let j = 0; j < phrase.words.length; j++) kept[i + j] = true;
      }
    }
  }
  return shown.filter((_, i) => kept[i]).join(' ');
}
