/**
 * Dismissals key on the rule, the message id and the line's code (for an
 * encounter-level finding, its message id and data), never on the wording:
 * rewording a message keeps what a coder dismissed. Dismissals made before
 * message ids move once to keys with the message id '*' (any) and still apply.
 * The real IndexedDB store runs here on fake-indexeddb, behind the real worker.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { keyFindings, shortHash } from '../../lib/background/evaluate';
import {
  cachedDismissals,
  openDismissalStore,
  type Dismissal,
  type DismissalStore,
} from '../../lib/background/dismissals';
import { migrateMessageIdKeys, MESSAGE_ID_UPGRADE } from '../../lib/background/message-id-keys';
import { createPseudonyms, memoryKeyStore, type KeyStore } from '../../lib/background/pseudonym';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import type { TabState } from '../../lib/messages';
import { createRule, type RuleModule } from '../../rules/types';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ehr: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const IDENTITY = 'ema|4017|77';
const encounter: Encounter = {
  id: IDENTITY,
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'L57.0' }, { code: 'L82.1' }],
  lines: [
    { code: '17000', dx: [1] },
    { code: '17110', dx: [2] },
    { code: '17110', dx: [2] },
  ],
};

let dbCount = 0;
const freshDb = () => `dermlint-dismissals-test-${++dbCount}`;

/**
 * A rule whose words can be changed between two evaluations, as a release that rewords a message does:
 * an error on each 17110 line, and one encounter-level error per diagnosis.
 */
function rewordableRule() {
  const messages = {
    onLine: { message: '{{code}} is wrong (first wording).', title: 'Fix {{code}}', fix: 'Change {{code}}.' },
    perDiagnosis: { message: 'Diagnosis {{dx}} is wrong (first wording).', title: 'Fix {{dx}}', fix: 'Change {{dx}}.' },
  } as const;
  // The same objects, written to as a new release would word them.
  const words = messages as unknown as Record<keyof typeof messages, { message: string; title: string }>;
  const rule = createRule({
    meta: {
      id: 'rewordable',
      summary: 'test rule',
      severity: 'error',
      reference: 'none',
      description: 'test rule',
      messages,
    },
    check: ({ claim, diagnoses }) => [
      ...claim
        .filter((l) => l.code === '17110')
        .map((l) => ({ line: l.index, field: 'code' as const, messageId: 'onLine' as const, data: { code: l.code } })),
      ...diagnoses.map((dx) => ({
        line: null,
        field: 'dx' as const,
        messageId: 'perDiagnosis' as const,
        data: { dx },
      })),
    ],
  });
  const reword = (n: string) => {
    words.onLine.message = `{{code}} is wrong (${n} wording).`;
    words.onLine.title = `Change {{code}} (${n})`;
    words.perDiagnosis.message = `Diagnosis {{dx}} is wrong (${n} wording).`;
  };
  return { rule, reword };
}

function setup(options: { dismissals: DismissalStore; rules?: readonly RuleModule[]; keys?: KeyStore }) {
  const states = new Map<number, TabState>();
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
    dismissals: options.dismissals,
    stateStore: {
      get: async (t) => states.get(t),
      set: async (s) => void states.set(s.tabId, s),
      remove: async (t) => void states.delete(t),
    },
    pseudonyms: createPseudonyms(options.keys ?? memoryKeyStore()),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const evaluate = async () => {
    const answer = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, ehr);
    if (!answer.ok) throw new Error(answer.error);
    return answer;
  };
  const findings = () => states.get(7)!.findings;
  const dismiss = async (key: string) =>
    expect(await worker.handle({ type: 'dismiss', tabId: 7, key, reason: 'payer-policy' }, page)).toEqual({ ok: true });
  const undismiss = async (key: string) =>
    expect(await worker.handle({ type: 'undismiss', tabId: 7, key }, page)).toEqual({ ok: true });
  return { worker, evaluate, findings, dismiss, undismiss };
}

