/** The background worker's gate: sender and shape checks, the engine's answer, the badge count. */
import { describe, expect, it, vi } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS, type ExtensionSettings } from '../../lib/extension-settings';
import { cachedDismissals, type Dismissal, type DismissalStore } from '../../lib/background/dismissals';
import type { TabState } from '../../lib/messages';
import type { Encounter } from '../../rules/schema';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const good: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const encounter: Encounter = {
  id: 'h1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1] },
  ],
};

function setup(settings: ExtensionSettings = DEFAULT_EXTENSION_SETTINGS) {
  const badges: [number, number][] = [];
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*', 'https://athenanet.athenahealth.com/*'],
    settings: () => settings,
    setBadge: (tab, n) => badges.push([tab, n]),
  });
  return { worker, badges };
}

describe('background worker', () => {
  it('answers a content script on an EHR host with findings and sets the badge', async () => {
    const { worker, badges } = setup();
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    expect(reply).toMatchObject({ ok: true, findings: [{ rule: 'mod25-missing', line: 0, severity: 'error' }] });
    expect(badges.at(-1)).toEqual([7, 1]);
  });

  it('gives a finding without a title its short label (the pill shows it; the page carries no table of labels)', async () => {
    const { worker } = setup();
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    expect(reply.ok && reply.findings.map((f) => f.title)).toEqual(['Add modifier 25']);
    const plain: Encounter = { ...encounter, lines: [{ code: '11102', dx: [1], units: 2, lesions: 2 }] };
    const other = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter: plain }, good);
    expect(other.ok && other.findings.length).toBeGreaterThan(0);
    for (const f of other.ok ? other.findings : []) expect(f.title, f.rule).toBeTruthy();
  });

  it('loads the paint kit into the asking frame of an EHR host only', async () => {
    const injected: [number, number][] = [];
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      injectPaintKit: async (tab, frame) => void injected.push([tab, frame]),
    });
    expect(await worker.handle({ type: 'paint-kit' }, { ...good, frameId: 3 })).toEqual({ ok: true });
    expect(injected).toEqual([[7, 3]]);
    expect(await worker.handle({ type: 'paint-kit' }, { ...good, url: 'https://evil.example/' })).toMatchObject({
      ok: false,
    });
    expect(await worker.handle({ type: 'paint-kit', extra: 'x'.repeat(10) }, good)).toEqual({ ok: true }); // unknown fields stripped
    expect(injected).toHaveLength(2);
    expect(await setup().worker.handle({ type: 'paint-kit' }, good)).toMatchObject({
      ok: false,
      error: 'the paint kit is not available here',
    });
  });

  it('applies the user settings', async () => {
    const { worker, badges } = setup({ ...DEFAULT_EXTENSION_SETTINGS, rules: { 'mod25-missing': 'off' } });
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    expect(reply).toMatchObject({ ok: true, findings: [] });
    expect(badges.at(-1)).toEqual([7, 0]);
  });

  it.each<[string, Sender]>([
    ['another extension', { ...good, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['no tab (a web page or another context)', { id: EXT, url: good.url }],
    ['a page that is not an enabled EHR host', { ...good, url: 'https://evil.example.com/' }],
    ['no URL', { id: EXT, tab: { id: 7 } }],
  ])('rejects a message from %s without acting', async (_name, sender) => {
    const { worker, badges } = setup();
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) });
    expect(badges).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'evaluate'],
    ['an unknown type', { type: 'drop-tables' }],
    ['a bad encounter', { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, lines: [{ code: 5 }] } }],
    [
      'too many lines',
      {
        type: 'evaluate',
        adapter: 'ema',
        encounter: { ...encounter, lines: Array.from({ length: 5001 }, () => ({ code: '17000' })) },
      },
    ],
    [
      'an oversized string',
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, id: 'x'.repeat(5_000_000) } },
    ],
    [
      'a prototype-polluting payload',
      JSON.parse(
        '{"type":"evaluate","adapter":"ema","__proto__":{"polluted":true},"encounter":{"id":"a","payer":{"kind":"medicare"},"diagnoses":[],"lines":[]}}',
      ),
    ],
  ])('rejects %s without a crash', async (_name, message) => {
    const { worker, badges } = setup();
    const reply = await worker.handle(message, good);
    if (_name === 'a prototype-polluting payload') {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(reply.ok).toBe(true);
      return;
    }
    expect(reply).toMatchObject({ ok: false });
    expect(badges).toEqual([]);
  });

  it('sums errors over the frames of a tab and clears a frame that lost its encounter', async () => {
    const { worker, badges } = setup();
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, { ...good, frameId: 3 });
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, { ...good, frameId: 5 });
    expect(badges.at(-1)).toEqual([7, 2]);
    await worker.handle({ type: 'status', adapter: 'ema', state: 'absent' }, { ...good, frameId: 3 });
    expect(badges.at(-1)).toEqual([7, 1]);
  });
});

