/**
 * Follows one frame's EHR screen: reads it with the adapter after every
 * relevant change (edits, re-renders, single-page navigation), asks the worker
 * for findings when the encounter changed, and paints them.
 *
 * Cheap when nothing relevant changed: our own mutations are ignored, reads run
 * in a task of our own (never inside the EHR's), one for all the changes of a
 * task, a read is reused until a relevant change comes, and an unchanged
 * encounter costs a read and a string compare, no message.
 *
 * What it decides is a state machine of its own (./watch-state: events in,
 * effects out, tested without a browser); when it runs, its scheduler
 * (./schedule: the read task, the repair before the next frame). This file
 * wires them to the page: the listeners, the adapter's read, the painter.
 */
import type { Adapter, ReadResult, ScreenAnchors } from '../../adapters/types';
import type { EvaluateResponse } from '../messages';
import type { Encounter, Finding } from '../../rules/schema';
import { isOurs } from './roots';
import type { Painter } from './shell';
import { beforeNextFrame, readTask } from './schedule';
import { initialWatchState, step, visibleFindings, type WatchEffect, type WatchEvent } from './watch-state';

export interface WatchDeps {
  adapter: Adapter;
  doc: Document;
  painter: Painter;
  evaluate(encounter: Encounter): Promise<EvaluateResponse>;
  reportStatus(state: 'unreadable' | 'absent', reason?: string): void;
  signal: AbortSignal;
  /** Called after each paint (tests and performance marks). */
  onPainted?(findings: Finding[]): void;
}

