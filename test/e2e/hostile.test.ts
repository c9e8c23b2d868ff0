/**
 * Hostile pages: the demo screens showing encounters built to hurt a content
 * script — HTML and script text in every free-text field, 10,000-character
 * values, 2,000 lines — and screens damaged in the page (sections deleted,
 * ids duplicated). dermlint reads text only: nothing from the page is ever
 * parsed as HTML or run; it stays within its time budget; and a damaged screen
 * gives the right warnings, a "could not read" note or silence, never a warning
 * on the wrong line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpus, loadavg } from 'node:os';
import type { Frame, Page } from 'puppeteer-core';
import { badgeOf, launch, waitForWarnings, warningsIn, type Session } from './harness';
import { SCREENS } from './screens';
import { openEncounter, type ScreenName } from './open-encounter';
import { bigEncounter, toggleLines, TOGGLE_RULE, TOGGLE_UNITS } from './big-encounter';
import { traceScriptTasks } from './trace';
import { until } from './extension-data';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { exposeShadowRoots, waitInPainted } from './shadow';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
/** Time from a rendered screen (or an edit) to its warnings, however loaded the machine. */
const PAINT_BUDGET_MS = 5_000;
/**
 * The content script's longest share of one task on a 2,000-line screen. Measured in thread time, so
 * other processes on a shared machine do not count (wall time, where Chrome gives no thread time, is
 * allowed the machine's oversubscription). The goal is 200 ms; this machine measures 180–230 ms at
 * 2,000 lines (one full read per edit, see docs/performance.md): the test guards against
 * regressions with twice the goal and prints the figure.
 */
const TASK_GOAL_MS = 200;
const taskBudget = (threadTime: boolean) =>
  2 * TASK_GOAL_MS * (threadTime ? 1 : Math.max(1, loadavg()[0]! / cpus().length));

