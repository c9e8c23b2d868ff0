/**
 * Paints findings beside the fields they concern, in a layer of dermlint's
 * own over the page: one `dermlint-layer` element appended to the document's
 * root, holding one `dermlint-warning` host per finding, each in its own
 * closed shadow root. Nothing is ever put inside the EHR's own elements, so
 * its DOM (and any selector a field map wrote against it) is the same with
 * and without dermlint, and a re-render of the EHR never takes a warning away.
 *
 * Each pill sits in free space next to its field (./placement): it covers no
 * text, control or image of the EHR, stays inside the viewport while the
 * field is in view, and follows scrolling (capture-phase listener, one
 * placement per frame), resizing and re-renders (ResizeObserver,
 * IntersectionObserver, the watcher's mutation records). A placement reads
 * every box first and then writes transforms only, in a ResizeObserver
 * callback (right after the browser's own layout: it forces none), and it is
 * incremental: a pill whose field did not move stays unless what the EHR just
 * added or changed draws under it, and a new pill is placed against what the
 * EHR draws near its field. On a 60-line screen, placing every pill against
 * every text box of the viewport after each edit was most of dermlint's cost
 * (npm run profile:page, docs/performance.md).
 *
 * The roots are closed: the EHR page's own script cannot read or click what is
 * inside (`host.shadowRoot` is null there). The hosts keep their data-dermlint-*
 * attributes for tests and assistive technology; dermlint keeps its roots here.
 */
import { render } from 'preact';
import type { Finding } from '../../rules/schema';
import type { ScreenAnchors } from '../../adapters/types';
import { InlineWarning, type FixHooks } from '../../components/InlineWarning';
import { WARNING_CSS } from '../../components/shadow-root-css';
import {
  clear,
  findSpot,
  GAP,
  leastCovering,
  meets,
  obstaclesIn,
  shownBox,
  tetherPath,
  tightBox,
  type Box,
} from './placement';
import { keepRoot } from './roots';

const LAYER_TAG = 'dermlint-layer';
export const WARNING_TAG = 'dermlint-warning';

/** Positioned at the document's origin, zero-sized: the pills scroll with the page for free. */
const LAYER_STYLE =
  'all:initial;display:block;position:absolute;left:0;top:0;width:0;height:0;z-index:2147482000;pointer-events:none';
/** How far (scored px, see placement.ts) a pill may sit from its field on the first, narrow search. */
const NEAR = 40;

/** The field each warning is painted beside (for tests). */
const targets = new WeakMap<Element, Element>();

/** The EHR element a warning host is painted beside. */
export const targetOf = (host: Element): Element | undefined => targets.get(host);

