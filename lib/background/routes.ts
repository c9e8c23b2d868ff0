/**
 * What the worker does with each message once its sender and shape were
 * checked (door.ts): one route per message type, each answering what
 * lib/protocol.ts says it answers.
 */
import { RULES_BY_ID } from '../../rules/index';
import { withoutScreenValues } from '../../adapters/shared/text';
import type { Broadcast, ToContent } from '../messages';
import type { AskFrame, ContentProtocol, PageProtocol, Routes } from '../protocol';
import { COMMENT_PROBLEM_TEXT, identifierProblem } from '../comment-check';
import type { DismissalStore } from './dismissals';
import type { EncounterIds } from './encounter-ids';
import type { TabStates } from './tab-states';
import type { createEvaluator } from './evaluate';

/** Where a content script's message came from (its sender, checked at the door). */
export interface FrameOfSender {
  tabId: number;
  frameId: number;
  /** The frame's URL (a taught field map must cover it). */
  url: string;
}

export interface RoutesDeps {
  dismissals?: DismissalStore;
  sendToFrame?(tabId: number, frameId: number, message: ToContent): void;
  broadcast?(message: Broadcast): void;
  /** Asks one frame's content script and waits for its answer (the dismissal-comment check). */
  askFrame?: AskFrame;
  /** Loads the paint kit into a frame (scripting.executeScript of paint-kit.js, the extension's isolated world). */
  injectPaintKit?(tabId: number, frameId: number): Promise<void>;
  /** Loads the one-click fix code into a frame (scripting.executeScript of fix-apply.js). */
  injectFixKit?(tabId: number, frameId: number): Promise<void>;
  /** Saves a field map taught on the sender's screen (lib/teach/save.ts); resolves to what the user is told. */
  saveTaughtMap?(map: unknown, senderUrl: string): Promise<ContentProtocol['teach-save']['answer']>;
  now(): Date;
}

interface Parts {
  tabs: TabStates;
  ids: EncounterIds;
  evaluate: ReturnType<typeof createEvaluator>;
}

/** At most this many sign-anyway records per encounter in a minute (a person signs once; a page's script could click on). */
const SIGNOFFS_PER_WINDOW = 3;
const SIGNOFF_WINDOW_MS = 60_000;

const NO_COUNTS = { error: 0, warning: 0, info: 0, dismissed: 0 };

/** Messages from content scripts (and the scripts the worker injects into EHR frames). */
export function contentRoutes(
  deps: RoutesDeps,
  { tabs, ids, evaluate }: Parts,
): Routes<ContentProtocol, FrameOfSender> {
  /** Sign-anyway records per encounter in the last minute: a page that clicks for itself cannot flood the audit log. */
  const signoffs = new Map<string, number[]>();
  const now = () => deps.now();

  return {
    evaluate: (request, { tabId, frameId }) => evaluate(request, tabId, frameId),

    // The drawing code and the fix code go into the frame that asked, in the extension's isolated world.
    async 'paint-kit'(_request, { tabId, frameId }) {
      if (!deps.injectPaintKit) return { ok: false, error: 'the paint kit is not available here' };
      await deps.injectPaintKit(tabId, frameId);
      return { ok: true };
    },
    async 'fix-load'(_request, { tabId, frameId }) {
      if (!deps.injectFixKit) return { ok: false, error: 'one-click fixes are not available here' };
      await deps.injectFixKit(tabId, frameId);
      return { ok: true };
    },

    async 'fix-record'(request) {
      if (!RULES_BY_ID.has(request.rule)) return { ok: false, error: `rejected: rule: unknown rule '${request.rule}'` };
      const at = now().toISOString();
      await deps.dismissals?.putFix?.({
        key: `fix|${at}|${crypto.randomUUID()}`,
        kind: 'fix',
        rule: request.rule,
        ...(request.messageId ? { messageId: request.messageId } : {}),
        actions: request.actions,
        outcome: request.outcome,
        at,
      });
      return { ok: true };
    },

    async 'teach-save'(request, { frameId, url }) {
      // The teaching overlay runs in the tab's top frame only; the map must cover that page (lib/teach/save.ts).
      if (frameId !== 0) return { ok: false, error: 'rejected: a field map is taught in the top frame only' };
      return deps.saveTaughtMap
        ? deps.saveTaughtMap(request.map, url)
        : { ok: false, error: 'saving is not available here' };
    },

    async 'signed-anyway'(request) {
      const encounterId = await ids.pseudonymOf(request.encounterId);
      const at = now().toISOString();
      const recent = (signoffs.get(encounterId) ?? []).filter((t) => now().getTime() - t < SIGNOFF_WINDOW_MS);
      if (recent.length >= SIGNOFFS_PER_WINDOW)
        return {
          ok: false,
          error: `rejected: more than ${SIGNOFFS_PER_WINDOW} sign-anyway records for one encounter in a minute`,
        };
      signoffs.set(encounterId, [...recent, now().getTime()]);
      if (signoffs.size > 500) signoffs.delete(signoffs.keys().next().value!);
      await deps.dismissals?.put({
        key: `${encounterId}|signoff|${at}`,
        encounter: encounterId,
        rule: 'signoff',
        code: '',
        subject: `${request.errors} ${request.errors === 1 ? 'error' : 'errors'}`,
        reason: 'signed-anyway',
        at,
        outcome: 'overridden',
      });
      return { ok: true };
    },

    // This frame shows no readable encounter (any more). Its note goes to the tab state without what the screen showed.
    async status(request, { tabId, frameId }) {
      const reason = request.reason === undefined ? undefined : withoutScreenValues(request.reason);
      tabs.recordErrors(tabId, frameId, 0);
      const stored = await tabs.get(tabId);
      // Another frame's evaluation may have landed while storage was read: the newest state decides.
      const previous = tabs.inMemory(tabId) ?? stored;
      if (previous && previous.frameId === frameId) {
        if (request.state === 'unreadable')
          await tabs.save({
            ...previous,
            status: 'unreadable',
            reason,
            findings: [],
            counts: NO_COUNTS,
            lines: [],
            updatedAt: now().toISOString(),
          });
        else {
          await tabs.remove(tabId);
          deps.broadcast?.({ type: 'tab-state-changed', tabId });
        }
      } else if (request.state === 'unreadable') {
        await tabs.save({
          tabId,
          frameId,
          adapter: request.adapter,
          status: 'unreadable',
          reason,
          encounterId: '',
          payerKind: 'unknown',
          lines: [],
          findings: [],
          counts: NO_COUNTS,
          updatedAt: now().toISOString(),
        });
      }
      return { ok: true };
    },
  };
}

