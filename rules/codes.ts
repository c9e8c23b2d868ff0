/**
 * The code groups the rules use, as data (docs/rules.md lists each rule's). Rules look codes up here and
 * never repeat a code or a range themselves.
 *
 * Ranges are inclusive and compare codes of the same shape (five digits, or a
 * letter and four digits), so '1160T' is never inside 11600–11646.
 */

/** A code, or an inclusive [low, high] range of codes of the same shape. */
export type CodeSpec = string | readonly [string, string];

export interface CodeSet {
  has(code: string): boolean;
  /** The specs it was made from, for documentation. */
  readonly specs: readonly CodeSpec[];
}

/** '1160T' → '9999A': digits and capitals by class, anything else as it is. */
function shapeOf(code: string): string {
  return code.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A');
}

/** A range wider than this is checked by comparison instead of being listed (none of the catalog's comes near). */
const MAX_LISTED_RANGE = 100_000;

/**
 * Every code of lo's shape from lo to hi, in order, or undefined when there
 * are more than `limit`. Codes of one shape sort as numbers whose digits run
 * 0–9 or A–Z by position, so counting up from lo lists exactly the codes that
 * `code >= lo && code <= hi && shapeOf(code) === shapeOf(lo)` accepts.
 */
function listRange(lo: string, hi: string, limit: number): string[] | undefined {
  const out: string[] = [];
  if (lo > hi) return out;
  const chars = [...lo].map((c) => c.charCodeAt(0));
  if (chars.length !== lo.length) return undefined; // astral characters: leave to comparison
  const kind = chars.map((c) => (c >= 48 && c <= 57 ? 'digit' : c >= 65 && c <= 90 ? 'letter' : 'fixed'));
  for (;;) {
    const code = String.fromCharCode(...chars);
    if (code > hi) return out;
    if (out.length === limit) return undefined;
    out.push(code);
    // Count up by one, from the last position that is not fixed.
    let i = chars.length - 1;
    for (; i >= 0; i--) {
      if (kind[i] === 'fixed') continue;
      const top = kind[i] === 'digit' ? 57 : 90;
      if (chars[i]! < top) {
        chars[i]!++;
        break;
      }
      chars[i] = kind[i] === 'digit' ? 48 : 65;
    }
    if (i < 0) return out; // past the last code of the shape
  }
}

/**
 * A code group compiled once, when it is made, into the set of its codes:
 * `has` is one lookup. Every group gets a number (`id`) in the order it was made, so
 * the claim index (rules/claim-index.ts) can answer "is a code of this group
 * on the claim" with one bit test per encounter (see codeGroupMasks).
 */
class CompiledCodeSet implements CodeSet {
  readonly specs: readonly CodeSpec[];
  readonly id: number;
  /** The codes it lists: every single code and every code of a range but a wide one. */
  readonly listed: ReadonlySet<string>;
  /** Ranges too wide to list, as [lo, hi, shape]; undefined when there are none. */
  readonly #wide: readonly (readonly [string, string, string])[] | undefined;

  constructor(specs: readonly CodeSpec[], id: number) {
    this.specs = specs;
    this.id = id;
    const listed = new Set<string>();
    const wide: [string, string, string][] = [];
    for (const spec of specs) {
      if (typeof spec === 'string') {
        listed.add(spec);
        continue;
      }
      const codes = listRange(spec[0], spec[1], MAX_LISTED_RANGE);
      if (codes) for (const code of codes) listed.add(code);
      else wide.push([spec[0], spec[1], shapeOf(spec[0])]);
    }
    this.listed = listed;
    this.#wide = wide.length > 0 ? wide : undefined;
  }

  /** Every code of the group is listed: membership is the listed set alone. */
  get fullyListed(): boolean {
    return this.#wide === undefined;
  }

  has(code: string): boolean {
    return this.listed.has(code) || (this.#wide !== undefined && this.#inWideRange(code));
  }

  #inWideRange(code: string): boolean {
    for (const [lo, hi, shape] of this.#wide!) {
      if (code.length === lo.length && code >= lo && code <= hi && shapeOf(code) === shape) return true;
    }
    return false;
  }
}

/** Every code group made so far, in order: a group's id is its position. */
const GROUPS: CompiledCodeSet[] = [];

