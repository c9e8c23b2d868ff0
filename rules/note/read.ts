/**
 * Reads a procedure note (RULES.md section 6.1–6.2) into the facts the rules of
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
import { siteWords } from '../site-words';
import { PhraseMatcher, phraseElements } from './matcher';
import * as P from './phrases';
import type { ClosureKind, CountFamily, Technique } from './phrases';
import { ENDS_SENTENCE, GAP_COLON, GAP_COMMA, GAP_DASH, GAP_LINE_BREAK, GAP_NONE, GAP_PERCENT, tokenize, wordKey, type Tokens } from './tokens';

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
  /** Every word of the site (RULES.md 6.1: L → left, case and punctuation ignored) appears in the block. */
  namesSite(site: string | undefined): boolean;
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
  | 'planned' | 'past' | 'pathology' | 'pathResult' | 'sizeWord' | 'excisedDiameter' | 'skinTagRemoval' | 'vague'
  | 'block' | 'pathologist' | 'pathSubject' | 'pathExclude' | 'biopsyWord' | 'surgeon' | 'reading';

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

const keysOf = (words: readonly string[]) => new Set(words.flatMap((w) => phraseElements(w) as string[]));
const NEGATORS = keysOf(P.NEGATORS);
const NEGATION_ENDERS = keysOf(P.NEGATION_ENDERS);
const CYCLE = keysOf(P.CYCLE_WORDS);
const NOT_LESION_SIZE = keysOf(P.NOT_LESION_SIZE_WORDS);
const DIMENSION = keysOf(P.DIMENSION_WORDS);
const RANGE = keysOf(P.RANGE_WORDS);
const MARGIN = wordKey(P.MARGIN_WORD);
const MARGIN_OF = phraseElements(P.MARGIN_OF) as string[];
const PUNCH = wordKey(P.PUNCH_WORD);
const STAGE = wordKey(P.STAGE_WORD);
const HEMOSTASIS = wordKey(P.HEMOSTASIS_LABEL);
const MARGIN_LABEL = wordKey(P.MARGIN_LABEL_LAST_WORD);
const SIZE_LABEL = wordKey(P.SIZE_LABEL_LAST_WORD);
const UNIT_CM = new Map(Object.entries(P.LENGTH_UNITS).map(([unit, cm]) => [wordKey(unit), cm]));
const NUMBER_WORD_VALUE = new Map(P.NUMBER_WORDS.map((w, i) => [wordKey(w), i + 1]));
const ORDINAL_VALUE = new Map(P.ORDINAL_WORDS.map((w, i) => [wordKey(w), i + 1]));
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const NEGATING_VALUES = P.NEGATING_VALUES.map((v) => (phraseElements(v) as string[]).join(' '));

const NUMBER_SLOT = '#';
const PROCEDURE_LABELS = P.PROCEDURE_LABELS.map((l) => l.split(' ').flatMap((w) => (w === NUMBER_SLOT ? [NUMBER_SLOT] : (phraseElements(w) as string[]))));
const SKIP_LABELS = P.SKIP_LABELS.map((l) => phraseElements(l) as string[]);

// Sentence flags.
const PLANNED = 1, PAST = 2, PATHOLOGY_SEEN = 4, PATH_RESULT = 8, SIZE_WORD = 16, VAGUE = 32, BIOPSY_WORD = 64;
const PATHOLOGIST = 128, PATH_SUBJECT = 256, PATH_EXCLUDE = 512, DESTRUCTION = 1024, SKIN_TAG_REMOVAL = 2048;
const SURGEON = 4096, READING = 8192, PATHOLOGIST_NAMED = 16384;
const UNREAD = PLANNED | PAST | PATH_RESULT;

type LabelKind = 'procedure' | 'skip' | 'field';
interface Label {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly kind: LabelKind;
  readonly lastKey: string;
  readonly firstKey: string;
  readonly lineStart: boolean;
}

interface Match {
  readonly kind: Kind;
  readonly start: number;
  readonly end: number;
}

