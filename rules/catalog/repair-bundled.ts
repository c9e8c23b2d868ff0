/**
 * repair-bundled — a simple repair billed with the procedure it is part of.
 * Source: CPT surgical package and integumentary guidelines (simple repair is
 * included in biopsy, shave, excision and destruction); NCCI Policy Manual ch. III;
 * NCCI PTP edits (modifier indicator 1: XS or 59 on either code of the pair).
 * Mohs is not paired: its repairs are reported separately.
 */
import { DISTINCT_SERVICE_MODIFIERS, REPAIR_BUNDLES_INTO, SIMPLE_REPAIR } from '../codes';
import { hasAnyModifier, type ClaimLine } from '../context';
import { addModifier, removeLine, suggest } from '../suggest';
import { createRule } from '../types';

const distinct = (line: ClaimLine) => hasAnyModifier(line, DISTINCT_SERVICE_MODIFIERS);

export default createRule({
  meta: {
    id: 'repair-bundled',
    summary: 'A simple repair is billed with a biopsy, removal or destruction it is included in.',
    severity: 'warning',
    reference:
      'CPT integumentary guidelines (simple repair included); NCCI Policy Manual, ch. III (integumentary system), repair; NCCI PTP edits',
    description:
      'A simple repair on a claim with a biopsy, removal or destruction it is bundled into (not Mohs), when some such procedure line is not separated from the repair: neither line of the pair carries a distinct-service modifier.',
    messages: {
      bundled: {
        message: '{{repair}} is a simple repair, which is included in {{procedures}} on the same claim.',
        title: 'Repair bundled: drop or add XS',
        fix: 'Delete {{repair}} if it closed the wound of that procedure; if it repaired a separate wound, append XS (or 59) to {{repair}}.',
      },
    },
  },
  needs: [SIMPLE_REPAIR, REPAIR_BUNDLES_INTO],
  check({ onClaim }) {
    if (!onClaim.has(SIMPLE_REPAIR) || !onClaim.has(REPAIR_BUNDLES_INTO)) return [];
    // The same procedures stand against every repair: found once, so the check is linear in lines.
    const unseparated = onClaim.linesIn(REPAIR_BUNDLES_INTO).filter((p) => !distinct(p));
    if (unseparated.length === 0) return [];
    const procedures = [...new Set(unseparated.map((p) => p.code))].join(', ');
    // Repairs of one code share their words (the engine renders them once).
    const dataOf = new Map<string, { repair: string; procedures: string }>();
    return (
      onClaim
        .linesIn(SIMPLE_REPAIR)
        .filter((repair) => !distinct(repair))
        // The same wound or another: the person knows at once, so both fixes are offered.
        .map((repair) => ({
          line: repair.index,
          field: 'modifiers' as const,
          messageId: 'bundled' as const,
          data:
            dataOf.get(repair.code) ?? dataOf.set(repair.code, { repair: repair.code, procedures }).get(repair.code)!,
          suggestions: [
            ...suggest(`Remove ${repair.code}`, removeLine(repair)),
            ...suggest(`Add XS to ${repair.code}`, addModifier(repair, 'XS')),
          ],
        }))
    );
  },
});
