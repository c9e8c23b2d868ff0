/**
 * Operating an EHR's own controls as a person does, for the adapters' apply
 * (a one-click fix, on the user's click only). The EHR's framework must see a
 * person's edit: focus, the value set through the platform's own setter (React
 * and Angular track a control's value per node and would miss a plain `value =`
 * from their own world), the `input` / `change` / `blur` events a person's edit
 * fires, Enter where a picker commits on Enter, the EHR's own buttons clicked.
 * Then wait for the EHR to re-render before the next step: SPAs replace rows
 * after an edit, so every step finds its control again.
 *
 * Nothing here writes to the EHR's DOM structure: only values through the
 * platform setters, and events.
 */
import type { SuggestionAction } from '../../rules/schema';
import type { ApplyResult } from '../types';
import { insideOurs } from './reader';

export type { ApplyResult };

export const APPLIED: ApplyResult = { ok: true };
export const cannot = (reason: string): ApplyResult => ({ ok: false, cannot: true, reason });
export const failed = (reason: string): ApplyResult => ({ ok: false, cannot: false, reason });

/**
 * The order a suggestion's actions are carried out on a screen, the order rules/suggestions.ts
 * gives them meaning in: edits of existing lines first, as listed, then added lines (they go at the
 * end, so no index moves), then removed lines from the last up (so no index moves under another).
 */
export function screenOrder(actions: readonly SuggestionAction[]): SuggestionAction[] {
  const edits = actions.filter((a) => a.type !== 'addLine' && a.type !== 'removeLine');
  const adds = actions.filter((a) => a.type === 'addLine');
  const removes = actions.filter(
    (a): a is Extract<SuggestionAction, { type: 'removeLine' }> => a.type === 'removeLine',
  );
  return [...edits, ...adds, ...[...removes].sort((a, b) => b.line - a.line)];
}

function win(el: Element): Window & typeof globalThis {
  const w = el.ownerDocument.defaultView;
  if (!w) throw new Error('the control is not in a window');
  return w;
}

export function fire(el: Element, type: string, init: EventInit = {}): void {
  el.dispatchEvent(new (win(el).Event)(type, { bubbles: true, ...init }));
}

/** Whether a person could type into or choose in this control now. */
export function isWritable(
  el: Element | null | undefined,
): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'SELECT') return !(el as HTMLSelectElement).disabled;
  if (tag === 'TEXTAREA') return !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly;
  if (tag !== 'INPUT') return false;
  const input = el as HTMLInputElement;
  const type = (input.type || 'text').toLowerCase();
  if (['hidden', 'button', 'submit', 'reset', 'file', 'image', 'radio', 'checkbox'].includes(type)) return false;
  return !input.disabled && !input.readOnly;
}

export function isCheckbox(el: Element | null | undefined): el is HTMLInputElement {
  return !!el && el.tagName === 'INPUT' && (el as HTMLInputElement).type?.toLowerCase() === 'checkbox';
}

/** The value through the element's own prototype setter, as the browser does for typing (frameworks see it). */
export function setNativeValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  const w = win(el);
  const proto =
    el.tagName === 'SELECT'
      ? w.HTMLSelectElement.prototype
      : el.tagName === 'TEXTAREA'
        ? w.HTMLTextAreaElement.prototype
        : w.HTMLInputElement.prototype;
  // The prototype's own setter, called on the element (frameworks such as React watch that one): unbound on purpose.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with `el` as `this`
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

/**
 * Focus as a click or Tab gives it. The platform fires focus/focusin itself; where it cannot (the
 * element is not focusable, or the EHR replaced it a moment ago), the events a person's focus
 * would fire are dispatched, so the EHR's handlers run all the same.
 */
export function focus(el: Element): void {
  let fired = false;
  const seen = () => (fired = true);
  el.addEventListener('focus', seen, { once: true });
  (el as HTMLElement).focus?.({ preventScroll: true });
  el.removeEventListener('focus', seen);
  if (!fired) {
    const w = win(el);
    el.dispatchEvent(new w.FocusEvent('focus', { bubbles: false }));
    el.dispatchEvent(new w.FocusEvent('focusin', { bubbles: true }));
  }
}

