/**
 * Before sign-off: when the user clicks the EHR's sign / finalize / submit
 * control while errors remain, hold that one click and ask in place. "Sign
 * anyway" replays the click at once; "Review" shows the first error. Nothing
 * is blocked for good, and the prompt can be turned off in options.
 */
import { SIGNOFF_CSS } from '../../components/shadow-root-css';
import type { PaintKit } from './paint-kit';
import { keepRoot } from './roots';

export interface SignoffDeps {
  doc: Document;
  /** The EHR's sign controls on this screen now. */
  controls(): Element[];
  errors(): number;
  /** The encounter on the screen now (its hashed id). */
  encounter(): string;
  /** What the errors are now (encounter and error lines): a "sign anyway" holds while this stays the same. */
  signature(): string;
  enabled(): boolean;
  onSignedAnyway(errors: number, encounter: string): void;
  onReview(): void;
  signal: AbortSignal;
  /** The paint kit, which draws the prompt (in this frame once it showed warnings: errors are always painted). */
  kit(): PaintKit | undefined;
}

export function guardSignoff(deps: SignoffDeps) {
  const { doc } = deps;
  let passThrough = false;
  let host: HTMLElement | null = null;
  /** The errors the user chose to sign with: an EHR's own confirm step after its sign button is not asked about again. */
  let accepted: string | null = null;

  const close = () => {
    host?.remove();
    host = null;
  };

  function ask(control: HTMLElement, kit: PaintKit) {
    close();
    const errors = deps.errors();
    host = doc.createElement('dermlint-signoff');
    // Closed: the EHR page's script cannot reach the prompt's buttons (see SignoffPrompt).
    const root = host.attachShadow({ mode: 'closed' });
    keepRoot(host, root);
    const style = doc.createElement('style');
    style.textContent = SIGNOFF_CSS;
    const mount = doc.createElement('div');
    root.append(style, mount);
    const rect = control.getBoundingClientRect();
    const win = doc.defaultView!;
    host.style.left = `${Math.max(8, rect.left + win.scrollX)}px`;
    host.style.top = `${rect.bottom + win.scrollY + 6}px`;
    doc.documentElement.appendChild(host);
    // The EHR may re-render while the prompt is open (athenaNet rebuilds its page on every change):
    // then the control the user clicked is gone, and its counterpart on the page now is the one to use.
    const index = deps.controls().indexOf(control);
    const encounter = deps.encounter();
    const describe = (el: Element) =>
      `${el.tagName}|${el.getAttribute('name') ?? ''}|${el.getAttribute('data-identifier') ?? ''}|${(el.textContent ?? '').trim()}`;
    const original = describe(control);
    const current = (): HTMLElement | undefined => {
      // The EHR moved on to another encounter (single-page navigation): its sign control is not the one asked about.
      if (deps.encounter() !== encounter) return undefined;
      if (control.isConnected) return control;
      const now = deps.controls();
      const same = now.filter((c) => describe(c) === original);
      return (
        same.length === 1 ? same[0] : now[index] && describe(now[index]) === original ? now[index] : undefined
      ) as HTMLElement | undefined;
    };
    // The prompt holds focus while it is open (see SignoffPrompt); closing it gives focus back to the sign control.
    const closeAndReturn = () => {
      close();
      current()?.focus({ preventScroll: true });
    };
    kit.signoff(mount, {
      errors,
      onClose: closeAndReturn,
      onReview() {
        closeAndReturn();
        deps.onReview();
      },
      onSignAnyway() {
        const target = current();
        closeAndReturn();
        if (!target) return;
        deps.onSignedAnyway(errors, encounter);
        accepted = deps.signature();
        passThrough = true;
        try {
          target.click();
        } finally {
          passThrough = false;
        }
      },
    });
    // A sign button near the window's right edge (EMA's Finalize): keep the whole prompt on screen.
    const width = (mount.firstElementChild ?? mount).getBoundingClientRect().width;
    const right = win.scrollX + doc.documentElement.clientWidth - 8;
    if (rect.left + win.scrollX + width > right) host.style.left = `${Math.max(win.scrollX + 8, right - width)}px`;
  }

  const onClick = (event: Event) => {
    // A person's click only: one the page's script dispatches (el.click()) is the EHR's own business, not held or asked about.
    if (!event.isTrusted || passThrough || !deps.enabled() || deps.errors() === 0) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const control = deps.controls().find((c) => c === target || c.contains(target));
    if (!control) return;
    if (accepted !== null && accepted === deps.signature()) return;
    // Without the paint kit (it could not load) there is no prompt to ask in: the click goes through.
    const kit = deps.kit();
    if (!kit) return;
    // Hold this click only; the user decides in the prompt.
    event.preventDefault();
    event.stopImmediatePropagation();
    ask(control as HTMLElement, kit);
  };
  const win = doc.defaultView!;
  win.addEventListener('click', onClick, true);
  deps.signal.addEventListener('abort', () => {
    win.removeEventListener('click', onClick, true);
    close();
  });
}
