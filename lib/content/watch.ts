/**
 * Follows one frame's EHR screen: reads it with the adapter after every
 * relevant change (edits, re-renders, single-page navigation), asks the worker
 * for findings when the encounter changed, and paints them.
 *
 * Cheap when nothing relevant changed: our own mutations are ignored, reads are
 * coalesced into one per task, and an unchanged encounter costs a read and a
 * string compare, no message.
 */
import type { Adapter, ReadResult, ScreenAnchors } from '../../adapters/types';
import type { EvaluateResponse } from '../messages';
import type { Encounter, Finding } from '../../rules/schema';
import { isOurs, type Painter } from './painter';

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
  let scheduled = false;
  let lastKey: string | null = null;
  let lastState: ReadResult['status'] | null = null;
  let lastFindings: Finding[] = [];
  let lastShowInfo = false;
  let lastWhy: Record<string, string> = {};
  let lastAnchors: ScreenAnchors | null = null;
  let lastEncounterId = '';
  let lastErrors = 0;
  let lastSignoffPrompt = true;
  let sequence = 0;
  /** A relevant change (mutation, input, navigation) since the last read; when false, the last read still holds. */
  let changedSinceRead = true;
  let lastRead: { key: string; anchors: ScreenAnchors } | null = null;

  function visible(findings: Finding[], showInfo: boolean) {
    return showInfo ? findings : findings.filter((f) => f.severity !== 'info');
  }

  function repaint(anchors: ScreenAnchors) {
    lastAnchors = anchors;
    painter.paint(visible(lastFindings, lastShowInfo), anchors, lastWhy);
    deps.onPainted?.(lastFindings);
  }

  function read(): ReadResult {
    changedSinceRead = false;
    lastRead = null;
    try {
      return adapter.read(doc);
    } catch (e) {
      return { status: 'unreadable', reason: `the screen changed in a way dermlint does not know (${(e as Error).message})` };
    }
  }

  async function check(force = false) {
    scheduled = false;
    if (signal.aborted) return;
    const result = read();
    if (result.status !== 'ok') {
      lastAnchors = null;
      lastErrors = 0;
      if (result.status !== lastState || force) {
        painter.clear();
        lastKey = null;
        if (result.status === 'unreadable') painter.showStatus(`dermlint could not read this screen: ${result.reason}`);
        // A frame that never showed an encounter stays silent towards the worker.
        if (lastState !== null || result.status === 'unreadable') deps.reportStatus(result.status, result.status === 'unreadable' ? result.reason : undefined);
      }
      lastState = result.status;
      return;
    }
    lastState = 'ok';
    const key = JSON.stringify(result.encounter);
    lastRead = { key, anchors: result.anchors };
    if (key === lastKey && !force) {
      // Same encounter: only re-attach if the EHR re-rendered the rows under us.
      if (!painter.intact()) reattachBeforeNextFrame();
      return;
    }
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
    if (mine !== sequence || signal.aborted) return; // a newer read is on its way
    if (!response.ok) {
      lastKey = null;
      return;
    }
    lastFindings = response.findings;
    lastShowInfo = response.showInfoInline;
    lastWhy = response.why;
    lastErrors = response.errors;
    lastSignoffPrompt = response.signoffPrompt;
    lastEncounterId = result.encounter.id;
    // Anchors may have moved while we waited: read them again before painting, unless nothing changed since the last read.
    const now = currentRead();
    if (now && now.key === key) repaint(now.anchors);
    else schedule();
  }

  /**
   * Puts the warnings back on rows the EHR just re-rendered, before the next frame is drawn (so they
   * never blink) but outside the EHR's own task: a re-render that takes most of a task plus our
   * painting would make a long task. A timer stands in where frames are not drawn (a background tab).
   */
  let reattachPending = false;
  function reattachBeforeNextFrame() {
    if (reattachPending) return;
    reattachPending = true;
    const run = () => {
      if (!reattachPending) return;
      reattachPending = false;
      if (signal.aborted || painter.intact()) return;
      const now = currentRead();
      if (now && now.key === lastKey) repaint(now.anchors);
      else schedule();
    };
    doc.defaultView?.requestAnimationFrame(run);
    setTimeout(run, 100);
  }

  /** The screen as it is now: the last read if nothing relevant changed since, else a fresh one. */
  function currentRead(): { key: string; anchors: ScreenAnchors } | null {
    if (!changedSinceRead && lastRead) return lastRead;
    const fresh = read();
    if (fresh.status !== 'ok') return null;
    lastRead = { key: JSON.stringify(fresh.encounter), anchors: fresh.anchors };
    return lastRead;
  }

  function schedule() {
    changedSinceRead = true;
    if (scheduled || signal.aborted) return;
    scheduled = true;
    // One read per task, however many mutations and input events arrived.
    queueMicrotask(() => void check());
  }

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isRelevant(r)) {
        schedule();
        return;
      }
    }
  });
  observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'checked', 'selected', 'class', 'data-value', 'hidden'] });
  // Typing into an input changes no DOM: listen for it.
  const onInput = (e: Event) => {
    if (e.target instanceof Node && !isOurs(e.target)) schedule();
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  const onNavigate = () => schedule();
  // A frame that goes away (athenaNet reloads frMain on every navigation) takes its findings with it.
  const onPageHide = () => {
    if (lastState === 'ok') deps.reportStatus('absent');
    lastState = null;
    lastKey = null;
  };
  doc.defaultView?.addEventListener('pagehide', onPageHide);
  doc.defaultView?.addEventListener('hashchange', onNavigate);
  doc.defaultView?.addEventListener('popstate', onNavigate);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
    doc.defaultView?.removeEventListener('hashchange', onNavigate);
    doc.defaultView?.removeEventListener('popstate', onNavigate);
    doc.defaultView?.removeEventListener('pagehide', onPageHide);
    painter.clear();
  });

  void check();
  return {
    /** Settings or dismissals changed: judge the same screen again. */
    recheck: () => void check(true),
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
