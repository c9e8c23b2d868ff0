/** Scrolls the EHR to a line and outlines it briefly, without touching the EHR's own styles (the outline is dermlint's own element). */

const HIGHLIGHT_TAG = 'dermlint-highlight';

export function revealElement(doc: Document, el: Element): void {
  el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  doc.querySelectorAll(HIGHLIGHT_TAG).forEach((h) => h.remove());
  const rect = el.getBoundingClientRect();
  const box = doc.createElement(HIGHLIGHT_TAG);
  const win = doc.defaultView!;
  box.setAttribute(
    'style',
    `position:absolute;pointer-events:none;z-index:2147483000;left:${rect.left + win.scrollX - 3}px;top:${rect.top + win.scrollY - 3}px;` +
      `width:${rect.width + 6}px;height:${rect.height + 6}px;outline:3px solid #0b5cad;border-radius:4px;box-shadow:0 0 0 6px rgb(11 92 173 / .25);transition:opacity .6s;`,
  );
  box.setAttribute('aria-hidden', 'true');
  doc.documentElement.appendChild(box);
  win.setTimeout(() => (box.style.opacity = '0'), 1800);
  win.setTimeout(() => box.remove(), 2500);
}
