/**
 * biopsy-bundled — a biopsy billed with a removal or destruction, unseparated.
 * Source: NCCI Policy Manual ch. III (integumentary): a biopsy of a lesion that is
 * then removed or destroyed at the same session is included in the removal; a
 * biopsy of a different lesion is reported with XS (or 59). NCCI PTP edits pair
 * 11102/11104/11106 with these removals (modifier indicator 1), and accept the
 * modifier on either code of the pair.
 */
import { BIOPSY_BUNDLES_INTO, BIOPSY_PRIMARY, DISTINCT_SERVICE_MODIFIERS } from '../codes';
import { hasAnyModifier, type ClaimLine } from '../context';
import { addModifier, orphansAnAddOn, removeLine, suggest } from '../suggest';
import { createRule } from '../types';

const distinct = (line: ClaimLine) => hasAnyModifier(line, DISTINCT_SERVICE_MODIFIERS);

export default createRule({
  meta: {
    id: 'biopsy-bundled',
    summary: 'A biopsy is billed with a lesion removal or destruction and nothing separates them.',
    severity: 'warning',
    reference:
      'NCCI Policy Manual, ch. III (integumentary system), biopsy with removal of the same lesion; NCCI PTP edits',
    description:
      'A biopsy primary on a claim that also removes or destroys a lesion, when some such removal line is not separated from the biopsy: neither line of the pair carries a distinct-service modifier.',
    messages: {
      bundled: {
        message:
          '{{biopsy}} is billed with {{removals}} without a distinct-service modifier, so the payer will bundle the biopsy into the removal.',
        title: 'Biopsy bundled: add XS or drop',
        fix: 'If {{biopsy}} sampled a different lesion than the one removed, append XS (or 59) to {{biopsy}}; if it sampled the lesion that was then removed, delete {{biopsy}}.',
      },
    },
  },
  needs: [BIOPSY_PRIMARY, BIOPSY_BUNDLES_INTO],
  check({ onClaim }) {
    if (!onClaim.has(BIOPSY_PRIMARY) || !onClaim.has(BIOPSY_BUNDLES_INTO)) return [];
    // The same removals stand against every biopsy: found once, so the check is linear in lines.
    const unseparated = onClaim.linesIn(BIOPSY_BUNDLES_INTO).filter((r) => !distinct(r));
    if (unseparated.length === 0) return [];
    const removals = [...new Set(unseparated.map((r) => r.code))].join(', ');
    // Biopsies of one code share their words (the engine renders them once).
    const dataOf = new Map<string, { biopsy: string; removals: string }>();
    return (
      onClaim
        .linesIn(BIOPSY_PRIMARY)
        .filter((biopsy) => !distinct(biopsy))
        // Another lesion or the same one: the person knows at once, so both fixes are offered.
        .map((biopsy) => ({
          line: biopsy.index,
          field: 'modifiers' as const,
          messageId: 'bundled' as const,
          data: dataOf.get(biopsy.code) ?? dataOf.set(biopsy.code, { biopsy: biopsy.code, removals }).get(biopsy.code)!,
          suggestions: [
            ...suggest(`Add XS to ${biopsy.code}`, addModifier(biopsy, 'XS')),
            ...(orphansAnAddOn(biopsy, onClaim) ? [] : suggest(`Remove ${biopsy.code}`, removeLine(biopsy))),
          ],
        }))
    );
  },
});
