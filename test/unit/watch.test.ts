/**
 * The content script's watcher (lib/content/watch.ts) on a small table screen
 * in happy-dom, with the real painter: when it reads (never inside the EHR's
 * own task, once for all the changes of a task, after an edit behind the page's
 * own re-render, not again when nothing changed since), that warnings on rows the EHR re-rendered are back before the next
 * frame, stale findings stay until the answer, and an unchanged encounter sends
 * no message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { Adapter, ReadResult } from '../../adapters/types';
import type { EvaluateResponse } from '../../lib/messages';
import type { Encounter, Finding } from '../../rules/schema';
import { targetOf, WARNING_TAG } from '../../lib/content/painter';
import { createShell } from '../../lib/content/shell';
import { PAINT_KIT } from '../../lib/content/kit';
import { watchScreen } from '../../lib/content/watch';

const windows: Window[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

/** One MessageChannel hop: delivered after a message our watcher posted before it. */
const messageHop = () =>
  new Promise<void>((done) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      done();
    };
    port2.postMessage(null);
  });
/**
 * A task later: our read task has run by then. Our read is a MessageChannel message, then (after an
 * edit) a zero timer; the event loop orders those by their own queues, not by when they were asked
 * for, so on a loaded machine a plain 5 ms timer could fire first: follow the same hops.
 */
const task = async () => {
  await messageHop();
  await new Promise<void>((done) => setTimeout(done, 5));
  await messageHop();
};
/** All pending microtasks (mutation records are delivered as one). */
const microtasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

interface Deferred {
  encounter: Encounter;
  resolve(findings: Finding[]): void;
  respond(response: EvaluateResponse): void;
}

