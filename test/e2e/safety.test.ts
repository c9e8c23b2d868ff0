/**
 * Safety, end to end in Chromium with the built extension:
 *  - hostile messages (malformed, oversized, from the wrong kind of sender, from
 *    a web page, from another extension) are rejected, crash nothing and store
 *    nothing, and the worker still answers;
 *  - the service worker stopped mid-session (as Chrome does when it idles):
 *    settings, dismissals, tab state and the next evaluation survive;
 *  - nothing sensitive at rest: after real work on both demo screens, no
 *    patient name, MRN, date of birth or chart text anywhere the extension keeps
 *    data;
 *  - no network: every request of every target (pages, frames, the worker) is
 *    recorded over CDP for the whole file, and none may come from the extension.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import puppeteer, { type Browser, type CDPSession, type Frame, type Page, type Target } from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, DEMO_EXTENSION_DIR, badgeOf, launch, waitForWarnings, warningsIn, type Session } from './harness';
import { onFreshElement, SCREENS, typeInto, type Screen } from './screens';
import { readExtensionData, until, type ExtensionData } from './extension-data';
import { clickButton, downloaded, downloadsTo, stopWorker as stopWorkerTarget, tabIdOf, textOf } from './pages';
import { openEncounter } from './open-encounter';
import {
  keptTabState,
  NOTE_SCREENS,
  openOnNoteScreen,
  saveEcwFieldMap,
  typeNote,
  type NoteScreen,
} from './note-screens';
import { startDemoServer } from '../../scripts/serve-demo';
import { SETTINGS_KEY } from '../../lib/extension-settings';
import type { Encounter } from '../../rules/schema';
import { run } from '../../rules/index';
import { HEADLESS_FLAGS } from '../support/chromium';

const EMA = SCREENS.find((s) => s.name === 'ema')!;
const ATHENA = SCREENS.find((s) => s.name === 'athena')!;
const examples: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
const encounterOf = (id: string) => examples.find((x) => x.encounter.id === id)!.encounter;

// ── Every request of every target ────────────────────────────────────────────

interface NetEvent {
  kind: 'request' | 'csp';
  /** The document (or worker script) the request came from. */
  from: string;
  /** The target's own URL at that moment (a tab, a worker). */
  target: string;
  targetType: string;
  url: string;
  initiator: string;
  /** URLs of the initiator and every frame of its (async) stack. */
  stack: string[];
  text?: string;
}

/**
 * Attaches a CDP session with Network and Log enabled to every target of the
 * browser, present and future (pages, their frames, service workers), and
 * keeps every request and every Content Security Policy refusal (a request
 * the extension's CSP blocked never reaches the Network domain, but its
 * refusal is logged: an attempt counts).
 */
class NetworkRecorder {
  readonly events: NetEvent[] = [];
  readonly workers = new Set<string>();
  private readonly sessions = new Map<Target, Promise<CDPSession | null>>();

  constructor(private readonly browser: Browser) {
    browser.on('targetcreated', (t: Target) => void this.attach(t));
  }

  async start(): Promise<void> {
    await Promise.all(this.browser.targets().map((t) => this.attach(t)));
  }

  async attach(target: Target): Promise<void> {
    if (target.type() === 'browser') return;
    let ready = this.sessions.get(target);
    if (!ready) {
      ready = this.connect(target).catch(() => null);
      this.sessions.set(target, ready);
    }
    await ready;
  }

  /**
   * Lets go of the service worker: a worker with a debugger attached is never
   * stopped, so this comes before stopping it (its successor is attached as
   * soon as it starts). It cannot make requests in between: its CSP refuses them.
   */
  async releaseWorkers(): Promise<void> {
    for (const [target, ready] of this.sessions) {
      if (target.type() !== 'service_worker') continue;
      const cdp = await ready;
      await cdp?.detach().catch(() => {});
    }
  }

  private async connect(target: Target): Promise<CDPSession> {
    const cdp = await target.createCDPSession();
    const type = target.type();
    cdp.on('Network.requestWillBeSent', (e) => {
      const stack: string[] = [];
      if (e.initiator.url) stack.push(e.initiator.url);
      for (let s: typeof e.initiator.stack | undefined = e.initiator.stack; s; s = s.parent)
        for (const f of s.callFrames) stack.push(f.url);
      this.events.push({
        kind: 'request',
        from: e.documentURL ?? target.url(),
        target: target.url(),
        targetType: type,
        url: e.request.url,
        initiator: e.initiator.type,
        stack,
      });
    });
    cdp.on('Log.entryAdded', ({ entry }) => {
      if (entry.source === 'security' || /Content Security Policy/.test(entry.text)) {
        this.events.push({
          kind: 'csp',
          from: target.url(),
          target: target.url(),
          targetType: type,
          url: '',
          initiator: 'csp',
          stack: entry.url ? [entry.url] : [],
          text: entry.text,
        });
      }
    });
    await cdp.send('Network.enable');
    await cdp.send('Log.enable');
    if (type === 'service_worker') this.workers.add(target.url());
    return cdp;
  }

  /** A new tab whose requests are recorded from its very first one. */
  async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await this.attach(page.target());
    return page;
  }
}

/**
 * Requests that are the extension's: any Content Security Policy refusal; any
 * request to another host than the demo server's or the extension's own
 * files; any request to the demo server made by the extension (its pages, its
 * worker, or script with no frame of the demo pages on its stack: the content
 * script's isolated world).
 */
