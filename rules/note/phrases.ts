/**
 * The note reader's word lists (docs/note.md), as data.
 *
 * Phrases match whole words, case-insensitive, punctuation between words
 * ignored ('Steri-Strips' = 'steri strips'), singular and plural alike
 * ('suture' matches 'sutures', 'AK' matches 'AKs'); '…' inside a phrase stands
 * for up to five words. The reader compiles these lists once, with the same
 * tokenizer it reads the note with (tokens.ts), so a phrase is written here the
 * way a physician writes it.
 *
 * Extend with care: each addition beside the spec's own words is marked
 * "(added)" and has a trap case in read.test.ts.
 */

/** A technique of section 6.2; `tangential-biopsy` and `shave-removal` are judged as one 'shave' against other families. */
export type Technique =
  | 'tangential-biopsy'
  | 'punch-biopsy'
  | 'incisional-biopsy'
  | 'shave-removal'
  | 'excision'
  | 'destruction'
  | 'incision-drainage'
  | 'mohs';

export const TECHNIQUE_PHRASES: Readonly<Record<Technique, readonly string[]>> = {
  'tangential-biopsy': ['shave biopsy', 'tangential biopsy', 'saucerization biopsy', 'scoop biopsy'],
  // Also `N mm punch` in a sentence with `biopsy` or `biopsied` (read.ts: it needs a number).
  'punch-biopsy': ['punch biopsy'],
  'incisional-biopsy': ['incisional biopsy', 'wedge biopsy'],
  'shave-removal': [
    'shave removal',
    'shave excision',
    'removed by shave',
    'scoop shave',
    'removed flush with the skin',
    'shaved off',
  ],
  excision: [
    'excised with … margin',
    'elliptical excision',
    'excision with … margin',
    'full-thickness excision',
    'excised through the dermis',
    'excised into the subcutaneous fat',
    'punch excision',
    // (added) CPT: an excisional biopsy is reported with the excision codes.
    'excisional biopsy',
  ],
  destruction: [
    'liquid nitrogen',
    'LN2',
    'cryotherapy',
    'cryosurgery',
    'cryodestruction',
    'ED&C',
    'electrodesiccation and curettage',
    'curettage and electrodesiccation',
    'curettage',
    'curetted',
    'laser ablation',
    'cantharidin',
    'chemical destruction',
  ],
  'incision-drainage': ['incision and drainage', 'I&D', 'incised and drained', 'contents expressed'],
  mohs: ['Mohs surgery', 'Mohs micrographic surgery', 'Mohs stage', 'Mohs procedure'],
};

/** The techniques a biopsy phrase documents; an excision in the same sentence wins over them. */
export const BIOPSY_TECHNIQUES: readonly Technique[] = ['tangential-biopsy', 'punch-biopsy', 'incisional-biopsy'];
/** `N mm punch` documents a punch biopsy in a sentence holding one of these. */
export const PUNCH_BIOPSY_SENTENCE_WORDS = ['biopsy', 'biopsied'];
export const PUNCH_WORD = 'punch';

export type ClosureKind = 'sutures' | 'layered' | 'tissue-adhesive' | 'no-repair';

export const CLOSURE_PHRASES: Readonly<Record<ClosureKind, readonly string[]>> = {
  sutures: [
    'suture',
    'sutured',
    'staples',
    'simple interrupted',
    'running suture',
    'running subcuticular',
    'nylon',
    'prolene',
    'polypropylene',
    'vicryl',
    'monocryl',
    'chromic',
    'closed primarily',
  ],
  // Dermal or buried sutures alone are part of the skin closure (CPT), so they are not here.
  layered: [
    'layered closure',
    'layered repair',
    'closed in layers',
    'subcutaneous sutures',
    'subcutaneous layer closed',
    'fascia closed',
  ],
  'tissue-adhesive': ['tissue adhesive', 'skin adhesive', 'Dermabond', 'cyanoacrylate', 'skin glue'],
  'no-repair': [
    'Steri-Strips',
    'adhesive strips',
    'butterfly',
    'aluminum chloride',
    'Drysol',
    'Monsel',
    'electrocautery',
    'hyfrecation',
    'second intention',
    'left to granulate',
    'allowed to heal',
    // (added) spellings of the same: 'Steristrips' in one word, British 'aluminium'.
    'Steristrips',
    'aluminium chloride',
  ],
};