/** A screen whose rows are <tr data-code data-units><td>description</td><td><input></td></tr>. */
function setup(units: number[]) {
  const window = new Window({ url: 'https://ehr.example/visit' });
  windows.push(window);
  // The content script uses its realm's globals (in a browser, the page's window's).
  Object.assign(globalThis, {
    MutationObserver: window.MutationObserver,
    Node: window.Node,
    document: window.document,
  });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = '<table><tbody id="rows"></tbody></table>';
  const state = { units: [...units] };
  /** The EHR's re-render: every row replaced by a new element. */
  const render = () => {
    const body = doc.getElementById('rows')!;
    body.textContent = '';
    state.units.forEach((u, i) => {
      const tr = doc.createElement('tr');
      tr.setAttribute('data-line', String(i));
      const desc = doc.createElement('td');
      desc.textContent = `Shave removal, line ${i + 1}`;
      const cell = doc.createElement('td');
      const input = doc.createElement('input');
      input.value = String(u);
      cell.appendChild(input);
      tr.append(desc, cell);
      body.appendChild(tr);
    });
  };
  render();
  let reads = 0;
  const adapter: Adapter = {
    id: 'test',
    name: 'Test',
    matches: [],
    read(d: Document): ReadResult {
      reads++;
      if (!d.getElementById('rows')) return { status: 'unreadable', reason: 'no services table' };
      const rows = Array.from(d.querySelectorAll('#rows > tr'));
      const encounter = {
        id: 'enc-1',
        payer: { kind: 'medicare' },
        diagnoses: [{ code: 'L82.0' }],
        lines: rows.map((tr) => ({ code: '11301', units: Number(tr.querySelector('input')!.value), dx: [1] })),
      } as Encounter;
      return { status: 'ok', encounter, anchors: { lines: rows } };
    },
  };
  const pending: Deferred[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  let painted = 0;
  const watcher = watchScreen({
    adapter,
    doc,
    painter: createShell(doc, { now: () => PAINT_KIT, load: async () => {} }),
    evaluate: (encounter) =>
      new Promise<EvaluateResponse>((done) => {
        pending.push({
          encounter,
          respond: done,
          resolve: (findings) =>
            done({ ok: true, findings, showInfoInline: false, why: {}, errors: findings.length, signoffPrompt: true }),
        });
      }),
    reportStatus: () => {},
    signal: controller.signal,
    onPainted: () => painted++,
  });
  /** What the engine would say: a warning on every line with 1 unit. */
  const judge = (e: Encounter): Finding[] =>
    e.lines.flatMap((l, i) =>
      l.units === 1
        ? [{ rule: 'lesions-lumped', severity: 'error' as const, line: i, message: `line ${i + 1}: lesions lumped` }]
        : [],
    );
  /** Answers the oldest question with what the engine would say. */
  const answer = async () => {
    const q = pending.shift()!;
    q.resolve(judge(q.encounter));
    await microtasks();
  };
  /** The user edits line i's units (the input event), as the EHR's field does. */
  const edit = (i: number, u: number) => {
    const input = doc.querySelectorAll('#rows input')[i] as HTMLInputElement;
    input.value = String(u);
    input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    state.units[i] = u;
  };
  /** Lines whose row (as the page has it now) has a warning painted beside it (in dermlint's layer, never inside the row). */
  const warned = () => {
    const hosts = Array.from(doc.querySelectorAll(`dermlint-layer > ${WARNING_TAG}`));
    return Array.from(doc.querySelectorAll('#rows > tr'))
      .map((tr, i) => (hosts.some((h) => tr.contains(targetOf(h) ?? null)) ? i : -1))
      .filter((i) => i >= 0);
  };
  /** The next frame: a frame callback asked for after everything so far runs after ours. */
  const nextFrame = () => new Promise<void>((done) => window.requestAnimationFrame(() => done()));
  return {
    window,
    doc,
    state,
    render,
    edit,
    answer,
    pending,
    warned,
    nextFrame,
    watcher,
    controller,
    reads: () => reads,
    painted: () => painted,
  };
}

describe('watchScreen', () => {
  it('reads once at start, asks once, paints the answer', async () => {
    const s = setup([2, 1, 2]);
    expect(s.reads()).toBe(1);
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.warned()).toEqual([1]);
    // Nothing changed since the read: the answer is painted without reading again.
    expect(s.reads()).toBe(1);
  });

  it('reads in a task of its own, never at the end of the task that changed the screen', async () => {
    const s = setup([2, 2, 2]);
    await s.answer();
    const before = s.reads();
    s.edit(0, 1);
    s.render();
    await microtasks();
    expect(s.reads()).toBe(before); // not inside the EHR's task (its microtasks included)
    await task();
    expect(s.reads()).toBe(before + 1);
  });

  it('reads once for all the input events and mutations of one task', async () => {
    const s = setup([2, 2, 2]);
    await s.answer();
    const before = s.reads();
    s.edit(0, 1);
    s.edit(1, 1);
    s.render();
    s.render();
    await task();
    expect(s.reads()).toBe(before + 1);
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.reads()).toBe(before + 1); // the answer reuses the read: nothing changed since
    expect(s.warned()).toEqual([0, 1]);
  });

  it('after an edit, reads once behind the re-render the page queued in a zero timer, not before and after it', async () => {
    const s = setup([2, 1, 2]);
    await s.answer();
    const before = s.reads();
    s.edit(1, 2);
    s.window.setTimeout(s.render, 0); // the demo screens re-render in a zero timer after the event
    await microtasks();
    expect(s.reads()).toBe(before);
    await task();
    await task();
    expect(s.reads()).toBe(before + 1);
    expect(s.pending).toHaveLength(1);
    expect(s.pending[0]!.encounter.lines[1]!.units).toBe(2);
    await s.nextFrame();
    expect(s.warned()).toEqual([1]); // the last findings on the new row until the answer
    await s.answer();
    expect(s.warned()).toEqual([]);
    expect(s.reads()).toBe(before + 1);
  });

  it('when the frame comes before our read task, the question goes out from the frame callback, before its paint', async () => {
    const s = setup([2, 1, 2]);
    await s.answer();
    const before = s.reads();
    let askedBeforePaint: boolean | null = null;
    const painted = s.painted();
    const push = s.pending.push.bind(s.pending);
    s.pending.push = (...q) => ((askedBeforePaint ??= s.painted() === painted), push(...q));
    s.edit(1, 2);
    s.render(); // rows replaced: the warnings go back before the next frame
    await microtasks(); // the mutation records: our frame callback is asked for
    await s.nextFrame();
    expect(s.pending).toHaveLength(1);
    expect(askedBeforePaint).toBe(true);
    expect(s.reads()).toBe(before + 1);
    expect(s.warned()).toEqual([1]); // the last findings until the answer
    await task();
    expect(s.reads()).toBe(before + 1); // the scheduled read had nothing left to do
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.warned()).toEqual([]);
  });

  it('after a failed answer, it waits for the next change instead of asking again every frame', async () => {
    const s = setup([2, 1, 2]);
    await s.answer();
    expect(s.warned()).toEqual([1]);
    // From now on the worker refuses at once (e.g. the user just disabled this host).
    let asks = 0;
    s.pending.push = (...questions: Deferred[]) => {
      for (const q of questions) {
        asks++;
        q.respond({ ok: false, error: 'rejected: sender page is not an enabled EHR host' });
      }
      return 0;
    };
    // A line is added and the rows re-rendered: the old warnings wait for an answer (they would land on the wrong rows).
    s.state.units.push(1);
    s.render();
    for (let i = 0; i < 10; i++) {
      await task();
      await s.nextFrame();
    }
    expect(asks).toBe(1);
    // The next change is judged again.
    s.edit(3, 2);
    await task();
    expect(asks).toBe(2);
  });

  it('ignores an answer that comes after the screen became unreadable', async () => {
    const s = setup([2, 2, 2]);
    await s.answer();
    s.edit(1, 1);
    await task();
    expect(s.pending).toHaveLength(1);
    s.doc.getElementById('rows')!.closest('table')!.remove(); // the EHR drops its services table
    await task();
    await s.answer(); // the answer to the edit: one error on line 1
    expect(s.watcher.errors()).toBe(0); // a sign click now is not held for a screen that is gone
    await task();
    expect(s.watcher.errors()).toBe(0);
    expect(s.doc.querySelectorAll(WARNING_TAG)).toHaveLength(0);
  });

  it('reads again after the answer only if the screen changed meanwhile', async () => {
    const s = setup([2, 2, 2]);
    await s.answer();
    s.edit(2, 1);
    await task();
    const afterEdit = s.reads();
    s.render(); // the EHR re-renders while the question is out…
    await microtasks();
    await s.answer(); // …so the anchors of the first read are gone: one more read, to paint on the new rows
    expect(s.reads()).toBe(afterEdit + 1);
    expect(s.warned()).toEqual([2]);
    await task();
    expect(s.reads()).toBe(afterEdit + 1); // and the scheduled task reuses it
    expect(s.pending).toHaveLength(0); // same encounter: no message
  });

  it('sends no message when the encounter did not change', async () => {
    const s = setup([2, 1]);
    await s.answer();
    s.render();
    await task();
    s.edit(0, 2); // the same value
    await task();
    expect(s.pending).toHaveLength(0);
    expect(s.warned()).toEqual([1]);
  });

  it('puts warnings back on re-rendered rows before the next frame, even before its own read task', async () => {
    const s = setup([1, 2, 1]);
    await s.answer();
    expect(s.warned()).toEqual([0, 2]);
    const reads = s.reads();
    s.render(); // the EHR replaces every row (athena does on each edit)
    await microtasks(); // the mutation records are delivered inside the EHR's task
    expect(s.warned()).toEqual([]);
    expect(s.reads()).toBe(reads); // no read inside the EHR's task
    await s.nextFrame(); // a frame callback asked for now runs after ours: the rows have their warnings
    expect(s.warned()).toEqual([0, 2]);
    expect(s.reads()).toBe(reads + 1);
    await task();
    expect(s.reads()).toBe(reads + 1); // the read task reuses the frame's read
    expect(s.pending).toHaveLength(0);
  });

  it('keeps stale findings on re-rendered rows until the answer, then paints the new ones', async () => {
    const s = setup([1, 2, 2]);
    await s.answer();
    s.edit(0, 2);
    s.edit(1, 1);
    s.render();
    await microtasks(); // the end of the EHR's task
    await s.nextFrame();
    // Still the last findings (line 0), on the new row, until the answer.
    expect(s.warned()).toEqual([0]);
    await task();
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.warned()).toEqual([1]);
  });

  it('does not put stale findings on other rows when lines were added or removed', async () => {
    const s = setup([2, 1, 2]);
    await s.answer();
    expect(s.warned()).toEqual([1]);
    s.state.units.splice(0, 1); // line 0 deleted: the old line 1 is now line 0
    s.render();
    await microtasks();
    await s.nextFrame();
    await task();
    expect(s.warned()).toEqual([]); // not on the old line 2 (now 1): the answer comes first
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.warned()).toEqual([0]);
  });

  it('ignores its own mutations and stops when aborted', async () => {
    const s = setup([1, 1]);
    await s.answer();
    await task();
    await s.nextFrame();
    const reads = s.reads();
    expect(s.warned()).toEqual([0, 1]); // painting added elements: no read for that
    expect(s.reads()).toBe(reads);
    s.controller.abort();
    s.render();
    await task();
    await s.nextFrame();
    expect(s.reads()).toBe(reads);
    expect(s.doc.querySelector(WARNING_TAG)).toBeNull();
  });

  it('recheck reads the screen afresh and asks again', async () => {
    const s = setup([1]);
    await s.answer();
    const reads = s.reads();
    s.watcher.recheck();
    expect(s.reads()).toBe(reads + 1);
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.warned()).toEqual([0]);
  });
});

