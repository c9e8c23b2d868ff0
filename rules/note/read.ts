/**
 * Reads a procedure note (docs/note.md) into the facts the rules of
 * 6.3 judge: procedure blocks with their techniques, closures and sizes, the
 * lesion counts, the Mohs stages and their blocks, and whether a separate
 * pathologist read the Mohs margins.
 *
 * Deterministic and conservative: what the note does not say plainly is left
 * out, and the rules stay silent. Linear in the note's length: one tokenizing
 * pass, then passes over the tokens that each look at most a fixed number of
 * tokens around a position (no regular expression over the note).
 *
 * The note is the most sensitive text on the screen: the reading keeps it in
 * memory only, and nothing here returns its words to a rule except through
 * `namesSite` (a yes or no).
 */
import { namesAnySite } from '../sites';
import * as SW from '../site-words';
import { siteWords } from '../site-words';
import { PhraseMatcher } from './matcher';
import * as P from './phrases';
import type { ClosureKind, CountFamily, Technique } from './phrases';
import * as T from './tokens';
import { wordKey, type Tokens } from './tokens';
import { idFlags, idOf, idValues, phraseKeys, tokenizeNote } from './vocab';
import { scratchInt32, scratchUint8, scratchUint16 } from './scratch';

// Imported constants bound locally once: the per-token loops below read them
// millions of times, and some module loaders (vitest's) turn imports into getters.
const { ENDS_SENTENCE, GAP_COLON, GAP_COMMA, GAP_DASH, GAP_LINE_BREAK, GAP_NONE, GAP_PERCENT, NUMBER_ID } = T;
const { NEGATION_REACH, NUMBER_CONTEXT_WORDS, LABEL_MAX_WORDS } = P;
const { hasWordKey } = T;
const { abbreviationAt, isWordChar } = SW;

/** Notes longer than this are not read (no procedure note is; the rules stay silent). */
export const MAX_NOTE_CHARS = 2_000_000;

/** A length in cm; a range ('2-3 mm') keeps both ends, a single size has lo = hi. NaN when ambiguous ('1,2 cm'). */
export interface Measure {
  readonly lo: number;
  readonly hi: number;
}

export interface NoteBlock {
  readonly index: number;
  /** Techniques read in the block, an excision having won over a biopsy phrase of its own sentence. */
  readonly techniques: ReadonlySet<Technique>;
  readonly closures: ReadonlySet<ClosureKind>;
  /** Sutures, staples, adhesive or a layered closure named in a sentence not read (planned, past) and not negated. */
  readonly repairMentionedUnread: boolean;
  readonly excisedDiameters: readonly Measure[];
  readonly margins: readonly Measure[];
  readonly sizes: readonly Measure[];
  /** Every word of the site (L → left, case and punctuation ignored) appears in the block. */
  namesSite(site: string | undefined): boolean;
  /** The same with the site's words already made (siteKeys), for tying many blocks to one line. */
  namesSiteWords(keys: readonly string[]): boolean;
  /** The block names some anatomic site, disputed terms included. */
  namesAnySite(): boolean;
}

export interface CountFact {
  /** The family its term names, or 'lesions'. */
  readonly term: CountFamily | 'lesions';
  readonly value: number;
  /** Its sentence holds a destruction phrase (or, for skin tags, a removal word). */
  readonly destruction: boolean;
  readonly skinTagRemoval: boolean;
  /** No other number but measurements and cycles in its sentence, and no 'several', 'more'… */
  readonly clear: boolean;
}

export interface MohsStageFacts {
  /** Blocks of each stage that documents them. */
  readonly blocks: readonly number[];
  /** A stage documents two block counts, or two mentions of one stage disagree: nothing is judged. */
  readonly unclear: boolean;
}

export interface NoteReading {
  readonly blocks: readonly NoteBlock[];
  readonly counts: readonly CountFact[];
  readonly mohs: MohsStageFacts;
  /** A sentence documents a pathologist other than the surgeon reading frozen sections or margins. */
  readonly separatePathologist: boolean;
  /** A sentence documents the surgeon reading them, and names no pathologist. */
  readonly surgeonRead: boolean;
}

// ── Compiled tables ────────────────────────────────────────────────────────

type Kind =
  | `t:${Technique}`
  | `c:${ClosureKind}`
  | `n:${CountFamily | 'lesions'}`
  | 'planned'
  | 'past'
  | 'pathology'
  | 'pathResult'
  | 'sizeWord'
  | 'excisedDiameter'
  | 'skinTagRemoval'
  | 'vague'
  | 'block'
  | 'pathologist'
  | 'pathSubject'
  | 'pathExclude'
  | 'biopsyWord'
  | 'surgeon'
  | 'reading';

