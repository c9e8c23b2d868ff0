/**
 * Building one-click fixes (CDS Hooks-shaped suggestions) for the rules: the
 * actions by name, and the one computation several rules share — the changes
 * that turn a destruction family's lines into the coding a lesion count calls for.
 * A rule offers a suggestion only when the change is mechanical and determined;
 * when two fixes are plausible it offers both, or none.
 */
import { ADDON_PRIMARIES } from './codes';
import type { ClaimIndex, ClaimLine } from './context';
import type { Suggestion, SuggestionAction } from './schema';

/** At most this many actions in one suggestion (the schema's limit): beyond, the rule offers none. */
const MAX_ACTIONS = 20;

export const addModifier = (line: ClaimLine, modifier: string): SuggestionAction => ({
  type: 'addModifier',
  line: line.index,
  modifier,
});
export const removeModifier = (line: ClaimLine, modifier: string): SuggestionAction => ({
  type: 'removeModifier',
  line: line.index,
  modifier,
});
export const setUnits = (line: ClaimLine, units: number): SuggestionAction => ({
  type: 'setUnits',
  line: line.index,
  units,
});
export const replaceCode = (line: ClaimLine, code: string): SuggestionAction => ({
  type: 'replaceCode',
  line: line.index,
  code,
});
export const removeLine = (line: ClaimLine): SuggestionAction => ({ type: 'removeLine', line: line.index });
export const billToPatient = (line: ClaimLine): SuggestionAction => ({ type: 'billToPatient', line: line.index });
/** A new line of `code` linked to the same diagnoses as `like` (its pointers as written). */
export function addLineLike(like: ClaimLine, code: string, units = 1): SuggestionAction {
  const action: SuggestionAction = { type: 'addLine', code };
  if (units !== 1) action.units = units;
  if (like.raw.dx?.length) action.dx = [...like.raw.dx];
  return action;
}

/**
 * One suggestion, or none when it would take more actions than a suggestion may carry. Actions
 * come one by one or as lists (a list is never spread into arguments: it may be one per line).
 */
export function suggest(label: string, ...parts: (SuggestionAction | readonly SuggestionAction[])[]): Suggestion[] {
  let count = 0;
  for (const part of parts) count += Array.isArray(part) ? part.length : 1;
  if (count === 0 || count > MAX_ACTIONS) return [];
  const actions: SuggestionAction[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) actions.push(...(part as readonly SuggestionAction[]));
    else actions.push(part as SuggestionAction);
  }
  return [{ label, actions }];
}

export interface Coded {
  code: string;
  units: number;
}

/** '17000 ×1 + 17003 ×7', for labels and titles. */
export const codingLabel = (coded: readonly Coded[]): string => coded.map((c) => `${c.code} ×${c.units}`).join(' + ');

/**
 * The changes that make `lines` (one family's lines on the claim, in claim order)
 * bill exactly `expected`: a line already of an expected code keeps it (its units
 * set), a line left over is recoded to an expected code still missing, a code still
 * missing is added on a new line linked like the first, and any line left is removed.
 */
export function recodeTo(lines: readonly ClaimLine[], expected: readonly Coded[]): SuggestionAction[] {
  const first = lines[0];
  if (!first) return [];
  const actions: SuggestionAction[] = [];
  const used = new Set<ClaimLine>();
  const missing: Coded[] = [];
  for (const want of expected) {
    const line = lines.find((l) => !used.has(l) && l.code === want.code);
    if (!line) {
      missing.push(want);
      continue;
    }
    used.add(line);
    if (line.units !== want.units) actions.push(setUnits(line, want.units));
  }
  for (const want of missing) {
    const line = lines.find((l) => !used.has(l));
    if (line) {
      used.add(line);
      actions.push(replaceCode(line, want.code));
      if (line.units !== want.units) actions.push(setUnits(line, want.units));
    } else {
      actions.push(addLineLike(first, want.code, want.units));
    }
  }
  for (const line of lines) if (!used.has(line)) actions.push(removeLine(line));
  return actions;
}

/** Primary code → the add-ons that list it (ADDON_PRIMARIES turned round). */
const ADD_ONS_OF = new Map<string, string[]>();
for (const [addOn, primaries] of Object.entries(ADDON_PRIMARIES))
  for (const p of primaries) ADD_ONS_OF.set(p, [...(ADD_ONS_OF.get(p) ?? []), addOn]);

/**
 * Removing or recoding this line would leave an add-on on the claim without any of its primaries
 * (17000 under a 17003, 11104 under a 11105): a fix that does that is not offered. A few look-ups
 * in the claim's index, whatever the claim's length.
 */
export function orphansAnAddOn(line: ClaimLine, onClaim: ClaimIndex): boolean {
  const addOns = ADD_ONS_OF.get(line.code);
  if (!addOns) return false;
  for (const addOn of addOns) {
    if (onClaim.linesOf(addOn).length === 0) continue;
    // This line is one of the primaries' lines on the claim (it is billed to insurance): another must remain.
    const primaryLines = ADDON_PRIMARIES[addOn]!.reduce((n, p) => n + onClaim.linesOf(p).length, 0);
    if (primaryLines <= 1) return true;
  }
  return false;
}
