/**
 * Accessibility in Chromium: axe-core at WCAG 2.2 AA on the warnings the
 * content script paints into the EHR screens (closed shadow roots, read over
 * the DevTools protocol: ./shadow; the warnings collapsed and
 * opened), the sign-off prompt, the popup, the side panel and the options
 * page; and keyboard use: every control reachable with Tab and showing a
 * visible focus style, the warning pills opened with Enter, the sign-off
 * prompt and a dismissal done without a mouse. The pills must also never
 * cover one of the EHR's own controls (WCAG 2.2 focus not obscured, 2.4.11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'puppeteer-core';
import { launch, waitForWarnings, type Session } from './harness';
import { onFreshElement, SCREENS } from './screens';
import { readExtensionData, until } from './extension-data';
import { openExtensionPage, tabIdOf } from './pages';
import { DEFAULT_EXTENSION_SETTINGS, SETTINGS_KEY } from '../../lib/extension-settings';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { countInPainted, exposeShadowRoots, waitInPainted } from './shadow';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const examples: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
/** What a case paints with needs-review findings shown inline (rule@line, sorted). */
function paintedWithInfo(id: string): string[] {
  const c = examples.find((x) => x.encounter.id === id)!;
  return [...new Set(run(c.encounter).map((f) => `${f.rule}@${f.line ?? 'encounter'}`))].sort();
}

/** axe-core's violations of WCAG 2.2 AA, as readable lines; `include`: CSS selectors of the parts to check (axe follows open shadow roots). */
async function axeViolations(where: Page | Frame, include?: string[]): Promise<string[]> {
  await reveal(where);
  if (!(await where.evaluate(() => 'axe' in window))) await where.evaluate(AXE_SOURCE);
  return where.evaluate(
    async (selectors: string[] | null, tags: string[]) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{
              violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
            }>;
          };
        }
      ).axe;
      const context = selectors ? { include: selectors.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.flatMap((v) =>
        v.nodes.map(
          (n) => `${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        ),
      );
    },
    include ?? null,
    WCAG22_AA,
  );
}

/**
 * dermlint's shadow roots are closed: on an EHR frame, hand them to the test's own evaluations
 * (and axe's) over the DevTools protocol first (./shadow). Extension pages have none.
 */
async function reveal(where: Page | Frame): Promise<void> {
  if ('parentFrame' in where) await exposeShadowRoots(where);
}

// ── Keyboard ───────────────────────────────────────────────────────────────

interface Stop {
  key: string;
  /** Focused: outline / box-shadow of the element (or of its label, for a visually hidden input). */
  focused: string;
  indicator: boolean;
}

/**
 * Marks every control a keyboard user must be able to reach (data-kbd), in
 * `where` and in the open shadow roots under it; radio buttons of one group
 * share one key (one Tab stop, arrow keys inside).
 */
async function markControls(where: Page | Frame, scope = 'html'): Promise<string[]> {
  await reveal(where);
  return where.evaluate((scopeSelector: string) => {
    const SELECTOR =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable=""], [contenteditable="true"]';
    const keys: string[] = [];
    let n = 0;
    const visit = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>(SELECTOR))) {
        const disabled = (el as HTMLButtonElement).disabled || el.closest('[inert], fieldset[disabled]') !== null;
        const tabindex = el.getAttribute('tabindex');
        if (disabled || (tabindex !== null && Number(tabindex) < 0)) continue;
        if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
        const key = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : `c${++n}`;
        el.dataset.kbd = key;
        if (!keys.includes(key)) keys.push(key);
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    for (const root of Array.from(document.querySelectorAll(scopeSelector))) visit(root);
    return keys;
  }, scope);
}

/** The focused element, through open shadow roots: its data-kbd key and its focus style. */
async function focusedStop(where: Page | Frame): Promise<Stop | null> {
  await reveal(where);
  return where.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const rect = el.getBoundingClientRect();
    const hidden = Number(getComputedStyle(el).opacity) === 0 || rect.width <= 1 || rect.height <= 1;
    const shown = (hidden ? el.closest('label') : null) ?? el;
    const cs = getComputedStyle(shown);
    const outline = cs.outlineStyle === 'auto' || (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2);
    return {
      key:
        el.dataset.kbd ??
        `unmarked:${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`,
      focused: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} | ${cs.boxShadow}`,
      indicator: outline || cs.boxShadow !== 'none',
    };
  });
}

