/**
 * dx-invalid — a diagnosis that is not a valid billable ICD-10-CM code.
 * Source: ICD-10-CM Official Guidelines for Coding and Reporting, Section I.B.2
 * (a code is invalid unless coded to the full number of characters it
 * requires); the CMS/NCHS code set of the year (context.icd): the one in force
 * on the encounter's dateOfService, which run() picks among the fiscal years
 * it is given (rules/icd10cm/fiscal.ts). Messages and references name it.
 *
 * Only codes the code table can decide are judged: a category the table does
 * not ship is 'undecided' and never fires (RULES.md section 4).
 */
import { displayIcd, isIcdShaped, normalizeIcd } from '../codes';
import type { IcdCodeSet } from '../icd10cm/types';
import { defineRule } from '../types';

/** Billable codes named in a fix. */
const SUGGESTIONS = 3;

const orList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
const andList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const where = (positions: readonly number[]) => `${positions.length === 1 ? 'diagnosis' : 'diagnoses'} ${andList(positions.map(String))}`;

const messages = {
  header: (code: string, positions: number[]) => `${code} (${where(positions)}) is a category that needs more characters, not a billable code.`,
  unknown: (code: string, positions: number[], codeSet: string) => `${code} (${where(positions)}) is not a valid ${codeSet} code.`,
  /** Not shaped like a code: named by its place, never quoted (it may hold anything the page shows). */
  malformed: (positions: number[]) => {
    const what = where(positions);
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} ${positions.length === 1 ? 'is not a valid ICD-10-CM code' : 'are not valid ICD-10-CM codes'}.`;
  },
  blank: (positions: number[]) => `${positions.length === 1 ? 'Diagnosis' : 'Diagnoses'} ${andList(positions.map(String))} ${positions.length === 1 ? 'is' : 'are'} blank.`,
  fixAllOf: (codes: string[]) => (codes.length === 1 ? `Use ${codes[0]}, if the note documents it.` : `Use the billable code the note documents: ${orList(codes)}.`),
  fixSomeOf: (codes: string[]) => `Use a billable code, e.g. ${orList(codes)}, as the note documents.`,
  fixMalformed: () => 'Enter the complete ICD-10-CM code from the note: a letter, a digit, then one to five letters or digits (e.g. L57.0).',
  fixBlank: () => 'Enter the ICD-10-CM code of that diagnosis, or remove the empty entry.',
  reference: (codeSet: string) => `ICD-10-CM Official Guidelines, Section I.B.2 (code to the highest specificity); ${codeSet} code set (CMS/NCHS)`,
};

/** Billable codes to offer for an invalid code: those below it, else those below its longest billable-bearing prefix. */
function suggestionsFor(code: string, icd: IcdCodeSet): { codes: string[]; more: boolean; below: boolean } {
  const none = { codes: [], more: false, below: false };
  if (!icd.suggestions || !/^[A-Z][0-9A-Z]{2,6}$/.test(code)) return none;
  for (let length = code.length; length >= 3; length--) {
    const found = icd.suggestions(code.slice(0, length), SUGGESTIONS + 1);
    if (found.length > 0) {
      return { codes: found.slice(0, SUGGESTIONS), more: found.length > SUGGESTIONS, below: length === code.length };
    }
  }
  return none;
}

export default defineRule({
  meta: {
    id: 'dx-invalid',
    summary: 'A diagnosis is not a valid billable ICD-10-CM code (a category that needs more characters, or no code at all).',
    severity: 'error',
    reference: 'ICD-10-CM Official Guidelines, Section I.B.2 (code to the highest specificity); CMS ICD-10-CM code set in force',
    description:
      'Once per distinct diagnosis of the encounter (when a line is on the claim) that the ICD-10-CM table finds malformed, a category or subcategory that needs more characters (L57, C44.31, D22, L72.1), or not in the code set. The code set is the one in force on the dateOfService (each fiscal year from 1 October: the shipped FY2026, or a year imported in options), and the finding\'s reference names it; without a dateOfService, the set in force on the day the extension checks (the command line: the newest set). Codes of categories the table does not ship (external causes V00–Y99 in the shipped set) are never judged.',
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
    const reference = messages.reference(icd.name);
    const reports = [];
    for (const [code, at] of positions) {
      if (icd.status(code) !== 'invalid') continue;
      if (code === '') {
        reports.push({ line: null, message: messages.blank(at), fix: messages.fixBlank(), reference });
        continue;
      }
      const offer = suggestionsFor(code, icd);
      // Shaped like a code: a category, or not in this year's set; otherwise not a code at all, named by its place.
      const message = !isIcdShaped(code)
        ? messages.malformed(at)
        : offer.below
          ? messages.header(displayIcd(code), at)
          : messages.unknown(displayIcd(code), at, icd.name);
      const codes = offer.codes.map(displayIcd);
      const fix = codes.length === 0 ? messages.fixMalformed() : offer.more ? messages.fixSomeOf(codes) : messages.fixAllOf(codes);
      reports.push({ line: null, message, fix, reference });
    }
    return reports;
  },
});
