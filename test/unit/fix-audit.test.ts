/**
 * One-click fixes outside the page: the check that a fix took (the screen read
 * again against applySuggestion of the encounter read before, on the fields the
 * actions touch), the worker's door for the two fix messages (shape, sender,
 * rule), the audit store (a record kind of its own in the dismissals store,
 * never among an encounter's dismissals, cleared with the log) and the audit CSV.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { changeShows } from '../../lib/fix/verify';
import { screenOrder } from '../../adapters/shared/apply-kit';
import { forAudit } from '../../lib/fix/attempt';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import { openDismissalStore, type Dismissal, type FixRecord } from '../../lib/background/dismissals';
import { auditToCsv, AUDIT_CSV_HEADER } from '../../lib/export';
import type { Encounter, SuggestionAction } from '../../rules/schema';

const enc = (lines: Encounter['lines'], payer: Encounter['payer'] = { kind: 'commercial' }): Encounter => ({
  id: 'e',
  payer,
  diagnoses: [{ code: 'L57.0' }],
  lines,
});

describe('did the fix take? (lib/fix/verify.ts)', () => {
  const before = enc([
    { code: '99213' },
    { code: '17000' },
    { code: '17003', units: 15, modifiers: ['59'] },
    { code: '', category: 'retail' },
  ]);
  const line = (i: number, l: Partial<Encounter['lines'][number]>) => ({
    ...before,
    lines: before.lines.map((x, j) => (j === i ? { ...x, ...l } : x)),
  });

  it.each<[string, SuggestionAction[], Encounter, string | null]>([
    ['25 added', [{ type: 'addModifier', line: 0, modifier: '25' }], line(0, { modifiers: ['25'] }), null],
    ['25 not added', [{ type: 'addModifier', line: 0, modifier: '25' }], before, 'modifier 25 is not on 99213'],
    [
      '25 added, but another modifier went too',
      [{ type: 'addModifier', line: 2, modifier: 'XS' }],
      line(2, { modifiers: ['XS'] }),
      'the modifiers of 17003 changed in another way (XS)',
    ],
    ['59 removed', [{ type: 'removeModifier', line: 2, modifier: '59' }], line(2, { modifiers: undefined }), null],
    ['59 still there', [{ type: 'removeModifier', line: 2, modifier: '59' }], before, 'modifier 59 is still on 17003'],
    ['units set', [{ type: 'setUnits', line: 2, units: 13 }], line(2, { units: 13 }), null],
    ['units refused', [{ type: 'setUnits', line: 2, units: 13 }], before, '17003 shows 15 units, not 13'],
    ['code replaced', [{ type: 'replaceCode', line: 1, code: '17004' }], line(1, { code: '17004' }), null],
    ['code unchanged', [{ type: 'replaceCode', line: 1, code: '17004' }], before, 'line 2 shows 17000, not 17004'],
    ['billed to the patient', [{ type: 'billToPatient', line: 3 }], line(3, { billTo: 'patient' }), null],
    [
      'still billed to insurance',
      [{ type: 'billToPatient', line: 3 }],
      line(3, { billTo: 'insurance' }),
      'line 4 is still billed to insurance',
    ],
    [
      'line removed',
      [{ type: 'removeLine', line: 1 }],
      { ...before, lines: [before.lines[0]!, before.lines[2]!, before.lines[3]!] },
      null,
    ],
    [
      'the wrong line removed',
      [{ type: 'removeLine', line: 1 }],
      { ...before, lines: [before.lines[1]!, before.lines[2]!, before.lines[3]!] },
      'the screen shows the lines 17000, 17003, (no code), not 99213, 17003, (no code)',
    ],
    [
      'line added',
      [{ type: 'addLine', code: '17110', units: 2, modifiers: ['59'], dx: [1] }],
      { ...before, lines: [...before.lines, { code: '17110', units: 2, modifiers: ['59'], dx: [1] }] },
      null,
    ],
    [
      'line added without its pointer',
      [{ type: 'addLine', code: '17110', dx: [1] }],
      { ...before, lines: [...before.lines, { code: '17110' }] },
      'the added 17110 does not point at diagnoses 1',
    ],
    [
      'units set, then a line removed below it',
      [
        { type: 'removeLine', line: 0 },
        { type: 'setUnits', line: 2, units: 13 },
      ],
      { ...before, lines: [before.lines[1]!, { ...before.lines[2]!, units: 13 }, before.lines[3]!] },
      null,
    ],
  ])('%s', (_name, actions, after, expected) => {
    expect(changeShows(before, after, actions)).toBe(expected);
  });

  it('a fix naming a line the screen does not have', () => {
    expect(changeShows(before, before, [{ type: 'setUnits', line: 9, units: 1 }])).toBe(
      'the fix names a line that is not on the screen',
    );
  });

  it('carries actions out in the order they mean: edits, then added lines, then removed lines from the last up', () => {
    expect(
      screenOrder([
        { type: 'removeLine', line: 1 },
        { type: 'addLine', code: '17000' },
        { type: 'removeLine', line: 3 },
        { type: 'setUnits', line: 2, units: 1 },
      ]).map((a) => `${a.type}${'line' in a ? a.line : ''}`),
    ).toEqual(['setUnits2', 'addLine', 'removeLine3', 'removeLine1']);
  });
});

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const good: Sender = {
  id: EXT,
  url: 'https://acme.ema.md/ema/web/practice/staff#/x',
  origin: 'https://acme.ema.md',
  tab: { id: 7 },
  frameId: 2,
};

function setup(name: string) {
  const store = openDismissalStore(name);
  const injected: [number, number][] = [];
  let ticks = 0;
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*'],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
    dismissals: store,
    injectFixKit: async (tab, frame) => void injected.push([tab, frame]),
    now: () => new Date(Date.UTC(2026, 2, 2, 10, 0, ticks++)),
  });
  const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
  return {
    store,
    worker,
    injected,
    async audit() {
      const reply = await worker.handle({ type: 'audit' }, page);
      if (!reply.ok) throw new Error(reply.error);
      return reply;
    },
  };
}

const record = {
  type: 'fix-record',
  rule: 'mod25-missing',
  messageId: 'separateProblem',
  actions: [{ type: 'addModifier', modifier: '25' }],
  outcome: 'applied',
};

describe('the worker’s door for one-click fixes', () => {
  it('loads the fix code into the frame that asked, and nowhere else', async () => {
    const { worker, injected } = setup('fix-load');
    expect(await worker.handle({ type: 'fix-load' }, good)).toEqual({ ok: true });
    expect(injected).toEqual([[7, 2]]);
    expect(
      await worker.handle(
        { type: 'fix-load' },
        { ...good, url: 'https://evil.example/', origin: 'https://evil.example' },
      ),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) });
    expect(injected).toEqual([[7, 2]]);
  });

  it('records a fix: rule, message, the actions’ kinds and own values, outcome, when', async () => {
    const { worker, audit } = setup('fix-record');
    expect(await worker.handle(record, good)).toEqual({ ok: true });
    expect(
      await worker.handle(
        {
          ...record,
          actions: [
            { type: 'setUnits', units: 13 },
            { type: 'addLine', code: '17000', units: 1, modifiers: ['59'] },
          ],
          outcome: 'not-applied',
          messageId: undefined,
        },
        good,
      ),
    ).toEqual({ ok: true });
    const { fixes, dismissals } = await audit();
    expect(dismissals).toEqual([]);
    expect(fixes.map(({ key, ...f }) => (expect(key.startsWith(`fix|${f.at}|`)).toBe(true), f))).toEqual([
      {
        kind: 'fix',
        rule: 'mod25-missing',
        messageId: 'separateProblem',
        actions: [{ type: 'addModifier', modifier: '25' }],
        outcome: 'applied',
        at: '2026-03-02T10:00:00.000Z',
      },
      {
        kind: 'fix',
        rule: 'mod25-missing',
        actions: [
          { type: 'setUnits', units: 13 },
          { type: 'addLine', code: '17000', units: 1, modifiers: ['59'] },
        ],
        outcome: 'not-applied',
        at: '2026-03-02T10:00:01.000Z',
      },
    ]);
  });

  it.each<[string, Sender, unknown]>([
    [
      'a sender that is not an enabled EHR host',
      { ...good, url: 'https://evil.example/', origin: 'https://evil.example' },
      record,
    ],
    ['an extension page', { id: EXT, url: `chrome-extension://${EXT}/options.html` }, record],
    ['an unknown rule', good, { ...record, rule: 'no-such-rule' }],
    [
      'text where a code goes (a site, a name)',
      good,
      { ...record, actions: [{ type: 'replaceCode', code: 'left cheek' }] },
    ],
    [
      'a field actions do not have (a line, a label)',
      good,
      { ...record, actions: [{ type: 'addModifier', modifier: '25', line: 0 }] },
    ],
    ['an unknown action', good, { ...record, actions: [{ type: 'deleteChart' }] }],
    ['no action', good, { ...record, actions: [] }],
    ['an unknown outcome', good, { ...record, outcome: 'maybe' }],
  ])('refuses %s and records nothing', async (_name, sender, message) => {
    const { worker, audit } = setup(`fix-refuse-${_name}`);
    expect(await worker.handle(message, sender)).toMatchObject({ ok: false });
    expect((await audit()).fixes).toEqual([]);
  });

  it('fix records are never an encounter’s dismissals, and clearing the log clears them too', async () => {
    const { worker, store, audit } = setup('fix-clear');
    await worker.handle(record, good);
    expect(await store.forEncounter('')).toEqual([]);
    expect(await store.all()).toEqual([]);
    expect(
      await worker.handle({ type: 'clear-audit' }, { id: EXT, url: `chrome-extension://${EXT}/options.html` }),
    ).toEqual({ ok: true });
    expect((await audit()).fixes).toEqual([]);
  });
});

describe('what the audit log keeps of an action (lib/fix/attempt.ts)', () => {
  it.each<[SuggestionAction, object]>([
    [
      { type: 'addModifier', line: 3, modifier: '25' },
      { type: 'addModifier', modifier: '25' },
    ],
    [
      { type: 'removeModifier', line: 0, modifier: 'GZ' },
      { type: 'removeModifier', modifier: 'GZ' },
    ],
    [
      { type: 'setUnits', line: 1, units: 13 },
      { type: 'setUnits', units: 13 },
    ],
    [
      { type: 'replaceCode', line: 0, code: '11601' },
      { type: 'replaceCode', code: '11601' },
    ],
    [
      { type: 'addLine', code: '17000', units: 1, modifiers: ['59'], dx: [1, 2] },
      { type: 'addLine', code: '17000', units: 1, modifiers: ['59'] },
    ],
    [{ type: 'removeLine', line: 2 }, { type: 'removeLine' }],
    [{ type: 'billToPatient', line: 1 }, { type: 'billToPatient' }],
  ])('%o', (action, kept) => expect(forAudit(action)).toEqual(kept));
});

describe('audit CSV with fixes', () => {
  it('lists dismissals and fixes together, oldest first, the fix as its change and outcome', () => {
    const dismissal: Dismissal = {
      key: 'd',
      encounter: 'enc-hash-1',
      rule: 'lesions-lumped',
      code: '11102',
      subject: '1',
      reason: 'payer-policy',
      at: '2026-03-02T09:00:00.000Z',
      outcome: 'overridden',
    };
    const fixes: FixRecord[] = [
      {
        key: 'f2',
        kind: 'fix',
        rule: 'destruction-series',
        actions: [{ type: 'setUnits', units: 13 }],
        outcome: 'not-applied',
        at: '2026-03-02T11:00:00.000Z',
      },
      {
        key: 'f1',
        kind: 'fix',
        rule: 'mod25-missing',
        messageId: 'separateProblem',
        actions: [{ type: 'addModifier', modifier: '25' }],
        outcome: 'applied',
        at: '2026-03-02T10:00:00.000Z',
      },
      {
        key: 'f3',
        kind: 'fix',
        rule: 'size-code-mismatch',
        actions: [
          { type: 'replaceCode', code: '11601' },
          { type: 'addLine', code: '12001', units: 1 },
        ],
        outcome: 'applied',
        at: '2026-03-02T12:00:00.000Z',
      },
    ];
    expect(auditToCsv([dismissal], fixes).split('\r\n')).toEqual([
      AUDIT_CSV_HEADER.join(','),
      '2026-03-02T09:00:00.000Z,lesions-lumped,11102,Payer-specific policy,',
      '2026-03-02T10:00:00.000Z,mod25-missing,,One-click fix (separateProblem): add modifier 25 — Applied,',
      '2026-03-02T11:00:00.000Z,destruction-series,,One-click fix: units 13 — Did not take (left as the EHR showed it),',
      '2026-03-02T12:00:00.000Z,size-code-mismatch,11601 12001,One-click fix: code 11601; add 12001 × 1 — Applied,',
      '',
    ]);
  });
});
