/**
 * The note's words and numbers, in one pass over its characters (no regular
 * expression), with the punctuation between them kept as flags: what sentences,
 * labels, negation scopes and ranges are made of (docs/note.md).
 *
 * Words are compared by `wordKey`: lower case, a plural written as its singular
 * ('sutures' → 'suture', 'biopsies' → 'biopsy', 'keratoses'/'keratosis' →
 * 'keratose', 'verrucae' → 'verruca', 'AKs' → 'ak'), so a phrase matches singular
 * and plural alike and never inside another word ('no' is not in 'nose').
 *
 * Speed: the reader only needs to know the words of its phrase table, so each
 * word is looked up while it is scanned, character by character, in a trie of
 * that vocabulary (every singular and plural form of each word), giving its id
 * or -1. No string is made per token.
 */

/** Punctuation seen between two tokens. */
export const GAP_COMMA = 1;
/** A ':' that can end a label (not the one of '10:30'). */
export const GAP_COLON = 2;
/** '.' followed by whitespace or the end, or ';'. */
const GAP_SENTENCE_END = 4;
export const GAP_LINE_BREAK = 8;
/** '-' or a dash ('2-3 mm'). */
export const GAP_DASH = 16;
export const GAP_PERCENT = 32;
/** Nothing at all between the two tokens ('4mm', '1st'). */
export const GAP_NONE = 64;
export const ENDS_SENTENCE = GAP_SENTENCE_END | GAP_LINE_BREAK;

/** Id of a word outside the vocabulary; NUMBER_ID of a number. */
export const UNKNOWN_ID = -1;
export const NUMBER_ID = -2;

export interface Tokens {
  readonly text: string;
  readonly count: number;
  /** Character offsets of each token in the text. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** A word's vocabulary id, UNKNOWN_ID outside it, NUMBER_ID for a number ('12', '1.2', '.5'). */
  readonly id: Int32Array;
  /** A number's value; NaN for a word or an ambiguous number ('1,2'). */
  readonly value: Float64Array;
  /** gap[i]: flags of the punctuation between token i-1 and token i; gap[count]: after the last. */
  readonly gap: Uint16Array;
}

/** Each token's key: wordKey of its lower case ('×' is 'x'), a number's own text. For phrases and tests, not the hot path. */
export function tokenKeys(tokens: Tokens): string[] {
  const keys: string[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const raw = tokens.text.slice(tokens.start[t], tokens.end[t]);
    keys.push(tokens.id[t] === NUMBER_ID ? raw : raw === '\u00d7' ? 'x' : wordKey(raw.toLowerCase()));
  }
  return keys;
}

/** A lower-case word as the reader compares it: plurals written as their singular. */
export function wordKey(lower: string): string {
  const shape = keyShape(lower, 0, lower.length);
  const kept = shape >> 2;
  if (kept === lower.length) return lower;
  const tail = shape & 3;
  return lower.slice(0, kept) + (tail === KEY_TAIL_E ? 'e' : tail === KEY_TAIL_Y ? 'y' : '');
}

/** What keyShape says follows the kept characters. */
const KEY_TAIL_NONE = 0;
const KEY_TAIL_E = 1;
const KEY_TAIL_Y = 2;

/**
 * wordKey of the lower-case word text[s..e) without making a string: how many
 * of its characters the key keeps (first) times 4, plus the letter added after
 * them (KEY_TAIL_*). The one definition of the plural rules, for wordKey and for
 * comparing a note's words with a site's in place.
 */
function keyShape(text: string, s: number, e: number): number {
  const n = e - s;
  // 'aks' → 'ak', 'sks' → 'sk'.
  if (n < 4) return (n === 3 && (endsAt(text, s, e, 'aks') || endsAt(text, s, e, 'sks')) ? 2 : n) << 2;
  const last = text.charCodeAt(e - 1);
  if (last === 101 /* e */ && text.charCodeAt(e - 2) === 97 /* a */) return (n - 1) << 2; // verrucae, axillae
  if (last !== 115 /* s */) return n << 2;
  if (endsAt(text, s, e, 'sis')) return ((n - 2) << 2) | KEY_TAIL_E; // keratosis → keratose
  if (endsAt(text, s, e, 'ss') || endsAt(text, s, e, 'us') || endsAt(text, s, e, 'is')) return n << 2;
  if (n >= 5 && endsAt(text, s, e, 'ies')) return ((n - 3) << 2) | KEY_TAIL_Y; // biopsies → biopsy
  if (
    endsAt(text, s, e, 'ches') ||
    endsAt(text, s, e, 'shes') ||
    endsAt(text, s, e, 'xes') ||
    endsAt(text, s, e, 'zes')
  )
    return (n - 2) << 2;
  return (n - 1) << 2; // sutures, keratoses → keratose, margins
}

