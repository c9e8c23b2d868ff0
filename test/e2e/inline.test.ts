/**
 * The extension as a physician meets it, on both demo EHR screens in a real
 * Chromium: warnings on the right lines for faulty worked examples, nothing on
 * clean ones, the badge count, and warnings gone as soon as the user fixes the
 * line by editing the screen (typing, choosing, clicking).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { badgeOf, judged, launch, POLL, waitForWarnings, warningsIn, type Session } from './harness';
import { onFreshElement, SCREENS, typeInto } from './screens';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { exposeShadowRoots, inPainted, waitInPainted } from './shadow';

const cases: { encounter: Encounter; expect: { rule: string; line: number | null }[] }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
const byId = new Map(cases.map((c) => [c.encounter.id, c]));
const codesOf = (id: string) => byId.get(id)!.encounter.lines.map((l) => l.code);

/** What should be painted: the example's expected findings, less the info ones (review list only). */
function painted(id: string): { warnings: string[]; errors: number } {
  const c = byId.get(id)!;
  const severities = new Map(run(c.encounter).map((f) => [`${f.rule}@${f.line ?? 'encounter'}`, f.severity]));
  const all = c.expect.map((e) => `${e.rule}@${e.line ?? 'encounter'}`);
  return {
    warnings: all.filter((k) => severities.get(k) !== 'info').sort(),
    errors: all.filter((k) => severities.get(k) === 'error').length,
  };
}

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await launch();
  page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
});
afterAll(async () => session?.close());

const FAULTY = [
  'ex01',
  'ex02',
  'ex06',
  'ex09',
  'ex10',
  'ex16',
  'ex17',
  'ex22',
  'ex26',
  'ex30',
  'ex33',
  'ex37',
  'ex41',
  'ex43',
  'ex44',
  'ex46',
  'ex47',
  'ex49',
];
const QUIET = ['ex03', 'ex04', 'ex05', 'ex08', 'ex15', 'ex18', 'ex19', 'ex29', 'ex35', 'ex50'];

