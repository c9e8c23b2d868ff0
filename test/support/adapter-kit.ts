/**
 * The adapter tests' kit (never imported by the extension): a demo screen run live in happy-dom
 * (`liveScreen`: its own scripts, nothing fetched), a person's edits on it (`edit`, `click`, each
 * followed by `settle`), the read that must succeed (`expectRead`), and what an encounter means on
 * a screen (`screenMeaning`), the comparison the round-trip tests make.
 */
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { Encounter } from '../../rules/schema';
import type { ReadResult } from '../../adapters/types';
import { SCRIPT_WINDOW_SETTINGS, syncSelects } from './snapshot-testing';

const FIXTURES = new URL('../fixtures/ehr/', import.meta.url);

/** The demo screens a test can run live: the page the demo server serves for each (its scripts are the page's own). */
const PAGES = {
  ema: 'ema/index.html',
  athena: 'athena/encounter.html',
  ecw: 'ecw/mobiledoc/jsp/webemr/index.html',
} as const;
export type LiveScreenName = keyof typeof PAGES;

export interface LiveScreen {
  doc: Document;
  window: Window;
}

const windows: Window[] = [];
/** Windows whose selects are put back after each re-render (happy-dom gets a re-rendered <select>'s choice wrong). */
const resyncSelects = new WeakSet<Window>();
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/**
 * A demo screen at `url`, its own scripts run in happy-dom in the order its page loads them, and
 * settled. Nothing is fetched: `/examples.json` answers `examples` when given, everything else
 * (and it, without them) fails as offline. The window is closed after the test.
 */
export async function liveScreen(
  screen: LiveScreenName,
  url: string,
  options: { examples?: unknown } = {},
): Promise<LiveScreen> {
  const window = new Window({
    url,
    settings: SCRIPT_WINDOW_SETTINGS,
  });
  windows.push(window);
  if (screen === 'ecw') resyncSelects.add(window);
  const { examples } = options;
  (window as unknown as { fetch: (u: string) => Promise<unknown> }).fetch = (u: string) =>
    examples !== undefined && u === '/examples.json'
      ? Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(structuredClone(examples)) })
      : Promise.reject(new Error('offline'));
  const html = readFileSync(new URL(PAGES[screen], FIXTURES), 'utf8');
  const scripts = [...html.matchAll(/<script src="\/([^"]+)"><\/script>/g)].map((m) => m[1]!);
  window.document.write(html.replace(/<script src="[^"]*"><\/script>/g, ''));
  for (const src of scripts) window.eval(readFileSync(new URL(src, FIXTURES), 'utf8'));
  await settle(window);
  return { doc: window.document as unknown as Document, window };
}

/** Waits for the screen to handle what just happened: its timers, then everything it started. */
export async function settle(window: Window): Promise<void> {
  await new Promise((r) => setTimeout(r, 5));
  await window.happyDOM.waitUntilComplete();
  if (resyncSelects.has(window)) syncSelects(window.document as unknown as Document);
}

/** Types into a control (or ticks a box) and commits it with a change event, as a person does. */
export async function edit(window: Window, el: Element | null | undefined, value: string | boolean): Promise<void> {
  if (!el) throw new Error('no such control');
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else (el as HTMLInputElement).value = value;
  el.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
  await settle(window);
}

/** Clicks a button of the screen and lets it re-render. */
export async function click(window: Window, el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('no such button');
  (el as HTMLElement).click();
  await settle(window);
}

/** The read, which must have succeeded (else the test fails showing what it got instead). */
export function expectRead(result: ReadResult): Extract<ReadResult, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

const collapse = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim() || undefined;

/**
 * What an encounter means on a screen (docs/formats.md), field by field, for comparing one read off
 * a screen with the one put on it: absent and empty lists are the same, text is compared with its
 * whitespace collapsed, billTo falls back to its default. The ABN as the screen can show it:
 * 'line boxes' (a box per line: an unsigned ABN is no ABN, and lines past the last are not
 * shown) or 'line list' (the lines typed in a box: kept whether signed or not).
 */
export function screenMeaning(e: Encounter, abn: 'line boxes' | 'line list') {
  const selfPay = e.payer.kind === 'self-pay';
  return {
    dateOfService: e.dateOfService,
    payer: { kind: e.payer.kind, name: collapse(e.payer.name) },
    abn:
      abn === 'line boxes'
        ? e.abn?.signed
          ? { signed: true, lines: e.abn.lines?.filter((i) => i < e.lines.length) }
          : undefined
        : e.abn && (e.abn.signed || e.abn.lines)
          ? e.abn
          : undefined,
    diagnoses: e.diagnoses.map((d) => ({ code: d.code.trim(), description: collapse(d.description) })),
    lines: e.lines.map((l) => ({
      code: l.code.trim(),
      modifiers: l.modifiers?.length ? l.modifiers.map((m) => m.trim()) : undefined,
      units: l.units,
      dx: l.dx?.length ? l.dx : undefined,
      site: collapse(l.site),
      sizeCm: l.sizeCm,
      lesions: l.lesions,
      billTo: l.billTo ?? (selfPay ? 'patient' : 'insurance'),
      category: l.category,
      description: collapse(l.description),
    })),
    note: e.note || undefined,
    history: e.history?.length ? e.history : undefined,
  };
}
