/**
 * The engine's proof of every one-click fix: for each finding with suggestions,
 * in every worked example and every failing case of the case tables, applying
 * the suggestion to the encounter and judging it again removes that finding and
 * raises no error or warning that was not there before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { run } from '../../rules/index';
import { applySuggestion } from '../../rules/suggestions';
import type { Encounter, Finding } from '../../rules/schema';
import type { CaseTable } from '../../rules/cases';

const examples: { encounter: Encounter }[] = JSON.parse(readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'));
const tables = import.meta.glob<{ default: CaseTable }>('../../rules/catalog/*.cases.ts', { eager: true });

const encounters: [string, Encounter][] = [
  ...examples.map((e) => [e.encounter.id, e.encounter] as [string, Encounter]),
  ...Object.entries(tables).flatMap(([file, t]) => t.default.invalid.map((c) => [`${file.split('/').pop()}: ${c.name}`, c.encounter] as [string, Encounter])),
];

/** What a finding is about, independent of line positions (a fix may remove or add lines). */
function keyOf(encounter: Encounter, f: Finding): string {
  const line = f.line === null ? 'encounter' : (encounter.lines[f.line]?.code ?? '?');
  return `${f.rule}|${f.messageId ?? ''}|${line}`;
}

function counts(encounter: Encounter, findings: Finding[], alarmsOnly = false): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (!alarmsOnly || f.severity !== 'info') out.set(keyOf(encounter, f), (out.get(keyOf(encounter, f)) ?? 0) + 1);
  return out;
}

const withSuggestions = encounters.flatMap(([name, encounter]) =>
  run(encounter).flatMap((finding) => (finding.suggestions ?? []).map((s) => [`${name} — ${finding.rule}: ${s.label}`, encounter, finding, s] as const)),
);

describe('one-click fixes fix what they say, and nothing else breaks', () => {
  it('there are suggestions to prove', () => expect(withSuggestions.length).toBeGreaterThan(0));
  it.each(withSuggestions)('%s', (_name, encounter, finding, suggestion) => {
    const beforeFindings = run(encounter);
    const fixed = applySuggestion(encounter, suggestion.actions);
    const afterFindings = run(fixed);
    const target = keyOf(encounter, finding);
    expect(counts(fixed, afterFindings).get(target) ?? 0, `${target} is still there`).toBeLessThan(counts(encounter, beforeFindings).get(target)!);
    const before = counts(encounter, beforeFindings, true);
    for (const [key, n] of counts(fixed, afterFindings, true)) expect(n, `${key} is new after the fix`).toBeLessThanOrEqual(before.get(key) ?? 0);
  });
});
