/**
 * The teaching overlay, like the browser's element inspector: a panel that
 * asks for one field at a time, a highlight that follows the pointer, and a
 * labelled box on every field chosen. While it asks, a click on the EHR's
 * screen chooses an element and does nothing else (the EHR never sees it: no
 * focus, no submit, no sign). Everything is painted in a closed shadow root of
 * dermlint's own element (DERMLINT-TEACH, outside the EHR's rows; the readers
 * and the watcher ignore it). Only trusted events (a person's) count.
 *
 * The map is saved through the background worker (it checks it again); the
 * open tabs of the host then read with it at once.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { payerKindFromText } from '../../adapters/shared/payer';
import { payerKindFromName, type PayerNameEntry } from '../../rules/payer-names';
import { selectRef } from './infer';
import { isChipish } from './stable-names';
import { valueOf } from '../../adapters/shared/text';
import { previewMap, QUESTIONS, teach, type Answers, type Preview, type Question, type Teaching } from './session';
import { OVERLAY_CSS } from './overlay-css';

export interface OverlayDeps {
  doc: Document;
  /** Saves the map; resolves to what to tell the user. */
  save(map: FieldMap): Promise<{ ok: true; message: string } | { ok: false; error: string }>;
  /** The practice's own insurer names (options), to show the payer kind as the worker will judge it. */
  payerNames?: readonly PayerNameEntry[];
}

const TEACH_HOST = 'dermlint-teach';

const KIND_WORDS: Record<string, string> = {
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  'self-pay': 'Self-pay',
  unknown: 'not known: the default payer in options applies',
};

interface Box {
  key: string;
  rect: DOMRect;
  label: string;
  kind: 'hover' | 'chosen' | 'found' | 'row';
}

/** Opens the overlay on this document (once: a second call brings the first back to the first question). */
export function openTeaching(deps: OverlayDeps): () => void {
  const { doc } = deps;
  doc.querySelector(TEACH_HOST)?.remove();
  const host = doc.createElement(TEACH_HOST);
  host.setAttribute('style', 'all:initial;position:fixed;inset:0;z-index:2147483646;pointer-events:none;display:block');
  const root = host.attachShadow({ mode: 'closed' });
  doc.documentElement.appendChild(host);
  const close = () => {
    render(null, root);
    host.remove();
  };
  render(<Overlay deps={deps} host={host} onClose={close} />, root);
  return close;
}

