/**
 * mohs-diagnosis — Mohs surgery billed without a skin cancer linked.
 * Source: CPT Mohs micrographic surgery guidelines; Medicare Mohs LCDs (covered
 * indications are malignancies). ICD-10-CM codes cancers of the vermilion lip and of
 * genital skin outside C44, so those count too (SURGICAL_MALIGNANT_DX).
 */
import { MOHS, SURGICAL_MALIGNANT_DX, displayIcd } from '../codes';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'mohs-diagnosis',
    summary: 'A Mohs surgery line has no malignant diagnosis linked.',
    severity: 'error',
    reference:
      'CPT Mohs micrographic surgery guidelines; Medicare LCDs for Mohs micrographic surgery (covered indications)',
    description:
      'A Mohs line whose linked diagnoses include no skin, lip or genital cancer. Silent on a line with no diagnosis linked (dx-missing speaks).',
    messages: {
      noCancer: {
        message: '{{code}} is Mohs surgery, which is for skin cancer, but its diagnoses ({{dx}}) name no malignancy.',
        title: 'Link the skin cancer, or recode',
        fix: 'Link the biopsy-proven skin cancer to {{code}}; if the lesion was not malignant, recode the treatment (e.g. 17000 series for actinic keratoses, an excision or shave for a benign lesion).',
      },
    },
  },
  needs: [MOHS],
  check({ onClaim }) {
    if (!onClaim.has(MOHS)) return [];
    return onClaim
      .linesIn(MOHS)
      .filter((l) => l.dx.length > 0 && !l.dx.some((d) => SURGICAL_MALIGNANT_DX.has(d)))
      .map((l) => ({
        line: l.index,
        field: 'dx' as const,
        messageId: 'noCancer' as const,
        data: { code: l.code, dx: l.dx.map(displayIcd).join(', ') },
      }));
  },
});
