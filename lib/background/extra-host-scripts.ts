/**
 * The content script on the hosts a user added (options, or a taught screen):
 * registered with `scripting.registerContentScripts` for the hosts granted, kept
 * in step with settings and permissions through one queue, and its outcome
 * recorded for options and the popup (lib/host-scripts-status.ts).
 */
import browser from 'webextension-polyfill';
import { readStoredSettings } from '../settings-store';
import { HOST_SCRIPTS_STATUS_KEY, hostScriptsStatus, type HostScriptsStatus } from '../host-scripts-status';

export { hostScriptsStatus };

const EXTRA_SCRIPT_ID = 'dermlint-extra-hosts';

/**
 * Runs `task` one at a time. A request made while it runs may concern a change the run already
 * missed (it read the settings before the change), so one more run follows, shared by every
 * request made meanwhile: two runs at most, never two at once.
 */
export function serialized(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const request = (): Promise<void> => {
    if (!running) {
      running = task().finally(() => (running = null));
      return running;
    }
    next ??= running
      .catch(() => {})
      .then(() => {
        next = null;
        return request();
      });
    return next;
  };
  return request;
}

async function recordStatus(status: Omit<HostScriptsStatus, 'at'>): Promise<void> {
  const previous = await hostScriptsStatus();
  if (
    previous &&
    previous.ok === status.ok &&
    previous.error === status.error &&
    JSON.stringify(previous.hosts) === JSON.stringify(status.hosts)
  )
    return;
  await browser.storage.local.set({ [HOST_SCRIPTS_STATUS_KEY]: { ...status, at: new Date().toISOString() } });
}

async function registerGrantedHosts(): Promise<void> {
  const scripting = (globalThis as { chrome?: { scripting?: ChromeScripting } }).chrome?.scripting;
  if (!scripting) return;
  const hosts: string[] = [];
  try {
    const { settings, unread } = await readStoredSettings();
    if (unread.includes('settings') || unread.includes('extraHosts')) {
      // Never act on defaults standing in for hosts we could not read: the registration stays as it was.
      await recordStatus({
        ok: false,
        hosts: [],
        error: 'the list of added hosts could not be read (see Options); the content script stays registered as it was',
      });
      return;
    }
    for (const origin of settings.extraHosts) {
      if (await browser.permissions.contains({ origins: [origin] })) hosts.push(origin);
    }
    const existing = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] });
    const script = {
      id: EXTRA_SCRIPT_ID,
      matches: hosts,
      js: ['content-scripts/ehr.js'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
    if (hosts.length === 0) {
      if (existing.length) await scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] });
    } else if (existing.length) {
      // In place: between an unregister and a register, the host would have no content script at all.
      await scripting.updateContentScripts([script]);
    } else {
      await scripting.registerContentScripts([script]);
    }
    await recordStatus({ ok: true, hosts });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.warn(`dermlint: the content script could not be registered on the added hosts: ${error}`);
    await recordStatus({ ok: false, hosts, error }).catch(() => {});
  }
}

/**
 * Runs the content script on the hosts a user added and granted, and nowhere else. Called on
 * start-up, when settings change and when permissions change (adding a host fires the last two
 * together): every call goes through one queue.
 */
export const syncExtraHostScripts = serialized(registerGrantedHosts);

interface ChromeScripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<unknown[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  runAt: string;
  persistAcrossSessions: boolean;
}
