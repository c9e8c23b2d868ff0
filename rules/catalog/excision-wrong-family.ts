/**
 * excision-wrong-family — a benign excision code for a cancer, or a malignant one
 * without a cancer.
 * Source: CPT excision guidelines (benign 11400–11446 and malignant 11600–11646 are
 * chosen from the final pathology); NCCI Policy Manual ch. III. ICD-10-CM codes
 * cancers of the vermilion lip and of genital skin outside C44 (C00, C51, C60,
 * C63.2 and their in-situ codes), so those are malignant here too.
 */
import {
  BENIGN_EXCISION,
  MALIGNANT_EXCISION,
  SITE_SERIES,
  SURGICAL_MALIGNANT_DX,
  displayIcd,
  sizedCode,
  type SizedKind,
} from '../codes';
import { replaceCode, suggest } from '../suggest';
import { createRule, type MessageReport } from '../types';

const list = (dx: readonly string[]) => dx.map(displayIcd).join(', ');

const BENIGN_FOR_CANCER =
  '{{code}} is a benign excision code, but a malignant diagnosis ({{dx}}) is linked; excisions are coded from the final pathology.';
const MALIGNANT_WITHOUT_CANCER =
  '{{code}} is a malignant excision code, but none of its diagnoses ({{dx}}) is malignant.';
const GENERIC_FIX =
  'Choose the excision code from the final pathology: 11400–11446 for benign lesions, 11600–11646 for malignant ones.';

const messages = {
  benignForCancer: {
    message: BENIGN_FOR_CANCER,
    title: 'Use {{right}} (malignant)',
    fix: 'Use {{right}}, the malignant excision code of the same site and size.',
  },
  /** A code of the range that no site and size step names: no counterpart to offer. */
  benignForCancerNoCounterpart: {
    message: BENIGN_FOR_CANCER,
    title: 'Use a malignant excision code',
    fix: GENERIC_FIX,
  },
  malignantWithoutCancer: {
    message: MALIGNANT_WITHOUT_CANCER,
    title: 'Use {{right}} if path is benign',
    fix: 'If the final pathology is benign, use {{right}}, the benign excision code of the same site and size; if it is malignant, link that diagnosis.',
  },
  malignantWithoutCancerNoCounterpart: {
    message: MALIGNANT_WITHOUT_CANCER,
    title: 'Link the cancer, or recode',
    fix: GENERIC_FIX,
  },
} as const;

/** The code of the other excision family at the same site group and size step. */
function counterpart(code: string, kind: SizedKind): string | undefined {
  const sized = sizedCode(code);
  return sized ? SITE_SERIES[sized.group][kind][sized.step] : undefined;
}

export default createRule({
  meta: {
    id: 'excision-wrong-family',
    summary: 'A benign excision code with a skin cancer linked, or a malignant excision code without one.',
    severity: 'error',
    reference:
      'CPT excision guidelines (benign 11400–11446, malignant 11600–11646, by final pathology); NCCI Policy Manual, ch. III',
    description:
      'A benign excision code with a malignant diagnosis linked, or a malignant excision code with diagnoses linked and none malignant. Silent on a line with no diagnosis linked (dx-missing speaks).',
    messages,
  },
  needs: [[BENIGN_EXCISION, MALIGNANT_EXCISION]],
  check({ claim, onClaim }) {
    if (!onClaim.has(BENIGN_EXCISION) && !onClaim.has(MALIGNANT_EXCISION)) return [];
    const reports: MessageReport<typeof messages>[] = [];
    for (const line of claim) {
      if (line.dx.length === 0 || !(BENIGN_EXCISION.has(line.code) || MALIGNANT_EXCISION.has(line.code))) continue;
      const malignant = line.dx.filter((d) => SURGICAL_MALIGNANT_DX.has(d));
      if (BENIGN_EXCISION.has(line.code) && malignant.length > 0) {
        const right = counterpart(line.code, 'malignant-excision');
        const at = line.index;
        const dx = list(malignant);
        // A malignant diagnosis linked: the malignant code of the same site and size is determined.
        reports.push(
          right
            ? {
                line: at,
                field: 'code',
                messageId: 'benignForCancer',
                data: { code: line.code, dx, right },
                suggestions: suggest(`Change ${line.code} to ${right}`, replaceCode(line, right)),
              }
            : { line: at, field: 'code', messageId: 'benignForCancerNoCounterpart', data: { code: line.code, dx } },
        );
      } else if (MALIGNANT_EXCISION.has(line.code) && malignant.length === 0) {
        const right = counterpart(line.code, 'benign-excision');
        const at = line.index;
        const dx = list(line.dx);
        // The pathology decides between the benign code and linking the cancer: no one-click fix.
        reports.push(
          right
            ? { line: at, field: 'code', messageId: 'malignantWithoutCancer', data: { code: line.code, dx, right } }
            : {
                line: at,
                field: 'code',
                messageId: 'malignantWithoutCancerNoCounterpart',
                data: { code: line.code, dx },
              },
        );
      }
    }
    return reports;
  },
});