/** The same style with nothing focused, for each key (the first element of that key). */
async function unfocusedStyles(where: Page | Frame, keys: string[]): Promise<Record<string, string>> {
  await reveal(where);
  return where.evaluate((wanted: string[]) => {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    active?.blur();
    const all: HTMLElement[] = [];
    const visit = (root: ParentNode) => {
      all.push(...Array.from(root.querySelectorAll<HTMLElement>('[data-kbd]')));
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    const out: Record<string, string> = {};
    for (const key of wanted) {
      const el = all.find((e) => e.dataset.kbd === key);
      if (!el) continue;
      const rect = el.getBoundingClientRect();
      const hidden = Number(getComputedStyle(el).opacity) === 0 || rect.width <= 1 || rect.height <= 1;
      const cs = getComputedStyle((hidden ? el.closest('label') : null) ?? el);
      out[key] = `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} | ${cs.boxShadow}`;
    }
    return out;
  }, keys);
}

/**
 * Presses Tab from the top of `where` until focus leaves it or comes back to
 * the first stop (or `enough` says so), and returns the stops in order.
 */
async function tabThrough(
  page: Page,
  where: Page | Frame,
  enough: (stops: Stop[]) => boolean = () => false,
  max = 400,
): Promise<Stop[]> {
  // Start before the first control: focus the document (the frame's, for a frame), nothing inside it.
  await reveal(where);
  await where.evaluate(() => {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    active?.blur();
    window.focus();
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const stops: Stop[] = [];
  let outside = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(where);
    if (!stop) {
      // Focus left the document (past its last control), or a widget of the EHR dropped it for a moment.
      if (stops.length && ++outside >= 3) break;
      continue;
    }
    outside = 0;
    if (stops.length && stop.key === stops[0]!.key) break;
    if (!stops.some((s) => s.key === stop.key)) stops.push(stop);
    if (enough(stops)) break;
  }
  return stops;
}

/** Every marked control was reached by Tab, and each showed a focus indicator that differs from its unfocused look. */
async function expectKeyboardComplete(page: Page, where: Page | Frame, what: string) {
  const keys = await markControls(where);
  expect(keys.length, `${what}: controls found`).toBeGreaterThan(0);
  const stops = await tabThrough(page, where);
  const reached = new Set(stops.map((s) => s.key));
  expect(
    keys.filter((k) => !reached.has(k)),
    `${what}: controls Tab never reached`,
  ).toEqual([]);
  expect(
    stops.filter((s) => s.key.startsWith('unmarked:')).map((s) => s.key),
    `${what}: focus stopped on hidden or disabled elements`,
  ).toEqual([]);
  const plain = await unfocusedStyles(where, keys);
  const invisible = stops
    .filter((s) => !s.indicator || s.focused === plain[s.key])
    .map((s) => `${s.key}: focused ${s.focused}, unfocused ${plain[s.key]}`);
  expect(invisible, `${what}: controls without a visible focus style`).toEqual([]);
  return stops;
}

// ── The session ──────────────────────────────────────────────────────────────

let session: Session;
let ehr: Page;

beforeAll(async () => {
  session = await launch();
  // Needs-review (info) findings painted too, so every severity's pill is checked.
  const options = await openExtensionPage(session, 'options.html');
  await options.evaluate(
    (key: string, value: unknown) =>
      (chrome.storage as { local: { set(v: object): Promise<void> } }).local.set({ [key]: value }),
    SETTINGS_KEY,
    { ...DEFAULT_EXTENSION_SETTINGS, showInfoInline: true },
  );
  await options.close();
  ehr = await session.browser.newPage();
  await ehr.setViewport({ width: 1400, height: 900 });
});
afterAll(async () => session?.close());

async function openCase(screen: (typeof SCREENS)[number], id: string): Promise<Frame> {
  await ehr.goto(screen.url(session.baseUrl, id));
  const frame = await screen.frame(ehr, id);
  await waitForWarnings(frame, paintedWithInfo(id), 15_000);
  return frame;
}

/** Each pill's rectangle against each of the EHR's own controls in the frame: the overlaps. */
async function pillsOverControls(frame: Frame): Promise<string[]> {
  await reveal(frame);
  return frame.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex], [role="button"], [role="combobox"], [contenteditable="true"]',
      ),
    ).filter((el) => !el.closest('dermlint-line, dermlint-warning, dermlint-signoff') && el.checkVisibility());
    const out: string[] = [];
    for (const host of Array.from(document.querySelectorAll('dermlint-warning'))) {
      const pill = host.shadowRoot!.querySelector('.pill')!.getBoundingClientRect();
      for (const c of controls) {
        const r = c.getBoundingClientRect();
        const w = Math.min(pill.right, r.right) - Math.max(pill.left, r.left);
        const h = Math.min(pill.bottom, r.bottom) - Math.max(pill.top, r.top);
        if (w > 0.5 && h > 0.5)
          out.push(
            `${host.getAttribute('data-dermlint-rule')}@${host.getAttribute('data-dermlint-line')} covers ${c.tagName.toLowerCase()}[${c.getAttribute('aria-label') ?? c.getAttribute('name') ?? ''}] by ${Math.round(w)}x${Math.round(h)}px`,
          );
      }
    }
    return out;
  });
}