/** Messages from the extension's own pages: the popup, the side panel, options. */
export function pageRoutes(deps: RoutesDeps, { tabs, ids }: Omit<Parts, 'evaluate'>): Routes<PageProtocol, undefined> {
  /**
   * Why a dismissal comment may not be kept, or null: it looks like an identifier (digits, a date),
   * or it repeats the patient banner of the screen it was made on — which that screen's content
   * script decides, so the banner's text never reaches the worker. A screen that cannot answer
   * means the comment cannot be checked: refused (the person can dismiss without one).
   */
  async function commentRefusal(comment: string, tabId: number, frameId: number): Promise<string | null> {
    const problem = identifierProblem(comment);
    if (problem) return `Comment not kept: ${COMMENT_PROBLEM_TEXT[problem]}`;
    const answer = await Promise.resolve(deps.askFrame?.(tabId, frameId, { type: 'comment-check', comment })).catch(
      () => undefined,
    );
    if (!answer || typeof answer.contains !== 'boolean')
      return 'Comment not kept: the screen did not answer whether it names the patient. Try again, or dismiss without a comment.';
    return answer.contains ? `Comment not kept: ${COMMENT_PROBLEM_TEXT.banner}` : null;
  }

  /** The state and finding a page's request names, or why not. */
  async function findingOn(tabId: number, key: string) {
    const state = await tabs.get(tabId);
    const finding = state?.findings.find((f) => f.key === key);
    return state && finding ? { state, finding } : null;
  }
  const gone = { ok: false, error: 'that finding is no longer on the screen' } as const;

  return {
    'tab-state': async (request) => ({ ok: true, state: (await tabs.get(request.tabId)) ?? null }),

    async audit() {
      await ids.dismissalsReady();
      return {
        ok: true,
        dismissals: (await deps.dismissals?.all()) ?? [],
        fixes: (await deps.dismissals?.fixes?.()) ?? [],
      };
    },

    async 'clear-audit'() {
      await ids.dismissalsReady();
      await deps.dismissals?.clear();
      // Findings dismissed on open screens are live again: those screens ask again and repaint.
      for (const state of tabs.all())
        if (state.status === 'ok') deps.sendToFrame?.(state.tabId, state.frameId, { type: 'recheck' });
      return { ok: true };
    },

    async reveal(request) {
      const found = await findingOn(request.tabId, request.key);
      if (!found) return gone;
      deps.sendToFrame?.(found.state.tabId, found.state.frameId, { type: 'reveal', line: found.finding.line });
      return { ok: true };
    },

    async dismiss(request) {
      const found = await findingOn(request.tabId, request.key);
      if (!found || !deps.dismissals) return gone;
      const { state, finding } = found;
      const refused = request.comment ? await commentRefusal(request.comment, state.tabId, state.frameId) : null;
      if (refused) return { ok: false, error: refused };
      await deps.dismissals.put({
        key: request.key,
        encounter: state.encounterId,
        rule: finding.rule,
        messageId: finding.messageId ?? '',
        code: finding.line === null ? '' : (state.lines[finding.line]?.code ?? ''),
        subject: request.key.slice(request.key.lastIndexOf('|') + 1),
        reason: request.reason,
        ...(request.comment ? { comment: request.comment } : {}),
        at: deps.now().toISOString(),
        outcome: 'overridden',
      });
      // The content script asks again, gets the findings without it, repaints; state and badge follow.
      deps.sendToFrame?.(state.tabId, state.frameId, { type: 'recheck' });
      return { ok: true };
    },

    async undismiss(request) {
      const found = await findingOn(request.tabId, request.key);
      if (!found || !deps.dismissals) return gone;
      await deps.dismissals.undo(request.key, deps.now().toISOString());
      deps.sendToFrame?.(found.state.tabId, found.state.frameId, { type: 'recheck' });
      return { ok: true };
    },
  };
}
