/**
 * Did a one-click fix take? The screen read again after the fix, against the
 * encounter read before it with the suggestion applied (rules/suggestions.ts),
 * on the fields the actions touch: the EHR's own state is the only proof, not
 * whether each event was dispatched. Pure.
 */
import { applySuggestion } from '../../rules/suggestions';
import { normalizeCode, normalizeModifier } from '../../rules/codes';
import type { Encounter, Line, SuggestionAction } from '../../rules/schema';

const modifiersOf = (l: Line | undefined) => (l?.modifiers ?? []).map(normalizeModifier).filter(Boolean);
const sameModifiers = (a: Line | undefined, b: Line | undefined) =>
  [...modifiersOf(a)].sort().join(' ') === [...modifiersOf(b)].sort().join(' ');
const unitsOf = (l: Line | undefined) => l?.units ?? 1;
const codesOf = (e: Encounter) => e.lines.map((l) => normalizeCode(l.code) || '(no code)');
const billedToPatient = (e: Encounter, l: Line | undefined) =>
  l?.billTo === 'patient' || (l?.billTo === undefined && e.payer.kind === 'self-pay');

/** null when the screen shows the change; else what it does not show, in a plain sentence (codes only). */
export function changeShows(before: Encounter, after: Encounter, actions: readonly SuggestionAction[]): string | null {
  let expected: Encounter;
  try {
    expected = applySuggestion(before, actions);
  } catch {
    return 'the fix names a line that is not on the screen';
  }
  // Where each line read before is now: removed lines drop out, added ones follow the kept ones.
  const removed = new Set(actions.flatMap((a) => (a.type === 'removeLine' ? [a.line] : [])));
  const now = new Map<number, number>();
  before.lines.forEach((_, i) => removed.has(i) || now.set(i, now.size));
  const kept = now.size;

  if (actions.some((a) => a.type === 'addLine' || a.type === 'removeLine')) {
    const shown = codesOf(after),
      wanted = codesOf(expected);
    if (shown.join(' ') !== wanted.join(' '))
      return `the screen shows the lines ${shown.join(', ') || '(none)'}, not ${wanted.join(', ') || '(none)'}`;
  }
  let added = 0;
  for (const a of actions) {
    if (a.type === 'removeLine') continue;
    const i = a.type === 'addLine' ? kept + added++ : now.get(a.line)!;
    const want = expected.lines[i];
    const got = after.lines[i];
    const code = want?.code || `line ${i + 1}`;
    switch (a.type) {
      case 'addModifier':
        if (!modifiersOf(got).includes(normalizeModifier(a.modifier)))
          return `modifier ${a.modifier} is not on ${code}`;
        if (!sameModifiers(got, want))
          return `the modifiers of ${code} changed in another way (${modifiersOf(got).join(' ') || 'none'})`;
        break;
      case 'removeModifier':
        if (modifiersOf(got).includes(normalizeModifier(a.modifier)))
          return `modifier ${a.modifier} is still on ${code}`;
        if (!sameModifiers(got, want))
          return `the modifiers of ${code} changed in another way (${modifiersOf(got).join(' ') || 'none'})`;
        break;
      case 'setUnits':
        if (unitsOf(got) !== a.units)
          return `${code} shows ${unitsOf(got)} ${unitsOf(got) === 1 ? 'unit' : 'units'}, not ${a.units}`;
        break;
      case 'replaceCode':
        if (normalizeCode(got?.code ?? '') !== normalizeCode(a.code))
          return `line ${i + 1} shows ${got?.code || 'no code'}, not ${a.code}`;
        break;
      case 'billToPatient':
        if (!billedToPatient(after, got)) return `${code} is still billed to insurance`;
        break;
      case 'addLine':
        if (a.units !== undefined && unitsOf(got) !== a.units)
          return `the added ${a.code} shows ${unitsOf(got)} units, not ${a.units}`;
        if (!sameModifiers(got, want))
          return `the added ${a.code} does not carry ${(a.modifiers ?? []).join(' ') || 'the modifiers asked for'}`;
        if (a.dx?.length && (got?.dx ?? []).join(',') !== a.dx.join(','))
          return `the added ${a.code} does not point at diagnoses ${a.dx.join(', ')}`;
        break;
    }
  }
  return null;
}
