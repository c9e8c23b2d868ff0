/**
 * size-code-mismatch — a size-specific code that disagrees with the documented size.
 * Source: CPT excision guidelines (code by the excised diameter: the lesion plus the
 * narrowest margins), shave removal and malignant destruction descriptors (lesion
 * diameter); NCCI Policy Manual ch. III (integumentary system).
 */
import { codeSet, SITE_GROUP_LABEL, SITE_SERIES, SIZED_KIND_LABEL, sizeStep, sizeStepLabel, sizedCode, type SizedKind } from '../codes';
import { defineRule, type RuleReport } from '../types';

const measured = (kind: SizedKind) =>
  kind === 'benign-excision' || kind === 'malignant-excision' ? 'an excised diameter (lesion plus margins)' : 'a lesion diameter';
const cm = (size: number) => `${Number(size.toFixed(2))} cm`;

/** Every site- and size-specific code (sizedCode knows these). */
const SIZED = codeSet(...Object.values(SITE_SERIES).flatMap((series) => Object.values(series).flat()));

const messages = {
  wrongSize: (code: string, kind: SizedKind, step: number, size: number) =>
    `${code} is the ${SIZED_KIND_LABEL[kind]} code for ${measured(kind)} of ${sizeStepLabel(kind, step)}, but the line documents ${cm(size)}.`,
  fix: (right: string, kind: SizedKind, size: number, group: keyof typeof SITE_GROUP_LABEL) =>
    `Use ${right} for a ${cm(size)} ${SIZED_KIND_LABEL[kind]} on the ${SITE_GROUP_LABEL[group]}.`,
};

export default defineRule({
  meta: {
    id: 'size-code-mismatch',
    summary: 'A size-specific excision, shave or destruction code disagrees with the documented size.',
    severity: 'error',
    reference: 'CPT excision (11400–11646), shave removal (11300–11313) and malignant destruction (17260–17286) guidelines; NCCI Policy Manual, ch. III',
    description:
      'A size-specific code (excision 11400–11446 and 11600–11646, shave 11300–11313, malignant destruction 17260–17286) whose size step disagrees with the line\'s sizeCm (excisions ≤0.5, ≤1.0, ≤2.0, ≤3.0, ≤4.0, larger; shaves ≤0.5, ≤1.0, ≤2.0, larger). No size, no finding. The fix names the right code of the same site group and kind.',
    messages,
  },
  check({ onClaim }) {
    const reports: RuleReport[] = [];
    for (const line of onClaim.linesIn(SIZED)) {
      const sized = sizedCode(line.code);
      const size = line.raw.sizeCm;
      if (!sized || size === undefined || !Number.isFinite(size) || size <= 0) continue;
      const step = sizeStep(sized.kind, size);
      if (step === sized.step) continue;
      const right = SITE_SERIES[sized.group][sized.kind][step];
      reports.push({
        line: line.index,
        message: messages.wrongSize(line.code, sized.kind, sized.step, size),
        fix: right ? messages.fix(right, sized.kind, size, sized.group) : undefined,
      });
    }
    return reports;
  },
});