describe('background worker: what waits and what does not', () => {
  it('writes the tab state before it answers, keeps writes in order, and serves the panel from memory', async () => {
    const writes: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const stored = new Map<number, TabState>();
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      stateStore: {
        get: async (tab) => stored.get(tab),
        set: async (state) => {
          await gate; // storage is slow
          writes.push(`set ${state.findings.length}`);
          stored.set(state.tabId, state);
        },
        remove: async (tab) => {
          writes.push('remove');
          stored.delete(tab);
        },
      },
    });
    const first = worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    const fixed = { ...encounter, lines: [{ ...encounter.lines[0]!, modifiers: ['25'] }, encounter.lines[1]!] };
    const second = worker.handle({ type: 'evaluate', adapter: 'ema', encounter: fixed }, good);
    // Both judged (however long a cold engine takes), neither written: the panel is served the newer from memory.
    // (A fixed 10 ms wait here failed on a loaded machine, before the worker was split as well as after.)
    await vi.waitFor(
      async () =>
        expect(
          await worker.handle(
            { type: 'tab-state', tabId: 7 },
            { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` },
          ),
        ).toMatchObject({ ok: true, state: { findings: [] } }),
      { timeout: 10_000, interval: 5 },
    );
    expect(writes).toEqual([]); // storage is slow: neither is answered yet
    const gone = worker.handle({ type: 'status', adapter: 'ema', state: 'absent' }, good);
    release();
    expect(await first).toMatchObject({ ok: true, findings: [{ rule: 'mod25-missing' }] });
    await second;
    await gone;
    expect(writes).toEqual(['set 1', 'set 0', 'remove']);
    expect(stored.size).toBe(0);
  });

  it('reads the settings again when the page says they changed', async () => {
    const calls: boolean[] = [];
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: (refresh) => (calls.push(!!refresh), DEFAULT_EXTENSION_SETTINGS),
      setBadge: () => {},
    });
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter, refresh: true }, good);
    expect(calls).toEqual([false, true]);
    const bad = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter, refresh: 'yes' }, good);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/refresh/) });
  });
});

describe('background worker: the note and the history stay in memory', () => {
  it('judges an encounter with a note and a visit history, and keeps of them only their size in the tab state', async () => {
    const stored: TabState[] = [];
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      stateStore: { get: async () => undefined, set: async (state) => void stored.push(state), remove: async () => {} },
    });
    const note =
      'Patient JANE QTESTPERSON, MRN 48213377, DOB 04/17/1951, phone (555) 201-7788.\nProcedure: Shave removal\nLocation: left cheek';
    const history = [{ dateOfService: '2026-02-11', code: '11642', modifiers: ['XS'], dx: ['C44.319'] }];
    const reply = await worker.handle(
      { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, note, history } },
      good,
    );
    expect(reply).toMatchObject({ ok: true });
    const panel = await worker.handle(
      { type: 'tab-state', tabId: 7 },
      { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` },
    );
    await new Promise((r) => setTimeout(r, 0));
    for (const state of [(panel as { state: TabState }).state, ...stored]) {
      expect(state).toMatchObject({ noteChars: note.length, history: 1 });
      const kept = JSON.stringify(state);
      for (const secret of [
        'QTESTPERSON',
        '48213377',
        '04/17/1951',
        '201-7788',
        'Shave removal',
        'left cheek',
        '2026-02-11',
        '11642',
        'C44.319',
      ])
        expect(kept).not.toContain(secret);
    }
    expect(stored.length).toBeGreaterThan(0);
  });
});

