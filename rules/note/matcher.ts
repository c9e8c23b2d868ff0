/**
 * Phrase matching over tokens: whole words by key, '…' for up to five words.
 * Phrases are compiled once into lists by their first word, so matching at a
 * token costs a map lookup and a few comparisons: linear in the note.
 */
import { tokenize, type Tokens } from './tokens';

/** '…' in a phrase: up to this many words. */
export const GAP_WORDS = 5;
const GAP = null;

type Element = string | typeof GAP;

export interface Pattern<K> {
  readonly kind: K;
  readonly elements: readonly Element[];
}

/** A phrase's keys as the reader sees them, with null for '…'. */
export function phraseElements(phrase: string): Element[] {
  const elements: Element[] = [];
  phrase.split('…').forEach((part, index) => {
    if (index > 0) elements.push(GAP);
    const tokens = tokenize(part);
    for (let i = 0; i < tokens.count; i++) elements.push(tokens.key[i]!);
  });
  return elements;
}

export class PhraseMatcher<K> {
  private readonly byFirst = new Map<string, Pattern<K>[]>();

  constructor(entries: Iterable<readonly [K, string]>) {
    for (const [kind, phrase] of entries) {
      const elements = phraseElements(phrase);
      const first = elements[0];
      if (typeof first !== 'string') throw new Error(`phrase must start with a word: ${phrase}`);
      const list = this.byFirst.get(first) ?? [];
      list.push({ kind, elements });
      this.byFirst.set(first, list);
    }
  }

  /** Calls `found` for every phrase starting at token `at` and ending before `limit` (exclusive end). */
  matchAt(tokens: Tokens, at: number, limit: number, found: (kind: K, end: number) => void): void {
    const candidates = this.byFirst.get(tokens.key[at]!);
    if (!candidates) return;
    for (const pattern of candidates) {
      const end = matchFrom(tokens.key, pattern.elements, 0, at, limit);
      if (end >= 0) found(pattern.kind, end);
    }
  }

  /** Whether some phrase starts at `at` (ending before `limit`). */
  startsAt(tokens: Tokens, at: number, limit: number): boolean {
    let hit = false;
    this.matchAt(tokens, at, limit, () => (hit = true));
    return hit;
  }
}

/** The end (exclusive) of a match of elements[e..] at token `at`, or -1. Gaps try 0–5 words, shortest first. */
function matchFrom(keys: readonly string[], elements: readonly Element[], e: number, at: number, limit: number): number {
  if (e === elements.length) return at;
  const element = elements[e]!;
  if (element === GAP) {
    for (let skip = 0; skip <= GAP_WORDS && at + skip <= limit; skip++) {
      const end = matchFrom(keys, elements, e + 1, at + skip, limit);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (at >= limit || keys[at] !== element) return -1;
  return matchFrom(keys, elements, e + 1, at + 1, limit);
}

/** A set of single words or phrases, for 'does this sentence hold any of them'. */
export function phraseSet<K extends string>(kind: K, phrases: readonly string[]): [K, string][] {
  return phrases.map((p) => [kind, p]);
}
