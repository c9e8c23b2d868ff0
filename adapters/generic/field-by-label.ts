/**
 * A field known by the text the screen labels it with (`{ label: 'Quantity' }`):
 * a `<dt>`'s `<dd>`, a `<label>`'s control (by `for`, nested, or else the
 * element after it), a row header's cell, or a column header's cell in the row
 * being read. Looked for inside the scope first, then among the headers of the
 * scope's table or grid. Text is compared without case, runs of spaces or a
 * trailing ':' or '*' ("Units *" is "units"). Part of the content script: kept small.
 */

export const labelText = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/, '')
    .toLowerCase();

/** Where a labelled field is: the element holding its value, and the box around label and value (for chips in it). */
export interface Labelled {
  value: Element;
  box: Element;
}

/** The column a cell starts at, counting colspans. */
function columnOf(cell: Element | null): number {
  let col = 0;
  while ((cell = cell!.previousElementSibling)) col += (cell as HTMLTableCellElement).colSpan || 1;
  return col;
}

function fieldOf(head: Element, row: Element | null): Labelled | null {
  /** The element the label names: a control, or a cell / <dd> (read through the one control it holds, if any). */
  let cell: Element | null | undefined;
  if (head.localName === 'label') {
    const id = head.getAttribute('for');
    const control = id ? head.ownerDocument.getElementById(id) : head.querySelector('input,select,textarea');
    if (!control) cell = head.nextElementSibling;
    else {
      let box: Element | null = head;
      while (box && !box.contains(control)) box = box.parentElement;
      return { value: control, box: box ?? control };
    }
  } else if (head.localName === 'dt') {
    cell = head.nextElementSibling;
    if (cell?.localName !== 'dd') cell = null;
  } else if (head.parentElement?.querySelector(':scope>td,:scope>[role=gridcell],:scope>[role=cell]')) {
    // A row header: the cell after it.
    cell = head.nextElementSibling;
  } else {
    // A column header: the cell under it in the row read (the table's first body row when reading the whole screen).
    row ??= head.closest('table,[role=grid],[role=table]')?.querySelector('tbody>tr,[role=row]~[role=row]') ?? null;
    const col = columnOf(head);
    for (let c = row?.firstElementChild, at = 0; c && at <= col; c = c.nextElementSibling) {
      if (at === col) cell = c;
      at += (c as HTMLTableCellElement).colSpan || 1;
    }
  }
  return cell ? { value: cell.querySelector('input,select,textarea') ?? cell, box: cell } : null;
}

/** The field labelled `label` for this scope (a row, or the document), or null. */
export function labelled(scope: ParentNode, label: string): Labelled | null {
  const want = labelText(label);
  const find = (root: ParentNode | null | undefined) =>
    root &&
    Array.from(root.querySelectorAll('label,dt,th,[role=columnheader],[role=rowheader]')).find(
      (h) => labelText(h.textContent) === want,
    );
  // A row is an element (no `instanceof`: it fails across windows); the document is not.
  const row = (scope as Element).closest ? (scope as Element) : null;
  const head = find(scope) ?? find(row?.closest('table,[role=grid],[role=table]'));
  return head ? fieldOf(head, row) : null;
}
