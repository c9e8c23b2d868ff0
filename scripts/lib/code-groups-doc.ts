/**
 * Each rule's code groups, for docs/rules.md, rendered from the data in
 * rules/codes.ts (CodeSet.specs, DxGroup.prefixes, the tables) rather than
 * restated by hand: a rule's groups are the code data its module imports from
 * rules/codes.ts (or the note rules' rules/note/families.ts), each labelled
 * with the first sentence of its doc comment there.
 */
import { readFileSync } from 'node:fs';
import * as codes from '../../rules/codes';
import * as noteFamilies from '../../rules/note/families';

/** Where rule modules take code data from: the import path, the module, and its source file (for the labels). */
const SOURCES = [
  { from: ['../codes'], module: codes as unknown as Record<string, unknown>, file: '../../rules/codes.ts' },
  {
    from: ['../note/index', '../note/families'],
    module: noteFamilies as unknown as Record<string, unknown>,
    file: '../../rules/note/families.ts',
  },
];

/** Export name → the first sentence of the doc comment right above it in its source file. */
const LABELS: ReadonlyMap<string, string> = (() => {
  const labels = new Map<string, string>();
  const text = SOURCES.map((s) => readFileSync(new URL(s.file, import.meta.url), 'utf8')).join('\n');
  for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export const (\w+)/g)) {
    const doc = m[1]!
      .replace(/^\s*\*\s?/gm, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // The first sentence, without the rule ids it names in parentheses (the page is about that rule).
    const sentence = (/^(.+?\.)(?:\s|$)/.exec(doc)?.[1] ?? doc).replace(/\.$/, '');
    labels.set(m[2]!, sentence.replace(/ \(([a-z0-9]+-[a-z0-9-]+(, )?)+\)$/, ''));
  }
  return labels;
})();

const isCodeSet = (v: unknown): v is codes.CodeSet =>
  typeof v === 'object' && v !== null && 'specs' in v && typeof (v as codes.CodeSet).has === 'function';
const isDxGroup = (v: unknown): v is codes.DxGroup =>
  typeof v === 'object' && v !== null && 'prefixes' in v && typeof (v as codes.DxGroup).has === 'function';

const specText = (spec: codes.CodeSpec) => (typeof spec === 'string' ? spec : `${spec[0]}–${spec[1]}`);

const nested = (o: Record<string, unknown>) =>
  Object.values(o).some(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !isCodeSet(v) && !isDxGroup(v),
  );

/** A destruction family's counting: 17000 for the first lesion, 17003 per further lesion (at most 13), 17004 alone from 15. */
function counting(c: codes.DestructionCounting): string {
  const parts = [`${c.first} for the first ${c.firstCovers === 1 ? 'lesion' : `${c.firstCovers} lesions`}`];
  if (c.addOn)
    parts.push(
      `${c.addOn} per ${c.addOnPer === 1 ? 'further lesion' : `further ${c.addOnPer} lesions or part of them`}${c.addOnMaxUnits ? ` (at most ${c.addOnMaxUnits})` : ''}`,
    );
  if (c.bulk) parts.push(`${c.bulk} alone from ${c.bulkFrom} lesions`);
  return `{${parts.join(', ')}}`;
}

/** A value of rules/codes.ts as a coder reads it: codes and ranges, diagnosis prefixes, tables as "key → value". */
function render(value: unknown): string {
  if (isCodeSet(value)) return value.specs.map(specText).join(', ');
  if (isDxGroup(value)) return `${value.prefixes.join(', ')} (and the codes under them)`;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
    return value.map(render).join('; ');
  }
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.label === 'string' && isCodeSet(o.codes))
      return `${o.label}: ${render(o.codes)}${isDxGroup(o.diagnoses) ? ` for ${o.diagnoses.prefixes.join(', ')}` : ''}`;
    if (typeof o.first === 'string' && typeof o.firstCovers === 'number')
      return counting(o as unknown as codes.DestructionCounting);
    if (typeof o.name === 'string' && typeof o.codes === 'string') return `${o.name}: ${o.codes}`;
    if (typeof o.modifier === 'string' && Array.isArray(o.conflictsWith))
      return `${o.modifier} with ${(o.conflictsWith as string[]).join(' or ')}`;
    const siteGroups = Object.keys(o).join() === 'A,B,C';
    return Object.entries(o)
      .map(([k, v]) => [siteGroups ? `${k} (${codes.SITE_GROUP_LABEL[k as codes.SiteGroup]})` : k, v] as const)
      .filter(([, v]) => typeof v !== 'function')
      .map(([k, v]) =>
        typeof v === 'object' && v !== null && !Array.isArray(v) && !isCodeSet(v) && !isDxGroup(v)
          ? `${k}: ${render(v)}`
          : `${k} → ${render(v)}`,
      )
      .join(nested(o) ? ' · ' : '; ');
  }
  return '';
}

/** The names a rule module imports from one of SOURCES (values only, not types), with the module they come from. */
function codeImportsOf(source: string): { name: string; module: Record<string, unknown> }[] {
  const names: { name: string; module: Record<string, unknown> }[] = [];
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const from = SOURCES.find((s) => s.from.includes(m[2]!));
    if (!from) continue;
    for (const part of m[1]!.split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push({ name, module: from.module });
    }
  }
  return names;
}

/** Markdown bullets of the code groups a rule's module uses; empty when it uses none. */
export function codeGroupLines(ruleSource: string): string[] {
  const out: string[] = [];
  for (const { name, module } of codeImportsOf(ruleSource)) {
    const value = module[name];
    if (value === undefined || typeof value === 'function') continue;
    const shown = render(value);
    if (!/[0-9]/.test(shown)) continue; // words for messages, not codes
    const found = LABELS.get(name) ?? name.toLowerCase().replace(/_/g, ' ');
    const label = found.charAt(0).toUpperCase() + found.slice(1);
    out.push(`- ${label} (\`${name}\`): ${shown}`);
  }
  return out;
}