/** text[s..e) ends with `suffix`. */
function endsAt(text: string, s: number, e: number, suffix: string): boolean {
  return e - s >= suffix.length && text.startsWith(suffix, e - suffix.length);
}

/** Whether the lower-case word text[s..e) has the key `key` (wordKey(text.slice(s, e)) === key), without making a string. */
export function hasWordKey(text: string, s: number, e: number, key: string): boolean {
  const shape = keyShape(text, s, e);
  const kept = shape >> 2;
  const tail = shape & 3;
  if (key.length !== kept + (tail === KEY_TAIL_NONE ? 0 : 1)) return false;
  for (let i = 0; i < kept; i++) if (text.charCodeAt(s + i) !== key.charCodeAt(i)) return false;
  if (tail === KEY_TAIL_E) return key.charCodeAt(kept) === 101;
  if (tail === KEY_TAIL_Y) return key.charCodeAt(kept) === 121;
  return true;
}

/** Every surface form whose key is `key` (the inverse of wordKey), for the trie. */
export function surfaceForms(key: string): string[] {
  const candidates = [key, `${key}s`, `${key}es`, `${key}e`];
  if (key.endsWith('y')) candidates.push(`${key.slice(0, -1)}ies`);
  if (key.endsWith('se')) candidates.push(`${key.slice(0, -2)}sis`);
  if (key === 'ak' || key === 'sk') candidates.push(`${key}s`);
  return [...new Set(candidates)].filter((form) => wordKey(form) === key);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Letters of any script; ASCII punctuation, general punctuation, symbols and emoji are not. */
function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, dashes, quotes, arrows, symbols
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and the like
  if (c >= 0xfe00 && c <= 0xfe6f) return false;
  if (c >= 0xfeff && c <= 0xff20) return false;
  return true;
}

const isSpaceCode = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 11 ||
  c === 12 ||
  c === 0xa0 ||
  c === 0x85 ||
  c === 0x2028 ||
  c === 0x2029 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x3000 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x1680 ||
  c === 0xfeff;
const isLineBreakCode = (c: number) => c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
const isDashCode = (c: number) => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;

import { scratchFloat64, scratchInt32, scratchUint16 } from './scratch';

/** a–z then 0–9. */
const SYMBOLS = 36;

/** The vocabulary's words (all their surface forms) by character, for lookups without strings. */
export class WordTrie {
  /** Child of node k by symbol x at k * 36 + x, or -1. */
  next = new Int32Array(SYMBOLS * 64).fill(-1);
  /** Id of the word ending at node k, or -1. */
  terminal = new Int32Array(64).fill(-1);
  private nodes = 1;

  /** Adds a lower-case ASCII word (letters and digits) with its id; other words cannot be looked up and are skipped. */
  add(word: string, id: number): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const symbol = symbolOf(word.charCodeAt(i));
      if (symbol < 0) return;
      let child = this.next[node * SYMBOLS + symbol]!;
      if (child < 0) {
        child = this.grow();
        this.next[node * SYMBOLS + symbol] = child;
      }
      node = child;
    }
    this.terminal[node] = id;
  }

  private grow(): number {
    if (this.nodes === this.terminal.length) {
      const next = new Int32Array(this.next.length * 2).fill(-1);
      next.set(this.next);
      this.next = next;
      const terminal = new Int32Array(this.terminal.length * 2).fill(-1);
      terminal.set(this.terminal);
      this.terminal = terminal;
    }
    return this.nodes++;
  }

  /** The child of a node by a character code (either case), or -1. */
  step(node: number, code: number): number {
    if (node < 0) return -1;
    const symbol = symbolOf(code);
    return symbol < 0 ? -1 : this.next[node * SYMBOLS + symbol]!;
  }

  idAt(node: number): number {
    return node < 0 ? UNKNOWN_ID : this.terminal[node]!;
  }
}

function symbolOf(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 48 && c <= 57) return 26 + c - 48;
  return -1;
}

/**
 * Splits text into tokens in one pass, linear in the text's length. Words get
 * their id in `trie` (UNKNOWN_ID outside it); a '.' right after a word of
 * `abbreviationIds` ends no sentence ('Dr.').
 */
