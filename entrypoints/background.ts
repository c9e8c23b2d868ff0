import '../lib/zod-jitless'; // first: before any zod schema is built
import browser, { type Runtime } from 'webextension-polyfill';
import { createWorker } from '../lib/background/worker';
import { cachedDismissals, openDismissalStore } from '../lib/background/dismissals';
import { serialized, syncExtraHostScripts } from '../lib/background/extra-host-scripts';
import { localKeyStore, sessionStateStore } from '../lib/background/browser-storage';
import { createPseudonyms, PSEUDONYM_KEY } from '../lib/background/pseudonym';
import { injectIntoFrame, startInOpenTabs } from '../lib/background/inject';
import { BUILTIN_MATCHES } from '../adapters/index';
import { createSettingsCache, onSettingsChanged, readStoredSettings, saveSettings } from '../lib/settings-store';
import { addTaughtMap } from '../lib/teach/save';
import { openTableStore } from '../lib/tables/store';
import { createTableCache } from '../lib/tables/engine-extras';
import { TABLES_CHANGED_KEY } from '../lib/tables/types';

export default defineBackground(() => {
  // Code tables imported in options (IndexedDB), loaded on first use and again whenever options says they changed.
  const tableStore = openTableStore();
  const tables = createTableCache(
    () => tableStore.all(),
    (m) => console.warn(`dermlint: ${m}`),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TABLES_CHANGED_KEY in changes) tables.invalidate();
  });
  void tables.get();
  const settings = createSettingsCache();
  const pseudonyms = createPseudonyms(localKeyStore());
  // storage.local cleared while the worker runs: the pseudonym key goes back, or no dismissal would match again.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PSEUDONYM_KEY in changes) void pseudonyms.keepKey?.();
  });
  const worker = createWorker({
    extensionId: browser.runtime.id,
    allowedPatterns: async () => [...BUILTIN_MATCHES, ...(await settings.get()).extraHosts],
    settings: (refresh) => settings.get(refresh),
    // In memory after the first read of an encounter; every write goes through the worker, which forgets what changed.
    dismissals: cachedDismissals(openDismissalStore()),
    stateStore: sessionStateStore(),
    // Encounters are known by HMAC-SHA-256 of their EHR ids under this install's key (made once, storage.local).
    pseudonyms,
    engineTables: () => tables.get(),
    async saveTaughtMap(map, senderUrl) {
      const { settings: stored, unread } = await readStoredSettings();
      // Never write defaults over stored settings or field maps that could not be read (options shows them, set aside).
      if (unread.includes('settings') || unread.includes('fieldMaps')) {
        return { ok: false, error: 'the stored field maps could not be read (see Options); nothing was saved' };
      }
      const outcome = addTaughtMap(stored, map, senderUrl);
      if (!outcome.ok) return outcome;
      // Storage tells every open tab of the host, whose content script picks the map up at once.
      await saveSettings(outcome.settings);
      return { ok: true, message: outcome.message };
    },
    setBadge(tabId, errors) {
      void browser.action.setBadgeText({ tabId, text: errors > 0 ? String(errors) : '' }).catch(() => {});
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#a4161a' }).catch(() => {});
    },
    injectFixKit: (tabId, frameId) => injectIntoFrame(tabId, frameId, '/fix-apply.js'),
    sendToFrame: (tabId, frameId, message) =>
      void browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {}),
    askFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
    injectPaintKit: (tabId, frameId) => injectIntoFrame(tabId, frameId, '/paint-kit.js'),
    broadcast: (message) => void browser.runtime.sendMessage(message).catch(() => {}),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    worker.handle(message, sender),
  );
  browser.tabs.onRemoved.addListener((tabId) => void worker.forgetTab(tabId));
  void syncExtraHostScripts();
  onSettingsChanged(() => void syncExtraHostScripts());
  // A host just added (in options, or to teach dermlint a screen): its tabs already open get the content script now.
  let knownHosts: readonly string[] | null = null;
  // One run at a time (as the registration's queue): two runs at once could both see a host as new.
  const followHosts = serialized(async () => {
    const { extraHosts } = await settings.get();
    const added = knownHosts ? extraHosts.filter((h) => !knownHosts!.includes(h)) : [];
    knownHosts = extraHosts;
    if (added.length) await startInOpenTabs(added);
  });
  void followHosts();
  onSettingsChanged(() => void followHosts().catch(() => {}));
  browser.permissions.onAdded.addListener(() => void syncExtraHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncExtraHostScripts());
});