interface Measurement {
  readonly start: number;
  readonly end: number;
  readonly measure: Measure;
  readonly percent: boolean;
}

const EMPTY: NoteReading = { blocks: [], counts: [], mohs: { blocks: [], unclear: false }, separatePathologist: false, surgeonRead: false };

// ── The reader ─────────────────────────────────────────────────────────────

export function readNote(text: string): NoteReading {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_NOTE_CHARS) return EMPTY;
  return new Reader(tokenize(text)).read();
}

class Reader {
  private readonly n: number;
  private readonly sentenceOf: Int32Array;
  private readonly sentenceStarts: number[] = [];
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
  private readonly matches: Match[] = [];
  /** Index into `matches` of the first match starting at a token, or -1. */
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
    this.sentenceOf = new Int32Array(n);
    this.labelAt = new Int32Array(n).fill(-1);
    this.inLabel = new Uint8Array(n);
    this.blockOf = new Int32Array(n);
    this.regionOf = new Int32Array(n);
    this.fieldOf = new Int32Array(n).fill(-1);
    this.negated = new Uint8Array(n);
    this.firstMatchAt = new Int32Array(n).fill(-1);
    this.inMeasure = new Uint8Array(n);
    this.excisedDiameterEnds = new Uint8Array(n);
    // Sentences: '.' + whitespace, ';' and line breaks end them.
    for (let t = 0; t < n; t++) {
      if (t === 0 || tokens.gap[t]! & ENDS_SENTENCE) this.sentenceStarts.push(t);
      this.sentenceOf[t] = this.sentenceStarts.length - 1;
    }
    this.sentenceFlags = new Uint16Array(this.sentenceStarts.length);
  }

  private sentenceEnd(s: number): number {
    return s + 1 < this.sentenceStarts.length ? this.sentenceStarts[s + 1]! : this.n;
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
      separatePathologist: this.sentenceFlags.some((f) => (f & (PATHOLOGIST | PATH_SUBJECT)) === (PATHOLOGIST | PATH_SUBJECT) && !(f & PATH_EXCLUDE)),
      surgeonRead: this.sentenceFlags.some((f) => (f & (SURGEON | PATH_SUBJECT | READING)) === (SURGEON | PATH_SUBJECT | READING) && !(f & PATHOLOGIST_NAMED)),
    };
  }

  /** A label: up to four words at a sentence's start, then ':' (no comma inside). */
  private findLabels(): void {
    const { gap, key, isNumber } = this.tokens;
    for (let s = 0; s < this.sentenceStarts.length; s++) {
      const a = this.sentenceStarts[s]!;
      const b = Math.min(a + P.LABEL_MAX_WORDS, this.sentenceEnd(s));
      for (let j = a; j < b; j++) {
        if (j > a && gap[j]! & (GAP_COMMA | GAP_COLON)) break;
        if (!(gap[j + 1]! & GAP_COLON)) continue;
        const keys: string[] = [];
        for (let k = a; k <= j; k++) keys.push(isNumber[k] ? NUMBER_SLOT : key[k]!);
        const kind: LabelKind = PROCEDURE_LABELS.some((l) => sameKeys(l, keys)) ? 'procedure' : SKIP_LABELS.some((l) => sameKeys(l, keys)) ? 'skip' : 'field';
        const index = this.labels.length;
        this.labels.push({ start: a, end: j + 1, kind, firstKey: key[a]!, lastKey: key[j]!, lineStart: a === 0 || !!(gap[a]! & GAP_LINE_BREAK) });
        this.labelAt[a] = index;
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
    const { gap } = this.tokens;
    let block = 0;
    let skip = false;
    let field = -1;
    let fieldEndsAtLineEnd = false;
    let pieceStart = -1;
    const closePiece = (end: number) => {
      if (pieceStart >= 0) (this.pieces[this.blockOf[pieceStart]!] ??= []).push([pieceStart, end]);
      pieceStart = -1;
    };
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
            closePiece(t);
            block = this.blockCount++;
            skip = false;
            field = -1;
            fieldEndsAtLineEnd = false;
          } else if (label.kind === 'skip') {
            closePiece(t);
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
    closePiece(this.n);
  }

  /** Negators reach the terms that begin within five words, up to a comma or 'but', 'and', 'with', 'using', 'however'. */
  private negate(): void {
    const { key, gap, isNumber } = this.tokens;
    for (let t = 0; t < this.n; t++) {
      if (isNumber[t] || !NEGATORS.has(key[t]!)) continue;
      const end = this.sentenceEnd(this.sentenceOf[t]!);
      for (let k = t + 1; k <= t + P.NEGATION_REACH && k < end; k++) {
        if (gap[k]! & GAP_COMMA || NEGATION_ENDERS.has(key[k]!)) break;
        this.negated[k] = 1;
      }
    }
    // 'Sutures: none' negates the label's own terms.
    for (const label of this.labels) {
      const end = this.sentenceEnd(this.sentenceOf[label.start]!);
      if (end - label.end > 3 || end === label.end) continue;
      const value = key.slice(label.end, end).join(' ');
      if (NEGATING_VALUES.includes(value)) for (let k = label.start; k < label.end; k++) this.negated[k] = 1;
    }
  }

  private matchPhrases(): void {
    const { tokens } = this;
    for (let t = 0; t < this.n; t++) {
      const s = this.sentenceOf[t]!;
      const end = this.sentenceEnd(s);
      MATCHER.matchAt(tokens, t, end, (kind, matchEnd) => {
        if (this.firstMatchAt[t] === -1) this.firstMatchAt[t] = this.matches.length;
        this.matches.push({ kind, start: t, end: matchEnd });
        const open = !this.negated[t];
        let flag = 0;
        switch (kind) {
          case 'planned': flag = PLANNED; break;
          case 'past': flag = PAST; break;
          case 'pathology': flag = PATHOLOGY_SEEN; break;
          case 'pathResult': if (this.sentenceFlags[s]! & PATHOLOGY_SEEN) flag = PATH_RESULT; break;
          case 'sizeWord': flag = SIZE_WORD; break;
          case 'vague': flag = VAGUE; break;
          case 'biopsyWord': flag = BIOPSY_WORD; break;
          case 'pathologist': flag = open ? PATHOLOGIST | PATHOLOGIST_NAMED : PATHOLOGIST_NAMED; break;
          case 'surgeon': if (open) flag = SURGEON; break;
          case 'reading': if (open) flag = READING; break;
          case 'pathSubject': if (open) flag = PATH_SUBJECT; break;
          case 'pathExclude': flag = PATH_EXCLUDE; break;
          case 'excisedDiameter': this.excisedDiameterEnds[matchEnd - 1] = 1; break;
          case 't:destruction': if (open) flag = DESTRUCTION; break;
          case 'skinTagRemoval': if (open) flag = SKIN_TAG_REMOVAL; break;
        }
        this.sentenceFlags[s]! |= flag;
      });
    }
  }

  private hasMatchAt(t: number, test: (kind: Kind) => boolean): Kind | undefined {
    const first = this.firstMatchAt[t]!;
    if (first < 0) return undefined;
    for (let i = first; i < this.matches.length && this.matches[i]!.start === t; i++) if (test(this.matches[i]!.kind)) return this.matches[i]!.kind;
    return undefined;
  }

  /** '1.2 cm', '12 mm', '1.2 x 0.8 cm' (the largest), '2-3 mm' and '2 to 3 mm' (one range), '1%'. */
  private findMeasurements(): void {
    const { isNumber, value, key, gap } = this.tokens;
    for (let t = 0; t < this.n; ) {
      if (!isNumber[t]) {
        t++;
        continue;
      }
      const end = this.sentenceEnd(this.sentenceOf[t]!);
      if (gap[t + 1]! & GAP_PERCENT) {
        this.addMeasurement(t, t + 1, { lo: value[t]!, hi: value[t]! }, true);
        t++;
        continue;
      }
      const numbers: number[] = [value[t]!];
      const factors: (number | undefined)[] = [undefined];
      let j = t + 1;
      let range = false;
      if (j < end && isNumber[j] && gap[j]! & GAP_DASH) {
        numbers.push(value[j]!);
        factors.push(undefined);
        range = true;
        j++;
      } else if (j + 1 < end && RANGE.has(key[j]!) && isNumber[j + 1]) {
        numbers.push(value[j + 1]!);
        factors.push(undefined);
        range = true;
        j += 2;
      }
      let lastFactor: number | undefined;
      for (;;) {
        const factor = j < end && !isNumber[j] ? UNIT_CM.get(key[j]!) : undefined;
        if (factor !== undefined) {
          for (let k = 0; k < factors.length; k++) factors[k] ??= factor;
          lastFactor = factor;
          j++;
        }
        if (!range && j + 1 < end && DIMENSION.has(key[j]!) && isNumber[j + 1]) {
          numbers.push(value[j + 1]!);
          factors.push(undefined);
          j += 2;
          continue;
        }
        break;
      }
      if (lastFactor === undefined) {
        t++;
        continue;
      }
      // Rounded so that 3 mm is 0.3 cm exactly as a physician means it.
      const cm = numbers.map((v, k) => Math.round(v * (factors[k] ?? lastFactor!) * 1e6) / 1e6);
      const measure = range ? { lo: Math.min(...cm), hi: Math.max(...cm) } : { lo: Math.max(...cm), hi: Math.max(...cm) };
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

  private inFieldEndingWith(t: number, lastKey: string): boolean {
    const f = this.fieldOf[t]!;
    return f >= 0 && this.labels[f]!.lastKey === lastKey;
  }

  private blockFacts(): NoteBlock[] {
    const { key } = this.tokens;
    const builders = new Map<number, BlockBuilder>();
    const builder = (b: number) => {
      let found = builders.get(b);
      if (!found) builders.set(b, (found = new BlockBuilder()));
      return found;
    };
    const techniqueAt = (technique: Technique, t: number) => builder(this.blockOf[t]!).addTechnique(technique, this.sentenceOf[t]!);

    for (const match of this.matches) {
      const t = match.start;
      const block = this.blockOf[t]!;
      if (block < 0) continue;
      if (match.kind.startsWith('t:')) {
        const f = this.fieldOf[t]!;
        const inHemostasis = f >= 0 && this.labels[f]!.firstKey === HEMOSTASIS;
        if (this.readable(t) && !inHemostasis) techniqueAt(match.kind.slice(2) as Technique, t);
      } else if (match.kind.startsWith('c:')) {
        const closure = match.kind.slice(2) as ClosureKind;
        if (this.readable(t)) builder(block).closures.add(closure);
        else if (!this.negated[t] && closure !== 'no-repair') builder(block).repairMentionedUnread = true;
      }
    }

    for (const m of this.measurements) {
      if (m.percent) continue;
      const t = m.start;
      const s = this.sentenceOf[t]!;
      // 'N mm punch' in a sentence with 'biopsy' or 'biopsied' documents a punch biopsy.
      if (m.end < this.sentenceEnd(s) && key[m.end] === PUNCH && this.sentenceFlags[s]! & BIOPSY_WORD && this.readable(t)) {
        const f = this.fieldOf[t]!;
        if (!(f >= 0 && this.labels[f]!.firstKey === HEMOSTASIS)) techniqueAt('punch-biopsy', t);
      }
      if (!this.readable(t)) continue;
      const role = this.roleOf(m);
      if (role) builder(this.blockOf[t]!)[role].push(m.measure);
    }

    const blocks: NoteBlock[] = [];
    for (let b = 0; b < this.blockCount; b++) {
      const pieces = this.pieces[b];
      if (!pieces || pieces.length === 0) continue;
      blocks.push((builders.get(b) ?? new BlockBuilder()).build(blocks.length, this.tokens.text, pieces.map(([a, z]) => [this.tokens.start[a]!, this.tokens.end[z - 1]!] as const)));
    }
    return blocks;
  }

  /** Excised diameter, margin or lesion size (RULES.md 6.1, Numbers), or nothing. */
  private roleOf(m: Measurement): 'excisedDiameters' | 'margins' | 'sizes' | undefined {
    const { key } = this.tokens;
    const s = this.sentenceOf[m.start]!;
    const first = this.sentenceStarts[s]!;
    const end = this.sentenceEnd(s);
    const near = P.NUMBER_CONTEXT_WORDS;
    for (let p = m.start - 1; p >= first && p >= m.start - near; p--) if (this.excisedDiameterEnds[p]) return 'excisedDiameters';
    for (let p = m.end; p < m.end + near && p < end; p++) if (key[p] === MARGIN) return 'margins';
    if (m.start - 2 >= first && key[m.start - 2] === MARGIN_OF[0] && key[m.start - 1] === MARGIN_OF[1]) return 'margins';
    if (this.inFieldEndingWith(m.start, MARGIN_LABEL)) return 'margins';
    if (!(this.sentenceFlags[s]! & SIZE_WORD) && !this.inFieldEndingWith(m.start, SIZE_LABEL)) return undefined;
    for (let p = Math.max(first, m.start - near); p < m.start; p++) if (NOT_LESION_SIZE.has(key[p]!)) return undefined;
    for (let p = m.end; p < m.end + near && p < end; p++) if (NOT_LESION_SIZE.has(key[p]!)) return undefined;
    return 'sizes';
  }

  /** Whether a number at t is one a count could be: a numeral or one..twenty, not a measurement, a label's number or an ordinal. */
  private numeralValue(t: number): number | undefined {
    const { isNumber, value, key, gap } = this.tokens;
    if (this.inMeasure[t] || this.inLabel[t]) return undefined;
    if (isNumber[t]) {
      if (t + 1 < this.n && gap[t + 1]! & GAP_NONE && ORDINAL_SUFFIXES.has(key[t + 1]!)) return undefined;
      return Number.isInteger(value[t]!) ? value[t]! : NaN;
    }
    return NUMBER_WORD_VALUE.get(key[t]!);
  }

  private countsCycles(t: number, end: number): boolean {
    const { key } = this.tokens;
    for (let p = t + 1; p <= t + P.NUMBER_CONTEXT_WORDS && p < end; p++) if (CYCLE.has(key[p]!)) return true;
    return false;
  }

  /** Counts of lesions in sentences that destroy (or remove skin tags), with whether each is clear. */
  private countFacts(): CountFact[] {
    const facts: CountFact[] = [];
    for (let s = 0; s < this.sentenceStarts.length; s++) {
      const flags = this.sentenceFlags[s]!;
      if (flags & UNREAD) continue;
      const first = this.sentenceStarts[s]!;
      const end = this.sentenceEnd(s);
      // Numbers that are neither measurements, label numbers, nor cycles or seconds.
      let numerals = 0;
      const found: { value: number; term: CountFamily | 'lesions'; t: number }[] = [];
      for (let t = first; t < end; t++) {
        const value = this.numeralValue(t);
        if (value === undefined || this.countsCycles(t, end)) continue;
        numerals++;
        if (this.blockOf[t]! < 0 || this.negated[t] || !Number.isFinite(value) || value < 1) continue;
        for (let p = t + 1; p <= t + P.NUMBER_CONTEXT_WORDS && p < end; p++) {
          if (this.negated[p]) continue;
          const kind = this.hasMatchAt(p, (k) => k.startsWith('n:'));
          if (kind) {
            found.push({ value, term: kind.slice(2) as CountFamily | 'lesions', t });
            break;
          }
        }
      }
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

  /** 'Stage 1: 7 blocks', 'second stage … 3 tissue blocks': blocks by stage, read everywhere. */
  private mohsStages(): MohsStageFacts {
    const { key, isNumber, value, gap } = this.tokens;
    const mentions: { at: number; after: number; stage: number }[] = [];
    for (let t = 0; t < this.n; t++) {
      const next = t + 1 < this.n && this.sentenceOf[t + 1] === this.sentenceOf[t] ? t + 1 : -1;
      if (key[t] === STAGE && !isNumber[t] && next >= 0) {
        const stage = isNumber[next] && Number.isInteger(value[next]!) ? value[next]! : NUMBER_WORD_VALUE.get(key[next]!);
        if (stage !== undefined) mentions.push({ at: t, after: next + 1, stage });
      } else if (next >= 0 && key[next] === STAGE && ORDINAL_VALUE.has(key[t]!)) {
        mentions.push({ at: t, after: next + 1, stage: ORDINAL_VALUE.get(key[t]!)! });
      } else if (isNumber[t] && next >= 0 && gap[next]! & GAP_NONE && ORDINAL_SUFFIXES.has(key[next]!) && next + 1 < this.n && key[next + 1] === STAGE && this.sentenceOf[next + 1] === this.sentenceOf[t]) {
        mentions.push({ at: t, after: next + 2, stage: value[t]! });
      }
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
        const k = isNumber[t] && Number.isInteger(value[t]!) && !this.inMeasure[t] ? value[t]! : NUMBER_WORD_VALUE.get(key[t]!);
        if (k === undefined || t + 1 >= this.n || !this.hasMatchAt(t + 1, (kind) => kind === 'block')) continue;
        if (blocks !== undefined && blocks !== k) unclear = true;
        blocks = k;
      }
      if (blocks === undefined) return;
      const id = `${this.regionOf[mention.at]}:${mention.stage}`;
      const known = byStage.get(id);
      if (known !== undefined && known !== blocks) unclear = true;
      byStage.set(id, blocks);
    });
    return { blocks: [...byStage.values()], unclear };
  }
}

function sameKeys(pattern: readonly string[], keys: readonly string[]): boolean {
  return pattern.length === keys.length && pattern.every((k, i) => k === keys[i]);
}

class BlockBuilder {
  private readonly techniqueSentences = new Map<number, Set<Technique>>();
  readonly closures = new Set<ClosureKind>();
  repairMentionedUnread = false;
  readonly excisedDiameters: Measure[] = [];
  readonly margins: Measure[] = [];
  readonly sizes: Measure[] = [];

  addTechnique(technique: Technique, sentence: number): void {
    let set = this.techniqueSentences.get(sentence);
    if (!set) this.techniqueSentences.set(sentence, (set = new Set()));
    set.add(technique);
  }

  build(index: number, text: string, ranges: readonly (readonly [number, number])[]): NoteBlock {
    // An excision documented in a sentence wins over a biopsy phrase of the same sentence.
    const techniques = new Set<Technique>();
    for (const set of this.techniqueSentences.values()) {
      const excision = set.has('excision');
      for (const t of set) if (!(excision && P.BIOPSY_TECHNIQUES.includes(t))) techniques.add(t);
    }
    let words: Set<string> | undefined;
    let anySite: boolean | undefined;
    const pieceWords = () => ranges.map(([a, z]) => siteWords(text.slice(a, z)));
    const { closures, repairMentionedUnread, excisedDiameters, margins, sizes } = this;
    return {
      index,
      techniques,
      closures,
      repairMentionedUnread,
      excisedDiameters,
      margins,
      sizes,
      namesSite(site) {
        if (!site) return false;
        const wanted = siteWords(site).map(wordKey);
        if (wanted.length === 0) return false;
        words ??= new Set(pieceWords().flatMap((list) => list.map(wordKey)));
        return wanted.every((w) => words!.has(w));
      },
      namesAnySite() {
        anySite ??= pieceWords().some((list) => namesAnySite(list));
        return anySite;
      },
    };
  }
}