describe('dismissals hold when a message is reworded', () => {
  it('a line finding and an encounter-level finding dismissed under one wording stay dismissed under another; the others stay open', async () => {
    const { rule, reword } = rewordableRule();
    const store = openDismissalStore(freshDb());
    const { evaluate, findings, dismiss } = setup({ dismissals: store, rules: [rule] });
    expect((await evaluate()).errors).toBe(4); // two 17110 lines, two diagnoses
    const second17110 = findings().find((f) => f.line === 2)!;
    const l821 = findings().find((f) => f.line === null && f.data?.dx === 'L821')!;
    expect(second17110.key).toMatch(/\|rewordable\|onLine\|17110\|2$/);
    await dismiss(second17110.key);
    await dismiss(l821.key);
    expect((await evaluate()).errors).toBe(2);

    reword('second');
    const answer = await evaluate();
    expect(answer.findings.map((f) => f.message).sort()).toEqual([
      '17110 is wrong (second wording).',
      'Diagnosis L570 is wrong (second wording).',
    ]);
    expect(answer.errors).toBe(2);
    expect(
      findings()
        .filter((f) => f.dismissed)
        .map((f) => [f.line, f.message]),
    ).toEqual([
      [null, 'Diagnosis L821 is wrong (second wording).'],
      [2, '17110 is wrong (second wording).'],
    ]);
    // What is kept: rule, message id, code — no wording.
    const kept = await store.all();
    expect(kept.map((d) => [d.rule, d.messageId, d.code])).toEqual([
      ['rewordable', 'onLine', '17110'],
      ['rewordable', 'perDiagnosis', ''],
    ]);
    expect(JSON.stringify(kept)).not.toContain('wording');
  });

  it('before, an encounter-level key was a hash of the wording; now of the message id and data', () => {
    const { rule, reword } = rewordableRule();
    const e = { ...encounter, id: 'p' } as Encounter;
    const keys = () => keyFindings(e, run(e, { rules: [rule] })).map((k) => k.key);
    const legacy = () => keyFindings(e, run(e, { rules: [rule] })).map((k) => k.legacyKey);
    const [keysBefore, legacyBefore] = [keys(), legacy()];
    reword('third');
    expect(keys()).toEqual(keysBefore);
    // The hash of the wording (what records before message ids keyed on) changes with it.
    expect(legacy().filter((k, i) => k !== legacyBefore[i])).toHaveLength(2);
  });
});