function offences(events: NetEvent[], demoOrigin: string, extOrigin: string): NetEvent[] {
  return events.filter((e) => {
    if (/^(chrome|devtools|chrome-untrusted):\/\//.test(e.target)) return false; // the browser's own UI (omnibox and the like)
    if (e.kind === 'csp') return true;
    if (/^(data|blob|about):/.test(e.url)) return false;
    if (e.url.startsWith(`${extOrigin}/`)) return false; // the extension's own packaged files
    if (!e.url.startsWith(`${demoOrigin}/`)) return true;
    const byExtension =
      e.from.startsWith(`${extOrigin}/`) ||
      e.target.startsWith(`${extOrigin}/`) ||
      e.stack.some((u) => u.startsWith('chrome-extension://')) ||
      (e.initiator === 'script' && !e.stack.some((u) => u.startsWith(`${demoOrigin}/`)));
    return byExtension;
  });
}

// ── The session ──────────────────────────────────────────────────────────────

let session: Session;
let recorder: NetworkRecorder;
let extOrigin: string;
/** Events the canary test made on purpose: [from, to) in recorder.events. */
let canaries: [number, number] = [0, 0];

beforeAll(async () => {
  session = await launch();
  extOrigin = `chrome-extension://${session.extensionId}`;
  recorder = new NetworkRecorder(session.browser);
  await recorder.start();
});
afterAll(async () => session?.close());

async function openExtensionPage(path: string, viewport = { width: 420, height: 900 }): Promise<Page> {
  const page = await recorder.newPage();
  await page.setViewport(viewport);
  await page.goto(`${extOrigin}/${path}`);
  return page;
}

async function openCase(page: Page, screen: Screen, id: string, warnings?: string[]): Promise<Frame> {
  await page.goto(screen.url(session.baseUrl, id));
  const frame = await screen.frame(page, id);
  if (warnings) await waitForWarnings(frame, warnings, 15_000);
  else
    await until(
      () => warningsIn(frame),
      (w) => w.length > 0,
      `${screen.name} ${id}: warnings painted`,
    );
  return frame;
}

type Reply = {
  ok: boolean;
  error?: string;
  state?: { findings: { key: string; rule: string; line: number | null; dismissed?: unknown }[] } | null;
  dismissals?: { key: string; rule: string; reason: string }[];
};

/**
 * Sends each message to the worker from where it runs (an extension page, or
 * the content script's isolated world), a reply or the error thrown for each.
 * `$big`, `$lines` and `$deep` placeholders are expanded there (huge values
 * need not cross CDP). Self-contained: it is serialized into that context.
 */
async function sendEach(specs: unknown[]): Promise<(Reply | { thrown: string })[]> {
  const expand = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(expand);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.$big === 'number') return 'x'.repeat(o.$big);
      if (typeof o.$lines === 'number') return Array.from({ length: o.$lines }, () => ({ code: '17000' }));
      if (typeof o.$deep === 'number') {
        let d: unknown = [];
        for (let i = 0; i < o.$deep; i++) d = [d];
        return d;
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, expand(x)]));
    }
    return v;
  };
  const out: unknown[] = [];
  for (const spec of specs) {
    try {
      out.push(await chrome.runtime.sendMessage(expand(spec)));
    } catch (e) {
      out.push({ thrown: String((e as Error).message) });
    }
  }
  return out as never;
}

/** Sends messages to the worker from an extension page (as the popup, side panel and options page do). */
async function fromPage(page: Page, messages: unknown[]): Promise<(Reply | { thrown: string })[]> {
  return page.evaluate(sendEach, messages);
}

/** Sends messages to the worker from the content script's isolated world in a tab's top frame (a valid sender: a tab on an EHR host). */
async function fromContentWorld(tabId: number, messages: unknown[]): Promise<(Reply | { thrown: string })[]> {
  const worker = await session.worker();
  // sendEach as a function of the worker, for chrome.scripting to serialize into the tab.
  const func = await worker.evaluateHandle(`(${sendEach.toString()})`);
  try {
    return await worker.evaluate(
      async (tab: number, specs: unknown[], send: unknown) => {
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab },
          world: 'ISOLATED',
          args: [specs],
          func: send as (list: never) => unknown,
        });
        return result!.result as never;
      },
      tabId,
      messages,
      func,
    );
  } finally {
    await func.dispose().catch(() => {});
  }
}

/** Stops the service worker as Chrome does when it idles (the recorder lets go of it first). */
async function stopWorker(s: Session): Promise<void> {
  await recorder.releaseWorkers();
  await stopWorkerTarget(s);
}

