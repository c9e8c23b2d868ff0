/**
 * cosmetic-on-insurance — a cosmetic service or a retail item is on the insurance claim.
 * Source: Social Security Act §1862(a)(10) (cosmetic surgery excluded); Medicare Benefit Policy
 * Manual ch. 16, §120; payers' cosmetic-services policies; ICD-10-CM Z41 (encounter for
 * procedures for purposes other than remedying health state).
 */
import {
  BOTOX,
  BOTOX_COVERED_DX,
  COSMETIC_CODES,
  COSMETIC_DX,
  displayIcd,
  MEDICAL_PEEL_DX,
  PEEL_OR_DERMABRASION,
  quotableCode,
} from '../codes';
import type { ClaimLine } from '../context';
import { defineRule } from '../types';

type Reason = { kind: 'retail' } | { kind: 'category' } | { kind: 'code'; peel: boolean } | { kind: 'dx'; dx: string } | { kind: 'toxin' };


const messages = {
  retail: (code: string) => `${code ? `${code} is a retail item` : 'A retail item is'} billed to insurance; retail items are sold to the patient, not billed to the plan.`,
  category: (code: string) => `${code || 'This line'} is marked cosmetic but billed to insurance, which does not pay for cosmetic services.`,
  code: (code: string) => `${code} is a cosmetic procedure, which insurance does not cover.`,
  peel: (code: string) => `${code} is cosmetic unless it treats actinic keratoses or rhinophyma, and neither is linked.`,
  dx: (code: string, dx: string) => `${code} is linked to ${dx}, a cosmetic-encounter diagnosis, so insurance will deny it.`,
  toxin: (code: string) => `${code} is botulinum toxin with no covered indication linked (such as hyperhidrosis, chronic migraine, dystonia or hemifacial spasm), so it is cosmetic.`,
  fix: (code: string, what = 'the retail item') => (code ? `Bill ${code} to the patient (or append GY if the payer needs a denial).` : `Bill ${what} to the patient.`),
  fixOrLink: (code: string) => `Bill ${code} to the patient (or append GY if the payer needs a denial); if the note documents a covered indication, link it instead.`,
};

/** `cosmeticDxOnFile`: some diagnosis of the encounter is a cosmetic-encounter one (else no line can link one). */
function reasonOf(line: ClaimLine, cosmeticDxOnFile: boolean): Reason | undefined {
  const category = line.raw.category;
  if (category === 'retail') return { kind: 'retail' };
  if (category === 'cosmetic') return { kind: 'category' };
  const cosmeticDx = cosmeticDxOnFile ? line.dx.find((d) => COSMETIC_DX.has(d)) : undefined;
  if (cosmeticDx) return { kind: 'dx', dx: cosmeticDx };
  if (COSMETIC_CODES.has(line.code)) {
    if (!PEEL_OR_DERMABRASION.has(line.code)) return { kind: 'code', peel: false };
    // A peel or dermabrasion is medical for AK or rhinophyma: with nothing linked, it cannot be judged.
    if (line.dx.length > 0 && !line.dx.some((d) => MEDICAL_PEEL_DX.has(d))) return { kind: 'code', peel: true };
  }
  if (BOTOX.has(line.code) && line.dx.length > 0 && !line.dx.some((d) => BOTOX_COVERED_DX.has(d))) return { kind: 'toxin' };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'cosmetic-on-insurance',
    summary: 'A cosmetic service or retail item is billed to insurance.',
    severity: 'error',
    reference: 'Social Security Act §1862(a)(10); Medicare Benefit Policy Manual, ch. 16, §120; payer cosmetic-services policies',
    description:
      "A line on the claim that is cosmetic: marked 'cosmetic' or 'retail', a cosmetic code (a chemical peel or dermabrasion is medical with actinic keratosis or rhinophyma linked), a cosmetic diagnosis (Z41.1, Z41.8, Z41.9) linked, or botulinum toxin with no covered indication linked. A line with GY (sent on purpose for a denial) does not fire.",
    messages,
  },
  check({ claim, diagnoses, onClaim }) {
    const cosmeticDxOnFile = diagnoses.some((d) => COSMETIC_DX.has(d));
    // Nothing cosmetic anywhere: no line marked so, no cosmetic diagnosis, code or toxin.
    if (!cosmeticDxOnFile && !onClaim.has(COSMETIC_CODES) && !onClaim.has(BOTOX) && !claim.some((l) => l.raw.category === 'retail' || l.raw.category === 'cosmetic')) return [];
    const reports = [];
    for (const line of claim) {
      if (line.modifiers.has('GY')) continue;
      const reason = reasonOf(line, cosmeticDxOnFile);
      if (!reason) continue;
      // A code field holding anything but a code is never quoted (see quotableCode).
      const code = quotableCode(line.code);
      let message: string;
      let fix = messages.fix(code, reason.kind === 'retail' ? 'the retail item' : 'this line');
      switch (reason.kind) {
        case 'retail':
          message = messages.retail(code);
          break;
        case 'category':
          message = messages.category(code);
          break;
        case 'dx':
          message = messages.dx(code || 'This line', displayIcd(reason.dx));
          break;
        case 'code':
          message = reason.peel ? messages.peel(code) : messages.code(code);
          if (reason.peel) fix = messages.fixOrLink(code);
          break;
        case 'toxin':
          message = messages.toxin(code);
          fix = messages.fixOrLink(code);
          break;
      }
      reports.push({ line: line.index, message, fix });
    }
    return reports;
  },
});