describe('watchScreen: a note in a frame of its own', () => {
  /** A screen with one line and the note in a same-origin frame; the adapter names the frame's document. */
  function framed() {
    const window = new Window({ url: 'https://ehr.example/visit' });
    windows.push(window);
    Object.assign(globalThis, {
      MutationObserver: window.MutationObserver,
      Node: window.Node,
      document: window.document,
    });
    const doc = window.document as unknown as Document;
    doc.write(
      '<!doctype html><html><body><table><tbody id="rows"><tr><td><input value="1"></td></tr></tbody></table>' +
        '<iframe id="note" srcdoc="<!doctype html><html><body><textarea>Procedure: Shave removal</textarea><div id=rich></div></body></html>"></iframe></body></html>',
    );
    const frameDoc = () => (doc.getElementById('note') as HTMLIFrameElement).contentDocument!;
    let reads = 0;
    const adapter: Adapter = {
      id: 'test',
      name: 'Test',
      matches: [],
      read(d: Document): ReadResult {
        reads++;
        const rows = Array.from(d.querySelectorAll('#rows > tr'));
        const inner = frameDoc();
        const note = `${inner.querySelector('textarea')!.value}|${inner.getElementById('rich')?.textContent ?? ''}`;
        const encounter = {
          id: 'enc',
          payer: { kind: 'medicare' },
          diagnoses: [],
          lines: [{ code: '11301' }],
          note,
        } as Encounter;
        return { status: 'ok', encounter, anchors: { lines: rows }, documents: [inner] };
      },
    };
    const asked: Encounter[] = [];
    const controller = new AbortController();
    controllers.push(controller);
    watchScreen({
      adapter,
      doc,
      painter: createShell(doc, { now: () => PAINT_KIT, load: async () => {} }),
      evaluate: (encounter) => {
        asked.push(encounter);
        return Promise.resolve({
          ok: true,
          findings: [],
          showInfoInline: false,
          why: {},
          errors: 0,
          signoffPrompt: true,
        });
      },
      reportStatus: () => {},
      signal: controller.signal,
    });
    return { window, doc, frameDoc, asked, controller, reads: () => reads };
  }

  it('typing in the frame, and a change of its content, are read like edits of the screen', async () => {
    const s = framed();
    await task();
    expect(s.asked.map((e) => e.note)).toEqual(['Procedure: Shave removal|']);
    const box = s.frameDoc().querySelector('textarea')!;
    box.value = 'Procedure: Punch biopsy';
    box.dispatchEvent(new (s.window.Event as unknown as typeof Event)('input', { bubbles: true }));
    await task();
    await task();
    expect(s.asked.map((e) => e.note)).toEqual(['Procedure: Shave removal|', 'Procedure: Punch biopsy|']);
    s.frameDoc().getElementById('rich')!.textContent = 'Closure: Steri-Strips';
    await microtasks();
    await task();
    expect(s.asked.at(-1)!.note).toBe('Procedure: Punch biopsy|Closure: Steri-Strips');
  });

  it('a frame that loads (a new document) makes the screen be read again; after abort, frame edits are ignored', async () => {
    const s = framed();
    await task();
    const reads = s.reads();
    s.doc.getElementById('note')!.dispatchEvent(new (s.window.Event as unknown as typeof Event)('load'));
    await task();
    expect(s.reads()).toBe(reads + 1);
    s.controller.abort();
    const box = s.frameDoc().querySelector('textarea')!;
    box.value = 'x';
    box.dispatchEvent(new (s.window.Event as unknown as typeof Event)('input', { bubbles: true }));
    await task();
    await task();
    expect(s.reads()).toBe(reads + 1);
  });
});

