/**
 * Where the warnings sit on the EHR screen so that they never cover one of its
 * controls (WCAG 2.2 focus not obscured, 2.4.11) and never crowd each other
 * below the 24px target size (2.5.8): a line's pills go in a cell of the line
 * that holds no control (its description; on a line without one, the widest
 * such cell), centred on the line's height; an encounter-level warning that
 * would lie over a control inside its element moves just above the element.
 */

/** What a user of the EHR operates: never to be covered by a warning. */
export const CONTROLS =
  'input, select, textarea, button, a[href], [role="button"], [role="combobox"], [role="checkbox"], [role="link"], [contenteditable]:not([contenteditable="false"]), [tabindex]:not([tabindex="-1"])';

/**
 * The element a warning container goes into: for a table row, its first cell
 * with no control and some text (the description, on every EHR we know), else
 * the widest cell with no control (a line without a description), else its
 * first cell; any other anchor is its own slot.
 */
export function slotFor(anchor: Element): Element {
  if (anchor.tagName !== 'TR') return anchor;
  const cells = Array.from((anchor as HTMLTableRowElement).cells);
  const free = cells.filter((c) => !c.querySelector(CONTROLS));
  const plain = free.find((c) => (c.textContent ?? '').trim().length >= 6);
  if (plain) return plain;
  let widest: Element | undefined;
  let width = 0;
  for (const c of free) {
    const w = (c as HTMLElement).offsetWidth;
    if (w > width) [widest, width] = [c, w];
  }
  return widest ?? cells[0] ?? anchor;
}

export interface Placed {
  anchor: Element;
  slot: Element;
  container: HTMLElement;
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
}

/**
 * Settles containers just put in the page: all layout reads first, then only
 * transforms (which need no new layout). A line's container is centred on its
 * cell's height (a cell's content sits wherever the EHR aligns it, and on
 * dense lists 24px pills of neighbouring lines would otherwise overlap); an
 * encounter-level one over a control goes just above its element.
 */
export function settle(placed: readonly Placed[]): void {
  if (placed.length === 0) return;
  const shifts = placed.map(({ anchor, slot, container }) => {
    const box = container.getBoundingClientRect();
    const cell = slot.getBoundingClientRect();
    if (anchor.tagName === 'TR') return cell.top + Math.max(0, (cell.height - box.height) / 2) - box.top;
    const covers = Array.from(slot.querySelectorAll(CONTROLS)).some((c) => overlaps(box, c.getBoundingClientRect()));
    return covers ? cell.top - 2 - box.bottom : 0;
  });
  placed.forEach(({ container }, i) => {
    const dy = Math.round(shifts[i]! * 2) / 2;
    container.style.transform = dy ? `translateY(${dy}px)` : '';
  });
}
