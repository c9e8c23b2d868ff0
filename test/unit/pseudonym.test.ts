/**
 * Encounter pseudonyms: HMAC-SHA-256 under a key made once per install, computed
 * in the worker from the identity the screen sends; the raw ids are never kept.
 * Dismissals made under the former, reversible FNV-1a ids keep working: moved
 * once to a keyed tag (nothing reversible left at rest), then to the encounter's
 * pseudonym when a screen shows it again, and rewritten only that once. The
 * real IndexedDB store runs here on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { openDismissalStore, type Dismissal, type DismissalStore } from '../../lib/background/dismissals';
import {
  createPseudonyms,
  legacyEncounterId,
  memoryKeyStore,
  PSEUDONYM_PREFIX,
  type KeyStore,
} from '../../lib/background/pseudonym';
import { LEGACY_UPGRADE, REMOVED_COMMENT } from '../../lib/background/legacy-ids';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import type { TabState } from '../../lib/messages';
import { encounterIdentity, hashId } from '../../adapters/shared/text';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ehr: Sender = {
  id: EXT,
  url: 'https://athenanet.athenahealth.com/195900/1/encounter.esp',
  tab: { id: 7 },
  frameId: 0,
};
const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
/** athena's practice and encounter ids: the brute-forced example. */
const IDENTITY = encounterIdentity('athena', '195900', '31415926');
const FORMER_ID = hashId('athena', '195900', '31415926');
const encounter = {
  id: IDENTITY,
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1] },
  ],
};

let dbCount = 0;
const freshDb = () => `dermlint-test-${++dbCount}`;

function countingKeyStore(): KeyStore & { writes: number; value?: string } {
  const store = {
    writes: 0,
    value: undefined as string | undefined,
    async get() {
      return store.value;
    },
    async set(v: string) {
      store.writes++;
      store.value = v;
    },
  };
  return store;
}

function setup(options: { keys?: KeyStore; dismissals?: DismissalStore } = {}) {
  const states = new Map<number, TabState>();
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://athenanet.athenahealth.com/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
    dismissals: options.dismissals,
    stateStore: {
      get: async (t) => states.get(t),
      set: async (s) => void states.set(s.tabId, s),
      remove: async (t) => void states.delete(t),
    },
    pseudonyms: createPseudonyms(options.keys ?? memoryKeyStore()),
  });
  const evaluate = async () => await worker.handle({ type: 'evaluate', adapter: 'athena', encounter }, ehr);
  return { worker, states, evaluate };
}

