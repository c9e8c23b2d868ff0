/**
 * screening-exam-medicare — an E/M billed to original Medicare for screening only.
 * Source: Social Security Act §1862(a)(7) (routine physical checkups excluded);
 * Medicare Claims Processing Manual ch. 1 (GY for statutorily excluded services)
 * and ch. 30 (ABN modifiers). Medicare covers no skin cancer screening.
 */
import { ABN_MODIFIERS, EM, SCREENING_DX, displayIcd } from '../codes';
import { hasAnyModifier } from '../context';
import { payerIs } from '../gate';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'screening-exam-medicare',
    summary: 'An E/M billed to original Medicare with only screening diagnoses.',
    severity: 'error',
    reference:
      'Social Security Act §1862(a)(7); Medicare Claims Processing Manual, ch. 1 (GY) and ch. 30 (ABN modifiers)',
    description:
      'Original Medicare only: an E/M line whose linked diagnoses are all screening diagnoses and that carries no ABN modifier.',
    messages: {
      screeningOnly: {
        message:
          '{{em}} is linked only to screening ({{dx}}), and Medicare does not cover skin cancer screening or routine examinations.',
        title: 'Link a problem, or GY + bill pt',
        fix: 'Link the problem the visit addressed (a lesion, a symptom, a history of skin cancer) to {{em}}; if it was a screening only, bill the patient and append GY.',
      },
    },
  },
  needs: [payerIs('medicare'), EM],
  check({ onClaim, payerKind }) {
    if (payerKind !== 'medicare' || !onClaim.has(EM)) return [];
    return onClaim
      .linesIn(EM)
      .filter((l) => l.dx.length > 0 && l.dx.every((d) => SCREENING_DX.has(d)) && !hasAnyModifier(l, ABN_MODIFIERS))
      .map((l) => ({
        line: l.index,
        field: 'dx' as const,
        messageId: 'screeningOnly' as const,
        data: { em: l.code, dx: l.dx.map(displayIcd).join(', ') },
      }));
  },
});
