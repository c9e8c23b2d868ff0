/**
 * Saves the EMA adapter's extra snapshots (beyond the 50 worked examples that
 * scripts/save-snapshots.ts writes): screens a person reaches by using the demo
 * EHR in Chromium, plus two hand-damaged copies of ex03. Same format as
 * scripts/save-snapshots.ts (control state synced into attributes, first line
 * names the URL).
 *
 *   npx tsx scripts/save-ema-variants.ts
 */
import puppeteer, { type Page } from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from './serve-demo';
import { screenHtml, snapshotFile } from '../adapters/shared/screen-html';
import { HOSTILE, SIXTY } from '../adapters/ema/variants';
import { demoScreenUrl } from '../adapters/demo-screens';
import { HEADLESS_FLAGS } from '../test/support/chromium';

const DIR = new URL('../adapters/ema/__snapshots__/', import.meta.url);

async function ready(page: Page, id: string) {
  await page.waitForFunction((want) => document.documentElement.dataset.demoReady === want, { timeout: 10_000 }, id);
}

async function save(page: Page, name: string, base: string) {
  const html = await page.evaluate(screenHtml);
  writeFileSync(new URL(`${name}.html`, DIR), snapshotFile(page.url(), base, html));
}

/** ex03 with its last row cut short, as if the picklist were caught mid-render. */
function halfRendered() {
  const html = readFileSync(new URL('ex03.html', DIR), 'utf8');
  const rows = [...html.matchAll(/<tr [^>]*data-identifier="procedure-row"[^>]*>/g)];
  const last = rows.at(-1)!;
  const start = last.index + last[0].length;
  const end = html.indexOf('</tr>', start);
  const row = html.slice(start, end);
  const cut = row.slice(0, row.indexOf('<td', row.indexOf('data-identifier="procedure-description"')));
  writeFileSync(new URL('variant-half-rendered.html', DIR), html.slice(0, start) + cut + html.slice(end));
}

/** ex03 from an older template whose units cell is a text box holding 'abc'. */
function unitsText() {
  const html = readFileSync(new URL('ex03.html', DIR), 'utf8');
  const cells = [...html.matchAll(/<td [^>]*data-identifier="procedure-units"[^>]*>/g)];
  const last = cells.at(-1)!;
  const start = last.index + last[0].length;
  const end = html.indexOf('</td>', start);
  const input = html
    .slice(start, end)
    .replace('type="number"', 'type="text"')
    .replace(/ value="[^"]*"/, ' value="abc"');
  writeFileSync(new URL('variant-units-text.html', DIR), html.slice(0, start) + input + html.slice(end));
}

const { server, url } = await startDemoServer(0);
const profile = mkdtempSync(join(tmpdir(), 'dermlint-ema-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [...HEADLESS_FLAGS],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });

  await page.goto(demoScreenUrl.ema(url, { encounter: HOSTILE }, '5001'));
  await ready(page, 'custom');
  if (await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned))
    throw new Error('the demo screen ran markup from the encounter');
  await save(page, 'variant-hostile-text', url);

  await page.goto(demoScreenUrl.ema(url, { encounter: SIXTY }, '5002'));
  await ready(page, 'custom');
  await save(page, 'variant-sixty-lines', url);

  // ex24 finalized through the confirmation modal; then the modal itself, open.
  await page.goto(demoScreenUrl.ema(url, { case: 'ex24' }, '5003'));
  await ready(page, 'ex24');
  await page.click('[data-identifier="finalize-note"]');
  await page.waitForSelector('modal-container[role="dialog"] [data-identifier="finalize-confirm"]');
  await save(page, 'variant-finalize-modal', url);
  await page.click('[data-identifier="finalize-confirm"]');
  await page.waitForFunction(
    () => document.querySelector('[data-identifier="note-status"]')?.textContent === 'Finalized',
  );
  await save(page, 'variant-finalized', url);

  // The same app on another route: no visit open.
  await page.evaluate(() => {
    location.hash = '#/practice/staff/patient/list';
  });
  await page.waitForSelector('[data-identifier="patient-list-grid"] a[data-identifier="open-visit"]');
  await save(page, 'variant-patient-list', url);

  halfRendered();
  unitsText();
  console.log('ema: variant snapshots saved in adapters/ema/__snapshots__/');
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