function entries(): [Kind, string][] {
  const list: [Kind, string][] = [];
  const add = (kind: Kind, phrases: readonly string[]) => phrases.forEach((p) => list.push([kind, p]));
  for (const [t, phrases] of Object.entries(P.TECHNIQUE_PHRASES)) add(`t:${t as Technique}`, phrases);
  for (const [c, phrases] of Object.entries(P.CLOSURE_PHRASES)) add(`c:${c as ClosureKind}`, phrases);
  for (const [f, phrases] of Object.entries(P.COUNT_TERMS)) add(`n:${f as CountFamily | 'lesions'}`, phrases);
  add('planned', P.PLANNED_WORDS);
  add('past', P.PAST_WORDS);
  add('pathology', P.PATHOLOGY_WORDS);
  add('pathResult', P.PATHOLOGY_RESULT_WORDS);
  add('sizeWord', P.SIZE_SENTENCE_WORDS);
  add('excisedDiameter', [P.EXCISED_DIAMETER]);
  add('skinTagRemoval', P.SKIN_TAG_REMOVAL_WORDS);
  add('vague', P.VAGUE_QUANTITY_WORDS);
  add('block', P.BLOCK_PHRASES);
  add('pathologist', P.PATHOLOGIST_WORDS);
  add('pathSubject', P.PATHOLOGIST_SUBJECT_WORDS);
  add('pathExclude', P.PATHOLOGIST_EXCLUDING_WORDS);
  add('biopsyWord', P.PUNCH_BIOPSY_SENTENCE_WORDS);
  add('surgeon', P.SURGEON_WORDS);
  add('reading', P.READING_WORDS);
  return list;
}

const MATCHER = new PhraseMatcher<Kind>(entries());
/** Where the matcher writes what it finds at one token (kind, end pairs). */
const FOUND = new Int32Array(2 * MATCHER.maxPerWord);
const KINDS = MATCHER.kinds;
const kindIndex = (kind: Kind) => KINDS.indexOf(kind);
const K_BLOCK = kindIndex('block');
/** Kind index → what it is, for the passes over matches. */
const KIND_TECHNIQUE = KINDS.map((k) => (k.startsWith('t:') ? (k.slice(2) as Technique) : undefined));
const KIND_CLOSURE = KINDS.map((k) => (k.startsWith('c:') ? (k.slice(2) as ClosureKind) : undefined));
const KIND_COUNT = KINDS.map((k) => (k.startsWith('n:') ? (k.slice(2) as CountFamily | 'lesions') : undefined));

const NEGATORS = idFlags(P.NEGATORS);
const NEGATION_ENDERS = idFlags(P.NEGATION_ENDERS);
const CYCLE = idFlags(P.CYCLE_WORDS);
const NOT_LESION_SIZE = idFlags(P.NOT_LESION_SIZE_WORDS);
const DIMENSION = idFlags(P.DIMENSION_WORDS);
const RANGE = idFlags(P.RANGE_WORDS);
const ORDINAL_SUFFIX = idFlags(P.ORDINAL_SUFFIXES);
const MARGIN = idOf(P.MARGIN_WORD);
const MARGIN_OF = phraseKeys(P.MARGIN_OF).map(idOf);
const PUNCH = idOf(P.PUNCH_WORD);
const STAGE = idOf(P.STAGE_WORD);
const HEMOSTASIS = idOf(P.HEMOSTASIS_LABEL);
const MARGIN_LABEL = idOf(P.MARGIN_LABEL_LAST_WORD);
const SIZE_LABEL = idOf(P.SIZE_LABEL_LAST_WORD);
const UNIT_CM = idValues(P.LENGTH_UNITS);
const NUMBER_WORD_VALUE = idValues(Object.fromEntries(P.NUMBER_WORDS.map((w, i) => [w, i + 1])));
const ORDINAL_VALUE = idValues(Object.fromEntries(P.ORDINAL_WORDS.map((w, i) => [w, i + 1])));
const NEGATING_VALUES = P.NEGATING_VALUES.map((v) => phraseKeys(v).map(idOf));

/** In a label, a number stands for the '#' of 'Procedure #'. */
const NUMBER_SLOT = NUMBER_ID;
const PROCEDURE_LABELS = P.PROCEDURE_LABELS.map((l) =>
  l.split(' ').flatMap((w) => (w === '#' ? [NUMBER_SLOT] : phraseKeys(w).map(idOf))),
);
const SKIP_LABELS = P.SKIP_LABELS.map((l) => phraseKeys(l).map(idOf));

/** Rounded so that 3 mm is 0.3 cm exactly as a physician means it. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A word's table value (0 when none): ids below zero (unknown words, numbers) have none. */
const valueOf = (table: Float64Array | Uint8Array, id: number) => (id >= 0 ? table[id]! : 0);

// Sentence flags.
const PLANNED = 1,
  PAST = 2,
  PATHOLOGY_SEEN = 4,
  PATH_RESULT = 8,
  SIZE_WORD = 16,
  VAGUE = 32,
  BIOPSY_WORD = 64;