/** The warnings the engine says the screen should paint (info is review-only). */
function expected(encounter: Encounter): string[] {
  return run(encounter)
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule}@${f.line ?? 'encounter'}`)
    .sort();
}

async function statusOf(frame: Frame): Promise<string | null> {
  await exposeShadowRoots(frame).catch(() => 0);
  return frame
    .evaluate(() => document.querySelector('dermlint-status')?.shadowRoot?.textContent ?? null)
    .catch(() => null);
}

/** What the frame shows once it stopped changing: warnings (rule@line) and the status note. */
async function settled(
  frame: Frame,
  quietMs = 800,
  timeout = 15_000,
): Promise<{ warnings: string[]; status: string | null }> {
  const start = Date.now();
  let last = '';
  let since = Date.now();
  let state = { warnings: [] as string[], status: null as string | null };
  while (Date.now() - start < timeout) {
    state = { warnings: await warningsIn(frame).catch(() => []), status: await statusOf(frame) };
    const key = JSON.stringify(state);
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  return state;
}

/** Nothing from the page's text ran or became an element, in any frame, nor in our shadow roots. */
async function expectNothingInjected(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    // dermlint's roots are closed: handed to the test's evaluation over the DevTools protocol (./shadow).
    await exposeShadowRoots(frame).catch(() => 0);
    const found = await frame
      .evaluate(() => {
        const out: string[] = [];
        if ((window as { __pwned?: unknown }).__pwned !== undefined) out.push('window.__pwned is set');
        const visit = (root: Document | ShadowRoot, where: string) => {
          for (const el of Array.from(
            root.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]'),
          )) {
            const injected =
              el.hasAttribute('onerror') ||
              el.hasAttribute('onload') ||
              (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
              (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__pwned'));
            // Inside our own shadow roots, no such element belongs at all.
            if (injected || where !== 'page') out.push(`${where}: <${el.tagName.toLowerCase()}>`);
          }
          for (const el of Array.from(root.querySelectorAll('*')))
            if (el.shadowRoot)
              visit(el.shadowRoot, el.tagName.startsWith('DERMLINT-') ? el.tagName.toLowerCase() : where);
        };
        visit(document, 'page');
        return out;
      })
      .catch((e: Error) => (/detached|destroyed|navigat/i.test(e.message) ? [] : [`${frame.url()}: ${e.message}`]));
    expect(found, frame.url()).toEqual([]);
  }
}

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await launch();
  page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
});
afterAll(async () => session?.close());

const NAMES: ScreenName[] = ['ema', 'athena'];

describe.each(NAMES)('%s screen, hostile text', (screen) => {
  it('HTML and script text in description, site, modifier, diagnosis and payer fields is read and shown as text, never run', async () => {
    const site = `left cheek ${IMG}`;
    const encounter: Encounter = {
      id: 'hostile-html',
      dateOfService: '2026-05-12',
      payer: { kind: 'commercial', name: IMG },
      diagnoses: [
        { code: 'L57.0', description: IMG },
        { code: 'L82.0', description: SCRIPT },
      ],
      lines: [
        { code: '99213', modifiers: [SCRIPT], dx: [2], description: IMG },
        // A trunk shave code on a face site: site-code-mismatch fires, naming the site's group (never the site as typed).
        { code: '11301', units: 1, lesions: 1, dx: [2], site, sizeCm: 0.8, description: SCRIPT },
        { code: '17000', units: 1, lesions: 1, dx: [1], site: `${SCRIPT} forehead`, description: IMG },
      ],
    };
    const want = expected(encounter);
    expect(want).toContain('site-code-mismatch@1');
    const frame = await openEncounter(page, screen, session.baseUrl, encounter);
    await waitForWarnings(frame, want, 15_000);
    await expectNothingInjected(page);
    // The warning names the site's group, never the site as typed: not in its label, its title, nor the card it opens.
    const host = 'dermlint-warning[data-dermlint-rule="site-code-mismatch"]';
    const pill = await waitInPainted(frame, 'button.pill', 10_000, host);
    await pill.click();
    const msg = await waitInPainted(frame, '.card .msg', 10_000, host);
    const shown = {
      title: await pill.evaluate((b) => b.getAttribute('title') ?? ''),
      msg: await msg.evaluate((m) => m.textContent ?? ''),
      msgElements: await msg.evaluate((m) => m.children.length),
    };
    expect(shown.title).toBe(
      '11301 is for the trunk, arms or legs, but the site is on the face, ears, eyelids, nose, lips or mucous membrane.',
    );
    expect(shown.msg).toBe(shown.title);
    for (const text of [shown.title, shown.msg]) expect(text).not.toMatch(/cheek|<img|onerror/);
    expect(shown.msgElements).toBe(0);
    await expectNothingInjected(page);
  });

  it('markup in a diagnosis code: a "could not read" note or a warning that names the diagnosis by its place, never run', async () => {
    const encounter: Encounter = {
      id: 'hostile-dx',
      dateOfService: '2026-05-12',
      payer: { kind: 'commercial', name: 'Aetna' },
      diagnoses: [{ code: IMG }, { code: SCRIPT }],
      lines: [{ code: '17110', units: 1, lesions: 3, dx: [1, 2], site: 'right index finger' }],
    };
    const frame = await openEncounter(page, screen, session.baseUrl, encounter);
    // Something shown first (a note or a warning): "settled" alone could call the screen quiet before the first answer on a loaded machine.
    await until(
      async () => ({ warnings: await warningsIn(frame).catch(() => []), status: await statusOf(frame) }),
      (s) => s.warnings.length > 0 || s.status !== null,
      'a note or a warning on the screen',
    );
    const state = await settled(frame);
    await exposeShadowRoots(frame);
    const texts = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('dermlint-warning')).map(
        (h) => h.shadowRoot!.querySelector('button.pill')?.getAttribute('title') ?? '',
      ),
    );
    // A warning never quotes what is not a code (its messages reach the review list and exports); the screen's own note may show it, as text.
    if (texts.length > 0)
      expect(texts, JSON.stringify(state)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Diagnos(is|es) \d/)]),
      );
    for (const t of texts) expect(t).not.toMatch(/<img|<script/i);
    expect(texts.length > 0 || state.status !== null, JSON.stringify({ state, texts })).toBe(true);
    await expectNothingInjected(page);
  });

  it('10,000-character values: read and judged within the budget', async () => {
    const long = (head: string) => head + 'x'.repeat(10_000 - head.length);
    const encounter: Encounter = {
      id: 'hostile-long',
      dateOfService: '2026-05-12',
      payer: { kind: 'commercial', name: long('Aetna ') },
      diagnoses: [
        { code: 'B07.8', description: long('Other viral warts ') },
        { code: 'L40.0', description: long('Psoriasis ') },
      ],
      lines: [
        { code: '99213', dx: [2], description: long('Established patient visit ') },
        {
          code: '17110',
          units: 1,
          lesions: 3,
          dx: [1],
          site: long('right index finger '),
          modifiers: [long('Z')],
          description: long('Destruction of warts '),
        },
        {
          code: '11301',
          units: 1,
          lesions: 1,
          dx: [1],
          site: long('left cheek '),
          sizeCm: 0.8,
          description: long('Shave '),
        },
      ],
    };
    const want = expected(encounter);
    expect(want).toEqual(expect.arrayContaining(['mod25-missing@0', 'site-code-mismatch@2']));
    const frame = await openEncounter(page, screen, session.baseUrl, encounter);
    const start = Date.now();
    await waitForWarnings(frame, want, PAINT_BUDGET_MS);
    expect(Date.now() - start).toBeLessThanOrEqual(PAINT_BUDGET_MS);
    await expectNothingInjected(page);
  });

  it('2,000 lines: the bad lines are painted within the budget, and an edit is judged without a long task of ours', async () => {
    const encounter = bigEncounter(2000, 'hostile-2000');
    const toggles = toggleLines(encounter);
    const [early, late, edited] = [
      toggles[Math.floor(toggles.length / 2)]!,
      toggles[toggles.length - 1]!,
      toggles[Math.floor((toggles.length * 3) / 4)]!,
    ];
    encounter.lines[early]!.units = Number(TOGGLE_UNITS.bad);
    encounter.lines[late]!.units = Number(TOGGLE_UNITS.bad);
    const want = expected(encounter);
    expect(want).toEqual(expect.arrayContaining([`${TOGGLE_RULE}@${early}`, `${TOGGLE_RULE}@${late}`]));
    const frame = await openEncounter(page, screen, session.baseUrl, encounter);
    const start = Date.now();
    await waitForWarnings(frame, want, PAINT_BUDGET_MS);
    expect(Date.now() - start).toBeLessThanOrEqual(PAINT_BUDGET_MS);

    // One edit, as the screen's own handlers expect it, traced.
    const after = structuredClone(encounter);
    after.lines[edited]!.units = Number(TOGGLE_UNITS.bad);
    const wantAfter = expected(after);
    expect(wantAfter).toContain(`${TOGGLE_RULE}@${edited}`);
    const selector =
      screen === 'ema'
        ? `input[aria-label="Units row ${edited + 1}"]`
        : `input[aria-label="Units, line ${edited + 1}"]`;
    let judgedIn = 0;
    const tasks = await traceScriptTasks(page, session.extensionId, async () => {
      await frame.$eval(
        selector,
        (el, v) => {
          (el as HTMLInputElement).value = v;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        },
        TOGGLE_UNITS.bad,
      );
      const t = Date.now();
      // athena's demo re-renders all 2,000 rows itself (seconds on a busy machine): that is the page's time, not ours.
      await waitForWarnings(frame, wantAfter, PAINT_BUDGET_MS + (screen === 'athena' ? 10_000 : 0));
      judgedIn = Date.now() - t;
    });
    const budget = taskBudget(tasks.threadTime);
    console.log(
      `${screen}, 2,000 lines: edit judged in ${judgedIn} ms; content script per task (${tasks.threadTime ? 'thread' : 'wall'} time): ` +
        `${tasks.perTask
          .slice(0, 4)
          .map((x) => x.toFixed(0))
          .join(', ')} ms (goal ${TASK_GOAL_MS}, test budget ${budget.toFixed(0)}); ` +
        `the page's style and layout it forced: ${tasks.forcedLayout
          .slice(0, 2)
          .map((x) => x.toFixed(0))
          .join(', ')} ms`,
    );
    expect(tasks.perTask.length).toBeGreaterThan(0);
    expect(tasks.longest).toBeLessThanOrEqual(budget);
  });
});

/** A worked example on a screen, once its warnings are painted. */
async function openCase(screen: (typeof SCREENS)[number], id: string): Promise<{ frame: Frame; before: string[] }> {
  await page.goto(screen.url(session.baseUrl, id));
  const frame = await screen.frame(page, id);
  // Painted at all first: "settled" alone could call the screen quiet before the first answer on a loaded machine.
  await until(
    () => warningsIn(frame).catch(() => []),
    (w) => w.length > 0,
    `${id} paints something to begin with`,
  );
  const state = await settled(frame);
  expect(state.warnings.length, `${id} paints something to begin with`).toBeGreaterThan(0);
  return { frame, before: state.warnings };
}

/**
 * Right, or "could not read", or silence: never a different set of warnings. Attribute edits such as
 * ids are no reason for the watcher to read again, so the page is nudged first, as any re-render would.
 */
async function expectRightOrUnreadable(frame: Frame, before: string[]): Promise<'right' | 'unreadable' | 'silent'> {
  await frame.evaluate(() => document.body.appendChild(document.createComment('re-render')).remove());
  const state = await settled(frame);
  if (state.warnings.length > 0) {
    expect(state.warnings).toEqual(before);
    return 'right';
  }
  if (state.status !== null) {
    expect(state.status).toMatch(/could not read/);
    return 'unreadable';
  }
  return 'silent';
}

describe.each(SCREENS)('$name screen, damaged in the page', (screen) => {
  const sections =
    screen.name === 'ema'
      ? { diagnoses: '[data-identifier="diagnoses-panel"]', services: '[data-identifier="procedure-list"]' }
      : { diagnoses: 'section.fe_c_section--diagnoses', services: 'table.fe_c_table--services' };

  it.each(['diagnoses', 'services'] as const)(
    'the %s section deleted: no warnings left behind, a note or silence, badge cleared',
    async (which) => {
      const { frame } = await openCase(screen, 'ex01');
      await frame.evaluate((sel) => document.querySelectorAll(sel).forEach((el) => el.remove()), sections[which]);
      const state = await settled(frame);
      expect(state.warnings).toEqual([]);
      if (state.status !== null) expect(state.status).toMatch(/could not read/);
      await expect.poll(() => badgeOf(session, page), { timeout: 5000 }).toBe('');
    },
  );

  it('a row\u2019s id attributes cloned onto other elements: right, or "could not read", never a wrong line', async () => {
    const { frame, before } = await openCase(screen, 'ex01');
    await frame.evaluate((name) => {
      if (name === 'athena') {
        // athena's rows and sections carry generated ids: give them all the first row's.
        const first = document.querySelector('tr[id]')!.id;
        document.querySelectorAll('tr[id], section[id], div[id], table[id]').forEach((el) => {
          if (el.getAttribute('role') !== 'tabpanel') el.id = first;
        });
      } else {
        // EMA's hooks are data-identifier attributes: every cell of the first row gets the units cell's.
        const row = document.querySelector('[data-identifier="procedure-row"]')!;
        row.querySelectorAll('td').forEach((td) => td.setAttribute('data-identifier', 'procedure-units'));
      }
    }, screen.name);
    const outcome = await expectRightOrUnreadable(frame, before);
    // athena: ids of rows are never read. EMA: a row with two units cells is not guessed at.
    expect(outcome).toBe(screen.name === 'athena' ? 'right' : 'unreadable');
  });

  it('a second element with the id (hook) of a key part, placed before the real one: right or "could not read"', async () => {
    if (screen.name === 'ema') {
      const { frame, before } = await openCase(screen, 'ex01');
      // A decoy diagnosis list (no chips) ahead of the real one: read as "no diagnoses", every line would be dx-missing.
      await frame.evaluate(() => {
        const decoy = document.createElement('ul');
        decoy.setAttribute('data-identifier', 'diagnosis-list');
        const visit = document.querySelector('[data-identifier="visit-note"]')!;
        visit.insertBefore(decoy, visit.firstChild);
      });
      expect(await expectRightOrUnreadable(frame, before)).toBe('unreadable');
    } else {
      const { frame, before } = await openCase(screen, 'ex22'); // Medicare, no ABN: abn-missing
      expect(before).toEqual(['abn-missing@0']);
      // The ABN box's id also on line 1's (checked) Bill? box, which comes first: "ABN signed" would read as checked.
      await frame.evaluate(() => {
        const label = Array.from(document.querySelectorAll('label')).find((l) =>
          /^ABN signed$/.test((l.textContent ?? '').trim()),
        )!;
        const bill = document.querySelector('input[type="checkbox"][name^="BILL_"]') as HTMLInputElement;
        bill.id = label.htmlFor;
      });
      expect(await expectRightOrUnreadable(frame, before)).toBe('unreadable');
    }
  });
});
