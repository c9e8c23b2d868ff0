/**
 * destruction-series — lesion counting within a destruction family is wrong.
 * Source: CPT guidelines for destruction of premalignant lesions (17000–17004) and
 * benign lesions (17110–17111) and for skin tag removal (11200–11201);
 * NCCI Policy Manual ch. III (integumentary system).
 */
import {
  DESTRUCTION_COUNTING,
  DESTRUCTION_FAMILIES,
  ONCE_PER_SESSION,
  type DestructionCounting,
  type DestructionFamily,
} from '../codes';
import type { ClaimIndex, ClaimLine } from '../context';
import type { FindingField, Suggestion } from '../schema';
import { codingLabel, recodeTo, removeLine, replaceCode, setUnits, suggest, type Coded } from '../suggest';
import { createRule, type MessageReport } from '../types';

/** The codes a lesion count calls for. */
function codingFor(counting: DestructionCounting, lesions: number): Coded[] {
  if (counting.bulk && counting.bulkFrom !== undefined && lesions >= counting.bulkFrom)
    return [{ code: counting.bulk, units: 1 }];
  const coded = [{ code: counting.first, units: 1 }];
  if (counting.addOn && lesions > counting.firstCovers) {
    coded.push({ code: counting.addOn, units: Math.ceil((lesions - counting.firstCovers) / (counting.addOnPer ?? 1)) });
  }
  return coded;
}

const lesionWord = (n: number) => (n === 1 ? '1 lesion' : `${n} lesions`);
const listCoded = (coded: readonly Coded[], joiner: string) => coded.map((c) => `${c.code} ×${c.units}`).join(joiner);
/** 'Report 17000 ×1 and 17003 ×7', 'Report 17110 alone'. */
const reportAs = (coded: readonly Coded[]) =>
  coded.length === 1 && coded[0]!.units === 1 ? `${coded[0]!.code} alone` : listCoded(coded, ' and ');

/** The counting rule of a family in words, for fixes when no lesion count is documented. */
function countingRule(c: DestructionCounting): string {
  const parts = [`${c.first} ×1 covers ${c.firstCovers === 1 ? 'the first lesion' : `up to ${c.firstCovers} lesions`}`];
  if (c.addOn) {
    const per = c.addOnPer === 1 ? 'each further lesion' : `each further ${c.addOnPer} lesions or part of them`;
    parts.push(
      `${c.addOn} adds one unit for ${per}${c.addOnMaxUnits !== undefined ? ` (at most ${c.addOnMaxUnits})` : ''}`,
    );
  }
  if (c.bulk) parts.push(`${c.bulk} alone covers ${c.bulkFrom} or more`);
  return `${parts.join('; ')}.`;
}

/** Each problem's message; its fix follows the documented count when there is one (the `…Counted` ids). */
const UNITS = '{{code}} is reported once per session, but this line bills {{units}} units.';
const REPEATED = '{{code}} is already reported on an earlier line; it is reported once per session.';
const ADD_ON_OVER = '{{addOn}} adds up to {{units}} units, but it covers at most {{max}} lesions beyond the first.';
const BULK_WITH_OTHERS =
  '{{bulk}} ({{bulkFrom}} or more lesions) is reported together with {{others}}, which it replaces.';
const COUNTED_TITLE = 'Bill {{bill}}';
const COUNTED_FIX = 'Report {{report}} for {{lesions}}.';

const messages = {
  units: { message: UNITS, title: 'Use {{code}} × 1, not × {{units}}', fix: 'Report {{code}} ×1: {{counting}}' },
  unitsCounted: { message: UNITS, title: COUNTED_TITLE, fix: COUNTED_FIX },
  repeated: {
    message: REPEATED,
    title: 'Bill {{code}} on one line only',
    fix: 'Report {{code}} on one line with one unit: {{counting}}',
  },
  repeatedCounted: { message: REPEATED, title: COUNTED_TITLE, fix: COUNTED_FIX },
  addOnOver: {
    message: ADD_ON_OVER,
    title: 'Use {{bulk}} alone for {{bulkFrom}}+',
    fix: 'Report {{bulk}} alone for {{bulkFrom}} or more lesions.',
  },
  addOnOverCounted: { message: ADD_ON_OVER, title: COUNTED_TITLE, fix: COUNTED_FIX },
  bulkWithOthers: {
    message: BULK_WITH_OTHERS,
    title: 'Bill {{bulk}} alone, or drop it',
    fix: 'Report {{bulk}} alone for {{bulkFrom}} or more lesions, or only {{series}} for fewer.',
  },
  bulkWithOthersCounted: { message: BULK_WITH_OTHERS, title: COUNTED_TITLE, fix: COUNTED_FIX },
  count: {
    message: 'The codes reported ({{coded}}) do not match the {{lesions}} documented.',
    title: COUNTED_TITLE,
    fix: COUNTED_FIX,
  },
} as const;