const PATHOLOGIST = 128,
  PATH_SUBJECT = 256,
  PATH_EXCLUDE = 512,
  DESTRUCTION = 1024,
  SKIN_TAG_REMOVAL = 2048;
const SURGEON = 4096,
  READING = 8192,
  PATHOLOGIST_NAMED = 16384;
const UNREAD = PLANNED | PAST | PATH_RESULT;

type LabelKind = 'procedure' | 'skip' | 'field';
interface Label {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly kind: LabelKind;
  readonly lastId: number;
  readonly firstId: number;
  readonly lineStart: boolean;
}

interface Measurement {
  readonly start: number;
  readonly end: number;
  readonly measure: Measure;
  readonly percent: boolean;
}

const EMPTY: NoteReading = {
  blocks: [],
  counts: [],
  mohs: { blocks: [], unclear: false },
  separatePathologist: false,
  surgeonRead: false,
};

// ── The reader ─────────────────────────────────────────────────────────────

export function readNote(text: string): NoteReading {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_NOTE_CHARS) return EMPTY;
  const tokens = tokenizeNote(text);
  try {
    return new Reader(tokens).read();
  } finally {
    // The reused number array would otherwise keep the note's numbers (an MRN typed into it, say) until the next reading.
    tokens.value.fill(0);
  }
}

class Reader {
  private readonly n: number;
  private readonly id: Int32Array;
  private readonly gap: Uint16Array;
  private readonly value: Float64Array;
  private readonly sentenceOf: Int32Array;
  /** First token of each sentence; `sentences` of them. */
  private readonly sentenceStarts: Int32Array;
  private readonly sentences: number;
  private readonly labels: Label[] = [];
  private readonly labelAt: Int32Array;
  private readonly inLabel: Uint8Array;
  /** Block index of each token, or -1 in a skipped section. */
  private readonly blockOf: Int32Array;
  /** Block index by position, skipped sections included (Mohs stages of two tumours stay apart). */
  private readonly regionOf: Int32Array;
  /** The field label a token stands in, or -1. */
  private readonly fieldOf: Int32Array;
  private readonly negated: Uint8Array;
  private readonly sentenceFlags: Uint16Array;
  /** Matches as flat triples: kind index, start token, end token (exclusive), in start order; `matchCount` triples. */
  private matches: Int32Array;
  private matchLength = 0;
  /** Offset into `matches` of the first match starting at a token, or -1. */
  private readonly firstMatchAt: Int32Array;
  private readonly inMeasure: Uint8Array;
  /** 1 at the last token of 'excised diameter'. */
  private readonly excisedDiameterEnds: Uint8Array;
  private readonly measurements: Measurement[] = [];
  /** Block pieces: [first token, end token) runs of one block outside skipped sections. */
  private readonly pieces: [number, number][][] = [];
  private blockCount = 1;

  constructor(private readonly tokens: Tokens) {
    const n = (this.n = tokens.count);
    this.id = tokens.id;
    this.gap = tokens.gap;
    this.value = tokens.value;
    // Written for every token before being read: sentenceOf, blockOf, regionOf, fieldOf. The rest start cleared.
    this.sentenceOf = scratchInt32('read.sentenceOf', n);
    this.labelAt = scratchInt32('read.labelAt', n, -1);
    this.inLabel = scratchUint8('read.inLabel', n, 0);
    this.blockOf = scratchInt32('read.blockOf', n);
    this.regionOf = scratchInt32('read.regionOf', n);
    this.fieldOf = scratchInt32('read.fieldOf', n);
    this.negated = scratchUint8('read.negated', n, 0);
    this.firstMatchAt = scratchInt32('read.firstMatchAt', n, -1);
    this.matches = scratchInt32('read.matches', 3 * (n >> 2) + 64);
    this.inMeasure = scratchUint8('read.inMeasure', n, 0);
    this.excisedDiameterEnds = scratchUint8('read.excisedDiameterEnds', n, 0);
    // Sentences: '.' + whitespace, ';' and line breaks end them.
    this.sentenceStarts = scratchInt32('read.sentenceStarts', n + 1);
    let sentences = 0;
    for (let t = 0; t < n; t++) {
      if (t === 0 || this.gap[t]! & ENDS_SENTENCE) this.sentenceStarts[sentences++] = t;
      this.sentenceOf[t] = sentences - 1;
    }
    this.sentences = sentences;
    this.sentenceFlags = scratchUint16('read.sentenceFlags', sentences, 0);
  }

  private sentenceEnd(s: number): number {
    return s + 1 < this.sentences ? this.sentenceStarts[s + 1]! : this.n;
  }

  private isNumber(t: number): boolean {
    return this.id[t] === NUMBER_ID;
  }

