/**
 * npm run bench:page — what dermlint costs the EHR page and how fast a warning
 * follows an edit, on both demo screens in Debian's Chromium.
 *
 *   npm run bench:page [-- --json] [-- --out figures.json] [-- --edits 200] [-- --rounds 3] [-- --paced-edits 60] [-- --cold 10]
 *                      [-- --build | --no-build | --ext DIR] [-- --screen ema|athena (with --json)]
 *                      [-- --note 5000] [-- --baseline DIR] [-- --help]
 *
 * The encounter carries a procedure note of --note characters (5,000 by default; 0 for none) in the
 * screen's note panel, read by the content script with every edit's read. --baseline DIR measures
 * another build of the extension (e.g. one made from main before a change) side by side in the same
 * run: a third browser, in the same interleaved chunks and rounds, and a table comparing the two.
 *
 * 1. Edit to warning: a 60-line encounter on each screen; ≥200 edits, each
 *    toggling a line's units between a value that raises lesions-lumped on that
 *    line and one that clears it. The edit is made in the page by a small helper
 *    (sets the value, dispatches input + change, as the screens' handlers expect),
 *    which takes performance.now() right before it; the warning counts as painted
 *    at the first `dermlint:painted` mark (made by the content script: marks are
 *    shared by the page's worlds) after which the line's warning is in the
 *    expected state, and shown at the next animation frame.
 * 2. Host page cost: the same paced edit sequence in a browser with the extension
 *    and one without (same machine, same run, rounds alternating which goes
 *    first): long tasks from a PerformanceObserver('longtask') in the page, and
 *    CDP Performance.getMetrics ScriptDuration / TaskDuration (thread time) before
 *    and after each sequence. The content script runs on the page's main thread,
 *    so its work is in the page's figures.
 * 3. Size and start: the content script gzipped; the worker's cold start, as the
 *    edit → painted time right after the worker was stopped (as Chrome stops an
 *    idle one) against a warm one.
 *
 * The machine may be shared and noisy: figures are medians and ratios of
 * interleaved runs; every run prints them all.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type CDPSession, type Frame, type Page } from 'puppeteer-core';
import { startDemoServer } from './serve-demo';
import { benchNote, bigEncounter, toggleLines, TOGGLE_RULE, TOGGLE_UNITS } from '../test/e2e/big-encounter';
import { openEncounter, type ScreenName } from '../test/e2e/open-encounter';
import { run } from '../rules/index';
import { HEADLESS_FLAGS } from '../test/support/chromium';

// ------------------------------------------------------------------ options

const argv = process.argv.slice(2);
const HELP = `npm run bench:page [-- options]

  --edits N          measured edits per screen (default 200)
  --rounds N         paced rounds per screen, with and without the extension (default 3)
  --paced-edits N    edits per paced round (default 60), one every --pace ms (default 120)
  --cold N           cold and warm worker starts (default 10)
  --big-lines N      the long encounter's lines (default 2000), --big-edits N paced edits on it (default 20),
                     one every --big-pace ms (default 500), --big-rounds N with and without (default 2)
  --lines N          lines of the encounter (default 60)
  --note N           characters of the encounter's procedure note (default 5000; 0: no note)
  --baseline DIR     also measure the extension built in DIR (e.g. from main before a change),
                     side by side in the same run, and compare: this build against it
  --build            rebuild .output/chrome-mv3 first (default: only when a source is newer)
  --no-build         use .output/chrome-mv3 as it is
  --ext DIR          measure the extension built in DIR instead of .output/chrome-mv3
  --screen ema|athena  one screen only (with --json)
  --json             print the figures as JSON;  --out FILE  also write them to FILE
  --help             this text`;
if (argv.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}
const flag = (name: string) => argv.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const JSON_OUT = flag('json');
const LINES = num('lines', 60);
const EDITS = num('edits', 200);
const ROUNDS = num('rounds', 3);
const PACED_EDITS = num('paced-edits', 60);
const PACE_MS = num('pace', 120);
const COLD = num('cold', 10);
/** The long encounter: script added per edit on 2,000 lines (paced edits, rounds alternating which browser goes first). */
const BIG_LINES = num('big-lines', 2000);
const BIG_EDITS = num('big-edits', 20);
const BIG_PACE_MS = num('big-pace', 500);
const BIG_ROUNDS = num('big-rounds', 2);
const NOTE = argv.includes('--note') ? Math.max(0, Number(argv[argv.indexOf('--note') + 1]) || 0) : 5000;
const BASELINE = argv.includes('--baseline') ? resolve(argv[argv.indexOf('--baseline') + 1]!) : null;
/** The benchmark's encounter: LINES (or `lines`) lines and a procedure note of NOTE characters. */
function benchEncounter(lines = LINES) {
  const e = bigEncounter(lines);
  const note = benchNote(NOTE);
  return note ? { ...e, note } : e;
}
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENS: ScreenName[] = argv.includes('--screen')
  ? [argv[argv.indexOf('--screen') + 1] as ScreenName]
  : ['ema', 'athena'];
const FRAME_MS = 1000 / 60;

const log = (...args: unknown[]) => {
  if (!JSON_OUT) console.error(...args);
};

// ------------------------------------------------------------------ build

