/**
 * npm run demo — builds the extension, serves the demo EHR screens and opens
 * them in Chromium with dermlint loaded: the EMA- and athenaNet-style screens,
 * and the eClinicalWorks-style one read through the built-in example field map
 * (saved into the fresh profile's settings, as "Start from the eClinicalWorks
 * example" in options would). With a display, a browser window stays open until
 * you close it; without one (a server, CI), it runs headless, saves screenshots
 * to demo-output/ and prints what dermlint painted on each screen.
 *
 * The first case, ex51, is a visit whose procedure note contradicts its code:
 * the note documents a punch biopsy, the claim bills the tangential 11102.
 *
 *   npm run demo [-- --case ex37] [-- --headless]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Frame, type Page } from 'puppeteer-core';
import { startDemoServer } from './serve-demo';
import { exposeShadowRoots } from '../test/e2e/shadow';
import { ECW_FIELD_MAP } from '../adapters/generic/presets';
import { demoScreenUrl } from '../adapters/demo-screens';
import { DEFAULT_EXTENSION_SETTINGS, SETTINGS_KEY } from '../lib/extension-settings';
import { buildDemoScreens } from './build-demo-screens';
import { HEADLESS_FLAGS } from '../test/support/chromium';

const args = process.argv.slice(2);
// By default a few worked examples with different mistakes, first a note that contradicts its code; --case picks one.
const NOTE_CASE = 'ex51';
const caseIds = args.includes('--case')
  ? [args[args.indexOf('--case') + 1]!]
  : [NOTE_CASE, 'ex01', 'ex10', 'ex16', 'ex37'];
const headless = args.includes('--headless') || !process.env.DISPLAY;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The demo/test build (wxt build --mode demo): the store build does not run on the local demo server.
const EXT = resolve('.output/chrome-mv3-demo');

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && hasApt && !process.env.CHROMIUM_PATH) {
    console.log("Chromium is missing: installing Debian's (apt-get install chromium)…");
    execFileSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium',
      ],
      { stdio: 'inherit' },
    );
    if (existsSync(CHROMIUM)) return;
  }
  console.error(
    `dermlint demo needs Chromium at ${CHROMIUM}.\nInstall Debian's:  sudo apt-get update && sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
  process.exit(1);
}

async function readyFrame(page: Page, id: string): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    for (const f of page.frames()) {
      if ((await f.evaluate(() => document.documentElement.dataset.demoReady).catch(() => undefined)) === id) return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the demo screen did not render ${id}`);
}

ensureChromium();
console.log('Building the extension…');
const build = spawnSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'demo'], {
  encoding: 'utf8',
});
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
// The Cedar Health screen (React + Mantine) is built from its sources: no field map reads it until you teach dermlint the screen.
console.log('Building the demo screens…');
await buildDemoScreens();
const { server, url } = await startDemoServer(Number(process.env.PORT ?? 0));
const screens = (caseId: string) => ({
  ema: demoScreenUrl.ema(url, { case: caseId }, 4100 + Number(caseId.replace(/\D/g, ''))),
  athena: demoScreenUrl.athena(url, { case: caseId }),
  ecw: demoScreenUrl.ecw(url, { case: caseId }),
});
const profile = mkdtempSync(join(tmpdir(), 'dermlint-demo-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless,
  userDataDir: profile,
  enableExtensions: true,
  // Tall enough that the athenaNet-style page shows its procedure documentation below the Billing tab.
  defaultViewport: headless ? { width: 1400, height: 1500 } : null,
  args: [...HEADLESS_FLAGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
});
// The eCW-style screen has no adapter of its own: give the fresh profile the example field map for it.
const workerTarget = await browser.waitForTarget(
  (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
  { timeout: 60_000 },
);
const worker = (await workerTarget.worker())!;
// The worker's extension API can be missing for a moment right after it starts (seen headless): wait for it.
for (let tries = 0; !(await worker.evaluate("typeof chrome !== 'undefined' && Boolean(chrome.storage)")); tries++) {
  if (tries >= 100) throw new Error('the extension worker never showed its storage API');
  await new Promise((done) => setTimeout(done, 100));
}
await worker.evaluate(
  (key: string, settings: unknown) =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ [key]: settings }),
  SETTINGS_KEY,
  { ...DEFAULT_EXTENSION_SETTINGS, fieldMaps: [ECW_FIELD_MAP] },
);
console.log(`Demo EHR screens at ${url}/ (any worked example: --case ex01 … ex91)`);
if (caseIds.includes(NOTE_CASE)) {
  console.log(
    `${NOTE_CASE}: the procedure note documents a punch biopsy (Procedure: Punch biopsy; a 4 mm punch) while line 1 bills 11102, the tangential biopsy: note-technique-mismatch belongs on that line.`,
  );
}
console.log(
  `  To teach dermlint a screen it does not know: open ${demoScreenUrl.cedar(url, { case: 'ex45' })},\n  click the dermlint button in the toolbar and choose “Teach dermlint this screen”.`,
);
for (const caseId of caseIds) {
  for (const [name, address] of Object.entries(screens(caseId))) {
    const page = await browser.newPage();
    await page.goto(address);
    const frame = await readyFrame(page, caseId);
    await new Promise((r) => setTimeout(r, 800));
    // The warnings' shadow roots are closed: read them over the DevTools protocol, as the tests do.
    await exposeShadowRoots(frame);
    const painted = await frame.$$eval('dermlint-warning', (hosts) =>
      hosts.map((h) => {
        const label = h.shadowRoot?.querySelector('.pill')?.getAttribute('aria-label') ?? '';
        return `line ${h.getAttribute('data-dermlint-line')}  ${h.getAttribute('data-dermlint-rule')}  ${label}`;
      }),
    );
    console.log(`\n${name} ${caseId}: ${address}\n  ${painted.length ? painted.join('\n  ') : 'no warnings painted'}`);
    if (headless) {
      mkdirSync('demo-output', { recursive: true });
      await page.screenshot({ path: `demo-output/${name}-${caseId}.png`, fullPage: true });
      console.log(`  screenshot: demo-output/${name}-${caseId}.png`);
      await page.close();
    }
  }
}
if (headless) {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
  console.log(
    '\nNo display here, so the demo ran headless. Open the screenshots, or run with a display (e.g. xvfb-run) to edit the screens yourself.',
  );
} else {
  console.log('\nEdit the picklist in the browser window: warnings follow. Close the window to stop.');
  browser.on('disconnected', () => {
    server.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  });
}