type Messages = typeof messages;
type Report = MessageReport<Messages>;
/** A problem found on a line, before the count decides its fix. */
type Problem =
  | { id: 'units'; data: { code: string; units: number; counting: string }; suggestions: Suggestion[] }
  | { id: 'repeated'; data: { code: string; counting: string }; suggestions: Suggestion[] }
  | {
      id: 'addOnOver';
      data: { addOn: string; units: number; max: number; bulk: string; bulkFrom: number };
      suggestions: Suggestion[];
    }
  | {
      id: 'bulkWithOthers';
      data: { bulk: string; bulkFrom: number; others: string; series: string };
      suggestions: Suggestion[];
    };

/** The count's words (what to bill, for how many lesions). */
type CountedData = { bill: string; report: string; lesions: string };

/**
 * What a problem's message says (its data less what only its own fix and title use), with the count's
 * words: with a documented count, the fix is the count's. Written out, not spread (a spread costs µs).
 */
function countedDataOf(problem: Problem, c: CountedData): Record<string, string | number> {
  switch (problem.id) {
    case 'units':
      return { code: problem.data.code, units: problem.data.units, bill: c.bill, report: c.report, lesions: c.lesions };
    case 'repeated':
      return { code: problem.data.code, bill: c.bill, report: c.report, lesions: c.lesions };
    case 'addOnOver':
      return {
        addOn: problem.data.addOn,
        units: problem.data.units,
        max: problem.data.max,
        bill: c.bill,
        report: c.report,
        lesions: c.lesions,
      };
    case 'bulkWithOthers':
      return {
        bulk: problem.data.bulk,
        bulkFrom: problem.data.bulkFrom,
        others: problem.data.others,
        bill: c.bill,
        report: c.report,
        lesions: c.lesions,
      };
  }
}

const FIELD: Record<Problem['id'] | 'count', FindingField | null> = {
  units: 'units',
  repeated: null,
  addOnOver: 'units',
  bulkWithOthers: 'code',
  count: 'units',
};

/** A code of this family is on the claim. */
function billed(onClaim: ClaimIndex, family: DestructionFamily, code: string | undefined): code is string {
  return code !== undefined && family.codes.has(code) && onClaim.linesOf(code).length > 0;
}

/**
 * The one-click fix that makes the family bill what the documented count calls for. Only when
 * no line is removed: the lesions documented on a removed line would leave the count with it.
 */
function countedSuggestions(lines: readonly ClaimLine[], expected: readonly Coded[]): Suggestion[] {
  const actions = recodeTo(lines, expected);
  return actions.some((a) => a.type === 'removeLine') ? [] : suggest(`Bill ${codingLabel(expected)}`, actions);
}

/** With no count documented, fixes are offered only while no line of the family documents lesions (a fix could not keep them right). */
const undocumented = (lines: readonly ClaimLine[]) => lines.every((l) => l.raw.lesions === undefined);

/**
 * A once-per-session code billed ×N, no count: one unit, where one unit is right whatever the units
 * meant; for the family's only line, a first code, also the coding N lesions take (its units may be lesions).
 */
function unitsSuggestions(
  line: ClaimLine,
  lines: readonly ClaimLine[],
  counting: DestructionCounting,
  plain: boolean,
): Suggestion[] {
  if (!plain) return [];
  const oneUnit = suggest(`Bill ${line.code} ×1`, setUnits(line, 1));
  if (line.code !== counting.first) return oneUnit; // a bulk code: its units never count lesions
  if (lines.length > 1) return line.units <= counting.firstCovers ? oneUnit : [];
  const asLesions = codingFor(counting, line.units);
  if (asLesions.length === 1 && asLesions[0]!.code === line.code) return oneUnit;
  return [...oneUnit, ...suggest(`Bill ${codingLabel(asLesions)}`, recodeTo([line], asLesions))];
}

