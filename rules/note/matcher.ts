/**
 * Phrase matching over tokens: whole words by vocabulary id, '…' for up to five
 * words. Phrases are compiled once into lists by their first word's id, so
 * matching at a token costs an array lookup and a few comparisons: linear in the note.
 */
import type { Tokens } from './tokens';
import { idOf, phraseKeys, VOCABULARY } from './vocab';

/** '…' in a phrase: up to this many words. */
const GAP_WORDS = 5;
const GAP = -100;

export interface Pattern {
  /** Index of the phrase's kind in the matcher's kinds. */
  readonly kind: number;
  readonly elements: Int32Array;
}

/** A phrase's word ids, with GAP for '…'. Throws on a word outside the vocabulary (a table bug). */
function compile(phrase: string): Int32Array {
  const elements: number[] = [];
  phrase.split('…').forEach((part, index) => {
    if (index > 0) elements.push(GAP);
    for (const key of phraseKeys(part)) {
      const id = idOf(key);
      if (id < 0) throw new Error(`phrase word not in the vocabulary: ${key} (${phrase})`);
      elements.push(id);
    }
  });
  if (elements.length === 0 || elements[0] === GAP) throw new Error(`phrase must start with a word: ${phrase}`);
  return Int32Array.from(elements);
}

export class PhraseMatcher<K> {
  readonly kinds: readonly K[];
  /** The most phrases that start with one word: at most this many matches at a token. */
  readonly maxPerWord: number;
  private readonly byFirst: (Pattern[] | undefined)[] = new Array<Pattern[] | undefined>(VOCABULARY.length);

  constructor(entries: Iterable<readonly [K, string]>) {
    const kinds: K[] = [];
    for (const [kind, phrase] of entries) {
      let k = kinds.indexOf(kind);
      if (k < 0) k = kinds.push(kind) - 1;
      const elements = compile(phrase);
      (this.byFirst[elements[0]!] ??= []).push({ kind: k, elements });
    }
    this.kinds = kinds;
    let most = 1;
    for (const list of this.byFirst) if (list && list.length > most) most = list.length;
    this.maxPerWord = most;
  }

  /**
   * Every phrase starting at token `at` and ending before `limit`: writes its kind
   * index and end (exclusive) as pairs into `out` (room for maxPerWord pairs); returns how many it found.
   */
  matchAt(tokens: Tokens, at: number, limit: number, out: Int32Array): number {
    const id = tokens.id[at]!;
    if (id < 0) return 0;
    const candidates = this.byFirst[id];
    if (!candidates) return 0;
    let found = 0;
    for (const pattern of candidates) {
      const end = matchFrom(tokens.id, pattern.elements, 1, at + 1, limit);
      if (end >= 0) {
        out[2 * found] = pattern.kind;
        out[2 * found + 1] = end;
        found++;
      }
    }
    return found;
  }
}

/** The end (exclusive) of a match of elements[e..] at token `at`, or -1. Gaps try 0–5 words, shortest first. */
function matchFrom(ids: Int32Array, elements: Int32Array, e: number, at: number, limit: number): number {
  if (e === elements.length) return at;
  const element = elements[e]!;
  if (element === GAP) {
    for (let skip = 0; skip <= GAP_WORDS && at + skip <= limit; skip++) {
      const end = matchFrom(ids, elements, e + 1, at + skip, limit);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (at >= limit || ids[at] !== element) return -1;
  return matchFrom(ids, elements, e + 1, at + 1, limit);
}
