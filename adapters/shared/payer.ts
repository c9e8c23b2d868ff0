/**
 * The payer kind from what a screen shows: the insurance category (financial
 * class) when there is one, else the plan name. Unrecognized text is 'unknown',
 * never a guess (the user's default payer kind then applies).
 */
import type { PayerKind } from '../../rules/schema';

const BY_CATEGORY: [RegExp, PayerKind][] = [
  [/^self[\s-]?pay|^cash|^uninsured|^no insurance/i, 'self-pay'],
  [/medicare\s*(advantage|replacement|part\s*c|hmo|ppo)|\bMA(PD)?\b|\bpart c\b/i, 'medicare-advantage'],
  [/medicare/i, 'medicare'],
  [/medicaid|medi-cal|\bchip\b/i, 'medicaid'],
  [/commercial|private|\bppo\b|\bhmo\b|\bepo\b|\bpos\b|group|employer|exchange|marketplace/i, 'commercial'],
];

/** Words that mark a plan name as one of the kinds when no category is shown. */
const BY_NAME: [RegExp, PayerKind][] = [
  [/self[\s-]?pay|cash pay/i, 'self-pay'],
  [/medicare advantage|advantage|gold plus|medicare hmo|medicare ppo|dual complete|part c/i, 'medicare-advantage'],
  [/^medicare\b|medicare part b|traditional medicare|original medicare|\bmedicare\s*(b|fee-for-service|ffs)\b/i, 'medicare'],
  [/medicaid|medi-cal/i, 'medicaid'],
];

const EXACT: Record<string, PayerKind> = {
  medicare: 'medicare',
  'medicare-advantage': 'medicare-advantage',
  medicaid: 'medicaid',
  commercial: 'commercial',
  'self-pay': 'self-pay',
  unknown: 'unknown',
};

export function payerKindFromText(category: string | null | undefined, name?: string | null): PayerKind {
  const cat = (category ?? '').trim();
  if (cat) {
    const exact = EXACT[cat.toLowerCase()];
    if (exact) return exact;
    for (const [re, kind] of BY_CATEGORY) if (re.test(cat)) return kind;
  }
  const plan = (name ?? '').trim();
  if (plan) for (const [re, kind] of BY_NAME) if (re.test(plan)) return kind;
  return 'unknown';
}

/** The label an EHR shows for each kind (the demo screens render it; adapters read it back). */
export const PAYER_CATEGORY_LABEL: Record<PayerKind, string> = {
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  'self-pay': 'Self Pay',
  unknown: '',
};
