/**
 * What the watcher (./watch) knows and decides, as a state machine: events in
 * (a read of the screen, the worker's answer, a frame with rows re-rendered
 * under the warnings, a one-click fix holding the screen), the next state and
 * the effects to run out. Pure: no DOM, no timers, no messages — the watcher
 * reads, schedules and runs the effects; this decides.
 *
 * States: `screen` is what the last read found (nothing yet, no encounter, an
 * encounter that cannot be read, one shown); `phase` is where the judging is:
 * `idle` (judged, or nothing to judge), `asking` (a question is out; only the
 * answer to it counts) or `held` (a fix is operating the screen: nothing is
 * asked or painted until it is released).
 */
import type { ReadResult, ScreenAnchors } from '../../adapters/types';
import type { EvaluateResponse } from '../messages';
import type { Encounter, Finding } from '../../rules/schema';

export interface Judged {
  findings: Finding[];
  /** How many lines the encounter had that `findings` were judged on (-1: none yet). */
  lines: number;
  showInfo: boolean;
  why: Record<string, string>;
  /** Errors not dismissed, for the sign-off check (0 while no encounter is shown). */
  errors: number;
  signoffPrompt: boolean;
  encounterId: string;
  /** The encounter (its key) the findings on the screen were judged on; null when the screen changed state since. */
  key: string | null;
}

export interface WatchState {
  screen: 'unknown' | 'absent' | 'unreadable' | 'shown';
  phase: 'idle' | 'asking' | 'held';
  /** Numbers the questions: an answer counts only if it answers the last one asked. */
  seq: number;
  /** The encounter (its key) last asked about; null: ask at the next read. */
  askedKey: string | null;
  /** The question out (phase `asking`). */
  asking: { seq: number; key: string; lines: number; encounterId: string } | null;
  judged: Judged;
}

export type WatchEvent =
  /** A read of the screen (`key`: the encounter as JSON, null unless it was read); `force`: judge it even if unchanged. */
  | { type: 'read'; result: ReadResult; key: string | null; force: boolean }
  /** The worker answered question `seq`. */
  | { type: 'answer'; seq: number; response: EvaluateResponse }
  /** Question `seq` got no answer (the worker restarted, the extension was updated). */
  | { type: 'answer-lost'; seq: number }
  /** Before the next frame, with rows re-rendered under the warnings; `readPending`: a read task is on its way. */
  | { type: 'frame'; result: ReadResult; key: string | null; readPending: boolean }
  | { type: 'hold' }
  | { type: 'release' }
  /** The frame goes away (athenaNet reloads frMain on every navigation). */
  | { type: 'page-hide' };

export type WatchEffect =
  | { type: 'clear' }
  | { type: 'status'; text: string }
  /** Tell the worker: what it keeps never quotes the screen. */
  | { type: 'report'; state: 'unreadable' | 'absent'; reason?: string }
  /** An encounter is on the screen: have the paint kit come while the worker judges it. */
  | { type: 'prepare' }
  /** Put the warnings back before the next frame if the EHR re-rendered their rows. */
  | { type: 'repair' }
  | { type: 'ask'; seq: number; encounter: Encounter; key: string }
  /** Paint the judged findings if the screen still shows encounter `key` (anchors read again), else read again. */
  | { type: 'paint'; key: string }
  /** Paint the judged findings at these anchors (the same lines, re-rendered rows). */
  | { type: 'repaint'; anchors: ScreenAnchors }
  /** Read and judge now; `force`: even if unchanged. */
  | { type: 'read-now'; force: boolean }
  | { type: 'read-soon' };

export const initialWatchState = (): WatchState => ({
  screen: 'unknown',
  phase: 'idle',
  seq: 0,
  askedKey: null,
  asking: null,
  judged: {
    findings: [],
    lines: -1,
    showInfo: false,
    why: {},
    errors: 0,
    signoffPrompt: true,
    encounterId: '',
    key: null,
  },
});

