/**
 * Where the inline warnings sit, measured in Chromium on every demo screen
 * (EMA, athena, the eClinicalWorks-style screen read through its field map)
 * for every worked example that paints warnings, at 1280 and 1024 px wide:
 *
 * - each pill covers none of the EHR's text (every text node's boxes, from
 *   Range.getClientRects), controls, images or frames, and no other pill;
 * - its title is whole (the label is not clipped: scrollWidth ≤ clientWidth)
 *   and it is the finding's title (or its short label);
 * - it lies inside the viewport, and a pill is hidden only when its line is
 *   not in view;
 * - the EHR's DOM outside dermlint's own elements is the same as the same page
 *   shows in a second Chromium without the extension.
 *
 * One page per screen in each browser, navigated from case to case; the width
 * changes on the same page (the pills follow the resize), and once per screen
 * the page is scrolled (they follow the scroll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { CHROMIUM, launch, waitForWarnings, type Session } from './harness';
import { openExtensionPage } from './pages';
import { SCREENS } from './screens';
import { exposeShadowRoots, waitInPainted } from './shadow';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { DEFAULT_EXTENSION_SETTINGS, SETTINGS_KEY } from '../../lib/extension-settings';
import { demoScreenUrl } from '../../adapters/demo-screens';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';
import { shortLabel } from '../../components/finding-labels';
import { HEADLESS_FLAGS } from '../support/chromium';

const examples: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);

/** What a case paints (needs-review findings stay in the review list), and each warning's pill text. */
function painted(encounter: Encounter): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of run(encounter))
    if (f.severity !== 'info') out.set(`${f.rule}@${f.line ?? 'encounter'}`, f.title ?? shortLabel(f.rule));
  return out;
}
const CASES = examples.map((e) => ({ id: e.encounter.id, want: painted(e.encounter) })).filter((c) => c.want.size > 0);

interface Layout {
  name: string;
  url(base: string, id: string): string;
  /** In the page: the rows of the procedure lines, in line order. */
  rows: string;
}
const LAYOUTS: Layout[] = [
  { name: 'ema', url: SCREENS[0]!.url, rows: 'tr[data-identifier="procedure-row"]' },
  { name: 'athena', url: SCREENS[1]!.url, rows: 'tr.fe_c_service' },
  {
    name: 'ecw',
    url: (base, id) => demoScreenUrl.ecw(base, { case: id }),
    rows: '#cptTable tbody tr[ng-repeat]',
  },
];

interface Measured {
  /** rule@line of each pill shown, with its label. */
  shown: Record<string, string>;
  problems: string[];
}

/**
 * Runs in the EHR's frame: every pill shown against every text box, control box and other pill
 * of the page, the viewport, its label's width; hidden pills against their line's row.
 */
