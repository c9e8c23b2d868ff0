/**
 * The background worker's work, apart from the browser APIs (the entrypoint
 * wires those in): check each message's sender and shape, run the engine with
 * the user's settings, keep each tab's review state and badge count, and record
 * dismissals and sign-off choices.
 */
import { effectivePayerKind, run, RULES_BY_ID, type RunOptions } from '../../rules/index';
import type { Encounter, Finding } from '../../rules/schema';
import { normalizeCode, normalizeModifier } from '../../rules/codes';
import {
  ContentRequestSchema, LIMITS, PageRequestSchema,
  type Broadcast, type EvaluateResponse, type FindingView, type PageResponse, type TabState, type ToContent,
} from '../messages';
import type { ExtensionSettings } from '../settings';
import { matchesAny } from '../match-patterns';
import { dismissalKey, type Dismissal, type DismissalStore } from './dismissals';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
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
  stateStore?: { get(tabId: number): Promise<TabState | undefined>; set(state: TabState): Promise<void>; remove(tabId: number): Promise<void> };
  sendToFrame?(tabId: number, frameId: number, message: ToContent): void;
  broadcast?(message: Broadcast): void;
  now?(): Date;
  /** Saves a field map taught on the sender's screen (lib/teach/save.ts); resolves to what the user is told. */
  saveTaughtMap?(map: unknown, senderUrl: string): Promise<{ ok: true; message: string } | { ok: false; error: string }>;
  /** Imported code tables (lib/tables/engine.ts): NCCI tables and ICD-10-CM code sets by fiscal year; the built-in ones without. */
  engineTables?(): Promise<Pick<RunOptions, 'tables' | 'icdSets'>>;
}

export type Reply = EvaluateResponse | PageResponse | { ok: true } | { ok: true; message: string };

/** Stable keys: rule, the line's code, and which occurrence of that pair (or the message, for encounter-level findings). */
export function keyFindings(encounter: Encounter, findings: Finding[]): { finding: Finding; code: string; subject: string; key: string }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const code = finding.line === null ? '' : normalizeCode(encounter.lines[finding.line]?.code ?? '');
    let subject: string;
    if (finding.line === null) subject = shortHash(finding.message);
    else {
      const pair = `${finding.rule}|${code}`;
      const n = (seen.get(pair) ?? 0) + 1;
      seen.set(pair, n);
      subject = String(n);
    }
    return { finding, code, subject, key: dismissalKey(encounter.id, finding.rule, code, subject) };
  });
}