const SOURCES = ['lib', 'adapters', 'components', 'entrypoints', 'rules', 'wxt.config.ts', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === '__snapshots__' || name.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

/** A private copy of another build, to compare against. */
function baselineCopy(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`--baseline ${dir}: no manifest.json there (build the other version first)`);
  const copy = mkdtempSync(join(tmpdir(), 'dermlint-bench-base-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function ensureBuilt(): string {
  const i = argv.indexOf('--ext');
  // The demo/test build: the store build does not run on the local demo server.
  const out = resolve(i >= 0 ? argv[i + 1]! : '.output/chrome-mv3-demo');
  if (i >= 0) log(`using the extension built in ${out}`);
  const manifest = join(out, 'manifest.json');
  const stale = !existsSync(manifest) || Math.max(...SOURCES.map(newest)) > statSync(manifest).mtimeMs;
  if (i < 0 && (flag('build') || (stale && !flag('no-build')))) {
    log('building the extension (wxt build --mode demo)…');
    try {
      execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'demo'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      console.error(String(err.stdout ?? ''), String(err.stderr ?? ''));
      throw new Error('wxt build failed');
    }
  } else if (i < 0) log('reusing .output/chrome-mv3-demo (up to date; --build to force)');
  // A private copy: a rebuild of .output by someone else mid-run does not change what we measure.
  const copy = mkdtempSync(join(tmpdir(), 'dermlint-bench-ext-'));
  cpSync(out, copy, { recursive: true });
  return copy;
}

// ------------------------------------------------------------------ browsers

async function launchBrowser(extension: string | null): Promise<{ browser: Browser; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'dermlint-bench-profile-'));
  const args = [...HEADLESS_FLAGS, '--disable-dev-shm-usage'];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    enableExtensions: !!extension,
    args,
    // A 2,000-line athenaNet screen on a loaded machine: a paced sequence can hold the page for minutes.
    protocolTimeout: 900_000,
  });
  if (extension)
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), {
      timeout: 30_000,
    });
  return { browser, profile };
}

// ------------------------------------------------------------------ the in-page helper

interface Edit {
  selector: string;
  value: string;
  rule: string;
  line: number;
  /** Whether the line's warning is painted once the edit is judged. */
  present: boolean;
}
interface Measured {
  paint: number;
  frame: number;
  /** Where the time went (the content script's marks): edit → question sent, the worker's round trip, answer → painted. */
  asked?: number;
  roundTrip?: number;
  painting?: number;
  /** Frames from the edit to the one that shows the warning (1 = the very next frame). */
  frames: number;
  error?: string;
}
interface SequenceResult {
  measured: Measured[];
  longTasks: number[];
  mismatches: number;
  elapsed: number;
}

/** Installed in the page's main world (the page's own JS context, not the extension's). */
function installHelper() {
  type W = Window & { __dlBench?: unknown };
  const w = window as W;
  if (w.__dlBench) return;
  // Asks the content script for its performance marks (it sets none otherwise).
  document.documentElement.setAttribute('data-dermlint-bench', '');
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    /* no long task API */
  }
  const marks = () => performance.getEntriesByName('dermlint:painted', 'mark');
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const targetOf = (e: { rule: string; line: number }) =>
    `dermlint-warning[data-dermlint-rule="${e.rule}"][data-dermlint-line="${e.line}"]`;
  function apply(el: HTMLInputElement, value: string) {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  function measured(
    edit: { selector: string; value: string; rule: string; line: number; present: boolean },
    timeout: number,
  ) {
    return new Promise<{
      paint: number;
      frame: number;
      frames: number;
      asked?: number;
      roundTrip?: number;
      painting?: number;
      error?: string;
    }>((resolve) => {
      const el = document.querySelector<HTMLInputElement>(edit.selector);
      if (!el) return resolve({ paint: NaN, frame: NaN, frames: NaN, error: `no ${edit.selector}` });
      const target = targetOf(edit);
      let seen = marks().length;
      let done = false;
      let finished = false;
      let frames = 0;
      const loop = () => {
        frames++;
        if (!finished) requestAnimationFrame(loop);
      };
      const check = () => {
        if (done) return;
        const list = marks();
        if (list.length === seen) return;
        seen = list.length;
        const last = list[list.length - 1]!;
        if (last.startTime < t0) return;
        if ((document.querySelector(target) !== null) !== edit.present) return;
        done = true;
        const paint = last.startTime - t0;
        // The last question before this paint, and its answer.
        const asked = performance
          .getEntriesByName('dermlint:asked', 'mark')
          .filter((m) => m.startTime >= t0 && m.startTime <= last.startTime)
          .at(-1);
        const answered =
          asked &&
          performance
            .getEntriesByName('dermlint:answered', 'mark')
            .find((m) => m.startTime >= asked.startTime && m.startTime <= last.startTime);
        const split =
          asked && answered
            ? {
                asked: asked.startTime - t0,
                roundTrip: answered.startTime - asked.startTime,
                painting: last.startTime - answered.startTime,
              }
            : {};
        mo.disconnect();
        po.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => {
          finished = true;
          resolve({ paint, frame: performance.now() - t0, frames, ...split });
        });
      };
      // Main-world observers: DOM changes (the warning hosts are in the page's DOM) and the content script's marks.
      const mo = new MutationObserver(check);
      mo.observe(document, { childList: true, subtree: true });
      const po = new PerformanceObserver(check);
      po.observe({ type: 'mark' });
      const timer = setTimeout(() => {
        done = finished = true;
        mo.disconnect();
        po.disconnect();
        resolve({ paint: NaN, frame: NaN, frames: NaN, error: 'timeout' });
      }, timeout);
      const t0 = performance.now();
      requestAnimationFrame(loop);
      apply(el, edit.value);
    });
  }
  /** The page's own update: from the edit to its row being re-rendered (the edited control replaced), then the next frame. */
  function own(edit: { selector: string; value: string }, timeout: number) {
    return new Promise<{ paint: number; frame: number; frames: number; error?: string }>((resolve) => {
      const el = document.querySelector<HTMLInputElement>(edit.selector);
      if (!el) return resolve({ paint: NaN, frame: NaN, frames: NaN, error: `no ${edit.selector}` });
      let done = false;
      let frames = 0;
      let finished = false;
      const loop = () => {
        frames++;
        if (!finished) requestAnimationFrame(loop);
      };
      const mo = new MutationObserver(() => {
        if (done || el.isConnected) return;
        done = true;
        const paint = performance.now() - t0;
        mo.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => {
          finished = true;
          resolve({ paint, frame: performance.now() - t0, frames });
        });
      });
      mo.observe(document, { childList: true, subtree: true });
      const timer = setTimeout(() => {
        done = finished = true;
        mo.disconnect();
        resolve({ paint: NaN, frame: NaN, frames: NaN, error: 'timeout' });
      }, timeout);
      const t0 = performance.now();
      requestAnimationFrame(loop);
      apply(el, edit.value);
    });
  }
  w.__dlBench = {
    async sequence(
      edits: { selector: string; value: string; rule: string; line: number; present: boolean }[],
      mode: 'measured' | 'own' | 'paced',
      opts: { gap: number; pace: number; check: boolean; timeout: number },
    ) {
      const start = performance.now();
      const out = { measured: [] as unknown[], longTasks: [] as number[], mismatches: 0, elapsed: 0 };
      let seed = 12345;
      const jitter = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * opts.gap;
      for (const edit of edits) {
        if (mode === 'measured' || mode === 'own') {
          await sleep(opts.gap + jitter());
          out.measured.push(await (mode === 'own' ? own(edit, opts.timeout) : measured(edit, opts.timeout)));
        } else {
          const el = document.querySelector<HTMLInputElement>(edit.selector);
          if (!el) throw new Error(`no ${edit.selector}`);
          apply(el, edit.value);
          await sleep(opts.pace);
          if (opts.check && (document.querySelector(targetOf(edit)) !== null) !== edit.present) out.mismatches++;
        }
      }
      out.elapsed = performance.now() - start;
      // Long task entries arrive asynchronously: give them a moment.
      await sleep(100);
      out.longTasks = longTasks.filter((t) => t.start >= start).map((t) => t.duration);
      return out;
    },
    /** Whether the page shows exactly this state for the line. */
    shows(edit: { rule: string; line: number; present: boolean }) {
      return (document.querySelector(targetOf(edit)) !== null) === edit.present;
    },
  };
}

