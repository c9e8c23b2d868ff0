/**
 * "Test on the open tab" for a field map being edited: which tab it would read
 * (the most recently used other tab of this window, followed as tabs change),
 * access to the map's hosts asked inside the click, and the probe script run in
 * every frame of the tab, its best frame reported.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { BUILTIN_MATCHES } from '../../adapters/index';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { hostPatternError, hostPatternFor, sampleUrl } from '../../lib/extra-hosts';
import { matchesAny } from '../../lib/match-patterns';
import type { ProbeReport, ProbeSummary } from '../../components/FieldMapPreview';

export interface TestTab {
  id: number;
  /** Known only where dermlint has host access (built-in or granted hosts). */
  url?: string;
}

/** Tabs to test on: the other tabs of this window, most recently used first (this page excluded). */
async function candidateTabs(): Promise<TestTab[]> {
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  const tabs = await browser.tabs.query({ currentWindow: true });
  return tabs
    .filter((t) => typeof t.id === 'number' && t.id !== self?.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((t) => ({ id: t.id!, ...(t.url ? { url: t.url } : {}) }));
}

/** Which tab a test (or teaching) would use, kept current so the click knows at once whether to ask for access. */
export function useTestTab(): TestTab | null {
  const [tab, setTab] = useState<TestTab | null>(null);
  useEffect(() => {
    const refresh = () =>
      void candidateTabs().then(
        (tabs) => setTab(tabs[0] ?? null),
        () => setTab(null),
      );
    refresh();
    const onRemoved = () => refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    browser.tabs.onRemoved.addListener(onRemoved);
    window.addEventListener('focus', refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(onRemoved);
      window.removeEventListener('focus', refresh);
    };
  }, []);
  return tab;
}

export function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host || null : null;
  } catch {
    return null;
  }
}

const RANK: Record<ProbeSummary['status'], number> = { ok: 0, unreadable: 1, absent: 2 };

async function probe(map: FieldMap): Promise<ProbeReport> {
  let lastError = '';
  for (const tab of (await candidateTabs()).slice(0, 3)) {
    try {
      await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: (m: unknown) => {
          (window as unknown as { __dermlintFieldMap?: unknown }).__dermlintFieldMap = m;
        },
        args: [map],
      });
      const results = await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        files: ['/fieldmap-probe.js'],
      });
      const frames = results
        .map((r) => r.result as (ProbeSummary & { host: string }) | undefined)
        .filter((r): r is ProbeSummary & { host: string } => !!r && typeof r === 'object');
      if (frames.length === 0) throw new Error('the screen gave no answer');
      const best = [...frames].sort((a, b) => RANK[a.status] - RANK[b.status])[0]!;
      const top = frames.find((f) => f.host) ?? best;
      const { host: _h, ...summary } = best;
      return { host: top.host, frames: frames.length, best: summary };
    } catch (e) {
      lastError = (e as Error).message;
    }
  }
  throw new Error(
    `dermlint could not read a tab in this window${lastError ? ` (${lastError})` : ''}. Open the EHR screen in a tab of this window, on a host that is enabled or listed in this field map, then test again.`,
  );
}

/**
 * Reads the tab through the map. Call it inside the click: without an address for the tab (no access
 * to it), it first asks for the map's hosts, and the browser prompts only during a user gesture.
 */
export function testFieldMap(map: FieldMap, tab: TestTab | null): Promise<ProbeReport> {
  const origins = tab?.url
    ? []
    : [...new Set(map.matches.map(hostPatternFor))].filter(
        (p) => !hostPatternError(p) && !matchesAny(BUILTIN_MATCHES, sampleUrl(p)),
      );
  const asked = origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true);
  return asked
    .then(
      (ok) => {
        if (!ok)
          throw new Error(
            `Access to ${origins.join(', ')} was not allowed (the browser’s prompt was refused or closed), so the tab could not be read.`,
          );
      },
      (e: Error) => {
        throw new Error(`The browser refused access to ${origins.join(', ')}: ${e.message}`);
      },
    )
    .then(() => probe(map));
}
