/**
 * The visit note and the visit history as the screens show them (RULES.md section 6).
 *
 * The note is read as plain text: a textarea's or input's value, else the element's text with a
 * line break wherever the screen starts a new line (a block element, <br>), as innerText gives it
 * but without asking the browser for layout. Whitespace inside a line is collapsed (kept inside
 * <pre>), lines are trimmed; rich text (bold labels, spans) reads as its words.
 *
 * A rich-text note is walked at most once per edit of it: the text is kept with a MutationObserver
 * on that element, and the records still pending are taken before the kept text is used, so it is
 * never stale. The note lives in memory only; nothing here stores it.
 */
import type { PriorService } from '../../rules/schema';

/** Elements that start a line of their own. */
const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
/** Elements whose text is not shown, and our own painted ones. */
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|DERMLINT-.*)$/;

const isControl = (el: Element) => el.nodeName === 'TEXTAREA' || el.nodeName === 'INPUT';

function walk(root: Element): string {
  const lines: string[] = [];
  let line = '';
  /** A block's edge ends the line it is on, unless that line holds nothing yet. */
  const edge = () => {
    if (line.trim()) lines.push(line);
    line = '';
  };
  const visit = (el: Element, pre: boolean) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = n.nodeValue ?? '';
        if (!pre) line += t.replace(/[ \t\n\r\f]+/g, ' ');
        else {
          const parts = t.split('\n');
          for (let i = 0; i < parts.length - 1; i++) lines.push(line + parts[i]), (line = '');
          line += parts[parts.length - 1];
        }
      } else if (n.nodeType === 1) {
        const name = n.nodeName;
        if (SKIP.test(name)) continue;
        if (name === 'BR') lines.push(line), (line = '');
        else if (isControl(n as Element)) line += (n as HTMLTextAreaElement).value ?? '';
        else if (BLOCK.test(name)) {
          edge();
          visit(n as Element, pre || name === 'PRE');
          edge();
        } else {
          visit(n as Element, pre);
          if (name === 'TD' || name === 'TH') line += ' ';
        }
      }
    }
  };
  visit(root, false);
  lines.push(line);
  return lines.join('\n');
}

/** Lines trimmed, inner whitespace of each line single spaces, no blank lines at either end. */
function tidy(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  let first = 0;
  let end = lines.length;
  while (first < end && !lines[first]) first++;
  while (end > first && !lines[end - 1]) end--;
  return lines.slice(first, end).join('\n');
}

let kept: { el: Element; text: string; watch: MutationObserver; dirty: boolean } | null = null;

/** The note an element shows, as plain text ('' when it is empty). */
export function noteText(el: Element): string {
  if (isControl(el)) return tidy((el as HTMLTextAreaElement).value ?? '');
  if (kept && kept.el === el && !kept.dirty && kept.watch.takeRecords().length === 0) return kept.text;
  kept?.watch.disconnect();
  kept = null;
  const text = tidy(walk(el));
  const Observer = (el.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.MutationObserver;
  if (Observer) {
    const entry = { el, text, dirty: false, watch: new Observer(() => (entry.dirty = true)) };
    entry.watch.observe(el, { subtree: true, childList: true, characterData: true });
    kept = entry;
  }
  return text;
}

/** Words (codes, modifiers) in a cell: split at spaces, commas and semicolons, a leading dash dropped ('-25'). */
export const words = (raw: string) => raw.split(/[\s,;]+/).map((w) => w.replace(/^-+/, '')).filter(Boolean);

/** 'YYYY-MM-DD' from 'MM/DD/YYYY' or 'YYYY-MM-DD'; null when it is neither or not a calendar day. */
export function isoDay(raw: string): string | null {
  const t = raw.trim();
  const us = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const iso = us ? null : t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const [y, m, d] = us ? [us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (!y || +m! < 1 || +m! > 12 || +d! < 1 || +d! > 31) return null;
  return `${y}-${m}-${d}`;
}

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
