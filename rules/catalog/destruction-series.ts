/**
 * destruction-series — lesion counting within a destruction family is wrong.
 * Source: CPT guidelines for destruction of premalignant lesions (17000–17004) and
 * benign lesions (17110–17111) and for skin tag removal (11200–11201);
 * NCCI Policy Manual ch. III (integumentary system).
 */
import { DESTRUCTION_COUNTING, DESTRUCTION_FAMILIES, ONCE_PER_SESSION, type DestructionCounting, type DestructionFamily } from '../codes';
import type { ClaimIndex, ClaimLine } from '../context';
import { defineRule, type RuleReport } from '../types';

interface Coded {
  code: string;
  units: number;
}

/** The codes a lesion count calls for. */
function codingFor(counting: DestructionCounting, lesions: number): Coded[] {
  if (counting.bulk && counting.bulkFrom !== undefined && lesions >= counting.bulkFrom) return [{ code: counting.bulk, units: 1 }];
  const coded = [{ code: counting.first, units: 1 }];
  if (counting.addOn && lesions > counting.firstCovers) {
    coded.push({ code: counting.addOn, units: Math.ceil((lesions - counting.firstCovers) / (counting.addOnPer ?? 1)) });
  }
  return coded;
}

const lesionWord = (n: number) => (n === 1 ? '1 lesion' : `${n} lesions`);
const listCoded = (coded: readonly Coded[], joiner: string) => coded.map((c) => `${c.code} ×${c.units}`).join(joiner);

/** The counting rule of a family in words, for fixes when no lesion count is documented. */
function countingRule(c: DestructionCounting): string {
  const parts = [`${c.first} ×1 covers ${c.firstCovers === 1 ? 'the first lesion' : `up to ${c.firstCovers} lesions`}`];
  if (c.addOn) {
    const per = c.addOnPer === 1 ? 'each further lesion' : `each further ${c.addOnPer} lesions or part of them`;
    parts.push(`${c.addOn} adds one unit for ${per}${c.addOnMaxUnits !== undefined ? ` (at most ${c.addOnMaxUnits})` : ''}`);
  }
  if (c.bulk) parts.push(`${c.bulk} alone covers ${c.bulkFrom} or more`);
  return `${parts.join('; ')}.`;
}

const messages = {
  units: (code: string, units: number) => `${code} is reported once per session, but this line bills ${units} units.`,
  repeated: (code: string) => `${code} is already reported on an earlier line; it is reported once per session.`,
  addOnOver: (addOn: string, units: number, max: number) => `${addOn} adds up to ${units} units, but it covers at most ${max} lesions beyond the first.`,
  bulkWithOthers: (bulk: string, bulkFrom: number, others: string) => `${bulk} (${bulkFrom} or more lesions) is reported together with ${others}, which it replaces.`,
  count: (lesions: number, coded: string) => `The codes reported (${coded}) do not match the ${lesionWord(lesions)} documented.`,
  /** 'Report 17000 ×1 and 17003 ×7 for 8 lesions.' */
  reportAs: (coded: readonly Coded[], lesions: number) =>
    coded.length === 1 && coded[0]!.units === 1 ? `Report ${coded[0]!.code} alone for ${lesionWord(lesions)}.` : `Report ${listCoded(coded, ' and ')} for ${lesionWord(lesions)}.`,
  oneLine: (code: string, counting: DestructionCounting) => `Report ${code} on one line with one unit: ${countingRule(counting)}`,
  oneUnit: (code: string, counting: DestructionCounting) => `Report ${code} ×1: ${countingRule(counting)}`,
  bulkAlone: (bulk: string, bulkFrom: number) => `Report ${bulk} alone for ${bulkFrom} or more lesions.`,
  bulkOrOthers: (bulk: string, bulkFrom: number, others: string) => `Report ${bulk} alone for ${bulkFrom} or more lesions, or only ${others} for fewer.`,
};

/** A code of this family is on the claim. */
function billed(onClaim: ClaimIndex, family: DestructionFamily, code: string | undefined): code is string {
  return code !== undefined && family.codes.has(code) && onClaim.linesOf(code).length > 0;
}

/** One finding per line: the first (most specific) problem found on it; the fix follows the documented count when there is one. */
class LineFindings {
  #found: Map<number, RuleReport> | undefined;
  readonly #expected: readonly Coded[] | undefined;
  readonly #lesions: number | undefined;
  #countFix: string | undefined | null = null;

  constructor(expected: readonly Coded[] | undefined, lesions: number | undefined) {
    this.#expected = expected;
    this.#lesions = lesions;
  }