// Errors (one or two per line, line- and encounter-level), warnings, needs-review, and lines with no description.
const CASES = ['ex17', 'ex10', 'ex30', 'ex18', 'ex03', 'ex43', 'ex44', 'ex46', 'ex47'];

describe('inline warnings', () => {
  it('axe looks inside the warnings’ shadow roots (a nameless button planted there is reported)', async () => {
    const frame = await openCase(SCREENS[0]!, 'ex01');
    await reveal(frame);
    await frame.evaluate(() => {
      const planted = document.createElement('button');
      planted.className = 'planted';
      document.querySelector('dermlint-warning')!.shadowRoot!.appendChild(planted);
    });
    expect((await axeViolations(frame, ['dermlint-warning'])).join('\n')).toMatch(/button-name/);
    await reveal(frame);
    await frame.evaluate(() =>
      document.querySelector('dermlint-warning')!.shadowRoot!.querySelector('.planted')!.remove(),
    );
    expect(await axeViolations(frame, ['dermlint-warning'])).toEqual([]);
  });

  for (const screen of SCREENS) {
    it.each(CASES)(
      `${screen.name} %s: no WCAG 2.2 AA violation, closed and open; no EHR control covered`,
      async (id) => {
        const frame = await openCase(screen, id);
        expect(await axeViolations(frame, ['dermlint-warning'])).toEqual([]);
        expect(await pillsOverControls(frame)).toEqual([]);
        // Opened all at once (an open card may lie over the next line's pill, as it should: it is on top), each by
        // a person's key on it (dermlint acts on trusted events only; a pointer would hit the card over it).
        await reveal(frame);
        const pills = await frame.evaluateHandle(() =>
          Array.from(document.querySelectorAll('dermlint-warning')).map((h) =>
            h.shadowRoot!.querySelector<HTMLElement>('button.pill')!,
          ),
        );
        for (const pill of await pills.getProperties().then((m) => [...m.values()])) {
          await pill.evaluate((b) => (b as HTMLElement).focus());
          await ehr.keyboard.press('Enter');
        }
        await pills.dispose();
        await until(
          () => countInPainted(frame, '.card'),
          (n) => n === paintedWithInfo(id).length,
          'every card open',
        );
        expect(await axeViolations(frame, ['dermlint-warning'])).toEqual([]);
      },
    );

    it(`${screen.name}: Tab reaches every pill in line order with a visible focus style; Enter opens one, Escape closes it`, async () => {
      const frame = await openCase(screen, 'ex17');
      await markControls(frame);
      await reveal(frame);
      const pills = await frame.evaluate(() =>
        Array.from(document.querySelectorAll('dermlint-warning')).map(
          (host) => host.shadowRoot!.querySelector<HTMLElement>('button.pill')!.dataset.kbd ?? 'unmarked pill',
        ),
      );
      expect(pills.length).toBe(2);
      const stops = await tabThrough(ehr, frame, (s) => pills.every((p) => s.some((x) => x.key === p)));
      const reached = stops.filter((s) => pills.includes(s.key));
      expect(reached.map((s) => s.key)).toEqual(pills);
      const plain = await unfocusedStyles(frame, pills);
      for (const s of reached) {
        expect(s.indicator, `${s.key} focused: ${s.focused}`).toBe(true);
        expect(s.focused).not.toBe(plain[s.key]);
      }
      // Back onto the first pill by keyboard, then Enter.
      await reveal(frame);
      await frame.evaluate(() =>
        document.querySelector('dermlint-warning')!.shadowRoot!.querySelector<HTMLElement>('button.pill')!.focus(),
      );
      await ehr.keyboard.press('Enter');
      const expanded = async () => (
        await reveal(frame),
        frame.evaluate(() =>
          document
            .querySelector('dermlint-warning')!
            .shadowRoot!.querySelector('button.pill')!
            .getAttribute('aria-expanded'),
        )
      );
      await until(expanded, (v) => v === 'true', 'Enter opens the pill');
      const card = await (await waitInPainted(frame, '.card')).evaluate((c) => c.textContent ?? '');
      expect(card).toMatch(/Fix:/);
      await ehr.keyboard.press('Escape');
      await until(expanded, (v) => v === 'false', 'Escape closes it');
      expect((await focusedStop(frame))?.key).toBe(pills[0]);
      // Space works as well (it is a real button).
      await ehr.keyboard.press('Space');
      await until(expanded, (v) => v === 'true', 'Space opens the pill');
      await ehr.keyboard.press('Escape');
    });

    it(`${screen.name}: the sign-off prompt passes axe and works from the keyboard`, async () => {
      const frame = await openCase(screen, 'ex01');
      await onFreshElement(frame, screen.signControl, (sign) => sign.focus());
      await ehr.keyboard.press('Enter');
      await frame.waitForSelector('dermlint-signoff');
      expect(await axeViolations(frame, ['dermlint-signoff'])).toEqual([]);
      // The question takes focus (role alertdialog), on its safe choice.
      const focusedText = async () =>
        (await reveal(frame), frame).evaluate(() => {
          let el = document.activeElement as HTMLElement | null;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
          return el?.textContent?.trim() ?? '';
        });
      await until(focusedText, (t) => t === 'Review', 'focus on “Review”');
      await ehr.keyboard.press('Tab');
      expect(await focusedText()).toBe('Sign anyway');
      await ehr.keyboard.press('Escape');
      await until(
        () => frame.$('dermlint-signoff'),
        (h) => h === null,
        'Escape closes the prompt',
      );
      // Focus goes back to the sign control.
      expect(
        await frame.evaluate(
          (sel: string) => document.activeElement === document.querySelector(sel),
          screen.signControl,
        ),
      ).toBe(true);
    });
  }
});