export function codeSet(...specs: CodeSpec[]): CodeSet {
  const set = new CompiledCodeSet(specs, GROUPS.length);
  GROUPS.push(set);
  return set;
}

/** The number a code group made by codeSet() answers to in codeGroupMasks(), or -1 for another CodeSet-like object. */
export function codeGroupId(group: { has(code: string): boolean }): number {
  return group instanceof CompiledCodeSet ? group.id : -1;
}

/** The number of a code group made by codeSet() whose every code is listed (its bit in the masks tells membership in full), else -1. */
export function exactCodeGroupId(group: { has(code: string): boolean }): number {
  return group instanceof CompiledCodeSet && group.fullyListed ? group.id : -1;
}

export interface CodeGroupMasks {
  /** Groups covered: ids below it. A group made later is not in the masks (ask it directly). */
  readonly groups: number;
  /** 32-bit words per code. */
  readonly words: number;
  /** Code → the groups it is in, bit (id % 32) of word (id >> 5); a code in no group is absent. */
  readonly byCode: ReadonlyMap<string, readonly number[]>;
  /** Groups whose membership the masks tell in full (every code listed: no wide range). */
  readonly exact: readonly number[];
}

let masks: CodeGroupMasks | undefined;

/**
 * Which code groups each code is in, as bit masks, for every group made so far:
 * compiled on first use, and again when groups were made since (a module that
 * builds a group after the first encounter is judged pays one recompile).
 */
export function codeGroupMasks(): CodeGroupMasks {
  if (masks && masks.groups === GROUPS.length) return masks;
  const groups = GROUPS.length;
  const words = Math.max(1, Math.ceil(groups / 32));
  const byCode = new Map<string, number[]>();
  const exact: number[] = new Array<number>(words).fill(0);
  for (const group of GROUPS) {
    const word = group.id >> 5;
    const bit = 1 << (group.id & 31);
    if (group.fullyListed) exact[word]! |= bit;
    for (const code of group.listed) {
      let mask = byCode.get(code);
      if (!mask) byCode.set(code, (mask = new Array<number>(words).fill(0)));
      mask[word]! |= bit;
    }
  }
  return (masks = { groups, words, byCode, exact });
}

/** Diagnosis groups match by prefix of the dotless, upper-case code ('C44' matches C44.311 and C44.31). */
export interface DxGroup {
  has(icd: string): boolean;
  readonly prefixes: readonly string[];
}

/** The first three characters of a code as one small number, or -1 when it is shorter or they are not ASCII. */
function headOf(code: string): number {
  if (code.length < 3) return -1;
  const a = code.charCodeAt(0);
  const b = code.charCodeAt(1);
  const c = code.charCodeAt(2);
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1;
}

export function dxGroup(...prefixes: string[]): DxGroup {
  const norm = prefixes.map((p) => p.replace(/[.*]/g, '').toUpperCase());
  // Prefixes by their first three characters, so a code is compared with the few that can match it;
  // shorter (or non-ASCII) prefixes are compared with every code.
  const byHead = new Map<number, string[]>();
  const loose: string[] = [];
  for (const prefix of norm) {
    const head = headOf(prefix);
    if (head < 0) loose.push(prefix);
    else if (byHead.has(head)) byHead.get(head)!.push(prefix);
    else byHead.set(head, [prefix]);
  }
  return {
    prefixes,
    has(icd) {
      const head = headOf(icd);
      if (head < 0) {
        for (const prefix of norm) if (icd.startsWith(prefix)) return true;
        return false;
      }
      const candidates = byHead.get(head);
      if (candidates) for (const prefix of candidates) if (icd.startsWith(prefix)) return true;
      for (const prefix of loose) if (icd.startsWith(prefix)) return true;
      return false;
    },
  };
}

/** Only digits and capital letters: already in every normal form below (most codes are; it saves the copies). */
function isDigitsAndCapitals(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || (c > 57 && c < 65) || c > 90) return false;
  }
  return true;
}

/** Upper-case, trimmed procedure code. */
export const normalizeCode = (code: string): string => (isDigitsAndCapitals(code) ? code : code.trim().toUpperCase());
/** Upper-case modifier without dashes or spaces: '-25 ' → '25'. */
export const normalizeModifier = (modifier: string): string =>
  isDigitsAndCapitals(modifier) ? modifier : modifier.replace(/[\s-]/g, '').toUpperCase();
