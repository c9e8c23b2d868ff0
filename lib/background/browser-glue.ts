/** The worker's use of browser storage and scripting, kept apart from its logic. */
import browser from 'webextension-polyfill';
import type { TabState } from '../messages';
import { loadSettings } from '../settings-store';
import { PSEUDONYM_KEY, type KeyStore } from './pseudonym';

/** Tab states in storage.session: memory only (never written to disk), survives a worker restart. */
export function sessionStateStore() {
  const key = (tabId: number) => `tab:${tabId}`;
  const area = browser.storage.session;
  return {
    async get(tabId: number) {
      const got = await area.get(key(tabId));
      return got[key(tabId)] as TabState | undefined;
    },
    async set(state: TabState) {
      await area.set({ [key(state.tabId)]: state });
    },
    async remove(tabId: number) {
      await area.remove(key(tabId));
    },
  };
}

/** The install's pseudonym key in storage.local (lib/background/pseudonym.ts): made once, never sent anywhere. */
export function localKeyStore(): KeyStore {
  return {
    async get() {
      const got = (await browser.storage.local.get(PSEUDONYM_KEY))[PSEUDONYM_KEY];
      return typeof got === 'string' ? got : undefined;
    },
    async set(value) {
      await browser.storage.local.set({ [PSEUDONYM_KEY]: value });
    },
  };
}

const EXTRA_SCRIPT_ID = 'dermlint-extra-hosts';

/** Runs the content script on the hosts a user added and granted, and nowhere else. */
export async function syncExtraHostScripts(): Promise<void> {
  const scripting = (globalThis as { chrome?: { scripting?: ChromeScripting } }).chrome?.scripting;
  if (!scripting) return;
  const { extraHosts } = await loadSettings();
  const granted: string[] = [];
  for (const origin of extraHosts) {
    if (await browser.permissions.contains({ origins: [origin] }).catch(() => false)) granted.push(origin);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] }).catch(() => {});
  if (granted.length === 0) return;
  await scripting
    .registerContentScripts([{ id: EXTRA_SCRIPT_ID, matches: granted, js: ['content-scripts/ehr.js'], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true }])
    .catch(() => {});
}

interface ChromeScripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<unknown[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; allFrames: boolean; runAt: string; persistAcrossSessions: boolean }[]): Promise<void>;
}
