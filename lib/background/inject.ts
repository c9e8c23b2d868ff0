/**
 * Starts the content script in tabs that were already open when dermlint got a
 * host (a host added in options, a field map taught or saved): a registered
 * content script runs only on pages loaded after it. Frames where it already
 * runs are left alone (it marks its isolated world; see entrypoints/ehr.content).
 */
import browser from 'webextension-polyfill';

const CONTENT_SCRIPT = 'content-scripts/ehr.js';

/** Injects into every frame of every open tab under `patterns` that dermlint may script and that has no copy running. */
export async function startInOpenTabs(patterns: readonly string[]): Promise<number> {
  if (patterns.length === 0) return 0;
  let started = 0;
  const tabs = await browser.tabs.query({ url: [...patterns] }).catch(() => []);
  for (const tab of tabs) {
    if (typeof tab.id !== 'number') continue;
    try {
      const probes = await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: () => !!(window as { __dermlintRunning?: boolean }).__dermlintRunning,
      });
      const frameIds = probes.filter((p) => p.result === false).map((p) => p.frameId);
      if (frameIds.length === 0) continue;
      await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds }, files: [CONTENT_SCRIPT] });
      started += frameIds.length;
    } catch {
      // A tab dermlint may not script (a browser page, a host without access): nothing to start there.
    }
  }
  return started;
}
