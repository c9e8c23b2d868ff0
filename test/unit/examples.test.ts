/**
 * The worked examples (test/fixtures/examples)
 * pushed through the command line, as tools/check-examples does: every
 * encounter's findings (rule and line) must equal its `expect`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ResultSchema, type Encounter } from '../../rules/schema';

interface Case {
  encounter: Encounter;
  expect: { rule: string; line: number | null }[];
  note?: string;
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);

describe('worked examples through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-ex-'));
  const file = join(dir, 'in.json');
  let stdout: string;
  try {
    writeFileSync(file, JSON.stringify(cases.map((c) => c.encounter)));
    stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', file, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results = JSON.parse(stdout) as unknown[];

  it('prints one schema-valid result per encounter, in order', () => {
    expect(results).toHaveLength(cases.length);
    results.forEach((r, i) => expect(ResultSchema.parse(r).id).toBe(cases[i]!.encounter.id));
  });

  it.each(cases.map((c, i) => [c.encounter.id, i] as const))('%s', (_id, i) => {
    const got = ResultSchema.parse(results[i])
      .findings.map((f) => `${f.rule}@${f.line}`)
      .sort();
    const want = cases[i]!.expect.map((e) => `${e.rule}@${e.line ?? null}`).sort();
    expect(got, cases[i]!.note).toEqual(want);
  });
});
