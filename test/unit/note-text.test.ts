/**
 * Reading the visit note and the visit history off a screen (adapters/shared/note.ts): the note's
 * text as a person sees its lines, from a textarea, rich text or rendered text; walked once per
 * edit, never stale; history rows parsed or named as unreadable.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { noteText, priorService } from '../../adapters/shared/note';
import { isoDay } from '../../adapters/shared/reader';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});
function page(body: string): Document {
  const window = new Window({ url: 'http://localhost/' });
  windows.push(window);
  window.document.write(`<!doctype html><html><body>${body}</body></html>`);
  return window.document as unknown as Document;
}
const $ = (doc: Document, sel: string) => doc.querySelector(sel)!;

/** Counts how often the reader walks an element (each walk starts at its first child). */
function countWalks(el: Element): () => number {
  let n = 0;
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(el)));
  let owner = proto;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'firstChild')) owner = Object.getPrototypeOf(owner);
  const getter = Object.getOwnPropertyDescriptor(owner, 'firstChild')!.get!;
  Object.defineProperty(el, 'firstChild', {
    configurable: true,
    get() {
      n++;
      return getter.call(this);
    },
  });
  return () => n;
}

describe('the note as plain text', () => {
  it('a textarea: its value, lines kept, each line tidied', () => {
    const doc = page('<textarea id="n"></textarea>');
    ($(doc, '#n') as HTMLTextAreaElement).value =
      '  Procedure: Punch biopsy \r\nLocation:\tleft  calf\n\n\nPlan: none\n\n';
    expect(noteText($(doc, '#n'))).toBe('Procedure: Punch biopsy\nLocation: left calf\n\n\nPlan: none');
  });

  it('rich text in a contenteditable: one line per block, <br> a line, bold labels read as words', () => {
    const doc = page(
      '<div id="n" contenteditable="true"><div><b>Procedure:</b> Punch biopsy</div><div><span>Location:</span> <i>left</i> upper back</div>' +
        '<div><br></div><div>Closure: one 4-0 nylon<br>simple interrupted suture</div><p>Specimen:&nbsp;&nbsp;sent</p>trailing text</div>',
    );
    expect(noteText($(doc, '#n'))).toBe(
      'Procedure: Punch biopsy\nLocation: left upper back\n\nClosure: one 4-0 nylon\nsimple interrupted suture\nSpecimen: sent\ntrailing text',
    );
  });

  it('rendered text: source line breaks and indentation are not lines; lists, table rows and <pre> are', () => {
    const doc = page(`<div id="n">
        Procedure:
          Shave removal
        <ul><li>one</li><li>two</li></ul>
        <pre>A:  1</pre>
        <table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>
      </div>`);
    expect(noteText($(doc, '#n'))).toBe('Procedure: Shave removal\none\ntwo\nA: 1\nx y\nz');
  });

  it('leaves out script, style, template and dermlint’s own painted elements; a nested control gives its value', () => {
    const doc = page(
      '<div id="n">Technique: curettage<script>var s = "x";</script><style>b{}</style><template>t</template><dermlint-warning>note-technique-mismatch</dermlint-warning><div><textarea>Hemostasis: Monsel</textarea></div></div>',
    );
    expect(noteText($(doc, '#n'))).toBe('Technique: curettage\nHemostasis: Monsel');
  });

  it('empty and whitespace-only notes are empty', () => {
    const doc = page('<div id="a"><div><br></div><div> </div></div><textarea id="b">  \n </textarea>');
    expect(noteText($(doc, '#a'))).toBe('');
    expect(noteText($(doc, '#b'))).toBe('');
  });
});

