/**
 * Where a warning goes on the EHR screen: beside the field it concerns, in
 * space that holds none of the EHR's text, controls or images, inside the
 * viewport. Pure geometry over boxes in viewport coordinates, plus the two
 * reads it needs from the page (what is drawn where; is a field in view).
 *
 * A spot is searched band by band: for each candidate top (centred on the
 * field, just above or below it, or against the edge of something in the
 * way), the free stretches of that band are found in one sweep over the
 * obstacles sorted by their left edge, and the best position in each is
 * scored by its distance to the field (right of it first, then left, then
 * above or below). Linear in the obstacles per band; a few hundred bands.
 */

/** A box in viewport coordinates (a DOMRect is one). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

import { isOurs } from './roots';

/** Drawn by the EHR as a box a person reads or operates: never covered, not looked into. */
const BOXED =
  /^(INPUT|SELECT|TEXTAREA|BUTTON|IMG|svg|CANVAS|VIDEO|AUDIO|IFRAME|FRAME|OBJECT|EMBED|PROGRESS|METER|PICTURE)$/;
const ROLES =
  /^(button|checkbox|radio|combobox|link|switch|slider|spinbutton|textbox|searchbox|listbox|option|tab|menuitem\w*)$/;
/** Never drawn. */
const UNDRAWN = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|HEAD|TITLE|META|LINK)$/;
/** How far outside the region an element's box may be and still hold something drawn inside it (menus, overflowing text). */
const REACH = 300;

function isBoxed(el: Element): boolean {
  const tag = el.nodeName;
  if (BOXED.test(tag)) return tag !== 'INPUT' || (el as HTMLInputElement).type !== 'hidden';
  if (tag === 'A' && el.hasAttribute('href')) return true;
  const role = el.getAttribute('role');
  if (role && ROLES.test(role)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export const meets = (a: Box, b: Box, gap = 0): boolean =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/**
 * The boxes of everything the EHR draws in `region` that a warning must leave
 * visible: each line of text (Range.getClientRects), each control, image and
 * frame. Subtrees far above or below the region are skipped (a 2,000-row
 * table costs one box read per row outside it); open shadow roots are read.
 * `within`: only what these nodes (and their descendants) draw, as when the
 * EHR just added or changed them; by default the whole page.
 */
export function obstaclesIn(doc: Document, region: Box, within?: readonly Node[]): Box[] {
  const out: Box[] = [];
  const range = doc.createRange();
  const add = (r: DOMRect) => {
    if (r.width > 0 && r.height > 0 && meets(r, region)) out.push(r);
  };
  const visit = (n: Node) => {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) {
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) add(r);
      }
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.nodeName;
    if (UNDRAWN.test(tag)) return;
    if (isOurs(el)) {
      // Our status note and sign-off prompt are read too; our warnings are placed by the painter.
      if (tag === 'DERMLINT-STATUS' || tag === 'DERMLINT-SIGNOFF') add(el.getBoundingClientRect());
      return;
    }
    const r = el.getBoundingClientRect();
    if (isBoxed(el)) return add(r);
    if (
      r.width || r.height
        ? r.bottom < region.top - REACH || r.top > region.bottom + REACH
        : getComputedStyle(el).display === 'none'
    )
      return;
    walk(el);
    if (el.shadowRoot) walk(el.shadowRoot);
  };
  const walk = (parent: ParentNode) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) visit(n);
  };
  if (within) {
    for (const n of within) if (n.isConnected) visit(n);
  } else if (doc.body) walk(doc.body);
  return out;
}

/** The field's box when it lies in the viewport (whether a scroll container hides it, the painter learns from an IntersectionObserver); else null. */
export function shownBox(el: Element, view: Box): DOMRect | null {
  if (!el.isConnected) return null;
  const r = el.getBoundingClientRect();
  return Math.min(r.right, view.right) - Math.max(r.left, view.left) >= 1 &&
    Math.min(r.bottom, view.bottom) - Math.max(r.top, view.top) >= 1
    ? r
    : null;
}

/** A list's or section's own box can be far wider than what it shows: the box around its children. */
export function tightBox(el: Element, box: DOMRect): Box {
  if (isBoxed(el) || !el.firstElementChild) return box;
  let t: Box | null = null;
  for (let c: Element | null = el.firstElementChild; c; c = c.nextElementSibling) {
    if (isOurs(c)) continue;
    const r = c.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    t = t
      ? {
          left: Math.min(t.left, r.left),
          top: Math.min(t.top, r.top),
          right: Math.max(t.right, r.right),
          bottom: Math.max(t.bottom, r.bottom),
        }
      : r;
  }
  return t ?? box;
}

