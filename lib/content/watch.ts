/**
 * Follows one frame's EHR screen: reads it with the adapter after every
 * relevant change (edits, re-renders, single-page navigation), asks the worker
 * for findings when the encounter changed, and paints them.
 *
 * Cheap when nothing relevant changed: our own mutations are ignored, reads run
 * in a task of our own (never inside the EHR's), one for all the changes of a
 * task, a read is reused until a relevant change comes, and an unchanged
 * encounter costs a read and a string compare, no message.
 */
import type { Adapter, ReadResult, ScreenAnchors } from '../../adapters/types';
import type { EvaluateResponse } from '../messages';
import type { Encounter, Finding } from '../../rules/schema';
import { isOurs } from './roots';
import type { Painter } from './shell';

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
  let scheduled = false;
  let lastKey: string | null = null;
  let lastState: ReadResult['status'] | null = null;
  let lastFindings: Finding[] = [];
  /** How many lines the encounter had that lastFindings were computed for. */
  let lastFindingsLines = -1;
  let lastShowInfo = false;
  let lastWhy: Record<string, string> = {};
  let lastAnchors: ScreenAnchors | null = null;
  let lastEncounterId = '';
  let lastErrors = 0;
  let lastSignoffPrompt = true;
  let sequence = 0;
  /** A relevant change (mutation, input, navigation) since the last read; when false, the last read still holds. */
  let changedSinceRead = true;
  /** The last read of the screen and its key (null when it was not readable). */
  let lastRead: { result: ReadResult; key: string | null } | null = null;
  /** An edit (input or change event) came since the last read: read behind the page's own zero timers (see runScheduled). */
  let afterPageTimers = false;
  /** A one-click fix is operating the screen: its steps are not judged one by one (see hold). */
  let held = false;
  /** The encounter (its JSON) the painted findings were judged on. */
  let judgedKey: string | null = null;

  function visible(findings: Finding[], showInfo: boolean) {
    return showInfo ? findings : findings.filter((f) => f.severity !== 'info');
  }

  function repaint(anchors: ScreenAnchors) {
    lastAnchors = anchors;
    painter.paint(visible(lastFindings, lastShowInfo), anchors, lastWhy);
    deps.onPainted?.(lastFindings);
  }

  /**
   * The screen as it is now: the last read if no relevant change came since (mutation records and
   * input events are delivered before any of our tasks or frame callbacks run), else a fresh read.
   * The key is a JSON string of the encounter: ~0.03 ms for 60 lines, under 1 ms for 2,000, against
   * 1–5 ms and ~100 ms for the read itself.
   */
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

  async function check(force = false) {
    scheduled = false;
    afterPageTimers = false;
    if (signal.aborted || held) return;
    const now = currentRead(force);
    const result = now.result;
    if (result.status !== 'ok') {
      ++sequence; // an answer still on its way is for a screen that is no longer there
      lastAnchors = null;
      lastErrors = 0;
      if (result.status !== lastState || force) {
        painter.clear();
        lastKey = null;
        judgedKey = null;
        if (result.status === 'unreadable') painter.showStatus(`dermlint could not read this screen: ${result.reason}`);
        // A frame that never showed an encounter stays silent towards the worker.
        // What the worker keeps (tab state, popup, side panel) never quotes the screen: the note without its values.
        if (lastState !== null || result.status === 'unreadable')
          deps.reportStatus(
            result.status,
            result.status === 'unreadable' ? (result.withoutValues ?? result.reason) : undefined,
          );
      }
      lastState = result.status;
      return;
    }
    lastState = 'ok';
    painter.prepare(); // an encounter on the screen: the paint kit comes while the worker judges it
    const key = now.key!;
    // Rows the EHR re-rendered under our warnings get them back before the next frame: the same
    // findings, or until the answer comes the last ones (stale findings stay until the answer).
    if (!painter.intact()) reattachBeforeNextFrame();
    if (key === lastKey && !force) return; // same encounter: no message
    lastKey = key;
    const mine = ++sequence;
    let response: EvaluateResponse;
    try {
      response = await deps.evaluate(result.encounter);
    } catch {
      // The worker restarted or the extension was updated: try again on the next change.
      lastKey = null;
      return;
    }
    if (mine !== sequence || signal.aborted || held) return; // a newer read is on its way, or a fix is running
    if (!response.ok) {
      lastKey = null;
      return;
    }
    lastFindings = response.findings;
    lastFindingsLines = result.encounter.lines.length;
    lastShowInfo = response.showInfoInline;
    lastWhy = response.why;
    lastErrors = response.errors;
    lastSignoffPrompt = response.signoffPrompt;
    lastEncounterId = result.encounter.id;
    judgedKey = key;
    // Anchors may have moved while we waited: read them again before painting, unless nothing changed since the last read.
    const after = currentRead();
    if (after.result.status === 'ok' && after.key === key) repaint(after.result.anchors);
    else scheduleCheck();
  }

  /**
   * Puts the warnings back on rows the EHR just re-rendered, before the next frame is drawn (so they
   * never blink) but outside the EHR's own task: a re-render that takes most of a task plus our
   * painting would make a long task. Asked for from the mutation observer (inside the EHR's task,
   * so the frame callback is in place even if the frame comes before our read task) and after a
   * read. The frame callback reuses a read made since the change, or makes the one our task would
   * have made. A timer stands in where frames are not drawn (a background tab).
   */
  let reattachPending = false;
  function reattachBeforeNextFrame() {
    if (reattachPending) return;
    reattachPending = true;
    const run = () => {
      if (!reattachPending) return;
      reattachPending = false;
      if (signal.aborted || held || painter.intact()) return;
      const now = currentRead();
      if (now.result.status !== 'ok') return scheduleCheck();
      // The encounter changed: ask now, with this read, before the paint below (and the layout it
      // forces on a freshly re-rendered page) holds the thread; the scheduled check then has nothing to do.
      // Only for a change our task has yet to judge: after a failed answer, wait for the next change.
      if (scheduled && now.key !== lastKey) void check();
      // The last findings stay on their lines until the answer (they may be for an earlier state of
      // the encounter); if lines were added or removed since, they would land on the wrong rows, so
      // those wait for the answer.
      if (now.result.encounter.lines.length === lastFindingsLines) repaint(now.result.anchors);
    };
    win?.requestAnimationFrame(run);
    setTimeout(run, 100);
  }

  /**
   * Our reads run in a task of their own, never as a microtask at the end of the EHR's task (its
   * re-render plus our read would make one long task), and once for all the changes of a task:
   * a MessageChannel message is the quickest such task (timers may be clamped); a zero timer
   * where there is none.
   *
   * After an edit (an input or change event), the read waits one more turn, behind the zero-delay
   * timers the page set while handling the event: EHRs re-render an edited row or the whole screen
   * right after the event (both demo screens in a zero timer, Angular in the same task), and one read
   * after the re-render serves both the edit and the re-render, where reading at once meant a second
   * full read once the rows were replaced. Warnings on replaced rows are put back before the next
   * frame all the same (the mutation observer asks for that).
   */
  function runScheduled() {
    if (!scheduled) return; // a recheck came first
    if (afterPageTimers) {
      afterPageTimers = false;
      setTimeout(runScheduled, 0);
      return;
    }
    void check();
  }
  let channel: MessageChannel | null = null;
  try {
    channel = new MessageChannel();
    channel.port1.onmessage = runScheduled;
  } catch {
    channel = null;
  }
  function scheduleCheck() {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    if (channel) channel.port2.postMessage(null);
    else setTimeout(runScheduled, 0);
  }

  /** Something relevant changed on the screen: the last read no longer holds (and the warnings may have to move). */
  function changed(nodes?: readonly Node[]) {
    changedSinceRead = true;
    painter.relayout(nodes);
    scheduleCheck();
  }

  /**
   * Other documents the adapter read (a same-origin frame holding the note): their edits count as this
   * screen's. Followed from the read that names them until a read no longer does.
   */
  const followed = new Set<Document>();
  const onFrameEdit = () => {
    afterPageTimers = true;
    changed([]); // drawn in the other document, not this one
  };
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
    if (painter.count > 0 && !painter.intact()) reattachBeforeNextFrame();
  });
  observer.observe(doc, OBSERVED);
  // Typing into an input changes no DOM: listen for it. Untrusted events count too (EHRs built on
  // Angular dispatch their own after setting a value): they only make us read the screen again.
  const onInput = (e: Event) => {
    if (e.target instanceof Node && !isOurs(e.target)) {
      afterPageTimers = true;
      changed([e.target]);
    }
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  // A frame that finished loading (its document new, perhaps the one holding the note): read again.
  const onLoad = (e: Event) => /^I?FRAME$/.test((e.target as Node)?.nodeName) && changed();
  doc.addEventListener('load', onLoad, true);
  const onNavigate = () => changed();
  // A frame that goes away (athenaNet reloads frMain on every navigation) takes its findings with it.
  const onPageHide = () => {
    if (lastState === 'ok') deps.reportStatus('absent');
    lastState = null;
    lastKey = null;
  };
  win?.addEventListener('pagehide', onPageHide);
  win?.addEventListener('hashchange', onNavigate);
  win?.addEventListener('popstate', onNavigate);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    channel?.port1.close();
    channel?.port2.close();
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
    hold() {
      held = true;
    },
    release(): Promise<void> {
      held = false;
      return check(true);
    },
    /** The encounter (as JSON) the findings on the screen were judged on: a fix is made for that one only. */
    judgedKey: () => judgedKey,
    /** Errors not dismissed on the screen now, for the sign-off check. */
    errors: () => lastErrors,
    signoffPrompt: () => lastSignoffPrompt,
    encounterId: () => lastEncounterId,
    /** The element of a line (or the diagnosis list / header for encounter-level findings). */
    anchorOf(line: number | null): Element | undefined {
      if (!lastAnchors) return undefined;
      return line === null ? (lastAnchors.diagnoses ?? lastAnchors.header) : lastAnchors.lines[line];
    },
    /** Lines with errors, in order. */
    errorLines: () => lastFindings.filter((f) => f.severity === 'error').map((f) => f.line),
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
