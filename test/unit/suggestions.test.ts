/**
 * The engine's proof of every one-click fix: for each finding with suggestions,
 * in every worked example and every failing case of the case tables, applying
 * the suggestion to the encounter and judging it again removes that finding and
 * raises no error or warning that was not there before.
 *
 * Findings are compared by rule, message id and the line they are on, the line
 * followed through the fix (applySuggestion keeps the lines it does not remove in
 * order and adds new ones at the end): a recoded line is the same line, so a
 * finding still on it is not fixed, and what another rule said of it before is
 * not new. A finding that moved to another line of the same code (an MUE crossed
 * on a later line) is not new either. On an added line, a finding is new unless
 * its rule said the same (message id) of some line before the fix: a line added
 * like another repeats that line's problems, it does not make new ones.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findingSubject, run } from '../../rules/index';
import { applySuggestion } from '../../rules/suggestions';
import type { Encounter, Finding, SuggestionAction } from '../../rules/schema';
import type { CaseTable } from '../../rules/cases';

const examples: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
const tables = import.meta.glob<{ default: CaseTable }>('../../rules/catalog/*.cases.ts', { eager: true });

const encounters: [string, Encounter][] = [
  ...examples.map((e) => [e.encounter.id, e.encounter] as [string, Encounter]),
  ...Object.entries(tables).flatMap(([file, t]) =>
    t.default.invalid.map((c) => [`${file.split('/').pop()}: ${c.name}`, c.encounter] as [string, Encounter]),
  ),
];

/** Each line of the fixed encounter as the line it was before the fix ('3'), or 'added'. */
function linesAfter(encounter: Encounter, actions: readonly SuggestionAction[]): string[] {
  const removed = new Set(actions.flatMap((a) => (a.type === 'removeLine' ? [a.line] : [])));
  const kept = encounter.lines.flatMap((_, i) => (removed.has(i) ? [] : [String(i)]));
  return [...kept, ...actions.filter((a) => a.type === 'addLine').map(() => 'added')];
}

/** What a finding is about: its rule, message id and line (or, for the encounter, its data). */
function keyOf(f: Finding, lines: readonly string[]): string {
  const on = f.line === null ? `encounter:${findingSubject(f.messageId ?? '', f.data)}` : (lines[f.line] ?? '?');
  return `${f.rule}|${f.messageId ?? ''}|${on}`;
}

function counts(findings: Finding[], lines: readonly string[], alarmsOnly = false): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings)
    if (!alarmsOnly || f.severity !== 'info') out.set(keyOf(f, lines), (out.get(keyOf(f, lines)) ?? 0) + 1);
  return out;
}

/** Alarms by rule, message id and the code of their line. */
function byCode(encounter: Encounter, findings: Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const key = `${f.rule}|${f.messageId ?? ''}|${f.line === null ? 'encounter' : (encounter.lines[f.line]?.code ?? '?')}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

const withSuggestions = encounters.flatMap(([name, encounter]) =>
  run(encounter).flatMap((finding) =>
    (finding.suggestions ?? []).map((s) => [`${name} — ${finding.rule}: ${s.label}`, encounter, finding, s] as const),
  ),
);

describe('one-click fixes fix what they say, and nothing else breaks', () => {
  it('there are suggestions to prove', () => expect(withSuggestions.length).toBeGreaterThan(0));
  it.each(withSuggestions)('%s', (_name, encounter, finding, suggestion) => {
    const beforeLines = encounter.lines.map((_, i) => String(i));
    const beforeFindings = run(encounter);
    const fixed = applySuggestion(encounter, suggestion.actions);
    const afterLines = linesAfter(encounter, suggestion.actions);
    expect(afterLines).toHaveLength(fixed.lines.length);
    const afterFindings = run(fixed);
    const target = keyOf(finding, beforeLines);
    expect(counts(afterFindings, afterLines).get(target) ?? 0, `${target} is still there`).toBeLessThan(
      counts(beforeFindings, beforeLines).get(target)!,
    );
    // Nor moved: fewer of it on the lines of the code it was on (a fix that only shifts it to another such line fixes nothing).
    if (finding.line !== null) {
      const code = encounter.lines[finding.line]!.code;
      const onCode = (e: Encounter, fs: Finding[]) =>
        fs.filter(
          (f) =>
            f.rule === finding.rule &&
            f.messageId === finding.messageId &&
            f.line !== null &&
            e.lines[f.line]?.code === code,
        ).length;
      expect(onCode(fixed, afterFindings), `${target} moved to another ${code} line`).toBeLessThan(
        onCode(encounter, beforeFindings),
      );
    }
    const before = counts(beforeFindings, beforeLines, true);
    const saidBefore = new Set(
      beforeFindings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}|${f.messageId ?? ''}`),
    );
    const codesBefore = byCode(encounter, beforeFindings);
    const codesAfter = byCode(fixed, afterFindings);
    for (const f of afterFindings) {
      if (f.severity === 'info') continue;
      const key = keyOf(f, afterLines);
      if (counts(afterFindings, afterLines, true).get(key)! <= (before.get(key) ?? 0)) continue;
      if (key.endsWith('|added') && saidBefore.has(key.slice(0, -'|added'.length))) continue;
      // Moved: as many of it on lines of that code as before.
      const code = `${f.rule}|${f.messageId ?? ''}|${f.line === null ? 'encounter' : fixed.lines[f.line]!.code}`;
      expect(codesAfter.get(code)!, `${key} (${code}) is new after the fix`).toBeLessThanOrEqual(
        codesBefore.get(code) ?? 0,
      );
    }
  });
});
