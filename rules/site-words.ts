/**
 * A site's words as the note reader compares them (docs/note.md): lower case, punctuation
 * ignored, `L`/`Lt` written `left`, `R`/`Rt` `right`, `bilat` `bilateral`.
 * Used to tie a note's procedure block to a line (every word of the site in the
 * block) and to compare two lines' sites (same-site-distinct-modifier). Linear,
 * no regular expression over the text beyond a fixed character class.
 */
// A Map, not an object: a site word is never looked up among Object's own names ('constructor').
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['l', 'left'],
  ['lt', 'left'],
  ['r', 'right'],
  ['rt', 'right'],
  ['bilat', 'bilateral'],
]);

/** A character of a site word once the text is in lower case. */
export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
}

/** The word siteWords writes for the lower-case word text[s..e) when it is an abbreviation ('lt' → 'left'), or undefined; no string made. */
export function abbreviationAt(text: string, s: number, e: number): string | undefined {
  if (e - s > 5) return undefined;
  for (const [short, long] of ABBREVIATIONS) if (short.length === e - s && text.startsWith(short, s)) return long;
  return undefined;
}

/** 'L. nasal ala, Rt-side' → ['left', 'nasal', 'ala', 'right', 'side']. */
export function siteWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && isWordChar(lower.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      const word = lower.slice(start, i);
      words.push(ABBREVIATIONS.get(word) ?? word);
      start = -1;
    }
  }
  return words;
}

/** A site's words as one key: two sites are the same when their keys are ('' for no words). */
export function siteKey(text: string | undefined): string {
  return text ? siteWords(text).join(' ') : '';
}

/** Two sites are the same when their words are equal in order ('left cheek' ≠ 'left medial cheek'). */
export function sameSite(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const wa = siteWords(a);
  const wb = siteWords(b);
  return wa.length > 0 && wa.length === wb.length && wa.every((w, i) => w === wb[i]);
}
