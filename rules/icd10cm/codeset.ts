/**
 * An ICD-10-CM code set decoded from the packed table format that
 * `encodeIcdTable` (./encode.ts) writes. The built-in FY2026 table and a code
 * set imported later (FY2027 …) go through the same `createIcdCodeSet`.
 *
 * Format (version 1), one ASCII string:
 *
 *   icd1|<macro>,<macro>,…|<entry><entry>…
 *
 * - entry    = a 3-character category, then a subtree; no subtree means the
 *              category itself is billable (I10, L00).
 * - subtree  = '(' children ')', or one lower-case letter naming a macro
 *              ('a' is the first macro, 'b' the second …).
 * - children = items in code order; item = one code character [0-9A-Z], then
 *              a subtree, or nothing for a billable leaf.
 * - macro    = a children string shared by many subtrees (e.g. the 7th
 *              characters 'ADS'); it may use earlier macros.
 *
 * A billable code never has billable codes below it, so a node is either a
 * leaf (billable) or a header, never both. Only the categories present are
 * "shipped": the table decides codes of those, and leaves every other
 * category undecided.
 *
 * Pure TypeScript: no Node or browser API.
 */
import type { IcdCodeSet, IcdStatus } from './types';

export const ICD_TABLE_HEADER = 'icd1|';
export const MACRO_NAMES = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The shape of an ICD-10-CM code, dotless (/^[A-Z][0-9A-Z]{2,6}$/): a letter,
 * a letter or digit, a letter or digit, then up to four more. The second
 * character is a digit in every category but those the code set itself names
 * (QA0, new in FY2026).
 */
function hasLooseShape(code: string): boolean {
  if (code.length < 3 || code.length > 7) return false;
  const first = code.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || (c > 57 && c < 65) || c > 90) return false;
  }
  return true;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Dotless, upper-case: 'l57.0 ' → 'L570'. */
const normalize = (code: string): string => code.replace(/[\s.]/g, '').toUpperCase();

interface Category {
  /** The subtree text: '(…)' contents or a macro's text; null when the category is itself billable. */
  readonly children: string | null;
  /** Decoded on first use. */
  codes?: readonly string[];
  set?: ReadonlySet<string>;
}

export class IcdTableError extends Error {}

/**
 * The categories of a packed table, in order, with their undecoded subtrees.
 * One linear scan; throws IcdTableError on a malformed table.
 */
function indexTable(data: string): { categories: Map<string, Category>; macros: string[] } {
  if (!data.startsWith(ICD_TABLE_HEADER))
    throw new IcdTableError(`not an ICD-10-CM table (expected it to start with '${ICD_TABLE_HEADER}')`);
  const bar = data.indexOf('|', ICD_TABLE_HEADER.length);
  if (bar === -1) throw new IcdTableError('ICD-10-CM table: no body');
  const macroText = data.slice(ICD_TABLE_HEADER.length, bar);
  const macros = macroText === '' ? [] : macroText.split(',');
  if (macros.length > MACRO_NAMES.length) throw new IcdTableError('ICD-10-CM table: too many macros');
  const body = data.slice(bar + 1);
  const categories = new Map<string, Category>();
  let i = 0;
  while (i < body.length) {
    const category = body.slice(i, i + 3);
    if (!/^[A-Z][0-9A-Z]{2}$/.test(category))
      throw new IcdTableError(`ICD-10-CM table: bad category at ${bar + 1 + i}`);
    i += 3;
    let children: string | null = null;
    const next = body[i];
    if (next === '(') {
      const end = closingParen(body, i);
      children = body.slice(i + 1, end);
      i = end + 1;
    } else if (next !== undefined && next >= 'a' && next <= 'z') {
      children = macroOf(macros, next);
      i += 1;
    }
    if (categories.has(category)) throw new IcdTableError(`ICD-10-CM table: category ${category} twice`);
    categories.set(category, { children });
  }
  return { categories, macros };
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  throw new IcdTableError('ICD-10-CM table: unbalanced parentheses');
}