function Overlay({ deps, host, onClose }: { deps: OverlayDeps; host: Element; onClose: () => void }) {
  const { doc } = deps;
  const [answers, setAnswers] = useState<Answers>({});
  const [current, setCurrent] = useState<Question | 'review'>('code');
  const [hover, setHover] = useState<Element | null>(null);
  const [tick, setTick] = useState(0);
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; bad?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [left, setLeft] = useState(false);
  /** The pointer is on the screen under the question bar: the bar fades so the field under it can be seen and clicked. */
  const [peek, setPeek] = useState(false);
  const bar = useRef<HTMLElement>(null);
  const picking = current !== 'review';

  const teaching: Teaching = useMemo(() => teach(doc, answers), [answers, tick]);
  const preview: Preview | null = useMemo(
    () => (teaching.map ? previewMap(doc, teaching.map) : null),
    [teaching, tick],
  );
  const mapName = name ?? teaching.map?.name ?? '';

  // The screen changes under us (the EHR re-renders, the user edits in review): read again, at most every 250 ms.
  useEffect(() => {
    let timer = 0;
    const observer = new MutationObserver((records) => {
      if (records.every((r) => host.contains(r.target) || r.target === host)) return;
      if (!timer) timer = window.setTimeout(() => ((timer = 0), setTick((t) => t + 1)), 250);
    });
    observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    const onInput = () => !timer && (timer = window.setTimeout(() => ((timer = 0), setTick((t) => t + 1)), 250));
    doc.addEventListener('input', onInput, true);
    return () => {
      observer.disconnect();
      doc.removeEventListener('input', onInput, true);
      clearTimeout(timer);
    };
  }, []);

  // Choosing by clicking: the EHR gets none of these while the overlay asks.
  useEffect(() => {
    const win = doc.defaultView!;
    const ours = (e: Event) => e.composedPath().includes(host);
    const target = (e: Event): Element | null => {
      let el = e.composedPath().find((n): n is Element => (n as Node).nodeType === 1) ?? null;
      // An icon inside a button is the button; the text inside a button or link is that control; a <label> is the control it names.
      while (el && el.closest('svg') && el.parentElement) el = el.closest('svg')!.parentElement;
      const control = el?.closest('button, a[href], [role="button"]');
      if (control && !isChipish(control.parentElement ?? control)) el = control;
      if (el?.localName === 'label') el = (el as HTMLLabelElement).control ?? el;
      return el;
    };
    const block = (e: Event) => {
      if (!picking || ours(e)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const move = (e: Event) => {
      // Over the bar but not over one of its buttons (they always take the pointer), the pointer is on the screen beneath.
      const r = bar.current?.getBoundingClientRect();
      const { clientX: x, clientY: y } = e as PointerEvent;
      setPeek(!!r && !ours(e) && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (!picking || ours(e)) return setHover(null);
      setHover(target(e));
    };
    const click = (e: Event) => {
      if (!picking || ours(e)) return;
      block(e);
      const el = target(e);
      if (e.isTrusted && el && el !== doc.documentElement && el !== doc.body) choose(el);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && e.isTrusted) onClose();
    };
    const blocked = [
      'mousedown',
      'mouseup',
      'pointerdown',
      'pointerup',
      'dblclick',
      'auxclick',
      'contextmenu',
      'touchstart',
      'submit',
    ];
    for (const type of blocked) win.addEventListener(type, block, true);
    win.addEventListener('click', click, true);
    win.addEventListener('pointermove', move, true);
    win.addEventListener('keydown', key, true);
    return () => {
      for (const type of blocked) win.removeEventListener(type, block, true);
      win.removeEventListener('click', click, true);
      win.removeEventListener('pointermove', move, true);
      win.removeEventListener('keydown', key, true);
    };
  }, [picking, current, answers]);

  function next(after: Answers, from: Question): Question | 'review' {
    const order = QUESTIONS.map((q) => q.id);
    const start = order.indexOf(from);
    for (let i = 1; i <= order.length; i++) {
      const q = order[(start + i) % order.length]!;
      if (!(q in after)) return q;
    }
    return 'review';
  }

  function answer(value: Element | 'none') {
    if (current === 'review') return;
    const after = { ...answers, [current]: value };
    setAnswers(after);
    setStatus(null);
    setCurrent(next(after, current));
    setHover(null);
  }
  const choose = (el: Element) => answer(el);

  // Boxes on the screen: the pointer's element, each chosen field, the rows found; kept on their elements as the page scrolls.
  const [boxes, setBoxes] = useState<Box[]>([]);
  useEffect(() => {
    let frame = 0;
    const paint = () => {
      const out: Box[] = [];
      const add = (el: Element, label: string, kind: Box['kind'], key: string) => {
        const rect = el.getBoundingClientRect();
        if (rect.width || rect.height) out.push({ key, rect, label, kind });
      };
      for (const rows of [teaching.procedureRows, teaching.diagnosisRows])
        rows?.rows.forEach((r, i) => add(r, '', 'row', `row-${i}-${rows === teaching.procedureRows}`));
      QUESTIONS.forEach((q, i) => {
        const f = teaching.fields[q.id];
        f?.inferred?.elements.forEach((el, j) =>
          add(el, j === 0 ? `${i + 1} ${q.name}` : '', 'chosen', `${q.id}-${j}`),
        );
      });
      for (const a of teaching.auto)
        a.inferred.elements.slice(0, 1).forEach((el) => add(el, `${a.label} (found)`, 'found', a.path));
      const q = QUESTIONS.find((x) => x.id === current);
      if (hover && picking && q) add(hover, `${q.name}?`, 'hover', 'hover');
      setBoxes(out);
      frame = requestAnimationFrame(paint);
    };
    paint();
    return () => cancelAnimationFrame(frame);
  }, [teaching, hover, current]);

  async function onSave(e: Event) {
    if (!e.isTrusted || !teaching.map || saving) return;
    setSaving(true);
    const map = { ...teaching.map, name: mapName.trim() || teaching.map.name };
    const reply = await deps.save(map).catch((err: Error) => ({ ok: false as const, error: err.message }));
    setSaving(false);
    if (!reply.ok) return setStatus({ text: `Not saved: ${reply.error}`, bad: true });
    setStatus({ text: reply.message });
    // Done: the boxes go, a note stays for a moment, then the overlay closes itself.
    setCurrent('review');
    window.setTimeout(onClose, 2500);
  }

  const q = QUESTIONS.find((x) => x.id === current);
  const payerKind =
    preview?.payerName !== undefined ? payerKindFromName(preview.payerName, deps.payerNames) : undefined;
  const categoryKind = teaching.map?.payer?.category ? payerKindFromText(categoryText(doc, teaching)) : 'unknown';
  const saved = !!status && !status.bad;
  const stateOf = (x: Question) => {
    const f = teaching.fields[x];
    return current === x ? 'now' : f?.problem ? 'bad' : f?.inferred || f?.none ? 'done' : 'todo';
  };
  const howOf = (x: Question) => {
    const f = teaching.fields[x];
    return f?.none
      ? 'no such field'
      : f?.problem
        ? f.problem
        : f?.inferred
          ? `by ${f.inferred.how}${f.inferred.note ? ` (${f.inferred.note})` : ''}`
          : 'not yet';
  };
  const closeButton = (
    <button
      type="button"
      class="ghost"
      onClick={(e) => e.isTrusted && onClose()}
      aria-label="Close without saving"
      title="Close without saving (Esc)"
    >
      ✕
    </button>
  );

  return (
    <>
      <style>{OVERLAY_CSS}</style>
      {!saved &&
        boxes.map((b) => (
          <div
            key={b.key}
            class={`box ${b.kind}`}
            style={{
              left: `${b.rect.left - 2}px`,
              top: `${b.rect.top - 2}px`,
              width: `${b.rect.width + 4}px`,
              height: `${b.rect.height + 4}px`,
            }}
          >
            {b.label && <span class="tag">{b.label}</span>}
          </div>
        ))}
      {q && !saved ? (
        // While it asks: a bar across the top, so the claim's fields and buttons stay free to click; it lets clicks through
        // (all but its own buttons) and fades while the pointer is on what lies under it.
        <section ref={bar} class={`bar${peek ? ' peek' : ''}`} role="dialog" aria-label="Teach dermlint this screen">
          <div class="bar-main">
            <span class="mark" aria-hidden="true">
              d
            </span>
            <div class="ask" aria-live="polite">
              <p class="step">
                Teach dermlint this screen · step {QUESTIONS.indexOf(q) + 1} of {QUESTIONS.length}
              </p>
              <p class="question">{q.ask}</p>
              <p class="hint">{q.hint}</p>
            </div>
            <div class="bar-actions">
              <button
                type="button"
                onClick={(e) => e.isTrusted && answer('none')}
                disabled={q.required}
                title={q.required ? 'dermlint needs this one' : undefined}
              >
                This screen has no such field
              </button>
              {Object.keys(answers).length >= QUESTIONS.length && (
                <button type="button" onClick={(e) => e.isTrusted && setCurrent('review')}>
                  Back to the summary
                </button>
              )}
            </div>
            {closeButton}
          </div>
          <ol class="dots" aria-label="Steps">
            {QUESTIONS.map((x, i) => (
              <li key={x.id} class={stateOf(x.id)}>
                <button
                  type="button"
                  title={`${x.name}: ${howOf(x.id)}`}
                  aria-label={`Step ${i + 1}, ${x.name}: ${current === x.id ? 'now' : howOf(x.id)}`}
                  aria-current={current === x.id ? 'step' : undefined}
                  onClick={(e) => e.isTrusted && (setCurrent(x.id), setStatus(null))}
                >
                  <span class="num">{i + 1}</span> {x.name}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <section class={`panel${left ? ' left' : ''}`} role="dialog" aria-label="Teach dermlint this screen">
          <header>
            <span class="mark" aria-hidden="true">
              d
            </span>
            <h1>{saved ? 'dermlint learned this screen' : 'Check what dermlint reads, then save'}</h1>
            <button
              type="button"
              class="ghost"
              onClick={(e) => e.isTrusted && setLeft((l) => !l)}
              title="Move this panel to the other side"
              aria-label="Move this panel to the other side"
            >
              ⇄
            </button>
            {closeButton}
          </header>
          {saved ? (
            <p class="saved" role="status">
              {status.text}
            </p>
          ) : (
            <>
              <ol class="steps">
                {QUESTIONS.map((x, i) => (
                  <li key={x.id} class={stateOf(x.id)}>
                    <button
                      type="button"
                      onClick={(e) => e.isTrusted && (setCurrent(x.id), setStatus(null))}
                      aria-label={`Redo ${x.name}`}
                    >
                      <span class="num">{i + 1}</span>
                      <span class="what">
                        <b>{x.name}</b>
                        <small>{howOf(x.id)}</small>
                      </span>
                      <span class="redo">Redo</span>
                    </button>
                  </li>
                ))}
              </ol>
              {teaching.auto.length > 0 && (
                <p class="found">
                  Also found by the labels the screen shows: {teaching.auto.map((a) => a.label).join(', ')}.
                </p>
              )}
              {teaching.problems.map((p) => (
                <p class="problem" key={p}>
                  {p}
                </p>
              ))}
              {preview && (
                <section class="preview" aria-label="What dermlint reads">
                  <h2>What dermlint reads{preview.status === 'ok' ? ' (live)' : ': nothing yet'}</h2>
                  {preview.status === 'unreadable' && <p class="problem">{preview.reason}</p>}
                  <table>
                    <thead>
                      <tr>
                        <th>#</th>
                        <th>Code</th>
                        <th>Mod</th>
                        <th>Units</th>
                        <th>Site</th>
                        <th>Size</th>
                        <th>Dx</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.lines.map((l, i) => (
                        <tr key={i}>
                          <td>{i + 1}</td>
                          <td>
                            <b>{l.code || '—'}</b>
                          </td>
                          <td>{l.modifiers || '—'}</td>
                          <td>{l.units || '—'}</td>
                          <td>{l.site || '—'}</td>
                          <td>{l.size || '—'}</td>
                          <td>{l.pointers || '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <dl>
                    <dt>Diagnoses</dt>
                    <dd>{preview.diagnoses.join(', ') || '—'}</dd>
                    <dt>Payer</dt>
                    <dd>
                      {preview.payerName === undefined
                        ? 'not on this screen'
                        : `${preview.payerName || '(empty)'} → ${KIND_WORDS[categoryKind !== 'unknown' ? categoryKind : (payerKind ?? 'unknown')]}`}
                    </dd>
                    <dt>Note</dt>
                    <dd>
                      {preview.noteChars === undefined ? 'not on this screen' : `${preview.noteChars} characters`}
                    </dd>
                    <dt>Sign button</dt>
                    <dd>
                      {preview.signControls === undefined
                        ? 'not on this screen'
                        : preview.signControls
                          ? 'found'
                          : 'not found now'}
                    </dd>
                  </dl>
                  {preview.warnings.map((w) => (
                    <p class="warn" key={w}>
                      {w}
                    </p>
                  ))}
                </section>
              )}
              {teaching.map && (
                <form
                  class="save"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void onSave(e);
                  }}
                >
                  <label>
                    Name
                    <input
                      value={mapName}
                      maxLength={60}
                      onInput={(e) => setName((e.target as HTMLInputElement).value)}
                    />
                  </label>
                  <button type="submit" class="primary" disabled={saving}>
                    {saving ? 'Saving…' : 'Save'}
                  </button>
                </form>
              )}
              {status?.bad && (
                <p class="problem" role="alert">
                  {status.text}
                </p>
              )}
              <p class="fine">
                dermlint keeps only where each field is (like “the Units column”), never what the screen shows about the
                patient.
              </p>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** The payer category (financial class) as the screen shows it now, when one was found next to the name. */
function categoryText(doc: Document, t: Teaching): string {
  const ref = t.map?.payer?.category;
  return ref ? valueOf(selectRef(doc, ref)[0]) : '';
}
