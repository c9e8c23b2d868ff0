/**
 * How a demo screen is saved as a snapshot (scripts/save-snapshots.ts, scripts/save-ema-variants.ts):
 * the document's HTML with each control's live state written into its attributes, so a snapshot
 * read later without a browser shows what the user saw. A same-origin frame inside it (athenaNet's
 * procedure documentation) is saved the same way, as the frame's srcdoc. Runs in the page (passed
 * to `evaluate`: self-contained; node names, not classes, as a frame's elements are of its own realm).
 */
export function screenHtml(): string {
  // No inner named functions: tsx would wrap them in a helper the page does not have.
  const frames: [HTMLIFrameElement | null, Document][] = [[null, document]];
  for (const frame of document.querySelectorAll('iframe')) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) frames.push([frame, inner]);
  }
  for (const [frame, doc] of frames.reverse()) {
    for (const el of doc.querySelectorAll('input, textarea, select, option')) {
      if (el.nodeName === 'INPUT') {
        const input = el as HTMLInputElement;
        if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
        else input.setAttribute('value', input.value);
      } else if (el.nodeName === 'TEXTAREA') el.textContent = (el as HTMLTextAreaElement).value;
      else if (el.nodeName === 'OPTION') el.toggleAttribute('selected', (el as HTMLOptionElement).selected);
    }
    frame?.setAttribute('srcdoc', '<!doctype html>\n' + doc.documentElement.outerHTML);
  }
  return '<!doctype html>\n' + document.documentElement.outerHTML;
}

/** The file a snapshot is written as: its URL (demo host made neutral) on the first line, then the HTML. */
export function snapshotFile(url: string, base: string, html: string): string {
  return `<!-- snapshot of ${url.replace(base, 'http://localhost')} -->\n${html}\n`;
}
