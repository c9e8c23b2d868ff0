/**
 * site-specific-biopsy — a skin biopsy code on a place CPT gives a biopsy code of its own.
 * Source: CPT code set: the skin biopsy codes 11102–11107 are for skin; the lip
 * (40490), the eyelid margin (67810), the nail unit (11755), the penis (54100)
 * and the vulva (56605, 56606 for each further lesion) have their own biopsy codes. The skin of the lip,
 * eyelid or finger is skin (docs/rules.md): the word tables are in rules/site-terms.ts.
 */
import { SKIN_BIOPSY } from '../codes';
import { siteSpecificBiopsyOf, type SiteSpecificBiopsy } from '../site-terms';
import { replaceCode, suggest } from '../suggest';
import { createRule } from '../types';

/** '40490'; '56605 (56606 for each further lesion)'. */
const codesOf = (place: SiteSpecificBiopsy) =>
  place.eachAdditional ? `${place.code} (${place.eachAdditional} for each further lesion)` : place.code;

export default createRule({
  meta: {
    id: 'site-specific-biopsy',
    summary:
      'A skin biopsy code is billed for the lip vermilion, the eyelid margin, the nail unit, the penis or the vulva, which have biopsy codes of their own.',
    severity: 'error',
    reference:
      'CPT code set: biopsy of the lip (40490), eyelid margin (67810), nail unit (11755), penis (54100), vulva (56605, 56606); skin biopsy 11102–11107',
    description:
      'A skin biopsy line whose site names the lip vermilion (vermilion) → 40490, the eyelid margin (lid, eyelid or tarsal margin) → 67810, the nail unit (nail bed, matrix, plate or fold, hyponychium, nail unit, subungual) → 11755, the penis (penis, penile, glans, foreskin, prepuce) → 54100 or the vulva (vulva, vulvar, labia majora or minora, clitoris) → 56605 (56606 for each further lesion), matched on whole words. The skin of the lip, eyelid or finger is skin: `upper lip`, `eyelid`, `finger` alone never fire; a site naming two of these places, or none, raises nothing.',
    messages: {
      wrongCode: {
        message:
          '{{code}} is a skin biopsy code, but the site is {{place}}, which has a biopsy code of its own: {{codes}}.',
        title: 'Use {{placeCode}} for this site',
        fix: 'Report the biopsy of {{place}} with {{codes}} instead of {{code}}; biopsies of skin elsewhere keep their skin biopsy codes (the first of them as the primary).',
      },
    },
  },
  needs: [SKIN_BIOPSY],
  check({ claim }) {
    const reports = [];
    let skinBiopsies: number | undefined;
    for (const line of claim) {
      if (!SKIN_BIOPSY.has(line.code)) continue;
      const place = siteSpecificBiopsyOf(line.raw.site);
      if (!place) continue;
      // One click only for the one skin biopsy of the claim, one unit: the place's own code. With other skin
      // biopsies, which of them becomes the primary, and further lesions at the place, need a person.
      const alone = line.units === 1 && (skinBiopsies ??= claim.filter((l) => SKIN_BIOPSY.has(l.code)).length) === 1;
      reports.push({
        line: line.index,
        field: 'code' as const,
        messageId: 'wrongCode' as const,
        data: { code: line.code, place: place.label, codes: codesOf(place), placeCode: place.code },
        suggestions: alone ? suggest(`Change ${line.code} to ${place.code}`, replaceCode(line, place.code)) : [],
      });
    }
    return reports;
  },
});
