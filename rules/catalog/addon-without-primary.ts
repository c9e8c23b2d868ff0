/**
 * addon-without-primary — an add-on code billed without any of its primaries.
 * Source: CPT add-on code conventions (an add-on is reported only with its
 * primary procedure); CPT biopsy guidelines (one primary for the highest-ranked
 * technique, add-ons for the rest); NCCI Policy Manual ch. I (add-on codes).
 */
import { ADDON_PRIMARIES, BIOPSY_ADDON, BIOPSY_ADDON_OF, BIOPSY_PRIMARIES_BY_RANK, BIOPSY_TECHNIQUE, codeSet } from '../codes';
import { defineRule } from '../types';

const or = (codes: readonly string[]) => codes.join(' or ');

const messages = {
  noPrimary: (addon: string, primaries: readonly string[]) =>
    `${addon} is an add-on code, but its primary (${or(primaries)}) is not on the claim.`,
  fix: (addon: string, primaries: readonly string[]) =>
    `Report the first service with ${or(primaries)} and only the additional ones with ${addon}.`,
  fixBiopsy: (addon: string, technique: string, primary: string) =>
    `Report the first ${technique} biopsy as ${primary} and only the additional ones as ${addon}.`,
  fixBiopsyOutranked: (technique: string, primary: string, lower: string, lowerAddon: string) =>
    `The ${technique} biopsy outranks ${lower}: report the first ${technique} biopsy as ${primary} and ${lower} as ${lowerAddon}.`,
};

/** Every add-on code ADDON_PRIMARIES names. */
const ADD_ONS = codeSet(...Object.keys(ADDON_PRIMARIES));

/** Rank of a biopsy primary: 0 is the highest-ranked technique. */
const rank = (code: string) => (BIOPSY_PRIMARIES_BY_RANK as readonly string[]).indexOf(code);
/** The biopsy primary whose add-on is `addon` (11105 → 11104). */
const primaryOfBiopsyAddon = (addon: string) => Object.keys(BIOPSY_ADDON_OF).find((p) => BIOPSY_ADDON_OF[p] === addon);

export default defineRule({
  meta: {
    id: 'addon-without-primary',
    summary: 'An add-on code is billed without any of its primary codes.',
    severity: 'error',
    reference: 'CPT add-on code conventions and biopsy guidelines; NCCI Policy Manual, ch. I (add-on codes)',
    description:
      'An add-on code (e.g. 17003, 11103, 11105, 11107, 17312, 17314, 17315, 11201) whose primaries are all absent from the claim. For biopsies: 11105 needs a punch or incisional primary, 11107 an incisional one.',
    messages,
  },
  check({ onClaim }) {
    if (!onClaim.has(ADD_ONS)) return [];
    const reports = [];
    for (const line of onClaim.linesIn(ADD_ONS)) {
      const primaries = Object.hasOwn(ADDON_PRIMARIES, line.code) ? ADDON_PRIMARIES[line.code] : undefined;
      if (!primaries || primaries.some((p) => onClaim.linesOf(p).length > 0)) continue;
      let fix = messages.fix(line.code, primaries);
      const ownPrimary = BIOPSY_ADDON.has(line.code) ? primaryOfBiopsyAddon(line.code) : undefined;
      if (ownPrimary) {
        const technique = BIOPSY_TECHNIQUE[line.code]!;
        // A biopsy primary of a lower-ranked technique is on the claim: it should be the add-on instead.
        const lower = BIOPSY_PRIMARIES_BY_RANK.find((p) => onClaim.linesOf(p).length > 0 && rank(p) > rank(ownPrimary));
        fix = lower
          ? messages.fixBiopsyOutranked(technique, ownPrimary, lower, BIOPSY_ADDON_OF[lower]!)
          : messages.fixBiopsy(line.code, technique, ownPrimary);
      }
      reports.push({ line: line.index, message: messages.noPrimary(line.code, primaries), fix });
    }
    return reports;
  },
});
