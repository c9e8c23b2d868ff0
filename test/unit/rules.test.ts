/**
 * The shared rule tester: runs every rule's own case table through the whole
 * engine (so the claim and settings apply as in production) and demands the
 * exact lines of that rule's findings. Plus meta-checks on the catalog.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { RULES, run } from '../../rules/index';
import { FindingSchema } from '../../rules/schema';
import type { CaseTable } from '../../rules/cases';

const tables = import.meta.glob<{ default: CaseTable }>('../../rules/catalog/*.cases.ts', { eager: true });
const tableOf = (id: string) => tables[`../../rules/catalog/${id}.cases.ts`]?.default;

const SPEC_IDS = [...readFileSync(new URL('../../docs/spec-rule-ids.txt', import.meta.url), 'utf8').matchAll(/^[a-z0-9-]+$/gm)].map((m) => m[0]);

describe('catalog', () => {
  it('registers every rule id of RULES.md, once, and nothing else', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...SPEC_IDS].sort());
  });
  it('names each rule module after its id', () => {
    const files = readdirSync(new URL('../../rules/catalog/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.cases.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has meta and a case table with passing and failing cases', (id, rule) => {
    expect(rule.meta.summary.length).toBeGreaterThan(10);
    expect(rule.meta.reference.length).toBeGreaterThan(5);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    const table = tableOf(id);
    expect(table, `rules/catalog/${id}.cases.ts`).toBeDefined();
    expect(table!.valid.length).toBeGreaterThan(0);
    expect(table!.invalid.length).toBeGreaterThan(0);
  });
});

for (const rule of RULES) {
  const id = rule.meta.id;
  const table = tableOf(id);
  if (!table) continue;
  describe(id, () => {
    it.each(table.valid.map((c) => [c.name, c] as const))('passes: %s', (_name, c) => {
      const findings = run(c.encounter).filter((f) => f.rule === id);
      expect(findings).toEqual([]);
    });
    it.each(table.invalid.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
      const all = run(c.encounter);
      for (const f of all) FindingSchema.parse(f);
      const findings = all.filter((f) => f.rule === id);
      const got = findings.map((f) => f.line).sort();
      const want = c.findings.map((f) => f.line).sort();
      expect(got).toEqual(want);
      for (const expected of c.findings) {
        const match = findings.find((f) => f.line === expected.line && (!expected.severity || f.severity === expected.severity));
        expect(match, `a ${expected.severity ?? ''} finding on line ${expected.line}`).toBeDefined();
        if (expected.messageId) expect(match!.messageId).toBe(expected.messageId);
        if (expected.title) expect(match!.title).toBe(expected.title);
        if (expected.field !== undefined) expect(match!.field).toBe(expected.field);
        if (expected.suggestions) expect((match!.suggestions ?? []).map((s) => s.label)).toEqual(expected.suggestions);
        if (expected.messageIncludes) expect(match!.message).toContain(expected.messageIncludes);
        if (expected.fixIncludes) expect(match!.fix ?? '').toContain(expected.fixIncludes);
        expect(match!.message.length).toBeGreaterThan(10);
      }
    });
  });
}