/** tsx keeps function names with a __name() helper: give the page a local one. */
const HELPER_SOURCE = `(() => { const __name = (f) => f; (${installHelper.toString()})(); })()`;

interface Helper {
  sequence(
    edits: Edit[],
    mode: 'measured' | 'own' | 'paced',
    opts: { gap: number; pace: number; check: boolean; timeout: number },
  ): Promise<SequenceResult>;
  shows(edit: Pick<Edit, 'rule' | 'line' | 'present'>): boolean;
}

// ------------------------------------------------------------------ edits

function unitsSelector(screen: ScreenName, line: number): string {
  return screen === 'ema' ? `input[aria-label="Units row ${line + 1}"]` : `input[aria-label="Units, line ${line + 1}"]`;
}

/** n edits (rounded up so every toggle line ends clean), cycling over the toggle lines; the first of each makes it bad. */
function editSequence(screen: ScreenName, toggles: number[], n: number): Edit[] {
  const per = 2 * toggles.length;
  const count = Math.ceil(n / per) * per;
  const bad = new Set<number>();
  const edits: Edit[] = [];
  for (let k = 0; k < count; k++) {
    const line = toggles[k % toggles.length]!;
    const makeBad = !bad.has(line);
    if (makeBad) bad.add(line);
    else bad.delete(line);
    edits.push({
      selector: unitsSelector(screen, line),
      value: makeBad ? TOGGLE_UNITS.bad : TOGGLE_UNITS.clean,
      rule: TOGGLE_RULE,
      line,
      present: makeBad,
    });
  }
  return edits;
}

/** The engine agrees that each toggle decides exactly its line's warning. */
function checkToggles(): number[] {
  const encounter = benchEncounter();
  const toggles = toggleLines(encounter);
  const has = (e: typeof encounter, line: number) => run(e).some((f) => f.rule === TOGGLE_RULE && f.line === line);
  for (const line of toggles) {
    const bad = structuredClone(encounter);
    bad.lines[line]!.units = Number(TOGGLE_UNITS.bad);
    if (has(encounter, line) || !has(bad, line)) throw new Error(`line ${line} does not toggle ${TOGGLE_RULE}`);
  }
  return toggles;
}

// ------------------------------------------------------------------ statistics

function quantile(values: number[], q: number): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}
const median = (v: number[]) => quantile(v, 0.5);
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

// ------------------------------------------------------------------ page plumbing

