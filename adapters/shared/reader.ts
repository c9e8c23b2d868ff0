/**
 * The adapter kit: what every adapter's `read` needs to turn someone else's markup into an
 * Encounter, once. An adapter is its selectors plus its field mapping written with these.
 *
 * - Unreadable state: `fail(reason)` anywhere inside `readScreen(…)` makes the whole screen
 *   'unreadable' ("could not read: …"); nothing is guessed. Any other error is the one policy for
 *   the unexpected: the screen changed in a way the adapter does not know, so it is unreadable too,
 *   and never an exception in the content script.
 * - Text: `screenText` is what an element shows, whitespace collapsed, without dermlint's own
 *   painted nodes (tags starting OWN_TAG_PREFIX); `controlValue` / `fieldValue` what a control holds.
 * - Values: `positiveIntOf`, `sizeCmOf`, `dateOf` give undefined for a blank field and null for one
 *   that cannot be read, so each adapter words its own message; `quoted` puts a screen value in it.
 * - Where: `onScreenAddress` decides by the document's address whether an adapter reads it at all.
 *
 * Pure and cheap: only the given nodes are touched, text comes from textContent and control values
 * (no innerText, no layout).
 */
import type { ReadResult } from '../types';
import { DEMO_BUILD, isDemoHost } from '../demo-screens';

export { payerKindFromText } from './payer';
export { checkEncounter } from './check';

// ------------------------------------------------------------------ unreadable

/** Tag names of the elements dermlint paints into a page (dermlint-line, dermlint-warning …), as nodeName gives them. */
export const OWN_TAG_PREFIX = 'DERMLINT-';

/** Thrown by `fail`: the screen is there but this part of it cannot be read. */
export class Unreadable extends Error {
  /** `note` is the whole note, not a part that could not be read (a broken field map). */
  constructor(
    reason: string,
    readonly asIs = false,
  ) {
    super(reason);
  }
}

/** Ends the read: the screen is 'unreadable' because of `reason` ("units of procedure row 3 ('abc')"). */
export function fail(reason: string): never {
  throw new Unreadable(reason);
}

/** Ends the read with `note` as the whole reason, for a cause that is not the screen's ("the field map's … selector is not valid CSS"). */
export function failWith(note: string): never {
  throw new Unreadable(note, true);
}

/**
 * Runs a read. `fail(reason)` inside it gives 'unreadable' with "could not read: reason" (the screen
 * values quoted in it are kept off what leaves the page: unreadableResult); any other error means the
 * screen changed in a way the adapter does not know: 'unreadable' too, its message a screen value.
 */
export function readScreen(read: () => ReadResult): ReadResult {
  try {
    return read();
  } catch (e) {
    if (e instanceof Unreadable) return unreadableResult(e.asIs ? e.message : `could not read: ${e.message}`);
    const message = e instanceof Error ? e.message : String(e);
    return unreadableResult(
      `could not read: the screen changed in a way dermlint does not know (${screenValue(message, 80)})`,
    );
  }
}

/** A screen value for a message: between quotes, at most `max` characters, kept off what leaves the page. */
export function quoted(raw: string, max = 60): string {
  return `'${screenValue(raw, max)}'`;
}

/**
 * A value the screen showed, quoted in a "could not read" note so the user can find it: between
 * Unicode isolates (U+2068 … U+2069), which keep its direction from spilling into the note, and
 * mark it, so that what leaves the page drops it (withoutScreenValues): the note painted on the
 * screen shows it, the worker's tab state (and the popup and side panel) never does.
 */
export function screenValue(raw: string, max: number): string {
  const clean = raw.replace(/[\u2068\u2069]/g, '');
  return `\u2068${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}\u2069`;
}

/** A note with every screen value (see screenValue) replaced by '…'; an unclosed one runs to the end. */
export function withoutScreenValues(note: string): string {
  return note.replace(/\u2068[^\u2069]*(?:\u2069|$)/g, '…');
}

/**
 * A "could not read" result from a note that may hold screen values: `reason` as the screen's own
 * note shows it (the values in plain quotes), `withoutValues` for what leaves the page.
 */
function unreadableResult(note: string): { status: 'unreadable'; reason: string; withoutValues?: string } {
  const plain = note.replace(/[\u2068\u2069]/g, '');
  return plain === note
    ? { status: 'unreadable', reason: note }
    : { status: 'unreadable', reason: plain, withoutValues: withoutScreenValues(note) };
}

// ------------------------------------------------------------------ text

/** dermlint's own painted nodes are never part of the screen. */
export function isOurs(node: Node): boolean {
  return node.nodeName.startsWith(OWN_TAG_PREFIX);
}

