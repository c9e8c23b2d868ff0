/**
 * HCPCS/CPT codes as small integers, so a PTP pair is two numbers and a
 * lookup allocates nothing. Every code shape CMS puts in the NCCI tables fits:
 *
 *   five digits (CPT, 00100–99999)            → 0 … 99,999
 *   a letter and four digits (HCPCS level II) → 100,000 … 359,999
 *   four digits and a letter (CPT cat. II/III, PLA: 0001F, 0054T, 0001U, 0002M) → 360,000 … 619,999
 *
 * Anything else (a retail item's '', a typo) has no index and is in no edit.
 */

export const CODE_INDEX_LIMIT = 620_000;

const A = 65;
const ZERO = 48;

function digits(code: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = code.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The index of a trimmed, upper-case code, or -1 when it has none. */
export function codeIndex(code: string): number {
  if (code.length !== 5) return -1;
  const first = code.charCodeAt(0);
  const last = code.charCodeAt(4);
  if (first >= A && first <= A + 25) {
    const n = digits(code, 1, 5);
    return n < 0 ? -1 : 100_000 + (first - A) * 10_000 + n;
  }
  if (last >= A && last <= A + 25) {
    const n = digits(code, 0, 4);
    return n < 0 ? -1 : 360_000 + (last - A) * 10_000 + n;
  }
  return digits(code, 0, 5);
}

/** The code of an index made by codeIndex. */
export function codeOfIndex(index: number): string {
  if (index < 100_000) return String(index).padStart(5, '0');
  if (index < 360_000) {
    const n = index - 100_000;
    return String.fromCharCode(A + Math.floor(n / 10_000)) + String(n % 10_000).padStart(4, '0');
  }
  const n = index - 360_000;
  return String(n % 10_000).padStart(4, '0') + String.fromCharCode(A + Math.floor(n / 10_000));
}