describe('once per edit, never stale', () => {
  it('walks a rich-text note again only after it changed, and sees a change made in the same task', () => {
    const doc = page(
      '<div id="n" contenteditable="true"><div>Procedure: Shave biopsy</div><div>Location: left shoulder</div></div>',
    );
    const note = $(doc, '#n');
    const walks = countWalks(note);
    expect(noteText(note)).toBe('Procedure: Shave biopsy\nLocation: left shoulder');
    const first = walks();
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect(noteText(note)).toBe('Procedure: Shave biopsy\nLocation: left shoulder');
    expect(walks()).toBe(first); // read five times, walked once

    // Typing (a text node changes) — read at once, before any mutation callback could run.
    note.querySelector('div')!.firstChild!.nodeValue = 'Procedure: Punch biopsy';
    expect(noteText(note)).toBe('Procedure: Punch biopsy\nLocation: left shoulder');
    const second = walks();
    expect(second).toBeGreaterThan(first);
    expect(noteText(note)).toBe('Procedure: Punch biopsy\nLocation: left shoulder');
    expect(walks()).toBe(second);

    // Enter splits a line: the text content stays the same, the lines do not.
    const line = note.querySelectorAll('div')[1]!;
    const split = doc.createElement('div');
    split.textContent = 'left shoulder';
    line.textContent = 'Location:';
    line.after(split);
    expect(noteText(note)).toBe('Procedure: Punch biopsy\nLocation:\nleft shoulder');
  });

  it('a replaced note element is read afresh; two notes in turn are each right', () => {
    const doc = page('<div id="a"><div>one</div></div><div id="b"><div>two</div></div>');
    expect(noteText($(doc, '#a'))).toBe('one');
    expect(noteText($(doc, '#b'))).toBe('two');
    $(doc, '#a').firstElementChild!.textContent = 'uno';
    expect(noteText($(doc, '#a'))).toBe('uno');
    const fresh = doc.createElement('div');
    fresh.innerHTML = '<div>dos</div>';
    $(doc, '#b').replaceWith(fresh);
    expect(noteText(fresh)).toBe('dos');
  });

  it('a 20 KB rich-text note: read once in well under a frame, then kept', () => {
    const line = 'Technique: the lesion was removed by shave at the level of the mid dermis and sent for histology.';
    const doc = page(
      `<div id="n">${Array.from({ length: 210 }, (_, i) => `<div><b>Line ${i}:</b> ${line}</div>`).join('')}</div>`,
    );
    const note = $(doc, '#n');
    let start = performance.now();
    const text = noteText(note);
    const firstMs = performance.now() - start;
    expect(text.length).toBeGreaterThan(20_000);
    start = performance.now();
    for (let i = 0; i < 100; i++) noteText(note);
    const keptMs = (performance.now() - start) / 100;
    // happy-dom is much slower than a browser; these only catch a reader that walks every time or goes quadratic.
    expect(firstMs).toBeLessThan(200);
    expect(keptMs).toBeLessThan(firstMs / 5);
  });
});

describe('visit history rows', () => {
  it('reads dates (US or ISO), codes, modifiers and diagnosis codes', () => {
    expect(priorService('06/03/2026', ' 11602 ', '', 'C44.519')).toEqual({
      dateOfService: '2026-06-03',
      code: '11602',
      dx: ['C44.519'],
    });
    expect(priorService('2026-05-18', '17311', '-59, XS', 'C44.319; L57.0')).toEqual({
      dateOfService: '2026-05-18',
      code: '17311',
      modifiers: ['59', 'XS'],
      dx: ['C44.319', 'L57.0'],
    });
    expect(priorService('6/9/2026', '17000', ' ', ' ')).toEqual({ dateOfService: '2026-06-09', code: '17000' });
  });

  it('names what it cannot read: a date that is not one, a code with spaces or none', () => {
    expect(priorService('13/03/2026', '11602', '', '')).toBe("date ('13/03/2026')");
    expect(priorService('June 3', '11602', '', '')).toBe("date ('June 3')");
    expect(priorService('', '11602', '', '')).toBe("date ('')");
    expect(priorService('2026-06-03', '116 02', '', '')).toBe("code ('116 02')");
    expect(priorService('2026-06-03', '', '', '')).toBe("code ('')");
    expect(priorService('02/30/2026', '11602', '', '')).toBe("date ('02/30/2026')");
    expect(isoDay('2026-02-31')).toBeNull();
    expect(isoDay('2026-00-10')).toBeNull();
    expect(isoDay('2024-02-29')).toBe('2024-02-29');
    expect(isoDay(' 2/9/2026 ')).toBe('2026-02-09');
  });
});

describe('linear on any text', () => {
  it.each([
    ['a million blank lines', '\n'.repeat(1_000_000) + 'x', 'x'],
    ['half a million space-and-newline pairs', ' \n'.repeat(500_000) + 'x', 'x'],
    ['one 1 MB word', 'a'.repeat(1_000_000), 'a'.repeat(1_000_000)],
    ['a million spaces', ' '.repeat(999_999) + 'x', 'x'],
  ])('a textarea holding %s', (_what, text, want) => {
    const doc = page('<textarea id="t"></textarea>');
    const t = $(doc, '#t') as HTMLTextAreaElement;
    t.value = text;
    const start = performance.now();
    expect(noteText(t)).toBe(want);
    expect(performance.now() - start).toBeLessThan(2000); // quadratic would take minutes
  });

  it('rich text of 5,000 empty lines and one word', () => {
    const doc = page(`<div id="d">${'<div><br></div>'.repeat(5_000)}<div>x</div></div>`);
    const start = performance.now();
    expect(noteText($(doc, '#d'))).toBe('x');
    expect(performance.now() - start).toBeLessThan(2000); // quadratic would take minutes
  });
});
