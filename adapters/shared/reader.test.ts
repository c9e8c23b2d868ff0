/** The adapter kit's reading helpers (adapters/shared/reader.ts), on their own. */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dateOf,
  fail,
  failWith,
  fieldValue,
  onScreenAddress,
  positiveIntOf,
  readScreen,
  screenText,
  sizeCmOf,
} from './reader';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});
function page(html: string, url = 'http://localhost/'): Document {
  const window = new Window({ url });
  windows.push(window);
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

describe('values', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['3', 3],
    [' 12 ', 12],
    ['+3', 3],
    ['3.0', 3],
    ['3.', 3],
    ['0', null],
    ['2.5', null],
    ['-1', null],
    ['1e3', null],
    ['three', null],
    ['99999999999999999999', null],
  ])('positiveIntOf(%j) is %j', (raw, want) => {
    expect(positiveIntOf(raw)).toBe(want);
  });

  it.each([
    ['', undefined],
    ['03/10/2026', '2026-03-10'],
    ['3/1/2026', '2026-03-01'],
    ['2026-03-10', '2026-03-10'],
    ['02/29/2028', '2028-02-29'],
    ['13/01/2026', null],
    ['02/30/2026', null],
    ['02/29/2026', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['10 March 2026', null],
  ])('dateOf(%j) is %j', (raw, want) => {
    expect(dateOf(raw)).toBe(want);
  });

  it.each([
    ['', undefined],
    ['1.4 cm', 1.4],
    ['14 mm', 1.4],
    ['0', null],
    ['big', null],
  ])('sizeCmOf(%j) is %j', (raw, want) => {
    expect(sizeCmOf(raw)).toBe(want);
  });
});

describe('text', () => {
  it("leaves out dermlint's own painted nodes and the descendants asked, whitespace collapsed", () => {
    const doc = page(
      '<div id="c">  17000 <dermlint-warning>Add modifier 25</dermlint-warning>\n <span class="badge">Medicare</span></div>',
    );
    const cell = doc.getElementById('c')!;
    expect(screenText(cell)).toBe('17000 Medicare');
    expect(screenText(cell, '.badge')).toBe('17000');
    expect(screenText(null)).toBe('');
  });

  it('reads a control by its value, a select by its chosen option, anything else by its text', () => {
    const doc = page(
      '<input id="i" value=" 2 "><select id="s"><option value="a">A</option><option value="b" selected>B</option></select><b id="t"> x </b>',
    );
    expect(fieldValue(doc.getElementById('i'))).toBe('2');
    expect(fieldValue(doc.getElementById('s'))).toBe('b');
    expect(fieldValue(doc.getElementById('t'))).toBe('x');
    expect(fieldValue(undefined)).toBe('');
  });
});

describe('readScreen: one policy for what cannot be read', () => {
  it("fail(reason) is 'could not read: reason', the screen values kept on the page", () => {
    expect(readScreen(() => fail("units of row 2 ('\u2068abc\u2069')"))).toEqual({
      status: 'unreadable',
      reason: "could not read: units of row 2 ('abc')",
      withoutValues: "could not read: units of row 2 ('…')",
    });
    expect(readScreen(() => failWith('the field map is broken'))).toEqual({
      status: 'unreadable',
      reason: 'the field map is broken',
    });
  });

  it('any other error: the screen changed in a way dermlint does not know, never an exception', () => {
    expect(
      readScreen(() => {
        throw new TypeError('Cannot read properties of null');
      }),
    ).toEqual({
      status: 'unreadable',
      reason: 'could not read: the screen changed in a way dermlint does not know (Cannot read properties of null)',
      withoutValues: 'could not read: the screen changed in a way dermlint does not know (…)',
    });
  });
});

describe('onScreenAddress', () => {
  const ehr = { isEhrHost: (h: string) => h === 'acme.ema.md', isDemoPath: (p: string) => p.startsWith('/ema/web/') };
  it.each([
    ['https://acme.ema.md/anything', true],
    ['http://localhost:5178/ema/web/practice/staff', true],
    ['http://127.0.0.1/ema/web/', true],
    ['http://localhost/195900/1/encounter.esp', false],
    ['https://acme.ema.md.evil.test/ema/web/', false],
    ['https://example.com/ema/web/', false],
    ['about:srcdoc', true],
    ['about:blank', true],
    ['file:///saved-screen.html', true],
    ['chrome-extension://abc/options.html', false],
  ])('%s: %s', (url, want) => {
    expect(onScreenAddress(page('', url), ehr)).toBe(want);
  });
});
