/**
 * The background worker's work, apart from the browser APIs (the entrypoint
 * wires those in): check each message's sender and shape, run the engine with
 * the user's settings, keep each tab's review state and badge count, and record
 * dismissals and sign-off choices.
 */
import {
  effectivePayerKind,
  findingSubject,
  run,
  RULES_BY_ID,
  type RuleModule,
  type RunOptions,
} from '../../rules/index';
import { knownPayerName } from '../../rules/payer-names';
import type { Encounter, Finding } from '../../rules/schema';
import { normalizeCode, normalizeModifier, quotableCode } from '../../rules/codes';
import { siteGroupOf } from '../../rules/sites';
import { withoutScreenValues } from '../../adapters/shared/text';
import {
  ContentRequestSchema,
  LIMITS,
  PageRequestSchema,
  type Broadcast,
  type CommentCheckAnswer,
  type EvaluateResponse,
  type FindingView,
  type LineView,
  type PageResponse,
  type TabState,
  type ToContent,
} from '../messages';
import type { ExtensionSettings } from '../settings';
import { matchesAny } from '../match-patterns';
import { ANY_MESSAGE, findingKey, type Dismissal, type DismissalStore } from './dismissals';
import { createPseudonyms, memoryKeyStore, type Pseudonyms } from './pseudonym';
import { createLegacyAdopter, migrateLegacyDismissals } from './legacy-ids';
import { migrateMessageIdKeys } from './message-id-keys';
import { COMMENT_PROBLEM_TEXT, identifierProblem } from '../comment-check';
import { shortLabel } from '../../components/finding-labels';

