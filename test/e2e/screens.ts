/** The demo EHR screens as the end-to-end tests drive them: how to open a case, where its encounter frame is, and how a user edits it. */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { demoScreenUrl } from '../../adapters/demo-screens';

export interface Screen {
  name: 'ema' | 'athena';
  url(base: string, caseId: string): string;
  /** The frame that shows the encounter, once it rendered this case. */
  frame(page: Page, caseId: string): Promise<Frame>;
  units(line: number): string;
  lesions(line: number): string;
  removeLine(line: number): string;
  /** Adds a modifier to a line as a user would. */
  addModifier(frame: Frame, line: number, modifier: string): Promise<void>;
  /** Commits a typed value the way this screen expects (EMA's number inputs update on change). */
  commit(frame: Frame): Promise<void>;
  signControl: string;
}

async function readyFrame(page: Page, caseId: string, timeout = 15_000): Promise<Frame> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const f of page.frames()) {
      const ready = await f.evaluate(() => document.documentElement.dataset.demoReady).catch(() => undefined);
      if (ready === caseId) return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the demo screen did not render ${caseId}`);
}

/**
 * Waits until the screen has handled the last event: both demo EHRs re-render on a timer after a
 * change (as real SPAs do), so an element found right after an edit may be replaced a moment later.
 * A timer queued now runs after the screen's own render timer, then one frame for good measure
 * (or 100 ms where no frame comes: a tab in the background gets no animation frames, and a wait
 * on one alone would never end).
 */
export async function settle(frame: Frame): Promise<void> {
  await frame
    .evaluate(
      () =>
        new Promise<void>((r) =>
          setTimeout(() => {
            requestAnimationFrame(() => r());
            setTimeout(r, 100);
          }, 0),
        ),
    )
    .catch(() => undefined);
}

/** Runs a user action on an element, finding it again if the screen re-rendered it underneath us. */
export async function onFreshElement(
  frame: Frame,
  selector: string,
  act: (el: ElementHandle<Element>) => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await settle(frame);
    const el = await frame.waitForSelector(selector, { timeout: 5000 });
    try {
      await act(el!);
      return;
    } catch (e) {
      if (attempt >= 5 || !/detached|not attached|not clickable|Execution context was destroyed/i.test(String(e)))
        throw e;
    }
  }
}

/** Replaces an input's text by typing, as a person does (select all, type). */
export async function typeInto(frame: Frame, selector: string, text: string): Promise<void> {
  await onFreshElement(frame, selector, async (input) => {
    await input.click({ clickCount: 3 });
    await input.press('Backspace');
    if (text) await input.type(text);
  });
}

export const SCREENS: Screen[] = [
  {
    name: 'ema',
    url: (base, id) => demoScreenUrl.ema(base, { case: id }, 4000 + Number(id.replace(/\D/g, '') || 0)),
    frame: readyFrame,
    units: (l) => `input[aria-label="Units row ${l + 1}"]`,
    lesions: (l) => `input[aria-label="Lesion count row ${l + 1}"]`,
    removeLine: (l) => `button[aria-label="Remove procedure ${l + 1}"]`,
    async addModifier(frame, line, modifier) {
      await onFreshElement(frame, `input[aria-label="Modifiers row ${line + 1}"]`, async (input) => {
        await input.click();
        await input.type(modifier);
      });
      // EMA re-renders the row on Enter: later keys go to the page, not to the (now detached) input.
      await frame.page().keyboard.press('Enter');
      await frame.page().keyboard.press('Escape');
    },
    commit: async (frame) => {
      await frame.page().keyboard.press('Tab');
      await settle(frame);
    },
    signControl: '[data-identifier="finalize-note"]',
  },
  {
    name: 'athena',
    url: (base, id) => demoScreenUrl.athena(base, { case: id }),
    frame: readyFrame,
    units: (l) => `input[aria-label="Units, line ${l + 1}"]`,
    lesions: (l) => `input[aria-label="Lesion count, line ${l + 1}"]`,
    removeLine: (l) => `button[aria-label="Remove service line ${l + 1}"]`,
    async addModifier(frame, line, modifier) {
      // The first empty modifier box of the line.
      await settle(frame);
      for (let j = 1; j <= 4; j++) {
        const selector = `input[aria-label="Modifier ${j}, line ${line + 1}"]`;
        const box = await frame.$(selector);
        if (box && !(await box.evaluate((el) => (el as HTMLInputElement).value))) {
          await onFreshElement(frame, selector, async (fresh) => {
            await fresh.click();
            await fresh.type(modifier);
          });
          return;
        }
      }
      throw new Error('no empty modifier box');
    },
    commit: async (frame) => {
      await frame.page().keyboard.press('Tab');
      await settle(frame);
    },
    signControl: 'button[name="SIGNOFF"]',
  },
];
