/**
 * End-to-end harness: Debian's Chromium with the built extension loaded,
 * headless, no network, a fresh profile; the demo EHR server on localhost.
 */
import puppeteer, { type Browser, type Page, type WebWorker, type Frame } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { startDemoServer } from '../../scripts/serve-demo';
import { CHROMIUM, HEADLESS_FLAGS } from '../support/chromium';

/** The store build (`npm run build`): what ships. test/e2e/build.test.ts checks it. */
export const STORE_EXTENSION_DIR = resolve('.output/chrome-mv3');
/** The demo/test build (`npm run build:demo`): the store build plus the local demo server's hosts. The browser tests load it. */
export const DEMO_EXTENSION_DIR = resolve('.output/chrome-mv3-demo');
export { CHROMIUM } from '../support/chromium';

/**
 * Options for `expect.poll` in these tests. Its default (1 s, and a read still running at the deadline
 * fails the assertion) is too short on a loaded 2-core CI machine, where one read of the badge through
 * the worker can take most of a second. The assertion is the same; it is only given time.
 */
export const POLL = { timeout: 10_000, interval: 50 } as const;

export interface Session {
  browser: Browser;
  baseUrl: string;
  extensionId: string;
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  if (!existsSync(join(DEMO_EXTENSION_DIR, 'manifest.json')))
    throw new Error('No demo build of the extension: run `npm run build:demo` (wxt build --mode demo) first.');
  const { server, url } = await startDemoServer(0);
  const profile = mkdtempSync(join(tmpdir(), 'dermlint-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    enableExtensions: true,
    args: [
      ...HEADLESS_FLAGS,
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${DEMO_EXTENSION_DIR}`,
      `--load-extension=${DEMO_EXTENSION_DIR}`,
    ],
  });
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
    { timeout: 90_000 },
  );
  const extensionId = new URL(target.url()).host;
  return {
    browser,
    baseUrl: url,
    extensionId,
    async worker() {
      const t = await browser.waitForTarget(
        (x) => x.type() === 'service_worker' && x.url().endsWith('/background.js'),
        { timeout: 90_000 },
      );
      return (await t.worker())!;
    },
    async close() {
      await browser.close().catch(() => {});
      await new Promise<void>((done) => (server as Server).close(() => done()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The badge text of the tab showing this page. */
export async function badgeOf(session: Session, page: Page): Promise<string> {
  const worker = await session.worker();
  const url = page.url();
  return worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u) ?? tabs.find((t) => t.active);
    return chrome.action.getBadgeText({ tabId: tab!.id! });
  }, url);
}

/**
 * Waits until the worker has judged an encounter for the tab showing this page at or after `since`
 * (Date.now() before the navigation), as it records in its tab state (`codes`: the encounter's line
 * codes, when the test knows them, so that only that encounter counts). A test that expects nothing
 * painted then checks after the answer, not merely after a pause that a loaded machine may outlast.
 */
export async function judged(
  session: Session,
  page: Page,
  since: number,
  codes?: string[],
  timeout = 15_000,
): Promise<void> {
  const start = Date.now();
  const want = codes?.map((c) => c.trim().toUpperCase()).join(' ');
  let last = '';
  while (Date.now() - start < timeout) {
    const worker = await session.worker();
    const state = await worker
      .evaluate(async (u: string) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url === u) ?? tabs.find((t) => t.active);
        const key = `tab:${tab!.id!}`;
        return ((await chrome.storage.session.get(key))[key] ?? null) as {
          status?: string;
          lines?: { code: string }[];
          updatedAt?: string;
        } | null;
      }, page.url())
      .catch(() => null);
    const seen = {
      status: state?.status,
      codes: state?.lines?.map((l) => l.code.trim().toUpperCase()).join(' '),
      updatedAt: state?.updatedAt,
    };
    last = JSON.stringify(seen);
    if (
      seen.status === 'ok' &&
      Date.parse(seen.updatedAt ?? '') >= since &&
      (want === undefined || seen.codes === want)
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `the worker judged no${want ? ` [${want}]` : ''} encounter on this tab since the test opened it (last state: ${last})`,
  );
}

/** Warnings painted in a frame: [rule, line] pairs of hosts. */
export async function warningsIn(frame: Frame | Page): Promise<string[]> {
  return frame.$$eval('dermlint-warning', (hosts) =>
    hosts.map((h) => `${h.getAttribute('data-dermlint-rule')}@${h.getAttribute('data-dermlint-line')}`).sort(),
  );
}

/** Waits until the frame's painted warnings equal `expected` (sorted rule@line), or times out with what it saw. */
export async function waitForWarnings(frame: Frame | Page, expected: string[], timeout = 10_000): Promise<void> {
  const want = [...expected].sort();
  const start = Date.now();
  let last: string[] = [];
  while (Date.now() - start < timeout) {
    last = await warningsIn(frame).catch(() => []);
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`warnings: expected ${JSON.stringify(want)}, saw ${JSON.stringify(last)}`);
}

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};
