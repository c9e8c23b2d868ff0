/**
 * Saves de-identified HTML snapshots of the demo EHR screens, one per worked
 * example, for the adapters' unit tests: opens each example in Chromium, finds
 * the frame whose <html> carries data-demo-ready, syncs live control state
 * (values, checked, selected) into attributes, and writes its HTML to
 * adapters/<ehr>/__snapshots__/<case id>.html.
 *
 *   npx tsx scripts/save-snapshots.ts [ema|athena|generic ...] [ex51 ex60-ex91 ...]
 *
 * Screens default to all three; cases to every worked example (name some, or a
 * range, to save only those). Same-origin frames a screen shows inside the saved
 * one (athenaNet's procedure documentation) are kept in it as srcdoc.
 */
import puppeteer, { type Frame } from 'puppeteer-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from './serve-demo';
import { screenHtml, snapshotFile } from '../adapters/shared/screen-html';
import { demoScreenUrl } from '../adapters/demo-screens';
import { HEADLESS_FLAGS } from '../test/support/chromium';

const SCREENS: Record<string, (base: string, id: string, n: number) => string> = {
  ema: (base, id, n) => demoScreenUrl.ema(base, { case: id }, 4100 + n),
  athena: (base, id) => demoScreenUrl.athena(base, { case: id }),
  generic: (base, id) => demoScreenUrl.ecw(base, { case: id }),
};

const cases = JSON.parse(
  readFileSync(new URL('../test/fixtures/examples/encounters.json', import.meta.url), 'utf8'),
) as { encounter: { id: string } }[];
const args = process.argv.slice(2);
const named = args.filter((a) => a in SCREENS);
const wanted = named.length ? named : Object.keys(SCREENS);
/** 'ex07' or 'ex51-ex91' → does the case id fall in it. */
const picks = args
  .filter((a) => !(a in SCREENS))
  .map((a) => {
    const [from, to = from] = a.split('-') as [string, string?];
    if (!/^ex\d+$/.test(from) || !/^ex\d+$/.test(to)) throw new Error(`not a screen or a case: ${a}`);
    return (id: string) =>
      /^ex\d+$/.test(id) && Number(id.slice(2)) >= Number(from.slice(2)) && Number(id.slice(2)) <= Number(to.slice(2));
  });
const chosen = (id: string) => picks.length === 0 || picks.some((p) => p(id));

async function readyFrame(frames: () => Frame[], id: string, timeout = 10_000): Promise<Frame> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const f of frames()) {
      const ready = await f.evaluate(() => document.documentElement.dataset.demoReady).catch(() => undefined);
      if (ready === id) return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no frame became ready for ${id}`);
}

const { server, url } = await startDemoServer(0);
const profile = mkdtempSync(join(tmpdir(), 'dermlint-snap-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [...HEADLESS_FLAGS],
});
try {
  for (const ehr of wanted) {
    const toUrl = SCREENS[ehr];
    if (!toUrl) throw new Error(`unknown screen ${ehr}`);
    const dir = new URL(`../adapters/${ehr}/__snapshots__/`, import.meta.url);
    mkdirSync(dir, { recursive: true });
    const page = await browser.newPage();
    let n = 0;
    let saved = 0;
    for (const c of cases) {
      // The patient number follows the case's place in the list, whichever cases are saved.
      const at = n++;
      if (!chosen(c.encounter.id)) continue;
      saved++;
      await page.goto(toUrl(url, c.encounter.id, at), { waitUntil: 'load' });
      const frame = await readyFrame(() => page.frames(), c.encounter.id);
      const html = await frame.evaluate(screenHtml);
      writeFileSync(new URL(`${c.encounter.id}.html`, dir), snapshotFile(frame.url(), url, html));
    }
    await page.close();
    console.log(`${ehr}: ${saved} snapshots in adapters/${ehr}/__snapshots__/`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