async function openScreen(
  page: Page,
  screen: ScreenName,
  base: string,
  withExtension: boolean,
  lines = LINES,
): Promise<Frame> {
  const frame = await openEncounter(page, screen, base, benchEncounter(lines));
  // With the extension: wait for the first paint of the encounter's warnings; without: for the page to settle.
  const start = Date.now();
  if (withExtension) {
    while (Date.now() - start < 20_000) {
      const n = await frame.evaluate(() => document.querySelectorAll('dermlint-warning').length).catch(() => 0);
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (Date.now() - start >= 20_000) throw new Error(`${screen}: no warnings painted within 20 s`);
  }
  await new Promise((r) => setTimeout(r, 700));
  await frame.evaluate(HELPER_SOURCE);
  return frame;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function serviceWorkerGone(browser: Browser, timeout = 10_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (!browser.targets().some((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the service worker did not stop');
}

// ------------------------------------------------------------------ main

async function main() {
  const loadAtStart = (await import('node:os')).loadavg().map((x) => round(x, 2));
  const toggles = checkToggles();
  const extension = ensureBuilt();
  const contentScript = readFileSync(join(extension, 'content-scripts/ehr.js'));
  const size = { raw: contentScript.length, gzip: gzipSync(contentScript, { level: 9 }).length };
  const baselineExt = BASELINE ? baselineCopy(BASELINE) : null;
  const { server, url: base } = await startDemoServer(0);
  const withExt = await launchBrowser(extension);
  const without = await launchBrowser(null);
  // --baseline: the other build, in a browser of its own, measured in the same chunks and rounds.
  const baseExt = baselineExt ? await launchBrowser(baselineExt) : null;
  const results: Record<string, unknown> = {};
  try {
    const pageA = await withExt.browser.newPage();
    const pageB = await without.browser.newPage();
    const pageC = baseExt ? await baseExt.browser.newPage() : null;
    for (const p of [pageA, pageB, pageC]) await p?.setViewport({ width: 1400, height: 900 });
    const cdpA = await pageA.createCDPSession();
    const cdpB = await pageB.createCDPSession();
    const cdpC = pageC ? await pageC.createCDPSession() : null;
    for (const c of [cdpA, cdpB, cdpC]) await c?.send('Performance.enable', { timeDomain: 'threadTicks' });

    // 1. Edit to warning (with the extension), and the page's own update for the same edits (without), in
    //    interleaved chunks so both see the same machine load.
    const fresh = (): Lat => ({
      paint: [],
      frame: [],
      frames: [],
      asked: [],
      roundTrip: [],
      painting: [],
      errors: 0,
      longTasks: [],
    });
    const latency: Record<string, Lat> = {};
    const ownUpdate: Record<string, Lat> = {};
    const baseLatency: Record<string, Lat> = {};
    const CHUNK = 2 * toggles.length;
    for (const screen of SCREENS) {
      log(
        `${screen}: ${EDITS} measured edits on a ${LINES}-line encounter with a ${NOTE}-character note, with the extension${pageC ? ', with the baseline build' : ''} and (page's own update) without…`,
      );
      latency[screen] = fresh();
      ownUpdate[screen] = fresh();
      baseLatency[screen] = fresh();
      const frameA = await openScreen(pageA, screen, base, true);
      const frameB = await openScreen(pageB, screen, base, false);
      const frameC = pageC ? await openScreen(pageC, screen, base, true) : null;
      const edits = editSequence(screen, toggles, EDITS);
      const arms: (readonly [Page, Frame, 'measured' | 'own', Lat])[] = [
        [pageA, frameA, 'measured', latency[screen]],
        [pageB, frameB, 'own', ownUpdate[screen]],
      ];
      if (pageC && frameC) arms.splice(1, 0, [pageC, frameC, 'measured', baseLatency[screen]]);
      for (let at = 0; at < edits.length; at += CHUNK) {
        const chunk = edits.slice(at, at + CHUNK);
        for (const [page, frame, mode, into] of arms) {
          await page.bringToFront();
          const r = await frame.evaluate(
            (e, m, o) => (window as unknown as { __dlBench: Helper }).__dlBench.sequence(e, m, o),
            chunk,
            mode,
            { gap: 60, pace: 0, check: true, timeout: 10_000 },
          );
          into.paint.push(...r.measured.map((m) => m.paint));
          into.frame.push(...r.measured.map((m) => m.frame));
          into.frames.push(...r.measured.map((m) => m.frames));
          for (const m of r.measured) {
            if (m.asked === undefined) continue;
            into.asked.push(m.asked);
            into.roundTrip.push(m.roundTrip!);
            into.painting.push(m.painting!);
          }
          into.errors += r.measured.filter((m) => m.error).length;
          into.longTasks.push(...r.longTasks);
        }
      }
    }

    // 2. Host page cost: the same paced sequence with and without the extension, alternating.
    const cost: Record<string, Cost> = {};
    const baseCost: Record<string, Cost> = {};
    for (const screen of SCREENS) cost[screen] = { with: [], without: [] };
    for (const screen of SCREENS) baseCost[screen] = { with: [], without: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const screen of SCREENS) {
        // Which arm goes first turns round by round.
        const order: [boolean, Page, CDPSession, Cost['with']][] = [
          [true, pageA, cdpA, cost[screen]!.with],
          [false, pageB, cdpB, []],
        ];
        if (pageC && cdpC) order.splice(1, 0, [true, pageC, cdpC, baseCost[screen]!.with]);
        for (let k = 0; k < round % order.length; k++) order.push(order.shift()!);
        for (const [ext, page, cdp, into] of order) {
          log(
            `${screen}: round ${round + 1}/${ROUNDS}, ${page === pageC ? 'with the baseline build of' : ext ? 'with' : 'without'} the extension, ${PACED_EDITS} paced edits…`,
          );
          await page.bringToFront();
          const frame = await openScreen(page, screen, base, ext);
          const edits = editSequence(screen, toggles, PACED_EDITS);
          const before = await metrics(cdp);
          const r = await frame.evaluate(
            (e, o) => (window as unknown as { __dlBench: Helper }).__dlBench.sequence(e, 'paced', o),
            edits,
            { gap: 0, pace: PACE_MS, check: ext, timeout: 0 },
          );
          // Let the last judgement land (with the extension) before reading the counters.
          await new Promise((res) => setTimeout(res, 300));
          const after = await metrics(cdp);
          const entry = {
            script: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
            task: (after.TaskDuration! - before.TaskDuration!) * 1000,
            longTasks: r.longTasks,
          };
          if (ext) into.push({ ...entry, mismatches: r.mismatches });
          else {
            cost[screen]!.without.push(entry);
            baseCost[screen]!.without.push(entry);
          }
        }
      }
    }

    // 2b. The long encounter: the same paced edits on 2,000 lines, script with and without, per edit.
    const bigToggles = toggleLines(benchEncounter(BIG_LINES))
      .filter((_, i) => i % 37 === 0)
      .slice(0, 10);
    const big: Record<string, { with: number[]; without: number[]; longWith: number[]; longWithout: number[] }> = {};
    for (const screen of SCREENS) big[screen] = { with: [], without: [], longWith: [], longWithout: [] };
    for (let round = 0; round < BIG_ROUNDS; round++) {
      for (const screen of SCREENS) {
        const order: [boolean, Page, CDPSession][] = [
          [true, pageA, cdpA],
          [false, pageB, cdpB],
        ];
        if (round % 2 === 1) order.reverse();
        for (const [ext, page, cdp] of order) {
          log(
            `${screen}: ${BIG_LINES} lines, round ${round + 1}/${BIG_ROUNDS}, ${ext ? 'with' : 'without'} the extension, ${BIG_EDITS} paced edits…`,
          );
          await page.bringToFront();
          const frame = await openScreen(page, screen, base, ext, BIG_LINES);
          const edits = editSequence(screen, bigToggles, BIG_EDITS).slice(0, BIG_EDITS);
          const before = await metrics(cdp);
          const r = await frame.evaluate(
            (e, o) => (window as unknown as { __dlBench: Helper }).__dlBench.sequence(e, 'paced', o),
            edits,
            { gap: 0, pace: BIG_PACE_MS, check: false, timeout: 0 },
          );
          await new Promise((res) => setTimeout(res, 600));
          const after = await metrics(cdp);
          const script = (after.ScriptDuration! - before.ScriptDuration!) * 1000;
          (ext ? big[screen]!.with : big[screen]!.without).push(script / edits.length);
          (ext ? big[screen]!.longWith : big[screen]!.longWithout).push(...r.longTasks);
        }
      }
    }

    // 3. Worker cold start: an edit right after Chrome stopped the worker, against a warm one.
    log(`worker: ${COLD} cold and ${COLD} warm edits…`);
    await pageA.bringToFront();
    const frame = await openScreen(pageA, 'ema', base, true);
    const coldEdits = editSequence('ema', toggles, 2 * COLD * 2);
    const warm: number[] = [];
    const cold: number[] = [];
    let k = 0;
    for (let i = 0; i < COLD; i++) {
      await new Promise((r) => setTimeout(r, 400));
      const w = await frame.evaluate(
        (e, o) => (window as unknown as { __dlBench: Helper }).__dlBench.sequence(e, 'measured', o),
        [coldEdits[k++]!],
        { gap: 0, pace: 0, check: true, timeout: 15_000 },
      );
      warm.push(w.measured[0]!.paint);
      const target = await withExt.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
        { timeout: 30_000 },
      );
      const worker = await target.worker();
      await worker!.close();
      await serviceWorkerGone(withExt.browser);
      await new Promise((r) => setTimeout(r, 400));
      const c = await frame.evaluate(
        (e, o) => (window as unknown as { __dlBench: Helper }).__dlBench.sequence(e, 'measured', o),
        [coldEdits[k++]!],
        { gap: 0, pace: 0, check: true, timeout: 15_000 },
      );
      cold.push(c.measured[0]!.paint);
    }

    // ---------------------------------------------------------------- figures
    for (const screen of SCREENS)
      results[screen] = screenFigures(screen, latency[screen]!, ownUpdate[screen]!, cost[screen]!, toggles);
    if (pageC) {
      const compared: Record<string, unknown> = {};
      for (const screen of SCREENS)
        compared[screen] = screenFigures(screen, baseLatency[screen]!, ownUpdate[screen]!, baseCost[screen]!, toggles);
      results.baseline = { dir: BASELINE, ...compared };
    }
    for (const screen of SCREENS) {
      const b = big[screen]!;
      (results[screen] as Record<string, unknown>).big = {
        lines: BIG_LINES,
        edits: BIG_EDITS,
        rounds: BIG_ROUNDS,
        scriptPerEditMs: { with: b.with.map((x) => round(x)), without: b.without.map((x) => round(x)) },
        addedPerEditMs: round(sum(b.with) / b.with.length - sum(b.without) / b.without.length, 2),
        longTasks: { with: b.longWith.length, without: b.longWithout.length },
      };
    }
    results.contentScript = { rawKB: round(size.raw / 1024), gzipKB: round(size.gzip / 1024), goalKB: 25 };
    results.worker = {
      coldMs: round(median(cold)),
      warmMs: round(median(warm)),
      ratio: round(median(cold) / median(warm), 2),
      cold: cold.map((x) => round(x)),
      warm: warm.map((x) => round(x)),
    };
    results.setup = {
      lines: LINES,
      noteChars: benchNote(NOTE).length,
      chromium: await withExt.browser.version(),
      cpus: (await import('node:os')).cpus().length,
      loadAtStart,
      load: (await import('node:os')).loadavg().map((x) => round(x, 2)),
    };
  } finally {
    await withExt.browser.close().catch(() => {});
    await without.browser.close().catch(() => {});
    await baseExt?.browser.close().catch(() => {});
    server.close();
    for (const dir of [withExt.profile, without.profile, extension, baseExt?.profile, baselineExt])
      if (dir) rmSync(dir, { recursive: true, force: true });
  }

  const outFile = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
  if (outFile) writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
  if (JSON_OUT) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  printTable(results);
  if (results.baseline) printComparison(results);
}

type Lat = {
  paint: number[];
  frame: number[];
  frames: number[];
  asked: number[];
  roundTrip: number[];
  painting: number[];
  errors: number;
  longTasks: number[];
};
type Cost = {
  with: { script: number; task: number; longTasks: number[]; mismatches: number }[];
  without: { script: number; task: number; longTasks: number[] }[];
};

/** One screen's figures: latencies of the measured edits (l, the page's own update o) and the paced rounds' cost (c). */
function screenFigures(screen: ScreenName, l: Lat, o: Lat, c: Cost, toggles: number[]) {
  const ratios = c.with.map((w, i) => w.script / c.without[i]!.script);
  const taskRatios = c.with.map((w, i) => w.task / c.without[i]!.task);
  return {
    edits: l.paint.length,
    timeouts: l.errors,
    editToPaintedMs: {
      p50: round(median(l.paint)),
      p95: round(quantile(l.paint, 0.95)),
      max: round(Math.max(...l.paint.filter(Number.isFinite))),
    },
    editToNextFrameMs: {
      p50: round(median(l.frame)),
      p95: round(quantile(l.frame, 0.95)),
      max: round(Math.max(...l.frame.filter(Number.isFinite))),
    },
    pageOwnUpdateMs: {
      p50: round(median(o.paint)),
      p95: round(quantile(o.paint, 0.95)),
      nextFrameP50: round(median(o.frame)),
      nextFrameP95: round(quantile(o.frame, 0.95)),
      timeouts: o.errors,
    },
    addedByDermlintMs: {
      p50: round(median(l.paint) - median(o.paint)),
      p95: round(quantile(l.paint, 0.95) - quantile(o.paint, 0.95)),
    },
    // Medians of each step, and p95s: where an edit's time goes (content script read, worker, paint).
    breakdownMs: {
      asked: { p50: round(median(l.asked)), p95: round(quantile(l.asked, 0.95)) },
      roundTrip: { p50: round(median(l.roundTrip)), p95: round(quantile(l.roundTrip, 0.95)) },
      painting: { p50: round(median(l.painting)), p95: round(quantile(l.painting, 0.95)) },
    },
    inFirstFrame: round(l.frames.filter((f) => f === 1).length / l.frames.length, 3),
    framesP95: round(quantile(l.frames, 0.95), 1),
    longTasksWhileMeasuring: {
      count: l.longTasks.length,
      maxMs: round(Math.max(0, ...l.longTasks)),
      without: o.longTasks.length,
      withoutMaxMs: round(Math.max(0, ...o.longTasks)),
    },
    pacedEdits: editSequence(screen, toggles, PACED_EDITS).length,
    rounds: ROUNDS,
    longTasks: {
      with: {
        count: sum(c.with.map((x) => x.longTasks.length)),
        maxMs: round(Math.max(0, ...c.with.flatMap((x) => x.longTasks))),
      },
      without: {
        count: sum(c.without.map((x) => x.longTasks.length)),
        maxMs: round(Math.max(0, ...c.without.flatMap((x) => x.longTasks))),
      },
    },
    scriptMs: { with: c.with.map((x) => round(x.script)), without: c.without.map((x) => round(x.script)) },
    taskMs: { with: c.with.map((x) => round(x.task)), without: c.without.map((x) => round(x.task)) },
    scriptRatio: {
      median: round(median(ratios), 3),
      total: round(sum(c.with.map((x) => x.script)) / sum(c.without.map((x) => x.script)), 3),
    },
    taskRatio: {
      median: round(median(taskRatios), 3),
      total: round(sum(c.with.map((x) => x.task)) / sum(c.without.map((x) => x.task)), 3),
    },
    extensionScriptMsPerEdit: round(
      (sum(c.with.map((x) => x.script)) - sum(c.without.map((x) => x.script))) /
        (c.with.length * editSequence(screen, toggles, PACED_EDITS).length),
      2,
    ),
    pacedMismatches: sum(c.with.map((x) => x.mismatches)),
  };
}

/** This build against --baseline, figure by figure, with the change in percent (and whether it is within 10 %). */
function printComparison(r: Record<string, unknown>) {
  const b = r.baseline as { dir: string } & Record<string, ScreenFigures>;
  const rows: [string, ...string[]][] = [
    ['figure (ms unless said)', ...SCREENS.flatMap((sc) => [`${sc} baseline`, `${sc} this`, 'change'])],
  ];
  const pct = (now: number, was: number) =>
    Number.isFinite(now) && Number.isFinite(was) && was !== 0
      ? `${now >= was ? '+' : ''}${(((now - was) / was) * 100).toFixed(1)} %`
      : '—';
  const figure = (label: string, pick: (f: ScreenFigures) => number) =>
    rows.push([
      label,
      ...SCREENS.flatMap((sc) => {
        const was = pick(b[sc]!);
        const now = pick(r[sc] as ScreenFigures);
        return [String(was), String(now), pct(now, was)];
      }),
    ]);
  figure('edit → painted p50', (f) => f.editToPaintedMs.p50);
  figure('edit → painted p95', (f) => f.editToPaintedMs.p95);
  figure('edit → question sent (wait + read) p50', (f) => f.breakdownMs.asked.p50);
  figure('edit → question sent (wait + read) p95', (f) => f.breakdownMs.asked.p95);
  figure("worker's round trip p50", (f) => f.breakdownMs.roundTrip.p50);
  figure('answer → painted p50', (f) => f.breakdownMs.painting.p50);
  figure('page scripting with / without, median (ratio)', (f) => f.scriptRatio.median);
  figure('page task time with / without, median (ratio)', (f) => f.taskRatio.median);
  figure('scripting added per edit (thread time)', (f) => f.extensionScriptMsPerEdit);
  figure('long tasks > 50 ms, paced rounds (count)', (f) => f.longTasks.with.count);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\nThis build against the baseline build (${b.dir}), same run, same ${(r.setup as { noteChars: number }).noteChars}-character note on the screen:\n`,
  );
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

type ScreenFigures = {
  edits: number;
  timeouts: number;
  editToPaintedMs: { p50: number; p95: number; max: number };
  editToNextFrameMs: { p50: number; p95: number; max: number };
  breakdownMs: Record<'asked' | 'roundTrip' | 'painting', { p50: number; p95: number }>;
  pageOwnUpdateMs: { p50: number; p95: number; nextFrameP50: number; nextFrameP95: number; timeouts: number };
  addedByDermlintMs: { p50: number; p95: number };
  inFirstFrame: number;
  framesP95: number;
  longTasksWhileMeasuring: { count: number; maxMs: number; without: number; withoutMaxMs: number };
  pacedEdits: number;
  rounds: number;
  longTasks: { with: { count: number; maxMs: number }; without: { count: number; maxMs: number } };
  scriptRatio: { median: number; total: number };
  taskRatio: { median: number; total: number };
  scriptMs: { with: number[]; without: number[] };
  taskMs: { with: number[]; without: number[] };
  extensionScriptMsPerEdit: number;
  pacedMismatches: number;
  big: {
    lines: number;
    edits: number;
    rounds: number;
    scriptPerEditMs: { with: number[]; without: number[] };
    addedPerEditMs: number;
    longTasks: { with: number; without: number };
  };
};

function printTable(r: Record<string, unknown>) {
  const ema = r.ema as ScreenFigures;
  const ath = r.athena as ScreenFigures;
  const cs = r.contentScript as { rawKB: number; gzipKB: number };
  const w = r.worker as { coldMs: number; warmMs: number; ratio: number };
  const s = r.setup as { lines: number; chromium: string; cpus: number; load: number[]; loadAtStart: number[] };
  const ok = (b: boolean) => (b ? 'met' : 'MISSED');
  const rows: [string, string, string, string, string][] = [
    ['figure', 'EMA', 'athena', 'goal', ''],
    [
      `edit → painted, p50 / p95 / max (ms, ${ema.edits} + ${ath.edits} edits)`,
      `${ema.editToPaintedMs.p50} / ${ema.editToPaintedMs.p95} / ${ema.editToPaintedMs.max}`,
      `${ath.editToPaintedMs.p50} / ${ath.editToPaintedMs.p95} / ${ath.editToPaintedMs.max}`,
      'p95 ≤ 16.7',
      ok(ema.editToPaintedMs.p95 <= FRAME_MS && ath.editToPaintedMs.p95 <= FRAME_MS),
    ],
    [
      'edit → next frame after paint, p50 / p95 / max (ms)',
      `${ema.editToNextFrameMs.p50} / ${ema.editToNextFrameMs.p95} / ${ema.editToNextFrameMs.max}`,
      `${ath.editToNextFrameMs.p50} / ${ath.editToNextFrameMs.p95} / ${ath.editToNextFrameMs.max}`,
      '',
      '',
    ],
    [
      "the page's own update without dermlint: edit → row re-rendered, p50 / p95 (ms)",
      `${ema.pageOwnUpdateMs.p50} / ${ema.pageOwnUpdateMs.p95}`,
      `${ath.pageOwnUpdateMs.p50} / ${ath.pageOwnUpdateMs.p95}`,
      '',
      '',
    ],
    [
      'added by dermlint (painted − own update), p50 / p95 (ms)',
      `${ema.addedByDermlintMs.p50} / ${ema.addedByDermlintMs.p95}`,
      `${ath.addedByDermlintMs.p50} / ${ath.addedByDermlintMs.p95}`,
      '',
      '',
    ],
    [
      '  of which: edit → question to the worker sent (wait + read), p50 / p95 (ms)',
      `${ema.breakdownMs.asked.p50} / ${ema.breakdownMs.asked.p95}`,
      `${ath.breakdownMs.asked.p50} / ${ath.breakdownMs.asked.p95}`,
      '',
      '',
    ],
    [
      "  of which: the worker's round trip (message, engine, answer), p50 / p95 (ms)",
      `${ema.breakdownMs.roundTrip.p50} / ${ema.breakdownMs.roundTrip.p95}`,
      `${ath.breakdownMs.roundTrip.p50} / ${ath.breakdownMs.roundTrip.p95}`,
      '',
      '',
    ],
    [
      '  of which: answer → painted, p50 / p95 (ms)',
      `${ema.breakdownMs.painting.p50} / ${ema.breakdownMs.painting.p95}`,
      `${ath.breakdownMs.painting.p50} / ${ath.breakdownMs.painting.p95}`,
      '',
      '',
    ],
    [
      'warning shown in the first frame after the edit',
      `${(ema.inFirstFrame * 100).toFixed(1)} % (p95 ${ema.framesP95} fr)`,
      `${(ath.inFirstFrame * 100).toFixed(1)} % (p95 ${ath.framesP95} fr)`,
      '',
      '',
    ],
    [
      'edits that timed out (10 s)',
      String(ema.timeouts),
      String(ath.timeouts),
      '0',
      ok(ema.timeouts + ath.timeouts === 0),
    ],
    [
      `long tasks > 50 ms, ${ema.rounds} × ${ema.pacedEdits} paced edits: with / without`,
      `${ema.longTasks.with.count} / ${ema.longTasks.without.count} (max ${ema.longTasks.with.maxMs} / ${ema.longTasks.without.maxMs} ms)`,
      `${ath.longTasks.with.count} / ${ath.longTasks.without.count} (max ${ath.longTasks.with.maxMs} / ${ath.longTasks.without.maxMs} ms)`,
      'added 0',
      ok(
        ema.longTasks.with.count <= ema.longTasks.without.count &&
          ath.longTasks.with.count <= ath.longTasks.without.count,
      ),
    ],
    [
      'long tasks > 50 ms during the measured edits: with / without',
      `${ema.longTasksWhileMeasuring.count} / ${ema.longTasksWhileMeasuring.without} (max ${ema.longTasksWhileMeasuring.maxMs} / ${ema.longTasksWhileMeasuring.withoutMaxMs} ms)`,
      `${ath.longTasksWhileMeasuring.count} / ${ath.longTasksWhileMeasuring.without} (max ${ath.longTasksWhileMeasuring.maxMs} / ${ath.longTasksWhileMeasuring.withoutMaxMs} ms)`,
      '',
      '',
    ],
    [
      'page scripting time with / without, median of rounds (total)',
      `${ema.scriptRatio.median} (${ema.scriptRatio.total})`,
      `${ath.scriptRatio.median} (${ath.scriptRatio.total})`,
      '≤ 1.05',
      ok(ema.scriptRatio.median <= 1.05 && ath.scriptRatio.median <= 1.05),
    ],
    [
      'page main-thread task time with / without, median (total)',
      `${ema.taskRatio.median} (${ema.taskRatio.total})`,
      `${ath.taskRatio.median} (${ath.taskRatio.total})`,
      '',
      '',
    ],
    [
      `scripting added per edit at ${s.lines} lines (ms, thread time)`,
      String(ema.extensionScriptMsPerEdit),
      String(ath.extensionScriptMsPerEdit),
      '≤ 0.5',
      ok(ema.extensionScriptMsPerEdit <= 0.5 && ath.extensionScriptMsPerEdit <= 0.5),
    ],
    [
      'page scripting per round, with | without (ms)',
      `${ema.scriptMs.with.join(' ')} | ${ema.scriptMs.without.join(' ')}`,
      `${ath.scriptMs.with.join(' ')} | ${ath.scriptMs.without.join(' ')}`,
      '',
      '',
    ],
    [
      `scripting added per edit at ${ema.big.lines} lines (ms, thread time)`,
      String(ema.big.addedPerEditMs),
      String(ath.big.addedPerEditMs),
      '≤ 16',
      ok(ema.big.addedPerEditMs <= 16 && ath.big.addedPerEditMs <= 16),
    ],
    [
      `  page scripting per edit at ${ema.big.lines} lines, ${ema.big.rounds} × ${ema.big.edits} paced edits: with | without (ms)`,
      `${ema.big.scriptPerEditMs.with.join(' ')} | ${ema.big.scriptPerEditMs.without.join(' ')}`,
      `${ath.big.scriptPerEditMs.with.join(' ')} | ${ath.big.scriptPerEditMs.without.join(' ')}`,
      '',
      '',
    ],
    [
      `  long tasks > 50 ms at ${ema.big.lines} lines: with / without`,
      `${ema.big.longTasks.with} / ${ema.big.longTasks.without}`,
      `${ath.big.longTasks.with} / ${ath.big.longTasks.without}`,
      '',
      '',
    ],
    [
      'content script (content-scripts/ehr.js)',
      `${cs.rawKB} KB, ${cs.gzipKB} KB gzip`,
      '',
      '≤ 25 KB gzip',
      ok(cs.gzipKB <= 25),
    ],
    [
      'worker: edit → painted, cold (stopped) / warm, median (ms)',
      `${w.coldMs} / ${w.warmMs} (× ${w.ratio})`,
      '',
      'cold ≤ 60',
      ok(w.coldMs <= 60),
    ],
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w2) => '-'.repeat(w2 + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `\n${s.lines}-line encounter with a ${(s as { noteChars?: number }).noteChars ?? 0}-character procedure note; ${s.chromium}; ${s.cpus} CPUs, load average (1, 5, 15 min) ${s.loadAtStart.join(' ')} at the start, ${s.load.join(' ')} at the end. Paced sequences: one edit every ${PACE_MS} ms (${BIG_PACE_MS} ms on ${BIG_LINES} lines); ScriptDuration/TaskDuration in thread time.`,
  );
  if (ema.pacedMismatches + ath.pacedMismatches > 0)
    console.log(
      `note: ${ema.pacedMismatches + ath.pacedMismatches} paced edits were not yet judged ${PACE_MS} ms later (machine load)`,
    );
}

await main();