/** A repeated once-per-session line, no count: remove it; a repeated 17000 may also be the second lesion, 17003 (when neither 17003 nor 17004 is billed). */
function repeatedSuggestions(
  line: ClaimLine,
  counting: DestructionCounting,
  plain: boolean,
  addOnBilled: boolean,
): Suggestion[] {
  if (!plain) return [];
  const out = suggest(`Remove this ${line.code} line`, removeLine(line));
  if (line.code === counting.first && counting.addOn && counting.addOnPer === 1 && !addOnBilled && line.units === 1) {
    out.push(...suggest(`Change this ${line.code} to ${counting.addOn}`, replaceCode(line, counting.addOn)));
  }
  return out;
}

/** What a family's fixes need, found once per family and only when one of its lines is flagged. */
interface FamilyWords {
  /** No line documents lesions: fixes may recode freely. */
  plain: boolean;
  addOnBilled: boolean;
  /** The counting rule in words. */
  rule: string;
  /** The repeated lines of a code share their words (the engine renders them once). */
  repeatedData: Map<string, { code: string; counting: string }>;
}

function familyWords(
  onClaim: ClaimIndex,
  family: DestructionFamily,
  counting: DestructionCounting,
  lines: readonly ClaimLine[],
): FamilyWords {
  return {
    plain: undocumented(lines),
    addOnBilled: billed(onClaim, family, counting.addOn) || billed(onClaim, family, counting.bulk),
    rule: countingRule(counting),
    repeatedData: new Map(),
  };
}

/** One finding per line: the first (most specific) problem found on it; the fix follows the documented count when there is one. */
class LineFindings {
  #found: Map<number, Report> | undefined;
  readonly #expected: readonly Coded[] | undefined;
  readonly #lesions: number | undefined;
  readonly #lines: readonly ClaimLine[];
  #counted: { data: CountedData; suggestions: Suggestion[] } | undefined | null = null;

  constructor(expected: readonly Coded[] | undefined, lesions: number | undefined, lines: readonly ClaimLine[]) {
    this.#expected = expected;
    this.#lesions = lesions;
    this.#lines = lines;
  }

