/**
 * The shared rule tester: runs every rule's own case table through the whole
 * engine (so the claim and settings apply as in production) and demands the
 * exact lines of that rule's findings. Plus meta-checks on the catalog.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { RULES, run } from '../../rules/index';
import { FindingSchema, type Encounter, type Finding } from '../../rules/schema';
import type { CaseTable } from '../../rules/cases';
import { createRule, type MessageSpec } from '../../rules/types';

const tables = import.meta.glob<{ default: CaseTable }>('../../rules/catalog/*.cases.ts', { eager: true });
const tableOf = (id: string) => tables[`../../rules/catalog/${id}.cases.ts`]?.default;

const SPEC_IDS = [
  ...readFileSync(new URL('../../docs/spec-rule-ids.txt', import.meta.url), 'utf8').matchAll(/^[a-z0-9-]+$/gm),
].map((m) => m[0]);

describe('catalog', () => {
  it('registers every rule id of docs/spec-rule-ids.txt, once, and nothing else', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...SPEC_IDS].sort());
  });
  it('names each rule module after its id', () => {
    const files = readdirSync(new URL('../../rules/catalog/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.cases.ts') && f !== 'index.ts',
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    '%s has meta and a case table with passing and failing cases',
    (id, rule) => {
      expect(rule.meta.summary.length).toBeGreaterThan(10);
      expect(rule.meta.reference.length).toBeGreaterThan(5);
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      const table = tableOf(id);
      expect(table, `rules/catalog/${id}.cases.ts`).toBeDefined();
      expect(table!.valid.length).toBeGreaterThan(0);
      expect(table!.invalid.length).toBeGreaterThan(0);
    },
  );
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
        const match = findings.find(
          (f) => f.line === expected.line && (!expected.severity || f.severity === expected.severity),
        );
        expect(match, `a ${expected.severity ?? ''} finding on line ${expected.line}`).toBeDefined();
        if (expected.messageId) expect(match!.messageId).toBe(expected.messageId);
        if (expected.title) expect(match!.title).toBe(expected.title);
        if (expected.field !== undefined) expect(match!.field).toBe(expected.field);
        if (expected.suggestions) expect((match!.suggestions ?? []).map((s) => s.label)).toEqual(expected.suggestions);
        if (expected.fixIncludes) expect(match!.fix ?? '').toContain(expected.fixIncludes);
        expect(match!.message.length).toBeGreaterThan(10);
      }
    });
  });
}

/** Every failing case of every table and every worked example, with all the findings the engine gives them. */
const examples: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
const judged: [string, Finding[]][] = [
  ...examples.map((e) => [e.encounter.id, run(e.encounter)] as [string, Finding[]]),
  ...Object.entries(tables).flatMap(([file, t]) =>
    t.default.invalid.map((c) => [`${file.split('/').pop()}: ${c.name}`, run(c.encounter)] as [string, Finding[]]),
  ),
];
const placeholders = (template: string | undefined) =>
  [...(template ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

/** Message ids no case can reach with the shipped tables, each with the test that renders it. */
const REACHED_ELSEWHERE: Record<string, string[]> = {
  // Only an ICD-10-CM table that offers no billable codes for a prefix: 'an unknown code with no billable code to offer' below.
  'dx-invalid': ['unknownNoMatch'],
};

describe('messages by id', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    '%s: every message id is what some failing case of its table renders',
    (id, rule) => {
      const rendered = new Set(
        tableOf(id)!.invalid.flatMap((c) =>
          run(c.encounter)
            .filter((f) => f.rule === id)
            .map((f) => f.messageId),
        ),
      );
      expect(
        Object.keys(rule.meta.messages).filter((m) => !rendered.has(m) && !REACHED_ELSEWHERE[id]?.includes(m)),
      ).toEqual([]);
    },
  );

  it('encounter-level findings are told apart by message id and data, never by their wording', () => {
    const same = 'Diagnosis {{dx}} needs a look.';
    const rule = createRule({
      meta: {
        id: 'twice',
        summary: 'test rule',
        severity: 'error',
        reference: 'none',
        description: 'test rule',
        messages: {
          first: { message: same, title: 'Look at {{dx}}' },
          second: { message: same, title: 'Look again at {{dx}}' },
        },
      },
      // Out of line order, so the engine checks for repeats: one repeat (first, L57.0), and two ids worded alike.
      check: () => [
        { line: null, messageId: 'first' as const, data: { dx: 'L57.0' } },
        { line: 0, messageId: 'first' as const, data: { dx: 'L57.0' } },
        { line: null, messageId: 'second' as const, data: { dx: 'L57.0' } },
        { line: null, messageId: 'first' as const, data: { dx: 'L57.0' } },
        { line: null, messageId: 'first' as const, data: { dx: 'L82.1' } },
      ],
    });
    const found = run(
      { id: 't', payer: { kind: 'commercial' }, diagnoses: [{ code: 'L57.0' }], lines: [{ code: '17000' }] },
      { rules: [rule] },
    );
    expect(found.map((f) => [f.line, f.messageId, f.data?.dx])).toEqual([
      [null, 'first', 'L57.0'],
      [null, 'second', 'L57.0'],
      [null, 'first', 'L82.1'],
      [0, 'first', 'L57.0'],
    ]);
  });

  it('a title that absurd data would make too long is cut to 32 characters', () => {
    const [f] = run({
      id: 'h',
      payer: { kind: 'medicare' },
      diagnoses: [{ code: 'B07.8' }],
      lines: [{ code: '17110', units: Number.MAX_SAFE_INTEGER, dx: [1] }],
    }).filter((x) => x.rule === 'destruction-series');
    expect(f!.title).toBe('Use 17110 × 1, not × 9007199254…');
    expect(f!.title).toHaveLength(32);
  });

  it('dx-invalid: an unknown code with no billable code to offer (a table without suggestions)', () => {
    const icd = {
      name: 'ICD-10-CM test',
      status: (code: string) => (code === 'L576' ? ('invalid' as const) : ('valid' as const)),
    };
    const findings = run(
      { id: 'u', payer: { kind: 'commercial' }, diagnoses: [{ code: 'L57.6' }], lines: [{ code: '17000' }] },
      { icd },
    ).filter((f) => f.rule === 'dx-invalid');
    expect(findings).toEqual([
      expect.objectContaining({
        line: null,
        messageId: 'unknownNoMatch',
        title: 'Not a valid code: fix L57.6',
        message: 'L57.6 (diagnosis 1) is not a valid ICD-10-CM test code.',
        data: { code: 'L57.6', where: 'diagnosis 1', codeSet: 'ICD-10-CM test' },
      }),
    ]);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    '%s: every message has a sentence, a title and a fix',
    (_id, rule) => {
      for (const spec of Object.values<MessageSpec>(rule.meta.messages)) {
        // A sentence each (a placeholder may end it with its own words).
        expect(spec.message).toMatch(/[.]$/);
        expect(spec.title.length).toBeGreaterThan(3);
        expect(spec.fix ?? '').toMatch(/([.]|\}\})$/);
      }
    },
  );

  it.each(judged)(
    '%s: titles are at most 32 characters, nothing is left unfilled, data fills exactly the placeholders, every finding names its field',
    (_name, findings) => {
      for (const f of findings) {
        const where = `${f.rule} on line ${f.line}: ${f.title}`;
        expect(f.title, where).toBeDefined();
        expect(f.title!.length, where).toBeLessThanOrEqual(32);
        expect(f.title, `${where}: written to fit, not cut`).not.toMatch(/…$/);
        for (const text of [f.message, f.title!, f.fix ?? '', ...(f.suggestions ?? []).map((s) => s.label)])
          expect(text, where).not.toContain('{{');
        const spec = RULES.find((r) => r.meta.id === f.rule)!.meta.messages[f.messageId!] as MessageSpec;
        const wanted = [
          ...new Set([...placeholders(spec.message), ...placeholders(spec.title), ...placeholders(spec.fix)]),
        ].sort();
        expect(Object.keys(f.data ?? {}).sort(), where).toEqual(wanted);
        expect(f.field, where).not.toBeUndefined();
      }
    },
  );
});
