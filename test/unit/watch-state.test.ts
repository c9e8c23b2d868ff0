/**
 * The watcher's state machine (lib/content/watch-state.ts) and its scheduler
 * (lib/content/schedule.ts), without a browser: events in, state and effects out.
 */
import { describe, expect, it } from 'vitest';
import type { ReadResult, ScreenAnchors } from '../../adapters/types';
import type { Encounter, Finding } from '../../rules/schema';
import type { EvaluateResponse } from '../../lib/messages';
import {
  initialWatchState,
  step,
  visibleFindings,
  type WatchEvent,
  type WatchState,
} from '../../lib/content/watch-state';
import { beforeNextFrame, readTask } from '../../lib/content/schedule';

const anchors = { lines: [] } as unknown as ScreenAnchors;
function encounter(lines: number, id = 'enc-1'): Encounter {
  return {
    id,
    payer: { kind: 'commercial' },
    diagnoses: ['L82.1'],
    lines: Array.from({ length: lines }, () => ({ code: '11300', modifiers: [], units: 1, dx: [1] })),
  } as unknown as Encounter;
}
const ok = (lines = 2, id?: string): ReadResult => ({ status: 'ok', encounter: encounter(lines, id), anchors });
const read = (result: ReadResult, key: string | null, force = false): WatchEvent => ({
  type: 'read',
  result,
  key,
  force,
});
const finding = (line: number, severity: Finding['severity'] = 'error'): Finding =>
  ({ rule: 'mod25-missing', line, severity, message: 'm' }) as Finding;
const answer = (
  findings: Finding[],
  extra: Partial<Extract<EvaluateResponse, { ok: true }>> = {},
): EvaluateResponse => ({
  ok: true,
  findings,
  showInfoInline: false,
  why: { 'mod25-missing': 'why' },
  errors: findings.filter((f) => f.severity === 'error').length,
  signoffPrompt: true,
  ...extra,
});

/** Runs events in order; returns the final state and each step's effect types. */
function run(events: WatchEvent[], from: WatchState = initialWatchState()) {
  let state = from;
  const effects: string[][] = [];
  for (const e of events) {
    const next = step(state, e);
    state = next.state;
    effects.push(next.effects.map((x) => x.type));
  }
  return { state, effects };
}