/** Everything the extension keeps, once it has stopped changing (two reads in a row alike). */
async function kept(page: Page): Promise<ExtensionData> {
  let last = JSON.stringify(await readExtensionData(page));
  return until(
    async () => {
      await new Promise((r) => setTimeout(r, 150));
      const now = JSON.stringify(await readExtensionData(page));
      const same = now === last;
      last = now;
      return same ? (JSON.parse(now) as ExtensionData) : null;
    },
    (d) => d !== null,
    'the extension’s data settles',
  ) as Promise<ExtensionData>;
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&');

// ── Tests ────────────────────────────────────────────────────────────────────

describe('the network recorder', () => {
  it('sees a request or a refused attempt from the worker, an extension page and the content script’s world, and lets the demo pages’ own through', async () => {
    const start = recorder.events.length;
    const ehr = await recorder.newPage();
    await openCase(ehr, EMA, 'ex01', ['mod25-missing@0']);
    const tabId = await tabIdOf(session, ehr);
    const worker = await session.worker();
    await worker.evaluate(() => fetch('http://127.0.0.2:8080/canary-worker').catch(() => null));
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.evaluate(() => fetch('http://127.0.0.2:8080/canary-page').catch(() => null));
    await worker.evaluate(
      async (tab: number, demo: string) => {
        await chrome.scripting.executeScript({
          target: { tabId: tab },
          world: 'ISOLATED',
          args: [demo],
          func: async (base: string) => {
            await fetch('http://127.0.0.2:8080/canary-content').catch(() => null);
            await fetch(`${base}/examples.json?canary-content`).catch(() => null);
          },
        });
      },
      tabId,
      session.baseUrl,
    );
    const caught = () => offences(recorder.events.slice(start), session.baseUrl, extOrigin);
    const wanted = ['canary-worker', 'canary-page', 'canary-content', 'examples.json?canary-content'];
    await until(
      async () => caught().map((e) => `${e.kind} ${e.url} ${e.text ?? ''}`),
      (seen) => wanted.every((w) => seen.some((s) => s.includes(w))),
      'every canary caught',
    );
    canaries = [start, recorder.events.length];
    // Nothing but the canaries offends in this window.
    expect(caught().filter((e) => !wanted.some((w) => `${e.url} ${e.text}`.includes(w)))).toEqual([]);
    // The demo page's own loading (its document, styles, scripts, the examples it fetches) is recorded, and allowed.
    const own = recorder.events
      .slice(start)
      .filter((e) => e.kind === 'request' && e.url.startsWith(`${session.baseUrl}/`) && !e.url.includes('canary'));
    expect(own.map((e) => new URL(e.url).pathname)).toEqual(
      expect.arrayContaining(['/ema/web/practice/staff', '/ema/app.js', '/examples.json']),
    );
    await Promise.all([popup.close(), ehr.close()]);
  });
});

describe('hostile messages', () => {
  let ehr: Page;
  let ext: Page;
  let tabId: number;
  let key: string;

  beforeAll(async () => {
    ehr = await recorder.newPage();
    await ehr.setViewport({ width: 1400, height: 900 });
    await openCase(ehr, EMA, 'ex17', ['cosmetic-on-insurance@0', 'cosmetic-on-insurance@1']);
    tabId = await tabIdOf(session, ehr);
    ext = await openExtensionPage('popup.html');
    // A dismissal on record, so that a message able to clear the audit log would show.
    const [state] = (await fromPage(ext, [{ type: 'tab-state', tabId }])) as Reply[];
    key = state!.state!.findings.find((f) => f.line === 0)!.key;
    expect(await fromPage(ext, [{ type: 'dismiss', tabId, key, reason: 'not-applicable' }])).toEqual([{ ok: true }]);
    await waitForWarnings(await EMA.frame(ehr, 'ex17'), ['cosmetic-on-insurance@1'], 15_000);
  });

  it('a web page cannot message the extension at all (no externally_connectable)', async () => {
    const worker = await session.worker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest() as unknown as Record<string, unknown>);
    expect(manifest).not.toHaveProperty('externally_connectable');
    // The EHR page's own JavaScript (the main world) has no runtime to send with.
    expect(
      await ehr.evaluate(
        () =>
          typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');
  });

  it('malformed, oversized and out-of-place messages from a content script and from an extension page are rejected; nothing is stored; the same worker still answers', async () => {
    const worker = await session.worker();
    await worker.evaluate(() => ((globalThis as Record<string, unknown>).__dermlintProbe = 'same worker'));
    const before = await kept(ext);
    const badge = await badgeOf(session, ehr);

    const encounter = {
      id: 'hostile',
      payer: { kind: 'commercial' },
      diagnoses: [{ code: 'L57.0' }],
      lines: [{ code: '17000', dx: [1] }],
    };
    const fromContent = await fromContentWorld(tabId, [
      null,
      'evaluate',
      42,
      [],
      {},
      { type: 'drop-tables' },
      { type: 'evaluate' },
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, lines: [{ code: 5 }] } },
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, payer: { kind: 'martian' } } },
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, lines: { $lines: 5001 } } },
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, id: { $big: 2001 } } },
      { type: 'evaluate', adapter: 'x'.repeat(41), encounter },
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, id: { $big: 4_100_000 } } },
      { type: 'evaluate', adapter: 'ema', encounter: { $deep: 3000 } },
      { type: 'status', adapter: 'ema', state: 'hacked' },
      { type: 'status', adapter: 'ema', state: 'unreadable', reason: { $big: 501 } },
      { type: 'signed-anyway', encounterId: 'x', errors: -1 },
      { type: 'signed-anyway', encounterId: { $big: 2001 }, errors: 1 },
      // The extension pages' requests, from a content script: never.
      { type: 'audit' },
      { type: 'clear-audit' },
      { type: 'tab-state', tabId },
      { type: 'undismiss', tabId, key },
      { type: 'dismiss', tabId, key, reason: 'other', comment: 'from a page' },
    ]);
    expect(fromContent.filter((r) => !('ok' in r) || r.ok !== false || !/^rejected/.test(r.error ?? ''))).toEqual([]);
    expect(fromContent.some((r) => 'error' in r && /too large/.test(r.error ?? ''))).toBe(true);

    const fromExtensionPage = await fromPage(ext, [
      null,
      { type: 'nope' },
      { type: 'tab-state' },
      { type: 'tab-state', tabId: -1 },
      { type: 'tab-state', tabId: 1.5 },
      { type: 'dismiss', tabId, key, reason: 'because I said so' },
      { type: 'dismiss', tabId, key, reason: 'other', comment: { $big: 501 } },
      { type: 'dismiss', tabId, key: { $big: 401 }, reason: 'other' },
      { type: 'dismiss', tabId, key: 'no|such|finding|1', reason: 'other' },
      { type: 'undismiss', tabId: tabId + 1000, key },
      { type: 'reveal', tabId, key: 'no|such|finding|1' },
      // The content script's requests, from an extension page: never.
      { type: 'evaluate', adapter: 'ema', encounter },
      { type: 'signed-anyway', encounterId: 'x', errors: 1 },
      { type: 'status', adapter: 'ema', state: 'absent' },
      { type: 'tab-state', tabId, padding: { $big: 4_100_000 } },
    ]);
    expect(fromExtensionPage.filter((r) => !('ok' in r) || r.ok !== false)).toEqual([]);

    // Nothing stored, nothing changed, no badge moved.
    expect(await kept(ext)).toEqual(before);
    expect(await badgeOf(session, ehr)).toBe(badge);
    // The same worker (no crash, no restart) still answers, and still reads the screen.
    expect(await (await session.worker()).evaluate(() => (globalThis as Record<string, unknown>).__dermlintProbe)).toBe(
      'same worker',
    );
    const [state] = (await fromPage(ext, [{ type: 'tab-state', tabId }])) as Reply[];
    expect(state!.ok).toBe(true);
    expect(state!.state!.findings.map((f) => f.key)).toContain(key);
    await ehr.reload();
    await waitForWarnings(await EMA.frame(ehr, 'ex17'), ['cosmetic-on-insurance@1'], 15_000);
  });

  it('another extension finds no receiver: its messages and connections to dermlint fail, and change nothing', async () => {
    // A second browser with dermlint and a foreign extension that tries to talk to it.
    const foreignDir = mkdtempSync(join(tmpdir(), 'dermlint-foreign-'));
    writeFileSync(
      join(foreignDir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'foreign',
        version: '1.0',
        background: { service_worker: 'foreign.js' },
        permissions: ['scripting'],
        host_permissions: ['http://localhost/*'],
      }),
    );
    writeFileSync(join(foreignDir, 'foreign.js'), '// a stranger\n');
    const profile = mkdtempSync(join(tmpdir(), 'dermlint-profile-'));
    const { server, url } = await startDemoServer(0);
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: profile,
      enableExtensions: true,
      args: [
        ...HEADLESS_FLAGS,
        '--disable-dev-shm-usage',
        `--disable-extensions-except=${DEMO_EXTENSION_DIR},${foreignDir}`,
        `--load-extension=${DEMO_EXTENSION_DIR},${foreignDir}`,
      ],
    });
    try {
      const ours = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
        { timeout: 90_000 },
      );
      const theirs = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().endsWith('/foreign.js'),
        { timeout: 90_000 },
      );
      const dermlint = new URL(ours.url()).host;
      const page = await browser.newPage();
      await page.setViewport({ width: 1400, height: 900 });
      await page.goto(EMA.url(url, 'ex01'));
      await waitForWarnings(await EMA.frame(page, 'ex01'), ['mod25-missing@0'], 15_000);
      const ext = await browser.newPage();
      await ext.goto(`chrome-extension://${dermlint}/popup.html`);
      const before = await readExtensionData(ext);
      const foreign = (await theirs.worker())!;
      const encounter = {
        id: 'foreign',
        payer: { kind: 'commercial' },
        diagnoses: [{ code: 'L57.0' }],
        lines: [{ code: '17000', dx: [1] }],
      };
      const messages = [
        { type: 'evaluate', adapter: 'ema', encounter },
        { type: 'audit' },
        { type: 'clear-audit' },
        { type: 'tab-state', tabId: 1 },
        { type: 'signed-anyway', encounterId: 'x', errors: 1 },
      ];
      const results = await foreign.evaluate(
        async (id: string, list: unknown[]) => {
          const out: string[] = [];
          for (const m of list)
            out.push(
              await chrome.runtime.sendMessage(id, m).then(
                (r: unknown) => `answered ${JSON.stringify(r)}`,
                (e: Error) => `failed: ${e.message}`,
              ),
            );
          // A long-lived connection: disconnected at once, with an error.
          out.push(
            await new Promise<string>((done) => {
              const port = chrome.runtime.connect(id, { name: 'foreign' });
              port.onDisconnect.addListener(() => done(`disconnected: ${chrome.runtime.lastError?.message ?? ''}`));
              port.postMessage(list[0]);
              setTimeout(() => done('still connected'), 5000);
            }),
          );
          return out;
        },
        dermlint,
        messages,
      );
      expect(results.slice(0, messages.length)).toEqual(
        messages.map(() =>
          expect.stringMatching(/^failed: Could not establish connection\. Receiving end does not exist\./),
        ),
      );
      expect(results.at(-1)).toMatch(/^disconnected: Could not establish connection\. Receiving end does not exist\./);
      // Nor through its own content script on the EHR page.
      const tab = await foreign.evaluate(
        async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
        page.url(),
      );
      expect(tab).toBeGreaterThan(0);
      const viaPage = await foreign.evaluate(
        async (tabId: number, id: string, m: unknown) => {
          const [r] = await chrome.scripting.executeScript({
            target: { tabId },
            args: [id, m],
            func: (to: string, msg: unknown) =>
              chrome.runtime.sendMessage(to, msg).then(
                (x: unknown) => `answered ${JSON.stringify(x)}`,
                (e: Error) => `failed: ${e.message}`,
              ),
          });
          return r!.result as string;
        },
        tab,
        dermlint,
        messages[0],
      );
      expect(viaPage).toMatch(/^failed: Could not establish connection\. Receiving end does not exist\./);
      expect(await readExtensionData(ext)).toEqual(before);
      // dermlint itself still works in that browser.
      await page.reload();
      await waitForWarnings(await EMA.frame(page, 'ex01'), ['mod25-missing@0'], 15_000);
    } finally {
      await browser.close().catch(() => {});
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(profile, { recursive: true, force: true });
      rmSync(foreignDir, { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    await fromPage(ext, [{ type: 'clear-audit' }]).catch(() => {});
    await Promise.all([ehr?.close(), ext?.close()]);
  });
});