describe('cachedDismissals', () => {
  function fakeStore() {
    const rows = new Map<string, Dismissal>();
    let reads = 0;
    const store: DismissalStore = {
      put: async (d) => void rows.set(d.key, d),
      remove: async (key) => void rows.delete(key),
      undo: async (key, at) => {
        const d = rows.get(key);
        if (d) {
          rows.delete(key);
          rows.set(`${key}|undone|${at}`, { ...d, key: `${key}|undone|${at}`, undoneAt: at });
        }
      },
      forEncounter: async (e) => (reads++, [...rows.values()].filter((d) => d.encounter === e && !d.undoneAt)),
      all: async () => [...rows.values()],
      clear: async () => rows.clear(),
    };
    return { store, reads: () => reads };
  }
  const dismissal = (encounter: string, rule: string): Dismissal => ({
    key: `${encounter}|${rule}|17000|1`,
    encounter,
    rule,
    code: '17000',
    subject: '1',
    reason: 'payer-policy',
    at: '2026-11-23T10:00:00.000Z',
    outcome: 'overridden',
  });

  it('reads an encounter once, and again after a write that concerns it', async () => {
    const { store, reads } = fakeStore();
    const cached = cachedDismissals(store);
    expect(await cached.forEncounter('e1')).toEqual([]);
    expect(await cached.forEncounter('e1')).toEqual([]);
    expect(reads()).toBe(1);
    await cached.put(dismissal('e1', 'destruction-series'));
    expect((await cached.forEncounter('e1')).map((d) => d.rule)).toEqual(['destruction-series']);
    await cached.undo(dismissal('e1', 'destruction-series').key, '2026-11-23T11:00:00.000Z');
    expect(await cached.forEncounter('e1')).toEqual([]);
    await cached.put(dismissal('e2', 'dx-missing'));
    await cached.remove(dismissal('e2', 'dx-missing').key);
    expect(await cached.forEncounter('e2')).toEqual([]);
    expect(reads()).toBe(4);
  });

  it('keeps at most its capacity of encounters, dropping the least recently used', async () => {
    const { store, reads } = fakeStore();
    const cached = cachedDismissals(store, 2);
    await cached.forEncounter('a');
    await cached.forEncounter('b');
    await cached.forEncounter('a');
    await cached.forEncounter('c'); // drops b
    expect(reads()).toBe(3);
    await cached.forEncounter('a');
    expect(reads()).toBe(3);
    await cached.forEncounter('b');
    expect(reads()).toBe(4);
  });
});

