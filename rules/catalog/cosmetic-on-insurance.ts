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
import type { Suggestion } from '../schema';
import { billToPatient } from '../suggest';
import { diagnosisIn, RETAIL_OR_COSMETIC_LINE } from '../gate';
import { createRule, type MessageReport } from '../types';

type Reason =
  | { kind: 'retail' }
  | { kind: 'category' }
  | { kind: 'code'; peel: boolean }
  | { kind: 'dx'; dx: string }
  | { kind: 'toxin' };

const BILL_PATIENT = 'Bill {{code}} to the patient (or append GY if the payer needs a denial).';
const BILL_OR_LINK =
  'Bill {{code}} to the patient (or append GY if the payer needs a denial); if the note documents a covered indication, link it instead.';
const COSMETIC = 'Cosmetic: bill the patient';

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
  if (BOTOX.has(line.code) && line.dx.length > 0 && !line.dx.some((d) => BOTOX_COVERED_DX.has(d)))
    return { kind: 'toxin' };
  return undefined;
}

/** The one-click fix: bill the line to the patient. */
const billPatient = (line: ClaimLine, code: string): Suggestion[] => [
  { label: code ? `Bill ${code} to the patient` : 'Bill to the patient', actions: [billToPatient(line)] },
];

const messages = {
  retail: {
    message:
      '{{code}} is a retail item billed to insurance; retail items are sold to the patient, not billed to the plan.',
    title: 'Retail item: bill the patient',
    fix: BILL_PATIENT,
  },
  retailNoCode: {
    message: 'A retail item is billed to insurance; retail items are sold to the patient, not billed to the plan.',
    title: 'Retail item: bill the patient',
    fix: 'Bill the retail item to the patient.',
  },
  category: {
    message: '{{code}} is marked cosmetic but billed to insurance, which does not pay for cosmetic services.',
    title: COSMETIC,
    fix: BILL_PATIENT,
  },
  categoryNoCode: {
    message: 'This line is marked cosmetic but billed to insurance, which does not pay for cosmetic services.',
    title: COSMETIC,
    fix: 'Bill this line to the patient.',
  },
  code: {
    message: '{{code}} is a cosmetic procedure, which insurance does not cover.',
    title: COSMETIC,
    fix: BILL_PATIENT,
  },
  peel: {
    message: '{{code}} is cosmetic unless it treats actinic keratoses or rhinophyma, and neither is linked.',
    title: 'Bill patient, or link AK dx',
    fix: BILL_OR_LINK,
  },
  dx: {
    message: '{{code}} is linked to {{dx}}, a cosmetic-encounter diagnosis, so insurance will deny it.',
    title: 'Cosmetic dx: bill the patient',
    fix: BILL_PATIENT,
  },
  dxNoCode: {
    message: 'This line is linked to {{dx}}, a cosmetic-encounter diagnosis, so insurance will deny it.',
    title: 'Cosmetic dx: bill the patient',
    fix: 'Bill this line to the patient.',
  },
  toxin: {
    message:
      '{{code}} is botulinum toxin with no covered indication linked (such as hyperhidrosis, chronic migraine, dystonia or hemifacial spasm), so it is cosmetic.',
    title: 'Bill patient, or link covered dx',
    fix: BILL_OR_LINK,
  },
} as const;

type Messages = typeof messages;

export default createRule({
  meta: {
    id: 'cosmetic-on-insurance',
    summary: 'A cosmetic service or retail item is billed to insurance.',
    severity: 'error',
    reference:
      'Social Security Act §1862(a)(10); Medicare Benefit Policy Manual, ch. 16, §120; payer cosmetic-services policies',
    description:
      "A line on the claim that is cosmetic: marked 'cosmetic' or 'retail', a cosmetic code (a chemical peel or dermabrasion is medical with actinic keratosis or rhinophyma linked), a cosmetic diagnosis linked, or botulinum toxin with no covered indication linked. A line with GY (sent on purpose for a denial) does not fire.",
    messages,
  },
  needs: [[COSMETIC_CODES, BOTOX, diagnosisIn(COSMETIC_DX), RETAIL_OR_COSMETIC_LINE]],
  check({ claim, diagnoses, onClaim }) {
    const cosmeticDxOnFile = diagnoses.some((d) => COSMETIC_DX.has(d));
    // Nothing cosmetic anywhere: no line marked so, no cosmetic diagnosis, code or toxin.
    if (
      !cosmeticDxOnFile &&
      !onClaim.has(COSMETIC_CODES) &&
      !onClaim.has(BOTOX) &&
      !claim.some((l) => l.raw.category === 'retail' || l.raw.category === 'cosmetic')
    )
      return [];
    const reports: MessageReport<Messages>[] = [];
    for (const line of claim) {
      if (line.modifiers.has('GY')) continue;
      const reason = reasonOf(line, cosmeticDxOnFile);
      if (!reason) continue;
      // A code field holding anything but a code is never quoted (see quotableCode).
      const code = quotableCode(line.code);
      // Billing the patient is the fix, except where a covered indication the note may document is the other (peel, toxin).
      const at = line.index;
      switch (reason.kind) {
        case 'retail':
          reports.push(
            code
              ? { line: at, field: null, messageId: 'retail', data: { code }, suggestions: billPatient(line, code) }
              : { line: at, field: null, messageId: 'retailNoCode', suggestions: billPatient(line, code) },
          );
          break;
        case 'category':
          reports.push(
            code
              ? { line: at, field: null, messageId: 'category', data: { code }, suggestions: billPatient(line, code) }
              : { line: at, field: null, messageId: 'categoryNoCode', suggestions: billPatient(line, code) },
          );
          break;
        case 'dx': {
          const dx = displayIcd(reason.dx);
          reports.push(
            code
              ? { line: at, field: 'dx', messageId: 'dx', data: { code, dx }, suggestions: billPatient(line, code) }
              : { line: at, field: 'dx', messageId: 'dxNoCode', data: { dx }, suggestions: billPatient(line, code) },
          );
          break;
        }
        case 'code':
          reports.push(
            reason.peel
              ? { line: at, field: 'dx', messageId: 'peel', data: { code } }
              : { line: at, field: null, messageId: 'code', data: { code }, suggestions: billPatient(line, code) },
          );
          break;
        case 'toxin':
          reports.push({ line: at, field: 'dx', messageId: 'toxin', data: { code } });
          break;
      }
    }
    return reports;
  },
});
