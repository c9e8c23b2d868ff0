/**
 * lib/protocol.ts links each message to its answer at compile time. Every
 * `@ts-expect-error` below is a mismatch `npx tsc --noEmit` must refuse (a
 * directive with no error under it fails tsc); the same messages, sent anyway,
 * are refused at the worker's door too, by the schemas and the sender check.
 */
import { describe, expect, it } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import type { EvaluateResponse, TabState } from '../../lib/messages';
import {
  askWorker,
  handle,
  type ContentProtocol,
  type PageProtocol,
  type Routes,
  type SendFromContent,
} from '../../lib/protocol';
import type { Encounter } from '../../rules/schema';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ehr: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const encounter: Encounter = {
  id: 'h1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1] },
  ],
};

/** The two ends as the extension has them: a content script's `send` over runtime.sendMessage, a page's `askWorker`. */
function ends() {
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
  });
  // As runtime.sendMessage: the answer arrives untyped from the other side; the protocol types it.
  const post = (message: unknown, sender: Sender) => worker.handle(message, sender) as Promise<never>;
  const send: SendFromContent = (request) => post(request, ehr);
  const ask = askWorker((request) => post(request, page));
  return { send, ask };
}

describe('the typed protocol', () => {
  it('types each answer by its message: an evaluation has findings, a tab-state a state', async () => {
    const { send, ask } = ends();
    const answer = await send({ type: 'evaluate', adapter: 'ema', encounter });
    const evaluated: EvaluateResponse = answer;
    expect(evaluated).toMatchObject({ ok: true, errors: 1 });
    expect(answer.ok && answer.findings.map((f) => f.rule)).toEqual(['mod25-missing']);
    const state = await ask({ type: 'tab-state', tabId: 7 });
    const shown: TabState | null | undefined = state.ok ? state.state : undefined;
    expect(shown?.counts.error).toBe(1);

    // @ts-expect-error a status message is answered with { ok }, never with findings
    const wrongAnswer: EvaluateResponse = await send({ type: 'status', adapter: 'ema', state: 'absent' });
    expect(wrongAnswer).toEqual({ ok: true });
    const paint = await send({ type: 'paint-kit' });
    // @ts-expect-error the paint kit's answer has no errors count
    expect(paint.ok && paint.errors).toBe(false);
  });

  it('refuses a wrong payload at compile time, and the worker refuses it at its door', async () => {
    const { send, ask } = ends();
    // @ts-expect-error 'gone' is not a state a frame reports
    expect(await send({ type: 'status', adapter: 'ema', state: 'gone' })).toEqual({
      ok: false,
      error: 'rejected: state: Invalid option: expected one of "unreadable"|"absent"',
    });
    // @ts-expect-error an evaluation carries its encounter
    expect(await send({ type: 'evaluate', adapter: 'ema' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^rejected: encounter: /),
    });
    // @ts-expect-error a tab is named by its number
    expect(await ask({ type: 'tab-state', tabId: '7' })).toMatchObject({ ok: false, error: /^rejected: tabId: / });
    // @ts-expect-error a page cannot send a content script's message: the door reads it as a page's, and refuses it
    expect(await ask({ type: 'evaluate', adapter: 'ema', encounter })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^rejected: type: /),
    });
    // @ts-expect-error a content script cannot ask for the audit log, which the door keeps for our own pages
    expect(await send({ type: 'audit' })).toMatchObject({ ok: false, error: expect.stringMatching(/^rejected: /) });
    // @ts-expect-error a misspelt field does not compile (the door drops fields it does not know: the frame's note is lost)
    expect(await send({ type: 'status', adapter: 'ema', state: 'unreadable', reasn: 'no lines' })).toEqual({
      ok: true,
    });
    // @ts-expect-error no such message
    expect(await send({ type: 'evaluate-all' })).toMatchObject({ ok: false });
  });

  it("checks the worker's routes against the map: a wrong answer or a missing route does not compile", async () => {
    const ack = async () => ({ ok: true }) as const;
    const routes: Routes<PageProtocol, undefined> = {
      'tab-state': () => ({ ok: true, state: null }),
      dismiss: ack,
      undismiss: ack,
      reveal: ack,
      audit: () => ({ ok: true, dismissals: [], fixes: [] }),
      'clear-audit': ack,
    };
    expect(await handle(routes, { type: 'tab-state' }, undefined)).toEqual({ ok: true, state: null });

    const wrongAnswer: Routes<PageProtocol, undefined> = {
      ...routes,
      // @ts-expect-error the panel reads `state` from this answer
      'tab-state': () => ({ ok: true, dismissals: [] }),
    };
    // @ts-expect-error every message of the map needs its route
    const missing: Routes<PageProtocol, undefined> = { dismiss: ack, undismiss: ack, reveal: ack, 'clear-audit': ack };
    const content: Partial<Routes<ContentProtocol, { tabId: number }>> = {
      // @ts-expect-error an evaluation is answered with findings, not a bare ok
      evaluate: ack,
    };
    expect([wrongAnswer, missing, content].length).toBe(3);
  });

  it('turns a missing answer or a failed post into a failure a page can show', async () => {
    expect(await askWorker(async () => undefined)({ type: 'audit' })).toEqual({
      ok: false,
      error: 'no answer from the extension',
    });
    expect(
      await askWorker(() => Promise.reject(new Error('Extension context invalidated.')))({ type: 'clear-audit' }),
    ).toEqual({ ok: false, error: 'Extension context invalidated.' });
  });
});
