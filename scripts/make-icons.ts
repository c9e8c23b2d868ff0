/**
 * npm run icons — renders assets/icon.svg to the PNGs the manifest lists
 * (public/icon/16.png … 128.png) in headless Chromium, each size drawn from the
 * vector (not scaled from a bitmap). The PNGs are committed; run this after
 * changing the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { HEADLESS_FLAGS } from '../test/support/chromium';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const svg = readFileSync(resolve('assets/icon.svg'), 'utf8');
const out = resolve('public/icon');
mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...HEADLESS_FLAGS],
});
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    const png = await page.screenshot({
      type: 'png',
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(resolve(out, `${size}.png`), png);
    console.log(`public/icon/${size}.png (${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
