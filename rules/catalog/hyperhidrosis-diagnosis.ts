/**
 * hyperhidrosis-diagnosis — eccrine-gland chemodenervation with a hyperhidrosis diagnosis payers do not cover, or of another area.
 * Source: payers' botulinum toxin policies (e.g. the Medicare LCDs for botulinum
 * toxins) cover chemodenervation of eccrine glands for primary focal
 * hyperhidrosis (ICD-10-CM L74.510–L74.519) after topical treatment failed,
 * not for secondary focal (L74.52) or generalized (R61) hyperhidrosis; ICD-10-CM
 * codes primary focal hyperhidrosis by area (axilla, face, palms, soles).
 */
import {
  AXILLARY_CHEMODENERVATION,
  AXILLARY_HYPERHIDROSIS_DX,
  displayIcd,
  ECCRINE_CHEMODENERVATION,
  FACE_PALM_SOLE_HYPERHIDROSIS_DX,
  OTHER_AREA_CHEMODENERVATION,
  OTHER_HYPERHIDROSIS_DX,
  PRIMARY_FOCAL_HYPERHIDROSIS_DX,
} from '../codes';
import { createRule } from '../types';

const list = (dx: readonly string[]) => dx.map(displayIcd).join(', ');
/** 'generalized hyperhidrosis' for R61, 'secondary focal hyperhidrosis' for L74.52, both when both. */
const kindOf = (dx: readonly string[]) => {
  const generalized = dx.some((d) => d.startsWith('R61'));
  const secondary = dx.some((d) => !d.startsWith('R61'));
  return generalized && secondary
    ? 'secondary focal and generalized hyperhidrosis'
    : generalized
      ? 'generalized hyperhidrosis'
      : 'secondary focal hyperhidrosis';
};

const NOT_PRIMARY_FOCAL =
  '{{code}} is linked to {{kind}} ({{dx}}) and no primary focal hyperhidrosis, the diagnosis payer policies cover chemodenervation for.';
const NOT_PRIMARY_FOCAL_TITLE = 'Link primary focal dx if noted';

export default createRule({
  meta: {
    id: 'hyperhidrosis-diagnosis',
    summary:
      'Eccrine-gland chemodenervation is linked to a hyperhidrosis diagnosis that payers do not cover, or one of another area.',
    severity: 'warning',
    reference:
      'Payer botulinum toxin policies (e.g. Medicare LCDs for botulinum toxins): primary focal hyperhidrosis; ICD-10-CM L74.510–L74.519, L74.52, R61',
    description:
      '64650 or 64653 whose linked diagnoses include secondary focal or generalized hyperhidrosis and no primary focal hyperhidrosis. Or 64650 (axillae) linked only to primary focal hyperhidrosis of the face, palms or soles, or 64653 (other areas) linked only to axillary hyperhidrosis.',
    messages: {
      notPrimaryFocal: {
        message: NOT_PRIMARY_FOCAL,
        title: NOT_PRIMARY_FOCAL_TITLE,
        fix: "If the note documents primary focal hyperhidrosis of the area treated, link its code to {{code}} (L74.511 face, L74.519 other areas); otherwise expect a denial and check the payer's policy.",
      },
      notPrimaryFocalAxillae: {
        message: NOT_PRIMARY_FOCAL,
        title: NOT_PRIMARY_FOCAL_TITLE,
        fix: "If the note documents primary focal hyperhidrosis of the axillae, link L74.510 to {{code}}; otherwise expect a denial and check the payer's policy.",
      },
      axillaeOtherDx: {
        message:
          '{{axillary}} treats the axillae, but its diagnoses are primary focal hyperhidrosis of the face, palms or soles ({{dx}}), which does not match the area.',
        title: 'Link L74.510, or use {{other}}',
        fix: 'Link L74.510 if the axillae were treated; if another area was, report it with {{other}} (the hands and feet with 64999).',
      },
      otherAreaAxillaryDx: {
        message:
          '{{other}} treats an area other than the axillae, but its only diagnosis is axillary hyperhidrosis (L74.510), which does not match the area.',
        title: "Link the area's dx, or use {{axillary}}",
        fix: 'Link the primary focal hyperhidrosis code of the area treated (L74.511 face, L74.519 other areas), or report the axillae with {{axillary}}.',
      },
    },
  },
  needs: [ECCRINE_CHEMODENERVATION],
  check({ claim }) {
    // No one-click fix: a diagnosis link is no action a suggestion takes, and the note decides which one.
    const reports = [];
    const codes = { axillary: AXILLARY_CHEMODENERVATION, other: OTHER_AREA_CHEMODENERVATION };
    for (const line of claim) {
      if (!ECCRINE_CHEMODENERVATION.has(line.code) || line.dx.length === 0) continue;
      const other = line.dx.filter((d) => OTHER_HYPERHIDROSIS_DX.has(d));
      if (other.length > 0 && !line.dx.some((d) => PRIMARY_FOCAL_HYPERHIDROSIS_DX.has(d))) {
        const messageId =
          line.code === AXILLARY_CHEMODENERVATION ? ('notPrimaryFocalAxillae' as const) : ('notPrimaryFocal' as const);
        reports.push({
          line: line.index,
          field: 'dx' as const,
          messageId,
          data: { code: line.code, kind: kindOf(other), dx: list(other) },
        });
      } else if (
        line.code === AXILLARY_CHEMODENERVATION &&
        line.dx.every((d) => FACE_PALM_SOLE_HYPERHIDROSIS_DX.has(d))
      ) {
        reports.push({
          line: line.index,
          field: 'dx' as const,
          messageId: 'axillaeOtherDx' as const,
          data: { axillary: codes.axillary, other: codes.other, dx: list(line.dx) },
        });
      } else if (line.code === OTHER_AREA_CHEMODENERVATION && line.dx.every((d) => AXILLARY_HYPERHIDROSIS_DX.has(d))) {
        reports.push({
          line: line.index,
          field: 'dx' as const,
          messageId: 'otherAreaAxillaryDx' as const,
          data: codes,
        });
      }
    }
    return reports;
  },
});