// ── Negation ────────────────────────────────────────────────────────────────

export const NEGATORS = ['no', 'not', 'without', 'denies', 'declined', 'none'];
/** A negation reaches the terms that begin within this many words after it… */
export const NEGATION_REACH = 5;
/** …up to a comma or one of these words. */
export const NEGATION_ENDERS = ['but', 'and', 'with', 'using', 'however'];
/** A field whose whole value is one of these negates the terms of its own label ('Sutures: none'). */
export const NEGATING_VALUES = [
  'none',
  'no',
  'not done',
  'not needed',
  'not required',
  'N/A',
  // (added) the same said otherwise.
  'none needed',
  'none required',
  'none used',
  'not applicable',
  'not performed',
];

// ── Sentences whose technique, closure, size and count facts are not read ───

export const PLANNED_WORDS = [
  'if',
  'consider',
  'will',
  'plan',
  'planned',
  'recommend',
  'may need',
  'scheduled',
  'return for',
  'discussed',
  'option',
  'refer',
  'referred',
  'referral',
  'candidate',
  'next visit',
  'next time',
  'next appointment',
  'next month',
  'at follow-up',
  'future',
  'once',
];
export const PAST_WORDS = [
  'history of',
  'previous',
  'previously',
  'prior',
  'last visit',
  'last week',
  'last month',
  'last year',
  'ago',
  'earlier',
  'in the past',
];
/** A sentence with one of these followed (later in it) by a result word reports pathology, not what was done. */
export const PATHOLOGY_WORDS = [
  'pathology',
  'path',
  // (added) the same report under its other names.
  'dermatopathology',
  'histopathology',
];
export const PATHOLOGY_RESULT_WORDS = ['shows', 'showed', 'returned', 'revealed', 'confirmed'];

// ── Labels ──────────────────────────────────────────────────────────────────

/** A label is at most this many words before its ':'. */
export const LABEL_MAX_WORDS = 4;
/** Labels that start a procedure block; '#' stands for a number ('Procedure 2:'). */
export const PROCEDURE_LABELS = ['procedure', 'procedure #', 'procedure performed', 'operation'];
/** Labels that start a skipped section, which runs to the next label that starts a line. */
export const SKIP_LABELS = [
  'pathology',
  'path',
  'dermatopathology',
  'frozen section',
  'plan',
  'assessment and plan',
  'history',
  'HPI',
  'past history',
  'follow-up',
  // (added) the same sections under names templates use: 'Assessment/Plan', pathology report headings.
  'assessment plan',
  'impression and plan',
  'past medical history',
  'pathology report',
  'path report',
  'final diagnosis',
  'microscopic description',
  'gross description',
  'histopathology',
];
/** Technique phrases inside this field are not read: electrodesiccation there stops bleeding, it destroys nothing. */
export const HEMOSTASIS_LABEL = 'hemostasis';
/** A field whose label ends with this word holds margins ('Margins:', 'Surgical margins:'). */
export const MARGIN_LABEL_LAST_WORD = 'margin';
/** A field whose label ends with this word holds the lesion's size ('Size:', 'Lesion size:'). */
export const SIZE_LABEL_LAST_WORD = 'size';

// ── Numbers and sizes ───────────────────────────────────────────────────────