describe('service worker lifecycle', () => {
  it('stopped mid-session (as Chrome does when idle): settings, a dismissal, tab state and the next evaluation survive, twice', async () => {
    const ehr = await recorder.newPage();
    await ehr.setViewport({ width: 1400, height: 900 });
    const frame = await openCase(ehr, EMA, 'ex17', ['cosmetic-on-insurance@0', 'cosmetic-on-insurance@1']);
    const tabId = await tabIdOf(session, ehr);
    const severities = (f: Frame) =>
      f.$$eval('dermlint-warning', (hs) =>
        hs.map((h) => `${h.getAttribute('data-dermlint-line')}:${h.getAttribute('data-dermlint-severity')}`).sort(),
      );

    // A setting changed in the options page: cosmetic-on-insurance as a warning.
    const options = await openExtensionPage('options.html', { width: 1200, height: 900 });
    await options.waitForSelector('#level-cosmetic-on-insurance');
    await options.select('#level-cosmetic-on-insurance', 'warning');
    await until(
      () => severities(frame),
      (s) => s.join() === '0:warning,1:warning',
      'the open tab follows the setting',
    );
    // A dismissal, through the worker's message API as the side panel sends it.
    const [state] = (await fromPage(options, [{ type: 'tab-state', tabId }])) as Reply[];
    const first = state!.state!.findings.find((f) => f.line === 0)!;
    expect(await fromPage(options, [{ type: 'dismiss', tabId, key: first.key, reason: 'payer-policy' }])).toEqual([
      { ok: true },
    ]);
    await waitForWarnings(frame, ['cosmetic-on-insurance@1']);
    const panel = await openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('article.finding.is-dismissed');
    const settingsBefore = (await readExtensionData(options)).storage.local[SETTINGS_KEY];

    // Stop 1, then the next evaluation: the page reloads and the content script asks a fresh worker.
    await (
      await session.worker()
    ).evaluate(() => ((globalThis as Record<string, unknown>).__dermlintProbe = 'old worker'));
    await stopWorker(session);
    await ehr.reload();
    const again = await EMA.frame(ehr, 'ex17');
    await waitForWarnings(again, ['cosmetic-on-insurance@1'], 15_000);
    expect(await severities(again)).toEqual(['1:warning']);
    await until(
      () => badgeOf(session, ehr),
      (b) => b === '',
      'no error on the badge (the remaining finding is a warning now)',
    );
    expect(
      await (await session.worker()).evaluate(() => (globalThis as Record<string, unknown>).__dermlintProbe ?? 'fresh'),
    ).toBe('fresh');
    const data = await readExtensionData(options);
    expect(data.storage.local[SETTINGS_KEY]).toEqual(settingsBefore);
    const [audit] = (await fromPage(options, [{ type: 'audit' }])) as Reply[];
    expect(audit!.dismissals!.map((d) => [d.key, d.reason])).toEqual([[first.key, 'payer-policy']]);

    // Stop 2, with nothing happening on the EHR tab: the side panel's next request wakes a worker that knows the tab
    // only from storage.session, and its undo reaches the screen.
    await stopWorker(session);
    await clickButton(panel, 'Undo dismissal');
    await waitForWarnings(again, ['cosmetic-on-insurance@0', 'cosmetic-on-insurance@1'], 15_000);
    expect(await severities(again)).toEqual(['0:warning', '1:warning']);
    await until(
      () => panel.$$('article.finding.is-dismissed'),
      (d) => d.length === 0,
      'the panel shows it undone',
    );
    // (Its audit record stays, marked undone: the finding is no longer dismissed.)
    const [after] = (await fromPage(options, [{ type: 'audit' }])) as Reply[];
    expect(after!.dismissals!.filter((d) => d.key === first.key)).toEqual([]);
    expect((await readExtensionData(options)).storage.local[SETTINGS_KEY]).toEqual(settingsBefore);

    // Back to the defaults for the tests after this one.
    await options.evaluate((k: string) => chrome.storage.local.remove(k), SETTINGS_KEY);
    await Promise.all([panel.close(), options.close(), ehr.close()]);
  });
});

