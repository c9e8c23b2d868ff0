/**
 * note-count-mismatch — the lesion count the note documents disagrees with the destruction codes.
 * Source: CPT guidelines for destruction of premalignant lesions (17000: first
 * lesion, 17003: each of lesions 2–14, 17004: 15 or more), benign lesions (17110:
 * up to 14, 17111: 15 or more) and removal of skin tags (11200: up to 15, 11201:
 * each further 10); docs/note.md. Lines that carry `lesions` are destruction-series'.
 */
import { DESTRUCTION_COUNTING, DESTRUCTION_FAMILIES, type DestructionCounting } from '../codes';
import { hasNote, noteOf, type CountFact, type CountFamily } from '../note/index';
import { codingLabel, recodeTo, suggest, type Coded } from '../suggest';
import { NOTE } from '../gate';
import { createRule } from '../types';

/** The codes a lesion count calls for (the counting of destruction-series). */
function codingFor(counting: DestructionCounting, lesions: number): Coded[] {
  if (counting.bulk && counting.bulkFrom !== undefined && lesions >= counting.bulkFrom)
    return [{ code: counting.bulk, units: 1 }];
  const coded = [{ code: counting.first, units: 1 }];
  if (counting.addOn && lesions > counting.firstCovers) {
    coded.push({ code: counting.addOn, units: Math.ceil((lesions - counting.firstCovers) / (counting.addOnPer ?? 1)) });
  }
  return coded;
}

const NOUNS: Readonly<Record<CountFamily, readonly [one: string, many: string]>> = {
  premalignant: ['actinic keratosis', 'actinic keratoses'],
  benign: ['benign lesion', 'benign lesions'],
  'skin-tag': ['skin tag', 'skin tags'],
};
const counted = (family: CountFamily, n: number) => `${n} ${NOUNS[family][n === 1 ? 0 : 1]}`;
const list = (coded: readonly Coded[], joiner: string) => coded.map((c) => `${c.code} ×${c.units}`).join(joiner);

const COUNTED: readonly CountFamily[] = ['premalignant', 'benign', 'skin-tag'];

/** Whether a count's sentence says the family was destroyed (for skin tags, also removed). */
const inItsSentence = (family: CountFamily, fact: CountFact) =>
  fact.destruction || (family === 'skin-tag' && fact.skinTagRemoval);

export default createRule({
  meta: {
    id: 'note-count-mismatch',
    summary: 'The lesion count in the procedure note disagrees with the destruction or skin-tag codes.',
    severity: 'warning',
    reference:
      'CPT guidelines, destruction of premalignant (17000–17004) and benign (17110–17111) lesions, removal of skin tags (11200–11201)',
    description:
      "A destruction family (premalignant, benign, skin tag) on the claim with no lesions on any of its lines, and exactly one count documented for it (a number before actinic keratoses, AKs, warts, verrucae, seborrheic keratoses, SKs, skin tags or acrochordons, or lesions when the family is the only one on the claim, in a sentence that destroys or removes them) that disagrees with its codes by the counting of destruction-series. Silent when the count's sentence holds another number (measurements, cycles and seconds aside) or a word such as several, more or other, or when the family has two counts.",
    messages: {
      count: {
        message: 'The note documents {{counted}} treated, but the codes billed ({{billed}}) do not count that many.',
        title: 'Bill {{bill}}',
        fix: 'Report {{right}} for {{counted}}.',
      },
    },
  },
  needs: [NOTE, DESTRUCTION_FAMILIES.filter((f) => (COUNTED as readonly string[]).includes(f.id)).map((f) => f.codes)],
  check(context) {
    if (!hasNote(context)) return [];
    const { claim } = context;
    const linesOf = new Map(DESTRUCTION_FAMILIES.map((f) => [f.id, claim.filter((l) => f.codes.has(l.code))] as const));
    const present = COUNTED.filter((id) => (linesOf.get(id) ?? []).length > 0);
    if (present.length === 0) return []; // the note is read only when a line could be judged
    const reading = noteOf(context);
    if (!reading) return [];
    const malignant = (linesOf.get('malignant') ?? []).length > 0;
    const reports = [];
    for (const family of present) {
      const lines = linesOf.get(family)!;
      const counting = DESTRUCTION_COUNTING[family]!;
      if (lines.some((l) => l.raw.lesions !== undefined)) continue;
      // An add-on without its primary is addon-without-primary's; the count is not judged (as destruction-series).
      if (
        counting.addOn &&
        lines.some((l) => l.code === counting.addOn) &&
        !lines.some((l) => l.code === counting.first)
      )
        continue;
      const lesionsCountHere = present.length === 1 && !malignant;
      const facts = reading.counts.filter(
        (f) => (f.term === family || (f.term === 'lesions' && lesionsCountHere)) && inItsSentence(family, f),
      );
      if (facts.length !== 1 || !facts[0]!.clear) continue;
      const n = facts[0]!.value;
      const right = codingFor(counting, n);
      const billed = new Map<string, number>();
      for (const l of lines) billed.set(l.code, (billed.get(l.code) ?? 0) + l.units);
      const agrees = billed.size === right.length && right.every((c) => billed.get(c.code) === c.units);
      if (agrees) continue;
      const billedList = [...billed].map(([code, units]) => ({ code, units }));
      // The count the note documents names the codes: one click (the other fix is the note's).
      reports.push({
        line: lines[0]!.index,
        field: 'units' as const,
        messageId: 'count' as const,
        data: {
          counted: counted(family, n),
          billed: list(billedList, ' + '),
          right: list(right, ' and '),
          bill: codingLabel(right),
        },
        suggestions: suggest(`Bill ${codingLabel(right)}`, recodeTo(lines, right)),
      });
    }
    return reports;
  },
});
