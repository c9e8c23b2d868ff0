import browser from 'webextension-polyfill';
import { createWorker } from '../lib/background/worker';
import { BUILTIN_MATCHES } from '../adapters/index';
import { loadSettings } from '../lib/settings-store';

export default defineBackground(() => {
  const worker = createWorker({
    extensionId: browser.runtime.id,
    allowedPatterns: () => BUILTIN_MATCHES,
    settings: loadSettings,
    setBadge(tabId, errors) {
      void browser.action.setBadgeText({ tabId, text: errors > 0 ? String(errors) : '' }).catch(() => {});
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#a4161a' }).catch(() => {});
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => worker.handle(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => worker.forgetTab(tabId));
});