describe('watch state machine', () => {
  it('a first encounter: prepares the kit, checks the warnings are on their rows, asks (question 1)', () => {
    const first = step(initialWatchState(), read(ok(), 'A'));
    expect(first.effects.map((e) => e.type)).toEqual(['prepare', 'repair', 'ask']);
    expect(first.effects[2]).toMatchObject({ type: 'ask', seq: 1, key: 'A' });
    expect(first.state).toMatchObject({ screen: 'shown', phase: 'asking', seq: 1, askedKey: 'A' });
  });

  it('the same encounter again: no question, unless forced', () => {
    const { effects, state } = run([read(ok(), 'A'), read(ok(), 'A'), read(ok(), 'A', true)]);
    expect(effects).toEqual([
      ['prepare', 'repair', 'ask'],
      ['prepare', 'repair'],
      ['prepare', 'repair', 'ask'],
    ]);
    expect(state.seq).toBe(2);
  });

  it('only the answer to the last question counts; it is painted for the encounter it was asked about', () => {
    const { state, effects } = run([
      read(ok(2), 'A'),
      read(ok(3), 'B'),
      { type: 'answer', seq: 1, response: answer([finding(0)]) },
      { type: 'answer', seq: 2, response: answer([finding(1), finding(2, 'info')]) },
    ]);
    expect(effects[2]).toEqual([]);
    expect(effects[3]).toEqual(['paint']);
    expect(state.phase).toBe('idle');
    expect(state.judged).toMatchObject({ key: 'B', lines: 3, errors: 1, encounterId: 'enc-1' });
    expect(visibleFindings(state.judged).map((f) => f.line)).toEqual([1]);
    expect(visibleFindings({ ...state.judged, showInfo: true }).map((f) => f.line)).toEqual([1, 2]);
  });

  it('a failed answer, or none: the same encounter is asked about again at the next read', () => {
    const failed = run([
      read(ok(), 'A'),
      { type: 'answer', seq: 1, response: { ok: false, error: 'x' } },
      read(ok(), 'A'),
    ]);
    expect(failed.effects[1]).toEqual([]);
    expect(failed.effects[2]).toEqual(['prepare', 'repair', 'ask']);
    const lost = run([read(ok(), 'A'), { type: 'answer-lost', seq: 1 }, read(ok(), 'A')]);
    expect(lost.effects[2]).toEqual(['prepare', 'repair', 'ask']);
  });

  it('a lost answer to an older question leaves the newer one out', () => {
    const { state, effects } = run([
      read(ok(2), 'A'),
      read(ok(3), 'B'),
      { type: 'answer-lost', seq: 1 },
      { type: 'answer', seq: 2, response: answer([finding(0)]) },
    ]);
    expect(effects[3]).toEqual(['paint']);
    expect(state.judged.key).toBe('B');
  });

  it('a frame that never showed an encounter stays silent towards the worker; one that did says it is gone', () => {
    const never = run([read({ status: 'absent' }, null), read({ status: 'absent' }, null)]);
    expect(never.effects).toEqual([['clear'], []]);
    const gone = step(run([read(ok(), 'A')]).state, read({ status: 'absent' }, null));
    expect(gone.effects).toEqual([{ type: 'clear' }, { type: 'report', state: 'absent' }]);
    expect(gone.state).toMatchObject({ screen: 'absent', askedKey: null, phase: 'idle' });
  });

  it('an unreadable screen: a note on the screen, the worker told without the values; an answer on its way is dropped', () => {
    const asked = run([read(ok(), 'A')]).state;
    const next = step(asked, read({ status: 'unreadable', reason: 'units "abc"', withoutValues: 'units' }, null));
    expect(next.effects).toEqual([
      { type: 'clear' },
      { type: 'status', text: 'dermlint could not read this screen: units "abc"' },
      { type: 'report', state: 'unreadable', reason: 'units' },
    ]);
    expect(step(next.state, { type: 'answer', seq: 1, response: answer([finding(0)]) }).effects).toEqual([]);
  });

  it('held by a fix: no reads judged, no answers painted; release judges the screen once, forced', () => {
    const { effects, state } = run([
      read(ok(), 'A'),
      { type: 'hold' },
      read(ok(), 'B'),
      { type: 'answer', seq: 1, response: answer([finding(0)]) },
      { type: 'frame', result: ok(), key: 'B', readPending: true },
    ]);
    expect(effects.slice(1)).toEqual([[], [], [], []]);
    expect(state.phase).toBe('held');
    const released = step(state, { type: 'release' });
    expect(released.effects).toEqual([{ type: 'read-now', force: true }]);
    expect(released.state.phase).toBe('idle');
  });

  it('before a frame with re-rendered rows: asks first if the read task has a change to judge, then puts the last findings back on the same lines', () => {
    const judged = run([read(ok(2), 'A'), { type: 'answer', seq: 1, response: answer([finding(0)]) }]).state;
    expect(step(judged, { type: 'frame', result: ok(2), key: 'B', readPending: true }).effects).toEqual([
      { type: 'read-now', force: false },
      { type: 'repaint', anchors },
    ]);
    expect(step(judged, { type: 'frame', result: ok(2), key: 'A', readPending: false }).effects).toEqual([
      { type: 'repaint', anchors },
    ]);
    // Lines added or removed: the last findings would land on the wrong rows, so they wait for the answer.
    expect(step(judged, { type: 'frame', result: ok(3), key: 'C', readPending: false }).effects).toEqual([]);
    expect(
      step(judged, { type: 'frame', result: { status: 'absent' }, key: null, readPending: false }).effects,
    ).toEqual([{ type: 'read-soon' }]);
  });

  it('the frame goes away: the worker is told once, and the encounter is asked about again when it comes back', () => {
    const { effects } = run([read(ok(), 'A'), { type: 'page-hide' }, { type: 'page-hide' }, read(ok(), 'A')]);
    expect(effects.slice(1)).toEqual([['report'], [], ['prepare', 'repair', 'ask']]);
  });
});

describe('watch scheduler', () => {
  const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

  it('one read task for all the requests until it runs; taken() lets the next request schedule another', async () => {
    const controller = new AbortController();
    let runs = 0;
    const reads = readTask(() => {
      runs++;
      reads.taken();
    }, controller.signal);
    reads.request();
    reads.request();
    expect(reads.pending).toBe(true);
    expect(runs).toBe(0); // never in the task that asked
    await tick(5);
    expect(runs).toBe(1);
    reads.request();
    await tick(5);
    expect(runs).toBe(2);
    controller.abort();
    reads.request();
    await tick(5);
    expect(runs).toBe(2);
  });

  it('after an edit, the read waits behind the zero timers the page set meanwhile', async () => {
    const controller = new AbortController();
    const order: string[] = [];
    const reads = readTask(() => {
      order.push('read');
      reads.taken();
    }, controller.signal);
    reads.request({ afterPageTimers: true });
    setTimeout(() => order.push('page re-render'), 0);
    await tick(10);
    expect(order).toEqual(['page re-render', 'read']);
    controller.abort();
  });

  it('a repair before the next frame runs once for all the requests, by frame callback or, without frames, a timer', async () => {
    const frames: (() => void)[] = [];
    const win = { requestAnimationFrame: (f: () => void) => frames.push(f) } as unknown as Window;
    let runs = 0;
    const repair = beforeNextFrame(win, () => runs++);
    repair();
    repair();
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(runs).toBe(1);
    await tick(120); // the stand-in timer finds it done
    expect(runs).toBe(1);
    const noFrames = beforeNextFrame(null, () => runs++);
    noFrames();
    await tick(120);
    expect(runs).toBe(2);
  });
});
