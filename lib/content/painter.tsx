/**
 * Paints findings next to the lines they concern, each in its own shadow
 * root, and removes them the moment they no longer apply. Hosts are absolutely
 * positioned so the EHR's layout never moves; a line's warnings share one
 * container placed at the end of the line's first cell.
 */
import { render } from 'preact';
import type { Finding } from '../../rules/schema';
import type { ScreenAnchors } from '../../adapters/types';
import { InlineWarning, type FixHooks } from '../../components/InlineWarning';
import { WARNING_CSS } from '../../components/styles';
import { settle, slotFor, type Placed } from './placement';

export const LINE_TAG = 'dermlint-line';
export const WARNING_TAG = 'dermlint-warning';
export const STATUS_TAG = 'dermlint-status';

/** Is this node one of ours (so the watcher can ignore its own mutations)? */
export function isOurs(node: Node): boolean {
  return node.nodeName.startsWith('DERMLINT-');
}

const CONTAINER_STYLE = 'position:absolute;z-index:2147482000;display:flex;flex-direction:row;flex-wrap:wrap;align-items:flex-start;gap:3px;margin:0;pointer-events:auto;';

interface Painted {
  host: HTMLElement;
  container: HTMLElement;
  anchor: Element;
}

let uidCounter = 0;

/** `fixes`: a finding's one-click fixes, offered in its open card (lib/content/fix.ts). */
export function createPainter(doc: Document, fixes?: (f: Finding) => FixHooks | undefined) {
  const painted = new Map<string, Painted>();
  let statusHost: HTMLElement | null = null;
  let front: HTMLElement | null = null;
  /** Containers put in during this paint, settled once all of them are in (see placement.ts). */
  let unsettled: Placed[] = [];

  /**
   * Keeps the pills of containers just put in inside their cell, so they never cover the line's
   * controls: all widths read first (one layout for the whole paint, not one per line), then written.
   */
  function fitToCells(placed: readonly Placed[]) {
    const widths = placed.map(({ slot }) => slot.getBoundingClientRect().width);
    placed.forEach(({ container }, i) => {
      const width = widths[i]!;
      if (width > 40) {
        container.style.setProperty('--dl-max', `${Math.max(72, Math.floor(width) - 6)}px`);
        container.style.maxWidth = `${Math.max(72, Math.floor(width) - 6)}px`;
      }
    });
  }

  const keyOf = (f: Finding) => `${f.rule}|${f.line}|${f.severity}|${f.message}|${f.fix ?? ''}`;

  function anchorFor(f: Finding, anchors: ScreenAnchors): Element | undefined {
    if (f.line !== null) return anchors.lines[f.line];
    return (f.rule.startsWith('dx-') ? anchors.diagnoses : undefined) ?? anchors.header ?? anchors.diagnoses;
  }

  /** Where a line's warnings go: a cell of the line with no control in it (see placement.ts). */
  function containerFor(anchor: Element): HTMLElement {
    const slot = slotFor(anchor);
    for (const child of Array.from(slot.children)) if (child.tagName === 'DERMLINT-LINE') return child as HTMLElement;
    const container = doc.createElement(LINE_TAG);
    container.setAttribute('style', CONTAINER_STYLE);
    slot.insertBefore(container, slot.firstChild);
    unsettled.push({ anchor, slot, container });
    // The line being read comes to the front, so its open card is not drawn under the next line's pills.
    const toFront = () => {
      if (front && front !== container) front.style.zIndex = '2147482000';
      container.style.zIndex = '2147483000';
      front = container;
    };
    container.addEventListener('click', toFront);
    container.addEventListener('focusin', toFront);
    return container;
  }

  function createHost(f: Finding, why: string | undefined, compact: boolean): HTMLElement {
    const host = doc.createElement(WARNING_TAG);
    host.setAttribute('data-dermlint-rule', f.rule);
    host.setAttribute('data-dermlint-line', f.line === null ? 'encounter' : String(f.line));
    host.setAttribute('data-dermlint-severity', f.severity);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = WARNING_CSS;
    root.appendChild(style);
    const mount = doc.createElement('div');
    root.appendChild(mount);
    // Preact renders text nodes: page or finding strings are never parsed as HTML.
    render(<InlineWarning finding={f} why={why} uid={String(++uidCounter)} compact={compact} fix={fixes?.(f)} />, mount);
    return host;
  }

  function removeEntry(key: string) {
    const entry = painted.get(key);
    if (!entry) return;
    painted.delete(key);
    entry.host.remove();
    if (entry.container.childElementCount === 0) entry.container.remove();
  }

  return {
    /** Show exactly these findings; keeps hosts that still apply (and their open/closed state). */
    paint(findings: Finding[], anchors: ScreenAnchors, why: Record<string, string> = {}) {
      this.clearStatus();
      const wanted = new Map<string, { finding: Finding; anchor: Element }>();
      for (const f of findings) {
        const anchor = anchorFor(f, anchors);
        if (anchor) wanted.set(keyOf(f), { finding: f, anchor });
      }
      for (const [key, entry] of painted) {
        const want = wanted.get(key);
        if (!want || want.anchor !== entry.anchor || !entry.host.isConnected || !entry.anchor.contains(entry.host)) removeEntry(key);
      }
      for (const [key, { finding, anchor }] of wanted) {
        if (painted.has(key)) continue;
        const container = containerFor(anchor);
        const host = createHost(finding, why[finding.rule], container.childElementCount > 0);
        container.appendChild(host);
        painted.set(key, { host, container, anchor });
      }
      // Widths first (fitToCells), so that settle() measures the containers as they will be drawn.
      fitToCells(unsettled);
      settle(unsettled);
      unsettled = [];
    },
    /** Every painted host is still in the page, inside its anchor. */
    intact(): boolean {
      for (const entry of painted.values()) if (!entry.host.isConnected || !entry.anchor.contains(entry.host)) return false;
      return true;
    },
    clear() {
      for (const key of [...painted.keys()]) removeEntry(key);
      this.clearStatus();
    },
    /** A quiet note that the screen could not be read (no guessing). */
    showStatus(text: string) {
      if (!statusHost) {
        statusHost = doc.createElement(STATUS_TAG);
        const root = statusHost.attachShadow({ mode: 'open' });
        const style = doc.createElement('style');
        style.textContent = WARNING_CSS;
        const box = doc.createElement('div');
        box.className = 'status';
        box.setAttribute('role', 'status');
        root.append(style, box);
        doc.documentElement.appendChild(statusHost);
      }
      const box = statusHost.shadowRoot!.querySelector('.status')!;
      box.textContent = text;
    },
    clearStatus() {
      statusHost?.remove();
      statusHost = null;
    },
    get count() {
      return painted.size;
    },
  };
}

export type Painter = ReturnType<typeof createPainter>;
