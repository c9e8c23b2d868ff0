/**
 * A person's click on "Fix: …", from the screen read to the words shown in
 * place: the fix kit's side of lib/content/fix.ts.
 *
 * Only a trusted event (a person's own click, Enter or Space; the page's
 * script cannot make one), one fix at a time, and only on the encounter the
 * warning was judged on. The watcher holds while the EHR's controls are
 * operated, so the steps in between are neither judged nor painted; the
 * change is checked on the screen read again; the worker records it in the
 * audit log; the watcher then judges the screen as after any edit. A fix that
 * did not take says so, and the screen is left as the EHR left it.
 */
import type { Encounter, Finding, SuggestionAction } from '../../rules/schema';
import type { FixOutcome } from '../../components/InlineWarning';
import type { FixRecordRequest } from '../messages';
import { applierFor } from '../../adapters/appliers';
import { cannotApply, carryOut } from './run';
import type { FixContext, FixKit } from './kit';

const BY_HAND = 'Could not apply — please change it by hand.';
const NONE = 'this screen offers no one-click fixes';

/** An action as the audit log keeps it: its kind and its own values, no line index. */
export function forAudit(a: SuggestionAction): FixRecordRequest['actions'][number] {
  switch (a.type) {
    case 'addModifier':
    case 'removeModifier':
      return { type: a.type, modifier: a.modifier };
    case 'setUnits':
      return { type: a.type, units: a.units };
    case 'replaceCode':
      return { type: a.type, code: a.code };
    case 'addLine':
      return {
        type: a.type,
        code: a.code,
        ...(a.units !== undefined ? { units: a.units } : {}),
        ...(a.modifiers?.length ? { modifiers: a.modifiers } : {}),
      };
    default:
      return { type: a.type };
  }
}

function readNow(c: FixContext): { key: string | null; encounter?: Encounter; reason: string } {
  const r = c.adapter.read(c.doc);
  return r.status === 'ok'
    ? { key: JSON.stringify(r.encounter), encounter: r.encounter, reason: '' }
    : { key: null, reason: r.status === 'unreadable' ? r.reason : 'the screen is gone' };
}

export function createFixKit(): FixKit {
  let busy = false;
  /** The last failed attempt per finding, and the screen it left: a warning painted again for that screen opens with it. */
  const notes = new Map<string, { text: string; key: string | null }>();
  const noteKey = (f: Finding) => `${f.rule}|${f.line}|${f.messageId ?? f.message}`;

  async function attempt(c: FixContext, f: Finding, actions: readonly SuggestionAction[]): Promise<FixOutcome> {
    const before = readNow(c);
    if (!before.encounter) return { status: 'failed', message: `${BY_HAND} (${before.reason})` };
    if (before.key !== c.watcher.judgedKey())
      return {
        status: 'failed',
        message: 'The screen changed since dermlint checked it: nothing was changed. Look at this warning again.',
      };
    const applier = applierFor(c.adapter.id, c.fieldMaps());
    if (!applier) return { status: 'by-hand', message: `Fix by hand: ${NONE}.` };
    const result = await carryOut(applier, c.doc, before.encounter, () => c.adapter.read(c.doc), actions);
    if (result.outcome === 'not-applied' && result.untouched)
      return { status: 'by-hand', message: `Fix by hand: ${result.reason}.` };
    c.record({
      rule: f.rule,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      actions: actions.map(forAudit),
      outcome: result.outcome,
    });
    return result.outcome === 'applied'
      ? { status: 'applied', message: 'Applied.' }
      : { status: 'failed', message: `${BY_HAND} (${result.reason}.)` };
  }

  return {
    check(c, f) {
      const applier = applierFor(c.adapter.id, c.fieldMaps());
      return (f.suggestions ?? []).map((s) => {
        if (!applier) return NONE;
        try {
          return cannotApply(applier, s.actions, c.doc);
        } catch {
          return 'dermlint could not check this screen';
        }
      });
    },
    async run(c, f, index, event) {
      const suggestion = f.suggestions?.[index];
      if (!event.isTrusted || !suggestion || busy) return { status: 'ignored' };
      busy = true;
      c.watcher.hold();
      let outcome: FixOutcome = { status: 'failed', message: BY_HAND };
      try {
        outcome = await attempt(c, f, suggestion.actions);
      } catch {
        // outcome stays: could not apply
      } finally {
        if (outcome.status === 'failed' || outcome.status === 'by-hand')
          notes.set(noteKey(f), { text: outcome.message, key: readNow(c).key });
        else notes.delete(noteKey(f));
        busy = false;
        await c.watcher.release();
      }
      return outcome;
    },
    note(c, f) {
      const kept = notes.get(noteKey(f));
      return kept && kept.key === c.watcher.judgedKey() ? kept.text : undefined;
    },
  };
}
