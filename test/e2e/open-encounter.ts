/**
 * Opens any encounter on a demo screen and returns the frame that shows it.
 *
 * EMA takes it in the hash route (?encounter=…, never sent to the server, any
 * size). athenaNet takes it in frMain's query string, which the demo server
 * receives three times over, double-encoded in MAIN; Node's HTTP server refuses
 * request lines over 16 KB, so a large encounter goes through the screen's own
 * "Load encounter JSON…" file input instead (what a user of the demo would do).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { DEMO_PATHS, demoScreenUrl } from '../../adapters/demo-screens';

export type ScreenName = 'ema' | 'athena';

/** Largest request line the demo server accepts comfortably (Node's limit is 16 KB of headers). */
const MAX_QUERY = 12_000;

export function emaUrl(base: string, encounter: unknown, patient = 4242): string {
  return demoScreenUrl.ema(base, { encounter }, patient);
}

export function athenaUrl(base: string, encounter: unknown): string | null {
  const main = demoScreenUrl.athenaEncounter('', { encounter });
  if (encodeURIComponent(main).length > MAX_QUERY) return null;
  return demoScreenUrl.athena(base, { encounter });
}

/** The frame whose demo screen says it rendered `ready` (the case id, or 'custom'). */
export async function demoFrame(page: Page, ready: string, timeout = 20_000, not?: string): Promise<Frame> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const f of page.frames()) {
      const state = await f
        .evaluate(
          () =>
            [
              document.documentElement.dataset.demoReady ?? null,
              document.documentElement.dataset.demoRev ?? null,
            ] as const,
        )
        .catch(() => null);
      if (state && state[0] === ready && (not === undefined || state[1] !== not)) return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the demo screen did not render '${ready}' within ${timeout} ms`);
}

async function athenaFrameWithInput(page: Page, timeout = 20_000): Promise<Frame> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const f of page.frames()) {
      if (!/encounter\.esp/.test(f.url())) continue;
      if (await f.$('input[name="LOADJSON"]').catch(() => null)) return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the athenaNet demo showed no "Load encounter JSON" input');
}

/** Shows `encounter` on the screen (a fresh navigation) and returns its frame once rendered. */
export async function openEncounter(page: Page, screen: ScreenName, base: string, encounter: unknown): Promise<Frame> {
  if (screen === 'ema') {
    // A new hash on the same document would be a route change; start from a blank page so every open is a fresh load.
    await page.goto('about:blank');
    await page.goto(emaUrl(base, encounter));
    return demoFrame(page, 'custom');
  }
  const url = athenaUrl(base, encounter);
  if (url) {
    await page.goto(url);
    return demoFrame(page, 'custom');
  }
  await page.goto(`${base}${DEMO_PATHS.athena}globalframeset.esp`);
  const frame = await athenaFrameWithInput(page);
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-encounter-'));
  try {
    const file = join(dir, 'encounter.json');
    writeFileSync(file, JSON.stringify(encounter));
    const input = await frame.$('input[name="LOADJSON"]');
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(file);
    return await demoFrame(page, 'custom');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