describe('extension pages', () => {
  let tabId: number;
  beforeAll(async () => {
    await openCase(SCREENS[0]!, 'ex17');
    tabId = await tabIdOf(session, ehr);
  });

  it('popup: no violation with findings, on a tab with nothing read, and every control reachable with visible focus', async () => {
    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, { width: 360, height: 600 });
    await popup.waitForSelector('.counts');
    expect(await axeViolations(popup)).toEqual([]);
    await expectKeyboardComplete(popup, popup, 'popup');
    await popup.close();
    // A demo page with no encounter on it, and the popup's own tab (not an EHR page at all).
    const index = await session.browser.newPage();
    await index.goto(`${session.baseUrl}/`);
    for (const path of [`popup.html?tab=${await tabIdOf(session, index)}`, 'popup.html']) {
      const other = await openExtensionPage(session, path, { width: 360, height: 600 });
      await other.waitForSelector('.notice');
      expect(await axeViolations(other)).toEqual([]);
      await expectKeyboardComplete(other, other, `popup (${path})`);
      await other.close();
    }
    await index.close();
  });

  it('side panel: no violation in the list, the dismiss form and a dismissed finding; all by keyboard', async () => {
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('article.finding');
    expect(await axeViolations(panel)).toEqual([]);
    await expectKeyboardComplete(panel, panel, 'side panel');

    // The filter is a radio group: arrow keys move it.
    await panel.focus('input[name="review-filter"]:checked');
    await panel.keyboard.press('ArrowRight');
    expect(await panel.$eval('input[name="review-filter"]:checked', (r) => r.value)).toBe('error');
    await panel.keyboard.press('ArrowLeft');
    expect(await panel.$eval('input[name="review-filter"]:checked', (r) => r.value)).toBe('all');

    // Dismiss a finding without the mouse: Tab to “Dismiss…”, Enter, arrows for the reason, Tab to the submit button.
    const keys = await markControls(panel);
    const dismissKey = await panel.$eval('article.finding .actions button', (b) => (b as HTMLElement).dataset.kbd!);
    await tabThrough(panel, panel, (s) => s.some((x) => x.key === dismissKey));
    expect((await focusedStop(panel))?.key).toBe(dismissKey);
    expect(keys).toContain(dismissKey);
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('form.dismiss-form');
    expect(await axeViolations(panel)).toEqual([]);
    // The form took focus on its first reason (in an effect: after the form is drawn, not with it).
    await until(
      () => panel.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? ''),
      (v) => v === 'documented-separately',
      'the dismiss form takes focus on its first reason',
    );
    await panel.keyboard.press('Space');
    await panel.keyboard.press('Tab'); // comment
    await panel.keyboard.press('Tab'); // Dismiss
    expect(await panel.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Dismiss');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('article.finding.is-dismissed', { timeout: 15_000 });
    expect(await axeViolations(panel)).toEqual([]);
    await expectKeyboardComplete(panel, panel, 'side panel with a dismissed finding');
    await panel.close();
  });

  it('options: no violation (with an audit log entry and the field map editor open); every control reachable with visible focus', async () => {
    const options = await openExtensionPage(session, 'options.html', { width: 1200, height: 900 });
    // An audit log with an entry in it (the side panel test leaves one; on its own, this test makes one).
    await options.evaluate(async (tab: number) => {
      const send = (m: object) =>
        chrome.runtime.sendMessage(m) as Promise<{
          ok: boolean;
          state?: { findings: { key: string; dismissed?: unknown }[] };
          dismissals?: unknown[];
        }>;
      if ((await send({ type: 'audit' })).dismissals?.length) return;
      const open = (await send({ type: 'tab-state', tabId: tab })).state!.findings.find((f) => !f.dismissed)!;
      await send({ type: 'dismiss', tabId: tab, key: open.key, reason: 'not-applicable' });
    }, tabId);
    await options.reload();
    await options.waitForSelector('#level-mod25-missing');
    await until(
      () => options.$$eval('#audit table tbody tr', (r) => r.length),
      (n) => n >= 1,
      'the audit log lists a dismissal',
    );
    expect(await axeViolations(options)).toEqual([]);
    const stops = await expectKeyboardComplete(options, options, 'options');
    expect(stops.length).toBeGreaterThan(50); // the rule table alone has one select per rule

    // A control operated from the keyboard saves: the rule level of mod25-missing.
    await options.focus('#level-mod25-missing');
    await options.keyboard.press('ArrowDown');
    await until(
      async () =>
        (
          (await readExtensionData(options)).storage.local[SETTINGS_KEY] as
            { rules?: Record<string, string> } | undefined
        )?.rules?.['mod25-missing'],
      (level) => typeof level === 'string' && level !== 'default',
      'a level chosen with the arrow keys is saved',
    );

    const newMap = await options.$$('button');
    for (const b of newMap) if ((await b.evaluate((el) => el.textContent?.trim())) === 'New field map') await b.click();
    await options.waitForSelector('#fieldmaps form.fm-editor');
    expect(await axeViolations(options)).toEqual([]);
    await expectKeyboardComplete(options, options, 'options with the field map editor');
    await options.close();
  });
});

declare const chrome: { storage: unknown; runtime: { sendMessage(m: object): Promise<unknown> } };
