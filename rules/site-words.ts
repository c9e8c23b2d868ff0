/**
 * A site's words as the note reader compares them (docs/note.md): lower case, punctuation
 * ignored, `L`/`Lt` written `left`, `R`/`Rt` `right`, `bilat` `bilateral`.
 * Used to tie a note's procedure block to a line (every word of the site in the
 * block) and to compare two lines' sites (same-site-distinct-modifier). Linear,
 * no regular expression over the text beyond a fixed character class.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = { l: 'left', lt: 'left', r: 'right', rt: 'right', bilat: 'bilateral' };

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
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
      words.push(ABBREVIATIONS[word] ?? word);
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
