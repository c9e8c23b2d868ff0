/**
 * The payer kind from the insurance category (financial class) a screen shows.
 * Without one it is 'unknown', and the encounter carries the plan name: the
 * worker reads the kind off the name with the practice's and the built-in
 * tables (rules/payer-names.ts, effectivePayerKind), which the content script
 * does not carry. Unrecognized text is 'unknown', never a guess.
 */
import type { PayerKind } from '../../rules/schema';

const BY_CATEGORY: [RegExp, PayerKind][] = [
  [/^self[\s-]?pay|^cash|^uninsured|^no insurance/i, 'self-pay'],
  [/medicare\s*(advantage|replacement|part\s*c|hmo|ppo)|\bMA(PD)?\b|\bpart c\b/i, 'medicare-advantage'],
  [/medicare/i, 'medicare'],
  [/medicaid|medi-cal|\bchip\b/i, 'medicaid'],
  [/commercial|private|\bppo\b|\bhmo\b|\bepo\b|\bpos\b|group|employer|exchange|marketplace/i, 'commercial'],
];

const EXACT: Record<string, PayerKind> = {
  medicare: 'medicare',
  'medicare-advantage': 'medicare-advantage',
  medicaid: 'medicaid',
  commercial: 'commercial',
  'self-pay': 'self-pay',
  unknown: 'unknown',
};

/** `_name`: the plan name, left to the worker (see above); kept so the adapters read alike. */
export function payerKindFromText(category: string | null | undefined, _name?: string | null): PayerKind {
  const cat = (category ?? '').trim();
  if (cat) {
    const exact = EXACT[cat.toLowerCase()];
    if (exact) return exact;
    for (const [re, kind] of BY_CATEGORY) if (re.test(cat)) return kind;
  }
  return 'unknown';
}
