/**
 * The reader's vocabulary: every word of the phrase table (phrases.ts), each
 * with a small id, and a trie of all their singular and plural forms so the
 * tokenizer finds a word's id while scanning it. Words outside the vocabulary
 * are all UNKNOWN_ID: no rule needs to tell them apart.
 */
import * as P from './phrases';
import { tokenize, tokenKeys, surfaceForms, WordTrie, UNKNOWN_ID } from './tokens';

const NO_WORDS = new WordTrie();
const NO_ABBREVIATIONS: ReadonlySet<number> = new Set();

/**
 * The keys of a phrase's words ('Steri-Strips' → ['steri', 'strip']), without ids.
 * The phrase is copied into a fresh flat string first: slices of the table's
 * strings (a '…' makes them two-byte) would teach the tokenizer's compiled code
 * string shapes that notes never have, and it reads notes three times slower after.
 */
export function phraseKeys(phrase: string): string[] {
  const flat = JSON.parse(JSON.stringify(phrase)) as string;
  return tokenKeys(tokenize(flat, NO_WORDS, NO_ABBREVIATIONS));
}

function collectWords(): string[] {
  const lists: (readonly string[])[] = [
    ...Object.values(P.TECHNIQUE_PHRASES),
    ...Object.values(P.CLOSURE_PHRASES),
    ...Object.values(P.COUNT_TERMS),
    P.PUNCH_BIOPSY_SENTENCE_WORDS,
    [P.PUNCH_WORD],
    P.NEGATORS,
    P.NEGATION_ENDERS,
    P.NEGATING_VALUES,
    P.PLANNED_WORDS,
    P.PAST_WORDS,
    P.PATHOLOGY_WORDS,
    P.PATHOLOGY_RESULT_WORDS,
    P.PROCEDURE_LABELS,
    P.SKIP_LABELS,
    [P.HEMOSTASIS_LABEL],
    [P.MARGIN_LABEL_LAST_WORD, P.SIZE_LABEL_LAST_WORD],
    Object.keys(P.LENGTH_UNITS),
    P.DIMENSION_WORDS,
    P.RANGE_WORDS,
    [P.EXCISED_DIAMETER, P.MARGIN_WORD, P.MARGIN_OF],
    P.SIZE_SENTENCE_WORDS,
    P.NOT_LESION_SIZE_WORDS,
    P.NUMBER_WORDS,
    P.ORDINAL_WORDS,
    P.ORDINAL_SUFFIXES,
    P.SKIN_TAG_REMOVAL_WORDS,
    P.VAGUE_QUANTITY_WORDS,
    P.CYCLE_WORDS,
    [P.STAGE_WORD],
    P.BLOCK_PHRASES,
    P.PATHOLOGIST_WORDS,
    P.PATHOLOGIST_SUBJECT_WORDS,
    P.PATHOLOGIST_EXCLUDING_WORDS,
    P.SURGEON_WORDS,
    P.READING_WORDS,
    P.ABBREVIATIONS,
  ];
  const words = new Set<string>();
  for (const list of lists)
    for (const phrase of list)
      for (const key of phraseKeys(phrase.replace(/…/g, ' '))) if (!/^\d/.test(key)) words.add(key);
  return [...words];
}

/** Every word the reader knows, by id. */
export const VOCABULARY: readonly string[] = collectWords();
const ID_OF = new Map(VOCABULARY.map((word, id) => [word, id]));

const TRIE = new WordTrie();
VOCABULARY.forEach((word, id) => {
  for (const form of surfaceForms(word)) TRIE.add(form, id);
});

/** The id of a word (any form), or UNKNOWN_ID. */
export function idOf(word: string): number {
  const keys = phraseKeys(word);
  return keys.length === 1 ? (ID_OF.get(keys[0]!) ?? UNKNOWN_ID) : UNKNOWN_ID;
}

/** A lookup table by id: 1 for the words given. */
export function idFlags(words: readonly string[]): Uint8Array {
  const flags = new Uint8Array(VOCABULARY.length);
  for (const word of words) {
    const id = idOf(word);
    if (id === UNKNOWN_ID) throw new Error(`not in the vocabulary: ${word}`);
    flags[id] = 1;
  }
  return flags;
}

/** A lookup table by id of numbers (0 for none). */
export function idValues(values: Readonly<Record<string, number>>): Float64Array {
  const table = new Float64Array(VOCABULARY.length);
  for (const [word, value] of Object.entries(values)) table[idOf(word)] = value;
  return table;
}

const ABBREVIATION_IDS: ReadonlySet<number> = new Set(P.ABBREVIATIONS.map(idOf));

/** The note's tokens with vocabulary ids. */
export function tokenizeNote(text: string) {
  return tokenize(text, TRIE, ABBREVIATION_IDS);
}