/** Upper-case ICD-10-CM code without the dot: 'l57.0' → 'L570'. */
export function normalizeIcd(code: string): string {
  const dot = code.indexOf('.');
  if (dot < 0) {
    if (isDigitsAndCapitals(code)) return code;
  } else if (dot === code.lastIndexOf('.')) {
    // The usual 'L57.0': one dot among digits and capitals.
    const dotless = code.slice(0, dot) + code.slice(dot + 1);
    if (isDigitsAndCapitals(dotless)) return dotless;
  }
  return code.replace(/[\s.]/g, '').toUpperCase();
}
/** Shaped like an ICD-10-CM code (dotless): a letter, a digit, then one to five letters or digits. */
export const isIcdShaped = (dotless: string): boolean => /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(dotless);
/**
 * 'L570' → 'L57.0', for messages. A diagnosis field holding anything but a code (a name, a
 * note) is never quoted: messages reach the review list, its exports and the tab state.
 */
export const displayIcd = (code: string): string => {
  const c = normalizeIcd(code);
  if (!isIcdShaped(c)) return 'a code that is not an ICD-10-CM code';
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
};
/**
 * A line's code as a message may quote it: shaped like a CPT code (five digits, or four and a
 * letter: 1234F, 0123T) or a HCPCS Level II code (a letter and four digits), else '' — a code
 * field holding anything else (a name, a number, a shop's item number) is named by its place.
 */
