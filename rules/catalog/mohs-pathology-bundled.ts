/**
 * mohs-pathology-bundled — surgical pathology billed with Mohs surgery, unseparated.
 * Source: CPT Mohs guidelines (the Mohs surgeon acts as surgeon and pathologist);
 * NCCI Policy Manual ch. III (Mohs: 88300–88309 and frozen sections 88331/88332 on
 * the Mohs specimen are included; a diagnostic biopsy's pathology on the same day
 * takes modifier 59 on the biopsy and pathology codes, not on the Mohs code).
 */
import { DISTINCT_SERVICE_MODIFIERS, MOHS, SURGICAL_PATHOLOGY } from '../codes';
import { hasAnyModifier } from '../context';
import { defineRule } from '../types';

const messages = {
  bundled: (pathology: string, mohs: readonly string[]) =>
    `${pathology} is billed with Mohs surgery (${mohs.join(', ')}), which already includes the surgeon's own pathology.`,
  fix: (pathology: string) =>
    `Delete ${pathology} if it examined the Mohs specimen; if it examined a separate diagnostic biopsy, append 59 (or XS) to ${pathology}.`,
};

export default defineRule({
  meta: {
    id: 'mohs-pathology-bundled',
    summary: 'Surgical pathology is billed with Mohs surgery without a distinct-service modifier.',
    severity: 'warning',
    reference: 'CPT Mohs micrographic surgery guidelines; NCCI Policy Manual, ch. III (integumentary system), Mohs micrographic surgery',
    description:
      'Surgical pathology (88300–88309, 88331, 88332) on a claim with Mohs (17311–17315), when the pathology line carries none of 59, XE, XS, XP, XU (a modifier on the Mohs line does not count: NCCI wants it on the pathology).',
    messages,
  },
  check({ onClaim }) {
    if (!onClaim.has(MOHS) || !onClaim.has(SURGICAL_PATHOLOGY)) return [];
    const mohs = [...new Set(onClaim.linesIn(MOHS).map((l) => l.code))];
    return onClaim
      .linesIn(SURGICAL_PATHOLOGY)
      .filter((l) => !hasAnyModifier(l, DISTINCT_SERVICE_MODIFIERS))
      .map((l) => ({ line: l.index, message: messages.bundled(l.code, mohs), fix: messages.fix(l.code) }));
  },
});
