/** The worker's stores in the browser's storage: tab states (storage.session) and the pseudonym key (storage.local). */
import browser from 'webextension-polyfill';
import type { TabState } from '../messages';
import type { TabStateStore } from './tab-states';
import { PSEUDONYM_KEY, type KeyStore } from './pseudonym';

/** Tab states in storage.session: memory only (never written to disk), survives a worker restart. */
export function sessionStateStore(): TabStateStore {
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
