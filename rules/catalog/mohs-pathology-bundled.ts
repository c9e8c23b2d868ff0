/**
 * mohs-pathology-bundled — surgical pathology billed with Mohs surgery, unseparated.
 * Source: CPT Mohs guidelines (the Mohs surgeon acts as surgeon and pathologist);
 * NCCI Policy Manual ch. III (Mohs: 88300–88309 and frozen sections 88331/88332 on
 * the Mohs specimen are included; a diagnostic biopsy's pathology on the same day
 * takes modifier 59 on the biopsy and pathology codes, not on the Mohs code).
 */
import { DISTINCT_SERVICE_MODIFIERS, MOHS, SURGICAL_PATHOLOGY } from '../codes';
import { hasAnyModifier } from '../context';
import { addModifier, removeLine, suggest } from '../suggest';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'mohs-pathology-bundled',
    summary: 'Surgical pathology is billed with Mohs surgery without a distinct-service modifier.',
    severity: 'warning',
    reference:
      'CPT Mohs micrographic surgery guidelines; NCCI Policy Manual, ch. III (integumentary system), Mohs micrographic surgery',
    description:
      'Surgical pathology on a claim with Mohs, when the pathology line carries no distinct-service modifier (a modifier on the Mohs line does not count: NCCI wants it on the pathology).',
    messages: {
      bundled: {
        message:
          "{{pathology}} is billed with Mohs surgery ({{mohs}}), which already includes the surgeon's own pathology.",
        title: 'Mohs path bundled: drop or 59',
        fix: 'Delete {{pathology}} if it examined the Mohs specimen; if it examined a separate diagnostic biopsy, append 59 (or XS) to {{pathology}}.',
      },
    },
  },
  needs: [MOHS, SURGICAL_PATHOLOGY],
  check({ onClaim }) {
    if (!onClaim.has(MOHS) || !onClaim.has(SURGICAL_PATHOLOGY)) return [];
    const mohs = [...new Set(onClaim.linesIn(MOHS).map((l) => l.code))];
    const separateMeant = onClaim.linesIn(MOHS).some((l) => hasAnyModifier(l, DISTINCT_SERVICE_MODIFIERS));
    return (
      onClaim
        .linesIn(SURGICAL_PATHOLOGY)
        .filter((l) => !hasAnyModifier(l, DISTINCT_SERVICE_MODIFIERS))
        // The Mohs specimen or a separate biopsy: the person knows at once, so both fixes are offered — unless a Mohs
        // line carries a distinct-service modifier: then the coder meant a separate service, and the modifier belongs here.
        .map((l) => ({
          line: l.index,
          field: 'modifiers' as const,
          messageId: 'bundled' as const,
          data: { pathology: l.code, mohs: mohs.join(', ') },
          suggestions: [
            ...(separateMeant ? [] : suggest(`Remove ${l.code}`, removeLine(l))),
            ...suggest(`Add 59 to ${l.code}`, addModifier(l, '59')),
          ],
        }))
    );
  },
});
