/**
 * Packs a list of billable ICD-10-CM codes into the table format that
 * `createIcdCodeSet` reads (see ./codeset.ts): a trie per category, written
 * with parentheses, with the most repeated subtrees replaced by one-letter
 * macros (7th characters 'ADS', '129', '0123459' … recur thousands of times).
 *
 * Used by scripts/build-tables.ts at install time, and usable in the extension
 * to import another year's code file. Pure TypeScript.
 */
import { ICD_TABLE_HEADER, IcdTableError, MACRO_NAMES } from './codeset';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** A billable code ends here. */
  billable: boolean;
}

const newNode = (): TrieNode => ({ children: new Map(), billable: false });
const CODE_SHAPE = /^[A-Z][0-9A-Z]{2,6}$/;

/**
 * Codes from the text of a CMS/NCHS code file: one code a line, first field
 * (before a tab or space), dotless or dotted. Blank lines are skipped.
 */
export function parseIcdCodeFile(text: string): string[] {
  const codes: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const code = line.trim().split(/[\t ]/, 1)[0]!.replace(/\./g, '').toUpperCase();
    if (code !== '') codes.push(code);
  }
  return codes;
}

/** The packed table of these billable codes (dotless, any order; duplicates are ignored). */
export function encodeIcdTable(codes: Iterable<string>, options: { macros?: number } = {}): string {
  const maxMacros = Math.min(options.macros ?? MACRO_NAMES.length, MACRO_NAMES.length);
  const roots = new Map<string, TrieNode>();
  for (const raw of codes) {
    const code = raw.replace(/\./g, '').trim().toUpperCase();
    if (!CODE_SHAPE.test(code)) throw new IcdTableError(`not an ICD-10-CM code: '${raw}'`);
    let node: TrieNode | undefined = roots.get(code.slice(0, 3));
    if (!node) roots.set(code.slice(0, 3), (node = newNode()));
    for (const c of code.slice(3)) {
      let child: TrieNode | undefined = node.children.get(c);
      if (!child) node.children.set(c, (child = newNode()));
      node = child;
    }
    node.billable = true;
  }
  for (const [category, root] of roots) checkLeaves(category, root);

  // Greedy: each round, the children string whose replacement by a macro saves most.
  const macros = new Map<string, string>(); // children text → macro letter
  const serialize = (node: TrieNode, counts?: Map<string, number>): string => {
    let out = '';
    for (const c of [...node.children.keys()].sort()) {
      const child = node.children.get(c)!;
      out += c + subtree(child, counts);
    }
    return out;
  };
  const subtree = (node: TrieNode, counts?: Map<string, number>): string => {
    if (node.children.size === 0) return '';
    const inner = serialize(node, counts);
    const macro = macros.get(inner);
    if (macro) return macro;
    if (counts) counts.set(inner, (counts.get(inner) ?? 0) + 1);
    return `(${inner})`;
  };
  const categories = [...roots.keys()].sort();
  while (macros.size < maxMacros) {
    const counts = new Map<string, number>();
    for (const category of categories) subtree(roots.get(category)!, counts);
    let best: string | undefined;
    let bestSaving = 0;
    for (const [text, n] of counts) {
      // '(' text ')' at each use becomes one letter; the definition costs text and a comma.
      const saving = (n - 1) * (text.length + 1);
      if (saving > bestSaving || (saving === bestSaving && best !== undefined && text < best)) {
        best = text;
        bestSaving = saving;
      }
    }
    if (best === undefined) break;
    macros.set(best, MACRO_NAMES[macros.size]!);
  }

  let body = '';
  for (const category of categories) body += category + subtree(roots.get(category)!);
  return `${ICD_TABLE_HEADER}${[...macros.keys()].join(',')}|${body}`;
}

/** A billable code with billable codes below it cannot be written in this format (and does not occur in ICD-10-CM). */
function checkLeaves(code: string, node: TrieNode): void {
  if (node.billable && node.children.size > 0)
    throw new IcdTableError(`${code} is listed as billable and so are longer codes below it`);
  for (const [c, child] of node.children) checkLeaves(code + c, child);
}