export const quotableCode = (code: string): string => (/^(?:[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$/.test(code) ? code : '');

// ── Visits and procedures ──────────────────────────────────────────────────

/** Office, outpatient and consultation visits: the E/M codes modifiers 25 and 57 decide about. */
export const EM = codeSet(['99202', '99205'], ['99211', '99215'], ['99242', '99245']);

/** The whole E/M section and the eye-visit codes: where modifier 25 may stand (mod25-misplaced). */
export const MOD25_ALLOWED = codeSet(['99202', '99499'], ['92002', '92014']);

/** Global period 000 or 010, add-ons included. */
export const MINOR_PROCEDURE = codeSet(
  '10040',
  '10060',
  '10061',
  '10080',
  '10120',
  '10121',
  '10140',
  '10160',
  '11000',
  ['11055', '11057'],
  ['11102', '11107'],
  '11200',
  '11201',
  ['11300', '11313'],
  ['11400', '11446'],
  ['11600', '11646'],
  ['11719', '11765'],
  '11900',
  '11901',
  ['12001', '12021'],
  ['12031', '12057'],
  ['13100', '13153'],
  ['17000', '17004'],
  '17110',
  '17111',
  '17250',
  ['17260', '17286'],
  ['17311', '17315'],
  '17340',
  '17360',
  '17380',
  '64612',
  '64615',
  '64650',
  '64653',
  ['96920', '96922'],
);

/** Global period 090. */
export const MAJOR_PROCEDURE = codeSet(
  ['11450', '11471'],
  '13160',
  ['14000', '14061'],
  '14301',
  '14302',
  '14350',
  ['15100', '15261'],
  ['15570', '15576'],
  ['17106', '17108'],
);

/** Add-on code → the primaries it may follow. */
export const ADDON_PRIMARIES: Readonly<Record<string, readonly string[]>> = {
  '11103': ['11102', '11104', '11106'],
  '11105': ['11104', '11106'],
  '11107': ['11106'],
  '11201': ['11200'],
  '17003': ['17000'],
  '17312': ['17311'],
  '17314': ['17313'],
  '17315': ['17311', '17313'],
  '11001': ['11000'],
  '13102': ['13100', '13101'],
  '13122': ['13120', '13121'],
  '13133': ['13131', '13132'],
  '13153': ['13151', '13152'],
  '11732': ['11730'],
  '14302': ['14301'],
  '15101': ['15100'],
  '15201': ['15200'],
  '15221': ['15220'],
  '15241': ['15240'],
  '15261': ['15260'],
};

// ── Biopsy ────────────────────────────────────────────────────────────────

/** Biopsy primaries, highest-ranked technique first (incisional > punch > tangential). */
export const BIOPSY_PRIMARIES_BY_RANK = ['11106', '11104', '11102'] as const;
/** Biopsy primaries (tangential, punch, incisional). */
export const BIOPSY_PRIMARY = codeSet(...BIOPSY_PRIMARIES_BY_RANK);
/** Biopsy add-ons, each further lesion. */
export const BIOPSY_ADDON = codeSet('11103', '11105', '11107');
/** The add-on of each biopsy technique. */
export const BIOPSY_ADDON_OF: Readonly<Record<string, string>> = {
  '11102': '11103',
  '11104': '11105',
  '11106': '11107',
};
/** The technique of each biopsy code. */
export const BIOPSY_TECHNIQUE: Readonly<Record<string, string>> = {
  '11102': 'tangential',
  '11103': 'tangential',
  '11104': 'punch',
  '11105': 'punch',
  '11106': 'incisional',
  '11107': 'incisional',
};

/** Removals and destructions that NCCI pairs with a biopsy primary (biopsy-bundled). */
export const BIOPSY_BUNDLES_INTO = codeSet(
  '11200',
  ['11300', '11313'],
  ['11400', '11446'],
  ['11600', '11646'],
  '17000',
  '17004',
  '17110',
  '17111',
  ['17260', '17286'],
  '17311',
  '17313',
);

/** Simple repair, and the procedures NCCI bundles it into (repair-bundled; Mohs is not among them). */
export const SIMPLE_REPAIR = codeSet(['12001', '12018']);
/** The biopsies, removals and destructions NCCI bundles a simple repair into. */
export const REPAIR_BUNDLES_INTO = codeSet(
  ['11102', '11107'],
  '11200',
  ['11300', '11313'],
  ['11400', '11446'],
  ['11600', '11646'],
  '17000',
  '17004',
  '17110',
  '17111',
  ['17260', '17286'],
);

// ── Destruction ───────────────────────────────────────────────────────────

export type DestructionFamilyId = 'premalignant' | 'benign' | 'malignant' | 'skin-tag';

export interface DestructionFamily {
  id: DestructionFamilyId;
  label: string;
  codes: CodeSet;
  diagnoses: DxGroup;
  /** How a coder names the right series, for messages. */
  series: string;
}

/** The destruction and skin-tag families, each with the diagnoses it is for. */
export const DESTRUCTION_FAMILIES: readonly DestructionFamily[] = [
  {
    id: 'premalignant',
    label: 'premalignant (actinic keratosis)',
    codes: codeSet('17000', '17003', '17004'),
    diagnoses: dxGroup('L57.0'),
    series: '17000/17003/17004 (premalignant lesions)',
  },
  {
    id: 'benign',
    label: 'benign',
    codes: codeSet('17110', '17111'),
    diagnoses: dxGroup('B07', 'B08.1', 'L82.0', 'L82.1', 'L72.0', 'D22', 'D23', 'L81.4'),
    series: '17110/17111 (benign lesions)',
  },
  {
    id: 'malignant',
    label: 'malignant',
    codes: codeSet(['17260', '17286']),
    diagnoses: dxGroup('C43', 'C44', 'C4A', 'C46.0', 'C49', 'D03', 'D04'),
    series: '17260–17286 by site and size (malignant lesions)',
  },
  {
    id: 'skin-tag',
    label: 'skin tag',
    codes: codeSet('11200', '11201'),
    diagnoses: dxGroup('L91.8'),
    series: '11200/11201 (skin tags)',
  },
];

export function destructionFamilyOfCode(code: string): DestructionFamily | undefined {
  for (const family of DESTRUCTION_FAMILIES) if (family.codes.has(code)) return family;
  return undefined;
}

/** Codes counted once per session: more than one unit or line is wrong (destruction-series). */
export const ONCE_PER_SESSION = codeSet('17000', '17004', '17110', '17111', '11200');
/** 17003 covers lesions 2 to 14: at most 13 units. */
export const MAX_17003_UNITS = 13;

/**
 * How each counted destruction family turns a lesion count into codes (destruction-series):
 * `first` once for the first `firstCovers` lesions; `addOn` for the rest, one unit per
 * `addOnPer` lesions or part of them (at most `addOnMaxUnits`); `bulk` alone, once, from
 * `bulkFrom` lesions on. Malignant destruction is per lesion and not counted here.
 */
export interface DestructionCounting {
  first: string;
  firstCovers: number;
  addOn?: string;
  addOnPer?: number;
  addOnMaxUnits?: number;
  bulk?: string;
  bulkFrom?: number;
}
export const DESTRUCTION_COUNTING: Readonly<Partial<Record<DestructionFamilyId, DestructionCounting>>> = {
  premalignant: {
    first: '17000',
    firstCovers: 1,
    addOn: '17003',
    addOnPer: 1,
    addOnMaxUnits: MAX_17003_UNITS,
    bulk: '17004',
    bulkFrom: 15,
  },
  benign: { first: '17110', firstCovers: 14, bulk: '17111', bulkFrom: 15 },
  'skin-tag': { first: '11200', firstCovers: 15, addOn: '11201', addOnPer: 10 },
};

/** What a diagnosis is, in a coder's words, for messages (destruction-wrong-family); the longest matching prefix wins. */
export const DX_LABELS: readonly (readonly [prefix: string, label: string])[] = [
  ['L57.0', 'actinic keratosis'],
  ['B07', 'viral wart'],
  ['B08.1', 'molluscum contagiosum'],
  ['L82.0', 'inflamed seborrheic keratosis'],
  ['L82.1', 'seborrheic keratosis'],
  ['L72.0', 'epidermal cyst or milium'],
  ['D22', 'melanocytic nevus'],
  ['D23', 'benign skin neoplasm'],
  ['L81.4', 'lentigo'],
  ['L91.8', 'skin tag'],
  ['C43', 'melanoma'],
  ['C44', 'skin cancer'],
  ...['C44.01', 'C44.11', 'C44.21', 'C44.31', 'C44.41', 'C44.51', 'C44.61', 'C44.71', 'C44.81', 'C44.91'].map(
    (p) => [p, 'basal cell carcinoma'] as const,
  ),
  ...['C44.02', 'C44.12', 'C44.22', 'C44.32', 'C44.42', 'C44.52', 'C44.62', 'C44.72', 'C44.82', 'C44.92'].map(
    (p) => [p, 'squamous cell carcinoma'] as const,
  ),
  ['C44.13', 'sebaceous carcinoma'],
  ['C4A', 'Merkel cell carcinoma'],
  ['C46.0', 'Kaposi sarcoma of the skin'],
  ['C49', 'soft-tissue sarcoma'],
  ['D03', 'melanoma in situ'],
  ['D04', 'carcinoma in situ of the skin'],
];

/** DX_LABELS with their prefixes dotless, made once. */
const DOTLESS_LABELS: readonly (readonly [prefix: string, label: string])[] = DX_LABELS.map(
  ([prefix, label]) => [normalizeIcd(prefix), label] as const,
);

/** The label of a dotless ICD-10-CM code from DX_LABELS, or undefined. */
export function dxLabel(icd: string): string | undefined {
  let best: readonly [string, string] | undefined;
  for (const entry of DOTLESS_LABELS) {
    if (icd.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1];
}

// ── Diagnoses ─────────────────────────────────────────────────────────────

/** Skin cancer, for destruction, excision and Mohs (carcinoma in situ counts). */
export const MALIGNANT_DX = dxGroup('C43', 'C44', 'C4A', 'C46.0', 'C49', 'D03', 'D04');
/**
 * Skin cancers that ICD-10-CM codes outside C43/C44/D03/D04 although CPT's skin
 * excision and Mohs codes name their sites (lips, mucous membrane, genitalia):
 * C44 and D04 exclude the vermilion lip (C00, D00.01) and the skin of the
 * external genitalia (C51, C60, C63.2, D07.1, D07.4, D07.61).
 */
export const LIP_GENITAL_MALIGNANT_DX = dxGroup('C00', 'D00.01', 'C51', 'C60', 'C63.2', 'D07.1', 'D07.4', 'D07.61');
/** Malignant for excision and Mohs: MALIGNANT_DX plus LIP_GENITAL_MALIGNANT_DX. */
export const SURGICAL_MALIGNANT_DX = dxGroup(...MALIGNANT_DX.prefixes, ...LIP_GENITAL_MALIGNANT_DX.prefixes);
/** Screening diagnoses: a skin-cancer screening or a general exam. */
export const SCREENING_DX = dxGroup('Z12.83', 'Z00.00', 'Z00.01');
/** Cosmetic-encounter diagnoses. */
export const COSMETIC_DX = dxGroup('Z41.1', 'Z41.8', 'Z41.9');
export const COMMONLY_COSMETIC_BENIGN_DX = dxGroup('L82.1', 'L91.8', 'D22', 'D23', 'L81.4', 'L72.0', 'L72.1', 'D18.01');
/** Any one linked makes a benign removal medical. */
export const BENIGN_REMOVAL_INDICATION_DX = dxGroup(
  'L29',
  'R58',
  'L08',
  'L02',
  'R52',
  'G89',
  'D48.5',
  'D49.2',
  'L82.0',
);

// ── Cosmetic and botulinum toxin ──────────────────────────────────────────

/** Cosmetic services (filler injections, dermabrasion, chemical peels, rhytidectomy, suction lipectomy, electrolysis). */
export const COSMETIC_CODES = codeSet(
  ['11950', '11954'],
  ['15780', '15787'],
  ['15788', '15793'],
  ['15824', '15829'],
  ['15876', '15879'],
  '17380',
);
/** Chemical peel and dermabrasion: medical with one of MEDICAL_PEEL_DX linked. */
export const PEEL_OR_DERMABRASION = codeSet(['15780', '15787'], ['15788', '15793']);
/** Diagnoses that make a peel or dermabrasion medical (actinic keratosis, rhinophyma). */
export const MEDICAL_PEEL_DX = dxGroup('L57.0', 'L71.1');

/** Botulinum toxin drugs, single-dose vials. */
export const BOTOX_DRUG = codeSet(['J0585', 'J0588']);
/** Botulinum toxin: the drugs and the chemodenervation services. */
export const BOTOX = codeSet(['J0585', 'J0588'], '64612', '64615', '64650', '64653');
/** Diagnoses payers cover botulinum toxin for (hyperhidrosis, chronic migraine, dystonia, hemifacial spasm). */
export const BOTOX_COVERED_DX = dxGroup(
  'L74.510',
  'L74.511',
  'L74.512',
  'L74.513',
  'L74.519',
  'L74.52',
  'R61',
  'G43.7',
  'G24',
  'G51.3',
);

/** Removal of a benign lesion (benign-removal-necessity, abn-missing, abn-modifier-missing). */
export const BENIGN_REMOVAL = codeSet('17110', '17111', '11200', '11201', ['11300', '11313'], ['11400', '11446']);
/** Excision of a benign lesion, by site and size. */
export const BENIGN_EXCISION = codeSet(['11400', '11446']);
/** Excision of a malignant lesion, by site and size. */
export const MALIGNANT_EXCISION = codeSet(['11600', '11646']);

/**
 * A questionable benign removal (benign-removal-necessity, abn-missing, abn-modifier-missing): a removal
 * of a benign lesion with at least one linked diagnosis, all of them commonly cosmetic and none an indication.
 */
export function isQuestionableBenignRemoval(code: string, dx: readonly string[]): boolean {
  return (
    BENIGN_REMOVAL.has(code) &&
    dx.length > 0 &&
    dx.every((d) => COMMONLY_COSMETIC_BENIGN_DX.has(d)) &&
    !dx.some((d) => BENIGN_REMOVAL_INDICATION_DX.has(d))
  );
}

// ── Mohs, pathology ───────────────────────────────────────────────────────

/** Mohs micrographic surgery, stages and add-on blocks. */
export const MOHS = codeSet(['17311', '17315']);
/** Surgical pathology and frozen sections. */
export const SURGICAL_PATHOLOGY = codeSet(['88300', '88309'], '88331', '88332');

// ── Modifiers ─────────────────────────────────────────────────────────────

/** Modifiers that say what an ABN covers: GA signed ABN on file, GZ none, GX voluntary ABN for an excluded service, GY excluded by law. */
export const ABN_MODIFIERS = ['GA', 'GZ', 'GX', 'GY'] as const;
/** Distinct-service modifiers: 59 and the X modifiers that refine it. */
export const DISTINCT_SERVICE_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;
export const X_MODIFIERS = ['XE', 'XS', 'XP', 'XU'] as const;

/** Modifiers that contradict each other on one line (modifier-conflict), and why. */
export const MODIFIER_CONFLICTS: readonly {
  modifier: string;
  conflictsWith: readonly string[];
  why: string;
  fix: string;
}[] = [
  {
    modifier: 'GA',
    conflictsWith: ['GZ'],
    why: 'GA says a signed ABN is on file and GZ says there is none',
    fix: 'keep GA if the patient signed an ABN for this service, else keep GZ',
  },
  {
    modifier: 'GY',
    conflictsWith: ['GZ'],
    why: 'GY says Medicare excludes the service by law and GZ says it is expected to be denied as not medically necessary',
    fix: 'keep GY for a service excluded by law (such as a cosmetic one), else keep GZ',
  },
  {
    modifier: '59',
    conflictsWith: X_MODIFIERS,
    why: 'the X modifiers (XE, XS, XP, XU) replace 59 and are never reported with it',
    fix: 'keep the one X modifier that says why the service is distinct and remove 59',
  },
];

/** Discarded-drug modifiers for single-dose vials (drug-waste-modifier). */
export const DRUG_WASTE_MODIFIERS = { noneDiscarded: 'JZ', discarded: 'JW' } as const;
/** Medicare requires JZ (or a separate JW line) on single-dose-vial drugs from this date of service on. */
export const JZ_REQUIRED_FROM = '2023-07-01';

// ── Per-lesion, site-specific and size-specific codes ─────────────────────

/** Reported once per lesion (lesions-lumped). Excisions are not: one excision may take several lesions. */
export const PER_LESION = codeSet(['11102', '11107'], ['11300', '11313'], ['17260', '17286']);

export type SiteGroup = 'A' | 'B' | 'C';
export const SITE_GROUP_LABEL: Readonly<Record<SiteGroup, string>> = {
  A: 'trunk, arms or legs',
  B: 'scalp, neck, hands, feet or genitalia',
  C: 'face, ears, eyelids, nose, lips or mucous membrane',
};

export type SizedKind = 'benign-excision' | 'malignant-excision' | 'shave' | 'malignant-destruction';
export const SIZED_KIND_LABEL: Readonly<Record<SizedKind, string>> = {
  'benign-excision': 'benign excision',
  'malignant-excision': 'malignant excision',
  shave: 'shave removal',
  'malignant-destruction': 'malignant destruction',
};

/** Each site group's code series, in size order (the last digit of excisions and destructions skips 5). */
export const SITE_SERIES: Readonly<Record<SiteGroup, Readonly<Record<SizedKind, readonly string[]>>>> = {
  A: {
    'benign-excision': ['11400', '11401', '11402', '11403', '11404', '11406'],
    'malignant-excision': ['11600', '11601', '11602', '11603', '11604', '11606'],
    shave: ['11300', '11301', '11302', '11303'],
    'malignant-destruction': ['17260', '17261', '17262', '17263', '17264', '17266'],
  },
  B: {
    'benign-excision': ['11420', '11421', '11422', '11423', '11424', '11426'],
    'malignant-excision': ['11620', '11621', '11622', '11623', '11624', '11626'],
    shave: ['11305', '11306', '11307', '11308'],
    'malignant-destruction': ['17270', '17271', '17272', '17273', '17274', '17276'],
  },
  C: {
    'benign-excision': ['11440', '11441', '11442', '11443', '11444', '11446'],
    'malignant-excision': ['11640', '11641', '11642', '11643', '11644', '11646'],
    shave: ['11310', '11311', '11312', '11313'],
    'malignant-destruction': ['17280', '17281', '17282', '17283', '17284', '17286'],
  },
};

/** Upper bounds (cm) of the size steps; a size belongs to the first step whose bound is ≥ it, else the last. */
export const SIZE_STEPS: Readonly<Record<SizedKind, readonly number[]>> = {
  'benign-excision': [0.5, 1.0, 2.0, 3.0, 4.0],
  'malignant-excision': [0.5, 1.0, 2.0, 3.0, 4.0],
  'malignant-destruction': [0.5, 1.0, 2.0, 3.0, 4.0],
  shave: [0.5, 1.0, 2.0],
};

/** Mohs by site: 17311/17312 head, neck, hands, feet, genitalia; 17313/17314 trunk, arms, legs. */
export const MOHS_SITE_GROUPS: Readonly<Record<string, readonly SiteGroup[]>> = {
  '17311': ['B', 'C'],
  '17312': ['B', 'C'],
  '17313': ['A'],
  '17314': ['A'],
};
/** Mohs codes CPT also allows on any site when the surgery directly involves muscle, cartilage, bone, tendon, major nerves or vessels. */
export const MOHS_ANY_SITE_IF_DEEP = codeSet('17311', '17312');

export interface SizedCode {
  group: SiteGroup;
  kind: SizedKind;
  step: number;
}

const SIZED_INDEX = new Map<string, SizedCode>();
for (const group of Object.keys(SITE_SERIES) as SiteGroup[]) {
  for (const kind of Object.keys(SITE_SERIES[group]) as SizedKind[]) {
    SITE_SERIES[group][kind].forEach((code, step) => SIZED_INDEX.set(code, { group, kind, step }));
  }
}

/** Site group, kind and size step of a site- and size-specific code, or undefined. */
export function sizedCode(code: string): SizedCode | undefined {
  return SIZED_INDEX.get(code);
}

/** Site groups a code is meant for, or undefined when the code is not site-specific. */
export function siteGroupsOfCode(code: string): readonly SiteGroup[] | undefined {
  const sized = SIZED_INDEX.get(code);
  if (sized) return [sized.group];
  return MOHS_SITE_GROUPS[code];
}

/** The step index a size falls in for a kind of code. */
export function sizeStep(kind: SizedKind, sizeCm: number): number {
  const bounds = SIZE_STEPS[kind];
  const i = bounds.findIndex((bound) => sizeCm <= bound + 1e-9);
  return i === -1 ? bounds.length : i;
}

/** 'larger than 4.0 cm', '1.1 to 2.0 cm': a size step in words. */
export function sizeStepLabel(kind: SizedKind, step: number): string {
  const bounds = SIZE_STEPS[kind];
  if (step === 0) return `0.5 cm or less`;
  if (step >= bounds.length) return `over ${bounds[bounds.length - 1]!.toFixed(1)} cm`;
  return `${(bounds[step - 1]! + 0.1).toFixed(1)} to ${bounds[step]!.toFixed(1)} cm`;
}

// ── Codes and sites (site-specific biopsies, chemodenervation) ────────────────────────────────

/** Skin biopsies, primaries and add-ons (site-specific-biopsy). */
export const SKIN_BIOPSY = codeSet(['11102', '11107']);

/** Chemodenervation of eccrine glands: 64650 both axillae, 64653 other areas (chemodenervation-site, hyperhidrosis-diagnosis). */
export const ECCRINE_CHEMODENERVATION = codeSet('64650', '64653');
/** Chemodenervation of eccrine glands of both axillae. */
export const AXILLARY_CHEMODENERVATION = '64650';
/** Chemodenervation of eccrine glands of other areas (scalp, face, neck). */
export const OTHER_AREA_CHEMODENERVATION = '64653';
/** CPT's unlisted code for chemodenervation of the extremities (hands, feet). */
export const UNLISTED_CHEMODENERVATION = '64999';

/** Primary focal hyperhidrosis, L74.510–L74.519: what payers cover chemodenervation for. */
export const PRIMARY_FOCAL_HYPERHIDROSIS_DX = dxGroup('L74.51');
/** Secondary focal (L74.52) and generalized (R61) hyperhidrosis. */
export const OTHER_HYPERHIDROSIS_DX = dxGroup('L74.52', 'R61');
/** Primary focal hyperhidrosis of the axillae. */
export const AXILLARY_HYPERHIDROSIS_DX = dxGroup('L74.510');
/** Primary focal hyperhidrosis of the face, palms or soles. */
export const FACE_PALM_SOLE_HYPERHIDROSIS_DX = dxGroup('L74.511', 'L74.512', 'L74.513');

/** Add-ons paid with their primaries, where a distinct-service modifier is noise unless a PTP edit pairs them with another code (addon-distinct-modifier). */
export const DISTINCT_MODIFIER_ADDONS = codeSet('17003', '17312', '17314', '17315');