describe('background worker: answers that finish out of order', () => {
  it('keeps the newest encounter a frame sent for the badge and the review state, not an older one finishing late', async () => {
    let releaseX!: () => void;
    const xRead = new Promise<void>((r) => (releaseX = r));
    const badges: number[] = [];
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: (_tab, n) => badges.push(n),
      // Encounters named as sent, so the slow read below can tell them apart.
      pseudonyms: { of: async (identity) => identity, legacyTag: async (id) => id },
      dismissals: {
        put: async () => {},
        remove: async () => {},
        undo: async () => {},
        all: async () => [],
        clear: async () => {},
        // X is new to the worker (IndexedDB is slow); Y is cached.
        forEncounter: async (id) => (id === 'X' ? xRead.then(() => []) : []),
      },
    });
    const x = { ...encounter, id: 'X' }; // one error: mod25-missing
    const y = { ...encounter, id: 'Y', lines: [{ ...encounter.lines[0]!, modifiers: ['25'] }, encounter.lines[1]!] }; // clean
    const first = worker.handle({ type: 'evaluate', adapter: 'ema', encounter: x }, good);
    const second = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter: y }, good);
    expect(second).toMatchObject({ ok: true, errors: 0 });
    releaseX();
    expect(await first).toMatchObject({ ok: true, errors: 1 }); // the page still gets its answer (and ignores it: it is older)
    const panel = await worker.handle(
      { type: 'tab-state', tabId: 7 },
      { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` },
    );
    expect(panel).toMatchObject({ ok: true, state: { encounterId: 'Y', counts: { error: 0 } } });
    expect(badges).toEqual([0]);
  });

  it('answers { ok: false } when judging throws, instead of rejecting', async () => {
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => {
        throw new Error('storage is gone');
      },
      setBadge: () => {},
    });
    expect(await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good)).toEqual({
      ok: false,
      error: 'dermlint could not judge this: storage is gone',
    });
  });
});

describe('background worker: a screen it could not read', () => {
  it('keeps the note without what the screen showed, even if a frame sent it with the value marked', async () => {
    const states = new Map<number, TabState>();
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      stateStore: {
        get: async (t) => states.get(t),
        set: async (s) => void states.set(s.tabId, s),
        remove: async (t) => void states.delete(t),
      },
    });
    const reason = "could not read: site of row 2 ('\u2068pt SMITH, JOHN MRN 00123456\u2069')";
    expect(await worker.handle({ type: 'status', adapter: 'ema', state: 'unreadable', reason }, good)).toEqual({
      ok: true,
    });
    expect(states.get(7)!.reason).toBe("could not read: site of row 2 ('…')");
  });
});

describe('background worker: sign-anyway records', () => {
  it('keeps at most 3 per encounter per minute, whoever asks: a page clicking for itself cannot flood the audit log', async () => {
    const rows: Dismissal[] = [];
    let clock = Date.parse('2026-03-01T10:00:00.000Z');
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      now: () => new Date(clock),
      dismissals: {
        put: async (d) => void rows.push(d),
        remove: async () => {},
        undo: async () => {},
        all: async () => rows,
        forEncounter: async () => [],
        clear: async () => {},
      },
    });
    const sign = (encounterId: string) => worker.handle({ type: 'signed-anyway', encounterId, errors: 1 }, good);
    const replies = [];
    for (let i = 0; i < 5; i++) {
      replies.push(await sign('ema\u00001\u000010'));
      clock += 1000;
    }
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(replies[3]).toEqual({
      ok: false,
      error: 'rejected: more than 3 sign-anyway records for one encounter in a minute',
    });
    expect(await sign('ema\u00001\u000011')).toEqual({ ok: true });
    expect(rows).toHaveLength(4);
    clock += 60_000;
    expect(await sign('ema\u00001\u000010')).toEqual({ ok: true });
    expect(rows).toHaveLength(5);
  });
});

describe('background worker: clearing the audit log', () => {
  it('asks the open screens to judge again, so findings dismissed there come back at once', async () => {
    const sent: [number, number, unknown][] = [];
    const rows: Dismissal[] = [
      {
        key: 'k1',
        encounter: 'h1',
        rule: 'mod25-missing',
        code: '99213',
        subject: '1',
        reason: 'payer-policy',
        at: '2026-11-23T10:00:00.000Z',
        outcome: 'overridden',
      },
    ];
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      sendToFrame: (tab, frame, message) => sent.push([tab, frame, message]),
      dismissals: {
        put: async () => {},
        remove: async (key) =>
          void rows.splice(
            rows.findIndex((d) => d.key === key),
            1,
          ),
        undo: async () => {},
        all: async () => [...rows],
        clear: async () => void rows.splice(0),
        forEncounter: async (id) => rows.filter((d) => d.encounter === id),
      },
    });
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, { ...good, frameId: 3 });
    const page = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
    expect(await worker.handle({ type: 'clear-audit' }, page)).toEqual({ ok: true });
    expect(rows).toEqual([]);
    expect(sent).toEqual([[7, 3, { type: 'recheck' }]]);
  });
});

describe('background worker: a tab closed while its answer was on the way', () => {
  it('keeps no state and no badge for it', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const badges: number[] = [];
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: (_tab, n) => badges.push(n),
      dismissals: {
        put: async () => {},
        remove: async () => {},
        undo: async () => {},
        all: async () => [],
        clear: async () => {},
        forEncounter: async () => slow.then(() => []),
      },
    });
    const answer = worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    await worker.forgetTab(7);
    release();
    await answer;
    const panel = await worker.handle(
      { type: 'tab-state', tabId: 7 },
      { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` },
    );
    expect(panel).toEqual({ ok: true, state: null });
    expect(badges).toEqual([]);
  });
});