/** Leaving the control (where frameworks that update on blur commit). */
export function blur(el: Element): void {
  let fired = false;
  const seen = () => (fired = true);
  el.addEventListener('blur', seen, { once: true });
  if (el.ownerDocument.activeElement === el) (el as HTMLElement).blur?.();
  el.removeEventListener('blur', seen);
  if (!fired) {
    const w = win(el);
    el.dispatchEvent(new w.FocusEvent('blur', { bubbles: false }));
    el.dispatchEvent(new w.FocusEvent('focusout', { bubbles: true }));
  }
}

/** A key press on a focused control: keydown, keypress (for Enter), keyup. */
export function press(el: Element, key: 'Enter' | 'Tab' | 'Backspace' | 'Escape'): void {
  const w = win(el);
  const init: KeyboardEventInit = {
    key,
    code: key,
    bubbles: true,
    cancelable: true,
    ...(key === 'Enter' ? { keyCode: 13, which: 13 } : {}),
  };
  el.dispatchEvent(new w.KeyboardEvent('keydown', init));
  if (key === 'Enter') el.dispatchEvent(new w.KeyboardEvent('keypress', init));
  el.dispatchEvent(new w.KeyboardEvent('keyup', init));
}

/** Types a whole value into a text control and commits it: focus, value, input, change, then blur. */
export function typeValue(
  el: HTMLInputElement | HTMLTextAreaElement,
  value: string,
  opts: { enter?: boolean; blur?: boolean } = {},
): void {
  focus(el);
  setNativeValue(el, value);
  fire(el, 'input');
  if (opts.enter) press(el, 'Enter');
  fire(el, 'change');
  if (opts.blur !== false) blur(el);
}

/** Chooses an option of a select as a person does: focus, the option's value, input and change, blur. */
export function chooseOption(select: HTMLSelectElement, option: HTMLOptionElement): void {
  focus(select);
  setNativeValue(select, option.value);
  // Two options with the same value: the setter picks the first; a person picked this one.
  if (select.selectedIndex !== option.index) select.selectedIndex = option.index;
  fire(select, 'input');
  fire(select, 'change');
  blur(select);
}

/** A person's click: pointer and mouse down/up, then click (some widgets act on mousedown). */
export function clickLikeAPerson(el: Element): void {
  const w = win(el);
  const init: MouseEventInit = { bubbles: true, cancelable: true, button: 0, view: w };
  const pointer = typeof w.PointerEvent === 'function' ? w.PointerEvent : w.MouseEvent;
  el.dispatchEvent(new pointer('pointerdown', { ...init, pointerId: 1, isPrimary: true }));
  const down = new w.MouseEvent('mousedown', init);
  el.dispatchEvent(down);
  if (!down.defaultPrevented) (el as HTMLElement).focus?.({ preventScroll: true });
  el.dispatchEvent(new pointer('pointerup', { ...init, pointerId: 1, isPrimary: true }));
  el.dispatchEvent(new w.MouseEvent('mouseup', init));
  // HTMLElement.click() fires the click and runs the default action (a checkbox toggles and fires input/change).
  (el as HTMLElement).click();
}

/**
 * Resolves once the EHR has handled the last step: no change to its DOM for `quietMs` (SPAs
 * re-render in a timer or a microtask after the event), and at most `maxMs` in all.
 */
export function settled(doc: Document, quietMs = 40, maxMs = 2000): Promise<void> {
  const w = doc.defaultView;
  if (!w) return Promise.resolve();
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(cap);
      resolve();
    };
    const arm = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    };
    const observer = new w.MutationObserver((records) => {
      // Our own painted nodes' changes are not the EHR's.
      if (records.some((r) => !insideOurs(r.target))) arm();
    });
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const cap = setTimeout(done, maxMs);
    arm();
  });
}

/** Whitespace collapsed, upper case: how a modifier or code is compared on screen. */
export const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').toUpperCase();