describe('watchScreen while a one-click fix runs', () => {
  it('holds: no reads, questions or paints of the steps in between; release judges the screen once', async () => {
    const s = setup([2, 1, 2]);
    await s.answer();
    expect(s.watcher.judgedKey()).toBe(
      JSON.stringify({
        id: 'enc-1',
        payer: { kind: 'medicare' },
        diagnoses: [{ code: 'L82.0' }],
        lines: [2, 1, 2].map((u) => ({ code: '11301', units: u, dx: [1] })),
      }),
    );
    const reads = s.reads();
    const paints = s.painted();
    s.watcher.hold();
    s.edit(1, 2);
    s.render();
    await task();
    s.edit(0, 1);
    s.render();
    await task();
    await s.nextFrame();
    expect(s.reads()).toBe(reads);
    expect(s.pending).toHaveLength(0);
    expect(s.painted()).toBe(paints);
    const released = s.watcher.release();
    expect(s.pending).toHaveLength(1);
    expect(s.pending[0]!.encounter.lines.map((l) => l.units)).toEqual([1, 2, 2]);
    await s.answer();
    await released;
    expect(s.warned()).toEqual([0]);
    expect(JSON.parse(s.watcher.judgedKey()!).lines.map((l: { units: number }) => l.units)).toEqual([1, 2, 2]);
  });
});
