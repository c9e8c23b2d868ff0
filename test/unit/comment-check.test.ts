/**
 * Dismissal comments that look like patient identifiers are refused: by the
 * dialog, by the worker (which never trusts a page) and, for what the patient
 * banner shows, by the content script that reads the banner in memory.
 */
import { describe, expect, it } from 'vitest';
import { bannerTokens, containsBannerText, hasDate, identifierProblem, longestDigitRun } from '../../lib/comment-check';
import { createWorker, type Sender } from '../../lib/background/worker';
import type { Dismissal, DismissalStore } from '../../lib/background/dismissals';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import type { CommentCheckAnswer, TabState, ToContent } from '../../lib/messages';
import { emaAdapter } from '../../adapters/ema/index';
import { athenaAdapter } from '../../adapters/athena/index';
import { pickAdapter } from '../../lib/content/pick-adapter';
import { snapshotLoader } from '../support/snapshot-testing';

const ema = snapshotLoader(new URL('../../adapters/ema/__snapshots__/', import.meta.url), 'about:blank');
const athena = snapshotLoader(
  new URL('../../adapters/athena/__snapshots__/', import.meta.url),
  'http://localhost/195900/1/encounter.esp',
);
const snapshotDocument = (screen: 'ema' | 'athena', id: string) => (screen === 'ema' ? ema : athena).snapshot(id);

