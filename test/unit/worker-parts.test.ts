/**
 * The worker's parts on their own (lib/background/): the tab states and badge
 * (tab-states.ts), and the door (door.ts) in front of routes that only record
 * what reached them. test/unit/worker.test.ts and the others drive them together.
 */
import { describe, expect, it } from 'vitest';
import { createTabStates, type TabStateStore } from '../../lib/background/tab-states';
import { createDoor, type Sender } from '../../lib/background/door';
import type { DoorRoutes } from '../../lib/background/door';
import type { Broadcast, TabState } from '../../lib/messages';

const state = (tabId: number, frameId = 0, encounterId = 'p1'): TabState => ({
  tabId,
  frameId,
  adapter: 'ema',
  status: 'ok',
  encounterId,
  payerKind: 'commercial',
  lines: [],
  findings: [],
  counts: { error: 0, warning: 0, info: 0, dismissed: 0 },
  updatedAt: '2026-12-07T12:00:00.000Z',
});

function memoryStore(fail?: (s: TabState) => string | undefined) {
  const kept = new Map<number, TabState>();
  const calls: string[] = [];
  const store: TabStateStore = {
    get: async (tabId) => kept.get(tabId),
    set: async (s) => {
      calls.push(`set ${s.tabId} ${s.encounterId}`);
      const why = fail?.(s);
      if (why) throw new Error(why);
      kept.set(s.tabId, s);
    },
    remove: async (tabId) => {
      calls.push(`remove ${tabId}`);
      kept.delete(tabId);
    },
  };
  return { store, kept, calls };
}

describe('tab states', () => {
  it("shows the sum of a tab's frames on its badge, and clears a frame that reports none", () => {
    const badges: [number, number][] = [];
    const tabs = createTabStates({ setBadge: (tab, n) => badges.push([tab, n]) });
    tabs.recordErrors(7, 0, 2);
    tabs.recordErrors(7, 3, 1);
    tabs.recordErrors(8, 0, 4);
    tabs.recordErrors(7, 0, 0);
    expect(badges).toEqual([
      [7, 2],
      [7, 3],
      [8, 4],
      [7, 1],
    ]);
  });

  it('keeps only the newest evaluation a frame sent, and none for a closed tab', async () => {
    const tabs = createTabStates({ setBadge: () => {} });
    const first = tabs.arrive(7, 0);
    const second = tabs.arrive(7, 0);
    const otherFrame = tabs.arrive(7, 2);
    expect(tabs.keepIfNewest(7, 0, second)).toBe(true);
    expect(tabs.keepIfNewest(7, 0, first)).toBe(false);
    expect(tabs.keepIfNewest(7, 2, otherFrame)).toBe(true);
    const late = tabs.arrive(9, 0);
    await tabs.forget(9);
    expect(tabs.keepIfNewest(9, 0, late)).toBe(false);
  });

  it('serves a state from memory, or from the store once pending writes landed (a restarted worker)', async () => {
    const { store, calls } = memoryStore();
    const changed: Broadcast[] = [];
    const tabs = createTabStates({ setBadge: () => {}, stateStore: store, broadcast: (m) => changed.push(m) });
    await tabs.save(state(7));
    expect(tabs.inMemory(7)?.encounterId).toBe('p1');
    const restarted = createTabStates({ setBadge: () => {}, stateStore: store });
    expect((await restarted.get(7))?.encounterId).toBe('p1');
    expect(restarted.inMemory(7)).toBeUndefined();
    expect(changed).toEqual([{ type: 'tab-state-changed', tabId: 7 }]);
    await tabs.forget(7);
    expect(await restarted.get(7)).toBeUndefined();
    expect(calls).toEqual(['set 7 p1', 'remove 7']);
  });

  it('writes states in the order they were made, and says so in the state when a write fails', async () => {
    const { store, kept, calls } = memoryStore((s) => (s.encounterId === 'big' ? 'quota exceeded' : undefined));
    const tabs = createTabStates({ setBadge: () => {}, stateStore: store });
    await Promise.all([tabs.save(state(7, 0, 'p1')), tabs.save(state(7, 0, 'p2')), tabs.save(state(8, 0, 'big'))]);
    expect(calls).toEqual(['set 7 p1', 'set 7 p2', 'set 8 big', 'remove 8']);
    expect(kept.get(7)?.encounterId).toBe('p2');
    expect(kept.has(8)).toBe(false);
    expect((await tabs.get(8))?.stateError).toMatch(
      /^the review state of this tab could not be saved \(quota exceeded\)/,
    );
  });
});

