/**
 * A coder's workflow with the real extension in Chromium, on the demo EHR
 * screens: the side panel's review list (every finding, grouped by line, with
 * counts, a filter, and "show on screen"), dismissing a finding with a reason
 * (gone inline and from the badge, kept across a reload and a service-worker
 * restart, in the audit log and its CSV, undone), the sign-off prompt, rule
 * levels and presets from the options page reaching an open tab, a field map
 * for the eClinicalWorks-style screen, settings export / import, and the popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { badgeOf, launch, waitForWarnings, warningsIn, type Session } from './harness';
import { SCREENS, type Screen } from './screens';
import {
  buttonByText, clickButton, downloaded, downloadsTo, findingCard, openExtensionPage, readPanel, stopWorker, tabIdOf, textOf,
} from './pages';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';

const cases: { encounter: Encounter }[] = JSON.parse(readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'));
const example = (id: string) => cases.find((c) => c.encounter.id === id)!.encounter;

/**
 * One encounter with a finding of each severity on two lines (line 2 clean):
 * 99213-25 for the same problem as 17000 (needs review, line 1), and a shave
 * biopsy of 3 lesions on one unit (error) billed with 17000 without XS (warning), line 3.
 */
const MIXED: Encounter = {
  id: 'mixed-1',
  dateOfService: '2026-03-10',
  payer: { kind: 'commercial', name: 'UnitedHealthcare Choice Plus' },
  diagnoses: [
    { code: 'L57.0', description: 'Actinic keratosis' },
    { code: 'D48.5', description: 'Neoplasm of uncertain behavior of skin' },
  ],
  lines: [
    { code: '99213', modifiers: ['25'], dx: [1], description: 'Established patient visit, low complexity' },
    { code: '17000', dx: [1], site: 'left temple', lesions: 1, description: 'Destruction of premalignant lesion (cryo), first' },
    { code: '11102', units: 1, lesions: 3, dx: [2], site: 'left upper back', description: 'Tangential (shave) biopsy, first lesion' },
  ],
} as Encounter;

const EMA = SCREENS.find((s) => s.name === 'ema')!;
const ATHENA = SCREENS.find((s) => s.name === 'athena')!;

/** A screen's URL for an encounter given as JSON (the demo screens take ?encounter=), and its ready key. */
function customUrl(screen: Screen, base: string, encounter: Encounter): string {
  const json = encodeURIComponent(JSON.stringify(encounter));
  return screen.name === 'ema'
    ? `${base}/ema/web/practice/staff#/practice/staff/patient/4999/visit?encounter=${json}`
    : `${base}/195900/1/globalframeset.esp?MAIN=${encodeURIComponent(`/195900/1/encounter.esp?encounter=${json}`)}`;
}

/** The row of a line on a screen (the element its units input sits in). */
async function rowBox(frame: Frame, screen: Screen, line: number) {
  return frame.$eval(screen.units(line), (input) => {
    const r = input.closest('tr')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, innerHeight: window.innerHeight };
  });
}

let session: Session;
let ehr: Page;
let downloads: string;

beforeAll(async () => {
  session = await launch();
  downloads = await downloadsTo(session);
  ehr = await session.browser.newPage();
  await ehr.setViewport({ width: 1280, height: 800 });
});
afterAll(async () => session?.close());

/** Back to the default settings and an empty audit log, as the worker stores them (test set-up, not under test). */
async function resetExtension() {
  const worker = await session.worker();
  await worker.evaluate(async () => {
    await chrome.storage.local.clear();
    await new Promise<void>((done) => {
      const req = indexedDB.open('dermlint');
      // No database yet: leave it to the extension to create (with its stores).
      req.onupgradeneeded = () => req.transaction!.abort();
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('dismissals')) return (db.close(), done());
        const tx = db.transaction('dismissals', 'readwrite');
        tx.objectStore('dismissals').clear();
        tx.oncomplete = () => (db.close(), done());
      };
      req.onerror = () => done();
    });
  });
}

async function openOnScreen(screen: Screen, url: string, readyKey: string): Promise<Frame> {
  await ehr.goto(url);
  return screen.frame(ehr, readyKey);
}

