/**
 * Applies a finding's suggested actions to an encounter, as the EHR would after
 * the user clicked Fix: the engine's proof that a suggestion removes its finding
 * (test/unit/suggestions.test.ts), and the command line's preview. Pure: a new
 * encounter, the input untouched.
 *
 * Line indexes in the actions are those of the encounter the finding was made
 * on: edits apply first, added lines go to the end, removed lines go last (so
 * no index moves under another action), and the ABN's line list follows.
 */
import { normalizeModifier } from './codes';
import type { Encounter, Line, SuggestionAction } from './schema';

export function applySuggestion(encounter: Encounter, actions: readonly SuggestionAction[]): Encounter {
  const lines: (Line | null)[] = encounter.lines.map((l) => ({
    ...l,
    ...(l.modifiers ? { modifiers: [...l.modifiers] } : {}),
  }));
  const line = (i: number): Line => {
    const l = lines[i];
    if (!l) throw new Error(`no line ${i} to change`);
    return l;
  };
  const added: Line[] = [];
  const removed = new Set<number>();
  for (const action of actions) {
    switch (action.type) {
      case 'addModifier': {
        const l = line(action.line);
        const have = (l.modifiers ?? []).map(normalizeModifier);
        if (!have.includes(normalizeModifier(action.modifier))) l.modifiers = [...(l.modifiers ?? []), action.modifier];
        break;
      }
      case 'removeModifier': {
        const l = line(action.line);
        const kept = (l.modifiers ?? []).filter((m) => normalizeModifier(m) !== normalizeModifier(action.modifier));
        if (kept.length > 0) l.modifiers = kept;
        else delete l.modifiers;
        break;
      }
      case 'setUnits':
        line(action.line).units = action.units;
        break;
      case 'replaceCode':
        line(action.line).code = action.code;
        break;
      case 'billToPatient':
        line(action.line).billTo = 'patient';
        break;
      case 'removeLine':
        line(action.line);
        removed.add(action.line);
        break;
      case 'addLine': {
        const l: Line = { code: action.code };
        if (action.modifiers?.length) l.modifiers = [...action.modifiers];
        if (action.units !== undefined) l.units = action.units;
        if (action.dx?.length) l.dx = [...action.dx];
        added.push(l);
        break;
      }
    }
  }
  const newIndex = new Map<number, number>();
  const kept: Line[] = [];
  lines.forEach((l, i) => {
    if (l && !removed.has(i)) {
      newIndex.set(i, kept.length);
      kept.push(l);
    }
  });
  const next: Encounter = { ...encounter, lines: [...kept, ...added] };
  if (encounter.abn?.lines) {
    next.abn = {
      ...encounter.abn,
      lines: encounter.abn.lines.flatMap((i) => (newIndex.has(i) ? [newIndex.get(i)!] : [])),
    };
  }
  return next;
}
