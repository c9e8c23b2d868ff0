/**
 * Every limit declared in lib/messages.ts is enforced at the worker's door
 * (issue 10: `LIMITS.text` was declared, not enforced, and a 3.9 MB site string
 * was judged and stored). Each case builds a message with one field at its
 * limit (accepted) and one past it (rejected, the reply naming the field), so a
 * limit added to LIMITS without a case here fails the last test.
 */
import { describe, expect, it } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import { ContentRequestSchema, LIMITS, PageRequestSchema } from '../../lib/messages';
import type { TabState } from '../../lib/messages';
import { parseEncounter, type Encounter } from '../../rules/schema';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const tab: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };

const encounter = (): Encounter => ({
  id: 'h1',
  dateOfService: '2026-05-12',
  payer: { kind: 'commercial' as const, name: 'Aetna' },
  diagnoses: [{ code: 'B07.8', description: 'Other viral warts' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2], modifiers: ['25'] },
    { code: '17110', dx: [1], site: 'right index finger', description: 'Destruction of warts' },
  ],
  note: 'Procedure note: two warts destroyed.',
  history: [{ dateOfService: '2026-04-01', code: '17110', modifiers: ['RT'], dx: ['B07.8'] }],
  abn: { signed: false, lines: [1] },
});
type Enc = Encounter;
const evaluate = (change: (e: Enc) => void) => {
  const e = encounter();
  change(e);
  return { type: 'evaluate', adapter: 'ema', encounter: e };
};
const str = (n: number) => 'x'.repeat(n);
const many = <T>(n: number, item: (i: number) => T) => Array.from({ length: n }, (_, i) => item(i));

function setup() {
  const writes: TabState[] = [];
  const badges: [number, number][] = [];
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: (t, n) => badges.push([t, n]),
    stateStore: { get: async () => undefined, set: async (s) => void writes.push(s), remove: async () => {} },
  });
  return { worker, writes, badges };
}

describe('a 3.9 MB site string', () => {
  it('is rejected at the door, naming the field, before the engine runs or a state is written', async () => {
    const { worker, writes, badges } = setup();
    const message = evaluate((e) => (e.lines[1]!.site = 'left cheek ' + str(3_900_000)));
    const t0 = performance.now();
    const reply = await worker.handle(message, tab);
    const ms = performance.now() - t0;
    expect(reply).toEqual({ ok: false, error: 'rejected: encounter.lines.1.site: longer than 20,000 characters' });
    expect(ms).toBeLessThan(100);
    console.log(`3.9 MB site string rejected in ${ms.toFixed(1)} ms`);
    await new Promise((r) => setTimeout(r, 10));
    expect(writes).toEqual([]);
    expect(badges).toEqual([]);
  });
});

/** What docs/security.md promises; the cases below are sized from it, so each one also fails when a limit is missing. */
const EXPECTED = {
  lines: 5000,
  diagnoses: 1000,
  history: 1000,
  modifiers: 50,
  pointers: 50,
  text: 20_000,
  note: 200_000,
  id: 2000,
  adapter: 40,
  reason: 500,
  key: 400,
  comment: 500,
  messageBytes: 4_000_000,
} as const;

interface LimitCase {
  /** The limit this case holds to. */
  limit: keyof typeof EXPECTED;
  /** The field as the rejection names it. */
  field: string;
  /** What the rejection says. */
  says: (n: number) => string;
  /** A message with the field at size n (characters or entries), and who sends it. */
  message: (n: number) => unknown;
  from?: 'tab' | 'page';
}

const longer = (n: number) => `longer than ${n.toLocaleString('en-US')} characters`;
const more = (what: string) => (n: number) => `more than ${n.toLocaleString('en-US')} ${what}`;

