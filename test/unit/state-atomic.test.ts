/**
 * What the worker keeps survives it being stopped at any moment: a tab's
 * review state is written before the page gets its answer (one storage call),
 * a failed write is reported in the tab's status and leaves no older state
 * behind, and clearing the audit log is one transaction.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import { openDismissalStore, type Dismissal } from '../../lib/background/dismissals';
import type { TabState } from '../../lib/messages';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const tab: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const panel: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const encounter = {
  id: 'h1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1] },
  ],
};
const fixed = { ...encounter, id: 'h2', lines: [{ ...encounter.lines[0]!, modifiers: ['25'] }, encounter.lines[1]!] };

function worker(stateStore: NonNullable<Parameters<typeof createWorker>[0]['stateStore']>) {
  return createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
    stateStore,
  });
}

describe("a tab's review state", () => {
  it('is written, in one storage call, before the page gets its answer', async () => {
    const calls: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const stored = new Map<number, TabState>();
    const w = worker({
      get: async (id) => stored.get(id),
      set: async (state) => {
        calls.push(`set ${state.encounterId}`);
        await slow;
        stored.set(state.tabId, state);
      },
      remove: async (id) => void (calls.push('remove'), stored.delete(id)),
    });
    let answered = false;
    const reply = w.handle({ type: 'evaluate', adapter: 'ema', encounter }, tab).then((r) => ((answered = true), r));
    // Wait for the write (the first evaluation also makes the install's pseudonym key), not a fixed time.
    await vi.waitFor(() => expect(calls).toEqual([expect.stringMatching(/^set p1\.[0-9a-f]{32}$/)]), { timeout: 5000 });
    expect(answered).toBe(false); // a worker stopped now loses neither: the page has no answer yet, and asks again
    release();
    expect(await reply).toMatchObject({ ok: true, findings: [{ rule: 'mod25-missing' }] });
    expect(stored.get(7)).toMatchObject({ encounterId: expect.stringMatching(/^p1\./), counts: { error: 1 } });
    expect(calls).toHaveLength(1);
  });

  it('a failed write (storage.session over its quota) is reported in the tab status, and no older state stays behind', async () => {
    const stored = new Map<number, TabState>();
    let full = false;
    const w = worker({
      get: async (id) => stored.get(id),
      set: async (state) => {
        if (full) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
        stored.set(state.tabId, state);
      },
      remove: async (id) => void stored.delete(id),
    });
    await w.handle({ type: 'evaluate', adapter: 'ema', encounter }, tab);
    expect(stored.get(7)).toMatchObject({ encounterId: expect.stringMatching(/^p1\./) });
    full = true;
    // The page still gets its findings painted…
    expect(await w.handle({ type: 'evaluate', adapter: 'ema', encounter: fixed }, tab)).toMatchObject({
      ok: true,
      errors: 0,
    });
    // …the panel and popup say the state could not be kept…
    expect(await w.handle({ type: 'tab-state', tabId: 7 }, panel)).toMatchObject({
      ok: true,
      state: {
        encounterId: expect.stringMatching(/^p1\./),
        stateError: expect.stringMatching(
          /^the review state of this tab could not be saved \(Session storage quota bytes exceeded/,
        ),
      },
    });
    // …and a restarted worker would find no state rather than the older encounter's.
    expect(stored.has(7)).toBe(false);
    full = false;
    await w.handle({ type: 'evaluate', adapter: 'ema', encounter: fixed }, tab);
    const again = await w.handle({ type: 'tab-state', tabId: 7 }, panel);
    expect(again).toMatchObject({ ok: true, state: { encounterId: expect.stringMatching(/^p1\./) } });
    expect((again as { state: TabState }).state.stateError).toBeUndefined();
    expect(stored.get(7)).toMatchObject({ encounterId: expect.stringMatching(/^p1\./) });
  });
});

describe('clearing the audit log', () => {
  const record = (i: number): Dismissal => ({
    key: `e${i}|dx-missing|17000|1`,
    encounter: `e${i}`,
    rule: 'dx-missing',
    code: '17000',
    subject: '1',
    reason: 'payer-policy',
    at: `2026-11-23T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
    outcome: 'overridden',
  });

  async function filled(name: string, n: number) {
    const store = openDismissalStore(name);
    for (let i = 0; i < n; i++) await store.put(record(i));
    return store;
  }

  it('deletes every record in one transaction', async () => {
    const store = await filled('audit-one-tx', 40);
    const original = IDBDatabase.prototype.transaction;
    let readwrite = 0;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') readwrite++;
      return original.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      await store.clear();
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(readwrite).toBe(1);
    expect(await store.all()).toEqual([]);
  });

  it('a clear interrupted half way (asked from options) leaves the whole log', async () => {
    const store = await filled('audit-interrupted', 40);
    const w = createWorker({
      extensionId: EXT,
      allowedPatterns: () => [],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      dismissals: store,
    });
    // The worker is stopped in the middle of the clear: its transaction never commits.
    const clear = IDBObjectStore.prototype.clear;
    const del = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.clear = function (this: IDBObjectStore) {
      const request = clear.call(this);
      this.transaction.abort();
      return request;
    };
    let deletes = 0;
    IDBObjectStore.prototype.delete = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (++deletes === 20) this.transaction.abort();
      return del.call(this, key);
    };
    try {
      expect(
        await w.handle({ type: 'clear-audit' }, { id: EXT, url: `chrome-extension://${EXT}/options.html` }),
      ).toMatchObject({ ok: false });
    } finally {
      IDBObjectStore.prototype.clear = clear;
      IDBObjectStore.prototype.delete = del;
    }
    expect(await store.all()).toHaveLength(40);
  });
});
