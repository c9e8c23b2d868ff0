/**
 * The procedure note and visit history on the three demo screens, as the end-to-end tests drive
 * them: where each screen shows a case, how a person replaces the note (EMA: the rich-text editor
 * beside the picklist; athenaNet: the textarea in the procedure documentation's own frame; eCW: the
 * progress note's Procedures box, through its Edit button), and what the worker kept of the tab.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { Session } from './harness';
import { settle } from './screens';
import { tabIdOf } from './pages';
import { SETTINGS_KEY } from '../../lib/extension-settings';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';
import { demoScreenUrl } from '../../adapters/demo-screens';

export type NoteScreen = 'ema' | 'athena' | 'ecw';
export const NOTE_SCREENS: readonly NoteScreen[] = ['ema', 'athena', 'ecw'];

export function noteScreenUrl(screen: NoteScreen, base: string, id: string): string {
  if (screen === 'ema') return demoScreenUrl.ema(base, { case: id }, 4000 + Number(id.replace(/\D/g, '') || 0));
  return demoScreenUrl[screen](base, { case: id });
}

/** Opens a worked example on a screen (a fresh load) and returns the frame that shows it, once rendered. */
export async function openOnNoteScreen(
  page: Page,
  screen: NoteScreen,
  base: string,
  id: string,
  timeout = 20_000,
): Promise<Frame> {
  await page.goto('about:blank');
  await page.goto(noteScreenUrl(screen, base, id));
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const f of page.frames()) {
      if ((await f.evaluate(() => document.documentElement.dataset.demoReady).catch(() => undefined)) === id) return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${screen} did not render ${id}`);
}

/** The eCW-style screen is read through a field map: the built-in example one, saved as the options page would. */
export async function saveEcwFieldMap(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(
    async (key: string, map: unknown) => {
      const area = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
          };
        }
      ).chrome.storage.local;
      const stored = ((await area.get(key))[key] ?? {}) as Record<string, unknown>;
      await area.set({ [key]: { ...stored, fieldMaps: [map] } });
    },
    SETTINGS_KEY,
    ECW_FIELD_MAP,
  );
}

async function selectAllAndDelete(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
}

/** Types text as a person does: Enter for each new line. */
async function typeLines(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    if (lines[i]) await page.keyboard.type(lines[i]!);
  }
}

/**
 * Replaces the note with `text`, typed into the screen's own editor, and leaves the editor (Tab) so the
 * screen commits it as it does its other fields. The page is brought to the front first: a background
 * tab gets no frames, and typing there would wait.
 */
export async function typeNote(frame: Frame, screen: NoteScreen, text: string): Promise<void> {
  const page = frame.page();
  await page.bringToFront();
  await settle(frame);
  if (screen === 'ema') {
    await (await frame.waitForSelector('[data-identifier="procedure-note-editor"]'))!.click();
  } else if (screen === 'athena') {
    const noteFrame = frame.childFrames().find((f) => f.name() === 'frProcNote');
    if (!noteFrame) throw new Error('athena: no procedure documentation frame');
    await (await noteFrame.waitForSelector('textarea[name="PROCNOTE"]'))!.click();
  } else {
    await (await frame.waitForSelector('button[name="EDITNOTE"]'))!.click();
    await settle(frame);
    await (await frame.waitForSelector('[data-fieldname="ProgressNoteProceduresText"]'))!.click();
  }
  await selectAllAndDelete(page);
  await typeLines(page, text);
  await page.keyboard.press('Tab');
  await settle(frame);
}

/** What the worker keeps of the tab showing `page` (its storage.session entry), or null. */
export async function keptTabState(session: Session, page: Page): Promise<Record<string, unknown> | null> {
  const tabId = await tabIdOf(session, page);
  const worker = await session.worker();
  return worker.evaluate(async (id: number) => {
    const key = `tab:${id}`;
    const storage = (
      globalThis as unknown as {
        chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage.session;
    return ((await storage.get(key))[key] ?? null) as Record<string, unknown> | null;
  }, tabId);
}
