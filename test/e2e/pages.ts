/**
 * The extension's own pages as the end-to-end tests drive them: finding a
 * tab's id, opening the side panel / popup / options page in a tab, clicking
 * by visible text, reading the review list, downloads into a temp folder,
 * and stopping the service worker as Chrome does when it is idle.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { Session } from './harness';

/** The browser tab id of the tab showing this page (asked of the worker, as the extension sees tabs). */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  const url = page.url();
  const worker = await session.worker();
  const id = await worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url.slice(0, 120)}`);
  return id;
}

/** Opens one of the extension's pages (popup.html?tab=…, sidepanel.html?tab=…, options.html#audit…) in a new tab. */
export async function openExtensionPage(
  session: Session,
  path: string,
  viewport = { width: 420, height: 900 },
): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport(viewport);
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** The button (or link-styled button) whose visible text is exactly `text`, inside `scope` if given. */
export async function buttonByText(
  where: Page | Frame | ElementHandle,
  text: string,
  timeout = 10_000,
): Promise<ElementHandle<HTMLButtonElement>> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const buttons = await where.$$('button');
    for (const b of buttons) {
      const t = await b.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).catch(() => '');
      if (t === text) return b;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no button “${text}”`);
}

export async function clickButton(where: Page | Frame | ElementHandle, text: string): Promise<void> {
  await (await buttonByText(where, text)).click();
}

/** Visible text of the first element matching `selector` ('' when there is none). */
export async function textOf(where: Page | Frame, selector: string): Promise<string> {
  return where.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).catch(() => '');
}

export interface PanelView {
  counts: Record<string, number>;
  /** Line heading ("Line 3 11102") → rules of its findings, in the order shown, dismissed ones marked '(dismissed)'. */
  groups: { head: string; rules: string[] }[];
  empty: string;
}

/** What the review list (side panel) shows now. */
export async function readPanel(page: Page): Promise<PanelView> {
  return page.evaluate(() => {
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const counts: Record<string, number> = {};
    for (const li of document.querySelectorAll('.counts li'))
      counts[clean(li.querySelector('.what')?.textContent)] = Number(clean(li.querySelector('.n')?.textContent));
    const groups = [...document.querySelectorAll('section.line-group')].map((g) => ({
      head:
        clean(g.querySelector('.line-head')?.firstElementChild?.textContent) +
        (g.querySelector('.line-head .code') ? ` ${clean(g.querySelector('.line-head .code')?.textContent)}` : ''),
      rules: [...g.querySelectorAll('article.finding')].map(
        (a) =>
          clean(a.querySelector('.rule-id code')?.textContent) +
          (a.classList.contains('is-dismissed') ? ' (dismissed)' : ''),
      ),
    }));
    return { counts, groups, empty: clean(document.querySelector('.panel-body .empty')?.textContent) };
  });
}

/** The review list's card of a rule (the first one of that rule). */
export async function findingCard(page: Page, rule: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (r: string) =>
      [...document.querySelectorAll('article.finding')].find(
        (a) => a.querySelector('.rule-id code')?.textContent === r,
      ),
    { timeout },
    rule,
  );
  return handle as ElementHandle<Element>;
}

/** Downloads of every page of the browser go to a fresh temp folder, which is returned. */
export async function downloadsTo(session: Session): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-downloads-'));
  const cdp = await session.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  return dir;
}

/** Waits for a finished download whose name matches, and returns its text. */
export async function downloaded(dir: string, name: RegExp, timeout = 15_000): Promise<{ file: string; text: string }> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const file = existsSync(dir) ? readdirSync(dir).find((f) => name.test(f) && !f.endsWith('.crdownload')) : undefined;
    if (file) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (text.length) return { file: join(dir, file), text };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download matching ${name} in ${dir} (saw ${readdirSync(dir).join(', ') || 'nothing'})`);
}

/**
 * Stops the service worker as Chrome does when it is idle, and waits until
 * its target is gone; the next message or page load starts a fresh one.
 */
export async function stopWorker(session: Session): Promise<void> {
  const isWorker = (t: { type(): string; url(): string }) =>
    t.type() === 'service_worker' && t.url().endsWith('/background.js');
  await (await session.worker()).close();
  const start = Date.now();
  while (session.browser.targets().some(isWorker)) {
    if (Date.now() - start > 15_000) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 50));
  }
}

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};
