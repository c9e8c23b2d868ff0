/**
 * dermlint paints into CLOSED shadow roots, so the EHR page's own script cannot
 * read or click what is inside. The tests still need to look in, as DevTools or
 * a screen reader can: over the DevTools protocol (DOM.describeNode with
 * pierce reports closed roots too) each host's root is handed to the frame's
 * main world, and `Element.prototype.shadowRoot` there answers with it, so
 * the tests' own evaluations (and axe-core) read the roots as before. Only the
 * tests that call this do so; the forgery test (forgery.test.ts) checks the
 * page as it is: `host.shadowRoot === null`. Hosts are painted anew as the
 * screen changes: call it right before each look.
 */
import type { CDPSession, ElementHandle, Frame, Page } from 'puppeteer-core';

export const PAINTED = 'dermlint-warning, dermlint-status, dermlint-signoff';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** Installed in the frame's main world, with `this` = a host and its closed root as argument. */
const INSTALL = `function (root) {
  const w = this.ownerDocument.defaultView;
  if (!w.__dermlintTestRoots) {
    const roots = new WeakMap();
    const own = Object.getOwnPropertyDescriptor(w.Element.prototype, 'shadowRoot');
    Object.defineProperty(w, '__dermlintTestRoots', { value: roots });
    Object.defineProperty(w.Element.prototype, 'shadowRoot', {
      configurable: true,
      enumerable: own.enumerable,
      get() { return own.get.call(this) ?? roots.get(this) ?? null; },
    });
  }
  w.__dermlintTestRoots.set(this, root);
}`;

/** Hands the closed roots of dermlint's hosts in `frame` to its main world; how many. */
export async function exposeShadowRoots(frame: Frame): Promise<number> {
  const page = frame.page();
  let ready = sessions.get(page);
  if (!ready) sessions.set(page, (ready = page.createCDPSession()));
  const cdp = await ready;
  const hosts = await frame.$$(PAINTED).catch(() => [] as ElementHandle[]);
  let exposed = 0;
  const objectGroup = 'dermlint-test-roots';
  try {
    for (const host of hosts) {
      try {
        const backendNodeId = await host.backendNodeId();
        const { node } = await cdp.send('DOM.describeNode', { backendNodeId, depth: 1, pierce: true });
        const root = node.shadowRoots?.[0];
        if (!root) continue;
        const { object: hostObject } = await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup });
        const { object: rootObject } = await cdp.send('DOM.resolveNode', {
          backendNodeId: root.backendNodeId,
          objectGroup,
        });
        await cdp.send('Runtime.callFunctionOn', {
          objectId: hostObject.objectId,
          functionDeclaration: INSTALL,
          arguments: [{ objectId: rootObject.objectId }],
        });
        exposed++;
      } catch {
        // The host went away meanwhile (a repaint): the next look finds its successor.
      }
    }
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => {});
    await Promise.all(hosts.map((h) => h.dispose().catch(() => {})));
  }
  return exposed;
}

/** The first element matching `selector` inside dermlint's painted roots in `frame` (exposed first), or null. */
export async function inPainted(
  frame: Frame,
  selector: string,
  hostSelector = PAINTED,
): Promise<ElementHandle<Element> | null> {
  await exposeShadowRoots(frame);
  const handle = await frame.evaluateHandle(
    (hosts: string, inner: string) => {
      for (const host of Array.from(document.querySelectorAll(hosts))) {
        const found = host.shadowRoot?.querySelector(inner);
        if (found) return found;
      }
      return null;
    },
    hostSelector,
    selector,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) await handle.dispose();
  return el;
}

/** Waits for `selector` inside dermlint's painted roots (a real, trusted click can then be made on it). */
export async function waitInPainted(
  frame: Frame,
  selector: string,
  timeout = 10_000,
  hostSelector = PAINTED,
): Promise<ElementHandle<Element>> {
  const start = Date.now();
  for (;;) {
    const el = await inPainted(frame, selector, hostSelector).catch(() => null);
    if (el) return el;
    if (Date.now() - start > timeout) throw new Error(`nothing matches ${selector} inside dermlint's painted roots`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many elements match `selector` inside dermlint's painted roots. */
export async function countInPainted(frame: Frame, selector: string): Promise<number> {
  await exposeShadowRoots(frame);
  return frame.evaluate(
    (hosts: string, inner: string) =>
      Array.from(document.querySelectorAll(hosts)).reduce(
        (n, h) => n + (h.shadowRoot?.querySelectorAll(inner).length ?? 0),
        0,
      ),
    PAINTED,
    selector,
  );
}
