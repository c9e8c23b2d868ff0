import browser, { type Runtime } from 'webextension-polyfill';
import { createWorker } from '../lib/background/worker';
import { openDismissalStore } from '../lib/background/dismissals';
import { sessionStateStore, syncExtraHostScripts } from '../lib/background/browser-glue';
import { BUILTIN_MATCHES } from '../adapters/index';
import { loadSettings, onSettingsChanged } from '../lib/settings-store';

export default defineBackground(() => {
  const worker = createWorker({
    extensionId: browser.runtime.id,
    allowedPatterns: async () => [...BUILTIN_MATCHES, ...(await loadSettings()).extraHosts],
    settings: loadSettings,
    dismissals: openDismissalStore(),
    stateStore: sessionStateStore(),
    setBadge(tabId, errors) {
      void browser.action.setBadgeText({ tabId, text: errors > 0 ? String(errors) : '' }).catch(() => {});
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#a4161a' }).catch(() => {});
    },
    sendToFrame: (tabId, frameId, message) => void browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {}),
    broadcast: (message) => void browser.runtime.sendMessage(message).catch(() => {}),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => worker.handle(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void worker.forgetTab(tabId));
  void syncExtraHostScripts();
  onSettingsChanged(() => void syncExtraHostScripts());
  browser.permissions.onAdded.addListener(() => void syncExtraHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncExtraHostScripts());
});