function measure(rowsSelector: string): Measured {
  const view = { w: document.documentElement.clientWidth, h: document.documentElement.clientHeight };
  const ours = (n: Node | null) => {
    for (let e = n instanceof Element ? n : (n?.parentElement ?? null); e; e = e.parentElement)
      if (e.nodeName.startsWith('DERMLINT-')) return true;
    return false;
  };
  const boxes: { what: string; r: DOMRect }[] = [];
  const range = document.createRange();
  const visit = (root: ParentNode) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        if (!/\S/.test((n as Text).data) || ours(n)) continue;
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects()))
          boxes.push({ what: `text “${(n as Text).data.trim().slice(0, 30)}”`, r });
      } else {
        const el = n as Element;
        if (ours(el)) continue;
        const open = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
        if (open && !el.nodeName.startsWith('DERMLINT-')) visit(open);
      }
    }
  };
  visit(document.body);
  const CONTROLS =
    'input:not([type="hidden"]), select, textarea, button, a[href], [role="button"], [role="checkbox"], [role="radio"], [role="combobox"], [role="listbox"], [role="link"], [role="option"], [role="tab"], [contenteditable="true"], [contenteditable=""], img, svg, canvas, video, iframe';
  for (const el of Array.from(document.querySelectorAll(CONTROLS))) {
    if (ours(el) || !el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width && r.height)
      boxes.push({
        what: `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.getAttribute('data-fieldname') ?? ''}]`,
        r,
      });
  }
  const rows = Array.from(document.querySelectorAll(rowsSelector));
  const lineRow = (line: string) =>
    rowsSelector === 'tr.fe_c_service'
      ? rows.find((r) => r.querySelector('td')?.textContent?.trim() === String(Number(line) + 1))
      : rows[Number(line)];
  const problems: string[] = [];
  const shown: Record<string, string> = {};
  const pills: { key: string; r: DOMRect }[] = [];
  for (const host of Array.from(document.querySelectorAll('dermlint-layer > dermlint-warning'))) {
    const key = `${host.getAttribute('data-dermlint-rule')}@${host.getAttribute('data-dermlint-line')}`;
    const root = (host as Element & { shadowRoot: ShadowRoot | null }).shadowRoot!;
    const pill = root.querySelector<HTMLElement>('.pill')!;
    const label = root.querySelector<HTMLElement>('.label')!;
    const r = pill.getBoundingClientRect();
    if (getComputedStyle(host).opacity === '0') {
      // Hidden: only while its line is not wholly in view.
      const line = host.getAttribute('data-dermlint-line')!;
      const row = line === 'encounter' ? null : lineRow(line);
      const rr = row?.getBoundingClientRect();
      if (rr && rr.top >= 0 && rr.bottom <= view.h && rr.left >= 0 && rr.right <= view.w)
        problems.push(`${key}: hidden while its line is in view`);
      continue;
    }
    shown[key] = label.textContent ?? '';
    if (label.scrollWidth > label.clientWidth || pill.scrollWidth > pill.clientWidth)
      problems.push(`${key}: title clipped (${label.scrollWidth} > ${label.clientWidth})`);
    if (r.left < 0 || r.top < 0 || r.right > view.w || r.bottom > view.h)
      problems.push(
        `${key}: outside the viewport (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${view.w}×${view.h})`,
      );
    for (const b of boxes) {
      const w = Math.min(r.right, b.r.right) - Math.max(r.left, b.r.left);
      const h = Math.min(r.bottom, b.r.bottom) - Math.max(r.top, b.r.top);
      if (w > 0.5 && h > 0.5) problems.push(`${key} covers ${b.what} by ${Math.round(w)}×${Math.round(h)}px`);
    }
    for (const o of pills) {
      const w = Math.min(r.right, o.r.right) - Math.max(r.left, o.r.left);
      const h = Math.min(r.bottom, o.r.bottom) - Math.max(r.top, o.r.top);
      if (w > 0.5 && h > 0.5) problems.push(`${key} covers the pill of ${o.key}`);
    }
    pills.push({ key, r });
  }
  return { shown, problems };
}

/** Every frame's document as markup, dermlint's own elements left out; EMA's per-render autocomplete tokens (as Angular's ng-select makes them) evened out. */
async function pageMarkup(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const f of page.frames()) {
    const html = await f
      .evaluate(() => {
        const copy = document.documentElement.cloneNode(true) as Element;
        for (const el of Array.from(copy.querySelectorAll('*'))) if (el.nodeName.startsWith('DERMLINT-')) el.remove();
        return copy.outerHTML.replace(/autocomplete="a[0-9a-z]{5,6}"/g, 'autocomplete="…"');
      })
      .catch(() => '');
    out.push(`${f.url().replace(/^https?:\/\/[^/]+/, '')}\n${html}`);
  }
  return out.sort();
}