export interface Sender {
  id?: string;
  url?: string;
  /** The frame's origin (Chrome): a srcdoc or about:blank frame has its parent's; a sandboxed one 'null'. */
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * The address a content script's frame is judged by. Its origin, where it has one: a frame at
 * about:srcdoc or about:blank (which the EHR's script writes into) has its parent's. For an opaque
 * origin (a sandboxed frame), the tab's top frame: the frame lives in that document. Without an
 * origin (older browsers), the frame's own URL.
 */
function senderAddress(sender: Sender): string | undefined {
  const { origin, url } = sender;
  if (origin && origin !== 'null') return `${origin}/`;
  if (origin === undefined && url && /^https?:/i.test(url)) return url;
  return sender.tab?.url;
}

export interface WorkerDeps {
  extensionId: string;
  /** Hosts the content script is allowed on (the adapters' match patterns, plus the user's). */
  allowedPatterns(): Promise<readonly string[]> | readonly string[];
  /** `refresh`: read them from storage now, not from a copy kept in memory. */
  settings(refresh?: boolean): Promise<ExtensionSettings> | ExtensionSettings;
  setBadge(tabId: number, errors: number): void;
  dismissals?: DismissalStore;
  /** Tab states survive a worker restart here (storage.session: memory only, never disk). */
  stateStore?: {
    get(tabId: number): Promise<TabState | undefined>;
    set(state: TabState): Promise<void>;
    remove(tabId: number): Promise<void>;
  };
  sendToFrame?(tabId: number, frameId: number, message: ToContent): void;
  /** Asks one frame's content script and waits for its answer (the dismissal-comment check). */
  askFrame?(tabId: number, frameId: number, message: ToContent): Promise<unknown>;
  /** Loads the paint kit into a frame (scripting.executeScript of paint-kit.js, the extension's isolated world). */
  injectPaintKit?(tabId: number, frameId: number): Promise<void>;
  broadcast?(message: Broadcast): void;
  now?(): Date;
  /** Loads the one-click fix code into a frame (scripting.executeScript of fix-apply.js). */
  injectFixKit?(tabId: number, frameId: number): Promise<void>;
  /** Saves a field map taught on the sender's screen (lib/teach/save.ts); resolves to what the user is told. */
  saveTaughtMap?(
    map: unknown,
    senderUrl: string,
  ): Promise<{ ok: true; message: string } | { ok: false; error: string }>;
  /** Imported code tables (lib/tables/engine-extras.ts): NCCI tables and ICD-10-CM code sets by fiscal year; the built-in ones without. */
  engineTables?(): Promise<Pick<RunOptions, 'tables' | 'icdSets'>>;
  /** Encounter pseudonyms under the install's key (pseudonym.ts); without, a key of this worker's own, in memory. */
  pseudonyms?: Pseudonyms;
  /** Rules to run instead of the catalog (tests). */
  rules?: readonly RuleModule[];
}

export type Reply = EvaluateResponse | PageResponse | { ok: true } | { ok: true; message: string };

/**
 * Stable keys, never the wording: rule, message id, the line's code (when shaped like one: keys are
 * kept in the tab state and IndexedDB), and which finding of those it is — the nth on lines of that
 * code, or for an encounter-level finding a hash of its message id and data (which diagnosis).
 * `legacyKey`: the key a dismissal made before message ids has for it (message-id-keys.ts).
 */
export function keyFindings(
  encounter: Encounter,
  findings: Finding[],
): { finding: Finding; code: string; subject: string; key: string; legacyKey: string }[] {
  const seen = new Map<string, number>();
  const nth = (of: string) => {
    const n = (seen.get(of) ?? 0) + 1;
    seen.set(of, n);
    return String(n);
  };
  return findings.map((finding) => {
    const code = finding.line === null ? '' : quotableCode(normalizeCode(encounter.lines[finding.line]?.code ?? ''));
    const messageId = finding.messageId ?? '';
    const encounterLevel = finding.line === null;
    const subject = encounterLevel
      ? shortHash(findingSubject(messageId, finding.data))
      : nth(`${finding.rule}|${messageId}|${code}`);
    const legacySubject = encounterLevel ? shortHash(finding.message) : nth(`legacy|${finding.rule}|${code}`);
    return {
      finding,
      code,
      subject,
      key: findingKey(encounter.id, finding.rule, messageId, code, subject),
      legacyKey: findingKey(encounter.id, finding.rule, ANY_MESSAGE, code, legacySubject),
    };
  });
}

/** FNV-1a of a text, base 36: a short, stable subject (never reversed to anything: it hashes codes and counts). */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export function createWorker(deps: WorkerDeps) {
  /** tab → frame → errors, for the badge. */
  const errorsByTab = new Map<number, Map<number, number>>();
  const states = new Map<number, TabState>();
  /** Per tab and frame: the newest evaluation that arrived, and the newest whose result was kept. */
  const arrived = new Map<string, number>();
  const kept = new Map<string, number>();
  /** Tabs closed since the worker started (Chrome never reuses a tab id in a session): a late answer keeps nothing for them. */
  const closed = new Set<number>();
  const now = () => (deps.now ? deps.now() : new Date());
  const pseudonyms = deps.pseudonyms ?? createPseudonyms(memoryKeyStore());
  const adoptLegacy = createLegacyAdopter(deps.dismissals, pseudonyms);
  /** The one-time move of former encounter ids (legacy-ids.ts), before the first read of a dismissal. */
  let migrated: Promise<void> | null = null;
  function dismissalsReady(): Promise<void> {
    if (!deps.dismissals) return Promise.resolve();
    // A failed run is tried again with the next request (each changed nothing: one transaction each).
    const store = deps.dismissals;
    migrated ??= migrateLegacyDismissals(store, pseudonyms)
      .then(() => migrateMessageIdKeys(store))
      .catch((e) => {
        migrated = null;
        console.warn(
          `dermlint: could not move dismissals to keyed pseudonyms and message ids yet: ${(e as Error)?.message ?? e}`,
        );
      });
    return migrated;
  }
  /**
   * The screen sends the EHR's own identity of the encounter (its ids, in memory only); from here on
   * only its pseudonym is used or kept. Records made under the former id move to it on first sight.
   */
  async function pseudonymOf(identity: string): Promise<string> {
    const id = await pseudonyms.of(identity);
    await dismissalsReady();
    await adoptLegacy(identity, id).catch(() => {});
    return id;
  }
  /** Sign-anyway records per encounter in the last minute: a page that clicks for itself cannot flood the audit log. */
  const signoffs = new Map<string, number[]>();

  function record(tabId: number, frameId: number, errors: number) {
    let frames = errorsByTab.get(tabId);
    if (!frames) errorsByTab.set(tabId, (frames = new Map<number, number>()));
    if (errors > 0) frames.set(frameId, errors);
    else frames.delete(frameId);
    let total = 0;
    for (const n of frames.values()) total += n;
    deps.setBadge(tabId, total);
  }

  async function stateOf(tabId: number): Promise<TabState | undefined> {
    const inMemory = states.get(tabId);
    if (inMemory) return inMemory;
    // Not seen since the worker started (or removed): what storage holds once pending writes landed.
    await stateWrites;
    return states.get(tabId) ?? (await deps.stateStore?.get(tabId).catch(() => undefined));
  }

  /** Writes of each tab's state, one after another, so a slow write never lands after a newer one. */
  let stateWrites: Promise<unknown> = Promise.resolve();
  function persist(write: () => Promise<void> | undefined): Promise<void> {
    const written = stateWrites.then(write);
    stateWrites = written.catch(() => {});
    return written;
  }
  /** One storage call per state. A write that fails (storage.session's quota) is reported in the tab's status, and no older state is left behind for a restarted worker to show as current. */
  async function saveState(state: TabState): Promise<void> {
    states.set(state.tabId, state);
    try {
      await persist(() => deps.stateStore?.set(state));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (states.get(state.tabId) === state) {
        states.set(state.tabId, {
          ...state,
          stateError: `the review state of this tab could not be saved (${why}); it is lost if the browser stops dermlint's worker, until the next edit`,
        });
      }
      await persist(() => deps.stateStore?.remove(state.tabId)).catch(() => {});
    }
    deps.broadcast?.({ type: 'tab-state-changed', tabId: state.tabId });
  }
  function removeState(tabId: number): Promise<void> {
    states.delete(tabId);
    return persist(() => deps.stateStore?.remove(tabId)).catch(() => {});
  }

  async function evaluate(
    seen: Encounter,
    adapter: string,
    tabId: number,
    frameId: number,
    refresh = false,
  ): Promise<EvaluateResponse> {
    const slot = `${tabId}:${frameId}`;
    const arrival = (arrived.get(slot) ?? 0) + 1;
    arrived.set(slot, arrival);
    const encounter: Encounter = { ...seen, id: await pseudonymOf(seen.id) };
    // What the engine needs, fetched side by side (each is kept in memory after its first read).
    const [settings, extra, dismissals] = await Promise.all([
      deps.settings(refresh),
      Promise.resolve(deps.engineTables?.()).catch(() => undefined),
      Promise.resolve(deps.dismissals?.forEncounter(encounter.id)).catch(() => undefined),
    ]);
    // An encounter without a date of service is judged with the ICD-10-CM set in force today (the engine reads no clock).
    const findings = run(encounter, {
      settings,
      ...(extra ?? {}),
      icdAsOf: localDay(now()),
      ...(deps.rules ? { rules: deps.rules } : {}),
    });
    const dismissed = new Map<string, Dismissal>();
    for (const d of dismissals ?? []) dismissed.set(d.key, d);
    const views: FindingView[] = keyFindings(encounter, findings).map(({ finding, key, legacyKey }) => {
      // A dismissal made before message ids holds too; the finding then goes by that record's key (undo finds it).
      const d = dismissed.get(key) ?? dismissed.get(legacyKey);
      const view: FindingView = {
        ...finding,
        key: d?.key ?? key,
        why: RULES_BY_ID.get(finding.rule)?.meta.summary ?? '',
      };
      if (d)
        view.dismissed = d.comment
          ? { reason: d.reason, comment: d.comment, at: d.at }
          : { reason: d.reason, at: d.at };
      return view;
    });
    const live = views.filter((v) => !v.dismissed);
    const errors = live.filter((f) => f.severity === 'error').length;
    // Answers can finish out of order (one waited on IndexedDB, a later one was cached): the badge and
    // the review state follow the newest encounter the frame sent, never an older one finishing late.
    const newest = (kept.get(slot) ?? 0) < arrival && !closed.has(tabId);
    if (newest) {
      kept.set(slot, arrival);
      record(tabId, frameId, errors);
    }
    const payerKind = effectivePayerKind(encounter, settings);
    // The review state (side panel, popup) is written before the page gets its answer: a worker stopped
    // in between leaves the page without an answer (it asks again), never an answer without its state.
    if (newest)
      await saveState({
        tabId,
        frameId,
        adapter,
        status: 'ok',
        encounterId: encounter.id,
        payerKind,
        // The insurer's name only as dermlint's tables know it (their phrases, found in the name), never the text as shown.
        ...(encounter.payer.name?.trim()
          ? { payerName: knownPayerName(encounter.payer.name, settings.payerNames) }
          : {}),
        lines: encounter.lines.map((l) => lineView(l, payerKind)),
        // The note and the history are judged in memory and never kept: their size, at most.
        ...(encounter.note ? { noteChars: encounter.note.length } : {}),
        ...(encounter.history?.length ? { history: encounter.history.length } : {}),
        findings: views,
        counts: {
          error: errors,
          warning: live.filter((f) => f.severity === 'warning').length,
          info: live.filter((f) => f.severity === 'info').length,
          dismissed: views.length - live.length,
        },
        updatedAt: now().toISOString(),
      });
    const why: Record<string, string> = {};
    for (const f of live) why[f.rule] ??= f.why;
    return {
      ok: true,
      // The inline pill shows a finding's title; a rule that has none yet gets its short label here, so the page carries no table of them.
      findings: live.map(({ key: _k, why: _w, dismissed: _d, ...f }) => ({
        ...f,
        title: f.title ?? shortLabel(f.rule),
      })),
      showInfoInline: settings.showInfoInline,
      why,
      errors,
      signoffPrompt: settings.signoffPrompt,
    };
  }

  async function handleContent(
    message: unknown,
    sender: Sender & { tab: { id: number }; url: string },
  ): Promise<Reply> {
    const address = senderAddress(sender);
    if (!address || !matchesAny(await deps.allowedPatterns(), address)) {
      return { ok: false, error: 'rejected: sender page is not an enabled EHR host' };
    }
    const parsed = ContentRequestSchema.safeParse(message);
    if (!parsed.success) return rejected(parsed.error.issues[0]);
    const request = parsed.data;
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    if (request.type === 'evaluate')
      return evaluate(request.encounter, request.adapter, tabId, frameId, request.refresh);
    if (request.type === 'paint-kit') {
      if (!deps.injectPaintKit) return { ok: false, error: 'the paint kit is not available here' };
      await deps.injectPaintKit(tabId, frameId);
      return { ok: true };
    }
    if (request.type === 'fix-load') {
      if (!deps.injectFixKit) return { ok: false, error: 'one-click fixes are not available here' };
      await deps.injectFixKit(tabId, frameId);
      return { ok: true };
    }
    if (request.type === 'fix-record') {
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
    }
    if (request.type === 'teach-save') {
      // The teaching overlay runs in the tab's top frame only; the map must cover that page (lib/teach/save.ts).
      if (frameId !== 0) return { ok: false, error: 'rejected: a field map is taught in the top frame only' };
      return deps.saveTaughtMap
        ? deps.saveTaughtMap(request.map, sender.url)
        : { ok: false, error: 'saving is not available here' };
    }
    if (request.type === 'signed-anyway') {
      const encounterId = await pseudonymOf(request.encounterId);
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
    }
    // status: this frame shows no readable encounter (any more). Its note goes to the tab state without what the screen showed.
    if (request.reason !== undefined) request.reason = withoutScreenValues(request.reason);
    record(tabId, frameId, 0);
    const stored = await stateOf(tabId);
    // Another frame's evaluation may have landed while storage was read: the newest state decides.
    const previous = states.get(tabId) ?? stored;
    if (previous && previous.frameId === frameId) {
      if (request.state === 'unreadable')
        await saveState({
          ...previous,
          status: 'unreadable',
          reason: request.reason,
          findings: [],
          counts: { error: 0, warning: 0, info: 0, dismissed: 0 },
          lines: [],
          updatedAt: now().toISOString(),
        });
      else {
        await removeState(tabId);
        deps.broadcast?.({ type: 'tab-state-changed', tabId });
      }
    } else if (request.state === 'unreadable') {
      await saveState({
        tabId,
        frameId,
        adapter: request.adapter,
        status: 'unreadable',
        reason: request.reason,
        encounterId: '',
        payerKind: 'unknown',
        lines: [],
        findings: [],
        counts: { error: 0, warning: 0, info: 0, dismissed: 0 },
        updatedAt: now().toISOString(),
      });
    }
    return { ok: true };
  }

  async function handlePage(message: unknown): Promise<Reply> {
    const parsed = PageRequestSchema.safeParse(message);
    if (!parsed.success) return rejected(parsed.error.issues[0]);
    const request = parsed.data;
    switch (request.type) {
      case 'tab-state':
        return { ok: true, state: (await stateOf(request.tabId)) ?? null };
      case 'audit':
        await dismissalsReady();
        return {
          ok: true,
          dismissals: (await deps.dismissals?.all()) ?? [],
          fixes: (await deps.dismissals?.fixes?.()) ?? [],
        };
      case 'clear-audit': {
        await dismissalsReady();
        await deps.dismissals?.clear();
        // Findings dismissed on open screens are live again: those screens ask again and repaint.
        for (const state of states.values())
          if (state.status === 'ok') deps.sendToFrame?.(state.tabId, state.frameId, { type: 'recheck' });
        return { ok: true };
      }
      case 'reveal': {
        const state = await stateOf(request.tabId);
        const finding = state?.findings.find((f) => f.key === request.key);
        if (!state || !finding) return { ok: false, error: 'that finding is no longer on the screen' };
        deps.sendToFrame?.(state.tabId, state.frameId, { type: 'reveal', line: finding.line });
        return { ok: true };
      }
      case 'dismiss':
      case 'undismiss': {
        const state = await stateOf(request.tabId);
        const finding = state?.findings.find((f) => f.key === request.key);
        if (!state || !finding || !deps.dismissals)
          return { ok: false, error: 'that finding is no longer on the screen' };
        if (request.type === 'dismiss') {
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
            at: now().toISOString(),
            outcome: 'overridden',
          });
        } else {
          await deps.dismissals.undo(request.key, now().toISOString());
        }
        // The content script asks again, gets the findings without (or with) it, repaints; state and badge follow.
        deps.sendToFrame?.(state.tabId, state.frameId, { type: 'recheck' });
        return { ok: true };
      }
    }
  }