describe('side panel review list', () => {
  let panel: Page;
  afterAll(async () => panel?.close());

  it('lists every finding of the open encounter (needs review too), grouped by line, with counts', async () => {
    await resetExtension();
    const frame = await openOnScreen(EMA, customUrl(EMA, session.baseUrl, MIXED), 'custom');
    // Inline: the error and the warning; the needs-review finding lives in the review list only.
    await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
    const tabId = await tabIdOf(session, ehr);
    panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`);
    await expect.poll(() => readPanel(panel), { timeout: 10_000 }).toEqual({
      counts: { Errors: 1, Warnings: 1, 'Needs review': 1, Dismissed: 0 },
      groups: [
        { head: 'Line 1 99213', rules: ['mod25-unsupported'] },
        { head: 'Line 3 11102', rules: ['lesions-lumped', 'biopsy-bundled'] },
      ],
      empty: '',
    });
    // Each card says what is wrong and how to fix it, in the engine's words.
    const engine = run(MIXED);
    const card = await findingCard(panel, 'lesions-lumped');
    const text = await card.evaluate((a) => a.textContent ?? '');
    const lumped = engine.find((f) => f.rule === 'lesions-lumped')!;
    expect(text).toContain(lumped.message);
    expect(text).toContain(lumped.fix!);
    expect(text).toMatch(/Coding error/);
    expect(await textOf(panel, '.panel-body p.small.muted')).toBe('Nothing found on line 2 (17000).');
  });

  it('the filter shows errors, warnings or dismissed findings only', async () => {
    const choose = async (value: string) => (await panel.$(`input[name="review-filter"][value="${value}"]`))!.click();
    await choose('error');
    await expect.poll(async () => (await readPanel(panel)).groups).toEqual([{ head: 'Line 3 11102', rules: ['lesions-lumped'] }]);
    await choose('warning');
    await expect.poll(async () => (await readPanel(panel)).groups).toEqual([{ head: 'Line 3 11102', rules: ['biopsy-bundled'] }]);
    await choose('info');
    await expect.poll(async () => (await readPanel(panel)).groups).toEqual([{ head: 'Line 1 99213', rules: ['mod25-unsupported'] }]);
    await choose('dismissed');
    await expect.poll(async () => (await readPanel(panel)).groups).toEqual([]);
    expect((await readPanel(panel)).empty).toMatch(/^No dismissed findings/);
    // The filter's own counts.
    const labels = await panel.$$eval('.segmented label', (ls) => ls.map((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(labels).toEqual(['All 3', 'Errors 1', 'Warnings 1', 'Needs review 1', 'Dismissed 0']);
    await choose('all');
    await expect.poll(async () => (await readPanel(panel)).groups.length).toBe(2);
  });

  for (const screen of [EMA, ATHENA]) {
    it(`${screen.name}: clicking a finding scrolls the screen to its line and highlights it`, async () => {
      const frame = await openOnScreen(screen, customUrl(screen, session.baseUrl, MIXED), 'custom');
      await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
      const tabId = await tabIdOf(session, ehr);
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
      // A short window, scrolled to the top, so that showing line 3 has to scroll.
      await ehr.setViewport({ width: 1280, height: 250 });
      await frame.evaluate(() => window.scrollTo(0, 0));
      const before = await rowBox(frame, screen, 2);
      expect(before.top >= before.innerHeight, `line 3 should start below the window (${JSON.stringify(before)})`).toBe(true);

      const card = await findingCard(panel, 'lesions-lumped');
      await (await card.$('button.reveal'))!.click();
      const highlight = await frame.waitForSelector('dermlint-highlight', { timeout: 10_000 });
      const row = await rowBox(frame, screen, 2);
      expect(row.top >= 0 && row.bottom <= row.innerHeight, `line 3 in view (${JSON.stringify(row)})`).toBe(true);
      // The outline sits around line 3's row.
      const box = await highlight!.evaluate((h) => {
        const r = h.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      expect(box.top).toBeLessThanOrEqual(row.top + 1);
      expect(box.bottom).toBeGreaterThanOrEqual(row.bottom - 1);
      expect(box.bottom - box.top).toBeLessThan(3 * (row.bottom - row.top));
      expect(await textOf(panel, 'p.status')).toBe('Showing line 3 on the screen.');
      await ehr.setViewport({ width: 1280, height: 800 });
    });
  }
});

describe('dismissing a finding with a reason', () => {
  let panel: Page;
  let options: Page | undefined;
  afterAll(async () => {
    await panel?.close();
    await options?.close();
  });

  it('removes the inline warning and the badge count; kept after a reload and a worker restart; undo brings it back', async () => {
    await resetExtension();
    let frame = await openOnScreen(EMA, customUrl(EMA, session.baseUrl, MIXED), 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
    await expect.poll(() => badgeOf(session, ehr)).toBe('1');
    const tabId = await tabIdOf(session, ehr);
    panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`);

    // Dismiss… → a reason → Dismiss.
    let card = await findingCard(panel, 'lesions-lumped');
    await (await buttonByText(card, 'Dismiss…')).click();
    const form = await card.waitForSelector('form.dismiss-form');
    // Without a reason it asks for one.
    await clickButton(form!, 'Dismiss');
    expect(await form!.$eval('[role="alert"]', (p) => p.textContent)).toBe('Choose a reason.');
    await (await form!.$('input[value="documented-separately"]'))!.click();
    await (await form!.$('textarea'))!.type('path report in the chart');
    await clickButton(form!, 'Dismiss');
    await waitForWarnings(frame, ['biopsy-bundled@2']);
    await expect.poll(() => badgeOf(session, ehr)).toBe('');
    await expect.poll(() => readPanel(panel)).toMatchObject({
      counts: { Errors: 0, Warnings: 1, 'Needs review': 1, Dismissed: 1 },
      groups: [
        { head: 'Line 1 99213', rules: ['mod25-unsupported'] },
        { head: 'Line 3 11102', rules: ['biopsy-bundled', 'lesions-lumped (dismissed)'] },
      ],
    });
    card = await findingCard(panel, 'lesions-lumped');
    expect(await card.evaluate((a) => a.textContent)).toMatch(/Dismissed: Documented separately — “path report in the chart”/);

    // A reload of the EHR page.
    await ehr.reload();
    frame = await EMA.frame(ehr, 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2']);
    await expect.poll(() => badgeOf(session, ehr)).toBe('');

    // The service worker stopped, as Chrome does when idle; the next page load starts a fresh one.
    await stopWorker(session);
    await ehr.reload();
    frame = await EMA.frame(ehr, 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2']);
    await expect.poll(() => badgeOf(session, ehr)).toBe('');
    await panel.reload();
    await (await panel.waitForSelector('input[name="review-filter"][value="dismissed"]'))!.click();
    await expect.poll(() => readPanel(panel)).toMatchObject({
      counts: { Errors: 0, Dismissed: 1 },
      groups: [{ head: 'Line 3 11102', rules: ['lesions-lumped (dismissed)'] }],
    });

    // The audit log lists it: rule, code, reason, when; its CSV export too.
    options = await openExtensionPage(session, 'options.html#audit', { width: 1100, height: 900 });
    const row = await options.waitForFunction(
      () => [...document.querySelectorAll('#audit tbody tr')].find((tr) => tr.querySelector('td code')?.textContent === 'lesions-lumped'),
      { timeout: 10_000 },
    );
    const cells = await row.evaluate((tr) => [...(tr as HTMLElement).querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()));
    expect(cells[1]).toBe('lesions-lumped');
    expect(cells[2]).toBe('11102');
    expect(cells[3]).toBe('Documented separately: “path report in the chart”');
    const when = await row.evaluate((tr) => (tr as HTMLElement).querySelector('time')!.getAttribute('datetime')!);
    expect(Date.now() - Date.parse(when)).toBeLessThan(10 * 60_000);
    await clickButton(options, 'Export CSV');
    const csv = await downloaded(downloads, /^dermlint-audit-.*\.csv$/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('when,rule,code,reason');
    expect(lines).toContain(`${when},lesions-lumped,11102,Documented separately: path report in the chart`);

    // Undo: back inline, on the badge and in the list.
    await panel.bringToFront();
    await (await panel.$('input[name="review-filter"][value="all"]'))!.click();
    card = await findingCard(panel, 'lesions-lumped');
    await clickButton(card, 'Undo dismissal');
    await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
    await expect.poll(() => badgeOf(session, ehr)).toBe('1');
    await expect.poll(async () => (await readPanel(panel)).counts).toEqual({ Errors: 1, Warnings: 1, 'Needs review': 1, Dismissed: 0 });
  });
});

declare const chrome: {
  storage: { local: { clear(): Promise<void> } };
};