for (const screen of SCREENS) {
  describe(`${screen.name} screen`, () => {
    it.each(FAULTY)('%s: warnings on the right lines, badge = errors', async (id) => {
      await page.goto(screen.url(session.baseUrl, id));
      const frame = await screen.frame(page, id);
      const want = painted(id);
      await waitForWarnings(frame, want.warnings);
      await expect.poll(() => badgeOf(session, page), { timeout: 5000 }).toBe(want.errors ? String(want.errors) : '');
      // Each warning is painted in dermlint's own layer, never inside the EHR's rows, and marks a field of
      // its own line: the bar under the field lies just below an element of that line's row.
      await exposeShadowRoots(frame);
      const placed = await frame.$$eval('dermlint-warning', (hosts) =>
        hosts.map((h) => {
          const line = h.getAttribute('data-dermlint-line');
          const mark = h.shadowRoot!.querySelector('.mark')!;
          const r = mark.getBoundingClientRect();
          const shown = getComputedStyle(mark).display !== 'none' && r.width > 0;
          const above = shown ? document.elementFromPoint((r.left + r.right) / 2, r.top - 3) : null;
          const row = above?.closest('tr');
          return {
            line,
            inLayer: h.parentElement?.tagName === 'DERMLINT-LAYER',
            insideRow: !!h.closest('tr'),
            marked: shown ? (row?.querySelector('td')?.textContent?.trim().match(/^\d+/)?.[0] ?? 'no row') : null,
          };
        }),
      );
      for (const p of placed) {
        expect(p.inLayer && !p.insideRow, `${p.line}: in dermlint's layer`).toBe(true);
        if (p.line !== 'encounter' && p.marked !== null)
          expect(p.marked, `the field marked for line ${p.line}`).toBe(String(Number(p.line) + 1));
      }
      expect(
        placed.filter((p) => p.line !== 'encounter' && p.marked !== null).length,
        'line warnings with a marked field',
      ).toBe(placed.filter((p) => p.line !== 'encounter').length);
    });

    it.each(QUIET)('%s: a clean (or review-only) encounter shows nothing inline', async (id) => {
      const since = Date.now();
      await page.goto(screen.url(session.baseUrl, id));
      const frame = await screen.frame(page, id);
      await judged(session, page, since, codesOf(id));
      await new Promise((r) => setTimeout(r, 600));
      expect(await warningsIn(frame)).toEqual([]);
      expect(await badgeOf(session, page)).toBe('');
    });

    it('ex44: typing the right lesion count clears lesions-lumped', async () => {
      await page.goto(screen.url(session.baseUrl, 'ex44'));
      const frame = await screen.frame(page, 'ex44');
      await waitForWarnings(frame, ['lesions-lumped@0']);
      await typeInto(frame, screen.lesions(0), '1');
      await screen.commit(frame);
      await waitForWarnings(frame, []);
      await expect.poll(() => badgeOf(session, page), POLL).toBe('');
    });

    it('ex01: adding modifier 25 clears mod25-missing', async () => {
      await page.goto(screen.url(session.baseUrl, 'ex01'));
      const frame = await screen.frame(page, 'ex01');
      await waitForWarnings(frame, ['mod25-missing@0']);
      await screen.addModifier(frame, 0, '25');
      await screen.commit(frame);
      await waitForWarnings(frame, []);
    });

    it('ex16: removing the retail line clears cosmetic-on-insurance', async () => {
      await page.goto(screen.url(session.baseUrl, 'ex16'));
      const frame = await screen.frame(page, 'ex16');
      await waitForWarnings(frame, ['cosmetic-on-insurance@1']);
      await onFreshElement(frame, screen.removeLine(1), (button) => button.click());
      await waitForWarnings(frame, []);
    });

    it('a warning appears when an edit breaks a line, and goes when it is undone', async () => {
      const since = Date.now();
      await page.goto(screen.url(session.baseUrl, 'ex04'));
      const frame = await screen.frame(page, 'ex04');
      await judged(session, page, since, codesOf('ex04'));
      await new Promise((r) => setTimeout(r, 400));
      expect(await warningsIn(frame)).toEqual([]);
      // ex04 is clean; give its first line 3 modifiers that conflict.
      await screen.addModifier(frame, 0, '59');
      await screen.commit(frame);
      await screen.addModifier(frame, 0, 'XS');
      await screen.commit(frame);
      await waitForWarnings(frame, ['modifier-conflict@0']);
    });

    it('leaves nothing in the page’s performance timeline (marks only when bench:page asks for them)', async () => {
      await page.goto(screen.url(session.baseUrl, 'ex01'));
      const frame = await screen.frame(page, 'ex01');
      await waitForWarnings(frame, ['mod25-missing@0']);
      expect(
        await frame.evaluate(
          () => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dermlint:')).length,
        ),
      ).toBe(0);
      await frame.evaluate(() => document.documentElement.setAttribute('data-dermlint-bench', ''));
      await screen.addModifier(frame, 0, '25');
      await screen.commit(frame);
      await waitForWarnings(frame, []);
      await expect
        .poll(() => frame.evaluate(() => performance.getEntriesByName('dermlint:painted').length), POLL)
        .toBeGreaterThan(0);
    });

    it('a value the page sets as a property (no event, no markup) is judged at the next read, never kept stale', async () => {
      await page.goto(screen.url(session.baseUrl, 'ex44'));
      const frame = await screen.frame(page, 'ex44');
      await waitForWarnings(frame, ['lesions-lumped@0']);
      const lesions =
        screen.name === 'ema' ? 'input[aria-label="Lesion count row 1"]' : 'input[aria-label="Lesion count, line 1"]';
      // As an Angular EHR does: the property only. Then something unrelated makes dermlint read the screen again.
      const setProperty = (value: string) =>
        frame.evaluate(
          (sel, v) => {
            (document.querySelector(sel) as HTMLInputElement).value = v;
            document.body.dispatchEvent(new Event('input', { bubbles: true }));
          },
          lesions,
          value,
        );
      await setProperty('1');
      await waitForWarnings(frame, []);
      await setProperty('3');
      await waitForWarnings(frame, ['lesions-lumped@0']);
    });

    it('the warning explains itself on click and is reachable by keyboard', async () => {
      await page.goto(screen.url(session.baseUrl, 'ex44'));
      const frame = await screen.frame(page, 'ex44');
      await waitForWarnings(frame, ['lesions-lumped@0']);
      const pill = await waitInPainted(frame, 'button.pill');
      expect(await pill.evaluate((b) => b.getAttribute('aria-label'))).toMatch(/^Coding error: /);
      await pill.focus();
      await page.keyboard.press('Enter');
      const card = await waitInPainted(frame, '.card');
      const text = await card.evaluate((c) => c.textContent);
      expect(text).toMatch(/Fix:/);
      expect(text).toMatch(/lesions-lumped/);
      await page.keyboard.press('Escape');
      await expect.poll(() => inPainted(frame, '.card'), POLL).toBeNull();
    });
  });
}
