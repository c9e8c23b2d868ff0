/**
 * npm run new:rule -- <rule-id> [--root DIR]
 *
 * Writes a new rule's two files and registers it:
 *   rules/catalog/<id>.ts        createRule skeleton: meta, one message id with its title, a check() that reports nothing yet
 *   rules/catalog/<id>.cases.ts  its case table, in the shape of the others (one passing, one failing case to rewrite)
 *   rules/catalog/index.ts       its import and its place at the end of RULES
 *   docs/spec-rule-ids.txt       its id, so the catalog test knows it belongs
 * The failing case fails until check() is written: the shared tester
 * (test/unit/rules.test.ts) is the to-do list. Then `npm run docs`.
 * Every file is written as prettier formats it (the repository's config), so
 * `npm run format:check` passes on a fresh rule.
 * --root points at another copy of the repository (the unit test uses one).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';

export class NewRuleError extends Error {}

/** kebab-case: lower-case words of letters and digits joined by single hyphens, starting with a letter. */
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 60;

export function camelCaseOf(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function ruleSource(id: string): string {
  return `/**
 * ${id} — TODO: what it catches, in one line.
 * Source: TODO: the guideline, manual chapter or payer policy it comes from.
 */
import { createRule } from '../types';

export default createRule({
  meta: {
    id: '${id}',
    summary: 'TODO: one line, what the rule catches.',
    severity: 'warning',
    reference: 'TODO: where the rule comes from',
    description: 'TODO: when it fires, and when it stays silent.',
    messages: {
      found: {
        message: 'TODO: one plain sentence a physician understands at a glance, about {{code}}.',
        title: 'TODO: what to do',
        fix: 'TODO: the concrete change.',
      },
    },
  },
  // What an encounter must have for check() to find anything (rules/gate.ts); run() skips the rule without it.
  // Code groups on the claim ([EM, MINOR_PROCEDURE]: both; [[BENIGN_EXCISION, MALIGNANT_EXCISION]]: either),
  // modifierOn('25'), payerIs('medicare'), NOTE… Only what check() itself requires: test/unit/gate.test.ts
  // compares gated and ungated findings. [] calls it on every encounter.
  needs: [],
  check(_context) {
    // Reports nothing until written. Judge only context.claim (the lines billed to insurance), look codes up in
    // rules/codes.ts (never restate a code range here), and stay silent when the encounter cannot decide. A report:
    //   { line: line.index, field: 'code' as const, messageId: 'found' as const, data: { code: line.code } }
    return [];
  },
});
`;
}

function casesSource(): string {
  return `import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    // Encounters the rule must stay silent on: the right coding, and the near misses it must not flag.
    { name: 'TODO: coded correctly', encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [1] }] }) },
  ],
  invalid: [
    // Encounters it must flag, with every finding exactly: line, and severity, messageId, title, field where they matter.
    { name: 'TODO: the mistake it catches', encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [1] }] }), findings: [{ line: 0, messageId: 'found' }] },
  ],
});
`;
}

/** The catalog index with the rule's import after the last rule import and its entry at the end of RULES. */
export function registered(index: string, id: string): string {
  const name = camelCaseOf(id);
  const lines = index.split('\n');
  const lastImport = lines.findLastIndex((l) => /^import \w+ from '\.\/[a-z0-9-]+';$/.test(l));
  const start = lines.findIndex((l) => l.startsWith('export const RULES'));
  const end = start < 0 ? -1 : lines.findIndex((l, i) => i > start && l === '];');
  if (lastImport < 0 || start < 0 || end < 0)
    throw new NewRuleError('rules/catalog/index.ts: cannot find the rule imports and the RULES list');
  lines.splice(end, 0, `  ${name},`);
  lines.splice(lastImport + 1, 0, `import ${name} from './${id}';`);
  return lines.join('\n');
}

/** A file's text as prettier writes it, with the config that applies there (else this repository's own). */
async function formatted(path: string, text: string): Promise<string> {
  const options =
    (await resolveConfig(path)) ?? (await resolveConfig(fileURLToPath(new URL('../rules/index.ts', import.meta.url))));
  return format(text, { ...options, filepath: path });
}

/** Writes the rule, its case table and its registration under `root`; returns the files touched, relative to it. */
export async function newRule(id: string, root: string): Promise<string[]> {
  if (!RULE_ID.test(id) || id.length > MAX_ID_LENGTH) {
    throw new NewRuleError(
      `"${id.slice(0, 80)}" is not a rule id: lower-case words of letters and digits joined by hyphens, starting with a letter (e.g. mod25-missing), at most ${MAX_ID_LENGTH} characters`,
    );
  }
  const catalog = join(root, 'rules', 'catalog');
  const indexPath = join(catalog, 'index.ts');
  const idsPath = join(root, 'docs', 'spec-rule-ids.txt');
  const index = readFileSync(indexPath, 'utf8');
  const ids = readFileSync(idsPath, 'utf8');
  const name = camelCaseOf(id);
  if (
    existsSync(join(catalog, `${id}.ts`)) ||
    existsSync(join(catalog, `${id}.cases.ts`)) ||
    index.includes(`'./${id}'`) ||
    ids.split('\n').includes(id)
  ) {
    throw new NewRuleError(`${id} already exists`);
  }
  if (index.split(/[^A-Za-z0-9_$]+/).includes(name))
    throw new NewRuleError(`${id}: the name ${name} is already taken in rules/catalog/index.ts`);

  const rulePath = join(catalog, `${id}.ts`);
  const casesPath = join(catalog, `${id}.cases.ts`);
  const [rule, cases, next] = await Promise.all([
    formatted(rulePath, ruleSource(id)),
    formatted(casesPath, casesSource()),
    formatted(indexPath, registered(index, id)),
  ]);
  writeFileSync(rulePath, rule, { flag: 'wx' });
  writeFileSync(casesPath, cases, { flag: 'wx' });
  writeFileSync(indexPath, next);
  writeFileSync(idsPath, `${ids}${ids.endsWith('\n') || ids === '' ? '' : '\n'}${id}\n`);
  return [`rules/catalog/${id}.ts`, `rules/catalog/${id}.cases.ts`, 'rules/catalog/index.ts', 'docs/spec-rule-ids.txt'];
}

async function main(argv: string[]): Promise<number> {
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? resolve(argv[rootAt + 1] ?? '.') : fileURLToPath(new URL('..', import.meta.url));
  const rest = argv.filter((_a, i) => rootAt < 0 || (i !== rootAt && i !== rootAt + 1));
  if (rest.length !== 1 || rest[0]!.startsWith('-')) {
    console.error('usage: npm run new:rule -- <rule-id> [--root DIR]');
    return 1;
  }
  try {
    const touched = await newRule(rest[0]!, root);
    console.log(
      `${touched.join('\n')}\n\nNext: write check() and the case table (npx vitest run test/unit/rules.test.ts fails until the failing case is found), then npm run docs.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof NewRuleError) {
      console.error(`new:rule: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exit(await main(process.argv.slice(2)));