/** The gap (px) kept between a warning and its field, the EHR's content and other warnings. */
export const GAP = 4;

export const clear = (b: Box, obstacles: readonly Box[], gap = GAP): boolean =>
  !obstacles.some((o) => meets(b, o, gap));

/**
 * How good a spot is: its distance to the field, plus 6 px to the left of it
 * and 10 px above or below it, so that the right side wins when it has room
 * close by; among equally close spots, the one centred on a field (at the top
 * right of a list or section).
 */
function score(x: number, y: number, w: number, h: number, t: Box, align: number): number {
  const dx = Math.max(0, x - t.right, t.left - x - w);
  const dy = Math.max(0, y - t.bottom, t.top - y - h);
  // Centred on a field; at the top of a list or section taller than the pill.
  const level = t.top + Math.min(0, (t.bottom - t.top - h) / 2);
  return (
    Math.hypot(dx, dy) +
    (dy > 0 ? 10 : x + w <= t.left ? 6 : 0) +
    Math.abs(y - level) / 100 +
    Math.abs(x + w - t.right) / 1000 +
    align * Math.abs(x - t.left)
  );
}

/**
 * The best spot for a w × h box next to `target`, inside `bounds`, at least
 * `gap` from every obstacle; null when there is none scoring `within` or less.
 * `rings`: the boxes of the field's containers, innermost first: a spot in
 * the field's own table or panel is worth more than one as near elsewhere.
 * `align`: per px that the spot's left edge is off the target's (an open
 * card under its pill rather than anywhere along the band).
 */
export function findSpot(
  w: number,
  h: number,
  target: Box,
  obstacles: readonly Box[],
  bounds: Box,
  within = Infinity,
  rings: readonly Box[] = [],
  align = 0,
  gap = GAP,
): Box | null {
  if (w > bounds.right - bounds.left || h > bounds.bottom - bounds.top) return null;
  const lo = target.top - within - h - gap;
  const hi = target.bottom + within + h + gap;
  const near = obstacles.filter((o) => o.bottom > lo && o.top < hi).sort((a, b) => a.left - b.left);
  const tops = new Set<number>();
  // Whole pixels, rounded away from what they keep clear of.
  const addTop = (y: number) =>
    void tops.add(Math.min(Math.max(y, Math.ceil(bounds.top)), Math.floor(bounds.bottom - h)));
  addTop(Math.round((target.top + target.bottom - h) / 2));
  addTop(Math.round(target.top));
  addTop(Math.round(target.bottom - h));
  addTop(Math.floor(target.top - gap - h));
  addTop(Math.ceil(target.bottom + gap));
  for (const o of near) {
    addTop(Math.ceil(o.bottom + gap));
    addTop(Math.floor(o.top - gap - h));
  }
  let best: Box | null = null;
  let bestScore = within;
  for (const y of tops) {
    const consider = (a: number, b: number) => {
      a = Math.ceil(a);
      b = Math.floor(b);
      if (b - a < w) return;
      for (const want of [
        target.right + gap,
        target.left - gap - w,
        (target.left + target.right - w) / 2,
        target.left,
      ]) {
        const x = Math.min(Math.max(Math.round(want), a), b - w);
        // 30 px more for each of the field's containers (cell, row, table, panel…) the spot is outside of.
        let out = rings.findIndex((r) => r.left <= x && r.top <= y && r.right >= x + w && r.bottom >= y + h);
        if (out < 0) out = rings.length;
        const s = score(x, y, w, h, target, align) + out * 30;
        if (s <= bestScore) [bestScore, best] = [s, { left: x, top: y, right: x + w, bottom: y + h }];
      }
    };
    let from = bounds.left;
    for (const o of near) {
      if (o.bottom + gap <= y || o.top - gap >= y + h) continue;
      if (o.left - gap > from) consider(from, Math.min(o.left - gap, bounds.right));
      from = Math.max(from, o.right + gap);
    }
    consider(from, bounds.right);
  }
  return best;
}

/**
 * Where a box goes when no free space can hold it (an open card on a dense
 * screen, or a pill with no room anywhere): beside the pill, or anywhere in
 * the viewport on a 24 px grid, wherever it hides the least of the EHR's text,
 * controls and images (a px² of them counts as much as 1/20 px farther away),
 * and never over the boxes in `keep` (the pill, its field).
 */