  /** The fix that follows the count, written when first needed. */
  get countFix(): string | undefined {
    if (this.#countFix === null) this.#countFix = this.#expected && this.#lesions !== undefined ? messages.reportAs(this.#expected, this.#lesions) : undefined;
    return this.#countFix;
  }

  flagged(line: ClaimLine): boolean {
    return this.#found !== undefined && this.#found.has(line.index);
  }

  flag(line: ClaimLine, message: string, fix: string): void {
    (this.#found ??= new Map()).set(line.index, { line: line.index, message, fix: this.countFix ?? fix });
  }

  get reports(): readonly RuleReport[] {
    return this.#found ? [...this.#found.values()] : [];
  }
}

export default defineRule({
  meta: {
    id: 'destruction-series',
    summary: 'Lesions are counted wrongly within a destruction series (17000/17003/17004, 17110/17111, 11200/11201).',
    severity: 'error',
    reference: 'CPT guidelines, destruction of premalignant and benign lesions, removal of skin tags; NCCI Policy Manual, ch. III',
    description:
      'A once-per-session code (17000, 17004, 17110, 17111, 11200) has more than one unit or line, 17003 adds up to more than 13 units, 17004 or 17111 is billed beside the codes it replaces, or the documented lesion count of a family disagrees with its codes (judged only when every line of the family documents its lesions and no add-on lacks its primary).',
    messages,
  },
  check({ onClaim }) {
    const reports: RuleReport[] = [];
    for (const family of DESTRUCTION_FAMILIES) {
      const counting = DESTRUCTION_COUNTING[family.id];
      if (!counting) continue; // malignant destruction is per lesion: lesions-lumped judges it
      if (!onClaim.has(family.codes)) continue;
      const lines = onClaim.linesIn(family.codes);

      // The documented count: only when every line of the family gives one and no add-on lacks its primary.
      const orphanAddOn = billed(onClaim, family, counting.addOn) && !billed(onClaim, family, counting.first);
      const lesions = !orphanAddOn && lines.every((l) => l.raw.lesions !== undefined) ? lines.reduce((sum, l) => sum + l.raw.lesions!, 0) : undefined;
      const expected = lesions !== undefined ? codingFor(counting, lesions) : undefined;
      const found = new LineFindings(expected, lesions);

      for (const line of lines) {
        if (!ONCE_PER_SESSION.has(line.code)) continue;
        // A repeated line: not the first of its code (the once-per-session codes of a family are the family's own).
        if (onClaim.linesOf(line.code)[0] !== line) found.flag(line, messages.repeated(line.code), messages.oneLine(line.code, counting));
        else if (line.units > 1) found.flag(line, messages.units(line.code, line.units), messages.oneUnit(line.code, counting));
      }

      if (counting.addOn && counting.addOnMaxUnits !== undefined && billed(onClaim, family, counting.addOn)) {
        const addOnLines = onClaim.linesOf(counting.addOn);
        const total = addOnLines.reduce((sum, l) => sum + l.units, 0);
        if (total > counting.addOnMaxUnits && counting.bulk && counting.bulkFrom !== undefined) {
          for (const line of addOnLines) if (!found.flagged(line)) found.flag(line, messages.addOnOver(counting.addOn, total, counting.addOnMaxUnits), messages.bulkAlone(counting.bulk, counting.bulkFrom));
        }
      }

      if (counting.bulk && counting.bulkFrom !== undefined && billed(onClaim, family, counting.bulk)) {
        const replaced = [counting.first, counting.addOn].filter((c): c is string => billed(onClaim, family, c));
        if (replaced.length > 0) {
          const series = [counting.first, counting.addOn].filter((c): c is string => c !== undefined).join(' + ');
          for (const line of onClaim.linesOf(counting.bulk)) {
            if (!found.flagged(line)) found.flag(line, messages.bulkWithOthers(counting.bulk, counting.bulkFrom, replaced.join(' and ')), messages.bulkOrOthers(counting.bulk, counting.bulkFrom, series));
          }
        }
      }

      if (expected && lesions !== undefined && !found.flagged(lines[0]!)) {
        const actual = new Map<string, number>();
        for (const l of lines) actual.set(l.code, (actual.get(l.code) ?? 0) + l.units);
        const agrees = actual.size === expected.length && expected.every((e) => actual.get(e.code) === e.units);
        if (!agrees) found.flag(lines[0]!, messages.count(lesions, listCoded([...actual].map(([code, units]) => ({ code, units })), ' + ')), found.countFix!);
      }

      reports.push(...found.reports);
    }
    return reports;
  },
});
