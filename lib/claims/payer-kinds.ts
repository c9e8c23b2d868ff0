/**
 * From what a claim says about its payer to the engine's payer kind
 * (docs/formats.md). The tables are data, documented one for one in
 * docs/claim-formats.md (a unit test compares them).
 *
 * The kinds matter because the ABN rules, drug-waste-modifier and
 * screening-exam-medicare judge original Medicare only: a code that does not
 * say which Medicare (original or Advantage) maps to 'unknown', never to a
 * guess, and the practice can set its default for 'unknown' with --config.
 */
import type { PayerKind } from '../../rules/schema';

export interface PayerCode {
  kind: PayerKind;
  /** What the code means, as the standard names it. */
  label: string;
}

/**
 * X12 837P 2000B SBR09, Claim Filing Indicator Code (X12 element 1032).
 * MA is Medicare Part A (original Medicare, so the ABN rules apply), not Medicare Advantage, which is 16.
 */
export const SBR09_PAYER_KINDS: Readonly<Record<string, PayerCode>> = {
  '09': { kind: 'self-pay', label: 'Self-pay' },
  '11': { kind: 'unknown', label: 'Other Non-Federal Programs' },
  '12': { kind: 'commercial', label: 'Preferred Provider Organization (PPO)' },
  '13': { kind: 'commercial', label: 'Point of Service (POS)' },
  '14': { kind: 'commercial', label: 'Exclusive Provider Organization (EPO)' },
  '15': { kind: 'commercial', label: 'Indemnity Insurance' },
  '16': { kind: 'medicare-advantage', label: 'Health Maintenance Organization (HMO) Medicare Risk' },
  '17': { kind: 'commercial', label: 'Dental Maintenance Organization' },
  AM: { kind: 'commercial', label: 'Automobile Medical' },
  BL: { kind: 'commercial', label: 'Blue Cross/Blue Shield' },
  CH: { kind: 'unknown', label: 'CHAMPUS (TRICARE)' },
  CI: { kind: 'commercial', label: 'Commercial Insurance Co.' },
  DS: { kind: 'commercial', label: 'Disability' },
  FI: { kind: 'commercial', label: 'Federal Employees Program' },
  HM: { kind: 'commercial', label: 'Health Maintenance Organization' },
  LM: { kind: 'commercial', label: 'Liability Medical' },
  MA: { kind: 'medicare', label: 'Medicare Part A' },
  MB: { kind: 'medicare', label: 'Medicare Part B' },
  MC: { kind: 'medicaid', label: 'Medicaid' },
  OF: { kind: 'unknown', label: 'Other Federal Program' },
  TV: { kind: 'unknown', label: 'Title V' },
  VA: { kind: 'unknown', label: 'Veterans Affairs Plan' },
  WC: { kind: 'commercial', label: "Workers' Compensation Health Claim" },
  ZZ: { kind: 'unknown', label: 'Mutually Defined' },
};

/** SBR09 → payer kind; missing or a code not in the list → 'unknown'. */
export function payerKindOfSbr09(code: string | undefined): PayerKind {
  return code !== undefined && Object.hasOwn(SBR09_PAYER_KINDS, code) ? SBR09_PAYER_KINDS[code]!.kind : 'unknown';
}

/** FHIR Coverage.type codings dermlint reads; any other system is read through its text or display. */
export const SOPT_SYSTEMS = ['urn:oid:2.16.840.1.113883.3.221.5', 'https://nahdo.org/sopt'] as const;
export const SELF_PAY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/coverage-selfpay';

/**
 * The Source of Payment Typology (PHDSC/NAHDO), as US Core and CARIN use it
 * for Coverage.type: the longest listed prefix of the code decides.
 */
export const SOPT_PAYER_KINDS: Readonly<Record<string, PayerCode>> = {
  '1': { kind: 'unknown', label: 'Medicare (original or Advantage not said)' },
  '11': { kind: 'medicare-advantage', label: 'Medicare (Managed Care)' },
  '12': { kind: 'medicare', label: 'Medicare (Non-managed Care)' },
  '122': { kind: 'unknown', label: 'Medicare Drug Benefit' },
  '123': { kind: 'medicare-advantage', label: 'Medicare Medical Savings Account (an Advantage plan)' },
  '129': { kind: 'unknown', label: 'Medicare Non-managed Care Other' },
  '2': { kind: 'medicaid', label: 'Medicaid' },
  '3': { kind: 'unknown', label: 'Other Government (TRICARE, VA, …)' },
  '4': { kind: 'unknown', label: 'Departments of Corrections' },
  '5': { kind: 'commercial', label: 'Private Health Insurance' },
  '6': { kind: 'commercial', label: 'Blue Cross/Blue Shield' },
  '7': { kind: 'unknown', label: 'Managed Care, Unspecified' },
  '8': { kind: 'self-pay', label: 'No Payment from an Organization (self-pay, no charge, …)' },
  '9': { kind: 'unknown', label: 'Miscellaneous/Other' },
  '95': { kind: 'commercial', label: "Worker's Compensation" },
};

export function payerKindOfSopt(code: string): PayerKind | undefined {
  if (!/^\d{1,5}$/.test(code)) return undefined;
  for (let length = code.length; length >= 1; length--) {
    const entry = SOPT_PAYER_KINDS[code.slice(0, length)];
    if (entry) return entry.kind;
  }
  return undefined;
}

/**
 * Words in a coverage's type text or display, or the insurer's name, that say
 * the kind, first match wins. "Medicare" alone says nothing (original or
 * Advantage?) and stays unknown; so does a plan's brand name.
 */
export const PAYER_KIND_WORDS: readonly { words: RegExp; kind: PayerKind; says: string }[] = [
  {
    words: /\bmedicare\s+advantage\b|\bmedicare\s+part\s+c\b|\bmedicare\s+(?:hmo|ppo|pffs|msa)\b|\bmapd\b/i,
    kind: 'medicare-advantage',
    says: 'Medicare Advantage, Medicare Part C, Medicare HMO/PPO/PFFS/MSA, MAPD',
  },
  {
    words:
      /\bmedicare\s+part\s+[ab]\b|\boriginal\s+medicare\b|\bmedicare\s+(?:fee[\s-]+for[\s-]+service|ffs)\b|\btraditional\s+medicare\b/i,
    kind: 'medicare',
    says: 'Medicare Part A or B, Original or Traditional Medicare, Medicare fee-for-service/FFS',
  },
  { words: /\bmedicaid\b|\bmedi-cal\b/i, kind: 'medicaid', says: 'Medicaid, Medi-Cal' },
  { words: /\bself[\s-]*pay(?:ing)?\b|\buninsured\b/i, kind: 'self-pay', says: 'self-pay, uninsured' },
  { words: /\bcommercial\b/i, kind: 'commercial', says: 'commercial' },
];

/** The kind some text says (at most its first 200 characters are read); undefined when it says none. */
export function payerKindOfText(text: string | undefined): PayerKind | undefined {
  if (!text) return undefined;
  const head = text.slice(0, 200);
  return PAYER_KIND_WORDS.find((w) => w.words.test(head))?.kind;
}
