/**
 * Saves the screens the teaching tests (lib/teach/teach.test.ts) click on:
 * the Cedar Health demo screen (React + Mantine) as Chromium renders it, edit
 * and details views, with each control's live value in its attributes
 * (adapters/shared/screen-html.ts). Run after `npm run build:demo-screens`:
 *
 *   tsx scripts/save-teach-snapshots.ts
 */
import puppeteer from 'puppeteer-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './serve-demo';
import { screenHtml, snapshotFile } from '../adapters/shared/screen-html';
import { demoScreenUrl } from '../adapters/demo-screens';
import { HEADLESS_FLAGS } from '../test/support/chromium';

const OUT = fileURLToPath(new URL('../lib/teach/__snapshots__/', import.meta.url));
const SCREENS = [
  ['cedar-ex45', demoScreenUrl.cedar('', { case: 'ex45' })],
  ['cedar-ex16', demoScreenUrl.cedar('', { case: 'ex16' })],
  ['cedar-ex45-details', `${demoScreenUrl.cedar('', { case: 'ex45' })}&view=details`],
] as const;

const { server, url } = await startDemoServer(0);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [...HEADLESS_FLAGS],
});
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  for (const [name, path] of SCREENS) {
    await page.goto(url + path);
    await page.waitForFunction(() => document.documentElement.dataset.demoReady);
    const html = await page.evaluate(screenHtml);
    writeFileSync(`${OUT}${name}.html`, snapshotFile(page.url(), url, html));
    console.log(`saved ${name}`);
  }
} finally {
  await browser.close();
  server.close();
}
