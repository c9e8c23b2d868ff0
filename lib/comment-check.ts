/**
 * A dismissal comment is kept in the audit log (IndexedDB) and exported with
 * it, so it must not name the patient. These checks refuse a comment that looks
 * like an identifier: a run of five or more digits (an MRN, a phone or account
 * number; digits split by single spaces, dashes, dots or slashes count as one
 * run), a date in a common format, or a word the patient banner shows (name,
 * MRN, year of birth). The dismiss dialog runs them as the person types, the
 * worker again before it stores anything (it never trusts a page), and the
 * content script answers the banner question from the screen itself, so the
 * banner's text never leaves the page's memory.
 *
 * Untrusted text: one linear pass for the digits, and regular expressions without
 * nested quantifiers, none built from user text.
 */

// The banner check runs in the content script: kept in a module of its own, so the page's bundle carries only it.
export { bannerTokens, containsBannerText } from './banner-check';

export type CommentProblem = 'digits' | 'date' | 'banner';

export const COMMENT_PROBLEM_TEXT: Record<CommentProblem, string> = {
  digits:
    'Leave out numbers of five or more digits (an MRN, a phone or account number). The rule and the line’s code are recorded with the dismissal already.',
  date: 'Leave out dates: a birth date or a visit date identifies the patient.',
  banner: 'Leave out the patient’s name and other details from the patient banner.',
};

/** Longest run of digits, where single spaces, dashes, dots and slashes between digits do not break it. */
export function longestDigitRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      run++;
      if (run > longest) longest = run;
    } else if (run > 0 && (c === 32 || c === 45 || c === 46 || c === 47) && isDigit(text.charCodeAt(i + 1))) {
      // "123-45-6789", "00 12 34": one number written in parts.
    } else run = 0;
  }
  return longest;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

// Month names and days, written out in the two literals below (no regular expression is built at run time).
const DATE_PATTERNS: readonly RegExp[] = [
  // 2026-03-01, 2026/3/1
  /(?<![\d])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])/,
  // 03/01/2026, 3/1/26, 1.3.2026, 3-1-26
  /(?<![\d])\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?![\d])/,
  // 1 Mar 2026, 1st March, 01-Mar-2026
  /(?<![\p{L}\d])\d{1,2}(?:st|nd|rd|th)?[\s-]+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![\p{L}])/iu,
  // March 1, 2026; Mar 1 2026; March 1st
  /(?<![\p{L}])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s-]+\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\d])/iu,
];

/** Whether the comment holds a date in a common format. */
export function hasDate(text: string): boolean {
  return DATE_PATTERNS.some((p) => p.test(text));
}

/** What is wrong with a comment on its own (digits, a date), or null; the banner check needs the screen. */
export function identifierProblem(comment: string): CommentProblem | null {
  if (hasDate(comment)) return 'date';
  if (longestDigitRun(comment) >= 5) return 'digits';
  return null;
}

export type {};