  /**
   * Why a dismissal comment may not be kept, or null: it looks like an identifier (digits, a date),
   * or it repeats the patient banner of the screen it was made on — which that screen's content
   * script decides, so the banner's text never reaches the worker. A screen that cannot answer
   * means the comment cannot be checked: refused (the person can dismiss without one).
   */
  async function commentRefusal(comment: string, tabId: number, frameId: number): Promise<string | null> {
    const problem = identifierProblem(comment);
    if (problem) return `Comment not kept: ${COMMENT_PROBLEM_TEXT[problem]}`;
    const answer = (await Promise.resolve(deps.askFrame?.(tabId, frameId, { type: 'comment-check', comment })).catch(
      () => undefined,
    )) as CommentCheckAnswer | undefined;
    if (!answer || typeof answer.contains !== 'boolean')
      return 'Comment not kept: the screen did not answer whether it names the patient. Try again, or dismiss without a comment.';
    return answer.contains ? `Comment not kept: ${COMMENT_PROBLEM_TEXT.banner}` : null;
  }

  async function handle(message: unknown, sender: Sender): Promise<Reply> {
    try {
      return await route(message, sender);
    } catch (e) {
      // An answer either way (a rejection would reach the page as the polyfill's own error object).
      return { ok: false, error: `dermlint could not judge this: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  async function route(message: unknown, sender: Sender): Promise<Reply> {
    if (sender.id !== deps.extensionId || !sender.url) return { ok: false, error: 'rejected: unknown sender' };
    if (approximateSize(message) > LIMITS.messageBytes) return { ok: false, error: 'rejected: message too large' };
    // Our own pages (popup, side panel, options) ask about tabs; content scripts report screens.
    if (sender.url.startsWith(`chrome-extension://${deps.extensionId}/`)) return handlePage(message);
    if (typeof sender.tab?.id !== 'number') return { ok: false, error: 'rejected: unknown sender' };
    return handleContent(message, sender as Sender & { tab: { id: number }; url: string });
  }

  return {
    handle,
    async forgetTab(tabId: number) {
      errorsByTab.delete(tabId);
      closed.add(tabId);
      for (const slot of [...arrived.keys()])
        if (slot.startsWith(`${tabId}:`)) {
          arrived.delete(slot);
          kept.delete(slot);
        }
      await removeState(tabId);
    },
  };
}

/**
 * A line as the review list shows and exports it, kept in the tab state: codes shaped like codes,
 * the site's group, never text the page showed (a site, a code field holding a name).
 */
function lineView(l: Encounter['lines'][number], payerKind: string): LineView {
  const site = l.site ? siteGroupOf(l.site) : 'unknown';
  return {
    code: quotableCode(normalizeCode(l.code)),
    modifiers: (l.modifiers ?? []).map(normalizeModifier).filter((m) => /^[A-Z0-9]{2}$/.test(m)),
    units: l.units ?? 1,
    ...(site !== 'unknown' ? { siteGroup: site } : {}),
    billTo: l.billTo ?? (payerKind === 'self-pay' ? 'patient' : 'insurance'),
  };
}

/** At most this many sign-anyway records per encounter in a minute (a person signs once; a page's script could click on). */
const SIGNOFFS_PER_WINDOW = 3;
const SIGNOFF_WINDOW_MS = 60_000;

/** YYYY-MM-DD of the computer's own calendar. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function rejected(issue: { path: PropertyKey[]; message: string } | undefined): { ok: false; error: string } {
  return {
    ok: false,
    error: `rejected: ${issue?.path.map(String).join('.') || 'message'}: ${issue?.message ?? 'malformed'}`,
  };
}

/** A cheap upper bound of a message's JSON size, without serializing a huge object twice. */
function approximateSize(value: unknown, budget = LIMITS.messageBytes + 1): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length && size < budget) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) size += 8;
    else if (Array.isArray(v)) {
      size += 2;
      for (const x of v) stack.push(x);
    } else if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        size += k.length + 4;
        stack.push(x);
      }
    }
  }
  return size;
}
