/**
 * What the worker injects into EHR tabs (scripting.executeScript, always the
 * extension's isolated world: the page never sees it): the paint kit and the
 * fix code into the frame that asked, and the content script into tabs that
 * were already open when dermlint got a host.
 */
import browser from 'webextension-polyfill';

/** Loads one of the extension's scripts into one frame: the paint kit (paint-kit.js) or the fix code (fix-apply.js). */
export async function injectIntoFrame(
  tabId: number,
  frameId: number,
  file: '/paint-kit.js' | '/fix-apply.js',
): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
}

const CONTENT_SCRIPT = 'content-scripts/ehr.js';

/**
 * Starts the content script in tabs that were already open when dermlint got a host (a host
 * added in options, a field map taught or saved): a registered content script runs only on
 * pages loaded after it. Injects into every frame of every open tab under `patterns` that
 * dermlint may script and that has no copy running (it marks its isolated world; see
 * entrypoints/ehr.content).
 */
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
