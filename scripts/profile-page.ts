/**
 * npm run profile:page — where dermlint's time goes in the EHR page: a V8 CPU
 * profile (CDP Profiler on the page's target, which samples every world of the
 * page's main thread, the content script's isolated world and the paint kit
 * included) over a burst of paced edits on a demo screen, summed by function.
 *
 *   npm run profile:page [-- --screen ema|athena] [-- --lines 60] [-- --edits 40] [-- --pace 120]
 *                        [-- --ext DIR] [-- --top 30] [-- --out profile.cpuprofile]
 *
 * Prints the script time of the burst (CDP ScriptDuration, thread time), the
 * sampled time by script (the extension's against the page's), and the top
 * functions by self and by total time. Open --out in Chrome DevTools for the rest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemoServer } from './serve-demo';
import { benchNote, bigEncounter, toggleLines, TOGGLE_UNITS } from '../test/e2e/big-encounter';
import { openEncounter, type ScreenName } from '../test/e2e/open-encounter';
import { CHROMIUM, HEADLESS_FLAGS } from '../test/support/chromium';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const SCREEN = opt('screen', 'ema') as ScreenName;
const LINES = Number(opt('lines', '60'));
const EDITS = Number(opt('edits', '40'));
const PACE = Number(opt('pace', '120'));
const TOP = Number(opt('top', '30'));
const EXT = resolve(opt('ext', '.output/chrome-mv3-demo'));
const OUT = opt('out', '');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main() {
  const encounter = { ...bigEncounter(LINES), note: benchNote(5000) };
  const toggles = toggleLines(encounter).slice(0, 10);
  const { server, url: base } = await startDemoServer(0);
  const profile = mkdtempSync(join(tmpdir(), 'dermlint-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    enableExtensions: true,
    args: [
      ...HEADLESS_FLAGS,
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
    ],
  });
  try {
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const frame = await openEncounter(page, SCREEN, base, encounter);
    const start = Date.now();
    while (Date.now() - start < 30_000) {
      const n = await frame.evaluate(() => document.querySelectorAll('dermlint-warning').length).catch(() => 0);
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const pills = await frame.evaluate(() => document.querySelectorAll('dermlint-warning').length);
    console.log(`${pills} warnings painted before the edits`);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const selector = (line: number) =>
      SCREEN === 'ema' ? `input[aria-label="Units row ${line + 1}"]` : `input[aria-label="Units, line ${line + 1}"]`;
    const edits: [string, string][] = [];
    for (let k = 0; k < EDITS; k++) {
      const line = toggles[k % toggles.length]!;
      edits.push([selector(line), Math.floor(k / toggles.length) % 2 ? TOGGLE_UNITS.clean : TOGGLE_UNITS.bad]);
    }
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    await cdp.send('Profiler.start');
    await frame.evaluate(
      async (list, pace) => {
        for (const [sel, value] of list) {
          const el = document.querySelector<HTMLInputElement>(sel);
          if (!el) throw new Error(`no ${sel}`);
          el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((r) => setTimeout(r, pace));
        }
        await new Promise((r) => setTimeout(r, 400));
      },
      edits,
      PACE,
    );
    const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    const metric = (list: typeof before, name: string) => list.find((m) => m.name === name)?.value ?? 0;
    const script = (metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000;
    const task = (metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) * 1000;
    if (OUT) writeFileSync(OUT, JSON.stringify(p));
    report(p, script, task);
  } finally {
    await browser.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function report(p: Profile, script: number, task: number) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const short = (url: string) => url.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:').replace(/^https?:\/\/[^/]+/, '');
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    selfBy.set(name(n), (selfBy.get(name(n)) ?? 0) + ms);
    const seen = new Set<string>();
    let scriptOf = '';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const a = byId.get(at)!;
      const key = name(a);
      if (!scriptOf && a.callFrame.url) scriptOf = short(a.callFrame.url);
      if (seen.has(key)) continue;
      seen.add(key);
      totalBy.set(key, (totalBy.get(key) ?? 0) + ms);
    }
    const s = scriptOf || n.callFrame.functionName;
    byScript.set(s, (byScript.get(s) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .filter(([key]) => !/^\((root|program|idle)\)/.test(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([key, ms]) => `  ${ms.toFixed(1).padStart(9)} ms  ${(ms / EDITS).toFixed(2).padStart(7)} /edit  ${key}`)
      .join('\n');
  console.log(
    `${SCREEN}, ${LINES} lines, ${EDITS} edits every ${PACE} ms: ScriptDuration ${script.toFixed(1)} ms (${(script / EDITS).toFixed(2)} per edit), TaskDuration ${task.toFixed(1)} ms`,
  );
  console.log(`\nsampled time by script (the frame's first script with a URL):\n${top(byScript, 12)}`);
  console.log(`\ntop functions by self time:\n${top(selfBy, TOP)}`);
  console.log(`\ntop functions by total time:\n${top(totalBy, TOP)}`);
}

void main();
