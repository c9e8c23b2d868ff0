/**
 * The visit note and the visit history as the screens show them (the encounter's `note` and `history`: docs/formats.md, docs/note.md).
 *
 * The note is read as plain text: a textarea's or input's value, else the element's text with a
 * line break wherever the screen starts a new line (a block element, <br>), as innerText gives it
 * but without asking the browser for layout. Whitespace inside a line is collapsed, lines are
 * trimmed; rich text (bold labels, spans) reads as its words.
 *
 * A rich-text note is walked at most once per edit of it: the text is kept with a MutationObserver
 * on that element, and the records still pending are taken before the kept text is used, so it is
 * never stale. The note lives in memory only; nothing here stores it.
 */
import type { PriorService } from '../../rules/schema';
import { OWN_TAG_PREFIX, isoDay } from './reader';

/** Elements that start a line of their own (those rich-text editors and notes use). */
const BLOCK = /^(ARTICLE|BLOCKQUOTE|DD|DIV|DL|DT|FOOTER|H[1-6]|HEADER|HR|LI|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
/** Elements whose text is not shown (and dermlint's own painted ones: OWN_TAG_PREFIX). */
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;

const isControl = (el: Element) => el.nodeName === 'TEXTAREA' || el.nodeName === 'INPUT';

function walk(root: Element): string {
  const lines: string[] = [];
  let line = '';
  /** A block's edge ends the line it is on, unless that line holds nothing yet. */
  const edge = () => {
    if (/\S/.test(line)) lines.push(line);
    line = '';
  };
  const visit = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      const name = n.nodeName;
      if (n.nodeType === 3) line += n.nodeValue!.replace(/\s+/g, ' ');
      else if (n.nodeType !== 1 || SKIP.test(name) || name.startsWith(OWN_TAG_PREFIX)) continue;
      else if (name === 'BR') {
        lines.push(line);
        line = '';
      } else if (isControl(n as Element)) line += (n as HTMLTextAreaElement).value;
      else if (BLOCK.test(name)) {
        edge();
        visit(n as Element);
        edge();
      } else {
        visit(n as Element);
        if (/^T[DH]$/.test(name)) line += ' ';
      }
    }
  };
  visit(root);
  lines.push(line);
  return lines.join('\n');
}

/** Lines trimmed, inner whitespace of each line single spaces, no blank lines at either end. */
function tidy(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
  let first = 0;
  let end = lines.length;
  while (first < end && !lines[first]) first++;
  while (end > first && !lines[end - 1]) end--;
  return lines.slice(first, end).join('\n');
}

let kept: { el: Element; text: string; watch: MutationObserver; dirty: boolean } | null = null;
/** A text box's last value and its tidied text: the same value is not tidied again. */
let keptValue = { raw: '', text: '' };

/** The note an element shows, as plain text ('' when it is empty). */
export function noteText(el: Element): string {
  if (isControl(el)) {
    const raw = (el as HTMLTextAreaElement).value ?? '';
    if (raw !== keptValue.raw) keptValue = { raw, text: tidy(raw) };
    return keptValue.text;
  }
  if (kept && kept.el === el && !kept.dirty && kept.watch.takeRecords().length === 0) return kept.text;
  kept?.watch.disconnect();
  kept = null;
  const text = tidy(walk(el));
  const Observer = el.ownerDocument.defaultView?.MutationObserver;
  if (Observer) {
    const entry = { el, text, dirty: false, watch: new Observer(() => (entry.dirty = true)) };
    entry.watch.observe(el, { subtree: true, childList: true, characterData: true });
    kept = entry;
  }
  return text;
}

/** Words (codes, modifiers) in a cell: split at spaces, commas and semicolons, a leading dash dropped ('-25'). */
const words = (raw: string) =>
  raw
    .split(/[\s,;]+/)
    .map((w) => w.replace(/^-+/, ''))
    .filter(Boolean);

/**
 * A prior service from the texts a visit-history row shows (date, code, modifiers, diagnosis codes),
 * or the name of the part that cannot be read: a history row is never guessed.
 */
export function priorService(date: string, code: string, modifiers: string, dx: string): PriorService | string {
  const day = isoDay(date);
  if (!day) return `date ('${date.trim().slice(0, 40)}')`;
  const c = code.trim();
  if (!c || /\s/.test(c)) return `code ('${c.slice(0, 40)}')`;
  const service: PriorService = { dateOfService: day, code: c };
  const mods = words(modifiers);
  if (mods.length) service.modifiers = mods;
  const codes = words(dx);
  if (codes.length) service.dx = codes;
  return service;
}
