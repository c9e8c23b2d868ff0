/**
 * destruction-wrong-family — a destruction code of one family billed for a lesion of another.
 * Source: CPT guidelines for destruction (17000–17004 premalignant, 17110–17111 benign,
 * 17260–17286 malignant) and for skin tag removal (11200–11201).
 */
import { DESTRUCTION_FAMILIES, destructionFamilyOfCode, displayIcd, dxLabel, type DestructionFamily } from '../codes';
import { createRule } from '../types';

function familyOfDx(icd: string): DestructionFamily | undefined {
  for (const family of DESTRUCTION_FAMILIES) if (family.diagnoses.has(icd)) return family;
  return undefined;
}

/** 'L82.1 (seborrheic keratosis)', or the bare code when the catalog has no label for it. */
const named = (icd: string): string => {
  const label = dxLabel(icd);
  return label ? `${displayIcd(icd)} (${label})` : displayIcd(icd);
};

export default createRule({
  meta: {
    id: 'destruction-wrong-family',
    summary: 'A destruction or skin-tag code is billed for a lesion that belongs to another family.',
    severity: 'error',
    reference: 'CPT guidelines, destruction of premalignant, benign and malignant lesions, removal of skin tags',
    description:
      'A line of a destruction family (premalignant, benign, malignant, skin tag) whose linked diagnoses that belong to some family all belong to other families, e.g. 17000 for a seborrheic keratosis or 17110 for skin tags. Diagnoses of no family are left out; a line with none left is not judged.',
    messages: {
      wrongFamily: {
        message: '{{code}} belongs to the {{family}} series, but it is linked to {{dx}}, treated with {{series}}.',
        title: 'Wrong series: recode or fix dx',
        fix: 'Recode the line with {{series}}, or link the diagnosis of the lesion that was actually treated.',
      },
    },
  },
  needs: [DESTRUCTION_FAMILIES.map((f) => f.codes)],
  check({ claim, onClaim }) {
    if (!DESTRUCTION_FAMILIES.some((f) => onClaim.has(f.codes))) return [];
    const reports = [];
    for (const line of claim) {
      const own = destructionFamilyOfCode(line.code);
      if (!own) continue;
      // The line's diagnoses that belong to a family; none of them may be of its own.
      const placed: { icd: string; family: DestructionFamily }[] = [];
      let ownLinked = false;
      for (const d of line.dx) {
        const family = familyOfDx(d);
        if (family === own) ownLinked = true;
        else if (family) placed.push({ icd: d, family });
        if (ownLinked) break;
      }
      if (ownLinked || placed.length === 0) continue;
      const dxText = placed.map((d) => named(d.icd));
      const series = [...new Set(placed.map((d) => d.family.series))].join(' or ');
      // No one-click fix: the code or the diagnosis may be the wrong one, and the series' code depends on the count.
      reports.push({
        line: line.index,
        field: 'code' as const,
        messageId: 'wrongFamily' as const,
        data: { code: line.code, family: own.label, dx: dxText.join(' and '), series },
      });
    }
    return reports;
  },
});