// ── Nothing sensitive at rest ────────────────────────────────────────────────

/**
 * What a screen shows about the patient, which dermlint must never keep (storage.local / session / sync,
 * IndexedDB, web storage, caches) nor export (review CSV and JSON, audit CSV). One entry per string:
 * `whole` matches it as a whole word (short identifiers: a name, a number), else anywhere, in any case.
 * Add to it with `plant` (the procedure note is next).
 */
interface Sensitive {
  what: string;
  text: string;
  whole?: boolean;
}

class SensitiveList {
  readonly items: Sensitive[] = [];
  plant(what: string, text: string, whole = false): void {
    const t = text.trim();
    if (t && !this.items.some((s) => s.text === t && s.whole === whole)) this.items.push({ what, text: t, whole });
  }
  /** The entries found in `text`, as 'what: text'. */
  foundIn(text: string): string[] {
    const lower = text.toLowerCase();
    return this.items
      .filter((s) =>
        s.whole
          ? new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(s.text)}(?![A-Za-z0-9])`, 'i').test(text)
          : lower.includes(s.text.toLowerCase()),
      )
      .map((s) => `${s.what}: ${s.text}`);
  }
}

/** The patient banner, as each demo screen renders it (fake people, real shapes). */
async function bannerOf(frame: Frame, screen: Screen): Promise<{ name: string; dob: string; mrn: string }> {
  return frame.evaluate((name: string) => {
    const text = (sel: string) => (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (name === 'ema')
      return {
        name: text('[data-identifier="patient-name"]'),
        dob: text('[data-identifier="patient-dob"]'),
        mrn: text('[data-identifier="patient-mrn"]'),
      };
    const facts = Object.fromEntries(
      Array.from(document.querySelectorAll('.fe_c_patient-banner__facts > div')).map((d) => [
        d.querySelector('dt')?.textContent?.trim(),
        d.querySelector('dd')?.textContent?.trim() ?? '',
      ]),
    );
    return { name: text('.fe_c_patient-banner__name'), dob: facts.DOB ?? '', mrn: facts.MRN ?? '' };
  }, screen.name);
}

/** Free text planted on the screens: a site typed with a patient's details in it, as the security review did. */
const PLANTED_SITE = 'left cheek - pt ZQWINSLOW, ZQHARRIET MRN 00987654';
const planted = (screen: Screen): Encounter => ({
  id: `planted-${screen.name}`,
  dateOfService: '2026-05-12',
  payer: { kind: 'commercial', name: 'ZQ Acme Health Plan' },
  diagnoses: [
    { code: 'D22.39', description: 'ZQ nevus of ZQWINSLOW' },
    { code: 'L57.0', description: 'ZQ actinic keratosis note' },
  ],
  lines: [
    { code: '11402', units: 1, dx: [1], site: PLANTED_SITE, sizeCm: 1.2, description: 'ZQ excision for ZQHARRIET' },
    {
      code: '17000',
      units: 1,
      lesions: 1,
      dx: [2],
      site: 'ZQ right temple by the scar',
      description: 'ZQ destruction',
    },
  ],
});

describe('nothing sensitive at rest', () => {
  it('after a working session on both screens (cases and typed sites, dismissals with comments, exports, a sign-anyway, settings) nothing the screens showed about the patient is kept or exported', async () => {
    const sensitive = new SensitiveList();
    const ema = await recorder.newPage();
    const athena = await recorder.newPage();
    for (const page of [ema, athena]) await page.setViewport({ width: 1400, height: 900 });
    const downloads = await downloadsTo(session);

    /** Plants what a screen shows: its banner, its encounter's sites and descriptions, EMA's patient id. */
    const learn = async (page: Page, frame: Frame, screen: Screen, encounter: Encounter, label: string) => {
      const banner = await bannerOf(frame, screen);
      expect(banner.name, `${label}: a patient name on the banner`).toMatch(/^[A-Z]+, [A-Za-z]+$/);
      const dob = banner.dob.match(/(\d{2})\/(\d{2})\/(\d{4})/);
      expect(dob, `${label}: a birth date on the banner`).not.toBeNull();
      const mrn = banner.mrn.replace(/^#/, '');
      expect(mrn).toMatch(/^[A-Z]*\d{6}$/);
      const [last, first] = banner.name.split(', ') as [string, string];
      sensitive.plant('banner name', banner.name);
      sensitive.plant('banner name', `${first} ${last}`);
      sensitive.plant('banner name', last, true);
      sensitive.plant('banner name', first, true);
      sensitive.plant('date of birth', dob![0]);
      sensitive.plant('date of birth', `${dob![3]}-${dob![1]}-${dob![2]}`);
      sensitive.plant('MRN', mrn, true);
      sensitive.plant('MRN', mrn.replace(/^[A-Z]+/, ''), true);
      const pid = page.url().match(/\/patient\/(\d+)\//)?.[1];
      if (pid) sensitive.plant('EMA patient id', pid, true);
      for (const d of encounter.diagnoses) if (d.description) sensitive.plant('diagnosis description', d.description);
      for (const l of encounter.lines) {
        if (l.description) sensitive.plant('line description', l.description);
        // Sites of two words or more ('left cheek'): single anatomic words are in the rules' own fixes ("Use 11442 (face, …)").
        if (l.site && l.site.trim().includes(' ')) sensitive.plant('site as typed', l.site);
      }
      if (encounter.payer.name?.startsWith('ZQ')) sensitive.plant('payer name', encounter.payer.name);
    };

    const visits: [Page, Screen, string][] = [
      [ema, EMA, 'ex01'],
      [ema, EMA, 'ex22'],
      [ema, EMA, 'ex43'],
      [athena, ATHENA, 'ex09'],
      [athena, ATHENA, 'ex16'],
      [athena, ATHENA, 'ex44'],
    ];
    for (const [page, screen, id] of visits)
      await learn(page, await openCase(page, screen, id), screen, encounterOf(id), `${screen.name} ${id}`);
    // The typed sites, with a name and an MRN in them.
    sensitive.plant('site as typed', 'ZQWINSLOW', true);
    sensitive.plant('site as typed', 'ZQHARRIET', true);
    sensitive.plant('site as typed', '00987654', true);
    const plantedFrames = new Map<Screen, Frame>();
    for (const [page, screen] of [
      [athena, ATHENA],
      [ema, EMA],
    ] as const) {
      const frame = await openEncounter(page, screen.name, session.baseUrl, planted(screen));
      const want = run(planted(screen))
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.rule}@${f.line ?? 'encounter'}`);
      expect(want).toContain('site-code-mismatch@0');
      await waitForWarnings(frame, want, 15_000);
      await learn(page, frame, screen, planted(screen), `${screen.name} planted`);
      plantedFrames.set(screen, frame);
    }
    // The sign-off with errors remaining comes after this on EMA's ex37.
    expect(sensitive.items.length).toBeGreaterThan(40);

    // Dismissals in the side panel, on both screens: comments naming the patient are refused, in the dialog and by the worker.
    const refusals: string[] = [];
    const exports: Record<string, string> = {};
    for (const [page, screen] of [
      [athena, ATHENA],
      [ema, EMA],
    ] as const) {
      const banner = await bannerOf(plantedFrames.get(screen)!, screen);
      const last = banner.name.split(', ')[0]!;
      const tabId = await tabIdOf(session, page);
      const panel = await openExtensionPage(`sidepanel.html?tab=${tabId}`);
      await panel.waitForSelector('article.finding');
      await clickButton(panel, 'Dismiss…');
      await panel.click('input[value="other"]');
      let shown = '';
      for (const comment of [
        `discussed with ${last.toLowerCase()}`,
        `MRN ${banner.mrn.replace(/^#/, '')}`,
        `seen ${banner.dob.slice(0, 10)}`,
      ]) {
        sensitive.plant('refused comment', comment);
        await panel.$eval('form.dismiss-form textarea', (t) => (t.value = ''));
        await panel.type('form.dismiss-form textarea', comment);
        await clickButton(panel, 'Dismiss');
        // Each refusal says something else: wait for the new one.
        shown = await until(
          () => textOf(panel, 'form.dismiss-form .error-text'),
          (t) => t.length > 0 && t !== shown,
          `${screen.name}: “${comment}” refused`,
        );
        refusals.push(shown);
      }
      await panel.$eval('form.dismiss-form textarea', (t) => (t.value = ''));
      await panel.type('form.dismiss-form textarea', 'payer letter on file');
      await clickButton(panel, 'Dismiss');
      await panel.waitForSelector('article.finding.is-dismissed', { timeout: 15_000 });
      // The exports of the review list (read and removed at once: the next screen's have the same names).
      await clickButton(panel, 'Export CSV');
      await clickButton(panel, 'Export JSON');
      for (const [kind, name] of [
        ['CSV', /^dermlint-review-.*\.csv$/],
        ['JSON', /^dermlint-review-.*\.json$/],
      ] as const) {
        const { file, text } = await downloaded(downloads, name);
        exports[`${screen.name} review ${kind}`] = text;
        rmSync(file);
      }
      await panel.close();
    }
    expect(refusals).toEqual([
      'Comment not kept: Leave out the patient’s name and other details from the patient banner.',
      expect.stringMatching(/^Leave out numbers of five or more digits/),
      expect.stringMatching(/^Leave out dates/),
      'Comment not kept: Leave out the patient’s name and other details from the patient banner.',
      expect.stringMatching(/^Leave out numbers of five or more digits/),
      expect.stringMatching(/^Leave out dates/),
    ]);

    // A sign-off with errors remaining (EMA tab, ex37).
    await ema.bringToFront(); // a background tab gets no animation frames: clicks there would wait forever
    const emaFrame = await openCase(ema, EMA, 'ex37');
    await learn(ema, emaFrame, EMA, encounterOf('ex37'), 'ema ex37');
    await onFreshElement(emaFrame, EMA.signControl, (control) => control.click());
    await (await emaFrame.waitForSelector('aria/Sign anyway[role="button"]'))!.click();
    // Settings changed in the options page, and the audit log exported.
    const options = await openExtensionPage('options.html', { width: 1200, height: 900 });
    await options.waitForSelector('#default-payer');
    await options.select('#default-payer', 'medicare');
    await options.select('#level-lesions-lumped', 'warning');

    const data = await until(
      () => readExtensionData(options),
      (d) => {
        const records = Object.values(d.indexedDB).flatMap((stores) => Object.values(stores).flat()) as {
          reason?: string;
          comment?: string;
        }[];
        const settings = d.storage.local[SETTINGS_KEY] as
          { defaultPayerKind?: string; rules?: Record<string, string> } | undefined;
        return (
          records.filter((r) => r.comment === 'payer letter on file').length === 2 &&
          records.some((r) => r.reason === 'signed-anyway') &&
          settings?.defaultPayerKind === 'medicare' &&
          settings.rules?.['lesions-lumped'] === 'warning' &&
          Object.keys(d.storage.session).length >= 2
        );
      },
      'the dismissals, the sign-off, the settings and both tabs’ states are kept',
    );
    await options.reload();
    await options.waitForSelector('#audit table tbody tr');
    await clickButton(options, 'Export CSV');

    exports['audit CSV'] = (await downloaded(downloads, /^dermlint-audit-.*\.csv$/)).text;
    expect(Object.keys(exports)).toEqual([
      'athena review CSV',
      'athena review JSON',
      'ema review CSV',
      'ema review JSON',
      'audit CSV',
    ]);
    const all = Object.values(exports).join('\n');
    expect(all).toContain('payer letter on file');
    expect(all).toContain('site-code-mismatch');

    const kept = JSON.stringify(data);
    expect(sensitive.foundIn(kept), `found in the extension's storage: ${kept.slice(0, 2000)}`).toEqual([]);
    for (const [what, text] of Object.entries(exports))
      expect(sensitive.foundIn(text), `found in the ${what}: ${text.slice(0, 2000)}`).toEqual([]);
    // The detector finds what it looks for, in the same data: a site, a whole-word name, a refused comment.
    const site = sensitive.items.find((s) => s.what === 'site as typed' && !s.whole)!;
    const name = sensitive.items.find((s) => s.what === 'banner name' && s.whole)!;
    const comment = sensitive.items.find((s) => s.what === 'refused comment')!;
    expect(sensitive.foundIn(`${kept} ${site.text.toUpperCase()} (${name.text}) ${comment.text}`)).toEqual(
      expect.arrayContaining([
        `site as typed: ${site.text}`,
        `banner name: ${name.text}`,
        `refused comment: ${comment.text}`,
      ]),
    );

    // And nothing at all in the EHR pages' own storage: the content script keeps nothing in the page's origin.
    const pageStorage = await ema.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).map((d) => d.name),
    }));
    expect(pageStorage).toEqual({ local: 0, session: 0, idb: [] });

    await options.evaluate((k: string) => chrome.storage.local.remove(k), SETTINGS_KEY);
    await fromPage(options, [{ type: 'clear-audit' }]);
    await Promise.all([options.close(), ema.close(), athena.close()]);
    rmSync(downloads, { recursive: true, force: true });
  });
});

