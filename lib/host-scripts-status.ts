/**
 * The outcome of the last registration of the content script on the hosts a
 * user added (lib/background/extra-host-scripts.ts writes it; options and the popup
 * show a failure). No patient data: host patterns and an error message.
 */
import { browser } from 'wxt/browser';

export const HOST_SCRIPTS_STATUS_KEY = 'dermlint:host-scripts';

export interface HostScriptsStatus {
  ok: boolean;
  at: string;
  /** The granted hosts the content script should run on. */
  hosts: string[];
  error?: string;
}

/** The last registration's outcome, if one was recorded. */
export async function hostScriptsStatus(): Promise<HostScriptsStatus | undefined> {
  const got = (await browser.storage.local.get(HOST_SCRIPTS_STATUS_KEY))[HOST_SCRIPTS_STATUS_KEY] as
    HostScriptsStatus | undefined;
  return got && typeof got === 'object' && typeof got.ok === 'boolean' ? got : undefined;
}

/** Calls `listener` when a new outcome is recorded. */
export function onHostScriptsStatusChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && HOST_SCRIPTS_STATUS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