describe('a comment on its own', () => {
  it.each([
    ['MRN 00123456', 'digits'],
    ['acct 12345', 'digits'],
    ['call 555-123-4567', 'digits'],
    ['ssn 123-45-6789', 'digits'],
    ['id 00 12 34', 'digits'],
    ['99213 was documented separately', 'digits'],
    ['seen 2026-03-01', 'date'],
    ['Medicare policy L34200 differs', 'digits'],
    ['seen 03/01/2026', 'date'],
    ['seen 3/1/26', 'date'],
    ['seen 1.3.2026', 'date'],
    ['born 1 Mar 2026', 'date'],
    ['born 1st March', 'date'],
    ['seen March 1, 2026', 'date'],
    ['seen Mar 1 2026', 'date'],
    ['seen on sept. 14', 'date'],
    ['DOB 12-Dec-1961', 'date'],
  ])('%j is refused (%s)', (comment, problem) => expect(identifierProblem(comment)).toBe(problem));

  it.each([
    'payer letter, "2024"',
    'documented separately in the procedure note',
    'per coding lead, 2 lesions of 1.5 cm',
    'Medicare policy differs (LCD on file)',
    'may need review by the coder',
    'the march of the lesion is documented',
    'lines 2, 3 and 4',
    '',
  ])('%j is kept', (comment) => expect(identifierProblem(comment)).toBeNull());

  it('counts digits split by single separators as one run, in one pass', () => {
    expect(longestDigitRun('a 12-34-5 b')).toBe(5);
    expect(longestDigitRun('1, 2, 3, 4, 5')).toBe(1);
    expect(longestDigitRun('12 -34')).toBe(2);
    const long = '1 '.repeat(200_000);
    const start = performance.now();
    expect(longestDigitRun(long)).toBe(200_000);
    expect(hasDate(`${'9/'.repeat(100_000)}x`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('what the patient banner shows', () => {
  const facts = { name: "O'BRIEN-SMITH, Mary Ann", dob: '07/04/1961 (64yo F)', mrn: '#AB0048213' };

  it('its identifying words: the name, the MRN (and its digits), the year of birth', () => {
    expect([...bannerTokens(facts)].sort()).toEqual(
      ['0048213', '1961', 'ab0048213', 'ann', 'brien', 'mary', 'smith'].sort(),
    );
  });

  it.each([
    ['seen by Mary, per policy', true],
    ['smith family history', true],
    ['ref AB0048213', true],
    ['ref #0048213', true],
    ['born 1961', true],
    ['Medicare policy differs', false],
    ['summary of the visit', false],
    ['payer-specific policy', false],
  ])('%j: %s', (comment, contained) => expect(containsBannerText(comment, bannerTokens(facts))).toBe(contained));

  it('is read by the EMA and athena adapters off their screens (name, DOB, MRN; never the payer)', () => {
    const ema = snapshotDocument('ema', 'ex03');
    const emaFacts = emaAdapter.patientBanner!(ema)!;
    expect(emaFacts.name).toBe(
      ema.querySelector('[data-identifier="patient-name"]')!.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(emaFacts.dob).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(emaFacts.mrn).toMatch(/\d{6}/);
    const athena = snapshotDocument('athena', 'ex01');
    const athenaFacts = athenaAdapter.patientBanner!(athena)!;
    expect(athenaFacts.name).toMatch(/^[A-Z]+, [A-Za-z]+$/);
    expect(athenaFacts.dob).toMatch(/^\d{2}\/\d{2}\/\d{4} /);
    expect(athenaFacts.mrn).toMatch(/^#\d{6}$/);
    const last = athenaFacts.name!.split(',')[0]!;
    expect(containsBannerText(`discussed with ${last.toLowerCase()}`, bannerTokens(athenaFacts))).toBe(true);
    expect(containsBannerText('payer-specific policy', bannerTokens(athenaFacts))).toBe(false);
  });
});

describe('the content script’s adapter on the demo server (EMA and athena both match there)', () => {
  it('answers from the adapter that read the screen', () => {
    const doc = ema.snapshot(
      'ex03',
      'http://localhost:8080/ema/web/practice/staff#/practice/staff/patient/4003/visit/9',
    );
    const adapter = pickAdapter(doc.URL, [])!;
    expect(adapter.patientBanner!(doc)).toBeUndefined(); // nothing read yet
    expect(adapter.read(doc).status).toBe('ok');
    expect(adapter.patientBanner!(doc)).toEqual(emaAdapter.patientBanner!(doc));
  });
});

describe('the worker refuses such a comment, whoever sends it', () => {
  const EXT = 'abcdefghijklmnopabcdefghijklmnop';
  const ehr: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 2 };
  const page: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
  const encounter = {
    id: 'ema\u00001\u000010',
    payer: { kind: 'commercial' },
    diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
    lines: [
      { code: '99213', dx: [2] },
      { code: '17110', dx: [1] },
    ],
  };

  async function setup(answer: (comment: string) => CommentCheckAnswer | undefined) {
    const rows: Dismissal[] = [];
    const asked: [number, number, ToContent][] = [];
    const states = new Map<number, TabState>();
    const store: DismissalStore = {
      put: async (d) => void rows.push(d),
      remove: async () => {},
      undo: async () => {},
      all: async () => rows,
      forEncounter: async () => [],
      clear: async () => {},
    };
    const worker = createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      dismissals: store,
      stateStore: {
        get: async (t) => states.get(t),
        set: async (s) => void states.set(s.tabId, s),
        remove: async (t) => void states.delete(t),
      },
      askFrame: async (tab, frame, message) => {
        asked.push([tab, frame, message]);
        return answer(message.type === 'comment-check' ? message.comment : '');
      },
    });
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, ehr);
    const key = states.get(7)!.findings[0]!.key;
    const dismiss = (comment?: string) =>
      worker.handle(
        { type: 'dismiss', tabId: 7, key, reason: 'other', ...(comment !== undefined ? { comment } : {}) },
        page,
      );
    return { rows, asked, dismiss };
  }

  it('digits or a date: refused without asking the screen; nothing kept', async () => {
    const { rows, asked, dismiss } = await setup(() => ({ banner: true, contains: false }));
    expect(await dismiss('MRN 00123456')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Comment not kept: Leave out numbers of five or more digits/),
    });
    expect(await dismiss('seen 3/1/26')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Comment not kept: Leave out dates/),
    });
    expect(rows).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('words of the banner: the frame that showed the encounter says so; refused', async () => {
    const { rows, asked, dismiss } = await setup((comment) => ({ banner: true, contains: /smith/i.test(comment) }));
    expect(await dismiss('discussed with Smith')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Comment not kept: Leave out the patient’s name/),
    });
    expect(asked).toEqual([[7, 2, { type: 'comment-check', comment: 'discussed with Smith' }]]);
    expect(rows).toEqual([]);
    expect(await dismiss('payer letter on file')).toEqual({ ok: true });
    expect(rows.map((d) => d.comment)).toEqual(['payer letter on file']);
  });

  it('a screen that does not answer: refused; without a comment, no question and kept', async () => {
    const { rows, asked, dismiss } = await setup(() => undefined);
    expect(await dismiss('payer letter on file')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Comment not kept: the screen did not answer/),
    });
    expect(rows).toEqual([]);
    expect(await dismiss()).toEqual({ ok: true });
    expect(asked).toHaveLength(1);
    expect(rows).toHaveLength(1);
  });
});
