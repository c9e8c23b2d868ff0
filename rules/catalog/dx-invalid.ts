/**
 * dx-invalid — a diagnosis that is not a valid billable ICD-10-CM code.
 * Source: ICD-10-CM Official Guidelines for Coding and Reporting, Section I.B.2
 * (a code is invalid unless coded to the full number of characters it
 * requires); the CMS/NCHS code set of the year (context.icd): the one in force
 * on the encounter's dateOfService, which run() picks among the fiscal years
 * it is given (rules/icd10cm/fiscal.ts). Messages and references name it.
 *
 * Only codes the code table can decide are judged: a category the table does
 * not ship is 'undecided' and never fires (docs/rules.md).
 */
import { displayIcd, isIcdShaped, normalizeIcd } from '../codes';
import type { IcdCodeSet } from '../icd10cm/types';
import { createRule } from '../types';

/** Billable codes named in a fix. */
const SUGGESTIONS = 3;

const orList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
const andList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const where = (positions: readonly number[]) =>
  `${positions.length === 1 ? 'diagnosis' : 'diagnoses'} ${andList(positions.map(String))}`;

const reference = (codeSet: string) =>
  `ICD-10-CM Official Guidelines, Section I.B.2 (code to the highest specificity); ${codeSet} code set (CMS/NCHS)`;
/** 'Diagnosis 3', 'Diagnoses 2 and 3': the start of a sentence. */
const Where = (positions: readonly number[]) =>
  `${positions.length === 1 ? 'Diagnosis' : 'Diagnoses'} ${andList(positions.map(String))}`;

const USE_BILLABLE = 'Use the billable code the note documents: {{codes}}.';
const ENTER_COMPLETE =
  'Enter the complete ICD-10-CM code from the note: a letter, a digit, then one to five letters or digits (e.g. L57.0).';
const UNKNOWN = '{{code}} ({{where}}) is not a valid {{codeSet}} code.';
/** Not shaped like a code: named by its place, never quoted (it may hold anything the page shows). */
const MALFORMED_TITLE = 'Enter a valid ICD-10-CM code';
const BLANK_TITLE = 'Enter or remove the blank dx';
const BLANK_FIX = 'Enter the ICD-10-CM code of that diagnosis, or remove the empty entry.';

const messages = {
  header: {
    message: '{{code}} ({{where}}) is a category that needs more characters, not a billable code.',
    title: 'Use a full code, not {{code}}',
    fix: USE_BILLABLE,
  },
  unknown: { message: UNKNOWN, title: 'Not a valid code: fix {{code}}', fix: USE_BILLABLE },
  /** Shaped like a code, but no billable code shares a category with it. */
  unknownNoMatch: { message: UNKNOWN, title: 'Not a valid code: fix {{code}}', fix: ENTER_COMPLETE },
  malformed: { message: '{{where}} is not a valid ICD-10-CM code.', title: MALFORMED_TITLE, fix: ENTER_COMPLETE },
  malformedMany: { message: '{{where}} are not valid ICD-10-CM codes.', title: MALFORMED_TITLE, fix: ENTER_COMPLETE },
  blank: { message: '{{where}} is blank.', title: BLANK_TITLE, fix: BLANK_FIX },
  blankMany: { message: '{{where}} are blank.', title: BLANK_TITLE, fix: BLANK_FIX },
} as const;

/** Billable codes to offer for an invalid code: those below it, else those below its longest billable-bearing prefix. */
function suggestionsFor(
  code: string,
  icd: IcdCodeSet,
): { codes: string[]; more: boolean; below: boolean; category: string } {
  const none = { codes: [], more: false, below: false, category: '' };
  if (!icd.suggestions || !/^[A-Z][0-9A-Z]{2,6}$/.test(code)) return none;
  for (let length = code.length; length >= 3; length--) {
    const found = icd.suggestions(code.slice(0, length), SUGGESTIONS + 1);
    if (found.length > 0) {
      return {
        codes: found.slice(0, SUGGESTIONS),
        more: found.length > SUGGESTIONS,
        below: length === code.length,
        category: code.slice(0, length),
      };
    }
  }
  return none;
}

export default createRule({
  meta: {
    id: 'dx-invalid',
    summary:
      'A diagnosis is not a valid billable ICD-10-CM code (a category that needs more characters, or no code at all).',
    severity: 'error',
    reference:
      'ICD-10-CM Official Guidelines, Section I.B.2 (code to the highest specificity); CMS ICD-10-CM code set in force',
    description:
      "Once per distinct diagnosis of the encounter (when a line is on the claim) that the ICD-10-CM table finds malformed, a category or subcategory that needs more characters (L57, C44.31, D22, L72.1), or not in the code set. The code set is the one in force on the dateOfService (each fiscal year from 1 October: the shipped FY2026, or a year imported in options), and the finding's reference names it; without a dateOfService, the set in force on the day the extension checks (the command line: the newest set). Codes of categories the table does not ship (external causes V00–Y99 in the shipped set) are never judged.",
    messages,
  },
  check({ encounter, icd, diagnoses }) {
    // Most encounters' codes are all valid: judge them before gathering where each one stands.
    if (!diagnoses.some((code) => icd.status(code) === 'invalid')) return [];
    // Diagnoses by their dotless code: a code listed twice is reported once.
    const positions = new Map<string, number[]>();
    encounter.diagnoses.forEach((d, i) => {
      const code = normalizeIcd(d.code);
      const list = positions.get(code);
      if (list) list.push(i + 1);
      else positions.set(code, [i + 1]);
    });
    const ref = reference(icd.name);
    // No one-click fix: which billable code is right is for the note to say, and diagnoses are no action a suggestion takes.
    const reports = [];
    for (const [code, at] of positions) {
      if (icd.status(code) !== 'invalid') continue;
      const many = at.length > 1;
      if (code === '') {
        reports.push({
          line: null,
          field: 'dx' as const,
          reference: ref,
          messageId: many ? ('blankMany' as const) : ('blank' as const),
          data: { where: Where(at) },
        });
        continue;
      }
      // Shaped like a code: a category, or not in this year's set; otherwise not a code at all, named by its place.
      if (!isIcdShaped(code)) {
        reports.push({
          line: null,
          field: 'dx' as const,
          reference: ref,
          messageId: many ? ('malformedMany' as const) : ('malformed' as const),
          data: { where: Where(at) },
        });
        continue;
      }
      const offer = suggestionsFor(code, icd);
      const shown = displayIcd(code);
      const place = where(at);
      if (offer.codes.length === 0) {
        reports.push({
          line: null,
          field: 'dx' as const,
          reference: ref,
          messageId: 'unknownNoMatch' as const,
          data: { code: shown, where: place, codeSet: icd.name },
        });
        continue;
      }
      const listed = offer.codes.map(displayIcd);
      const codes = offer.more ? `${listed.join(', ')} or another ${displayIcd(offer.category)} code` : orList(listed);
      reports.push(
        offer.below
          ? {
              line: null,
              field: 'dx' as const,
              reference: ref,
              messageId: 'header' as const,
              data: { code: shown, where: place, codes },
            }
          : {
              line: null,
              field: 'dx' as const,
              reference: ref,
              messageId: 'unknown' as const,
              data: { code: shown, where: place, codeSet: icd.name, codes },
            },
      );
    }
    return reports;
  },
});
