/**
 * What the popup and the side panel show for a tab: the worker's tab state, or
 * why there is none. Shared by both pages and by options, so it lives in lib/, not in one page's entrypoint.
 */
import browser from 'webextension-polyfill';
import type { Broadcast } from './messages';
import { askWorker } from './protocol';
import { BUILTIN_MATCHES } from '../adapters/index';
import { matchesAny } from './match-patterns';
import { loadSettings } from './settings-store';
import type { TabView } from '../components/TabStatus';

export interface TabRef {
  id?: number;
  url?: string;
  windowId?: number;
}

/** Asks the worker, answered as lib/protocol.ts says; a missing or malformed answer becomes { ok: false }. */
export const ask = askWorker((request) => browser.runtime.sendMessage(request));

/** A tab named in the page's URL (?tab=<id>): the page then shows that tab instead of following the active one (tests, screenshots, a panel opened in its own tab). */
export function pinnedTabId(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

export async function activeTab(): Promise<TabRef | undefined> {
  const pinned = pinnedTabId();
  if (pinned !== undefined) return browser.tabs.get(pinned).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.host : undefined;
  } catch {
    return undefined;
  }
}

export async function loadTabView(tab: TabRef | undefined): Promise<TabView> {
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return { kind: 'not-enabled' };
  const reply = await ask({ type: 'tab-state', tabId: tab.id });
  if (!reply.ok) return { kind: 'error', message: reply.error };
  const state = reply.state;
  if (state) return state.status === 'ok' ? { kind: 'ok', state } : { kind: 'unreadable', state };
  // No screen read in this tab. The URL is visible only where dermlint has host access (or activeTab).
  const host = hostOf(tab.url);
  if (!tab.url) return { kind: 'not-enabled' };
  const { extraHosts } = await loadSettings();
  return matchesAny([...BUILTIN_MATCHES, ...extraHosts], tab.url)
    ? { kind: 'no-encounter', host }
    : { kind: 'not-enabled', host };
}

/** Calls `listener` when the worker says this tab's state changed. */
export function onTabStateChanged(listener: (tabId: number) => void): () => void {
  const handler = (message: unknown) => {
    const m = message as Broadcast | undefined;
    if (m && m.type === 'tab-state-changed' && typeof m.tabId === 'number') listener(m.tabId);
    // Returning nothing: this page never answers messages.
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
