/**
 * size-code-mismatch — a size-specific code that disagrees with the documented size.
 * Source: CPT excision guidelines (code by the excised diameter: the lesion plus the
 * narrowest margins), shave removal and malignant destruction descriptors (lesion
 * diameter); NCCI Policy Manual ch. III (integumentary system).
 */
import {
  codeSet,
  SITE_GROUP_LABEL,
  SITE_SERIES,
  SIZED_KIND_LABEL,
  sizeStep,
  sizeStepLabel,
  sizedCode,
  type SizedKind,
} from '../codes';
import { replaceCode, suggest } from '../suggest';
import { createRule, type MessageReport } from '../types';

const measured = (kind: SizedKind) =>
  kind === 'benign-excision' || kind === 'malignant-excision'
    ? 'an excised diameter (lesion plus margins)'
    : 'a lesion diameter';
const cm = (size: number) => `${Number(size.toFixed(2))} cm`;

/** Every site- and size-specific code (sizedCode knows these). */
const SIZED = codeSet(...Object.values(SITE_SERIES).flatMap((series) => Object.values(series).flat()));

const messages = {
  wrongSize: {
    message: '{{code}} is the {{kind}} code for {{measured}} of {{step}}, but the line documents {{size}}.',
    title: 'Use {{right}} for {{size}}',
    fix: 'Use {{right}} for a {{size}} {{kind}} on the {{group}}.',
  },
} as const;

export default createRule({
  meta: {
    id: 'size-code-mismatch',
    summary: 'A size-specific excision, shave or destruction code disagrees with the documented size.',
    severity: 'error',
    reference:
      'CPT excision (11400–11646), shave removal (11300–11313) and malignant destruction (17260–17286) guidelines; NCCI Policy Manual, ch. III',
    description:
      "A size-specific code (excision, shave, malignant destruction) whose size step disagrees with the line's sizeCm (excisions ≤0.5, ≤1.0, ≤2.0, ≤3.0, ≤4.0, larger; shaves ≤0.5, ≤1.0, ≤2.0, larger). No size, no finding. The fix names the right code of the same site group and kind.",
    messages,
  },
  needs: [SIZED],
  check({ onClaim }) {
    const reports: MessageReport<typeof messages>[] = [];
    for (const line of onClaim.linesIn(SIZED)) {
      const sized = sizedCode(line.code);
      const size = line.raw.sizeCm;
      if (!sized || size === undefined || !Number.isFinite(size) || size <= 0) continue;
      const step = sizeStep(sized.kind, size);
      if (step === sized.step) continue;
      // Every step of a kind has its code in every site group.
      const right = SITE_SERIES[sized.group][sized.kind][step]!;
      const data = {
        code: line.code,
        kind: SIZED_KIND_LABEL[sized.kind],
        measured: measured(sized.kind),
        step: sizeStepLabel(sized.kind, sized.step),
        size: cm(size),
        right,
        group: SITE_GROUP_LABEL[sized.group],
      };
      reports.push({
        line: line.index,
        field: 'code',
        messageId: 'wrongSize',
        data,
        suggestions: suggest(`Change ${line.code} to ${right}`, replaceCode(line, right)),
      });
    }
    return reports;
  },
});
