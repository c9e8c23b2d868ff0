/**
 * The EHR page cannot forge or read what dermlint paints. Its own script (the
 * main world) finds no shadow root on dermlint's warnings, status note or
 * sign-off prompt (they are closed); a click or key its script dispatches is
 * not trusted, and dermlint acts on trusted events only: a synthetic click on
 * Finalize opens no prompt, and nothing the page's script does answers "Sign
 * anyway" — no audit record. A person's real clicks still work. (The worker
 * also keeps at most 3 sign-anyway records per encounter a minute: unit test.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launch, POLL, waitForWarnings, type Session } from './harness';
import { onFreshElement, SCREENS, settle, type Screen } from './screens';
import { openExtensionPage } from './pages';

let session: Session;
let page: Page;
let options: Page;

beforeAll(async () => {
  session = await launch();
  page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  options = await openExtensionPage(session, 'options.html');
});
afterAll(async () => session?.close());

/** The audit log's sign-off records, as the options page gets them from the worker. */
async function signoffRecords(): Promise<number> {
  return options.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'audit' })) as { dismissals?: { rule: string }[] };
    return (reply.dismissals ?? []).filter((d) => d.rule === 'signoff').length;
  });
}

async function open(screen: Screen, id: string): Promise<Frame> {
  await page.bringToFront();
  await page.goto(screen.url(session.baseUrl, id));
  const frame = await screen.frame(page, id);
  await waitForWarnings(frame, ['mod25-missing@0'], 15_000);
  return frame;
}

/** Everything the page's own script can try against the prompt, from the main world. */
async function pageTriesToSignAnyway(frame: Frame): Promise<string[]> {
  return frame.evaluate(async () => {
    const tried: string[] = [];
    for (const host of Array.from(document.querySelectorAll('dermlint-signoff'))) {
      tried.push(`shadowRoot: ${host.shadowRoot === null ? 'null' : 'open'}`);
      host.shadowRoot?.querySelector<HTMLButtonElement>('button.anyway')?.click();
      (host as HTMLElement).click();
      for (const key of ['Enter', ' ', 'Tab']) {
        host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      }
      // Clicks at every point of the prompt reach the host from the page's side only.
      const r = host.getBoundingClientRect();
      for (let x = r.left + 2; x < r.right; x += 8) {
        for (let y = r.top + 2; y < r.bottom; y += 8)
          document
            .elementFromPoint(x, y)
            ?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    return tried;
  });
}

describe.each(SCREENS.map((s) => [s.name, s] as const))('%s screen', (_name, screen) => {
  it('the page’s script finds no shadow root on dermlint’s warnings (closed), and cannot open one', async () => {
    const frame = await open(screen, 'ex01');
    const seen = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('dermlint-warning, dermlint-status')).map((h) => ({
        tag: h.tagName.toLowerCase(),
        rule: h.getAttribute('data-dermlint-rule'),
        shadowRoot: h.shadowRoot === null ? 'null' : 'reachable',
        inside: h.querySelectorAll('*').length,
      })),
    );
    expect(seen).toEqual([{ tag: 'dermlint-warning', rule: 'mod25-missing', shadowRoot: 'null', inside: 0 }]);
    // The host is still labelled for tests and assistive technology, and a person can open it.
    await frame.evaluate(() => {
      const host = document.querySelector('dermlint-warning')!;
      (host as HTMLElement).click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    const host = await frame.$('dermlint-warning');
    const pill = await host!.$('aria/[role="button"]');
    expect(pill, 'the pill is in the accessibility tree').not.toBeNull();
    expect(await pill!.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('false');
    await pill!.click();
    await expect.poll(() => pill!.evaluate((b) => b.getAttribute('aria-expanded')), POLL).toBe('true');
  });

  it('a click on the sign control by the page’s own script opens no prompt and records nothing', async () => {
    const before = await signoffRecords();
    const frame = await open(screen, 'ex01');
    await frame.evaluate((sel: string) => (document.querySelector(sel) as HTMLElement).click(), screen.signControl);
    await settle(frame);
    expect(await frame.$('dermlint-signoff')).toBeNull();
    expect(await pageTriesToSignAnyway(frame)).toEqual([]);
    expect(await signoffRecords()).toBe(before);
  });

  it('when a person opened the prompt, nothing the page’s script does signs anyway; the person’s own click does, once', async () => {
    const before = await signoffRecords();
    const frame = await open(screen, 'ex01');
    await onFreshElement(frame, screen.signControl, (control) => control.click());
    await frame.waitForSelector('dermlint-signoff', { timeout: 10_000 });
    expect(await pageTriesToSignAnyway(frame)).toEqual(['shadowRoot: null']);
    expect(await frame.$('dermlint-signoff')).not.toBeNull();
    expect(await signoffRecords()).toBe(before);
    // The person: a real click on "Sign anyway" (found in the accessibility tree).
    const anyway = await frame.waitForSelector('aria/Sign anyway[role="button"]', { timeout: 10_000 });
    await anyway!.click();
    await expect.poll(() => frame.$('dermlint-signoff'), POLL).toBeNull();
    await expect.poll(() => signoffRecords(), POLL).toBe(before + 1);
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
