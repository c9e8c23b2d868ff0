/**
 * The background worker's work, apart from the browser: check a message's
 * sender and shape, run the engine with the user's settings, keep each tab's
 * error count for the badge. The entrypoint wires it to the browser APIs.
 */
import { run, RULES_BY_ID } from '../../rules/index';
import { RequestSchema, LIMITS, type EvaluateResponse } from '../messages';
import type { ExtensionSettings } from '../settings';
import { matchesAny } from '../match-patterns';

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
  settings(): Promise<ExtensionSettings> | ExtensionSettings;
  setBadge(tabId: number, errors: number): void;
}

export type Reply = EvaluateResponse | { ok: true } | { ok: false; error: string };

export function createWorker(deps: WorkerDeps) {
  /** tab → frame → errors, for the badge. */
  const errorsByTab = new Map<number, Map<number, number>>();

  function record(tabId: number, frameId: number, errors: number) {
    let frames = errorsByTab.get(tabId);
    if (!frames) errorsByTab.set(tabId, (frames = new Map()));
    if (errors > 0) frames.set(frameId, errors);
    else frames.delete(frameId);
    let total = 0;
    for (const n of frames.values()) total += n;
    deps.setBadge(tabId, total);
  }

  async function handle(message: unknown, sender: Sender): Promise<Reply> {
    // Only our own content scripts, in a tab, on an enabled EHR host.
    if (sender.id !== deps.extensionId || typeof sender.tab?.id !== 'number' || !sender.url) {
      return { ok: false, error: 'rejected: unknown sender' };
    }
    if (!matchesAny(await deps.allowedPatterns(), sender.url)) {
      return { ok: false, error: 'rejected: sender page is not an enabled EHR host' };
    }
    if (approximateSize(message) > LIMITS.messageBytes) return { ok: false, error: 'rejected: message too large' };
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, error: `rejected: ${issue.path.join('.') || 'message'}: ${issue.message}` };
    }
    const request = parsed.data;
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    if (request.type === 'status') {
      record(tabId, frameId, 0);
      return { ok: true };
    }
    const settings = await deps.settings();
    const findings = run(request.encounter, { settings });
    record(tabId, frameId, findings.filter((f) => f.severity === 'error').length);
    const why: Record<string, string> = {};
    for (const f of findings) why[f.rule] ??= RULES_BY_ID.get(f.rule)?.meta.summary ?? '';
    return { ok: true, findings, showInfoInline: settings.showInfoInline, why };
  }

  return {
    handle,
    forgetTab(tabId: number) {
      errorsByTab.delete(tabId);
    },
    /** A frame navigated away: its findings no longer count. */
    forgetFrame(tabId: number, frameId: number) {
      if (errorsByTab.get(tabId)?.has(frameId)) record(tabId, frameId, 0);
    },
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
    else if (Array.isArray(v)) { size += 2; for (const x of v) stack.push(x); }
    else if (typeof v === 'object') { for (const [k, x] of Object.entries(v as object)) { size += k.length + 4; stack.push(x); } }
  }
  return size;
}
