/**
 * The rule gate (rules/gate.ts) never suppresses a finding: run() with the
 * gate and run() calling every rule give identical findings on every worked
 * example, every case table and thousands of generated encounters (the fuzz
 * generator's, given notes, visit histories and payers so every need is both
 * met and not). And the comparison can fail: a rule with a need its check
 * does not imply is caught.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { run, RULES } from '../../rules/index';
import { parseEncounter, type Encounter } from '../../rules/schema';
import type { CaseTable } from '../../rules/cases';
import type { Settings } from '../../rules/settings';
import { createRule, type RuleModule } from '../../rules/types';
import { EM, MOHS } from '../../rules/codes';
import { admits, compileGate, modifierOn, NOTE, payerIs } from '../../rules/gate';
import { createContext } from '../../rules/context';
import { siteGroupOf } from '../../rules/sites';
import { builtinIcd } from '../../rules/icd10cm/index';
import { prng, validEncounter } from '../../scripts/lib/fuzz-core';

interface WorkedExample {
  encounter: Encounter;
}

const SHARED_EXAMPLES = '/work/shared/examples/encounters.json';
const worked: Encounter[] = (
  JSON.parse(readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8')) as WorkedExample[]
).map((c) => c.encounter);
/** The shared examples, when this machine has them (they are the repository's fixture's source). */
const shared: Encounter[] = (() => {
  try {
    return (JSON.parse(readFileSync(SHARED_EXAMPLES, 'utf8')) as WorkedExample[]).map((c) => c.encounter);
  } catch {
    return [];
  }
})();

async function caseTableEncounters(): Promise<Encounter[]> {
  const dir = new URL('../../rules/catalog/', import.meta.url);
  const out: Encounter[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cases.ts'))) {
    const table = ((await import(new URL(file, dir).href)) as { default: CaseTable }).default;
    for (const c of [...table.valid, ...table.invalid]) out.push(c.encounter);
  }
  return out;
}

/** What the worked examples document, to give generated encounters: their notes and visit histories. */
const NOTES = worked.flatMap((e) => (e.note ? [e.note] : []));
const HISTORIES = worked.flatMap((e) => (e.history ? [e.history] : []));
const SITES = [...new Set(worked.flatMap((e) => e.lines.flatMap((l) => (l.site ? [l.site] : []))))];

