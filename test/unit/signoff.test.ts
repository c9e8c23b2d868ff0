/**
 * The sign-off check (lib/content/signoff.tsx) in happy-dom: it holds one click on the EHR's sign
 * control while errors remain, and "Sign anyway" signs the encounter that was asked about — on the
 * control the EHR shows now if it re-rendered, and never another encounter's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { guardSignoff } from '../../lib/content/signoff';
import { paintedRoot } from '../../lib/content/roots';
import { PAINT_KIT } from '../../lib/content/kit';

const windows: Window[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function setup() {
  const window = new Window({ url: 'https://ehr.example/visit' });
  windows.push(window);
  // The content script uses its realm's globals (in a browser, the page's window's).
  Object.assign(globalThis, { document: window.document, Node: window.Node, Element: window.Element });
  const doc = window.document as unknown as Document;
  const screen = { encounter: 'A', signedOff: [] as string[] };
  /** The EHR's sign button; re-rendering replaces it with a new element. */
  const renderButton = () => {
    doc.querySelector('button[name="SIGNOFF"]')?.remove();
    const b = doc.createElement('button');
    b.setAttribute('name', 'SIGNOFF');
    b.textContent = 'Sign Off';
    doc.body.appendChild(b);
  };
  // The EHR listens on the document, as the demo screens do.
  doc.addEventListener('click', (e) => {
    if ((e.target as Element).getAttribute?.('name') === 'SIGNOFF') screen.signedOff.push(screen.encounter);
  });
  renderButton();
  const recorded: [number, string][] = [];
  const controller = new AbortController();
  controllers.push(controller);
  guardSignoff({
    doc,
    controls: () => Array.from(doc.querySelectorAll('button[name="SIGNOFF"]')),
    errors: () => 1,
    encounter: () => screen.encounter,
    signature: () => `${screen.encounter}|0`,
    enabled: () => true,
    onSignedAnyway: (errors, encounter) => recorded.push([errors, encounter]),
    onReview: () => {},
    signal: controller.signal,
    kit: () => PAINT_KIT,
  });
  const button = () => doc.querySelector('button[name="SIGNOFF"]') as HTMLButtonElement;
  const host = () => doc.querySelector('dermlint-signoff');
  // The prompt's root is closed: the page sees none; dermlint keeps it.
  const prompt = () => (host() ? (paintedRoot(host()!)?.querySelector('.signoff') ?? null) : null);
  /** A person's click (trusted), as a browser dispatches it; happy-dom has no isTrusted, so it is set here. */
  const userClick = (el: Element) => {
    const event = new window.MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    el.dispatchEvent(event as unknown as Event);
  };
  const signAnyway = () => userClick(prompt()!.querySelector('button.anyway')!);
  return {
    screen,
    renderButton,
    recorded,
    button: () => ({ click: () => userClick(button()), element: button() }),
    prompt,
    host,
    signAnyway,
    userClick,
  };
}

describe('sign-off check', () => {
  it('acts on a person’s clicks only: the page’s script neither opens the prompt nor signs anyway, and finds no shadow root', () => {
    const s = setup();
    s.button().element.click(); // the page's own script: untrusted
    expect(s.host()).toBeNull();
    expect(s.screen.signedOff).toEqual(['A']); // the EHR's own business, not held
    s.button().click();
    expect(s.prompt()).not.toBeNull();
    expect(s.host()!.shadowRoot).toBeNull();
    (s.prompt()!.querySelector('button.anyway') as HTMLButtonElement).click(); // untrusted
    expect(s.prompt()).not.toBeNull();
    expect(s.recorded).toEqual([]);
    expect(s.screen.signedOff).toEqual(['A']);
    s.signAnyway();
    expect(s.recorded).toEqual([[1, 'A']]);
    expect(s.screen.signedOff).toEqual(['A', 'A']);
  });

  it('holds the click, then signs at once on "Sign anyway"', () => {
    const s = setup();
    s.button().click();
    expect(s.prompt()).not.toBeNull();
    expect(s.screen.signedOff).toEqual([]);
    s.signAnyway();
    expect(s.screen.signedOff).toEqual(['A']);
    expect(s.recorded).toEqual([[1, 'A']]);
    expect(s.prompt()).toBeNull();
  });

  it('signs with the control on the page now when the EHR re-rendered it while the prompt was open', () => {
    const s = setup();
    s.button().click();
    s.renderButton();
    s.signAnyway();
    expect(s.screen.signedOff).toEqual(['A']);
    expect(s.recorded).toEqual([[1, 'A']]);
  });

  it('signs nothing, and records nothing, when the screen moved on to another encounter meanwhile', () => {
    const s = setup();
    s.button().click();
    s.screen.encounter = 'B'; // single-page navigation to another visit, same sign button
    s.renderButton();
    s.signAnyway();
    expect(s.screen.signedOff).toEqual([]);
    expect(s.recorded).toEqual([]);
    expect(s.prompt()).toBeNull();
  });
});
