/** Settings in extension storage (survive worker restarts; changes reach open tabs at once). */
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, settingsFrom, type ExtensionSettings } from './settings';

export async function loadSettings(): Promise<ExtensionSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return settingsFrom(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: ExtensionSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
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
