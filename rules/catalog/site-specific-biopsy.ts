/**
 * site-specific-biopsy — a skin biopsy code on a place CPT gives a biopsy code of its own.
 * Source: CPT code set: the skin biopsy codes 11102–11107 are for skin; the lip
 * (40490), the eyelid margin (67810), the nail unit (11755), the penis (54100)
 * and the vulva (56605, 56606 for each further lesion) have their own biopsy codes. The skin of the lip,
 * eyelid or finger is skin (RULES.md 6.4): the word tables are in rules/site-terms.ts.
 */
import { SKIN_BIOPSY } from '../codes';
import { siteSpecificBiopsyOf, type SiteSpecificBiopsy } from '../site-terms';
import { defineRule, type RuleReport } from '../types';

/** '40490'; '56605 (56606 for each further lesion)'. */
const codesOf = (place: SiteSpecificBiopsy) => (place.eachAdditional ? `${place.code} (${place.eachAdditional} for each further lesion)` : place.code);

const messages = {
  wrongCode: (code: string, place: SiteSpecificBiopsy) =>
    `${code} is a skin biopsy code, but the site is ${place.label}, which has a biopsy code of its own: ${codesOf(place)}.`,
  fix: (code: string, place: SiteSpecificBiopsy) =>
    `Report the biopsy of ${place.label} with ${codesOf(place)} instead of ${code}; biopsies of skin elsewhere keep their skin biopsy codes (the first of them as the primary).`,
};

export default defineRule({
  meta: {
    id: 'site-specific-biopsy',
    summary: 'A skin biopsy code is billed for the lip vermilion, the eyelid margin, the nail unit, the penis or the vulva, which have biopsy codes of their own.',
    severity: 'error',
    reference: 'CPT code set: biopsy of the lip (40490), eyelid margin (67810), nail unit (11755), penis (54100), vulva (56605, 56606); skin biopsy 11102–11107',
    description:
      'A skin biopsy line (11102–11107) whose site names the lip vermilion (vermilion) → 40490, the eyelid margin (lid, eyelid or tarsal margin) → 67810, the nail unit (nail bed, matrix, plate or fold, hyponychium, nail unit, subungual) → 11755, the penis (penis, penile, glans, foreskin, prepuce) → 54100 or the vulva (vulva, vulvar, labia majora or minora, clitoris) → 56605 (56606 for each further lesion), matched on whole words. The skin of the lip, eyelid or finger is skin: `upper lip`, `eyelid`, `finger` alone never fire; a site naming two of these places, or none, raises nothing.',
    messages,
  },
  check({ claim }) {
    const reports: RuleReport[] = [];
    for (const line of claim) {
      if (!SKIN_BIOPSY.has(line.code)) continue;
      const place = siteSpecificBiopsyOf(line.raw.site);
      if (!place) continue;
      reports.push({ line: line.index, message: messages.wrongCode(line.code, place), fix: messages.fix(line.code, place) });
    }
    return reports;
  },
});