  read(): NoteReading {
    this.findLabels();
    this.segment();
    this.negate();
    this.matchPhrases();
    this.findMeasurements();
    const blocks = this.blockFacts();
    return {
      blocks,
      counts: this.countFacts(),
      mohs: this.mohsStages(),
      separatePathologist: this.sentenceFlags.some(
        (f) => (f & (PATHOLOGIST | PATH_SUBJECT)) === (PATHOLOGIST | PATH_SUBJECT) && !(f & PATH_EXCLUDE),
      ),
      surgeonRead: this.sentenceFlags.some(
        (f) =>
          (f & (SURGEON | PATH_SUBJECT | READING)) === (SURGEON | PATH_SUBJECT | READING) && !(f & PATHOLOGIST_NAMED),
      ),
    };
  }

  /** A label: up to four words at a sentence's start, then ':' (no comma inside). */
  private findLabels(): void {
    const { gap, id } = this;
    for (let s = 0; s < this.sentences; s++) {
      const a = this.sentenceStarts[s]!;
      const b = Math.min(a + LABEL_MAX_WORDS, this.sentenceEnd(s));
      for (let j = a; j < b; j++) {
        if (j > a && gap[j]! & (GAP_COMMA | GAP_COLON)) break;
        if (!(gap[j + 1]! & GAP_COLON)) continue;
        const kind: LabelKind = anySameIds(PROCEDURE_LABELS, id, a, j + 1)
          ? 'procedure'
          : anySameIds(SKIP_LABELS, id, a, j + 1)
            ? 'skip'
            : 'field';
        this.labelAt[a] = this.labels.length;
        this.labels.push({
          start: a,
          end: j + 1,
          kind,
          firstId: id[a]!,
          lastId: id[j]!,
          lineStart: a === 0 || !!(gap[a]! & GAP_LINE_BREAK),
        });
        for (let k = a; k <= j; k++) this.inLabel[k] = 1;
        break;
      }
    }
  }

  /**
   * Blocks, skipped sections and fields. A procedure label starts a block; a skip
   * label a skipped section, which only a label at the start of a line ends; any
   * other label a field, which runs to the end of its line when its value is on
   * that line ('Location: left arm'), else to the next label ('Specimen A:' + lines).
   */
  private segment(): void {
    const { gap } = this;
    let block = 0;
    let skip = false;
    let field = -1;
    let fieldEndsAtLineEnd = false;
    let pieceStart = -1;
    for (let t = 0; t < this.n; t++) {
      if (t > 0 && gap[t]! & GAP_LINE_BREAK && fieldEndsAtLineEnd) {
        field = -1;
        fieldEndsAtLineEnd = false;
      }
      const l = this.labelAt[t]!;
      if (l >= 0) {
        const label = this.labels[l]!;
        if (!skip || label.lineStart) {
          if (label.kind === 'procedure') {
            pieceStart = this.closePiece(pieceStart, t);
            block = this.blockCount++;
            skip = false;
            field = -1;
            fieldEndsAtLineEnd = false;
          } else if (label.kind === 'skip') {
            pieceStart = this.closePiece(pieceStart, t);
            skip = true;
            field = -1;
            fieldEndsAtLineEnd = false;
          } else {
            skip = false;
            field = l;
            fieldEndsAtLineEnd = label.end < this.n && !(gap[label.end]! & GAP_LINE_BREAK);
          }
        }
      }
      this.blockOf[t] = skip ? -1 : block;
      this.regionOf[t] = block;
      this.fieldOf[t] = skip ? -1 : field;
      if (!skip && pieceStart < 0) pieceStart = t;
    }
    this.closePiece(pieceStart, this.n);
  }

  /** Ends the piece begun at token `start` (if any) before token `end`; returns -1, no piece open. No closure: see countTermAt. */
  private closePiece(start: number, end: number): number {
    if (start >= 0) (this.pieces[this.blockOf[start]!] ??= []).push([start, end]);
    return -1;
  }

  /** Negators reach the terms that begin within five words, up to a comma or 'but', 'and', 'with', 'using', 'however'. */
  private negate(): void {
    const { id, gap } = this;
    for (let t = 0; t < this.n; t++) {
      if (!valueOf(NEGATORS, id[t]!)) continue;
      const end = this.sentenceEnd(this.sentenceOf[t]!);
      for (let k = t + 1; k <= t + NEGATION_REACH && k < end; k++) {
        if (gap[k]! & GAP_COMMA || valueOf(NEGATION_ENDERS, id[k]!)) break;
        this.negated[k] = 1;
      }
    }
    // 'Sutures: none' negates the label's own terms.
    for (const label of this.labels) {
      const end = this.sentenceEnd(this.sentenceOf[label.start]!);
      if (end === label.end || end - label.end > 3) continue;
      if (anySameIds(NEGATING_VALUES, id, label.end, end))
        for (let k = label.start; k < label.end; k++) this.negated[k] = 1;
    }
  }

