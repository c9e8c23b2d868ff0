/**
 * Settings in extension storage: one versioned item (WXT storage, with its
 * version mark beside it under 'dermlint:settings$'), read field by field
 * (lib/extension-settings.ts). Survives worker restarts; changes reach open tabs at once.
 *
 * Nothing stored is ever lost: whatever a read could not use is copied, as it
 * was, under SETTINGS_ASIDE_KEY before anything is written, and a value that
 * cannot be read at all is left where it is (the defaults are used in memory).
 */
// WXT's `browser` (Chrome's promise API): the same object WXT storage uses.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { SETTINGS_ASIDE_KEY, SETTINGS_KEY } from './settings-key';
import { readSettings, type ExtensionSettings, type SettingsReading } from './extension-settings';

/**
 * Version 1: the unversioned value of dermlint 0.1, read whole (one bad field reset everything).
 * Version 2: the same fields, each valid on its own; what was not is kept aside.
 */
export const SETTINGS_VERSION = 2;

export interface SetAsideSettings {
  at: string;
  /** The stored version the value was read as. */
  version: number;
  problems: string[];
  raw: unknown;
}

/** How many set-aside values are kept (oldest dropped first). */
const ASIDE_KEPT = 5;

async function keepAside(raw: unknown, version: number, problems: string[]): Promise<void> {
  const kept = await setAsideSettings();
  const same = JSON.stringify(raw);
  if (kept.some((entry) => JSON.stringify(entry.raw) === same)) return;
  const entry: SetAsideSettings = { at: new Date().toISOString(), version, problems, raw };
  await browser.storage.local.set({ [SETTINGS_ASIDE_KEY]: [...kept, entry].slice(-ASIDE_KEPT) });
}

/** Stored settings a read could not use, as they were, oldest first. */
export async function setAsideSettings(): Promise<SetAsideSettings[]> {
  const got = (await browser.storage.local.get(SETTINGS_ASIDE_KEY))[SETTINGS_ASIDE_KEY];
  return Array.isArray(got) ? (got as SetAsideSettings[]) : [];
}

/** Forgets the set-aside copies (the user's choice in options, after downloading them). */
export async function forgetSetAsideSettings(): Promise<void> {
  await browser.storage.local.remove(SETTINGS_ASIDE_KEY);
}

/** The explicit migrations, by the version they lead to. Each keeps aside what it cannot carry over. */
export const SETTINGS_MIGRATIONS: Record<number, (value: unknown) => Promise<unknown>> = {
  2: async (v1) => {
    const { settings, problems, unread } = readSettings(v1);
    if (problems.length === 0) return settings;
    // Aside first: if that write fails, the migration fails and the value stays as it was.
    await keepAside(v1, 1, problems);
    // A value that is not settings at all stays where it is; otherwise what could be read.
    return unread.includes('settings') ? v1 : settings;
  },
};

let item: ReturnType<typeof defineSettingsItem> | null = null;
function defineSettingsItem() {
  return storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}
/** Defined on first use, so its migration runs in the context that first needs the settings. */
const settingsItem = () => (item ??= defineSettingsItem());

/** The stored settings, field by field, with what could not be read (kept aside). */
export async function readStoredSettings(): Promise<SettingsReading> {
  const raw = await settingsItem().getValue();
  const reading = readSettings(raw);
  if (reading.problems.length) {
    const meta = (await settingsItem()
      .getMeta()
      .catch(() => ({}))) as { v?: number };
    await keepAside(raw, typeof meta.v === 'number' ? meta.v : SETTINGS_VERSION, reading.problems).catch(() => {});
  }
  return reading;
}

export async function loadSettings(): Promise<ExtensionSettings> {
  return (await readStoredSettings()).settings;
}

export async function saveSettings(settings: ExtensionSettings): Promise<void> {
  await settingsItem().setValue(settings);
}

/**
 * The worker's copy of the settings: read once, forgotten when storage says they changed, and read
 * again on request (`get(true)`), so an evaluation does not wait on storage every time.
 */
export function createSettingsCache() {
  let current: Promise<ExtensionSettings> | null = null;
  const load = () => {
    const loading = loadSettings();
    current = loading;
    loading.catch(() => current === loading && (current = null));
    return loading;
  };
  onSettingsChanged(() => (current = null));
  return { get: (refresh = false): Promise<ExtensionSettings> => (refresh || !current ? load() : current) };
}

export function onSettingsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
