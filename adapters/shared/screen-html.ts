/**
 * How a demo screen is saved as a snapshot (scripts/save-snapshots.ts, adapters/ema/save-variants.ts):
 * the document's HTML with each control's live state written into its attributes, so a snapshot
 * read later without a browser shows what the user saw. Runs in the page (passed to `evaluate`).
 */
export function screenHtml(): string {
  for (const el of document.querySelectorAll('input, textarea, select, option')) {
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', el.checked);
      else el.setAttribute('value', el.value);
    } else if (el instanceof HTMLTextAreaElement) el.textContent = el.value;
    else if (el instanceof HTMLOptionElement) el.toggleAttribute('selected', el.selected);
  }
  return '<!doctype html>\n' + document.documentElement.outerHTML;
}

/** The file a snapshot is written as: its URL (demo host made neutral) on the first line, then the HTML. */
export function snapshotFile(url: string, base: string, html: string): string {
  return `<!-- snapshot of ${url.replace(base, 'http://localhost')} -->\n${html}\n`;
}