  private matchPhrases(): void {
    const found = FOUND;
    for (let t = 0; t < this.n; t++) {
      const s = this.sentenceOf[t]!;
      const count = MATCHER.matchAt(this.tokens, t, this.sentenceEnd(s), found);
      if (count === 0) continue;
      this.firstMatchAt[t] = this.matchLength;
      const open = !this.negated[t];
      for (let i = 0; i < 2 * count; i += 2) {
        const k = found[i]!;
        const end = found[i + 1]!;
        this.addMatch(k, t, end);
        let flag = 0;
        switch (KINDS[k]) {
          case 'planned':
            flag = PLANNED;
            break;
          case 'past':
            flag = PAST;
            break;
          case 'pathology':
            flag = PATHOLOGY_SEEN;
            break;
          case 'pathResult':
            if (this.sentenceFlags[s]! & PATHOLOGY_SEEN) flag = PATH_RESULT;
            break;
          case 'sizeWord':
            flag = SIZE_WORD;
            break;
          case 'vague':
            flag = VAGUE;
            break;
          case 'biopsyWord':
            flag = BIOPSY_WORD;
            break;
          case 'pathologist':
            flag = open ? PATHOLOGIST | PATHOLOGIST_NAMED : PATHOLOGIST_NAMED;
            break;
          case 'pathSubject':
            if (open) flag = PATH_SUBJECT;
            break;
          case 'pathExclude':
            flag = PATH_EXCLUDE;
            break;
          case 'surgeon':
            if (open) flag = SURGEON;
            break;
          case 'reading':
            if (open) flag = READING;
            break;
          case 't:destruction':
            if (open) flag = DESTRUCTION;
            break;
          case 'skinTagRemoval':
            if (open) flag = SKIN_TAG_REMOVAL;
            break;
          case 'excisedDiameter':
            this.excisedDiameterEnds[end - 1] = 1;
            break;
        }
        this.sentenceFlags[s]! |= flag;
      }
    }
  }

  private addMatch(kind: number, start: number, end: number): void {
    if (this.matchLength + 3 > this.matches.length) {
      const grown = scratchInt32('read.matches', this.matches.length * 2);
      grown.set(this.matches.subarray(0, this.matchLength));
      this.matches = grown;
    }
    this.matches[this.matchLength++] = kind;
    this.matches[this.matchLength++] = start;
    this.matches[this.matchLength++] = end;
  }

  // The two lookups below take no test function: a closure made per token is what the reader's time went to.

  /** The first match at token t of a count term, as a kind index, or -1. */
  private countTermAt(t: number): number {
    if (t >= this.n) return -1;
    const first = this.firstMatchAt[t]!;
    if (first < 0) return -1;
    for (let i = first; i < this.matchLength && this.matches[i + 1] === t; i += 3)
      if (KIND_COUNT[this.matches[i]!] !== undefined) return this.matches[i]!;
    return -1;
  }

  /** Whether a match of kind `kind` starts at token t. */
  private hasMatchAt(t: number, kind: number): boolean {
    if (t >= this.n) return false;
    const first = this.firstMatchAt[t]!;
    if (first < 0) return false;
    for (let i = first; i < this.matchLength && this.matches[i + 1] === t; i += 3)
      if (this.matches[i] === kind) return true;
    return false;
  }

  /** '1.2 cm', '12 mm', '1.2 x 0.8 cm' (the largest), '2-3 mm' and '2 to 3 mm' (one range), '1%'. */
  private findMeasurements(): void {
    const { id, value, gap } = this;
    for (let t = 0; t < this.n;) {
      if (!this.isNumber(t)) {
        t++;
        continue;
      }
      const end = this.sentenceEnd(this.sentenceOf[t]!);
      if (gap[t + 1]! & GAP_PERCENT) {
        this.addMeasurement(t, t + 1, { lo: value[t]!, hi: value[t]! }, true);
        t++;
        continue;
      }
      // Values waiting for their unit ('1.2 x 0.8 cm': both take cm), the largest kept; a range keeps both ends.
      let pending = value[t]!;
      let rangeEnd = NaN;
      let largest = -Infinity;
      let j = t + 1;
      let range = false;
      if (j < end && this.isNumber(j) && gap[j]! & GAP_DASH) {
        rangeEnd = value[j]!;
        range = true;
        j++;
      } else if (j + 1 < end && valueOf(RANGE, id[j]!) && this.isNumber(j + 1)) {
        rangeEnd = value[j + 1]!;
        range = true;
        j += 2;
      }
      let lastFactor = 0;
      for (;;) {
        const factor = j < end ? valueOf(UNIT_CM, id[j]!) : 0;
        if (factor > 0) {
          if (!Number.isNaN(pending)) largest = Math.max(largest, pending * factor);
          else largest = NaN;
          pending = -Infinity;
          lastFactor = factor;
          j++;
        }
        if (!range && j + 1 < end && valueOf(DIMENSION, id[j]!) && this.isNumber(j + 1)) {
          pending = Number.isNaN(pending) || Number.isNaN(value[j + 1]!) ? NaN : Math.max(pending, value[j + 1]!);
          j += 2;
          continue;
        }
        break;
      }
      if (lastFactor === 0) {
        t++;
        continue;
      }
      if (pending !== -Infinity) largest = Number.isNaN(pending) ? NaN : Math.max(largest, pending * lastFactor);
      const measure = range
        ? {
            lo: round(Math.min(value[t]!, rangeEnd) * lastFactor),
            hi: round(Math.max(value[t]!, rangeEnd) * lastFactor),
          }
        : { lo: round(largest), hi: round(largest) };
      this.addMeasurement(t, j, measure, false);
      t = j;
    }
  }