export function leastCovering(
  w: number,
  h: number,
  pill: Box,
  keep: readonly Box[],
  obstacles: readonly Box[],
  bounds: Box,
): Box {
  const fit = (x: number, y: number): Box => {
    const left = Math.round(Math.max(bounds.left, Math.min(x, bounds.right - w)));
    const top = Math.round(Math.max(bounds.top, Math.min(y, bounds.bottom - h)));
    return { left, top, right: left + w, bottom: top + h };
  };
  const candidates = [
    fit(pill.left, pill.bottom + GAP),
    fit(pill.left, pill.top - GAP - h),
    fit(pill.right + GAP, pill.top),
    fit(pill.left - GAP - w, pill.top),
  ];
  for (let y = bounds.top; y < bounds.bottom - h + 24; y += 24)
    for (let x = bounds.left; x < bounds.right - w + 24; x += 24) candidates.push(fit(x, y));
  let best = candidates[0]!;
  let least = Infinity;
  for (const c of candidates) {
    if (keep.some((k) => meets(c, k))) continue;
    let cost =
      20 *
      (Math.max(0, c.left - pill.right, pill.left - c.right) + Math.max(0, c.top - pill.bottom, pill.top - c.bottom));
    for (const o of obstacles)
      cost +=
        Math.max(0, Math.min(c.right, o.right) - Math.max(c.left, o.left)) *
        Math.max(0, Math.min(c.bottom, o.bottom) - Math.max(c.top, o.top));
    if (cost < least) [least, best] = [cost, c];
  }
  return best;
}

/** Does the segment from (x1, y1) to (x2, y2), across or down, pass clear of every obstacle (by 1 px)? */
function open(x1: number, y1: number, x2: number, y2: number, obstacles: readonly Box[]): boolean {
  const b = {
    left: Math.min(x1, x2) - 1,
    top: Math.min(y1, y2) - 1,
    right: Math.max(x1, x2) + 1,
    bottom: Math.max(y1, y2) + 1,
  };
  return !obstacles.some((o) => meets(b, o, -0.5));
}

/**
 * The line joining a pill that could not sit right beside its field to the
 * field, as points [x1, y1, x2, y2, …]: straight down, up or across where the
 * two face each other; else across to a free column, along it, and across
 * into the pill; always through a gap between the EHR's boxes (a column's
 * padding, the space between rows) when there is one, else straight (or,
 * `straight` false, none: an open card far from its pill is not joined
 * across the EHR's text).
 */
export function tetherPath(pill: Box, field: Box, all: readonly Box[], straight = true): number[] {
  const obstacles = all.filter((o) => !meets(o, pill) && !meets(o, field));
  const fy = (field.top + field.bottom) / 2;
  const above = pill.bottom <= field.top;
  const py = above ? pill.bottom : pill.top;
  const fyEdge = above ? field.top : field.bottom;
  const xs: number[] = [];
  const lo = Math.max(pill.left, field.left) + 2;
  const hi = Math.min(pill.right, field.right) - 2;
  for (let x = lo; x <= hi; x += 2) xs.push(x);
  for (const x of xs.sort(
    (a, b) => Math.abs(a - (field.left + field.right) / 2) - Math.abs(b - (field.left + field.right) / 2),
  )) {
    if (open(x, py, x, fyEdge, obstacles)) return [x, py, x, fyEdge];
  }
  // A column to one side of the field, the nearest free one between the field and the pill's far side.
  const right = pill.left + pill.right > field.left + field.right;
  const from = right ? field.right + 2 : field.left - 2;
  const to = right ? pill.right - 2 : pill.left + 2;
  for (let x = from; right ? x <= to : x >= to; x += right ? 2 : -2) {
    const into = x > pill.left && x < pill.right ? x : right ? pill.left : pill.right;
    if (
      open(right ? field.right : field.left, fy, x, fy, obstacles) &&
      open(x, fy, x, py, obstacles) &&
      open(x, py, into, py, obstacles)
    )
      return [right ? field.right : field.left, fy, x, fy, x, py, into, py];
  }
  if (!straight) return [];
  const x1 = pill.right < field.left ? pill.right : pill.left;
  return [x1, py, x1 < field.left ? field.left : field.right, fyEdge];
}
