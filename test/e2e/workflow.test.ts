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
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { badgeOf, launch, POLL, waitForWarnings, warningsIn, type Session } from './harness';
import { onFreshElement, SCREENS, type Screen } from './screens';
import {
  buttonByText,
  clickButton,
  downloaded,
  downloadsTo,
  findingCard,
  openExtensionPage,
  readPanel,
  stopWorker,
  tabIdOf,
  textOf,
} from './pages';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { exposeShadowRoots } from './shadow';
import { DEMO_PATHS, demoScreenUrl } from '../../adapters/demo-screens';

const cases: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
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
    {
      code: '17000',
      dx: [1],
      site: 'left temple',
      lesions: 1,
      description: 'Destruction of premalignant lesion (cryo), first',
    },
    {
      code: '11102',
      units: 1,
      lesions: 3,
      dx: [2],
      site: 'left upper back',
      description: 'Tangential (shave) biopsy, first lesion',
    },
  ],
};

const EMA = SCREENS.find((s) => s.name === 'ema')!;
const ATHENA = SCREENS.find((s) => s.name === 'athena')!;

/** A screen's URL for an encounter given as JSON (the demo screens take ?encounter=), and its ready key. */
function customUrl(screen: Screen, base: string, encounter: Encounter): string {
  return screen.name === 'ema'
    ? demoScreenUrl.ema(base, { encounter }, 4999)
    : demoScreenUrl.athena(base, { encounter });
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
afterAll(async () => {
  await session?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

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
    await expect
      .poll(() => readPanel(panel), { timeout: 10_000 })
      .toEqual({
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
    await expect
      .poll(async () => (await readPanel(panel)).groups, POLL)
      .toEqual([{ head: 'Line 3 11102', rules: ['lesions-lumped'] }]);
    await choose('warning');
    await expect
      .poll(async () => (await readPanel(panel)).groups, POLL)
      .toEqual([{ head: 'Line 3 11102', rules: ['biopsy-bundled'] }]);
    await choose('info');
    await expect
      .poll(async () => (await readPanel(panel)).groups, POLL)
      .toEqual([{ head: 'Line 1 99213', rules: ['mod25-unsupported'] }]);
    await choose('dismissed');
    await expect.poll(async () => (await readPanel(panel)).groups, POLL).toEqual([]);
    expect((await readPanel(panel)).empty).toMatch(/^No dismissed findings/);
    // The filter's own counts.
    const labels = await panel.$$eval('.segmented label', (ls) =>
      ls.map((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    expect(labels).toEqual(['All 3', 'Errors 1', 'Warnings 1', 'Needs review 1', 'Dismissed 0']);
    await choose('all');
    await expect.poll(async () => (await readPanel(panel)).groups.length, POLL).toBe(2);
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
      expect(before.top >= before.innerHeight, `line 3 should start below the window (${JSON.stringify(before)})`).toBe(
        true,
      );

      const card = await findingCard(panel, 'lesions-lumped');
      await (await card.$('button.reveal'))!.click();
      // The outline (it fades after a moment, so it is measured as soon as it appears), and line 3's row then.
      const seen = await frame.waitForFunction(
        (units: string) => {
          const h = document.querySelector('dermlint-highlight');
          if (!h) return null;
          const r = h.getBoundingClientRect();
          const row = document.querySelector(units)!.closest('tr')!.getBoundingClientRect();
          return {
            box: { top: r.top, bottom: r.bottom },
            row: { top: row.top, bottom: row.bottom },
            innerHeight: window.innerHeight,
          };
        },
        { timeout: 10_000, polling: 'mutation' },
        screen.units(2),
      );
      const { box, row, innerHeight } = (await seen.jsonValue())!;
      expect(row.top >= 0 && row.bottom <= innerHeight, `line 3 in view (${JSON.stringify(row)})`).toBe(true);
      // The outline sits around line 3's row, and only it.
      expect(box.top).toBeLessThanOrEqual(row.top + 1);
      expect(box.bottom).toBeGreaterThanOrEqual(row.bottom - 1);
      expect(box.bottom - box.top).toBeLessThan(3 * (row.bottom - row.top));
      await expect.poll(() => textOf(panel, 'p.status'), POLL).toBe('Showing line 3 on the screen.');
      // The line's warnings (in dermlint's own layer) are shown beside it, in the window, the first with its card open.
      const shown = async () => {
        await exposeShadowRoots(frame);
        return frame.evaluate(() => {
          const hosts = Array.from(
            document.querySelectorAll('dermlint-layer > dermlint-warning[data-dermlint-line="2"]'),
          );
          const inView = hosts.every((h) => {
            const pill = h.shadowRoot!.querySelector('.pill')!.getBoundingClientRect();
            return getComputedStyle(h).opacity !== '0' && pill.top >= 0 && pill.bottom <= window.innerHeight;
          });
          return hosts.length === 2 && inView && hosts.some((h) => h.shadowRoot!.querySelector('.card'));
        });
      };
      await expect.poll(shown, POLL).toBe(true);
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
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('1');
    const tabId = await tabIdOf(session, ehr);
    panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`);

    // Dismiss… → a reason → Dismiss.
    let card = await findingCard(panel, 'lesions-lumped');
    await (await buttonByText(card, 'Dismiss…')).click();
    const form = await card.waitForSelector('form.dismiss-form');
    // Without a reason it asks for one.
    await clickButton(form!, 'Dismiss');
    await expect.poll(() => form!.$eval('[role="alert"]', (p) => p.textContent), POLL).toBe('Choose a reason.');
    await (await form!.$('input[value="documented-separately"]'))!.click();
    await (await form!.$('textarea'))!.type('path report in the chart');
    await clickButton(form!, 'Dismiss');
    await waitForWarnings(frame, ['biopsy-bundled@2']);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('');
    await expect
      .poll(() => readPanel(panel), POLL)
      .toMatchObject({
        counts: { Errors: 0, Warnings: 1, 'Needs review': 1, Dismissed: 1 },
        groups: [
          { head: 'Line 1 99213', rules: ['mod25-unsupported'] },
          { head: 'Line 3 11102', rules: ['biopsy-bundled', 'lesions-lumped (dismissed)'] },
        ],
      });
    card = await findingCard(panel, 'lesions-lumped');
    expect(await card.evaluate((a) => a.textContent)).toMatch(
      /Dismissed: Documented separately — “path report in the chart”/,
    );

    // A reload of the EHR page.
    await ehr.reload();
    frame = await EMA.frame(ehr, 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2']);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('');

    // The service worker stopped, as Chrome does when idle; the next page load starts a fresh one.
    await stopWorker(session);
    await ehr.reload();
    frame = await EMA.frame(ehr, 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2']);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('');
    await panel.reload();
    await (await panel.waitForSelector('input[name="review-filter"][value="dismissed"]'))!.click();
    await expect
      .poll(() => readPanel(panel), POLL)
      .toMatchObject({
        counts: { Errors: 0, Dismissed: 1 },
        groups: [{ head: 'Line 3 11102', rules: ['lesions-lumped (dismissed)'] }],
      });

    // The audit log lists it: rule, code, reason, when; its CSV export too.
    options = await openExtensionPage(session, 'options.html#audit', { width: 1100, height: 900 });
    const row = (await options.waitForFunction(
      () =>
        [...document.querySelectorAll('#audit tbody tr')].find(
          (tr) => tr.querySelector('td code')?.textContent === 'lesions-lumped',
        ),
      { timeout: 10_000 },
    )) as ElementHandle<Element>;
    const cells = await row.evaluate((tr) =>
      [...(tr as HTMLElement).querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
    );
    expect(cells[1]).toBe('lesions-lumped');
    expect(cells[2]).toBe('11102');
    expect(cells[3]).toBe('Documented separately: “path report in the chart”');
    const when = await row.evaluate((tr) => (tr as HTMLElement).querySelector('time')!.getAttribute('datetime')!);
    expect(Date.now() - Date.parse(when)).toBeLessThan(10 * 60_000);
    await clickButton(options, 'Export CSV');
    const csv = await downloaded(downloads, /^dermlint-audit-.*\.csv$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('when,rule,code,reason,undone');
    expect(lines).toContain(`${when},lesions-lumped,11102,Documented separately: path report in the chart,`);

    // Undo: back inline, on the badge and in the list.
    await panel.bringToFront();
    await (await panel.$('input[name="review-filter"][value="all"]'))!.click();
    card = await findingCard(panel, 'lesions-lumped');
    await clickButton(card, 'Undo dismissal');
    await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('1');
    await expect
      .poll(async () => (await readPanel(panel)).counts, POLL)
      .toEqual({ Errors: 1, Warnings: 1, 'Needs review': 1, Dismissed: 0 });

    // The audit log keeps the overridden-then-undone entry: a compliance officer sees the whole history.
    const audit = options;
    await audit.bringToFront();
    await audit.reload();
    await expect
      .poll(
        async () =>
          audit.$$eval(
            '#audit tbody tr',
            (rows) =>
              rows.map((r) => r.textContent ?? '').filter((t) => t.includes('lesions-lumped') && t.includes('undone'))
                .length,
          ),
        { timeout: 10_000 },
      )
      .toBe(1);
  });
});

/** The options page's corner note after a change (it fades after a few seconds: watched by mutation, not by frame). */
async function savedNote(options: Page, text: RegExp): Promise<void> {
  await options.waitForFunction(
    (source: string) => new RegExp(source).test(document.querySelector('.save-status')?.textContent ?? ''),
    { polling: 'mutation', timeout: 10_000 },
    text.source,
  );
}

/** The sign-off prompt's text in a frame ('' when there is none). */
async function promptText(frame: Frame): Promise<string> {
  await exposeShadowRoots(frame);
  return frame.$$eval('dermlint-signoff', (hosts) =>
    hosts
      .map((h) =>
        ((h.shadowRoot?.querySelector('.signoff') as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim(),
      )
      .join(' | '),
  );
}

/** What the EHR did with its sign control: EMA opens its Finalize dialog; athena's button turns into "Signed Off". */
async function signedState(frame: Frame, screen: Screen): Promise<string> {
  return screen.name === 'ema'
    ? frame.evaluate(() =>
        document.querySelector('modal-container[role="dialog"] .modal-title')
          ? 'finalize dialog'
          : document.querySelector('[data-identifier="finalize-note"]')
            ? 'not signed'
            : 'finalized',
      )
    : frame.$eval('button[name="SIGNOFF"]', (b) => (b.textContent === 'Signed Off' ? 'signed off' : 'not signed'));
}
const SIGNED = { ema: 'finalize dialog', athena: 'signed off' } as const;

describe('sign-off prompt', () => {
  for (const screen of [EMA, ATHENA]) {
    it(`${screen.name}: signing with an error remaining asks first; “Sign anyway” goes through at once and is recorded`, async () => {
      await resetExtension();
      await ehr.bringToFront();
      const frame = await openOnScreen(screen, screen.url(session.baseUrl, 'ex01'), 'ex01');
      await waitForWarnings(frame, ['mod25-missing@0']);
      await onFreshElement(frame, screen.signControl, (control) => control.click());
      await frame.waitForSelector('dermlint-signoff', { timeout: 10_000 });
      expect(await promptText(frame)).toMatch(/^✖ 1 coding error remains\. Review Sign anyway$/);
      // All of it on screen, below the sign control.
      await exposeShadowRoots(frame);
      const placement = await frame.evaluate((sel: string) => {
        const prompt = document
          .querySelector('dermlint-signoff')!
          .shadowRoot!.querySelector('.signoff')!
          .getBoundingClientRect();
        const control = document.querySelector(sel)!.getBoundingClientRect();
        return {
          left: prompt.left,
          right: prompt.right,
          top: prompt.top,
          width: document.documentElement.clientWidth,
          controlBottom: control.bottom,
        };
      }, screen.signControl);
      expect(placement.left, JSON.stringify(placement)).toBeGreaterThanOrEqual(0);
      expect(placement.right, JSON.stringify(placement)).toBeLessThanOrEqual(placement.width);
      expect(placement.top, JSON.stringify(placement)).toBeGreaterThanOrEqual(placement.controlBottom);
      // The click was held: the EHR did nothing yet.
      expect(await signedState(frame, screen)).toBe('not signed');
      await (await frame.waitForSelector('aria/Sign anyway[role="button"]'))!.click();
      await expect.poll(() => signedState(frame, screen), POLL).toBe(SIGNED[screen.name]);
      expect(await frame.$('dermlint-signoff')).toBeNull();
      if (screen.name === 'ema') {
        // Confirming in the EHR's own dialog is not asked about a second time.
        await (await frame.$('[data-identifier="finalize-confirm"]'))!.click();
        await expect.poll(() => signedState(frame, screen), POLL).toBe('finalized');
        expect(await frame.$('dermlint-signoff')).toBeNull();
      }
      // The audit log has the choice.
      const options = await openExtensionPage(session, 'options.html#audit', { width: 1100, height: 900 });
      const row = (await options.waitForFunction(
        () =>
          [...document.querySelectorAll('#audit tbody tr')].find(
            (tr) => tr.querySelector('td code')?.textContent === 'signoff',
          ),
        { timeout: 10_000 },
      )) as ElementHandle<Element>;
      expect(
        await row.evaluate((tr) =>
          [...(tr as HTMLElement).querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()).slice(1),
        ),
      ).toEqual(['signoff', 'encounter', 'Signed with errors remaining (1 error)']);
      expect(
        await options.$$eval('#audit tbody tr td code', (cs) => cs.filter((c) => c.textContent === 'signoff').length),
      ).toBe(1);
      await options.close();
    });
  }

  it('athena re-renders while the prompt is open: “Sign anyway” signs with the sign control on the page now', async () => {
    await resetExtension();
    await ehr.bringToFront();
    const frame = await openOnScreen(ATHENA, ATHENA.url(session.baseUrl, 'ex01'), 'ex01');
    await waitForWarnings(frame, ['mod25-missing@0']);
    await onFreshElement(frame, ATHENA.signControl, (control) => control.click());
    await frame.waitForSelector('dermlint-signoff', { timeout: 10_000 });
    // The EHR replaces its sign button (as its re-render does): the one that was clicked is gone.
    await frame.evaluate((sel: string) => {
      const old = document.querySelector(sel)!;
      old.replaceWith(old.cloneNode(true));
    }, ATHENA.signControl);
    expect(await signedState(frame, ATHENA)).toBe('not signed');
    await (await frame.waitForSelector('aria/Sign anyway[role="button"]'))!.click();
    await expect.poll(() => signedState(frame, ATHENA), POLL).toBe('signed off');
  });

  it('with no errors left the sign click goes straight through, no prompt', async () => {
    await ehr.bringToFront();
    const frame = await openOnScreen(EMA, EMA.url(session.baseUrl, 'ex01'), 'ex01');
    await waitForWarnings(frame, ['mod25-missing@0']);
    // The coder fixes the line, then signs.
    await EMA.addModifier(frame, 0, '25');
    await EMA.commit(frame);
    await waitForWarnings(frame, []);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('');
    await onFreshElement(frame, EMA.signControl, (control) => control.click());
    await expect.poll(() => signedState(frame, EMA), POLL).toBe('finalize dialog');
    expect(await frame.$('dermlint-signoff')).toBeNull();

    // athena, a clean example.
    const athena = await openOnScreen(ATHENA, ATHENA.url(session.baseUrl, 'ex05'), 'ex05');
    const tabId = await tabIdOf(session, ehr);
    // Wait until the screen was checked (the review list shows it) before signing.
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`);
    await panel.waitForFunction(() => /Nothing found/.test(document.querySelector('.panel-body')?.textContent ?? ''), {
      timeout: 10_000,
    });
    await panel.close();
    await ehr.bringToFront();
    await onFreshElement(athena, ATHENA.signControl, (control) => control.click());
    await expect.poll(() => signedState(athena, ATHENA), POLL).toBe('signed off');
    expect(await athena.$('dermlint-signoff')).toBeNull();
  });

  it('turned off in the options, the prompt never appears', async () => {
    const options = await openExtensionPage(session, 'options.html#general', { width: 1100, height: 900 });
    const toggle = (await options.waitForFunction(() =>
      [...document.querySelectorAll('label.check')]
        .find((l) => /Ask before sign-off while errors remain/.test(l.textContent ?? ''))
        ?.querySelector('input'),
    )) as ElementHandle<HTMLInputElement>;
    expect(await toggle.evaluate((i) => i.checked)).toBe(true);
    await toggle.click();
    await savedNote(options, /^Saved\.$/);
    expect(await toggle.evaluate((i) => i.checked)).toBe(false);
    await options.close();

    for (const screen of [EMA, ATHENA]) {
      await ehr.bringToFront();
      const frame = await openOnScreen(screen, screen.url(session.baseUrl, 'ex01'), 'ex01');
      await waitForWarnings(frame, ['mod25-missing@0']);
      await expect.poll(() => badgeOf(session, ehr), POLL).toBe('1');
      await onFreshElement(frame, screen.signControl, (control) => control.click());
      await expect.poll(() => signedState(frame, screen), POLL).toBe(SIGNED[screen.name]);
      expect(await frame.$('dermlint-signoff')).toBeNull();
    }
    await resetExtension();
  });
});

describe('options reach open EHR tabs', () => {
  let options: Page;
  afterAll(async () => options?.close());

  it('a rule set to "off" goes quiet on an open tab without reloading it', async () => {
    await resetExtension();
    const frame = await openOnScreen(EMA, EMA.url(session.baseUrl, 'ex44'), 'ex44');
    await waitForWarnings(frame, ['lesions-lumped@0']);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('1');
    const marker = await frame.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    options = await openExtensionPage(session, 'options.html#rules', { width: 1100, height: 900 });
    await options.waitForSelector('#level-lesions-lumped');
    await options.select('#level-lesions-lumped', 'off');
    await savedNote(options, /^lesions-lumped: off\.$/);
    await waitForWarnings(frame, []);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('');
    expect(await frame.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(marker);

    await options.select('#level-lesions-lumped', 'default');
    await waitForWarnings(frame, ['lesions-lumped@0']);
    await expect.poll(() => badgeOf(session, ehr), POLL).toBe('1');
  });

  it('a preset changes several rules at once, and the open tab follows', async () => {
    // ex03: modifier 25 for the same problem, a needs-review finding: not painted inline by default.
    const frame = await openOnScreen(EMA, EMA.url(session.baseUrl, 'ex03'), 'ex03');
    const tabId = await tabIdOf(session, ehr);
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`);
    await expect
      .poll(async () => (await readPanel(panel)).groups, POLL)
      .toEqual([{ head: 'Line 1 99213', rules: ['mod25-unsupported'] }]);
    expect(await warningsIn(frame)).toEqual([]);

    const levels = (ids: string[]) =>
      options.evaluate(
        (xs: string[]) => xs.map((id) => (document.getElementById(`level-${id}`) as HTMLSelectElement).value),
        ids,
      );
    const general = () =>
      options.evaluate(() => ({
        payer: (document.getElementById('default-payer') as HTMLSelectElement).value,
        inline: (
          [...document.querySelectorAll('label.check')]
            .find((l) => /needs-review findings inline/.test(l.textContent ?? ''))!
            .querySelector('input') as HTMLInputElement
        ).checked,
      }));
    const RULES = [
      'abn-missing',
      'abn-modifier-missing',
      'drug-waste-modifier',
      'screening-exam-medicare',
      'mod25-unsupported',
      'mod57-missing',
    ];
    expect(await levels(RULES)).toEqual(['default', 'default', 'default', 'default', 'default', 'default']);

    await options.bringToFront();
    await clickButton(options, 'Apply Medicare-heavy');
    await savedNote(options, /Applied “Medicare-heavy”/);
    expect(await levels(RULES)).toEqual(['error', 'error', 'error', 'error', 'default', 'default']);
    expect(await general()).toEqual({ payer: 'medicare', inline: true });
    // Needs-review findings now show inline on the open tab.
    await waitForWarnings(frame, ['mod25-unsupported@0']);

    await clickButton(options, 'Apply Commercial');
    await savedNote(options, /Applied “Commercial”/);
    expect(await levels(RULES)).toEqual(['error', 'error', 'error', 'error', 'off', 'warning']);
    expect(await general()).toEqual({ payer: 'commercial', inline: false });
    // mod25-unsupported is off: gone from the screen and from the review list.
    await waitForWarnings(frame, []);
    await expect.poll(async () => (await readPanel(panel)).empty, POLL).toMatch(/^Nothing found/);

    // The corner note's Undo puts the previous settings back.
    await clickButton(options, 'Undo');
    await savedNote(options, /^Preset undone\./);
    expect(await levels(RULES)).toEqual(['error', 'error', 'error', 'error', 'default', 'default']);
    await waitForWarnings(frame, ['mod25-unsupported@0']);
    await panel.close();
    await resetExtension();
  });
});

describe('a field map for another EHR (generic adapter)', () => {
  const ecwUrl = (id: string) => demoScreenUrl.ecw(session.baseUrl, { case: id });
  /** What the engine finds on an example, as painted inline (needs review left out). */
  const expected = (id: string) =>
    run(example(id))
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule}@${f.line ?? 'encounter'}`)
      .sort();

  it('the eClinicalWorks-style screen is read once its field map is saved, with the engine’s findings', async () => {
    await resetExtension();
    // Without a field map, neither the EMA nor the athena reader reads this screen.
    let frame = await openOnScreen(EMA, ecwUrl('ex01'), 'ex01');
    await new Promise((r) => setTimeout(r, 1000)); // nothing to wait for: give the content script time to (not) paint
    expect(await warningsIn(frame)).toEqual([]);
    expect(await badgeOf(session, ehr)).toBe('');

    const options = await openExtensionPage(session, 'options.html#fieldmaps', { width: 1100, height: 900 });
    await clickButton(options, 'Start from the eClinicalWorks example');
    const name = await options.waitForSelector('#fm-name');
    expect(await name!.evaluate((i) => (i as HTMLInputElement).value)).toBe('eClinicalWorks claim window');
    expect(await options.$eval('#fm-procedures-rows', (i) => (i as HTMLInputElement).value)).toBe(
      '#cptTable tbody tr[ng-repeat]',
    );
    await clickButton(options, 'Save field map');
    await options.waitForFunction(() =>
      /Saved “eClinicalWorks claim window”/.test(document.querySelector('#fieldmaps p.status')?.textContent ?? ''),
    );
    const listed = await options.$eval('ul.fm-list', (ul) => (ul as HTMLElement).innerText.replace(/\s+/g, ' '));
    expect(listed).toContain('eClinicalWorks claim window');
    expect(listed).toContain('http://localhost/ecw/mobiledoc/jsp/webemr/* Enabled');
    await options.close();

    for (const id of ['ex01', 'ex16', 'ex43']) {
      frame = await openOnScreen(EMA, ecwUrl(id), id);
      await waitForWarnings(frame, expected(id));
      const errors = run(example(id)).filter((f) => f.severity === 'error').length;
      await expect.poll(() => badgeOf(session, ehr), POLL).toBe(errors ? String(errors) : '');
    }
    // And it follows edits: the ex01 fix (modifier 25 on the visit) on this screen (in front: a background tab gets no frames to click in).
    await ehr.bringToFront();
    frame = await openOnScreen(EMA, ecwUrl('ex01'), 'ex01');
    await waitForWarnings(frame, ['mod25-missing@0']);
    await onFreshElement(frame, '#cptTable tbody tr[ng-repeat] input[data-fieldname="ClaimCPTMOD1"]', async (mod) => {
      await mod.click();
      await mod.type('25');
    });
    await ehr.keyboard.press('Tab');
    await waitForWarnings(frame, []);
    await resetExtension();
  });
});

describe('settings export and import', () => {
  let options: Page;
  const importDir = mkdtempSync(join(tmpdir(), 'dermlint-import-'));
  afterAll(async () => {
    rmSync(importDir, { recursive: true, force: true });
    await options?.close();
  });
  const level = (id: string) => options.$eval(`#level-${id}`, (s) => (s as HTMLSelectElement).value);
  const transferMessage = () => textOf(options, '#backup p.status');
  async function importFile(path: string) {
    const [chooser] = await Promise.all([
      options.waitForFileChooser({ timeout: 10_000 }),
      clickButton(options, 'Import settings…'),
    ]);
    await chooser.accept([path]);
  }
  const stored = async () =>
    (await session.worker()).evaluate(async () =>
      JSON.stringify((await chrome.storage.local.get('dermlint:settings'))['dermlint:settings']),
    );

  it('an exported file imported again restores the settings', async () => {
    await resetExtension();
    options = await openExtensionPage(session, 'options.html#backup', { width: 1100, height: 900 });
    await options.waitForSelector('#level-dx-missing');
    await options.select('#level-dx-missing', 'warning');
    await savedNote(options, /^dx-missing: warning\.$/);

    await clickButton(options, 'Export settings…');
    const file = await downloaded(downloads, /^dermlint-settings-.*\.json$/);
    const exported = JSON.parse(file.text);
    expect(exported).toMatchObject({
      dermlint: 'settings',
      version: 1,
      settings: { rules: { 'dx-missing': 'warning' }, signoffPrompt: true },
    });
    expect(await transferMessage()).toBe('Settings exported.');

    await options.select('#level-dx-missing', 'off');
    await expect.poll(() => level('dx-missing'), POLL).toBe('off');
    await savedNote(options, /^dx-missing: off\.$/);

    await importFile(file.file);
    await expect
      .poll(transferMessage, POLL)
      .toMatch(/^Imported dermlint-settings-.*\.json: 1 rule level, 0 hosts, 0 field maps\.$/);
    await expect.poll(() => level('dx-missing'), POLL).toBe('warning');
    expect(JSON.parse(await stored()).rules).toEqual({ 'dx-missing': 'warning' });
  });

  it('a malformed file is refused with a message naming the problem, and changes nothing', async () => {
    const before = await stored();
    const dir = importDir;
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ "rules": { "dx-missing": "off" ');
    await importFile(notJson);
    await expect.poll(transferMessage, POLL).toMatch(/^Nothing changed: not-json\.json: not a JSON file: /);

    const badField = join(dir, 'bad-field.json');
    writeFileSync(badField, JSON.stringify({ rules: { 'mod25-missing': 'loud' } }));
    await importFile(badField);
    await expect
      .poll(transferMessage, POLL)
      .toBe('Nothing changed: bad-field.json: rules.mod25-missing: expected one of off, default, info, warning, error');
    expect(await options.$eval('#backup p.status', (p) => p.className)).toContain('bad');

    expect(await level('dx-missing')).toBe('warning');
    expect(await level('mod25-missing')).toBe('default');
    expect(await stored()).toBe(before);
  });

  it('a file above 1 MB is refused before it is read, even a valid one', async () => {
    if (!options) {
      await resetExtension();
      options = await openExtensionPage(session, 'options.html#backup', { width: 1100, height: 900 });
      // Run on its own (-t): the state the tests before it leave.
      await options.waitForSelector('#level-dx-missing');
      await options.select('#level-dx-missing', 'warning');
      await savedNote(options, /^dx-missing: warning\.$/);
    }
    const before = await stored();
    // A valid settings file that would turn dx-missing off, padded with white space past 1 MB.
    const big = join(importDir, 'padded-settings.json');
    writeFileSync(big, `${JSON.stringify({ rules: { 'dx-missing': 'off' } })}${' '.repeat(1_100_000)}`);
    await importFile(big);
    await expect
      .poll(transferMessage, POLL)
      .toBe(
        "Nothing changed: padded-settings.json is larger than 1 MB (1,100,030 bytes): a settings file is at most 1 MB (dermlint's own exports are a few KB), so it was not read.",
      );
    expect(await options.$eval('#backup p.status', (p) => p.className)).toContain('bad');
    expect(await level('dx-missing')).toBe('warning');
    expect(await stored()).toBe(before);
    await resetExtension();
  });
});

describe('popup', () => {
  it('shows the tab’s counts and top findings, and what it says on a page with no encounter', async () => {
    await resetExtension();
    const frame = await openOnScreen(ATHENA, customUrl(ATHENA, session.baseUrl, MIXED), 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
    const tabId = await tabIdOf(session, ehr);
    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, { width: 360, height: 480 });
    const read = () =>
      popup.evaluate(() => {
        const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
        return {
          counts: [...document.querySelectorAll<HTMLElement>('.counts li')].map((li) => clean(li.innerText)),
          top: [...document.querySelectorAll<HTMLElement>('.top-findings li')].map((li) => clean(li.innerText)),
          notice: clean(document.querySelector('.notice h2')?.textContent),
          payer: clean(document.querySelector('.popup-main .row .small')?.textContent),
        };
      });
    const engine = run(MIXED);
    const msg = (rule: string) => engine.find((f) => f.rule === rule)!.message;
    await expect.poll(read, { timeout: 10_000 }).toEqual({
      counts: ['1 Errors', '1 Warnings', '1 Needs review', '0 Dismissed'],
      top: [
        // Icon, severity (for screen readers), line, message: errors first.
        `✖ Coding error: Line 3 ${msg('lesions-lumped')}`,
        `▲ Coding warning: Line 3 ${msg('biopsy-bundled')}`,
        `i Needs review: Line 1 ${msg('mod25-unsupported')}`,
      ],
      notice: '',
      // The insurer's name as dermlint's tables know it, with the kind judged.
      payer: 'Payer: UnitedHealthcare Choice Plus (Commercial)',
    });
    expect(await buttonByText(popup, 'Open review panel')).toBeTruthy();

    // The same tab on a page of the demo host that shows no encounter.
    await ehr.goto(`${session.baseUrl}${DEMO_PATHS.ecw}index.html`);
    await expect.poll(async () => (await read()).notice, { timeout: 10_000 }).toBe('No encounter on this screen yet');
    await popup.reload();
    await expect.poll(async () => (await read()).notice, { timeout: 10_000 }).toBe('No encounter on this screen yet');
    expect(await textOf(popup, '.notice')).toContain(new URL(session.baseUrl).host);

    // And on a page dermlint does not run on.
    await ehr.goto('about:blank');
    await popup.reload();
    await expect.poll(async () => (await read()).notice, { timeout: 10_000 }).toBe('Nothing read on this tab');
    expect((await read()).counts).toEqual([]);
    await popup.close();
  });
});

/**
 * Fresh screenshots for docs/screenshots (DERMLINT_SCREENSHOTS=1): the side
 * panel on the EMA demo with one finding dismissed, the popup, the options page.
 */
describe.runIf(process.env.DERMLINT_SCREENSHOTS)('screenshots', () => {
  it('side panel, popup, options', async () => {
    const out = join(process.cwd(), 'docs/screenshots');
    mkdirSync(out, { recursive: true });
    await resetExtension();
    const frame = await openOnScreen(EMA, customUrl(EMA, session.baseUrl, MIXED), 'custom');
    await waitForWarnings(frame, ['biopsy-bundled@2', 'lesions-lumped@2']);
    const tabId = await tabIdOf(session, ehr);

    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`, { width: 400, height: 900 });
    const card = await findingCard(panel, 'mod25-unsupported');
    await clickButton(card, 'Dismiss…');
    await (await card.waitForSelector('input[value="payer-policy"]'))!.click();
    await (await card.$('textarea'))!.type('Plan accepts 25 here');
    await clickButton(card, 'Dismiss');
    await expect.poll(async () => (await readPanel(panel)).counts.Dismissed, POLL).toBe(1);
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await panel.screenshot({ path: join(out, 'sidepanel.png'), fullPage: true });

    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, { width: 360, height: 100 });
    await popup.waitForSelector('.top-findings li');
    await popup.screenshot({ path: join(out, 'popup.png'), fullPage: true });

    const options = await openExtensionPage(session, 'options.html', { width: 1100, height: 900 });
    await options.waitForSelector('#level-lesions-lumped');
    await options.select('#level-mod25-unsupported', 'off');
    await savedNote(options, /^mod25-unsupported: off\.$/);
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await options.screenshot({ path: join(out, 'options.png') });
    for (const p of [panel, popup, options]) await p.close();
    await resetExtension();
  });
});

declare const chrome: {
  storage: { local: { clear(): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
};
