/** Reading text off someone else's markup: text only, whitespace collapsed. */

function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The value a control shows: an input's value, a select's chosen option text or value, else its text. */
export function valueOf(el: Element | null | undefined): string {
  if (!el) return '';
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' || tag === 'textarea') return ((el as HTMLInputElement).value ?? '').trim();
  if (tag === 'select') {
    const select = el as HTMLSelectElement;
    const option = select.options[select.selectedIndex];
    return (option?.value ?? '').trim();
  }
  return textOf(el);
}

/**
 * The encounter's identity: the EHR's own identifiers of it (never a name, MRN or birth date),
 * joined. It goes to the worker in memory and is turned there into a keyed pseudonym
 * (lib/background/pseudonym.ts): the content script holds no key and stores nothing.
 */
export function encounterIdentity(...parts: string[]): string {
  return parts.join('\u0000');
}

/** A short, stable id of a configuration (a field map's name), FNV-1a 64-bit as two 32-bit halves. Not for patient data. */
export function hashId(...parts: string[]): string {
  const s = parts.join('\u0000');
  let h1 = 0x811c9dc5,
    h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
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
export function unreadableResult(note: string): { status: 'unreadable'; reason: string; withoutValues?: string } {
  const plain = note.replace(/[\u2068\u2069]/g, '');
  return plain === note
    ? { status: 'unreadable', reason: note }
    : { status: 'unreadable', reason: plain, withoutValues: withoutScreenValues(note) };
}

/** A positive number from text like '1.4 cm', '1.4cm', '14 mm'; undefined when absent or unreadable. */
export function sizeCmOf(text: string): number | undefined | null {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  const m = t.match(/^(\d+(?:\.\d+)?)\s*(cm|mm)?$/);
  if (!m) return null;
  const n = Number(m[1]) / (m[2] === 'mm' ? 10 : 1);
  return n > 0 ? n : null;
}