/** A generated encounter (scripts/lib/fuzz-core.ts) with, at random, a note, a visit history, another payer. */
function generated(count: number, seed: number): Encounter[] {
  const r = prng(seed);
  const out: Encounter[] = [];
  while (out.length < count) {
    const e = validEncounter(r) as Record<string, unknown>;
    if (r.chance(0.4)) {
      const note = r.pick(NOTES);
      // Whole notes, their halves, blank ones, and two notes run together.
      e.note = r.chance(0.6)
        ? note
        : r.chance(0.5)
          ? note.slice(0, r.int(0, note.length))
          : r.chance(0.3)
            ? '  \n '
            : `${note}\n${r.pick(NOTES)}`;
    }
    if (r.chance(0.2)) e.history = r.pick(HISTORIES);
    // The worked examples' sites too (nail, lip, eyelid, genitalia… that the generator does not name).
    for (const line of e.lines as Record<string, unknown>[]) if (r.chance(0.3)) line.site = r.pick(SITES);
    if (r.chance(0.3)) e.dateOfService = r.pick(['2026-03-03', '2026-08-03', '2023-07-01', '2026-10-01']);
    const parsed = parseEncounter(e);
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

/** Encounters whose gated and ungated findings differ (as JSON text, every field). */
function differences(encounters: readonly Encounter[], rules?: readonly RuleModule[]): string[] {
  const out: string[] = [];
  for (const e of encounters) {
    const gated = JSON.stringify(run(e, { rules }));
    const ungated = JSON.stringify(run(e, { rules, ungated: true }));
    if (gated !== ungated) out.push(`${e.id}: gated ${gated} ≠ ungated ${ungated}`);
  }
  return out;
}

describe('the rule gate never suppresses a finding', () => {
  it('every worked example (the repository fixture and /work/shared/examples)', () => {
    expect(worked.length).toBe(91);
    expect(differences(worked)).toEqual([]);
    expect(differences(shared)).toEqual([]);
  });

  it('every case of every case table', async () => {
    const encounters = await caseTableEncounters();
    expect(encounters.length).toBeGreaterThan(500);
    expect(differences(encounters)).toEqual([]);
  });

  it('20,000 generated encounters, with notes, visit histories and every payer kind', () => {
    const encounters = generated(20_000, 14);
    // The generated mix reaches every rule: each finds something somewhere.
    const firing = new Set(encounters.flatMap((e) => run(e, { ungated: true }).map((f) => f.rule)));
    expect(RULES.filter((r) => !firing.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
    expect(differences(encounters)).toEqual([]);
  }, 120_000);

  it('with settings: rules turned off or re-levelled, and a default payer kind (the payer facts follow it)', () => {
    const settings: Settings = {
      rules: { 'mod25-missing': 'off', 'ncci-ptp': 'info', 'note-technique-mismatch': 'error' },
      defaultPayerKind: 'medicare',
    };
    for (const e of generated(2_000, 15))
      expect(JSON.stringify(run(e, { settings }))).toBe(JSON.stringify(run(e, { settings, ungated: true })));
  });
});

describe('the gate itself', () => {
  it('skips most rules on a small encounter: an E/M and a destruction call 10 of 40 rules or fewer', () => {
    const called: string[] = [];
    const spied = RULES.map((r) => ({
      ...r,
      check: (c: Parameters<RuleModule['check']>[0]) => (called.push(r.meta.id), r.check(c)),
    }));
    const e = parseEncounter({
      id: 'small',
      payer: { kind: 'commercial' },
      diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
      lines: [
        { code: '99213', dx: [2] },
        { code: '17110', dx: [1] },
      ],
    });
    if (!e.ok) throw new Error(e.error);
    run(e.value, { rules: spied });
    expect(called.length).toBeLessThanOrEqual(10);
    expect(called).toContain('destruction-series');
    expect(called).not.toContain('mohs-blocks');
    expect(called).not.toContain('note-technique-mismatch');
    expect(called).not.toContain('abn-missing');
  });

  it('a comparison that can fail: a rule declaring a need its check does not have is caught', () => {
    // Fires on every E/M; declares it needs Mohs on the claim, which its check does not require.
    const wrong = createRule({
      meta: {
        id: 'em-seen',
        summary: 'test',
        severity: 'info',
        reference: 'test',
        description: 'test',
        messages: { seen: { message: 'An E/M.', title: 'E/M' } },
      },
      needs: [MOHS],
      check: ({ onClaim }) => onClaim.linesIn(EM).map((l) => ({ line: l.index, messageId: 'seen' as const })),
    });
    expect(differences(worked, [wrong]).length).toBeGreaterThan(10);
  });

  it('compiles needs: all entries must hold, a list holds when any of it does', () => {
    const context = (input: Record<string, unknown>) => {
      const parsed = parseEncounter({ id: 'g', payer: { kind: 'medicare' }, diagnoses: [], ...input });
      if (!parsed.ok) throw new Error(parsed.error);
      return createContext(parsed.value, { payerKind: 'medicare', siteGroupOf, icd: builtinIcd });
    };
    const gate = compileGate([EM, [MOHS, modifierOn('GA')], payerIs('medicare')])!;
    const admitted = (input: Record<string, unknown>) => {
      const c = context(input);
      return admits(gate, c.onClaim.groupsPresent, c.facts);
    };
    expect(admitted({ lines: [{ code: '99213' }, { code: '17311' }] })).toBe(true);
    expect(admitted({ lines: [{ code: '99213' }, { code: '17000', modifiers: ['ga'] }] })).toBe(true);
    expect(admitted({ lines: [{ code: '99213' }, { code: '17000' }] })).toBe(false);
    expect(admitted({ lines: [{ code: '17311' }] })).toBe(false);
    // A line billed to the patient is not on the claim: its code and modifiers are no facts.
    expect(admitted({ lines: [{ code: '99213' }, { code: '17311', billTo: 'patient' }] })).toBe(false);
    expect(compileGate([])).toBeUndefined();
    expect(compileGate(undefined)).toBeUndefined();
    // A note of white space only is no note (what hasNote says).
    expect(context({ lines: [{ code: '99213' }], note: ' \n\u00a0\u2003' }).facts & NOTE.bit).toBe(0);
    expect(context({ lines: [{ code: '99213' }], note: ' x ' }).facts & NOTE.bit).toBe(NOTE.bit);
  });

  it('a group the masks cannot answer for (not made by codeSet) never shuts a rule out', () => {
    const loose = { has: (code: string) => code === '99213', specs: [] };
    expect(compileGate([loose])).toBeUndefined();
  });
});
