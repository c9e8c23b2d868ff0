/**
 * The one map from each message to its answer, for everything that talks to
 * the background worker (the content script and the injected scripts; the
 * popup, side panel and options) and for what the worker asks a content
 * script. A sender typed by `Send` and a worker route typed by `Routes` meet
 * here, so a request whose answer does not match fails to compile
 * (test/unit/protocol.test.ts). The schemas in lib/messages.ts still check
 * every message at the worker's door, after its sender.
 *
 * The content script imports only types from here: it gains no bytes.
 */
import type { z } from 'zod';
import type {
  CommentCheckAnswer,
  ContentRequestSchema,
  EvaluateResponse,
  PageRequestSchema,
  TabState,
  ToContent,
} from './messages';
import type { Dismissal, FixRecord } from './background/dismissals';

/** Every answer can be a refusal: a sender the worker does not trust, a malformed message, a failure while judging. */
export interface Failure {
  ok: false;
  error: string;
}
/** Done, or why not. */
type Ack = { ok: true } | Failure;

/** What the worker answers each message from a content script (or a script injected into an EHR frame). */
interface ContentAnswers {
  evaluate: EvaluateResponse;
  status: Ack;
  'signed-anyway': Ack;
  'paint-kit': Ack;
  'fix-load': Ack;
  'fix-record': Ack;
  /** `message`: what the user is told (lib/teach/save.ts). */
  'teach-save': { ok: true; message: string } | Failure;
}

/** What the worker answers each message from the extension's own pages. */
interface PageAnswers {
  'tab-state': { ok: true; state: TabState | null } | Failure;
  dismiss: Ack;
  undismiss: Ack;
  reveal: Ack;
  audit: { ok: true; dismissals: Dismissal[]; fixes: FixRecord[] } | Failure;
  'clear-audit': Ack;
}

type ContentSent = z.input<typeof ContentRequestSchema>;
type PageSent = z.input<typeof PageRequestSchema>;
type ContentParsed = z.output<typeof ContentRequestSchema>;
type PageParsed = z.output<typeof PageRequestSchema>;

/**
 * Request and answer of each message, by who may send it. A schema member without an answer
 * above fails to compile here (`Answers[K]` cannot index a missing key).
 */
export type ContentProtocol = {
  [K in ContentSent['type']]: {
    sent: Extract<ContentSent, { type: K }>;
    parsed: Extract<ContentParsed, { type: K }>;
    answer: ContentAnswers[K];
  };
};
export type PageProtocol = {
  [K in PageSent['type']]: {
    sent: Extract<PageSent, { type: K }>;
    parsed: Extract<PageParsed, { type: K }>;
    answer: PageAnswers[K];
  };
};
/** A protocol: for each message type, the message as sent, as parsed at the door, and its answer. */
type AnyProtocol = Record<string, { sent: unknown; parsed: unknown; answer: unknown }>;

/**
 * Posts a message to the worker and resolves to its answer, typed by the message's `type`.
 * The content script gets one by typing `browser.runtime.sendMessage` (no code of its own);
 * extension pages use `askWorker`.
 */
export type Send<P extends AnyProtocol> = <K extends keyof P & string>(
  request: P[K]['sent'] & { type: K },
) => Promise<P[K]['answer']>;

/** The content script's (and injected scripts') way to the worker. */
export type SendFromContent = Send<ContentProtocol>;

/**
 * A typed `send` for an extension page over `post` (runtime.sendMessage of the polyfill): a
 * missing or malformed answer, or a failed post, becomes a Failure, so a page never waits on
 * a rejection.
 */
export function askWorker(post: (message: unknown) => Promise<unknown>): Send<PageProtocol> {
  return async (request) => {
    try {
      const reply = await post(request);
      // The worker's answer, as the map types it: the worker's routes are typed by the same map.
      return isAnswer(reply) ? (reply as never) : ({ ok: false, error: 'no answer from the extension' } as never);
    } catch (e) {
      return { ok: false, error: (e as Error)?.message || 'no answer from the extension' } as never;
    }
  };
}

function isAnswer(reply: unknown): boolean {
  return !!reply && typeof reply === 'object' && 'ok' in reply;
}

/**
 * The worker's side: one function per message type, given the message as the schema parsed it
 * and whatever the caller passes along (`context`, e.g. the sender's tab), answering exactly
 * what the map says. A missing route, or a route answering the wrong shape, fails to compile.
 */
export type Routes<P extends AnyProtocol, Context> = {
  [K in keyof P]: (request: P[K]['parsed'], context: Context) => Promise<P[K]['answer']> | P[K]['answer'];
};

/** Any answer the worker gives (what its message listener resolves to). */
export type WorkerAnswer = ContentAnswers[keyof ContentAnswers] | PageAnswers[keyof PageAnswers];

/**
 * Hands a parsed message to its route. The one place the map's link between a message and its
 * answer is taken on trust: `Routes` has already checked each route against it.
 */
export function handle<P extends AnyProtocol, Context>(
  routes: Routes<P, Context>,
  request: { type: keyof P & string },
  context: Context,
): Promise<WorkerAnswer> {
  const route = routes[request.type] as (request: unknown, context: Context) => Promise<WorkerAnswer> | WorkerAnswer;
  return Promise.resolve(route(request, context));
}

/**
 * The worker's one question to a content script (tabs.sendMessage) that waits for an answer;
 * undefined when the frame had no listener (the content script is gone). The other messages to
 * a content script (ToContent) get none.
 */
export type AskFrame = (
  tabId: number,
  frameId: number,
  message: Extract<ToContent, { type: 'comment-check' }>,
) => Promise<CommentCheckAnswer | undefined>;
