/**
 * What the content script paints with: the warnings through the paint kit
 * (lib/content/painter.tsx, loaded into this frame when it first shows an
 * encounter: paint-kit.ts), and itself the quiet note that a screen could
 * not be read. Until the kit is in, the last findings asked for wait (the
 * freshest ones are painted when it comes); if it cannot come, the note says
 * so and the review panel still lists every finding.
 */
import type { Finding } from '../../rules/schema';
import type { ScreenAnchors } from '../../adapters/types';
import { STATUS_CSS } from '../../components/shadow-root-css';
import type { PaintKit } from './paint-kit';
import type { FixHooks } from '../../components/InlineWarning';
import { keepRoot, paintedRoot } from './roots';

const STATUS_TAG = 'dermlint-status';

export interface Painter {
  /** Show exactly these findings beside their fields. */
  paint(findings: Finding[], anchors: ScreenAnchors, why?: Record<string, string>): void;
  /** Every warning's field is still on the page (false while findings wait for the kit). */
  intact(): boolean;
  /** The page may have moved: place the warnings again (next frame); `nodes`: what the EHR added or changed, if known. */
  relayout(nodes?: readonly Node[]): void;
  /** Opens the card of a line's (null: the encounter's) first warning, as the review panel's "show on screen" asks. */
  open(line: number | null): void;
  clear(): void;
  showStatus(text: string): void;
  clearStatus(): void;
  readonly count: number;
  /** The screen shows an encounter: have the kit come now, so the first answer is painted without waiting for it. */
  prepare(): void;
}

type KitPainter = ReturnType<PaintKit['createPainter']>;

/** `kit.fixes`: a finding's one-click fixes (lib/content/fix.ts), offered in its open card. */
export function createShell(
  doc: Document,
  kit: { now(): PaintKit | undefined; load(): Promise<unknown>; fixes?: (f: Finding) => FixHooks | undefined },
): Painter {
  let painter: KitPainter | undefined;
  let waiting: [Finding[], ScreenAnchors, Record<string, string> | undefined] | null = null;
  let loading: Promise<void> | null = null;
  let statusHost: HTMLElement | null = null;

  const real = () => (painter ??= kit.now()?.createPainter(doc, kit.fixes));
  const NO_KIT = 'dermlint could not draw its warnings on this screen; its review panel lists them.';
  /** Asks for the kit once per document; findings waiting meanwhile are painted when it comes (or the note says why not). */
  function prepare(): Promise<void> {
    return (loading ??= (async () => {
      try {
        if (!real()) await kit.load();
      } catch {
        // Said below.
      }
      const w = waiting;
      waiting = null;
      if (w && real()) painter!.paint(...w);
      else if (w) shell.showStatus(NO_KIT);
    })());
  }

  const shell: Painter = {
    paint(findings, anchors, why) {
      shell.clearStatus();
      if (real()) return painter!.paint(findings, anchors, why);
      waiting = findings.length ? [findings, anchors, why] : null;
      // The kit was asked for and did not come: say so rather than wait.
      if (waiting && loading && !kit.now())
        void loading.then(() => waiting && ((waiting = null), shell.showStatus(NO_KIT)));
      else if (waiting) void prepare();
    },
    intact: () => !waiting && (painter?.intact() ?? true),
    relayout: (nodes) => painter?.relayout(nodes),
    open: (line) => painter?.open(line),
    clear() {
      waiting = null;
      painter?.clear();
      shell.clearStatus();
    },
    showStatus(text) {
      if (!statusHost) {
        statusHost = doc.createElement(STATUS_TAG);
        const root = statusHost.attachShadow({ mode: 'closed' });
        keepRoot(statusHost, root);
        const style = doc.createElement('style');
        style.textContent = STATUS_CSS;
        const box = doc.createElement('div');
        box.className = 'status';
        box.setAttribute('role', 'status');
        root.append(style, box);
        doc.documentElement.appendChild(statusHost);
      }
      // Text, never markup.
      paintedRoot(statusHost)!.lastChild!.textContent = text;
    },
    clearStatus() {
      statusHost?.remove();
      statusHost = null;
    },
    get count() {
      return painter?.count ?? waiting?.[0].length ?? 0;
    },
    prepare: () => void prepare(),
  };
  return shell;
}