describe('encounter pseudonyms', () => {
  it('the same encounter gets the same pseudonym within an install, another install another one; the key is made once', async () => {
    const keys = countingKeyStore();
    const a = createPseudonyms(keys);
    const first = await a.of(IDENTITY);
    expect(first).toMatch(/^p1\.[0-9a-f]{32}$/);
    expect(await a.of(IDENTITY)).toBe(first);
    // The worker restarted: the same key, read back from storage.
    expect(await createPseudonyms(keys).of(IDENTITY)).toBe(first);
    expect(keys.writes).toBe(1);
    expect(keys.value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // Another install.
    expect(await createPseudonyms(countingKeyStore()).of(IDENTITY)).not.toBe(first);
    // Other encounters differ.
    expect(await a.of(encounterIdentity('athena', '195900', '31415927'))).not.toBe(first);
  });

  it('puts its key back when the store lost it while the worker ran (storage.local cleared): pseudonyms stay the same after a restart', async () => {
    const keys = countingKeyStore();
    const running = createPseudonyms(keys);
    const first = await running.of(IDENTITY);
    const kept = keys.value;
    keys.value = undefined;
    await running.keepKey!();
    expect(keys.value).toBe(kept);
    expect(await createPseudonyms(keys).of(IDENTITY)).toBe(first);
  });

  it('is not the former FNV id, which the former id function still computes from the same identity', async () => {
    expect(legacyEncounterId(IDENTITY)).toBe(FORMER_ID);
    expect(await createPseudonyms(memoryKeyStore()).of(IDENTITY)).not.toContain(FORMER_ID);
  });

  it('the worker keeps only the pseudonym: no raw id and no former id in the tab state, the answer or a dismissal', async () => {
    const dismissals = openDismissalStore(freshDb());
    const { worker, states, evaluate } = setup({ dismissals });
    const answer = await evaluate();
    expect(answer).toMatchObject({ ok: true, errors: 1 });
    const state = states.get(7)!;
    expect(state.encounterId.startsWith(PSEUDONYM_PREFIX)).toBe(true);
    const key = state.findings[0]!.key;
    expect(await worker.handle({ type: 'dismiss', tabId: 7, key, reason: 'payer-policy' }, page)).toEqual({ ok: true });
    expect(await worker.handle({ type: 'signed-anyway', encounterId: IDENTITY, errors: 1 }, ehr)).toEqual({ ok: true });
    const kept = JSON.stringify([answer, state, await dismissals.all()]);
    for (const secret of ['31415926', '195900', FORMER_ID]) expect(kept).not.toContain(secret);
    expect((await dismissals.all()).map((d) => d.encounter)).toEqual([state.encounterId, state.encounterId]);
    // A second evaluation of the same encounter: the same pseudonym, the dismissal applies.
    expect(await evaluate()).toMatchObject({ ok: true, errors: 0 });
  });

  it('another install names the same encounter otherwise', async () => {
    const one = setup();
    const two = setup();
    await one.evaluate();
    await two.evaluate();
    expect(one.states.get(7)!.encounterId).not.toBe(two.states.get(7)!.encounterId);
  });
});

describe('dismissals made under the former ids', () => {
  const at = '2026-02-01T10:00:00.000Z';
  /** Records as the previous version wrote them: the FNV id in the encounter and the key. */
  const former: Dismissal[] = [
    {
      key: `${FORMER_ID}|mod25-missing|99213|1`,
      encounter: FORMER_ID,
      rule: 'mod25-missing',
      code: '99213',
      subject: '1',
      reason: 'other',
      comment: 'seen 03/01/2026, see memo',
      at,
      outcome: 'overridden',
    },
    {
      key: `${FORMER_ID}|mod25-missing|99213|1|undone|${at}`,
      encounter: FORMER_ID,
      rule: 'mod25-missing',
      code: '99213',
      subject: '1',
      reason: 'payer-policy',
      at: '2026-01-01T10:00:00.000Z',
      undoneAt: at,
      outcome: 'overridden',
    },
    {
      key: `${FORMER_ID}|signoff|${at}`,
      encounter: FORMER_ID,
      rule: 'signoff',
      code: '',
      subject: '1 error',
      reason: 'signed-anyway',
      at,
      outcome: 'overridden',
    },
  ];
  const other = hashId('ema', '4017', '9');
  const unseen: Dismissal = {
    key: `${other}|lesions-lumped|11102|1`,
    encounter: other,
    rule: 'lesions-lumped',
    code: '11102',
    subject: '1',
    reason: 'not-applicable',
    comment: 'per coding lead',
    at,
    outcome: 'overridden',
  };

  async function storeWithFormerRecords(): Promise<DismissalStore> {
    const store = openDismissalStore(freshDb());
    for (const d of [...former, unseen]) await store.put(d);
    return store;
  }

  it('still apply after the move, and are rewritten once', async () => {
    const store = await storeWithFormerRecords();
    const keys = memoryKeyStore();
    // Count the store's writes from here on.
    const writes: string[] = [];
    const counted: DismissalStore = {
      ...store,
      put: (d) => (writes.push(`put ${d.key}`), store.put(d)),
      // A look-up under an encounter with nothing left to move writes nothing.
      rekey: (from, to) => store.rekey!(from, to).then((n) => (n > 0 && writes.push(`rekey ${n}`), n)),
      upgrade: (name, remove, put) => (
        writes.push(`upgrade ${remove.length}/${put.length}`),
        store.upgrade!(name, remove, put)
      ),
      countPrefix: store.countPrefix,
      upgraded: store.upgraded,
    };
    const { evaluate, states } = setup({ keys, dismissals: counted });
    // The dismissed finding stays dismissed: no error on the screen.
    expect(await evaluate()).toMatchObject({ ok: true, errors: 0, findings: [] });
    const pseudonym = states.get(7)!.encounterId;
    // Then the keys with message ids (message-id-keys.ts: the three finding records, '*' for any message).
    expect(writes).toEqual(['upgrade 4/4', 'upgrade 3/3', 'rekey 3']);
    const all = await store.all();
    expect(
      all
        .filter((d) => d.encounter === pseudonym)
        .map((d) => d.key)
        .sort(),
    ).toEqual(
      [
        `${pseudonym}|mod25-missing|*|99213|1`,
        `${pseudonym}|mod25-missing|*|99213|1|undone|${at}`,
        `${pseudonym}|signoff|${at}`,
      ].sort(),
    );
    // The comment that named a date is gone; the other stays.
    expect(all.find((d) => d.key === `${pseudonym}|mod25-missing|*|99213|1`)!.comment).toBe(REMOVED_COMMENT);
    expect(all.find((d) => d.rule === 'lesions-lumped')!.comment).toBe('per coding lead');
    // No former id left anywhere, not even for the encounter no screen showed since.
    expect(JSON.stringify(all)).not.toContain(FORMER_ID);
    expect(JSON.stringify(all)).not.toContain(other);
    expect(all.find((d) => d.rule === 'lesions-lumped')!.encounter).toMatch(/^l1\.[0-9a-f]{32}$/);
    expect(await store.upgraded!(LEGACY_UPGRADE)).toBe(true);

    // Once: the next evaluations, and a restarted worker with the same key, write nothing.
    const snapshot = JSON.stringify(await store.all());
    expect(await evaluate()).toMatchObject({ ok: true, errors: 0 });
    const restarted = setup({ keys, dismissals: counted });
    expect(await restarted.evaluate()).toMatchObject({ ok: true, errors: 0 });
    expect(writes).toEqual(['upgrade 4/4', 'upgrade 3/3', 'rekey 3']);
    expect(JSON.stringify(await store.all())).toBe(snapshot);

    // The audit log still lists every record.
    const audit = await restarted.worker.handle({ type: 'audit' }, page);
    expect(audit.ok && audit.dismissals).toHaveLength(4);
  });

  it('the encounter no screen showed since is found when one does', async () => {
    const store = await storeWithFormerRecords();
    const keys = memoryKeyStore();
    await setup({ keys, dismissals: store }).evaluate();
    const ema = setup({ keys, dismissals: store });
    const reply = await ema.worker.handle(
      {
        type: 'evaluate',
        adapter: 'ema',
        encounter: {
          id: encounterIdentity('ema', '4017', '9'),
          payer: { kind: 'commercial' },
          diagnoses: [{ code: 'L82.0' }],
          lines: [{ code: '11102', units: 1, lesions: 3, dx: [1] }],
        },
      },
      { ...ehr, url: 'https://athenanet.athenahealth.com/x' },
    );
    expect(reply).toMatchObject({ ok: true });
    expect(reply.ok && reply.findings.map((f) => f.rule)).not.toContain('lesions-lumped');
    const moved = (await store.all()).find((d) => d.rule === 'lesions-lumped')!;
    expect(moved.encounter).toBe(ema.states.get(7)!.encounterId);
  });
});