function hasArea(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/**
 * The element a finding is about: its field's, else its line's code, else the line; encounter-level ones
 * by the payer, the diagnosis list or the header. `fallback`: where it goes instead if the field turns out
 * to have no box (EMA's pointer chips of a line with no diagnosis to point at), which is only known once
 * the page is laid out: the placement checks (no layout is forced in the read's task).
 */
function targetFor(f: Finding, anchors: ScreenAnchors): { target: Element; fallback?: Element } | undefined {
  if (f.line !== null) {
    const row = anchors.lines[f.line];
    if (!row) return undefined;
    const field = f.field && f.field !== 'payer' ? f.field : 'code';
    const shown = anchors.field?.(f.line, field);
    const code = anchors.field?.(f.line, 'code') ?? row;
    return shown && shown !== code ? { target: shown, fallback: code } : { target: code };
  }
  const target =
    (f.field === 'payer' ? anchors.payer : undefined) ??
    (f.field === 'dx' || f.rule.startsWith('dx-') ? anchors.diagnoses : undefined) ??
    anchors.header ??
    anchors.diagnoses;
  return target ? { target } : undefined;
}

interface Painted {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element it is painted beside: `wanted`, or its fallback when that has no box. */
  target: Element;
  wanted: Element;
  /** Where it goes if `wanted` has no box; checked (and cleared) by the next placement. */
  fallback?: Element;
  /** The pill's last spot relative to its field's box, tried first next time (pills do not hop about as the page scrolls). */
  offset?: [number, number];
  /** Where the last placement put the pill, for the field's box then: kept while both hold (./placement is not run again). */
  placed?: { field: Box; w: number; h: number; spot: Box; bar: Box | null } | null;
  /** The mark under the field and the line to a pill that could not sit next to it. */
  mark: HTMLElement;
  tether: SVGElement;
  /** Opens its card (dermlint itself, for the review panel's "show on screen"). */
  open(): void;
}

/** `fixes`: a finding's one-click fixes, offered in its open card (lib/content/fix.ts). */
export function createPainter(doc: Document, fixes?: (f: Finding) => FixHooks | undefined) {
  const win = doc.defaultView!;
  const painted = new Map<string, Painted>();
  let layer: HTMLElement | null = null;
  let uid = 0;
  let frame = 0;
  /** The viewport and the layer's origin at the last placement: when they change (scroll, resize), every pill is placed again. */
  let lastFrame = '';
  let listening = false;
  /**
   * What the EHR changed since the last placement (added nodes, changed attributes and text), to
   * check the pills that stay against: null when unknown (every pill is placed again).
   */
  let changed: Node[] | null = null;
  /** The painted warnings in the order of their fields on the page: placed in that order. */
  let ordered: Painted[] = [];

  const resizes = win.ResizeObserver ? new win.ResizeObserver(() => place()) : null;
  /**
   * Places the pills once the page is next laid out: in a ResizeObserver's callback, which the browser runs
   * right after its own layout and before it paints the frame, so reading boxes there forces no layout of
   * the EHR's page (a fresh observation of the document's root is always delivered); in a frame callback
   * where there is no ResizeObserver.
   */
  const schedule = () => {
    if (!painted.size) return;
    if (resizes && listening) {
      resizes.unobserve(doc.documentElement);
      resizes.observe(doc.documentElement);
    } else if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), place()));
  };
  /**
   * Whether each field is in sight, clipped by no scroll container (the browser says so as it draws a
   * frame: no hit test of ours, which on a page of thousands of rows would cost hundreds of ms).
   */
  const inSight = new WeakMap<Element, boolean>();
  const sightings = win.IntersectionObserver
    ? new win.IntersectionObserver(
        (entries) => {
          for (const e of entries) inSight.set(e.target, e.isIntersecting);
          schedule();
        },
        { threshold: [0, 1] },
      )
    : null;
  function listen(on: boolean) {
    if (on === listening) return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    doc[method]('scroll', schedule, { capture: true, passive: true });
    win[method]('resize', schedule);
    if (on) {
      resizes?.observe(doc.documentElement);
      if (doc.body) resizes?.observe(doc.body);
    } else {
      resizes?.disconnect();
      sightings?.disconnect();
    }
  }
  const watch = (el: Element, on: boolean) => {
    if (on) {
      resizes?.observe(el);
      sightings?.observe(el);
    } else {
      resizes?.unobserve(el);
      sightings?.unobserve(el);
    }
  };

  const keyOf = (f: Finding) => `${f.rule}|${f.line}|${f.severity}|${f.message}|${f.fix ?? ''}`;

  function createHost(f: Finding, why: string | undefined, target: Element, fallback?: Element): Painted {
    const host = doc.createElement(WARNING_TAG);
    host.setAttribute('data-dermlint-rule', f.rule);
    host.setAttribute('data-dermlint-line', f.line === null ? 'encounter' : String(f.line));
    host.setAttribute('data-dermlint-severity', f.severity);
    // Out of sight until its first placement puts it beside its field.
    host.setAttribute('style', 'position:absolute;left:0;top:0;width:max-content;pointer-events:none;opacity:0');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = WARNING_CSS;
    const mount = doc.createElement('div');
    const mark = doc.createElement('i');
    mark.className = 'mark';
    const tether = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'tether');
    svg.append(tether);
    root.append(style, mark, svg, mount);
    const id = String(++uid);
    let openRequest = 0;
    // Preact renders text nodes: page or finding strings are never parsed as HTML.
    const fix = fixes?.(f);
    const draw = () =>
      render(<InlineWarning finding={f} why={why} uid={id} openRequest={openRequest} fix={fix} />, mount);
    const p: Painted = {
      host,
      root,
      target,
      wanted: target,
      fallback,
      mark,
      tether,
      open: () => ((openRequest += 1), draw()),
    };
    targets.set(host, target);
    keepRoot(host, root);
    watch(target, true);
    draw();
    // The card opening, closing or changing is placed before it is drawn (a mutation record comes before the frame).
    new win.MutationObserver(() => place()).observe(mount, { childList: true, subtree: true, characterData: true });
    // A pill reached by Tab whose field is out of view brings the field into view (the placement then shows the pill beside it).
    host.addEventListener('focusin', (e) => {
      if (e.isTrusted && host.style.opacity === '0') p.target.scrollIntoView({ block: 'center', inline: 'nearest' });
    });
    return p;
  }

  function retarget(p: Painted, target: Element) {
    if (p.target === target) return;
    watch(p.target, false);
    p.target = target;
    targets.set(p.host, target);
    watch(target, true);
  }

  function removeEntry(key: string) {
    const p = painted.get(key);
    if (!p) return;
    painted.delete(key);
    ordered = ordered.filter((x) => x !== p);
    watch(p.target, false);
    p.host.remove();
  }

  /** The hosts in the order of their fields on the page, so Tab reaches them line by line (a focused one is never moved). */
  function order(list: Painted[]) {
    ordered = list;
    list.sort((a, b) => (a.target.compareDocumentPosition(b.target) & 2 ? 1 : -1));
    list.forEach((p, i) => {
      const at = layer!.children[i];
      if (at !== p.host && !p.host.matches(':focus-within')) layer!.insertBefore(p.host, at ?? null);
    });
  }

  /**
   * Puts every pill beside its field. Reads first (the viewport, each field's box and whether it
   * is in view, each pill's and open card's size, and what the EHR draws where), then writes
   * transforms and the marks' boxes only.
   *
   * Incremental: a pill whose field has the same box as when it was placed, with the same size and
   * no open card, stays where it is, unless what the EHR changed since (`changed`) now draws there.
   * Only the other pills are placed, against what the EHR draws near their fields (the whole
   * viewport only when no spot is free close by). A scroll or resize places every pill again.
   */
  function place() {
    if (!layer?.isConnected || painted.size === 0) return;
    const root = doc.compatMode === 'BackCompat' && doc.body ? doc.body : doc.documentElement;
    const view: Box = { left: 2, top: 2, right: root.clientWidth - 2, bottom: root.clientHeight - 2 };
    const origin = layer.getBoundingClientRect();
    for (const p of ordered)
      if (p.fallback) {
        if (!hasArea(p.target)) retarget(p, p.fallback);
        p.fallback = undefined;
      }
    const seen = ordered.map((p) => {
      const shown = inSight.get(p.target) !== false ? shownBox(p.target, view) : null;
      const card = p.root.querySelector('.card');
      const size = p.host.getBoundingClientRect();
      return {
        p,
        field: shown && tightBox(p.target, shown),
        w: Math.ceil(size.width),
        h: Math.ceil(size.height),
        card: card && card.getBoundingClientRect(),
        away: p.target.isConnected ? p.target.getBoundingClientRect() : null,
      };
    });
    const frameKey = `${view.right} ${view.bottom} ${origin.left} ${origin.top}`;
    const since = frameKey === lastFrame ? changed : null;
    lastFrame = frameKey;
    changed = [];
    const same = (a: Box, b: Box) =>
      a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
    let kept = seen.filter(
      (s) =>
        since &&
        s.field &&
        !s.card &&
        s.p.placed &&
        s.w === s.p.placed.w &&
        s.h === s.p.placed.h &&
        same(s.p.placed.field, s.field),
    );
    if (kept.length && since!.length) {
      // The EHR drew something new: does it sit under a pill that stays?
      const at = kept.map((s) => s.p.placed!);
      const region = at.reduce(
        (u, b) => ({
          left: Math.min(u.left, b.spot.left),
          top: Math.min(u.top, b.spot.top),
          right: Math.max(u.right, b.spot.right),
          bottom: Math.max(u.bottom, b.bar?.bottom ?? b.spot.bottom),
        }),
        { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity },
      );
      const there = obstaclesIn(doc, region, since!);
      if (there.length)
        kept = kept.filter(
          (s) => clear(s.p.placed!.spot, there, 0) && (!s.p.placed!.bar || clear(s.p.placed!.bar, there, 0)),
        );
    }
    const stays = new Set(kept);
    /** The pills' spots and marks (those that stay, then each placed below): kept clear of one another. */
    const ours: Box[] = kept.flatMap((s) =>
      s.p.placed!.bar ? [s.p.placed!.spot, s.p.placed!.bar] : [s.p.placed!.spot],
    );
    /** What the EHR draws in the viewport, read once and only if a pill needs it. */
    let everything: Box[] | null = null;
    const all = () => (everything ??= obstaclesIn(doc, view));
    // More than a few pills to place (the first paint, a scroll): the viewport is read once for all of them.
    if (seen.filter((s) => s.field && !stays.has(s)).length > 3) all();
    const writes: (() => void)[] = [];
    for (const s of seen) {
      if (stays.has(s)) continue;
      const { p, field, w, h } = s;
      const move = (x: number, y: number, shown: boolean) =>
        writes.push(() => {
          p.host.style.transform = `translate(${x - origin.left}px,${y - origin.top}px)`;
          p.host.style.opacity = shown ? '' : '0';
          p.host.style.pointerEvents = shown ? 'auto' : 'none';
          p.host.style.zIndex = s.card ? '1' : '';
        });
      p.placed = null;
      if (!field) {
        // Out of view: kept in the tab order, invisible, where its field is (within the page); a field gone, where it was.
        const x = s.away ? Math.max(origin.left, Math.min(s.away.left, origin.left + root.scrollWidth - w)) : NaN;
        const y = s.away ? Math.max(origin.top, Math.min(s.away.top, origin.top + root.scrollHeight - h)) : NaN;
        if (s.away) move(x, y, false);
        else writes.push(() => ((p.host.style.opacity = '0'), (p.host.style.pointerEvents = 'none')));
        continue;
      }
      // First what the EHR draws close to the field: enough for a spot within NEAR of it (and its mark).
      const reach = NEAR + GAP * 2;
      const near: Box = {
        left: Math.max(view.left, field.left - reach - w),
        top: Math.max(view.top, field.top - reach - h),
        right: Math.min(view.right, field.right + reach + w),
        bottom: Math.min(view.bottom, field.bottom + reach + h),
      };
      let obstacles = (everything ?? obstaclesIn(doc, near)).filter((o) => meets(o, near)).concat(ours);
      let spot: Box | null = null;
      if (p.offset) {
        // The last spot again, if it is still free, in view and close to the field.
        const [ox, oy] = p.offset;
        const again = {
          left: field.left + ox,
          top: field.top + oy,
          right: field.left + ox + w,
          bottom: field.top + oy + h,
        };
        const inside =
          again.left >= view.left && again.right <= view.right && again.top >= view.top && again.bottom <= view.bottom;
        const gap =
          Math.max(0, again.left - field.right, field.left - again.right) +
          Math.max(0, again.top - field.bottom, field.top - again.bottom);
        if (inside && gap <= NEAR && clear(again, obstacles)) spot = again;
      }
      spot ??= findSpot(w, h, field, obstacles, view, NEAR);
      // A line from a pill that could not sit right next to its field.
      const far = (a: Box, b: Box) =>
        Math.max(0, a.left - b.right, b.left - a.right) + Math.max(0, a.top - b.bottom, b.top - a.bottom) > GAP * 3;
      // No room close by (a dense table) or an open card: what the EHR draws in the whole viewport (a line from a
      // spot found close by runs between it and the field, inside the region read).
      if (!spot || s.card) obstacles = all().concat(ours);
      // No room close by: the nearest free spot, preferably inside the field's own
      // table, list or panel, so that a warning does not land in another part of the screen.
      if (!spot) {
        const rings: Box[] = [];
        for (let a = p.target.parentElement; a && a !== doc.body; a = a.parentElement) {
          const r = a.getBoundingClientRect();
          const last = rings[rings.length - 1];
          if (!last || r.width > last.right - last.left || r.height > last.bottom - last.top) rings.push(r);
        }
        spot = findSpot(w, h, field, obstacles, view, Infinity, rings);
      }
      spot ??= leastCovering(w, h, field, [field], obstacles, view);
      p.offset = [spot.left - field.left, spot.top - field.top];
      obstacles.push(spot);
      ours.push(spot);
      // The field's mark (a bar under it, where that covers nothing), unless it is a list or section.
      const bar: Box = { left: field.left, top: field.bottom + 1, right: field.right, bottom: field.bottom + 4 };
      const barShown = field.bottom - field.top < 48 && clear(bar, obstacles, 0);
      if (barShown) {
        obstacles.push(bar);
        ours.push(bar);
      }
      let line = far(spot, field) ? tetherPath(spot, field, obstacles) : [];
      let cardAt: Box | null = null;
      if (s.card) {
        // An open card: in free space too (joined to its pill by a line when not beside it), else where it hides the least.
        const pill = spot;
        const cw = Math.ceil(s.card.width);
        const ch = Math.ceil(s.card.height);
        cardAt =
          findSpot(cw, ch, pill, obstacles.concat(field), view, Infinity, [], 0.1) ??
          leastCovering(cw, ch, pill, [field, pill], obstacles, view);
        if (far(cardAt, pill)) line = line.concat(NaN, NaN, tetherPath(cardAt, pill, obstacles, false));
      } else p.placed = { field, w, h, spot, bar: barShown ? bar : null };
      move(spot.left, spot.top, true);
      writes.push(() => {
        const rel = (v: number, o: number) => `${Math.round(v - o)}px`;
        p.mark.style.cssText = barShown
          ? `left:${rel(bar.left, spot.left)};top:${rel(bar.top, spot.top)};width:${Math.round(bar.right - bar.left)}px`
          : 'display:none';
        // One path: the field's line, then (after a break) the open card's.
        p.tether.setAttribute(
          'd',
          line
            .map(
              (v, i) =>
                (i % 2 ? '' : isNaN(v) ? '' : i && !isNaN(line[i - 2]!) ? 'L' : 'M') +
                (isNaN(v) ? '' : Math.round(v - (i % 2 ? spot.top : spot.left))),
            )
            .join(' '),
        );
        if (cardAt) {
          p.host.style.setProperty('--dl-cx', rel(cardAt.left, spot.left));
          p.host.style.setProperty('--dl-cy', rel(cardAt.top, spot.top));
        }
      });
    }
    for (const write of writes) write();
  }

  return {
    /** Show exactly these findings; keeps hosts that still apply (and their open/closed state), beside their fields as the screen has them now. */
    paint(findings: Finding[], anchors: ScreenAnchors, why: Record<string, string> = {}) {
      const wanted = new Map<string, { finding: Finding; target: Element; fallback?: Element }>();
      for (const f of findings) {
        const at = targetFor(f, anchors);
        if (at) wanted.set(keyOf(f), { finding: f, ...at });
      }
      for (const key of [...painted.keys()]) if (!wanted.has(key)) removeEntry(key);
      if (wanted.size === 0) return listen(false);
      if (!layer) {
        layer = doc.createElement(LAYER_TAG);
        layer.setAttribute('style', LAYER_STYLE);
      }
      if (!layer.isConnected) doc.documentElement.appendChild(layer);
      listen(true);
      for (const [key, { finding, target, fallback }] of wanted) {
        const p = painted.get(key);
        if (!p) painted.set(key, createHost(finding, why[finding.rule], target, fallback));
        else if (p.wanted !== target || !p.target.isConnected) {
          p.wanted = target;
          p.fallback = fallback;
          retarget(p, target);
        }
      }
      order([...painted.values()]);
      // Placed in the next frame's callback, with the EHR's own re-render laid out by then: one layout, outside the read's task.
      schedule();
    },
    /** Every painted warning's field is still on the page (the EHR did not re-render it away), and so is the layer. */
    intact(): boolean {
      if (painted.size && !layer?.isConnected) return false;
      for (const p of painted.values()) if (!p.target.isConnected) return false;
      return true;
    },
    /**
     * The page's layout may have changed (the watcher saw the EHR's DOM change): place again in the
     * next frame. `nodes`: what the EHR added or changed (the pills that stay are checked against
     * what these draw); none given, every pill is placed again.
     */
    relayout(nodes?: readonly Node[]) {
      if (!nodes || !changed || changed.length + nodes.length > 1000) changed = null;
      else changed.push(...nodes);
      schedule();
    },
    clear() {
      for (const key of [...painted.keys()]) removeEntry(key);
      layer?.remove();
      listen(false);
    },
    /** Opens the card of a line's (null: the encounter's) first warning. */
    open(line: number | null) {
      ordered
        .find((p) => p.host.getAttribute('data-dermlint-line') === (line === null ? 'encounter' : String(line)))
        ?.open();
    },
    get count() {
      return painted.size;
    },
  };
}
