/** The demo EHR screens as the end-to-end tests drive them: how to open a case, where its encounter frame is, and how a user edits it. */
import type { Frame, Page } from 'puppeteer-core';

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

/** Replaces an input's text by typing, as a person does (select all, type). */
export async function typeInto(frame: Frame, selector: string, text: string): Promise<void> {
  const input = await frame.waitForSelector(selector, { timeout: 5000 });
  await input!.click({ clickCount: 3 });
  await input!.press('Backspace');
  if (text) await input!.type(text);
}

export const SCREENS: Screen[] = [
  {
    name: 'ema',
    url: (base, id) => `${base}/ema/web/practice/staff#/practice/staff/patient/${4000 + Number(id.replace(/\D/g, '') || 0)}/visit?case=${id}`,
    frame: readyFrame,
    units: (l) => `input[aria-label="Units row ${l + 1}"]`,
    lesions: (l) => `input[aria-label="Lesion count row ${l + 1}"]`,
    removeLine: (l) => `button[aria-label="Remove procedure ${l + 1}"]`,
    async addModifier(frame, line, modifier) {
      const input = await frame.waitForSelector(`input[aria-label="Modifiers row ${line + 1}"]`);
      await input!.click();
      await input!.type(modifier);
      // EMA re-renders the row on Enter: later keys go to the page, not to the (now detached) input.
      await frame.page().keyboard.press('Enter');
      await frame.page().keyboard.press('Escape');
    },
    commit: async (frame) => {
      await frame.page().keyboard.press('Tab');
    },
    signControl: '[data-identifier="finalize-note"]',
  },
  {
    name: 'athena',
    url: (base, id) => `${base}/195900/1/globalframeset.esp?MAIN=${encodeURIComponent(`/195900/1/encounter.esp?case=${id}`)}`,
    frame: readyFrame,
    units: (l) => `input[aria-label="Units, line ${l + 1}"]`,
    lesions: (l) => `input[aria-label="Lesion count, line ${l + 1}"]`,
    removeLine: (l) => `button[aria-label="Remove service line ${l + 1}"]`,
    async addModifier(frame, line, modifier) {
      // The first empty modifier box of the line.
      for (let j = 1; j <= 4; j++) {
        const box = await frame.$(`input[aria-label="Modifier ${j}, line ${line + 1}"]`);
        if (box && !(await box.evaluate((el) => (el as HTMLInputElement).value))) {
          await box.click();
          await box.type(modifier);
          return;
        }
      }
      throw new Error('no empty modifier box');
    },
    commit: async (frame) => {
      await frame.page().keyboard.press('Tab');
    },
    signControl: 'button[name="SIGNOFF"]',
  },
];