const CASES: LimitCase[] = [
  // The encounter's strings
  { limit: 'id', field: 'encounter.id', says: longer, message: (n) => evaluate((e) => (e.id = str(n))) },
  {
    limit: 'text',
    field: 'encounter.payer.name',
    says: longer,
    message: (n) => evaluate((e) => (e.payer.name = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.diagnoses.1.code',
    says: longer,
    message: (n) => evaluate((e) => (e.diagnoses[1]!.code = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.diagnoses.0.description',
    says: longer,
    message: (n) => evaluate((e) => (e.diagnoses[0]!.description = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.lines.1.code',
    says: longer,
    message: (n) => evaluate((e) => (e.lines[1]!.code = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.lines.0.modifiers.0',
    says: longer,
    message: (n) => evaluate((e) => (e.lines[0]!.modifiers![0] = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.lines.1.site',
    says: longer,
    message: (n) => evaluate((e) => (e.lines[1]!.site = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.lines.1.description',
    says: longer,
    message: (n) => evaluate((e) => (e.lines[1]!.description = str(n))),
  },
  { limit: 'note', field: 'encounter.note', says: longer, message: (n) => evaluate((e) => (e.note = str(n))) },
  {
    limit: 'text',
    field: 'encounter.history.0.code',
    says: longer,
    message: (n) => evaluate((e) => (e.history![0]!.code = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.history.0.modifiers.0',
    says: longer,
    message: (n) => evaluate((e) => (e.history![0]!.modifiers![0] = str(n))),
  },
  {
    limit: 'text',
    field: 'encounter.history.0.dx.0',
    says: longer,
    message: (n) => evaluate((e) => (e.history![0]!.dx![0] = str(n))),
  },
  // The encounter's lists
  {
    limit: 'lines',
    field: 'encounter.lines',
    says: more('lines'),
    message: (n) => evaluate((e) => (e.lines = many(n, () => ({ code: '17110', dx: [1] })))),
  },
  {
    limit: 'diagnoses',
    field: 'encounter.diagnoses',
    says: more('diagnoses'),
    message: (n) => evaluate((e) => (e.diagnoses = many(n, () => ({ code: 'B07.8' })))),
  },
  {
    limit: 'history',
    field: 'encounter.history',
    says: more('prior services'),
    message: (n) =>
      evaluate(
        (e) => (e.history = many(n, () => ({ dateOfService: '2026-04-01', code: '17110', modifiers: [], dx: [] }))),
      ),
  },
  {
    limit: 'modifiers',
    field: 'encounter.lines.0.modifiers',
    says: more('modifiers'),
    message: (n) => evaluate((e) => (e.lines[0]!.modifiers = many(n, () => '59'))),
  },
  {
    limit: 'pointers',
    field: 'encounter.lines.0.dx',
    says: more('diagnosis pointers'),
    message: (n) => evaluate((e) => (e.lines[0]!.dx = many(n, () => 1))),
  },
  {
    limit: 'modifiers',
    field: 'encounter.history.0.modifiers',
    says: more('modifiers'),
    message: (n) => evaluate((e) => (e.history![0]!.modifiers = many(n, () => '59'))),
  },
  {
    limit: 'pointers',
    field: 'encounter.history.0.dx',
    says: more('diagnoses'),
    message: (n) => evaluate((e) => (e.history![0]!.dx = many(n, () => 'B07.8'))),
  },
  {
    limit: 'lines',
    field: 'encounter.abn.lines',
    says: more('line indexes'),
    message: (n) => evaluate((e) => (e.abn!.lines = many(n, () => 1))),
  },
  // Every other message's strings
  {
    limit: 'adapter',
    field: 'adapter',
    says: longer,
    message: (n) => ({ type: 'evaluate', adapter: str(n), encounter: encounter() }),
  },
  {
    limit: 'adapter',
    field: 'adapter',
    says: longer,
    message: (n) => ({ type: 'status', adapter: str(n), state: 'unreadable' }),
  },
  {
    limit: 'reason',
    field: 'reason',
    says: longer,
    message: (n) => ({ type: 'status', adapter: 'ema', state: 'unreadable', reason: str(n) }),
  },
  {
    limit: 'id',
    field: 'encounterId',
    says: longer,
    message: (n) => ({ type: 'signed-anyway', encounterId: str(n), errors: 1 }),
  },
  {
    limit: 'key',
    field: 'key',
    says: longer,
    from: 'page',
    message: (n) => ({ type: 'dismiss', tabId: 7, key: str(n), reason: 'other' }),
  },
  {
    limit: 'comment',
    field: 'comment',
    says: longer,
    from: 'page',
    message: (n) => ({ type: 'dismiss', tabId: 7, key: 'k', reason: 'other', comment: str(n) }),
  },
  {
    limit: 'key',
    field: 'key',
    says: longer,
    from: 'page',
    message: (n) => ({ type: 'undismiss', tabId: 7, key: str(n) }),
  },
  {
    limit: 'key',
    field: 'key',
    says: longer,
    from: 'page',
    message: (n) => ({ type: 'reveal', tabId: 7, key: str(n) }),
  },
];

describe('every declared limit is enforced at the worker’s door', () => {
  it('the limits', () => {
    expect(LIMITS).toEqual(EXPECTED);
  });

  it.each(CASES.map((c) => [`${c.field} (${c.limit}: ${EXPECTED[c.limit].toLocaleString('en-US')})`, c] as const))(
    '%s',
    async (_name, c) => {
      const n = EXPECTED[c.limit];
      const schema = c.from === 'page' ? PageRequestSchema : ContentRequestSchema;
      const at = schema.safeParse(c.message(n));
      expect(at.success, JSON.stringify(at.error?.issues[0])).toBe(true);
      // One past the limit: refused at the door, the reply naming the field.
      const { worker, writes } = setup();
      const reply = await worker.handle(c.message(n + 1), c.from === 'page' ? page : tab);
      expect(reply).toEqual({ ok: false, error: `rejected: ${c.field}: ${c.says(n)}` });
      expect(writes).toEqual([]);
    },
  );

  it('a message over 4,000,000 bytes is refused before it is parsed', async () => {
    const { worker } = setup();
    // 201 lines of 20,000-character sites: each field within its limit, the message not.
    const reply = await worker.handle(
      evaluate((e) => (e.lines = many(201, () => ({ code: '17110', dx: [1], site: str(20_000) })))),
      tab,
    );
    expect(reply).toEqual({ ok: false, error: 'rejected: message too large' });
  });

  it('every limit has a case', () => {
    const covered = new Set<string>([...CASES.map((c) => c.limit), 'messageBytes']);
    expect(Object.keys(EXPECTED).filter((k) => !covered.has(k))).toEqual([]);
    expect(Object.keys(LIMITS).filter((k) => !covered.has(k))).toEqual([]);
  });
});

describe("the bounded schemas keep the engine schema's own messages", () => {
  it.each<[string, unknown]>([
    ['a number for a code', { ...encounter(), lines: [{ code: 5 }] }],
    ['a string for the modifiers', { ...encounter(), lines: [{ code: '17110', modifiers: '25' }] }],
    ['a number for a modifier', { ...encounter(), lines: [{ code: '17110', modifiers: [25] }] }],
    ['a string for the pointers', { ...encounter(), lines: [{ code: '17110', dx: '1' }] }],
    ['no lines', { ...encounter(), lines: undefined }],
    ['an object for the diagnoses', { ...encounter(), diagnoses: {} }],
    ['a number for a diagnosis description', { ...encounter(), diagnoses: [{ code: 'L40.0', description: 4 }] }],
    ['a number for the payer name', { ...encounter(), payer: { kind: 'medicare', name: 1 } }],
    ['a number for the note', { ...encounter(), note: 1 }],
    ['a string for the history', { ...encounter(), history: 'none' }],
    [
      'a number for a prior diagnosis',
      { ...encounter(), history: [{ dateOfService: '2026-01-01', code: '17110', dx: [1] }] },
    ],
    ['a string for the ABN lines', { ...encounter(), abn: { signed: true, lines: '1' } }],
    ['a number for the id', { ...encounter(), id: 1 }],
  ])('%s', (_name, bad) => {
    const engine = parseEncounter(bad);
    expect(engine.ok).toBe(false);
    const door = ContentRequestSchema.safeParse({ type: 'evaluate', adapter: 'ema', encounter: bad });
    expect(door.success).toBe(false);
    const issue = door.error!.issues[0]!;
    expect(
      `${issue.path
        .slice(1)
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')}: ${issue.message}`,
    ).toBe((engine as { error: string }).error);
  });

  it("the engine's own schema is not bounded (the command line reads files, with its own limits)", () => {
    expect(parseEncounter({ ...encounter(), lines: [{ code: '17110', site: str(30_000) }] }).ok).toBe(true);
  });
});
