/** The side panel: follows the active tab, asks the worker for its review state, passes it down. */
import '../../lib/zod-jitless'; // first: before any zod schema is built
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import '../../assets/pages.css';
import { ReviewPanel } from '../../components/ReviewPanel';
import type { ReviewFilter } from '../../components/ReviewList';
import type { TabView } from '../../components/TabStatus';
import type { FindingView } from '../../lib/messages';
import { downloadText, exportFileName, toCsv, toJson } from '../../lib/export';
import { onSettingsChanged } from '../../lib/settings-store';
import { REASON_LABEL } from '../../lib/background/dismissals';
import { exportPseudonym } from '../../lib/background/pseudonym';
import { activeTab, ask, loadTabView, onTabStateChanged, pinnedTabId, type TabRef } from '../../lib/tab-view';

function SidePanel() {
  const [view, setView] = useState<TabView>({ kind: 'loading' });
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ text: string; bad?: boolean } | null>(null);
  const tab = useRef<TabRef | undefined>(undefined);
  const windowId = useRef<number | undefined>(undefined);
  const sequence = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++sequence.current;
    const next = await loadTabView(tab.current);
    if (mine === sequence.current) {
      setView(next);
      setBusy(new Set());
    }
  }, []);

  const follow = useCallback(async () => {
    tab.current = await activeTab();
    if (tab.current?.windowId !== undefined) windowId.current = tab.current.windowId;
    setStatus(null);
    await refresh();
  }, [refresh]);

  useEffect(() => {
    void follow();
    const pinned = pinnedTabId() !== undefined;
    const activated = (info: { tabId: number; windowId: number }) => {
      if (!pinned && (windowId.current === undefined || info.windowId === windowId.current)) void follow();
    };
    const updated = (tabId: number) => {
      if (tabId === tab.current?.id) void follow();
    };
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);
    const offState = onTabStateChanged((tabId) => {
      if (tabId === tab.current?.id) void refresh();
    });
    const offSettings = onSettingsChanged(() => void refresh());
    return () => {
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
      offState();
      offSettings();
    };
  }, [follow, refresh]);

  function mark(key: string, on: boolean) {
    setBusy((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  /** What went wrong, or null. */
  async function act(finding: FindingView, request: Parameters<typeof ask>[0], done: string): Promise<string | null> {
    mark(finding.key, true);
    const reply = await ask(request);
    if (!reply.ok) {
      mark(finding.key, false);
      setStatus({ text: reply.error, bad: true });
      return reply.error;
    }
    setStatus({ text: done });
    // The screen is read again and the worker says when; if it does not, ask anyway.
    setTimeout(() => void refresh(), 1500);
    return null;
  }

  const tabId = () => tab.current?.id ?? -1;
  const state = view.kind === 'ok' ? view.state : null;

  return (
    <ReviewPanel
      view={view}
      filter={filter}
      onFilter={setFilter}
      status={status}
      busy={busy}
      onReveal={async (f) => {
        const reply = await ask({ type: 'reveal', tabId: tabId(), key: f.key });
        setStatus(
          reply.ok
            ? { text: `Showing ${f.line === null ? 'the diagnosis list' : `line ${f.line + 1}`} on the screen.` }
            : { text: reply.error, bad: true },
        );
      }}
      onDismiss={(f, reason, comment) =>
        act(
          f,
          { type: 'dismiss', tabId: tabId(), key: f.key, reason, ...(comment ? { comment } : {}) },
          `Dismissed (${REASON_LABEL[reason]}). “Undo dismissal” brings it back.`,
        )
      }
      onUndismiss={(f) => void act(f, { type: 'undismiss', tabId: tabId(), key: f.key }, 'Dismissal undone.')}
      onExportCsv={() => {
        if (!state) return;
        downloadText(exportFileName('review', 'csv'), toCsv(state), 'text/csv');
        setStatus({ text: `Exported ${state.findings.length} findings as CSV.` });
      }}
      onExportJson={async () => {
        if (!state) return;
        // The file names the encounter by a pseudonym of its own (a fresh key per export), linkable to nothing else.
        downloadText(
          exportFileName('review', 'json'),
          toJson(state, await exportPseudonym(state.encounterId)),
          'application/json',
        );
        setStatus({ text: `Exported ${state.findings.length} findings as JSON.` });
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<SidePanel />, document.getElementById('app')!);