export function watchScreen(deps: WatchDeps) {
  const { adapter, doc, painter, signal } = deps;
  const win = doc.defaultView;
  let state = initialWatchState();
  /** The anchors the findings were last painted at (the review panel's "show on screen", the sign-off check). */
  let anchors: ScreenAnchors | null = null;

  /**
   * The screen as it is now: the last read if no relevant change came since (mutation records and
   * input events are delivered before any of our tasks or frame callbacks run), else a fresh read.
   * The key is a JSON string of the encounter: ~0.03 ms for 60 lines, under 1 ms for 2,000, against
   * 1–5 ms and ~100 ms for the read itself.
   */
  let changedSinceRead = true;
  let lastRead: { result: ReadResult; key: string | null } | null = null;
  function currentRead(fresh = false): { result: ReadResult; key: string | null } {
    if (!fresh && !changedSinceRead && lastRead) return lastRead;
    changedSinceRead = false;
    let result: ReadResult;
    try {
      result = adapter.read(doc);
    } catch (e) {
      result = {
        status: 'unreadable',
        reason: `the screen changed in a way dermlint does not know (${(e as Error).message})`,
      };
    }
    lastRead = { result, key: result.status === 'ok' ? JSON.stringify(result.encounter) : null };
    if (result.status === 'ok') follow(result.documents ?? []);
    return lastRead;
  }

  function repaint(at: ScreenAnchors) {
    anchors = at;
    painter.paint(visibleFindings(state.judged), at, state.judged.why);
    deps.onPainted?.(state.judged.findings);
  }

  /** Feeds an event to the state machine and runs what it decides. */
  function dispatch(event: WatchEvent) {
    const next = step(state, event);
    state = next.state;
    for (const effect of next.effects) run(effect);
  }

  function run(effect: WatchEffect) {
    switch (effect.type) {
      case 'clear':
        return painter.clear();
      case 'status':
        return painter.showStatus(effect.text);
      case 'report':
        return deps.reportStatus(effect.state, effect.reason);
      case 'prepare':
        return painter.prepare();
      case 'repair':
        if (!painter.intact()) repairBeforeNextFrame();
        return;
      case 'ask':
        asked = ask(effect.seq, effect.encounter);
        return;
      case 'paint': {
        // Anchors may have moved while we waited: read them again before painting, unless nothing changed since the last read.
        const after = currentRead();
        if (after.result.status === 'ok' && after.key === effect.key) repaint(after.result.anchors);
        else reads.request();
        return;
      }
      case 'repaint':
        return repaint(effect.anchors);
      case 'read-now':
        return void check(effect.force);
      case 'read-soon':
        return reads.request();
    }
  }

  async function ask(seq: number, encounter: Encounter) {
    let response: EvaluateResponse;
    try {
      response = await deps.evaluate(encounter);
    } catch {
      // The worker restarted or the extension was updated: try again on the next change.
      return dispatch({ type: 'answer-lost', seq });
    }
    if (!signal.aborted) dispatch({ type: 'answer', seq, response });
  }

  /** The question the last read asked, until its answer is painted (or none). */
  let asked: Promise<void> | undefined;
  /** Reads the screen (the last read if nothing changed since, unless `force`) and judges it; resolves once judged. */
  function check(force = false): Promise<void> {
    reads.taken();
    asked = undefined;
    if (signal.aborted || state.phase === 'held') return Promise.resolve();
    const now = currentRead(force);
    if (now.result.status !== 'ok') anchors = null;
    dispatch({ type: 'read', result: now.result, key: now.key, force });
    return asked ?? Promise.resolve();
  }
  const reads = readTask(() => void check(), signal);

  /**
   * Puts the warnings back on rows the EHR just re-rendered, before the next frame is drawn (so they
   * never blink) but outside the EHR's own task: a re-render that takes most of a task plus our
   * painting would make a long task. Asked for from the mutation observer (inside the EHR's task,
   * so the frame callback is in place even if the frame comes before our read task) and after a
   * read. The frame callback reuses a read made since the change, or makes the one our task would
   * have made.
   */
  const repairBeforeNextFrame = beforeNextFrame(win, () => {
    if (signal.aborted || state.phase === 'held' || painter.intact()) return;
    const now = currentRead();
    dispatch({ type: 'frame', result: now.result, key: now.key, readPending: reads.pending });
  });

  /** Something relevant changed on the screen: the last read no longer holds (and the warnings may have to move). */
  function changed(nodes?: readonly Node[], afterPageTimers = false) {
    changedSinceRead = true;
    painter.relayout(nodes);
    reads.request({ afterPageTimers });
  }

  /**
   * Other documents the adapter read (a same-origin frame holding the note): their edits count as this
   * screen's. Followed from the read that names them until a read no longer does.
   */
  const followed = new Set<Document>();
  const onFrameEdit = () => changed([], true); // drawn in the other document, not this one
  function listen(d: Document, on: boolean) {
    for (const type of ['input', 'change']) {
      if (on) d.addEventListener(type, onFrameEdit, true);
      else d.removeEventListener(type, onFrameEdit, true);
    }
  }
  function follow(docs: Document[]) {
    for (const d of followed)
      if (!docs.includes(d)) {
        followed.delete(d);
        listen(d, false);
      }
    for (const d of docs) {
      if (followed.has(d)) continue;
      followed.add(d);
      listen(d, true);
      observer.observe(d, OBSERVED);
    }
  }

  const observer = new MutationObserver((records) => {
    // What the EHR added or changed: the pills that stay where they are are checked against these only.
    let relevant = false;
    const drawn: Node[] = [];
    for (const r of records) {
      if (!isRelevant(r)) continue;
      relevant = true;
      if (r.type !== 'childList') drawn.push(r.target);
      else for (const n of r.addedNodes) if (!isOurs(n)) drawn.push(n);
    }
    if (!relevant) return;
    changed(drawn);
    // Cheap (no read): if the EHR replaced rows under our warnings, they go back before the next frame.
    if (painter.count > 0 && !painter.intact()) repairBeforeNextFrame();
  });
  observer.observe(doc, OBSERVED);
  // Typing into an input changes no DOM: listen for it. Untrusted events count too (EHRs built on
  // Angular dispatch their own after setting a value): they only make us read the screen again.
  const onInput = (e: Event) => {
    if (e.target instanceof Node && !isOurs(e.target)) changed([e.target], true);
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  // A frame that finished loading (its document new, perhaps the one holding the note): read again.
  const onLoad = (e: Event) => /^I?FRAME$/.test((e.target as Node)?.nodeName) && changed();
  doc.addEventListener('load', onLoad, true);
  const onNavigate = () => changed();
  // A frame that goes away (athenaNet reloads frMain on every navigation) takes its findings with it.
  const onPageHide = () => dispatch({ type: 'page-hide' });
  win?.addEventListener('pagehide', onPageHide);
  win?.addEventListener('hashchange', onNavigate);
  win?.addEventListener('popstate', onNavigate);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
    doc.removeEventListener('load', onLoad, true);
    for (const d of followed) listen(d, false);
    win?.removeEventListener('hashchange', onNavigate);
    win?.removeEventListener('popstate', onNavigate);
    win?.removeEventListener('pagehide', onPageHide);
    painter.clear();
  });

  void check();
  return {
    /** Settings or dismissals changed: judge the same screen again. */
    recheck: () => void check(true),
    /**
     * A one-click fix is about to operate the screen: no reads, messages or paints until release,
     * so its intermediate states are never judged or painted; then the screen is judged once, as any edit.
     */
    hold: () => dispatch({ type: 'hold' }),
    release(): Promise<void> {
      dispatch({ type: 'release' }); // reads and judges the screen at once (its effect)
      return asked ?? Promise.resolve();
    },
    /** The encounter (as JSON) the findings on the screen were judged on: a fix is made for that one only. */
    judgedKey: () => state.judged.key,
    /** Errors not dismissed on the screen now, for the sign-off check. */
    errors: () => state.judged.errors,
    signoffPrompt: () => state.judged.signoffPrompt,
    encounterId: () => state.judged.encounterId,
    /** The element of a line (or the diagnosis list / header for encounter-level findings). */
    anchorOf(line: number | null): Element | undefined {
      if (!anchors) return undefined;
      return line === null ? (anchors.diagnoses ?? anchors.header) : anchors.lines[line];
    },
    /** Lines with errors, in order. */
    errorLines: () => state.judged.findings.filter((f) => f.severity === 'error').map((f) => f.line),
  };
}

const OBSERVED: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['value', 'checked', 'selected', 'class', 'data-value', 'hidden'],
};

function isRelevant(r: MutationRecord): boolean {
  // Changes inside or of our own elements are not the EHR's.
  let node: Node | null = r.target;
  while (node) {
    if (isOurs(node)) return false;
    node = node.parentNode;
  }
  if (r.type === 'childList') {
    for (const n of r.addedNodes) if (!isOurs(n)) return true;
    for (const n of r.removedNodes) if (!isOurs(n)) return true;
    return false;
  }
  return true;
}