  private addMeasurement(start: number, end: number, measure: Measure, percent: boolean): void {
    this.measurements.push({ start, end, measure, percent });
    for (let k = start; k < end; k++) this.inMeasure[k] = 1;
  }

  /** A fact at token t is read: not skipped, not negated, not in a planned, past or pathology-result sentence. */
  private readable(t: number): boolean {
    return this.blockOf[t]! >= 0 && !this.negated[t] && !(this.sentenceFlags[this.sentenceOf[t]!]! & UNREAD);
  }

  private inHemostasisField(t: number): boolean {
    const f = this.fieldOf[t]!;
    return f >= 0 && this.labels[f]!.firstId === HEMOSTASIS;
  }

  private inFieldEndingWith(t: number, lastId: number): boolean {
    const f = this.fieldOf[t]!;
    return f >= 0 && this.labels[f]!.lastId === lastId;
  }

  private blockFacts(): NoteBlock[] {
    const builders = new Map<number, BlockBuilder>();

    for (let i = 0; i < this.matchLength; i += 3) {
      const k = this.matches[i]!;
      const t = this.matches[i + 1]!;
      const block = this.blockOf[t]!;
      if (block < 0) continue;
      const technique = KIND_TECHNIQUE[k];
      const closure = KIND_CLOSURE[k];
      if (technique) {
        if (this.readable(t) && !this.inHemostasisField(t))
          builderOf(builders, block).addTechnique(technique, this.sentenceOf[t]!);
      } else if (closure) {
        if (this.readable(t)) builderOf(builders, block).closures.add(closure);
        else if (!this.negated[t] && closure !== 'no-repair') builderOf(builders, block).repairMentionedUnread = true;
      }
    }

    for (const m of this.measurements) {
      if (m.percent) continue;
      const t = m.start;
      if (!this.readable(t)) continue;
      const s = this.sentenceOf[t]!;
      // 'N mm punch' in a sentence with 'biopsy' or 'biopsied' documents a punch biopsy.
      if (
        m.end < this.sentenceEnd(s) &&
        this.id[m.end] === PUNCH &&
        this.sentenceFlags[s]! & BIOPSY_WORD &&
        !this.inHemostasisField(t)
      ) {
        builderOf(builders, this.blockOf[t]!).addTechnique('punch-biopsy', s);
      }
      const role = this.roleOf(m);
      if (role) builderOf(builders, this.blockOf[t]!)[role].push(m.measure);
    }

    const blocks: NoteBlock[] = [];
    const { start, end, text } = this.tokens;
    // A block without facts changes nothing for any line it might tie to: only blocks with facts are kept.
    for (let b = 0; b < this.blockCount; b++) {
      const pieces = this.pieces[b];
      const facts = builders.get(b);
      if (!pieces || pieces.length === 0 || !facts) continue;
      const ranges = pieces.map(([a, z]) => [start[a]!, end[z - 1]!] as const);
      blocks.push(facts.finish(blocks.length, text, ranges));
    }
    return blocks;
  }

  /** Excised diameter, margin or lesion size (numbers with cm or mm), or nothing. */
  private roleOf(m: Measurement): 'excisedDiameters' | 'margins' | 'sizes' | undefined {
    const { id } = this;
    const s = this.sentenceOf[m.start]!;
    const first = this.sentenceStarts[s]!;
    const end = this.sentenceEnd(s);
    const near = NUMBER_CONTEXT_WORDS;
    for (let p = m.start - 1; p >= first && p >= m.start - near; p--)
      if (this.excisedDiameterEnds[p]) return 'excisedDiameters';
    for (let p = m.end; p < m.end + near && p < end; p++) if (id[p] === MARGIN) return 'margins';
    if (m.start - 2 >= first && id[m.start - 2] === MARGIN_OF[0] && id[m.start - 1] === MARGIN_OF[1]) return 'margins';
    if (this.inFieldEndingWith(m.start, MARGIN_LABEL)) return 'margins';
    if (!(this.sentenceFlags[s]! & SIZE_WORD) && !this.inFieldEndingWith(m.start, SIZE_LABEL)) return undefined;
    for (let p = Math.max(first, m.start - near); p < m.start; p++)
      if (valueOf(NOT_LESION_SIZE, id[p]!)) return undefined;
    for (let p = m.end; p < m.end + near && p < end; p++) if (valueOf(NOT_LESION_SIZE, id[p]!)) return undefined;
    return 'sizes';
  }