function shortHash(s: string): string {
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

  function record(tabId: number, frameId: number, errors: number) {
    let frames = errorsByTab.get(tabId);
    if (!frames) errorsByTab.set(tabId, (frames = new Map()));
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
    const written = stateWrites.then(write).catch(() => {});
    stateWrites = written;
    return written;
  }
  function saveState(state: TabState): Promise<void> {
    states.set(state.tabId, state);
    return persist(() => deps.stateStore?.set(state)).then(() => deps.broadcast?.({ type: 'tab-state-changed', tabId: state.tabId }));
  }
  function removeState(tabId: number): Promise<void> {
    states.delete(tabId);
    return persist(() => deps.stateStore?.remove(tabId));
  }

  async function evaluate(encounter: Encounter, adapter: string, tabId: number, frameId: number, refresh = false): Promise<EvaluateResponse> {
    const slot = `${tabId}:${frameId}`;
    const arrival = (arrived.get(slot) ?? 0) + 1;
    arrived.set(slot, arrival);
    // What the engine needs, fetched side by side (each is kept in memory after its first read).
    const [settings, extra, dismissals] = await Promise.all([
      deps.settings(refresh),
      Promise.resolve(deps.engineTables?.()).catch(() => undefined),
      Promise.resolve(deps.dismissals?.forEncounter(encounter.id)).catch(() => undefined),
    ]);
    // An encounter without a date of service is judged with the ICD-10-CM set in force today (the engine reads no clock).
    const findings = run(encounter, { settings, ...(extra ?? {}), icdAsOf: localDay(now()) });
    const dismissed = new Map<string, Dismissal>();
    for (const d of dismissals ?? []) dismissed.set(d.key, d);
    const views: FindingView[] = keyFindings(encounter, findings).map(({ finding, key }) => {
      const d = dismissed.get(key);
      const view: FindingView = { ...finding, key, why: RULES_BY_ID.get(finding.rule)?.meta.summary ?? '' };
      if (d) view.dismissed = d.comment ? { reason: d.reason, comment: d.comment, at: d.at } : { reason: d.reason, at: d.at };
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
    // The page gets its answer now; the review state (side panel, popup) is kept in memory at once and written behind.
    if (newest) void saveState({
      tabId,
      frameId,
      adapter,
      status: 'ok',
      encounterId: encounter.id,
      payerKind,
      ...(encounter.payer.name?.trim() ? { payerName: encounter.payer.name.trim().slice(0, 120) } : {}),
      lines: encounter.lines.map((l) => ({
        code: normalizeCode(l.code),
        modifiers: (l.modifiers ?? []).map(normalizeModifier).filter(Boolean),
        units: l.units ?? 1,
        ...(l.site ? { site: l.site } : {}),
        billTo: l.billTo ?? (payerKind === 'self-pay' ? 'patient' : 'insurance'),
      })),
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
      findings: live.map(({ key: _k, why: _w, dismissed: _d, ...f }) => f),
      showInfoInline: settings.showInfoInline,
      why,
      errors,
      signoffPrompt: settings.signoffPrompt,
    };
  }

  async function handleContent(message: unknown, sender: Sender & { tab: { id: number }; url: string }): Promise<Reply> {
    if (!matchesAny(await deps.allowedPatterns(), sender.url)) {
      return { ok: false, error: 'rejected: sender page is not an enabled EHR host' };
    }
    const parsed = ContentRequestSchema.safeParse(message);
    if (!parsed.success) return rejected(parsed.error.issues[0]);
    const request = parsed.data;
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    if (request.type === 'evaluate') return evaluate(request.encounter, request.adapter, tabId, frameId, request.refresh);
    if (request.type === 'teach-save') return deps.saveTaughtMap ? deps.saveTaughtMap(request.map, sender.url) : { ok: false, error: 'saving is not available here' };
    if (request.type === 'signed-anyway') {
      const at = now().toISOString();
      await deps.dismissals?.put({
        key: `${request.encounterId}|signoff|${at}`,
        encounter: request.encounterId,
        rule: 'signoff',
        code: '',
        subject: `${request.errors} ${request.errors === 1 ? 'error' : 'errors'}`,
        reason: 'signed-anyway',
        at,
        outcome: 'overridden',
      });
      return { ok: true };
    }
    // status: this frame shows no readable encounter (any more).
    record(tabId, frameId, 0);
    const stored = await stateOf(tabId);
    // Another frame's evaluation may have landed while storage was read: the newest state decides.
    const previous = states.get(tabId) ?? stored;
    if (previous && previous.frameId === frameId) {
      if (request.state === 'unreadable') await saveState({ ...previous, status: 'unreadable', reason: request.reason, findings: [], counts: { error: 0, warning: 0, info: 0, dismissed: 0 }, lines: [], updatedAt: now().toISOString() });
      else {
        await removeState(tabId);
        deps.broadcast?.({ type: 'tab-state-changed', tabId });
      }
    } else if (request.state === 'unreadable') {
      await saveState({ tabId, frameId, adapter: request.adapter, status: 'unreadable', reason: request.reason, encounterId: '', payerKind: 'unknown', lines: [], findings: [], counts: { error: 0, warning: 0, info: 0, dismissed: 0 }, updatedAt: now().toISOString() });
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
        return { ok: true, dismissals: (await deps.dismissals?.all()) ?? [] };
      case 'clear-audit': {
        for (const d of (await deps.dismissals?.all()) ?? []) await deps.dismissals?.remove(d.key);
        // Findings dismissed on open screens are live again: those screens ask again and repaint.
        for (const state of states.values()) if (state.status === 'ok') deps.sendToFrame?.(state.tabId, state.frameId, { type: 'recheck' });
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
        if (!state || !finding || !deps.dismissals) return { ok: false, error: 'that finding is no longer on the screen' };
        if (request.type === 'dismiss') {
          await deps.dismissals.put({
            key: request.key,
            encounter: state.encounterId,
            rule: finding.rule,
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
      for (const slot of [...arrived.keys()]) if (slot.startsWith(`${tabId}:`)) (arrived.delete(slot), kept.delete(slot));
      await removeState(tabId);
    },
  };
}

/** YYYY-MM-DD of the computer's own calendar. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function rejected(issue: { path: PropertyKey[]; message: string } | undefined): { ok: false; error: string } {
  return { ok: false, error: `rejected: ${issue?.path.map(String).join('.') || 'message'}: ${issue?.message ?? 'malformed'}` };
}

/** A cheap upper bound of a message's JSON size, without serializing a huge object twice. */
function approximateSize(value: unknown, budget = LIMITS.messageBytes + 1): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length && size < budget) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) size += 8;
    else if (Array.isArray(v)) { size += 2; for (const x of v) stack.push(x); }
    else if (typeof v === 'object') { for (const [k, x] of Object.entries(v as object)) { size += k.length + 4; stack.push(x); } }
  }
  return size;
}
