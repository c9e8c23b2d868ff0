/**
 * The note's words and numbers, in one pass over its characters (no regular
 * expression), with the punctuation between them kept as flags: what sentences,
 * labels, negation scopes and ranges are made of (RULES.md 6.1).
 *
 * Words are compared by `wordKey`: lower case, a plural written as its singular
 * ('sutures' → 'suture', 'biopsies' → 'biopsy', 'keratoses'/'keratosis' →
 * 'keratose', 'verrucae' → 'verruca', 'AKs' → 'ak'), so a phrase matches singular
 * and plural alike and never inside another word ('no' is not in 'nose').
 */
import { ABBREVIATIONS } from './phrases';

/** Punctuation seen between two tokens. */
export const GAP_COMMA = 1;
/** A ':' that can end a label (not the one of '10:30'). */
export const GAP_COLON = 2;
/** '.' followed by whitespace or the end, or ';'. */
export const GAP_SENTENCE_END = 4;
export const GAP_LINE_BREAK = 8;
/** '-' or a dash ('2-3 mm'). */
export const GAP_DASH = 16;
export const GAP_PERCENT = 32;
/** Nothing at all between the two tokens ('4mm', '1st'). */
export const GAP_NONE = 64;
export const ENDS_SENTENCE = GAP_SENTENCE_END | GAP_LINE_BREAK;

export interface Tokens {
  readonly text: string;
  readonly count: number;
  /** Character offsets of each token in the text. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 for a number ('12', '1.2', '.5'). */
  readonly isNumber: Uint8Array;
  /** A number's value; NaN for a word or an ambiguous number ('1,2'). */
  readonly value: Float64Array;
  /** A word's key (wordKey of its lower case); a number's own text. */
  readonly key: readonly string[];
  /** gap[i]: flags of the punctuation between token i-1 and token i; gap[count]: after the last. */
  readonly gap: Uint16Array;
}

const SHORT_PLURALS: Readonly<Record<string, string>> = { aks: 'ak', sks: 'sk' };

/** A lower-case word as the reader compares it: plurals written as their singular. */
export function wordKey(lower: string): string {
  const n = lower.length;
  if (n < 4) return SHORT_PLURALS[lower] ?? lower;
  const last = lower.charCodeAt(n - 1);
  if (last === 101 /* e */ && lower.charCodeAt(n - 2) === 97 /* a */) return lower.slice(0, -1); // verrucae, axillae
  if (last !== 115 /* s */) return lower;
  if (lower.endsWith('sis')) return lower.slice(0, -2) + 'e'; // keratosis → keratose
  if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return lower;
  if (n >= 5 && lower.endsWith('ies')) return lower.slice(0, -3) + 'y'; // biopsies → biopsy
  if (lower.endsWith('ches') || lower.endsWith('shes') || lower.endsWith('xes') || lower.endsWith('zes')) return lower.slice(0, -2);
  return lower.slice(0, -1); // sutures, keratoses → keratose, margins
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Letters of any script; ASCII punctuation, general punctuation, symbols and emoji are not. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, dashes, quotes, arrows, symbols
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and the like
  if (c >= 0xfe00 && c <= 0xfe6f) return false;
  if (c >= 0xfeff && c <= 0xff20) return false;
  return true;
}

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x85 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0xfeff;
const isLineBreakCode = (c: number) => c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
const isDashCode = (c: number) => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;

const abbreviations = new Set(ABBREVIATIONS);

/** Splits text into tokens in one pass. Linear in the text's length. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  const numbers: number[] = [];
  const values: number[] = [];
  const keys: string[] = [];
  const gaps: number[] = [];
  let gap = 0;
  let lastEnd = -1;

  const push = (s: number, e: number, isNumber: boolean, value: number, key: string) => {
    gaps.push(gap | (s === lastEnd ? GAP_NONE : 0));
    gap = 0;
    starts.push(s);
    ends.push(e);
    numbers.push(isNumber ? 1 : 0);
    values.push(value);
    keys.push(key);
    lastEnd = e;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (isDigit(c) || (c === 46 && isDigit(next) && !(i > 0 && (isDigit(text.charCodeAt(i - 1)) || isLetterCode(text.charCodeAt(i - 1)))))) {
      const s = i;
      if (c === 46) i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (c !== 46 && i + 1 < n && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      let ambiguous = false;
      // '1,2' or '1,000': a decimal comma or a thousands separator; either way not a number to measure with.
      while (i + 1 < n && text.charCodeAt(i) === 44 && isDigit(text.charCodeAt(i + 1))) {
        ambiguous = true;
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      const raw = text.slice(s, i);
      push(s, i, true, ambiguous ? NaN : Number(raw), raw);
      continue;
    }
    if (isLetterCode(c)) {
      const s = i;
      while (i < n && isLetterCode(text.charCodeAt(i))) i++;
      // 'LN2', 'C44': a word of two letters or more may end in digits; 'x2' is 'x' and 2.
      if (i - s >= 2) while (i < n && isDigit(text.charCodeAt(i))) i++;
      push(s, i, false, NaN, wordKey(text.slice(s, i).toLowerCase()));
      continue;
    }
    if (c === 0xd7) {
      push(i, i + 1, false, NaN, 'x'); // '×' between dimensions
      i++;
      continue;
    }
    if (isLineBreakCode(c)) gap |= GAP_LINE_BREAK;
    else if (c === 59) gap |= GAP_SENTENCE_END;
    else if (c === 46) {
      if (next === -1 || isSpaceCode(next)) {
        const abbreviation = lastEnd === i && keys.length > 0 && abbreviations.has(keys[keys.length - 1]!);
        if (!abbreviation) gap |= GAP_SENTENCE_END;
      }
    } else if (c === 44) gap |= GAP_COMMA;
    else if (c === 58) {
      if (!(i > 0 && isDigit(text.charCodeAt(i - 1)) && isDigit(next))) gap |= GAP_COLON;
    } else if (isDashCode(c)) gap |= GAP_DASH;
    else if (c === 37) gap |= GAP_PERCENT;
    i++;
  }
  gaps.push(gap);

  const count = starts.length;
  return {
    text,
    count,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    isNumber: Uint8Array.from(numbers),
    value: Float64Array.from(values),
    key: keys,
    gap: Uint16Array.from(gaps),
  };
}