  /**
   * A number a count could be: a numeral or one..twenty, not a measurement, a
   * label's own number or an ordinal ('1st'). NaN for a numeral that is no whole number.
   */
  private numeralValue(t: number): number | undefined {
    if (this.inMeasure[t] || this.inLabel[t]) return undefined;
    if (this.isNumber(t)) {
      if (t + 1 < this.n && this.gap[t + 1]! & GAP_NONE && valueOf(ORDINAL_SUFFIX, this.id[t + 1]!)) return undefined;
      return Number.isInteger(this.value[t]!) ? this.value[t]! : NaN;
    }
    const word = valueOf(NUMBER_WORD_VALUE, this.id[t]!);
    return word > 0 ? word : undefined;
  }

  private countsCycles(t: number, end: number): boolean {
    for (let p = t + 1; p <= t + NUMBER_CONTEXT_WORDS && p < end; p++) if (valueOf(CYCLE, this.id[p]!)) return true;
    return false;
  }

  /** Counts of lesions, with their sentence's destruction words and whether each is clear. */
  private countFacts(): CountFact[] {
    const facts: CountFact[] = [];
    for (let s = 0; s < this.sentences; s++) {
      const flags = this.sentenceFlags[s]!;
      if (flags & UNREAD) continue;
      const first = this.sentenceStarts[s]!;
      const end = this.sentenceEnd(s);
      // Numbers other than measurements, label numbers, cycles and seconds.
      let numerals = 0;
      // Made only for a sentence that counts something: most sentences count nothing.
      let found: { value: number; term: CountFamily | 'lesions' }[] | undefined;
      for (let t = first; t < end; t++) {
        const value = this.numeralValue(t);
        if (value === undefined || this.countsCycles(t, end)) continue;
        numerals++;
        if (this.blockOf[t]! < 0 || this.negated[t] || !Number.isFinite(value) || value < 1) continue;
        for (let p = t + 1; p <= t + NUMBER_CONTEXT_WORDS && p < end; p++) {
          if (this.negated[p]) continue;
          const k = this.countTermAt(p);
          if (k >= 0) {
            (found ??= []).push({ value, term: KIND_COUNT[k]! });
            break;
          }
        }
      }
      if (!found) continue;
      for (const f of found) {
        facts.push({
          term: f.term,
          value: f.value,
          destruction: !!(flags & DESTRUCTION),
          skinTagRemoval: !!(flags & SKIN_TAG_REMOVAL),
          clear: numerals === 1 && !(flags & VAGUE),
        });
      }
    }
    return facts;
  }

  /** Token k exists and is in token t's sentence. */
  private sameSentence(t: number, k: number): boolean {
    return k < this.n && this.sentenceOf[k] === this.sentenceOf[t];
  }

  /** The stage a mention at t names ('stage 2', 'second stage', '2nd stage'), with the token after it; read everywhere. */
  private stageAt(t: number): { stage: number; after: number } | undefined {
    const { id, value, gap } = this;
    if (id[t] === STAGE && this.sameSentence(t, t + 1)) {
      const stage = this.isNumber(t + 1) ? value[t + 1]! : valueOf(NUMBER_WORD_VALUE, id[t + 1]!);
      return Number.isInteger(stage) && stage > 0 ? { stage, after: t + 2 } : undefined;
    }
    const ordinal = valueOf(ORDINAL_VALUE, id[t]!);
    if (ordinal > 0 && this.sameSentence(t, t + 1) && id[t + 1] === STAGE) return { stage: ordinal, after: t + 2 };
    if (
      this.isNumber(t) &&
      this.sameSentence(t, t + 2) &&
      gap[t + 1]! & GAP_NONE &&
      valueOf(ORDINAL_SUFFIX, id[t + 1]!) &&
      id[t + 2] === STAGE &&
      Number.isInteger(value[t]!)
    ) {
      return { stage: value[t]!, after: t + 3 };
    }
    return undefined;
  }

  /** 'Stage 1: 7 blocks', 'second stage … 3 tissue blocks': blocks by stage, read everywhere. */
  private mohsStages(): MohsStageFacts {
    const mentions: { at: number; after: number; stage: number }[] = [];
    for (let t = 0; t < this.n; t++) {
      const mention = this.stageAt(t);
      if (!mention) continue;
      mentions.push({ at: t, ...mention });
      t = mention.after - 1; // 'second stage 3 blocks' is one mention, not also 'stage 3'
    }
    const byStage = new Map<string, number>();
    let unclear = false;
    mentions.forEach((mention, i) => {
      const s = this.sentenceOf[mention.at]!;
      const field = this.inLabel[mention.at] ? this.fieldOf[mention.at]! : -1;
      const stop = i + 1 < mentions.length ? mentions[i + 1]!.at : this.n;
      let blocks: number | undefined;
      for (let t = mention.after; t < stop; t++) {
        if (this.sentenceOf[t] !== s && (field < 0 || this.fieldOf[t] !== field)) break;
        const k = this.isNumber(t)
          ? this.inMeasure[t]
            ? NaN
            : this.value[t]!
          : valueOf(NUMBER_WORD_VALUE, this.id[t]!);
        if (!Number.isInteger(k) || k <= 0 || !this.hasMatchAt(t + 1, K_BLOCK)) continue;
        if (blocks !== undefined && blocks !== k) unclear = true;
        blocks = k;
      }
      if (blocks === undefined) return;
      const key = `${this.regionOf[mention.at]}:${mention.stage}`;
      const known = byStage.get(key);
      if (known !== undefined && known !== blocks) unclear = true;
      byStage.set(key, blocks);
    });
    return { blocks: [...byStage.values()], unclear };
  }
}