export function step(state: WatchState, event: WatchEvent): { state: WatchState; effects: WatchEffect[] } {
  const effects: WatchEffect[] = [];
  const s: WatchState = { ...state, judged: { ...state.judged } };
  switch (event.type) {
    case 'read': {
      if (s.phase === 'held') break;
      const { result } = event;
      if (result.status !== 'ok') {
        // A question still out is for a screen that is no longer there.
        s.seq++;
        s.phase = 'idle';
        s.asking = null;
        s.judged.errors = 0;
        const status = result.status;
        if (status !== s.screen || event.force) {
          effects.push({ type: 'clear' });
          s.askedKey = null;
          s.judged.key = null;
          if (result.status === 'unreadable')
            effects.push({ type: 'status', text: `dermlint could not read this screen: ${result.reason}` });
          // A frame that never showed an encounter stays silent towards the worker.
          if (s.screen !== 'unknown' || result.status === 'unreadable')
            effects.push(
              result.status === 'unreadable'
                ? { type: 'report', state: 'unreadable', reason: result.withoutValues ?? result.reason }
                : { type: 'report', state: 'absent' },
            );
        }
        s.screen = status;
        break;
      }
      s.screen = 'shown';
      // Rows the EHR re-rendered under our warnings get them back before the next frame (stale ones until the answer).
      effects.push({ type: 'prepare' }, { type: 'repair' });
      if (event.key === s.askedKey && !event.force) break; // the same encounter: no message
      s.askedKey = event.key!;
      s.seq++;
      s.phase = 'asking';
      s.asking = {
        seq: s.seq,
        key: event.key!,
        lines: result.encounter.lines.length,
        encounterId: result.encounter.id,
      };
      effects.push({ type: 'ask', seq: s.seq, encounter: result.encounter, key: event.key! });
      break;
    }
    case 'answer-lost':
      // Try again on the next change.
      s.askedKey = null;
      if (s.phase === 'asking' && event.seq === s.seq) {
        s.phase = 'idle';
        s.asking = null;
      }
      break;
    case 'answer': {
      // A newer question is out, or a fix is running: this answer is for a screen no longer there.
      if (s.phase !== 'asking' || !s.asking || event.seq !== s.seq) break;
      const asked = s.asking;
      s.phase = 'idle';
      s.asking = null;
      const r = event.response;
      if (!r.ok) {
        s.askedKey = null;
        break;
      }
      s.judged = {
        findings: r.findings,
        lines: asked.lines,
        showInfo: r.showInfoInline,
        why: r.why,
        errors: r.errors,
        signoffPrompt: r.signoffPrompt,
        encounterId: asked.encounterId,
        key: asked.key,
      };
      effects.push({ type: 'paint', key: asked.key });
      break;
    }
    case 'frame': {
      if (s.phase === 'held') break;
      const { result } = event;
      if (result.status !== 'ok') {
        effects.push({ type: 'read-soon' });
        break;
      }
      // The encounter changed: ask now, with this read, before the paint below (and the layout it forces
      // on a freshly re-rendered page) holds the thread; the read task then has nothing to do. Only for a
      // change the read task has yet to judge: after a failed answer, wait for the next change.
      if (event.readPending && event.key !== s.askedKey) effects.push({ type: 'read-now', force: false });
      // The last findings stay on their lines until the answer; if lines were added or removed since, they
      // would land on the wrong rows, so those wait for the answer.
      if (result.encounter.lines.length === s.judged.lines) effects.push({ type: 'repaint', anchors: result.anchors });
      break;
    }
    case 'hold':
      s.phase = 'held';
      s.asking = null;
      break;
    case 'release':
      s.phase = 'idle';
      effects.push({ type: 'read-now', force: true });
      break;
    case 'page-hide':
      if (s.screen === 'shown') effects.push({ type: 'report', state: 'absent' });
      s.screen = 'unknown';
      s.askedKey = null;
      break;
  }
  return { state: s, effects };
}

/** The findings painted inline: info ones only if the settings show them there. */
export const visibleFindings = (judged: Judged): Finding[] =>
  judged.showInfo ? judged.findings : judged.findings.filter((f) => f.severity !== 'info');