  /** The fix that follows the count, made when first needed. */
  get counted() {
    if (this.#counted === null) {
      this.#counted =
        this.#expected && this.#lesions !== undefined
          ? {
              data: {
                bill: codingLabel(this.#expected),
                report: reportAs(this.#expected),
                lesions: lesionWord(this.#lesions),
              },
              suggestions: countedSuggestions(this.#lines, this.#expected),
            }
          : undefined;
    }
    return this.#counted;
  }

  flagged(line: ClaimLine): boolean {
    return this.#found !== undefined && this.#found.has(line.index);
  }

  flag(line: ClaimLine, problem: Problem): void {
    const counted = this.counted;
    const field = FIELD[problem.id];
    const report = counted
      ? {
          line: line.index,
          field,
          messageId: `${problem.id}Counted`,
          data: countedDataOf(problem, counted.data),
          suggestions: counted.suggestions,
        }
      : { line: line.index, field, messageId: problem.id, data: problem.data, suggestions: problem.suggestions };
    (this.#found ??= new Map()).set(line.index, report);
  }

  flagCount(line: ClaimLine, coded: string): void {
    const counted = this.counted!;
    (this.#found ??= new Map()).set(line.index, {
      line: line.index,
      field: FIELD.count,
      messageId: 'count',
      data: { coded, bill: counted.data.bill, report: counted.data.report, lesions: counted.data.lesions },
      suggestions: counted.suggestions,
    });
  }

  /** Adds the findings to `reports` (a family with none allocates nothing). */
  addTo(reports: Report[]): void {
    if (this.#found) for (const report of this.#found.values()) reports.push(report);
  }
}

export default createRule({
  meta: {
    id: 'destruction-series',
    summary: 'Lesions are counted wrongly within a destruction series (17000/17003/17004, 17110/17111, 11200/11201).',
    severity: 'error',
    reference:
      'CPT guidelines, destruction of premalignant and benign lesions, removal of skin tags; NCCI Policy Manual, ch. III',
    description:
      'A once-per-session code has more than one unit or line, 17003 adds up to more than 13 units, 17004 or 17111 is billed beside the codes it replaces, or the documented lesion count of a family disagrees with its codes (judged only when every line of the family documents its lesions and no add-on lacks its primary).',
    messages,
  },
  needs: [DESTRUCTION_FAMILIES.filter((f) => DESTRUCTION_COUNTING[f.id]).map((f) => f.codes)],
  check({ onClaim }) {
    const reports: Report[] = [];
    for (const family of DESTRUCTION_FAMILIES) {
      const counting = DESTRUCTION_COUNTING[family.id];
      if (!counting) continue; // malignant destruction is per lesion: lesions-lumped judges it
      if (!onClaim.has(family.codes)) continue;
      const lines = onClaim.linesIn(family.codes);

      // The documented count: only when every line of the family gives one and no add-on lacks its primary.
      const orphanAddOn = billed(onClaim, family, counting.addOn) && !billed(onClaim, family, counting.first);
      const lesions =
        !orphanAddOn && lines.every((l) => l.raw.lesions !== undefined)
          ? lines.reduce((sum, l) => sum + l.raw.lesions!, 0)
          : undefined;
      const expected = lesions !== undefined ? codingFor(counting, lesions) : undefined;
      const found = new LineFindings(expected, lesions, lines);
      // What the fixes need, found once per family and only when a line is flagged: the checks stay linear in its lines.
      // (No closure per family: under tsx each costs a defineProperty.)
      let shared: FamilyWords | undefined;

      for (const line of lines) {
        if (!ONCE_PER_SESSION.has(line.code)) continue;
        // A repeated line: not the first of its code (the once-per-session codes of a family are the family's own).
        if (onClaim.linesOf(line.code)[0] !== line) {
          const { plain, addOnBilled, rule, repeatedData } = (shared ??= familyWords(onClaim, family, counting, lines));
          let data = repeatedData.get(line.code);
          if (!data) repeatedData.set(line.code, (data = { code: line.code, counting: rule }));
          found.flag(line, {
            id: 'repeated',
            data,
            suggestions: repeatedSuggestions(line, counting, plain, addOnBilled),
          });
        } else if (line.units > 1) {
          const { plain, rule } = (shared ??= familyWords(onClaim, family, counting, lines));
          found.flag(line, {
            id: 'units',
            data: { code: line.code, units: line.units, counting: rule },
            suggestions: unitsSuggestions(line, lines, counting, plain),
          });
        }
      }

      if (counting.addOn && counting.addOnMaxUnits !== undefined && billed(onClaim, family, counting.addOn)) {
        const addOnLines = onClaim.linesOf(counting.addOn);
        const total = addOnLines.reduce((sum, l) => sum + l.units, 0);
        if (total > counting.addOnMaxUnits && counting.bulk && counting.bulkFrom !== undefined) {
          const data = {
            addOn: counting.addOn,
            units: total,
            max: counting.addOnMaxUnits,
            bulk: counting.bulk,
            bulkFrom: counting.bulkFrom,
          };
          const suggestions = (shared ??= familyWords(onClaim, family, counting, lines)).plain
            ? suggest(`Bill ${counting.bulk} alone`, recodeTo(lines, [{ code: counting.bulk, units: 1 }]))
            : [];
          for (const line of addOnLines)
            if (!found.flagged(line)) found.flag(line, { id: 'addOnOver', data, suggestions });
        }
      }

      if (counting.bulk && counting.bulkFrom !== undefined && billed(onClaim, family, counting.bulk)) {
        const replaced = [counting.first, counting.addOn].filter((c): c is string => billed(onClaim, family, c));
        if (replaced.length > 0) {
          const series = [counting.first, counting.addOn].filter((c): c is string => c !== undefined).join(' + ');
          const data = { bulk: counting.bulk, bulkFrom: counting.bulkFrom, others: replaced.join(' and '), series };
          const bulkLines = onClaim.linesOf(counting.bulk);
          // Either is plausible: the bulk code alone, or the series without it.
          const suggestions = (shared ??= familyWords(onClaim, family, counting, lines)).plain
            ? [
                ...suggest(`Bill ${counting.bulk} alone`, recodeTo(lines, [{ code: counting.bulk, units: 1 }])),
                ...suggest(`Remove ${counting.bulk}`, bulkLines.map(removeLine)),
              ]
            : [];
          for (const line of bulkLines) {
            if (!found.flagged(line)) found.flag(line, { id: 'bulkWithOthers', data, suggestions });
          }
        }
      }

      if (expected && lesions !== undefined && !found.flagged(lines[0]!)) {
        const actual = new Map<string, number>();
        for (const l of lines) actual.set(l.code, (actual.get(l.code) ?? 0) + l.units);
        const agrees = actual.size === expected.length && expected.every((e) => actual.get(e.code) === e.units);
        if (!agrees)
          found.flagCount(
            lines[0]!,
            listCoded(
              [...actual].map(([code, units]) => ({ code, units })),
              ' + ',
            ),
          );
      }

      found.addTo(reports);
    }
    return reports;
  },
});