/** A site's words as blocks compare them: siteWords (L → left…), singular or plural alike. */
export function siteKeys(site: string): string[] {
  return siteWords(site).map(wordKey);
}

/** The builder of block b, made when first asked. */
function builderOf(builders: Map<number, BlockBuilder>, b: number): BlockBuilder {
  let found = builders.get(b);
  if (!found) builders.set(b, (found = new BlockBuilder()));
  return found;
}

/** Whether ids[from..to) equals one of the patterns. */
function anySameIds(patterns: readonly (readonly number[])[], ids: Int32Array, from: number, to: number): boolean {
  for (const pattern of patterns) {
    if (pattern.length !== to - from) continue;
    let same = true;
    for (let i = 0; i < pattern.length && same; i++) same = pattern[i] === ids[from + i];
    if (same) return true;
  }
  return false;
}

/** Collects one block's facts while the reader passes over the note; becomes its NoteBlock. */
class BlockBuilder implements NoteBlock {
  index = -1;
  /** Techniques by sentence, until `finish` settles them. */
  private readonly bySentence = new Map<number, Set<Technique>>();
  readonly techniques = new Set<Technique>();
  readonly closures = new Set<ClosureKind>();
  repairMentionedUnread = false;
  readonly excisedDiameters: Measure[] = [];
  readonly margins: Measure[] = [];
  readonly sizes: Measure[] = [];
  private text = '';
  private ranges: readonly (readonly [number, number])[] = [];
  private anySite: boolean | undefined;

  addTechnique(technique: Technique, sentence: number): void {
    let set = this.bySentence.get(sentence);
    if (!set) this.bySentence.set(sentence, (set = new Set()));
    set.add(technique);
  }

  finish(index: number, text: string, ranges: readonly (readonly [number, number])[]): NoteBlock {
    this.index = index;
    this.text = text;
    this.ranges = ranges;
    // An excision documented in a sentence wins over a biopsy phrase of the same sentence.
    for (const set of this.bySentence.values()) {
      const excision = set.has('excision');
      for (const t of set) if (!(excision && P.BIOPSY_TECHNIQUES.includes(t))) this.techniques.add(t);
    }
    this.bySentence.clear();
    return this;
  }

  private pieces: string[][] | undefined;

  /** The block's words piece by piece (skipped sections leave gaps), as sites compare them; made once, when first asked. */
  private pieceWords(): string[][] {
    this.pieces ??= this.ranges.map(([a, z]) => siteWords(this.text.slice(a, z)));
    return this.pieces;
  }

  namesSite(site: string | undefined): boolean {
    return site ? this.namesSiteWords(siteKeys(site)) : false;
  }

  namesSiteWords(keys: readonly string[]): boolean {
    if (keys.length === 0) return false;
    for (const key of keys) {
      // Three rules tie the same blocks to the same lines: each word is looked for once per block.
      let has = this.keyHits.get(key);
      if (has === undefined) this.keyHits.set(key, (has = this.hasKey(key)));
      if (!has) return false;
    }
    return true;
  }

  private lowered: string[] | undefined;
  private readonly keyHits = new Map<string, boolean>();

  /**
   * Some word of the block, as siteWords splits and writes it (lower case, 'l' →
   * 'left'), has the key (plurals as singulars). A walk over the characters of the
   * lower-cased pieces: a set of the block's words made a string per word and cost
   * more than reading the note.
   */
  private hasKey(key: string): boolean {
    this.lowered ??= this.ranges.map(([a, z]) => this.text.slice(a, z).toLowerCase());
    for (const piece of this.lowered) {
      let start = -1;
      for (let i = 0; i <= piece.length; i++) {
        if (i < piece.length && isWordChar(piece.charCodeAt(i))) {
          if (start < 0) start = i;
          continue;
        }
        if (start < 0) continue;
        const expanded = abbreviationAt(piece, start, i);
        if (expanded !== undefined ? wordKey(expanded) === key : hasWordKey(piece, start, i, key)) return true;
        start = -1;
      }
    }
    return false;
  }

  namesAnySite(): boolean {
    this.anySite ??= this.pieceWords().some((list) => namesAnySite(list));
    return this.anySite;
  }
}
