/**
 * The browser's host access for the hosts a person added, as the options page
 * shows and asks for it. The hosts section and the field maps section both add
 * hosts, so the access and the note about the last add live here, above both.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { BUILTIN_MATCHES } from '../../adapters/index';
import { loadSettings } from '../../lib/settings-store';
import type { ExtensionSettings } from '../../lib/extension-settings';
import type { StatusMessage } from '../../components/StatusLine';
import type { SaveSettings } from './saved-settings';

/** Whether the browser has granted each host pattern. */
export async function grantedMap(patterns: readonly string[]): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const p of patterns) out[p] = await browser.permissions.contains({ origins: [p] }).catch(() => false);
  return out;
}

export interface HostAccess {
  /** Host pattern → granted (absent while unknown). */
  granted: Record<string, boolean>;
  /** The built-in hosts and the added ones the browser granted: where dermlint runs. */
  enabledPatterns: string[];
  /** The outcome of the last add, grant or remove, shown under the host list. */
  message: StatusMessage | null;
  /** Asks for access and adds the host; call it inside the click. Resolves to why it was not added, or null. */
  add: (pattern: string) => Promise<string | null>;
  /** Asks again for a host whose access was withdrawn; call it inside the click. */
  grant: (pattern: string) => void;
  remove: (pattern: string) => Promise<void>;
}

export function useHostAccess(settings: ExtensionSettings | null, save: SaveSettings): HostAccess {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const extraHosts = settings?.extraHosts;

  // Read again when the list changes and when access is granted or withdrawn elsewhere (chrome://extensions).
  useEffect(() => {
    if (!extraHosts) return;
    let current = true;
    const refresh = () =>
      void grantedMap(extraHosts).then((now) => {
        if (current) setGranted(now);
      });
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      current = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [extraHosts]);

  const enabledPatterns = useMemo(
    () => [...BUILTIN_MATCHES, ...(extraHosts?.filter((h) => granted[h]) ?? [])],
    [extraHosts, granted],
  );

  function add(pattern: string): Promise<string | null> {
    // Inside the click: the browser shows its prompt only during a user gesture.
    return browser.permissions.request({ origins: [pattern] }).then(
      async (ok) => {
        if (!ok) {
          const why = `Access to ${pattern} was not allowed (the browser's prompt was refused or closed), so it was not added.`;
          setMessage({ text: why, bad: true });
          return why;
        }
        const fresh = await loadSettings();
        if (!fresh.extraHosts.includes(pattern)) {
          if (!(await save({ ...fresh, extraHosts: [...fresh.extraHosts, pattern] }))) {
            const why = `${pattern} is allowed but could not be saved; try again.`;
            setMessage({ text: why, bad: true });
            return why;
          }
        }
        setGranted((g) => ({ ...g, [pattern]: true }));
        setMessage({ text: `Added ${pattern}. dermlint now runs on it, in the tabs already open too.` });
        return null;
      },
      (e: Error) => {
        const why = `The browser refused ${pattern}: ${e.message}`;
        setMessage({ text: why, bad: true });
        return why;
      },
    );
  }

  function grant(pattern: string) {
    browser.permissions.request({ origins: [pattern] }).then(
      (ok) => {
        setGranted((g) => ({ ...g, [pattern]: ok }));
        setMessage(
          ok ? { text: `Access to ${pattern} allowed.` } : { text: `Access to ${pattern} was not allowed.`, bad: true },
        );
      },
      (e: Error) => setMessage({ text: `The browser refused ${pattern}: ${e.message}`, bad: true }),
    );
  }

  async function remove(pattern: string) {
    const fresh = await loadSettings();
    if (!(await save({ ...fresh, extraHosts: fresh.extraHosts.filter((h) => h !== pattern) }))) return;
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    setMessage({ text: `Removed ${pattern}; dermlint no longer runs there.` });
  }

  return { granted, enabledPatterns, message, add, grant, remove };
}
