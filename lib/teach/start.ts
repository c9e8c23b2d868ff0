/**
 * "Teach dermlint this screen", from the popup or the options page: access to
 * the tab's host (asked inside the click that started it: the browser shows
 * its prompt only then; a built-in host needs none), the host added to the
 * enabled ones so dermlint keeps running there, then the teaching overlay
 * injected into the tab's top frame (entrypoints/teach.tsx). From the popup,
 * activeTab lets it script the tab the user clicked on.
 */
import browser from 'webextension-polyfill';
import { BUILTIN_MATCHES } from '../../adapters/index';
import { hostPatternError, toHostPattern } from '../extra-hosts';
import { matchesAny } from '../match-patterns';
import { loadSettings, saveSettings } from '../settings-store';

export interface TeachTarget {
  id: number;
  url?: string;
}

/** Starts teaching on the tab; resolves to what went wrong (shown where the user clicked), or null. Call it inside the click. */
export function teachTab(tab: TeachTarget): Promise<string | null> {
  if (!tab.url || !/^https?:/.test(tab.url)) {
    return Promise.resolve(
      'dermlint cannot see this tab’s address. Open the EHR’s claim screen, click the dermlint button in the toolbar on it, and choose “Teach dermlint this screen” there.',
    );
  }
  const pattern = toHostPattern(tab.url);
  const host = new URL(tab.url).host;
  const builtin = matchesAny(BUILTIN_MATCHES, tab.url);
  const error = builtin ? null : hostPatternError(pattern);
  if (error) return Promise.resolve(`dermlint cannot run on ${host}: ${error}.`);
  const asked = builtin ? Promise.resolve(true) : browser.permissions.request({ origins: [pattern] });
  return asked.then(
    async (ok) => {
      if (!ok)
        return `Access to ${host} was not allowed (the browser’s prompt was refused or closed), so dermlint cannot learn this screen. Nothing was changed.`;
      if (!builtin) {
        const settings = await loadSettings();
        if (!settings.extraHosts.includes(pattern))
          await saveSettings({ ...settings, extraHosts: [...settings.extraHosts, pattern] });
      }
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/teach.js'] });
      } catch (e) {
        return `dermlint could not open its teaching overlay on ${host}: ${(e as Error).message}`;
      }
      return null;
    },
    (e: Error) => `The browser refused access to ${host}: ${e.message}`,
  );
}