/** Length units, in centimetres per unit. */
export const LENGTH_UNITS: Readonly<Record<string, number>> = {
  cm: 1,
  centimeter: 1,
  centimetre: 1,
  mm: 0.1,
  millimeter: 0.1,
  millimetre: 0.1,
};
/** Between two dimensions ('1.2 x 0.8 cm', '1.2 by 0.8 cm'; '×' reads as 'x'). */
export const DIMENSION_WORDS = ['x', 'by'];
/** Between the ends of a range ('2 to 3 mm'; a dash does the same: '2-3 mm'). */
export const RANGE_WORDS = ['to'];
/** A number within three words after this is the excised diameter, margins included. */
export const EXCISED_DIAMETER = 'excised diameter';
/** A number followed within three words by this, or preceded by `MARGIN_OF`, is a margin. */
export const MARGIN_WORD = 'margin';
export const MARGIN_OF = 'margin of';
/** A measurement is a lesion size when its sentence holds one of these… */
export const SIZE_SENTENCE_WORDS = ['lesion', 'measuring', 'measured', 'diameter', 'size'];
/** …unless it is within three words of one of these (a repair length or a tool is not the lesion). */
export const NOT_LESION_SIZE_WORDS = [
  'length',
  'long',
  'punch',
  'repair',
  'closure',
  'defect',
  'incision',
  'ellipse',
  'blade',
  // (added) a specimen (an ellipse is three times longer than the lesion) or a wound is not the lesion either.
  'specimen',
  'wound',
];
/** How near (in words) the words above must be. */
export const NUMBER_CONTEXT_WORDS = 3;

// ── Counts ──────────────────────────────────────────────────────────────────

export type CountFamily = 'premalignant' | 'benign' | 'skin-tag';

export const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
/** '1st', '2nd': a number followed at once by one of these is an ordinal, not a count. */
export const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th'];
export const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
/** What a count names: a family's own words, or `lesions` (section 6.3 says when that counts). */
export const COUNT_TERMS: Readonly<Record<CountFamily | 'lesions', readonly string[]>> = {
  premalignant: ['actinic keratoses', 'AKs'],
  benign: ['warts', 'verrucae', 'seborrheic keratoses', 'SKs'],
  'skin-tag': ['skin tags', 'acrochordons'],
  lesions: ['lesions'],
};
/** A count is read in a sentence with a destruction phrase; for skin tags also with one of these. */
export const SKIN_TAG_REMOVAL_WORDS = ['removed', 'snipped', 'snip excision', 'excised'];
/** A sentence with one of these leaves its counts unclear ('eight AKs on the face and several on the scalp'). */
export const VAGUE_QUANTITY_WORDS = [
  'several',
  'multiple',
  'numerous',
  'few',
  'many',
  'some',
  'additional',
  'more',
  'other',
  'another',
  'rest',
];
/** A number followed within three words by one of these counts cycles or seconds, not lesions. */
export const CYCLE_WORDS = ['cycle', 'second', 'sec'];

// ── Mohs ────────────────────────────────────────────────────────────────────

export const STAGE_WORD = 'stage';
/** `K block` / `K tissue block` after a stage gives its blocks. */
export const BLOCK_PHRASES = ['block', 'tissue block'];
/** A separate pathologist: a sentence with one of these… */
export const PATHOLOGIST_WORDS = ['pathologist', 'dermatopathologist'];
/** …and one of these… */
export const PATHOLOGIST_SUBJECT_WORDS = ['frozen section', 'margin'];
/** …and none of these (the Mohs surgeon's own attestation; the referring biopsy's reader). */
export const PATHOLOGIST_EXCLUDING_WORDS = ['surgeon', 'biopsy'];
/**
 * (added) A sentence where the surgeon reads them ('frozen sections were read by
 * the Mohs surgeon'), with no pathologist in it, leaves a pathologist sentence
 * elsewhere unclear: a second reading does not undo the surgeon's own.
 */
export const SURGEON_WORDS = ['surgeon'];
export const READING_WORDS = ['read', 'interpreted', 'examined', 'reviewed', 'evaluated'];

// ── Sentences ───────────────────────────────────────────────────────────────

/** (added) A '.' after these ends no sentence ('read by Dr. Lee, dermatopathologist'). */
export const ABBREVIATIONS = ['dr'];
