/**
 * Each tab's review state (what the popup and side panel show) and its badge
 * count, kept in the worker's memory and written through to a store that
 * survives a worker restart (storage.session). Also which evaluation of a frame
 * is the newest, so an older answer finishing late never overwrites it.
 */
import type { Broadcast, TabState } from '../messages';

/** Where tab states survive a worker restart (storage.session: memory only, never disk). */
export interface TabStateStore {
  get(tabId: number): Promise<TabState | undefined>;
  set(state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export interface TabStatesDeps {
  setBadge(tabId: number, errors: number): void;
  stateStore?: TabStateStore;
  broadcast?(message: Broadcast): void;
}

export type TabStates = ReturnType<typeof createTabStates>;

export function createTabStates(deps: TabStatesDeps) {
  /** tab → frame → errors, for the badge. */
  const errorsByTab = new Map<number, Map<number, number>>();
  const states = new Map<number, TabState>();
  /** Per tab and frame: the newest evaluation that arrived, and the newest whose result was kept. */
  const arrived = new Map<string, number>();
  const kept = new Map<string, number>();
  /** Tabs closed since the worker started (Chrome never reuses a tab id in a session): a late answer keeps nothing for them. */
  const closed = new Set<number>();
  /** Writes of each tab's state, one after another, so a slow write never lands after a newer one. */
  let writes: Promise<unknown> = Promise.resolve();

  function persist(write: () => Promise<void> | undefined): Promise<void> {
    const written = writes.then(write);
    writes = written.catch(() => {});
    return written;
  }

  /** One storage call per state. A write that fails (storage.session's quota) is reported in the tab's status, and no older state is left behind for a restarted worker to show as current. */
  async function save(state: TabState): Promise<void> {
    states.set(state.tabId, state);
    try {
      await persist(() => deps.stateStore?.set(state));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (states.get(state.tabId) === state) {
        states.set(state.tabId, {
          ...state,
          stateError: `the review state of this tab could not be saved (${why}); it is lost if the browser stops dermlint's worker, until the next edit`,
        });
      }
      await persist(() => deps.stateStore?.remove(state.tabId)).catch(() => {});
    }
    deps.broadcast?.({ type: 'tab-state-changed', tabId: state.tabId });
  }

  function remove(tabId: number): Promise<void> {
    states.delete(tabId);
    return persist(() => deps.stateStore?.remove(tabId)).catch(() => {});
  }

  return {
    /** A frame's count of errors not dismissed: the tab's badge shows the sum over its frames. */
    recordErrors(tabId: number, frameId: number, errors: number) {
      let frames = errorsByTab.get(tabId);
      if (!frames) errorsByTab.set(tabId, (frames = new Map<number, number>()));
      if (errors > 0) frames.set(frameId, errors);
      else frames.delete(frameId);
      let total = 0;
      for (const n of frames.values()) total += n;
      deps.setBadge(tabId, total);
    },

    /** The tab's state: from memory, or (not seen since the worker started) what storage holds once pending writes landed. */
    async get(tabId: number): Promise<TabState | undefined> {
      const inMemory = states.get(tabId);
      if (inMemory) return inMemory;
      await writes;
      return states.get(tabId) ?? (await deps.stateStore?.get(tabId).catch(() => undefined));
    },

    /** The state in memory only (another frame's evaluation may have landed while storage was read). */
    inMemory: (tabId: number) => states.get(tabId),

    /** Every state in memory. */
    all: () => states.values(),

    save,
    remove,

    /** Counts an evaluation arriving from a frame; its number goes to `isNewest` when the answer is ready. */
    arrive(tabId: number, frameId: number): number {
      const slot = `${tabId}:${frameId}`;
      const arrival = (arrived.get(slot) ?? 0) + 1;
      arrived.set(slot, arrival);
      return arrival;
    },

    /**
     * Answers can finish out of order (one waited on IndexedDB, a later one was cached): true when
     * this one is newer than any kept for the frame and its tab is open; it is then the one kept.
     */
    keepIfNewest(tabId: number, frameId: number, arrival: number): boolean {
      const slot = `${tabId}:${frameId}`;
      if ((kept.get(slot) ?? 0) >= arrival || closed.has(tabId)) return false;
      kept.set(slot, arrival);
      return true;
    },

    /** The tab closed: its badge, its frames' counts and its state go. */
    async forget(tabId: number): Promise<void> {
      errorsByTab.delete(tabId);
      closed.add(tabId);
      for (const slot of [...arrived.keys()])
        if (slot.startsWith(`${tabId}:`)) {
          arrived.delete(slot);
          kept.delete(slot);
        }
      await remove(tabId);
    },
  };
}