describe('dismissals made before message ids', () => {
  const at = '2026-03-01T10:00:00.000Z';

  /** Records as the previous version wrote them for this encounter: no message id, a wording hash for the encounter-level one. */
  async function formerRecords(keys: KeyStore): Promise<Dismissal[]> {
    const id = await createPseudonyms(keys).of(IDENTITY);
    const wordingHash = shortHash('Diagnosis L821 is wrong (first wording).');
    return [
      {
        key: `${id}|rewordable|17110|2`,
        encounter: id,
        rule: 'rewordable',
        code: '17110',
        subject: '2',
        reason: 'payer-policy',
        at,
        outcome: 'overridden',
      },
      {
        key: `${id}|rewordable||${wordingHash}`,
        encounter: id,
        rule: 'rewordable',
        code: '',
        subject: wordingHash,
        reason: 'not-applicable',
        at,
        outcome: 'overridden',
      },
      {
        key: `${id}|rewordable|17110|1|undone|${at}`,
        encounter: id,
        rule: 'rewordable',
        code: '17110',
        subject: '1',
        reason: 'other',
        at,
        undoneAt: at,
        outcome: 'overridden',
      },
      {
        key: `${id}|signoff|${at}`,
        encounter: id,
        rule: 'signoff',
        code: '',
        subject: '1 error',
        reason: 'signed-anyway',
        at,
        outcome: 'overridden',
      },
    ];
  }

  it('move once, in one transaction marked done, to keys with message id "*", and still apply', async () => {
    const keys = memoryKeyStore();
    const store = openDismissalStore(freshDb());
    const former = await formerRecords(keys);
    for (const d of former) await store.put(d);
    const writes: string[] = [];
    const counted: DismissalStore = {
      ...store,
      put: (d) => (writes.push(`put ${d.key}`), store.put(d)),
      upgrade: (name, remove, put) => (
        writes.push(`upgrade ${name} ${remove.length}/${put.length}`),
        store.upgrade!(name, remove, put)
      ),
      upgraded: store.upgraded,
    };
    const { rule } = rewordableRule();
    const { evaluate, findings } = setup({ dismissals: counted, rules: [rule], keys });
    // The second 17110 line and diagnosis L82.1 stay dismissed: two of four errors left.
    expect((await evaluate()).errors).toBe(2);
    expect(
      findings()
        .filter((f) => f.dismissed)
        .map((f) => f.line),
    ).toEqual([null, 2]);
    expect(writes).toEqual(['upgrade encounter-ids-hmac-sha256 0/0', `upgrade ${MESSAGE_ID_UPGRADE} 3/3`]);
    expect(await store.upgraded!(MESSAGE_ID_UPGRADE)).toBe(true);
    const id = former[0]!.encounter;
    expect((await store.all()).map((d) => [d.key, d.messageId]).sort()).toEqual(
      [
        [`${id}|rewordable|*|17110|2`, '*'],
        [`${id}|rewordable|*||${former[1]!.subject}`, '*'],
        [`${id}|rewordable|*|17110|1|undone|${at}`, '*'],
        [`${id}|signoff|${at}`, undefined],
      ].sort(),
    );
    // Once: a restarted worker writes nothing.
    const snapshot = JSON.stringify(await store.all());
    await setup({ dismissals: counted, rules: [rule], keys }).evaluate();
    expect(writes).toHaveLength(2);
    expect(JSON.stringify(await store.all())).toBe(snapshot);
  });

  it('a moved line dismissal holds whatever the rule now says of the line, and can be undone', async () => {
    const keys = memoryKeyStore();
    const store = cachedDismissals(openDismissalStore(freshDb()));
    for (const d of await formerRecords(keys)) await store.put(d);
    const { rule, reword } = rewordableRule();
    const { evaluate, findings, undismiss } = setup({ dismissals: store, rules: [rule], keys });
    reword('fourth');
    // The line's record never named a message: it holds. The encounter-level one was made under the first wording, which is gone.
    expect((await evaluate()).errors).toBe(3);
    const dismissed = findings().find((f) => f.dismissed)!;
    expect(dismissed.line).toBe(2);
    expect(dismissed.key).toMatch(/\|rewordable\|\*\|17110\|2$/);
    await undismiss(dismissed.key);
    expect((await evaluate()).errors).toBe(4);
    expect((await store.all()).find((d) => d.subject === '2')!.undoneAt).toBeDefined();
  });

  it('an interrupted move changes nothing and is tried again', async () => {
    const keys = memoryKeyStore();
    const store = openDismissalStore(freshDb());
    const former = await formerRecords(keys);
    for (const d of former) await store.put(d);
    let fail = true;
    const flaky: DismissalStore = {
      ...store,
      upgraded: store.upgraded,
      upgrade: (name, remove, put) =>
        fail && name === MESSAGE_ID_UPGRADE ? Promise.reject(new Error('quota')) : store.upgrade!(name, remove, put),
    };
    await expect(migrateMessageIdKeys(flaky)).rejects.toThrow('quota');
    expect((await store.all()).map((d) => d.key).sort()).toEqual(former.map((d) => d.key).sort());
    expect(await store.upgraded!(MESSAGE_ID_UPGRADE)).toBe(false);
    fail = false;
    await migrateMessageIdKeys(flaky);
    expect((await store.all()).filter((d) => d.rule !== 'signoff').every((d) => d.messageId === '*')).toBe(true);
  });
});
