/**
 * Does a dismissal comment repeat what the patient banner shows? Run by the
 * content script on the worker's question, with the banner read then and there
 * (the adapter's patientBanner); only the yes or no leaves the page. See
 * lib/comment-check.ts for the rest of the comment checks.
 */
import type { BannerFacts } from '../adapters/types';

/** Words and numbers of a text, lower case: letters and digits of any script. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The banner's identifying words: the name's words (two letters or more), the MRN (whole, and
 * its digits), the year of birth. Its labels, the payer and the rest are left out, so a comment
 * about "Medicare policy" is not refused.
 */
export function bannerTokens(facts: BannerFacts): Set<string> {
  const tokens = new Set<string>();
  for (const w of wordsOf(facts.name ?? '')) if (w.length >= 2 && !/^\d+$/.test(w)) tokens.add(w);
  for (const w of wordsOf(facts.mrn ?? '')) {
    if (w.length >= 3) tokens.add(w);
    const digits = w.replace(/^\D+/, '');
    if (digits.length >= 3) tokens.add(digits);
  }
  for (const w of wordsOf(facts.dob ?? '')) if (/^\d{4}$/.test(w)) tokens.add(w);
  return tokens;
}

/** Whether the comment contains one of the banner's identifying words (whole words, any case). */
export function containsBannerText(comment: string, tokens: ReadonlySet<string>): boolean {
  if (tokens.size === 0) return false;
  for (const w of wordsOf(comment)) {
    if (tokens.has(w)) return true;
    // "#0048213" or "MRN0048213": the number inside a word.
    const digits = w.replace(/^\D+/, '');
    if (digits !== w && digits.length >= 3 && tokens.has(digits)) return true;
  }
  return false;
}