/** The frame that shows the encounter (the demo screens mark it when they rendered `id`). */
async function encounterFrame(page: Page, id: string, timeout = 20_000): Promise<Frame> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const f of page.frames())
      if ((await f.evaluate(() => document.documentElement.dataset.demoReady).catch(() => undefined)) === id) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the demo screen did not render ${id}`);
}

/** Two frames: a resize or scroll has been followed (one placement per frame). */
const frames = (f: Frame) =>
  f.evaluate(
    () =>
      new Promise<void>((r) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)));
        setTimeout(r, 500); // no frames in a tab in the background: do not wait for ever
      }),
  );

let session: Session;
let plain: Browser;
let plainProfile: string;
const pages = new Map<string, [Page, Page]>();

beforeAll(async () => {
  session = await launch();
  const options = await openExtensionPage(session, 'options.html');
  await options.evaluate(
    (key: string, value: unknown) =>
      (chrome.storage as { local: { set(v: object): Promise<void> } }).local.set({ [key]: value }),
    SETTINGS_KEY,
    { ...DEFAULT_EXTENSION_SETTINGS, fieldMaps: [ECW_FIELD_MAP] },
  );
  await options.close();
  plainProfile = mkdtempSync(join(tmpdir(), 'dermlint-plain-'));
  plain = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: plainProfile,
    args: [...HEADLESS_FLAGS, '--disable-dev-shm-usage'],
  });
  for (const layout of LAYOUTS) {
    const withIt = await session.browser.newPage();
    const without = await plain.newPage();
    pages.set(layout.name, [withIt, without]);
  }
}, 120_000);

afterAll(async () => {
  await plain?.close().catch(() => {});
  if (plainProfile) rmSync(plainProfile, { recursive: true, force: true });
  await session?.close();
});

for (const layout of LAYOUTS) {
  describe(`${layout.name} screen`, () => {
    let scrolled = false;
    it.each(CASES.map((c) => [c.id, c] as const))(
      '%s: pills beside their fields cover nothing, whole, in view, at 1280 and 1024 px; the EHR’s DOM untouched',
      async (id, c) => {
        const [page, bare] = pages.get(layout.name)!;
        // In front: a tab in the background gets no frames (and the pills follow the page frame by frame).
        await page.bringToFront();
        await page.setViewport({ width: 1280, height: 900 });
        await bare.setViewport({ width: 1280, height: 900 });
        await Promise.all([page.goto(layout.url(session.baseUrl, id)), bare.goto(layout.url(session.baseUrl, id))]);
        const [frame] = await Promise.all([encounterFrame(page, id), encounterFrame(bare, id)]);
        await waitForWarnings(frame, [...c.want.keys()], 15_000);
        for (const width of [1280, 1024]) {
          if (width !== 1280) await page.setViewport({ width, height: 900 });
          await frames(frame);
          await exposeShadowRoots(frame);
          const m = await frame.evaluate(measure, layout.rows);
          expect(m.problems, `${layout.name} ${id} at ${width} px`).toEqual([]);
          for (const [key, label] of Object.entries(m.shown)) expect(label, key).toBe(c.want.get(key));
          if (width === 1280) expect(Object.keys(m.shown).length, 'pills shown at 1280 px').toBeGreaterThan(0);
        }
        // The page scrolled (once per screen, on a case whose page can scroll): the pills follow.
        if (!scrolled) {
          const moved = await frame.evaluate(() => {
            const el = document.scrollingElement!;
            const before = el.scrollTop;
            el.scrollTop += 120;
            return el.scrollTop !== before;
          });
          if (moved) {
            scrolled = true;
            await frames(frame);
            await exposeShadowRoots(frame);
            expect((await frame.evaluate(measure, layout.rows)).problems, `${layout.name} ${id} scrolled`).toEqual([]);
          }
        }
        // Nothing of the EHR's own page changed: the same markup as in a browser without dermlint.
        expect(await pageMarkup(page)).toEqual(await pageMarkup(bare));
      },
    );
  });
}

/**
 * An open warning (its card opened by a person's click) on EMA and athena at 1280 × 800: the card,
 * too, covers none of the EHR's text or controls. DERMLINT_SCREENSHOTS=1 saves them as
 * docs/screenshots/inline-ema.png and inline-athena.png.
 */
describe('an open warning', () => {
  for (const layout of LAYOUTS.slice(0, 2)) {
    it(`${layout.name} ex01: the card opens beside its pill in free space, hiding nothing of the chart`, async () => {
      const [page] = pages.get(layout.name)!;
      await page.bringToFront();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(layout.url(session.baseUrl, 'ex01'));
      const frame = await encounterFrame(page, 'ex01');
      await waitForWarnings(frame, ['mod25-missing@0'], 15_000);
      await frames(frame);
      const pill = await waitInPainted(frame, 'button.pill');
      await pill.click(); // a person's click (CDP input: trusted)
      await waitInPainted(frame, '.card');
      await frames(frame);
      await exposeShadowRoots(frame);
      const covered = await frame.evaluate((rowsSelector: string) => {
        const host = document.querySelector('dermlint-warning')!;
        const card = (host as Element & { shadowRoot: ShadowRoot }).shadowRoot
          .querySelector('.card')!
          .getBoundingClientRect();
        const out: string[] = [];
        const range = document.createRange();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!/\S/.test((n as Text).data) || n.parentElement?.closest('dermlint-layer')) continue;
          range.selectNodeContents(n);
          for (const r of Array.from(range.getClientRects())) {
            const w = Math.min(card.right, r.right) - Math.max(card.left, r.left);
            const h = Math.min(card.bottom, r.bottom) - Math.max(card.top, r.top);
            if (w > 0.5 && h > 0.5) out.push(`text “${(n as Text).data.trim().slice(0, 30)}”`);
          }
        }
        const inView =
          card.left >= 0 &&
          card.top >= 0 &&
          card.right <= document.documentElement.clientWidth &&
          card.bottom <= document.documentElement.clientHeight;
        return { out, inView, rows: document.querySelectorAll(rowsSelector).length };
      }, layout.rows);
      expect(covered.out).toEqual([]);
      expect(covered.inView).toBe(true);
      if (process.env.DERMLINT_SCREENSHOTS)
        await page.screenshot({ path: `docs/screenshots/inline-${layout.name}.png` });
    });
  }
});

declare const chrome: { storage: unknown };
