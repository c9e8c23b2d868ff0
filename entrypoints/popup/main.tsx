/** The toolbar popup: the current tab's counts and top findings; opens the side panel. */
import '../../lib/zod-jitless'; // first: before any zod schema is built
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import '../../assets/pages.css';
import { PopupSummary } from '../../components/PopupSummary';
import type { TabView } from '../../components/TabStatus';
import { activeTab, loadTabView, onTabStateChanged, type TabRef } from '../../lib/tab-view';
import { hostScriptsStatus } from '../../lib/host-scripts-status';
import { teachTab } from '../../lib/teach/start';

/** chrome.sidePanel is not in the polyfill's types; typed as loosely as we use it. */
declare const chrome: { sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> } };

function Popup() {
  const [view, setView] = useState<TabView>({ kind: 'loading' });
  const [tab, setTab] = useState<TabRef | undefined>(undefined);
  const [panelError, setPanelError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [teachError, setTeachError] = useState<string | null>(null);

  useEffect(() => {
    void hostScriptsStatus().then(
      (status) =>
        setProblem(
          status && !status.ok
            ? `dermlint could not start on the hosts you added: ${status.error ?? 'unknown error'}.`
            : null,
        ),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    let current: TabRef | undefined;
    const load = async () => setView(await loadTabView(current));
    void (async () => {
      current = await activeTab();
      setTab(current);
      await load();
    })();
    return onTabStateChanged((tabId) => {
      if (tabId === current?.id) void load();
    });
  }, []);

  return (
    <PopupSummary
      view={view}
      panelError={panelError}
      problem={problem}
      onOpenPanel={() => {
        // Must run inside the click (a user gesture): no await before it.
        if (!chrome.sidePanel || typeof tab?.id !== 'number') {
          setPanelError('This browser has no side panel.');
          return;
        }
        chrome.sidePanel.open({ tabId: tab.id }).then(
          () => window.close(),
          (e: Error) => setPanelError(`The review panel did not open: ${e.message}`),
        );
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
      teachError={teachError}
      onTeach={
        typeof tab?.id === 'number' && (!tab.url || /^https?:/.test(tab.url))
          ? () => {
              // Inside the click: the browser asks for the host's access only during it (teachTab asks before anything else).
              setTeachError(null);
              void teachTab({ id: tab.id!, ...(tab.url ? { url: tab.url } : {}) }).then((why) =>
                why ? setTeachError(why) : window.close(),
              );
            }
          : undefined
      }
    />
  );
}

render(<Popup />, document.body.querySelector('#app')!);