function macroOf(macros: readonly string[], letter: string): string {
  const text = macros[MACRO_NAMES.indexOf(letter)];
  if (text === undefined) throw new IcdTableError(`ICD-10-CM table: unknown macro '${letter}'`);
  return text;
}

/** Appends prefix + every billable suffix a children string spells, in code order. */
function expand(children: string, prefix: string, macros: readonly string[], out: string[], depth = 0): void {
  if (depth > 6) throw new IcdTableError('ICD-10-CM table: codes longer than 7 characters');
  let k = 0;
  while (k < children.length) {
    const c = children[k]!;
    if (!/[0-9A-Z]/.test(c)) throw new IcdTableError(`ICD-10-CM table: unexpected '${c}'`);
    k++;
    const next = children[k];
    if (next === '(') {
      const end = closingParen(children, k);
      expand(children.slice(k + 1, end), prefix + c, macros, out, depth + 1);
      k = end + 1;
    } else if (next !== undefined && next >= 'a' && next <= 'z') {
      expand(macroOf(macros, next), prefix + c, macros, out, depth + 1);
      k++;
    } else {
      out.push(prefix + c);
    }
  }
}

/** Every billable code of a packed table, in code order (for tests and imports; the code set itself decodes lazily). */
export function decodeIcdTable(data: string): string[] {
  const { categories, macros } = indexTable(data);
  const out: string[] = [];
  for (const [category, entry] of categories) {
    if (entry.children === null) out.push(category);
    else expand(entry.children, category, macros, out);
  }
  return out;
}

export interface IcdCodeSetInfo extends IcdCodeSet {
  /** The 3-character categories the table ships, in code order. */
  categories(): string[];
  /** Whether the table ships this 3-character category. */
  hasCategory(category: string): boolean;
}

/**
 * A code set from a packed table (see the format above). The header is checked
 * now; the category index is built on first use, and each category is decoded
 * into a Set the first time a code of it is judged.
 */
export function createIcdCodeSet(name: string, encodedData: string): IcdCodeSetInfo {
  if (!encodedData.startsWith(ICD_TABLE_HEADER))
    throw new IcdTableError(`${name}: not an ICD-10-CM table (expected it to start with '${ICD_TABLE_HEADER}')`);
  let index: ReturnType<typeof indexTable> | undefined;
  const table = () => (index ??= indexTable(encodedData));

  const decoded = (category: string): Category | undefined => {
    const { categories, macros } = table();
    const entry = categories.get(category);
    if (entry && !entry.codes) {
      const codes: string[] = [];
      if (entry.children === null) codes.push(category);
      else expand(entry.children, category, macros, codes);
      entry.codes = codes;
      entry.set = new Set(codes);
    }
    return entry;
  };

  return {
    name,
    status(input: string): IcdStatus {
      // A code already dotless and upper-case (as the engine passes them) is its own normal form.
      let code = input;
      if (!hasLooseShape(code)) {
        code = normalize(input);
        if (!hasLooseShape(code)) return 'invalid';
      }
      const entry = decoded(code.slice(0, 3));
      // A letter in second place is valid only in a category the table names (QA0).
      if (!entry) return isDigit(code.charCodeAt(1)) ? 'undecided' : 'invalid';
      return entry.set!.has(code) ? 'valid' : 'invalid';
    },
    suggestions(input: string, limit: number): string[] {
      const prefix = normalize(input);
      const out: string[] = [];
      if (limit <= 0 || prefix === '' || !/^[0-9A-Z]+$/.test(prefix)) return out;
      const categories =
        prefix.length >= 3 ? [prefix.slice(0, 3)] : [...table().categories.keys()].filter((c) => c.startsWith(prefix));
      for (const category of categories) {
        const entry = decoded(category);
        if (!entry) continue;
        for (const code of entry.codes!) {
          if (code.startsWith(prefix)) {
            out.push(code);
            if (out.length >= limit) return out;
          }
        }
      }
      return out;
    },
    categories: () => [...table().categories.keys()],
    hasCategory: (category: string) => table().categories.has(normalize(category)),
  };
}