export function tokenize(text: string, trie: WordTrie, abbreviationIds: ReadonlySet<number>): Tokens {
  const n = text.length;
  // At most one token per two characters, plus one ('a b c'): never grown. Reused between notes (scratch.ts).
  const capacity = (n >> 1) + 2;
  const out = new TokenWriter(capacity);
  const ids = out.ids;
  const trieNext = trie.next;
  const trieTerminal = trie.terminal;

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (
      isDigit(c) ||
      (c === 46 &&
        isDigit(next) &&
        !(i > 0 && (isDigit(text.charCodeAt(i - 1)) || isLetterCode(text.charCodeAt(i - 1)))))
    ) {
      const s = i;
      let value = 0;
      if (c !== 46) {
        while (i < n && isDigit(text.charCodeAt(i))) value = value * 10 + (text.charCodeAt(i++) - 48);
      }
      if (i + 1 < n && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        i++;
        let fraction = 0;
        let scale = 1;
        while (i < n && isDigit(text.charCodeAt(i))) {
          fraction = fraction * 10 + (text.charCodeAt(i++) - 48);
          scale *= 10;
        }
        value += fraction / scale;
      }
      // '1,2' or '1,000': a decimal comma or a thousands separator; either way not a number to measure with.
      while (i + 1 < n && text.charCodeAt(i) === 44 && isDigit(text.charCodeAt(i + 1))) {
        value = NaN;
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      out.push(s, i, NUMBER_ID, value);
      continue;
    }
    if (isLetterCode(c)) {
      const s = i;
      // Walk the trie as the word is scanned: its node at the end names the word, if the vocabulary has it.
      let node = 0;
      while (i < n) {
        const ch = text.charCodeAt(i);
        let symbol: number;
        if (ch >= 97 && ch <= 122) symbol = ch - 97;
        else if (ch >= 65 && ch <= 90) symbol = ch - 65;
        else if (ch >= 128 && isLetterCode(ch)) symbol = -1;
        else break;
        node = node >= 0 && symbol >= 0 ? trieNext[node * SYMBOLS + symbol]! : -1;
        i++;
      }
      // 'LN2', 'C44': a word of two letters or more may end in digits; 'x2' is 'x' and 2.
      if (i - s >= 2) {
        while (i < n) {
          const ch = text.charCodeAt(i);
          if (!isDigit(ch)) break;
          node = node >= 0 ? trieNext[node * SYMBOLS + 26 + ch - 48]! : -1;
          i++;
        }
      }
      out.push(s, i, node >= 0 ? trieTerminal[node]! : UNKNOWN_ID, NaN);
      continue;
    }
    if (c === 0xd7) {
      // '×' between dimensions reads as 'x'.
      out.push(i, i + 1, trie.idAt(trie.step(0, 120)), NaN);
      i++;
      continue;
    }
    if (isLineBreakCode(c)) out.gap |= GAP_LINE_BREAK;
    else if (c === 59) out.gap |= GAP_SENTENCE_END;
    else if (c === 46) {
      if (next === -1 || isSpaceCode(next)) {
        const abbreviation = out.lastEnd === i && out.count > 0 && abbreviationIds.has(ids[out.count - 1]!);
        if (!abbreviation) out.gap |= GAP_SENTENCE_END;
      }
    } else if (c === 44) out.gap |= GAP_COMMA;
    else if (c === 58) {
      if (!(i > 0 && isDigit(text.charCodeAt(i - 1)) && isDigit(next))) out.gap |= GAP_COLON;
    } else if (isDashCode(c)) out.gap |= GAP_DASH;
    else if (c === 37) out.gap |= GAP_PERCENT;
    i++;
  }
  return out.finish(text);
}

/** The token arrays being filled (reused between notes, scratch.ts). A class: a closure made per note cost more than its tokens. */
class TokenWriter {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ids: Int32Array;
  readonly values: Float64Array;
  readonly gaps: Uint16Array;
  count = 0;
  /** Gap flags seen since the last token. */
  gap = 0;
  lastEnd = -1;

  constructor(capacity: number) {
    this.starts = scratchInt32('token.start', capacity);
    this.ends = scratchInt32('token.end', capacity);
    this.ids = scratchInt32('token.id', capacity);
    this.values = scratchFloat64('token.value', capacity);
    this.gaps = scratchUint16('token.gap', capacity + 1);
  }

  push(s: number, e: number, id: number, value: number): void {
    const count = this.count;
    this.gaps[count] = this.gap | (s === this.lastEnd ? GAP_NONE : 0);
    this.gap = 0;
    this.starts[count] = s;
    this.ends[count] = e;
    this.ids[count] = id;
    this.values[count] = value;
    this.count = count + 1;
    this.lastEnd = e;
  }

  finish(text: string): Tokens {
    const { count } = this;
    this.gaps[count] = this.gap;
    return {
      text,
      count,
      start: this.starts.subarray(0, count),
      end: this.ends.subarray(0, count),
      id: this.ids.subarray(0, count),
      value: this.values.subarray(0, count),
      gap: this.gaps.subarray(0, count + 1),
    };
  }
}