describe("the worker's door", () => {
  const EXT = 'abcdefghijklmnopabcdefghijklmnop';
  const ehr: Sender = {
    id: EXT,
    url: 'https://acme.ema.md/x',
    origin: 'https://acme.ema.md',
    tab: { id: 7 },
    frameId: 3,
  };
  const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };

  function door() {
    const reached: string[] = [];
    const ack = (what: string) => () => {
      reached.push(what);
      return { ok: true } as const;
    };
    const routes: DoorRoutes = {
      content: {
        evaluate: () => {
          throw new Error('the engine broke');
        },
        status: (request, from) => {
          reached.push(`status ${request.state} from tab ${from.tabId} frame ${from.frameId}`);
          return { ok: true };
        },
        'signed-anyway': ack('signed-anyway'),
        'paint-kit': ack('paint-kit'),
        'fix-load': ack('fix-load'),
        'fix-record': ack('fix-record'),
        'teach-save': () => ({ ok: true, message: 'saved' }),
      },
      pages: {
        'tab-state': () => ({ ok: true, state: null }),
        dismiss: ack('dismiss'),
        undismiss: ack('undismiss'),
        reveal: ack('reveal'),
        audit: () => ({ ok: true, dismissals: [], fixes: [] }),
        'clear-audit': ack('clear-audit'),
      },
    };
    return { answer: createDoor({ extensionId: EXT, allowedPatterns: () => ['https://*.ema.md/*'] }, routes), reached };
  }

  it("hands a checked message to its route, with the sender's tab and frame", async () => {
    const { answer, reached } = door();
    expect(await answer({ type: 'status', adapter: 'ema', state: 'absent' }, ehr)).toEqual({ ok: true });
    expect(await answer({ type: 'clear-audit' }, page)).toEqual({ ok: true });
    expect(reached).toEqual(['status absent from tab 7 frame 3', 'clear-audit']);
  });

  it.each<[string, unknown, Sender, string]>([
    ['another extension', { type: 'audit' }, { ...page, id: 'other' }, 'rejected: unknown sender'],
    ['a page asking for a content message', { type: 'paint-kit' }, page, 'rejected: type: '],
    ['a content script asking for the audit log', { type: 'audit' }, ehr, 'rejected: type: '],
    [
      'a frame of a host that is not enabled',
      { type: 'paint-kit' },
      { ...ehr, url: 'https://evil.example.com/', origin: 'https://evil.example.com' },
      'rejected: sender page is not an enabled EHR host',
    ],
    ['a frame outside any tab', { type: 'paint-kit' }, { ...ehr, tab: undefined }, 'rejected: unknown sender'],
    ['a message over 4 MB', { type: 'clear-audit', pad: 'x'.repeat(4_000_001) }, page, 'rejected: message too large'],
  ])('refuses %s before any route runs', async (_what, message, sender, error) => {
    const { answer, reached } = door();
    const got = await answer(message, sender);
    expect(got.ok).toBe(false);
    expect(!got.ok && got.error.startsWith(error)).toBe(true);
    expect(reached).toEqual([]);
  });

  it('answers a route that throws with a failure, never a rejection', async () => {
    const { answer } = door();
    const encounter = { id: 'h1', payer: { kind: 'commercial' }, diagnoses: [], lines: [] };
    expect(await answer({ type: 'evaluate', adapter: 'ema', encounter }, ehr)).toEqual({
      ok: false,
      error: 'dermlint could not judge this: the engine broke',
    });
  });
});
