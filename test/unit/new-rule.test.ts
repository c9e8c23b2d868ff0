/**
 * `npm run new:rule -- <id>` (scripts/new-rule.ts), run into a temporary copy
 * of rules/ and docs/spec-rule-ids.txt: the files it writes, the registration
 * lines, the ids it refuses, and that the engine of that copy loads the new
 * rule and its case table, which stays silent until check() is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { camelCaseOf, newRule, NewRuleError } from '../../scripts/new-rule';
import type { CaseTable } from '../../rules/cases';
import type { RuleModule } from '../../rules/types';
import type { Finding } from '../../rules/schema';

const REPO = new URL('../../', import.meta.url);
let root = '';

function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-new-rule-'));
  cpSync(new URL('rules/', REPO), join(dir, 'rules'), { recursive: true });
  mkdirSync(join(dir, 'docs'));
  cpSync(new URL('docs/spec-rule-ids.txt', REPO), join(dir, 'docs', 'spec-rule-ids.txt'));
  cpSync(new URL('.prettierrc.json', REPO), join(dir, '.prettierrc.json'));
  return dir;
}

beforeAll(() => {
  root = freshCopy();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('npm run new:rule', () => {
  it('writes the rule and its case table, and registers it: the files touched', async () => {
    const indexBefore = readFileSync(join(root, 'rules/catalog/index.ts'), 'utf8');
    const idsBefore = readFileSync(join(root, 'docs/spec-rule-ids.txt'), 'utf8');
    expect(await newRule('wart-paring-units', root)).toEqual([
      'rules/catalog/wart-paring-units.ts',
      'rules/catalog/wart-paring-units.cases.ts',
      'rules/catalog/index.ts',
      'docs/spec-rule-ids.txt',
    ]);
    const rule = readFileSync(join(root, 'rules/catalog/wart-paring-units.ts'), 'utf8');
    expect(rule).toContain("import { createRule } from '../types';");
    expect(rule).toContain("id: 'wart-paring-units',");
    expect(rule).toContain('messages: {\n      found: {');
    expect(rule).toContain("title: 'TODO: what to do',");
    // The rule's needs (rules/gate.ts), empty until written: the rule is called on every encounter.
    expect(rule).toContain('\n  needs: [],\n  check(_context) {');
    expect(readFileSync(join(root, 'rules/catalog/wart-paring-units.cases.ts'), 'utf8')).toContain(
      "findings: [{ line: 0, messageId: 'found' }]",
    );

    // Exactly two lines added to the index: the import after the last one, the entry at the end of RULES.
    const indexAfter = readFileSync(join(root, 'rules/catalog/index.ts'), 'utf8');
    const before = indexBefore.split('\n');
    const after = indexAfter.split('\n');
    expect(after.length).toBe(before.length + 2);
    const lastImport = before.findLastIndex((l) => l.startsWith('import '));
    expect(after[lastImport + 1]).toBe("import wartParingUnits from './wart-paring-units';");
    expect(after.slice(-3)).toEqual(['  wartParingUnits,', '];', '']);
    expect(
      after.filter((l) => !["import wartParingUnits from './wart-paring-units';", '  wartParingUnits,'].includes(l)),
    ).toEqual(before);
    expect(readFileSync(join(root, 'docs/spec-rule-ids.txt'), 'utf8')).toBe(`${idsBefore}wart-paring-units\n`);
  });

  it('gives the copy an engine that runs the new rule last, silent until its check is written', async () => {
    const catalog = (await import(pathToFileURL(join(root, 'rules/catalog/index.ts')).href)) as {
      RULES: readonly RuleModule[];
    };
    const engine = (await import(pathToFileURL(join(root, 'rules/index.ts')).href)) as { run(e: unknown): Finding[] };
    const rule = catalog.RULES.at(-1)!;
    expect(rule.meta.id).toBe('wart-paring-units');
    expect(Object.keys(rule.meta.messages)).toEqual(['found']);
    expect(rule.meta.messages.found!.title.length).toBeLessThanOrEqual(32);
    const table = (
      (await import(pathToFileURL(join(root, 'rules/catalog/wart-paring-units.cases.ts')).href)) as {
        default: CaseTable;
      }
    ).default;
    expect([table.valid.length, table.invalid.length]).toEqual([1, 1]);
    // The failing case is the to-do: the shared tester fails on it until check() reports.
    expect(engine.run(table.invalid[0]!.encounter).filter((f) => f.rule === 'wart-paring-units')).toEqual([]);
  });

  it('writes every file as prettier formats it (the repository config): prettier --check passes as written', async () => {
    const options = await resolveConfig(new URL('rules/index.ts', REPO).pathname);
    for (const file of [
      'rules/catalog/wart-paring-units.ts',
      'rules/catalog/wart-paring-units.cases.ts',
      'rules/catalog/index.ts',
    ]) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(await format(text, { ...options, filepath: join(root, file) }), file).toBe(text);
    }
    // And the command-line check itself, on the files as written.
    const prettier = new URL('node_modules/.bin/prettier', REPO).pathname;
    expect(
      execFileSync(
        prettier,
        [
          '--check',
          'rules/catalog/wart-paring-units.ts',
          'rules/catalog/wart-paring-units.cases.ts',
          'rules/catalog/index.ts',
        ],
        { cwd: root, encoding: 'utf8', stdio: 'pipe' },
      ),
    ).toContain('All matched files use Prettier code style!');
  });

  it.each([
    ['Wart-Paring', 'is not a rule id'],
    ['wart_paring', 'is not a rule id'],
    ['wart--paring', 'is not a rule id'],
    ['-wart', 'is not a rule id'],
    ['wart-', 'is not a rule id'],
    ['1wart', 'is not a rule id'],
    ['../wart', 'is not a rule id'],
    ['a'.repeat(61), 'at most 60 characters'],
    ['mod25-missing', 'mod25-missing already exists'],
    ['wart-paring-units', 'wart-paring-units already exists'],
  ])('refuses %s', async (id, why) => {
    const index = readFileSync(join(root, 'rules/catalog/index.ts'), 'utf8');
    await expect(newRule(id, root)).rejects.toThrow(NewRuleError);
    await expect(newRule(id, root)).rejects.toThrow(why);
    expect(readFileSync(join(root, 'rules/catalog/index.ts'), 'utf8')).toBe(index);
  });

  it('names the import in camel case', () => {
    expect(camelCaseOf('mod25-missing')).toBe('mod25Missing');
    expect(camelCaseOf('abn-not-on-file')).toBe('abnNotOnFile');
  });

  it('from the command line: prints the files touched, exit 0; a bad id is exit 1 with the reason, nothing written', () => {
    const dir = freshCopy();
    try {
      const tsx = join(new URL('node_modules/.bin/tsx', REPO).pathname);
      const script = new URL('scripts/new-rule.ts', REPO).pathname;
      const out = execFileSync(tsx, [script, 'nail-avulsion-site', '--root', dir], { encoding: 'utf8' });
      expect(out.split('\n').slice(0, 4)).toEqual([
        'rules/catalog/nail-avulsion-site.ts',
        'rules/catalog/nail-avulsion-site.cases.ts',
        'rules/catalog/index.ts',
        'docs/spec-rule-ids.txt',
      ]);
      let failure: { status: number; stderr: string } | undefined;
      try {
        execFileSync(tsx, [script, 'Nail', '--root', dir], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        failure = e as { status: number; stderr: string };
      }
      expect(failure?.status).toBe(1);
      expect(failure?.stderr).toContain('new:rule: "Nail" is not a rule id');
      expect(existsSync(join(dir, 'rules/catalog/Nail.ts'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