describe('a note full of identifiers', () => {
  /** Fake people, real shapes: a name, an MRN, a birth date and a phone number for each screen. */
  const PEOPLE: Record<NoteScreen, { name: string; mrn: string; dob: string; phone: string }> = {
    ema: { name: 'Zelda Quillfeather', mrn: 'QZ48213377', dob: '04/17/1951', phone: '(617) 555-0142' },
    athena: { name: 'Ignatius Brambleworth', mrn: 'AX77120954', dob: '11/02/1947', phone: '(508) 555-0187' },
    ecw: { name: 'Philippa Thornquist', mrn: 'EC30598861', dob: '07/29/1963', phone: '(413) 555-0119' },
  };
  const noteOf = (p: (typeof PEOPLE)[NoteScreen]) =>
    `Patient: ${p.name}, MRN ${p.mrn}, DOB ${p.dob}, phone ${p.phone}.\nProcedure: Cryotherapy\nLocation: right index finger\n` +
    `Technique: three common warts treated with liquid nitrogen; ${p.name.split(' ')[0]} tolerated it well. Call ${p.phone} with questions.`;
  /** Every identifier as written, and the ways it could be stored: digits only, the date in ISO, the name reversed. */
  const needles = Object.values(PEOPLE).flatMap((p) => {
    const [m, d, y] = p.dob.split('/');
    const [first, last] = p.name.split(' ') as [string, string];
    return [
      p.name,
      `${last}, ${first}`,
      first,
      last,
      p.mrn,
      p.mrn.replace(/^[A-Z]+/, ''),
      p.dob,
      `${y}-${m}-${d}`,
      p.phone,
      p.phone.replace(/\D/g, ''),
      p.phone.slice(6),
    ];
  });
  const found = (text: string) => needles.filter((n) => text.toLowerCase().includes(n.toLowerCase()));
  /** The recorder's events of the working session below: [from, to). */
  const span: [number, number] = [0, 0];

  it('typed into each screen (EMA, athena, eCW) and judged, it is nowhere afterwards: no storage area, IndexedDB database, export or audit record holds any of it', async () => {
    span[0] = recorder.events.length;
    const downloads = await downloadsTo(session);
    onTestFinished(() => rmSync(downloads, { recursive: true, force: true }));
    const options = await openExtensionPage('options.html', { width: 1200, height: 900 });
    await saveEcwFieldMap(options);
    const tabs = {} as Record<NoteScreen, Page>;
    for (const screen of NOTE_SCREENS) {
      const page = await recorder.newPage();
      await page.setViewport({ width: 1400, height: 900 });
      tabs[screen] = page;
      const frame = await openOnNoteScreen(page, screen, session.baseUrl, 'ex01');
      await waitForWarnings(frame, ['mod25-missing@0'], 15_000);
      const note = noteOf(PEOPLE[screen]);
      await typeNote(frame, screen, note);
      // The worker judged the screen with the typed note: the tab's state says how long it was, and nothing else of it.
      await until(
        () => keptTabState(session, page),
        (s) => s?.noteChars === note.length,
        `${screen}: the typed note judged`,
      );
    }

    // A working session on top: a dismissal and both exports in the side panel (eCW tab), a sign-anyway (EMA tab), the audit log's export.
    const panel = await openExtensionPage(`sidepanel.html?tab=${await tabIdOf(session, tabs.ecw)}`);
    await panel.waitForSelector('article.finding');
    await clickButton(panel, 'Export CSV');
    await clickButton(panel, 'Export JSON');
    await clickButton(panel, 'Dismiss…');
    await panel.click('input[value="payer-policy"]');
    await clickButton(panel, 'Dismiss');
    await panel.waitForSelector('article.finding.is-dismissed', { timeout: 15_000 });
    await tabs.ema.bringToFront();
    const emaFrame = await openOnNoteScreen(tabs.ema, 'ema', session.baseUrl, 'ex01');
    await typeNote(emaFrame, 'ema', noteOf(PEOPLE.ema));
    await onFreshElement(emaFrame, EMA.signControl, (control) => control.click());
    await (await emaFrame.waitForSelector('aria/Sign anyway[role="button"]'))!.click();
    const audit = await openExtensionPage('options.html#audit', { width: 1200, height: 900 });
    await audit.bringToFront();
    await audit.waitForFunction(() => /signed-anyway|Signed anyway/i.test(document.body.textContent ?? ''), {
      timeout: 15_000,
    });
    await clickButton(audit, 'Export CSV');
    const exports = [
      await downloaded(downloads, /^dermlint-review-.*\.csv$/),
      await downloaded(downloads, /^dermlint-review-.*\.json$/),
      await downloaded(downloads, /^dermlint-audit-.*\.csv$/),
    ];
    for (const e of exports) expect(e.text.length, e.file).toBeGreaterThan(20);

    const data = await kept(options);
    const records = Object.values(data.indexedDB).flatMap((stores) => Object.values(stores).flat()) as {
      reason?: string;
    }[];
    expect(records.map((r) => r.reason)).toEqual(expect.arrayContaining(['payer-policy', 'signed-anyway']));
    // Each tab's state: the note's size, never its text.
    const states = Object.values(data.storage.session) as { noteChars?: number }[];
    expect(
      states
        .map((st) => st.noteChars)
        .filter(Boolean)
        .sort(),
    ).toEqual(NOTE_SCREENS.map((sc) => noteOf(PEOPLE[sc]).length).sort());
    expect(found(JSON.stringify(data)), 'in the extension’s storage and IndexedDB').toEqual([]);
    for (const e of exports) expect(found(e.text), e.file).toEqual([]);
    // The detector finds what it looks for.
    expect(found(JSON.stringify({ ...data, planted: noteOf(PEOPLE.athena) }))).toEqual(
      expect.arrayContaining([PEOPLE.athena.name, PEOPLE.athena.mrn, PEOPLE.athena.phone]),
    );
    // Nor in the EHR pages' own storage (the content script keeps nothing in the page's origin).
    for (const screen of NOTE_SCREENS) {
      const pageStorage = await tabs[screen].evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).map((d) => d.name),
      }));
      expect(pageStorage, screen).toEqual({ local: 0, session: 0, idb: [] });
    }

    await options.evaluate((k: string) => chrome.storage.local.remove(k), SETTINGS_KEY);
    await fromPage(options, [{ type: 'clear-audit' }]);
    await Promise.all([panel.close(), options.close(), audit.close(), ...Object.values(tabs).map((t) => t.close())]);
    span[1] = recorder.events.length;
  });

  it('no request comes from the extension while that note is typed, judged, dismissed, exported and signed', () => {
    expect(span[1]).toBeGreaterThan(span[0]);
    const events = recorder.events.slice(span[0], span[1]);
    expect(
      offences(events, session.baseUrl, extOrigin).map((e) => `${e.kind} from ${e.from}: ${e.url} ${e.text ?? ''}`),
    ).toEqual([]);
    // The recorder watched: the three screens' own loading is in the window.
    const paths = events.filter((e) => e.kind === 'request').map((e) => e.url);
    for (const path of ['/ema/app.js', '/athena/encounter.js', '/ecw/mobiledoc/jsp/webemr/claim.js'])
      expect(
        paths.some((u) => u.endsWith(path)),
        path,
      ).toBe(true);
  });
});

