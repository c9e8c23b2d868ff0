/**
 * The worker's door: every message is checked for its sender (our own pages, or
 * a content script in a frame of an enabled EHR host), its size and its shape
 * (the schemas of lib/messages.ts) before its route sees it; anything else is
 * answered with a refusal, never with a rejection.
 */
import { ContentRequestSchema, LIMITS, PageRequestSchema } from '../messages';
import {
  handle,
  type ContentProtocol,
  type Failure,
  type PageProtocol,
  type Routes,
  type WorkerAnswer,
} from '../protocol';
import { matchesAny } from '../match-patterns';
import type { FrameOfSender } from './routes';

export interface Sender {
  id?: string;
  url?: string;
  /** The frame's origin (Chrome): a srcdoc or about:blank frame has its parent's; a sandboxed one 'null'. */
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface DoorDeps {
  extensionId: string;
  /** Hosts the content script is allowed on (the adapters' match patterns, plus the user's). */
  allowedPatterns(): Promise<readonly string[]> | readonly string[];
}

/** Where messages go once through the door, by who sent them. */
export interface DoorRoutes {
  content: Routes<ContentProtocol, FrameOfSender>;
  pages: Routes<PageProtocol, undefined>;
}

/** Answers any message from any sender: its route's answer, or a Failure saying why not. */
export function createDoor(deps: DoorDeps, routes: DoorRoutes) {
  async function route(message: unknown, sender: Sender): Promise<WorkerAnswer> {
    if (sender.id !== deps.extensionId || !sender.url) return { ok: false, error: 'rejected: unknown sender' };
    if (approximateSize(message) > LIMITS.messageBytes) return { ok: false, error: 'rejected: message too large' };
    // Our own pages (popup, side panel, options) ask about tabs; content scripts report screens.
    if (sender.url.startsWith(`chrome-extension://${deps.extensionId}/`)) {
      const parsed = PageRequestSchema.safeParse(message);
      return parsed.success ? handle(routes.pages, parsed.data, undefined) : rejected(parsed.error.issues[0]);
    }
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return { ok: false, error: 'rejected: unknown sender' };
    const address = senderAddress(sender);
    if (!address || !matchesAny(await deps.allowedPatterns(), address)) {
      return { ok: false, error: 'rejected: sender page is not an enabled EHR host' };
    }
    const parsed = ContentRequestSchema.safeParse(message);
    if (!parsed.success) return rejected(parsed.error.issues[0]);
    return handle(routes.content, parsed.data, { tabId, frameId: sender.frameId ?? 0, url: sender.url });
  }

  return async function answer(message: unknown, sender: Sender): Promise<WorkerAnswer> {
    try {
      return await route(message, sender);
    } catch (e) {
      // An answer either way (a rejection would reach the page as the polyfill's own error object).
      return { ok: false, error: `dermlint could not judge this: ${e instanceof Error ? e.message : String(e)}` };
    }
  };
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

function rejected(issue: { path: PropertyKey[]; message: string } | undefined): Failure {
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