/** Whether `node` is or sits inside one of dermlint's own nodes, looking up to `stop` (not included; else the root). */
export function insideOurs(node: Node | null, stop?: Node): boolean {
  for (let n = node; n && n !== stop; n = n.parentNode) if (isOurs(n)) return true;
  return false;
}

/**
 * What an element shows: its text without dermlint's own painted nodes (and without the descendants
 * matching `skip`), whitespace collapsed; '' for none.
 */
export function screenText(el: Element | null | undefined, skip?: string): string {
  if (!el) return '';
  // A leaf (most cells, labels, chips): its text as it is.
  if (el.firstElementChild === null) return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  let raw = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) raw += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !isOurs(c) && !(skip && (c as Element).matches(skip))) walk(c);
    }
  };
  walk(el);
  return raw.replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------ controls

export function isInput(el: Element): el is HTMLInputElement {
  return el.nodeName === 'INPUT';
}

export function isSelect(el: Element): el is HTMLSelectElement {
  return el.nodeName === 'SELECT';
}

/** The chosen option of a select: its text and value ('' when nothing is chosen). */
export function chosenOption(select: HTMLSelectElement): { text: string; value: string } {
  const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
  return option ? { text: screenText(option), value: (option.value ?? '').trim() } : { text: '', value: '' };
}

/** What a control holds: an input's or textarea's value, a select's chosen option value; trimmed. */
export function controlValue(el: Element): string {
  if (isSelect(el)) return chosenOption(el).value;
  return ((el as HTMLInputElement).value ?? '').trim();
}

/** What a field shows: the value of a control, else the element's text. */
export function fieldValue(el: Element | null | undefined): string {
  if (!el) return '';
  const name = el.nodeName;
  return name === 'INPUT' || name === 'TEXTAREA' || name === 'SELECT' ? controlValue(el) : screenText(el);
}

// ------------------------------------------------------------------ values

/** A positive number from text like '1.4 cm', '1.4cm', '14 mm'; undefined when absent or unreadable. */
export function sizeCmOf(text: string): number | undefined | null {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  const m = t.match(/^(\d+(?:\.\d+)?)\s*(cm|mm)?$/);
  if (!m) return null;
  const n = Number(m[1]) / (m[2] === 'mm' ? 10 : 1);
  return n > 0 ? n : null;
}

/**
 * A whole number above 0 ('3', '+3', '3.0' as number fields and some EHRs write it); undefined when
 * blank, null when it is not one (text, zero, a fraction, beyond what a number holds exactly).
 */
export function positiveIntOf(raw: string): number | undefined | null {
  const t = raw.trim();
  if (!t) return undefined;
  const m = t.match(/^\+?(\d+)(?:\.0*)?$/);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** 'YYYY-MM-DD' from 'MM/DD/YYYY' or 'YYYY-MM-DD', or null when it is neither or no calendar day (month and day checked). */
export function isoDay(raw: string): string | null {
  const t = raw.trim();
  const m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/) ?? t.match(/^()(\d{4})-(\d\d)-(\d\d)$/);
  if (!m) return null;
  // US order (month, day, year), or ISO shifted by the empty first group (year, month, day).
  const [y, mo, d] = m[1] ? [+m[3]!, +m[1], +m[2]!] : [+m[2]!, +m[3]!, +m[4]!];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date of service as 'YYYY-MM-DD' from 'MM/DD/YYYY' or 'YYYY-MM-DD' (a calendar day: month and day checked); undefined when blank, null when it is not one. */
export function dateOf(raw: string): string | undefined | null {
  return raw.trim() ? isoDay(raw) : undefined;
}

// ------------------------------------------------------------------ where

/** The document's address, or null when it has none that parses. */
export function addressOf(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

/**
 * Whether an adapter reads this document at all, by its address: a page of one of its EHR's hosts;
 * on the demo server, in a demo/test build, a page under its demo path; a document with no web
 * address (an about:blank or about:srcdoc frame the EHR writes into, a saved file) is left to its
 * DOM. Any other address (another site, a look-alike host, an extension page) is not its screen.
 */
export function onScreenAddress(
  doc: Document,
  screen: { isEhrHost(hostname: string): boolean; isDemoPath(pathname: string): boolean },
): boolean {
  const url = addressOf(doc);
  if (!url) return false;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (screen.isEhrHost(url.hostname)) return true;
    return DEMO_BUILD && isDemoHost(url.hostname) && screen.isDemoPath(url.pathname);
  }
  return url.protocol === 'about:' || url.protocol === 'file:';
}
