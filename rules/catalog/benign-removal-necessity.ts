/**
 * benign-removal-necessity — a benign lesion removal with only commonly cosmetic diagnoses linked
 * and no symptom or suspicion: needs review (link the indication, or bill the patient).
 * Source: Medicare LCDs "Removal of Benign Skin Lesions" (indications: bleeding, itch, pain,
 * inflammation, infection, obstruction, clinical uncertainty of behavior); payers' cosmetic policies.
 * For original Medicare, non-excision removals are abn-missing's; excisions land here, as margins
 * are mostly taken for clinical uncertainty that the note, not the claim, shows.
 */
import { ABN_MODIFIERS, BENIGN_EXCISION, BENIGN_REMOVAL, displayIcd, isQuestionableBenignRemoval } from '../codes';
import { hasAnyModifier } from '../context';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'benign-removal-necessity',
    summary: 'A benign lesion removal has no documented medical indication linked (review).',
    severity: 'info',
    reference: 'LCD "Removal of Benign Skin Lesions"; payer cosmetic-services policies',
    description:
      'A removal of a benign lesion whose linked diagnoses are all commonly cosmetic (nevus, seborrheic keratosis, skin tag, lentigo, cyst…) with no indication (itch, bleeding, infection, pain, inflammation, uncertain behavior), for every payer except original Medicare; for original Medicare, only such an excision with no ABN on file and none of GA, GZ, GX, GY. A line with GY does not fire. Needs review, not an alarm.',
    messages: {
      questionable: {
        message:
          '{{code}} removes a benign lesion ({{dx}}) with no symptom or suspicion linked; payers often treat this as cosmetic.',
        title: 'Link symptom, or bill patient',
        fix: 'Link the indication the note documents (itch, bleeding, inflammation, pain, uncertain behavior) to {{code}}; if the removal was for appearance, bill the patient.',
      },
    },
  },
  needs: [BENIGN_REMOVAL],
  check({ onClaim, payerKind, abnOnFile }) {
    const reports = [];
    for (const line of onClaim.linesIn(BENIGN_REMOVAL)) {
      if (line.modifiers.has('GY') || !isQuestionableBenignRemoval(line.code, line.dx)) continue;
      if (
        payerKind === 'medicare' &&
        (!BENIGN_EXCISION.has(line.code) || abnOnFile(line) || hasAnyModifier(line, ABN_MODIFIERS))
      )
        continue;
      // No one-click fix: the note decides between linking an indication and billing the patient.
      reports.push({
        line: line.index,
        field: 'dx' as const,
        messageId: 'questionable' as const,
        data: { code: line.code, dx: line.dx.map(displayIcd).join(', ') },
      });
    }
    return reports;
  },
});
