/**
 * Carries out a one-click fix on the screen, on the user's click: checks first
 * that the screen has every control the fix needs (else nothing is touched and
 * the user fixes it by hand), then applies the actions with the EHR's own
 * controls in the order rules/suggestions.ts gives them meaning in, waits for
 * the EHR, reads the screen again and checks the change shows there. A fix
 * that does not take is reported as such; the screen is left as the EHR left
 * it (never undone by force).
 */
import type { Applier, ReadResult } from '../../adapters/types';
import type { Encounter, SuggestionAction } from '../../rules/schema';
import { screenOrder, settled } from '../../adapters/shared/apply-kit';
import { changeShows } from './verify';

export type FixResult =
  | { outcome: 'applied' }
  /** untouched: the screen lacks a control for it and nothing was changed (the user fixes it by hand). */
  | { outcome: 'not-applied'; reason: string; untouched: boolean };

/** Why this screen cannot carry out these actions (the first reason), or null when it can. Touches nothing. */
export function cannotApply(applier: Applier, actions: readonly SuggestionAction[], doc: Document): string | null {
  for (const action of screenOrder(actions)) {
    const why = applier.canApply(action, doc);
    if (why) return why;
  }
  return null;
}

export async function carryOut(
  applier: Applier,
  doc: Document,
  before: Encounter,
  read: () => ReadResult,
  actions: readonly SuggestionAction[],
): Promise<FixResult> {
  const lacking = cannotApply(applier, actions, doc);
  if (lacking) return { outcome: 'not-applied', reason: lacking, untouched: true };
  let stepFailed: string | undefined;
  for (const action of screenOrder(actions)) {
    let done;
    try {
      done = await applier.apply(action, doc);
    } catch (e) {
      done = {
        ok: false as const,
        reason: `the screen changed under the fix (${e instanceof Error ? e.message : String(e)})`,
      };
    }
    if (!done.ok) {
      stepFailed = done.reason;
      break;
    }
  }
  // The screen is the proof: a step that reported trouble but whose change shows counts as applied.
  // An EHR that commits late (a server round trip before it re-renders) gets a little longer.
  let missing = 'the screen could not be read after the change';
  for (let look = 0; look < 3; look++) {
    await (look === 0 ? settled(doc) : settled(doc, 150, 1000));
    let after: ReadResult;
    try {
      after = read();
    } catch {
      continue;
    }
    if (after.status !== 'ok') continue;
    const shows = changeShows(before, after.encounter, actions);
    if (!shows) return { outcome: 'applied' };
    missing = shows;
  }
  return { outcome: 'not-applied', reason: stepFailed ?? missing, untouched: false };
}
