/**
 * How the field-map editor shows a field in one text box: a CSS selector as it
 * is, a field known by its label as `label: Quantity`, and the chips (or other
 * elements) inside a labelled field as `label: Modifiers >> .mantine-Pill-label`
 * ('>>' is no CSS, so the two never mix). Line breaks (long selectors wrap in
 * the box) are spaces.
 */

export function refToText(ref: unknown): string {
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object' && typeof (ref as { label?: unknown }).label === 'string') {
    const { label, selector } = ref as { label: string; selector?: unknown };
    return typeof selector === 'string' ? `label: ${label} >> ${selector}` : `label: ${label}`;
  }
  return '';
}

export function textToRef(text: string): unknown {
  const t = text.replace(/\s*\n\s*/g, ' ').trim();
  const m = /^label\s*:\s*(.*)$/i.exec(t);
  if (!m) return t;
  const at = m[1]!.indexOf('>>');
  if (at < 0) return { label: m[1]!.trim() };
  return { label: m[1]!.slice(0, at).trim(), selector: m[1]!.slice(at + 2).trim() };
}