describe('no network', () => {
  it('while the extension works on the demo screens and its pages, no request comes from it (whole file, every target recorded)', async () => {
    // Its own round of work too, so this test stands alone: faulty and clean cases on both screens, an edit, every page.
    const ehr = await recorder.newPage();
    await ehr.setViewport({ width: 1400, height: 900 });
    for (const screen of SCREENS) {
      for (const id of ['ex06', 'ex26', 'ex46']) await openCase(ehr, screen, id);
      const frame = await openCase(ehr, screen, 'ex44', ['lesions-lumped@0']);
      await typeInto(frame, screen.lesions(0), '1');
      await screen.commit(frame);
      await waitForWarnings(frame, [], 15_000);
      await ehr.goto(screen.url(session.baseUrl, 'ex04'));
      await screen.frame(ehr, 'ex04');
    }
    await openCase(ehr, ATHENA, 'ex10');
    const tabId = await tabIdOf(session, ehr);
    for (const path of [`popup.html?tab=${tabId}`, `sidepanel.html?tab=${tabId}`, 'options.html']) {
      const page = await openExtensionPage(path);
      await page.waitForSelector(path.startsWith('options') ? '#level-mod25-missing' : '.counts');
      await page.close();
    }

    const all = recorder.events.filter((_, i) => i < canaries[0] || i >= canaries[1]);
    expect(
      offences(all, session.baseUrl, extOrigin).map(
        (e) =>
          `${e.kind} from ${e.from} (${e.targetType}): ${e.url} ${e.text ?? ''} [${e.initiator}${e.stack.length ? ` ${e.stack.slice(0, 3).join(' < ')}` : ''}]`,
      ),
    ).toEqual([]);
    // The recorder really watched: the demo screens' own requests, the extension's pages loading their files, and the worker.
    const requests = all.filter((e) => e.kind === 'request');
    expect(requests.filter((e) => e.url.startsWith(`${session.baseUrl}/`)).length).toBeGreaterThan(50);
    expect(
      requests.filter((e) => e.url.startsWith(`${extOrigin}/`) && e.from.startsWith(`${extOrigin}/`)).length,
    ).toBeGreaterThan(10);
    expect(recorder.workers.size).toBeGreaterThan(0);
    await ehr.close();
  });
});

declare const chrome: {
  runtime: {
    sendMessage(...args: unknown[]): Promise<unknown>;
    connect(
      id: string,
      info: { name: string },
    ): { onDisconnect: { addListener(f: () => void): void }; postMessage(m: unknown): void };
    lastError?: { message?: string };
    getManifest(): object;
  };
  scripting: {
    executeScript(i: {
      target: { tabId: number };
      world?: string;
      args?: unknown[];
      func: (...a: never[]) => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { remove(k: string): Promise<void> } };
};
