/**
 * From a few clicks on an EHR screen to a field map (adapters/generic), the
 * way a practice manager teaches dermlint a screen: the repeating row of the
 * clicked procedure code (the nearest ancestor repeated among its siblings
 * with the same shape), and for each clicked field a reference that survives
 * a reload, tried in this order:
 *
 *   the <label for> that names it → its name → aria-label → data-* test ids →
 *   (an id, for whole-screen fields) → stable class names → the label the
 *   screen shows for it (a column header, a <dt>) → its type or placeholder →
 *   a selector from @medv/finder → (last) its position within the row
 *
 * never a generated id or class (stable-names.ts), never a position among rows.
 * Every candidate is checked on the screen: within the clicked row it must
 * select exactly the clicked element, and on every other row at most one.
 * A field that reads empty on every row while a chip beside it has text
 * (a search box next to its chips) is read from the chips.
 *
 * Pure DOM work, no browser extension API: unit-tested on saved screens.
 */
import { finder } from '@medv/finder';
import { labelled, labelText } from '../../adapters/generic/field-by-label';
import { isOurs } from '../../adapters/shared/reader';
import type { FieldMap, FieldRef } from '../../adapters/generic/fieldmap';
import { valueOf } from '../../adapters/shared/text';
import {
  cssString,
  isChipClass,
  isChipish,
  isGeneratedToken,
  isStableClass,
  isStableValue,
  stableClasses,
} from './stable-names';

/** The elements a field reference selects within a scope, as the generic reader finds them (our own elements left out). */
export function selectRef(scope: ParentNode, ref: FieldRef): Element[] {
  let found: ArrayLike<Element>;
  try {
    if (typeof ref === 'string') found = scope.querySelectorAll(ref);
    else {
      const at = labelled(scope, ref.label);
      found = !at ? [] : ref.selector ? at.box.querySelectorAll(ref.selector) : [at.value];
    }
  } catch {
    return [];
  }
  return Array.from(found).filter((el) => !isOurs(el));
}

export const describeRef = (ref: FieldRef): string =>
  typeof ref === 'string'
    ? ref
    : ref.selector
      ? `the ${ref.selector} in the field labelled “${ref.label}”`
      : `the field labelled “${ref.label}”`;

// ── Shapes and rows ─────────────────────────────────────────────────────────

const CELLISH = new Set(['td', 'th', 'dd', 'dt', 'label', 'option']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader', 'option']);

/** Same tag and role, and a stable class in common (or none on either): siblings of one kind. */
function sameShape(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName || a.getAttribute('role') !== b.getAttribute('role')) return false;
  const ca = stableClasses(a);
  const cb = new Set(stableClasses(b));
  return ca.length === 0 && cb.size === 0 ? true : ca.some((c) => cb.has(c));
}

/** The steps from an ancestor down to an element: which child of the same shape, by position among its kind. */
type Path = { el: Element; index: number }[];

function pathFrom(ancestor: Element, el: Element): Path {
  const steps: Path = [];
  for (let e: Element | null = el; e && e !== ancestor; e = e.parentElement) {
    const kin = Array.from(e.parentElement?.children ?? []).filter((c) => sameShape(c, e));
    steps.unshift({ el: e, index: kin.indexOf(e) });
  }
  return steps;
}

/** The element at the same place in another row, or null when that row has nothing there. */
function follow(row: Element, path: Path): Element | null {
  let at: Element | null = row;
  for (const step of path) {
    const kin: Element[] = Array.from(at.children).filter((c) => sameShape(c, step.el));
    at = kin[step.index] ?? null;
    if (!at) return null;
  }
  return at;
}

export interface Rows {
  /** The clicked row. */
  row: Element;
  /** Every row of that kind with the field where the clicked one has it, in screen order (the clicked one included). */
  rows: Element[];
  /** Every sibling of the same shape (a rows selector may also take the others, e.g. an empty entry row). */
  kin: Element[];
  /** Only one row on the screen: the row was guessed from the markup (a table row, a list item). */
  guessed: boolean;
}

const isCellish = (el: Element) =>
  CELLISH.has(el.localName) || CELL_ROLES.has(el.getAttribute('role') ?? '') || isChipish(el);

/** The repeating row around a clicked field: the nearest ancestor repeated among its siblings with the same shape. */
export function findRow(el: Element): Rows | null {
  const doc = el.ownerDocument;
  for (let a = el.parentElement; a && a !== doc.body && a !== doc.documentElement; a = a.parentElement) {
    if (isCellish(a) || !a.parentElement) continue;
    const path = pathFrom(a, el);
    const kin = Array.from(a.parentElement.children).filter((s) => s === a || sameShape(s, a));
    const rows = kin.filter((s) => s === a || follow(s, path));
    if (rows.length >= 2) return { row: a, rows, kin, guessed: false };
  }
  const row = el.closest('tr, [role="row"], li');
  return row ? { row, rows: [row], kin: [row], guessed: true } : null;
}

// ── Candidate references ───────────────────────────────────────────────────

interface Candidate {
  ref: FieldRef;
  /** In words, for the teaching panel: 'its data-fieldname', 'its column header “Units”'. */
  how: string;
}

const TEST_ID_ATTRS = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-cy',
  'data-qa',
  'data-automation-id',
  'data-field',
  'data-fieldname',
  'data-field-name',
  'data-name',
];
/** data-* attributes that carry a value or a position, never an identity. */
const DATA_NOT_NAMES =
  /^data-(value|id|key|index|idx|row|col|pos|position|order|count|size|variant|state|with-.*|no-.*|type|multiline|line-clamp|patient.*|mrn|dob|reactid|react-.*|v-.*|ng-.*|radix-.*|headlessui-.*|mantine-.*|floating-.*|demo.*)$/i;
const CONTROL =
  'input, select, textarea, [contenteditable=""], [contenteditable="true"], [role="combobox"], [role="textbox"]';

/** An element's own value or text, which no selector may quote (patient data never goes into a map). */
const ownText = (el: Element) => valueOf(el).slice(0, 200);

/** The visible label of a control: a <label for> (its id may be generated: the text is what is kept) or a wrapping <label>. */
function controlLabel(el: Element): string | null {
  const doc = el.ownerDocument;
  const id = el.getAttribute('id');
  let label: Element | null = null;
  if (id) label = Array.from(doc.querySelectorAll('label[for]')).find((l) => l.getAttribute('for') === id) ?? null;
  label ??= el.closest('label');
  const text = label ? labelText(label.textContent) : '';
  return text && text.length <= 60
    ? (label!.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[\s:*]+$/, '')
    : null;
}

/** The label the screen shows for the cell or <dd> holding `el`: its column header, its <dt>, or its row header. */
function shownLabel(el: Element, scope: ParentNode): string | null {
  const cell = el.closest('td, th, dd, [role="gridcell"], [role="cell"]');
  if (!cell) return null;
  const candidates: (Element | null | undefined)[] = [];
  if (cell.localName === 'dd') {
    let dt = cell.previousElementSibling;
    while (dt && dt.localName !== 'dt') dt = dt.previousElementSibling;
    candidates.push(dt);
  } else {
    const row = cell.parentElement;
    candidates.push(row?.querySelector(':scope > th, :scope > [role="rowheader"]'));
    const grid = cell.closest('table, [role="grid"], [role="table"]');
    if (grid && row) {
      let col = 0;
      for (let c = cell.previousElementSibling; c; c = c.previousElementSibling)
        col += (c as HTMLTableCellElement).colSpan || 1;
      for (const head of Array.from(grid.querySelectorAll('thead tr, [role="row"]:has(> [role="columnheader"])')).slice(
        0,
        1,
      )) {
        let at = 0;
        for (let c = head.firstElementChild; c; c = c.nextElementSibling) {
          if (at === col) candidates.push(c);
          at += (c as HTMLTableCellElement).colSpan || 1;
        }
      }
    }
  }
  for (const head of candidates) {
    const text = (head?.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s:*]+$/, '');
    if (text && text.length <= 60 && labelled(scope, text)?.box === cell) return text;
  }
  return null;
}

/** A short selector for an element by tag and stable classes / type, for use inside a labelled field's box. */
function simpleCompound(el: Element): string[] {
  const tag = el.localName;
  const out = stableClasses(el)
    .slice(0, 3)
    .map((c) => `.${c}`);
  const type = el.getAttribute('type');
  if (type && isStableValue(type)) out.push(`${tag}[type=${cssString(type)}]`);
  out.push(tag);
  return out;
}

/** Attribute candidates, in order of preference; for a field of several elements, the shared prefix of numbered values first. */
function attributeCandidates(el: Element, multi: boolean): Candidate[] {
  const tag = el.localName;
  const own = ownText(el);
  const out: Candidate[] = [];
  const add = (name: string, value: string, words: string) => {
    if (!isStableValue(value, own)) return;
    const exact: Candidate = { ref: `${tag}[${name}=${cssString(value)}]`, how: `its ${words} “${value}”` };
    // 'ClaimCPTMOD1', 'Units, line 3': the part before the number names the field on every row (and all of a field's boxes).
    const prefix = value.replace(/\d{1,2}$/, '');
    const numbered = prefix !== value && /[A-Za-z]{3}/.test(prefix);
    const shared: Candidate | null = numbered
      ? { ref: `${tag}[${name}^=${cssString(prefix)}]`, how: `its ${words} (“${prefix}…”)` }
      : null;
    if (shared && multi) out.push(shared, exact);
    else out.push(exact, ...(shared ? [shared] : []));
  };
  const name = el.getAttribute('name');
  if (name && !isGeneratedToken(name.replace(/[[\].]/g, '_'))) add('name', name, 'name');
  const aria = el.getAttribute('aria-label');
  if (aria) add('aria-label', aria, 'label (aria-label)');
  const attrs = Array.from(el.attributes);
  for (const a of [
    ...TEST_ID_ATTRS.flatMap((n) => attrs.filter((x) => x.name === n)),
    ...attrs.filter((x) => x.name.startsWith('data-') && !TEST_ID_ATTRS.includes(x.name)),
  ]) {
    if (DATA_NOT_NAMES.test(a.name) || isGeneratedToken(a.value.replace(/[\s,.]/g, '_'))) continue;
    add(a.name, a.value, a.name);
  }
  return out;
}

/** finder's word tests, made stricter with ours. */
const FINDER_OPTIONS = {
  idName: (id: string) => !isGeneratedToken(id),
  className: isStableClass,
  attr: (name: string, value: string) =>
    (name === 'name' ||
      name === 'role' ||
      name === 'aria-label' ||
      TEST_ID_ATTRS.includes(name) ||
      name.startsWith('data-')) &&
    !DATA_NOT_NAMES.test(name) &&
    isStableValue(value),
  seedMinLength: 1,
  optimizedMinLength: 1,
  timeoutMs: 300,
};

function finderCandidate(el: Element, root: Element): Candidate | null {
  try {
    const sel = finder(el, { ...FINDER_OPTIONS, root });
    // finder falls back to :nth-child positions; a position is what a re-render or an added row changes.
    return /nth-|:first|:last/.test(sel) ? null : { ref: sel, how: 'a selector built from its surroundings' };
  } catch {
    return null;
  }
}

/** Last resort within a row: tags and their place among their kind (columns stay where they are when rows are added). */
function positionCandidate(el: Element, row: Element): Candidate | null {
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== row; e = e.parentElement) {
    const parent: Element | null = e.parentElement;
    if (!parent) return null;
    const same = Array.from(parent.children).filter((c) => c.localName === e.localName);
    steps.unshift(same.length > 1 ? `${e.localName}:nth-of-type(${same.indexOf(e) + 1})` : e.localName);
  }
  return steps.length
    ? {
        ref: `:scope > ${steps.join(' > ')}`,
        how: 'its place in the row (fragile: change it in options if the screen moves its columns)',
      }
    : null;
}

function candidatesFor(el: Element, scope: ParentNode, multi: boolean): Candidate[] {
  const doc = el.ownerDocument;
  const out: Candidate[] = [];
  const label = el.matches(CONTROL) ? controlLabel(el) : null;
  if (label) out.push({ ref: { label }, how: `its label “${label}”` });
  out.push(...attributeCandidates(el, multi));
  const id = el.getAttribute('id');
  if (scope === doc && id && !isGeneratedToken(id)) out.push({ ref: `#${id}`, how: `its id “${id}”` });
  for (const c of stableClasses(el).slice(0, 4)) out.push({ ref: `${el.localName}.${c}`, how: `its class “${c}”` });
  const classes = stableClasses(el);
  if (classes.length >= 2)
    out.push({
      ref: `${el.localName}.${classes.slice(0, 3).join('.')}`,
      how: `its classes “${classes.slice(0, 3).join(' ')}”`,
    });
  const shown = shownLabel(el, scope);
  if (shown) {
    out.push({ ref: { label: shown }, how: `the label “${shown}” the screen shows for it` });
    for (const sel of simpleCompound(el))
      out.push({ ref: { label: shown, selector: sel }, how: `the label “${shown}” the screen shows for it` });
  }
  const type = el.getAttribute('type');
  if (type && isStableValue(type))
    out.push({ ref: `${el.localName}[type=${cssString(type)}]`, how: `its type “${type}”` });
  const placeholder = el.getAttribute('placeholder');
  if (placeholder && isStableValue(placeholder, ownText(el)))
    out.push({
      ref: `${el.localName}[placeholder=${cssString(placeholder)}]`,
      how: `its placeholder “${placeholder}”`,
    });
  const root = scope === doc ? doc.documentElement : (scope as Element);
  const found = finderCandidate(el, root);
  if (found) out.push(found);
  return out;
}

// ── Chips ───────────────────────────────────────────────────────────────────

/** The innermost chip-like elements with text inside `box`: the chips' labels. */
function chipLabels(box: Element): Element[] {
  return Array.from(box.querySelectorAll('*')).filter(
    (e) => isChipish(e) && valueOf(e) && !Array.from(e.querySelectorAll('*')).some((d) => isChipish(d) && valueOf(d)),
  );
}

/**
 * The field a chip or a chip field's search box belongs to: the nearest ancestor with chips in it, or (on
 * a row) the cell around it; never past an ancestor that holds another field's control.
 */
function chipBox(el: Element, row: Element | null): Element | null {
  let own: Element | null = el.matches(CONTROL) ? el : null;
  for (let a: Element | null = el; a && a !== row; a = a.parentElement) {
    const controls = Array.from(a.querySelectorAll(CONTROL)).filter(
      (c) => c.getAttribute('type') !== 'hidden' && c.getAttribute('aria-hidden') !== 'true',
    );
    if (a.matches(CONTROL)) controls.push(a);
    // The first control met is the field's own (its search box); another one is another field.
    if (!own && controls.length === 1) own = controls[0]!;
    if (controls.some((c) => c !== own)) return null;
    if (chipLabels(a).length) return a;
    if (row && a.matches('td, dd, [role="gridcell"], [role="cell"]')) return a;
  }
  return null;
}

interface ChipField {
  /** The field's box in the clicked row. */
  box: Element;
  /** The chip labels in it (may be none in this row). */
  chips: Element[];
  /** A stable class the chip labels carry, e.g. 'mantine-Pill-label'. */
  chipClass: string;
}

/**
 * Is this click on a chip, or on the empty search box of a field whose value sits in chips (in this row
 * or, at the same place, in another)? Then the field is read from the chips.
 */
function chipField(el: Element, rows: Rows | null): ChipField | null {
  const row = rows?.row ?? null;
  let chipRoot: Element | null = null;
  for (let a: Element | null = el, i = 0; a && a !== row && i < 4; a = a.parentElement, i++) {
    if (isChipish(a)) {
      chipRoot = a;
      break;
    }
  }
  const emptyControl = el.matches(CONTROL) && !valueOf(el);
  if (!chipRoot && !emptyControl) return null;
  const box = chipBox(chipRoot ?? el, row);
  if (!box) return null;
  const chips = chipLabels(box);
  let sample = chips[0];
  if (!sample && rows) {
    // Empty here: the same field on another row may show chips.
    const path = pathFrom(rows.row, box);
    for (const other of rows.rows) {
      const otherBox = other === rows.row ? null : follow(other, path);
      sample = otherBox ? chipLabels(otherBox)[0] : undefined;
      if (sample) break;
    }
  }
  const chipClass = sample
    ? (Array.from(sample.classList).find((c) => isStableClass(c) && isChipClass(c)) ?? stableClasses(sample)[0])
    : undefined;
  return chipClass ? { box, chips, chipClass } : null;
}

function chipCandidates(field: ChipField, scope: ParentNode): Candidate[] {
  const chipSel = `.${field.chipClass}`;
  const out: Candidate[] = [];
  const control = field.box.querySelector(CONTROL);
  const label = control ? controlLabel(control) : null;
  if (label)
    out.push({ ref: { label, selector: chipSel }, how: `the chips (${chipSel}) of the field labelled “${label}”` });
  const shown = shownLabel(control ?? field.box, scope);
  if (shown) out.push({ ref: { label: shown, selector: chipSel }, how: `the chips (${chipSel}) under “${shown}”` });
  // The field's box by a stable name of its own, then the chips in it.
  for (const a of control ? attributeCandidates(control, false) : []) {
    if (typeof a.ref === 'string')
      out.push({
        ref: `:scope :has(> ${a.ref}) ${chipSel}, :scope :has(> * > ${a.ref}) ${chipSel}`,
        how: `the chips (${chipSel}) beside the box with ${a.how}`,
      });
  }
  out.push({ ref: chipSel, how: `the chips (${chipSel})` });
  return out;
}

// ── Choosing ────────────────────────────────────────────────────────────────

export interface Inferred {
  ref: FieldRef;
  how: string;
  /** What it selects in the clicked row (or on the screen), to highlight. */
  elements: Element[];
  /** Something the user should know: a fragile choice, rows that lack the field. */
  note?: string;
}

interface Fit {
  /** In the clicked row (or on the screen): what the reference selects. */
  here: Element[];
  /** Rows where it selects exactly one (single) / anything (multi). */
  everywhere: number;
}

function fit(
  ref: FieldRef,
  target: Element,
  targets: Element[],
  scopes: ParentNode[],
  here: ParentNode,
  multi: boolean,
  exclude: ReadonlySet<Element>,
): Fit | null {
  const inHere = selectRef(here, ref);
  if (multi ? !targets.every((t) => inHere.includes(t)) : inHere.length !== 1 || inHere[0] !== target) return null;
  let everywhere = 0;
  const looksLike = (e: Element) =>
    e.localName === target.localName &&
    (isChipish(target) ? isChipish(e) : e.getAttribute('type') === target.getAttribute('type'));
  for (const scope of scopes) {
    const got = scope === here ? inHere : selectRef(scope, ref);
    if (got.some((e) => exclude.has(e))) return null;
    if (multi) {
      if (!got.every(looksLike)) return null;
      if (got.length) everywhere++;
    } else {
      if (got.length > 1) return null;
      if (got.length === 1) everywhere++;
    }
  }
  return { here: inHere, everywhere };
}

/**
 * The best reference for a clicked field within its row (`rows`) or on the whole screen (`rows` null).
 * `exclude`: what other fields already read (a modifiers selector must not also take the code's chip).
 */
export function inferField(
  target: Element,
  rows: Rows | null,
  opts: { multi?: boolean; exclude?: ReadonlySet<Element> } = {},
): Inferred | null {
  const multi = !!opts.multi;
  const exclude = opts.exclude ?? new Set<Element>();
  const doc = target.ownerDocument;
  const here: ParentNode = rows?.row ?? doc;
  const scopes: ParentNode[] = rows?.rows ?? [doc];
  const chip = chipField(target, rows);
  let targets = [target];
  let candidates: Candidate[];
  if (chip) {
    const mine = chip.chips.filter((c) => c === target || c.contains(target) || target.contains(c));
    targets = multi ? chip.chips : mine.length ? mine : chip.chips.slice(0, 1);
    candidates = chipCandidates(chip, here);
  } else candidates = candidatesFor(target, here, multi);
  const first = targets[0] ?? target;
  let best: { c: Candidate; f: Fit } | null = null;
  for (const c of candidates) {
    const f =
      chip && targets.length === 0
        ? fitEmpty(c.ref, scopes, exclude)
        : fit(c.ref, first, targets, scopes, here, multi, exclude);
    if (!f) continue;
    // The first candidate (most preferred) that reads the field on every row wins; else the one that reads it on most.
    if (f.everywhere === scopes.length) {
      best = { c, f };
      break;
    }
    if (!best || f.everywhere > best.f.everywhere) best = { c, f };
  }
  if (!best && rows) {
    const pos = positionCandidate(first, rows.row);
    const f = pos && fit(pos.ref, first, targets, scopes, here, multi, exclude);
    if (pos && f) best = { c: pos, f };
  }
  if (!best) return null;
  const missing = scopes.length - best.f.everywhere;
  const result: Inferred = { ref: best.c.ref, how: best.c.how, elements: best.f.here.length ? best.f.here : [target] };
  if (chip && targets[0] !== target) result.how = `${best.c.how}, not the empty box beside them`;
  if (missing > 0 && rows && !multi) result.note = `${missing} of ${scopes.length} rows show nothing there`;
  return result;
}

/** A chip field empty in the clicked row: the reference must find chips somewhere and nothing excluded. */
function fitEmpty(ref: FieldRef, scopes: ParentNode[], exclude: ReadonlySet<Element>): Fit | null {
  let everywhere = 0;
  for (const scope of scopes) {
    const got = selectRef(scope, ref);
    if (got.some((e) => exclude.has(e) || !isChipish(e))) return null;
    if (got.length) everywhere++;
  }
  return everywhere ? { here: [], everywhere } : null;
}

/**
 * A container by the way down from the nearest ancestor with a name of its own, each step by tag and
 * stable classes, and by its place among its like only where two look alike (a list of diagnosis cards
 * and a list of service cards built by the same component). A container's place does not change when
 * rows are added to it.
 */
function placedPath(el: Element): string | null {
  const doc = el.ownerDocument;
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== doc.documentElement; e = e.parentElement) {
    const id = e.getAttribute('id');
    if (id && !isGeneratedToken(id) && doc.querySelectorAll(`#${id}`).length === 1) {
      steps.unshift(`#${id}`);
      return steps.join(' > ');
    }
    const compound = `${e.localName}${stableClasses(e)
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('')}`;
    const parent: Element | null = e.parentElement;
    const alike = parent ? Array.from(parent.children).filter((c) => c.matches(compound)) : [e];
    const sameTag = parent ? Array.from(parent.children).filter((c) => c.localName === e.localName) : [e];
    steps.unshift(alike.length > 1 ? `${compound}:nth-of-type(${sameTag.indexOf(e) + 1})` : compound);
    if (e.localName === 'body' || (!steps[0]!.includes(':nth') && doc.querySelectorAll(steps[0]!).length === 1))
      return steps.join(' > ');
  }
  return steps.length ? steps.join(' > ') : null;
}

/** A selector for the rows: every row found, and nothing but rows of that shape. */
export function inferRows(rows: Rows): { selector: string; how: string } | null {
  const { row, kin } = rows;
  const doc = row.ownerDocument;
  const parent = row.parentElement!;
  const parentSels: string[] = [];
  const id = parent.getAttribute('id');
  if (id && !isGeneratedToken(id)) parentSels.push(`#${id}`);
  for (const c of stableClasses(parent)) parentSels.push(`${parent.localName}.${c}`);
  // The nearest ancestor with a name of its own, then the parent by tag inside it ('#cptTable tbody').
  for (let a = parent.parentElement; a && a !== doc.documentElement; a = a.parentElement) {
    const aid = a.getAttribute('id');
    const names = [
      ...(aid && !isGeneratedToken(aid) ? [`#${aid}`] : []),
      ...stableClasses(a).map((c) => `${a.localName}.${c}`),
    ];
    const unique = names.find((n) => doc.querySelectorAll(n).length === 1);
    if (unique) {
      parentSels.push(`${unique} ${parent.localName}`);
      break;
    }
  }
  const found = finderCandidate(parent, doc.documentElement);
  if (found && typeof found.ref === 'string') parentSels.push(found.ref);
  const placed = placedPath(parent);
  if (placed) parentSels.push(placed);
  const compounds: string[] = [];
  for (const a of Array.from(row.attributes)) {
    if (
      a.name === 'class' ||
      a.name === 'style' ||
      a.name === 'id' ||
      DATA_NOT_NAMES.test(a.name) ||
      /^aria-/.test(a.name)
    )
      continue;
    if (rows.rows.every((r) => r.hasAttribute(a.name))) compounds.push(`${row.localName}[${a.name}]`);
  }
  for (const c of stableClasses(row))
    if (rows.rows.every((r) => r.classList.contains(c))) compounds.push(`${row.localName}.${c}`);
  compounds.push(row.localName);
  const want = new Set(rows.rows);
  const allowed = new Set(kin);
  let fallback: { selector: string; how: string } | null = null;
  for (const p of parentSels) {
    if (doc.querySelectorAll(p).length !== 1 || doc.querySelector(p) !== parent) continue;
    for (const c of compounds) {
      const selector = `${p} > ${c}`;
      const got = Array.from(doc.querySelectorAll(selector));
      if (!got.every((g) => allowed.has(g)) || !rows.rows.every((r) => got.includes(r))) continue;
      const how = `every ${c} in ${p}`;
      if (got.length === want.size) return { selector, how };
      fallback ??= { selector, how: `${how} (an empty entry row too)` };
    }
  }
  return fallback;
}

// ── Fields dermlint finds by their labels ───────────────────────────────────

type AutoRowField = 'lesions' | 'abn' | 'billTo' | 'category' | 'description';
type AutoDocField = 'abnSigned' | 'dateOfService' | 'encounterKey';

/** Labels a screen shows for the fields not asked about; nothing a patient is known by (no name, MRN, birth date). */
const ROW_WORDS: [AutoRowField, RegExp][] = [
  ['lesions', /^(lesions?|lesion count|# of lesions|no\.? of lesions|number of lesions)$/],
  ['abn', /^(abn|abn covers( line)?|abn on file)$/],
  ['billTo', /^(bill to|billed to|bill|responsibility)$/],
  ['category', /^(category|service category|item type)$/],
  ['description', /^(description|desc|procedure description|service description)$/],
];
const DOC_WORDS: [AutoDocField, RegExp][] = [
  ['abnSigned', /^(abn signed|abn on file|abn)$/],
  ['dateOfService', /^(service date|date of service|dos|visit date|encounter date)$/],
  [
    'encounterKey',
    /^(encounter|encounter #|encounter id|encounter no\.?|encounter number|claim #|claim id|claim no\.?|claim number|visit #|visit id)$/,
  ],
];

export interface AutoField<K extends string> {
  field: K;
  label: string;
  inferred: Inferred;
}

function labelsNear(scope: ParentNode): string[] {
  const out = new Set<string>();
  for (const h of Array.from(scope.querySelectorAll('label, dt, th, [role="columnheader"], [role="rowheader"]'))) {
    const text = (h.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s:*]+$/, '');
    if (text && text.length <= 40) out.add(text);
  }
  return [...out];
}

/** Row fields the screen labels with known words (a 'Lesions' column), read from the same rows. */
export function autoRowFields(rows: Rows, taken: ReadonlySet<Element>, diagnoses = false): AutoField<AutoRowField>[] {
  const grid = rows.row.closest('table, [role="grid"], [role="table"]');
  const labels = [...labelsNear(rows.row), ...(grid ? labelsNear(grid) : [])];
  const out: AutoField<AutoRowField>[] = [];
  for (const [field, words] of ROW_WORDS) {
    if (diagnoses && field !== 'description') continue;
    const label = labels.find((l) => words.test(labelText(l)));
    const at = label ? labelled(rows.row, label) : null;
    if (!label || !at || taken.has(at.value) || !rows.row.contains(at.value)) continue;
    const inferred = inferField(at.value, rows, { exclude: taken });
    if (inferred) out.push({ field, label, inferred });
  }
  return out;
}

/** Whole-screen fields the screen labels with known words ('Service Date', 'ABN signed', 'Encounter ID'). */
export function autoDocFields(
  doc: Document,
  taken: ReadonlySet<Element>,
  avoid: readonly Element[],
): AutoField<AutoDocField>[] {
  const labels = labelsNear(doc);
  const out: AutoField<AutoDocField>[] = [];
  for (const [field, words] of DOC_WORDS) {
    for (const label of labels.filter((l) => words.test(labelText(l)))) {
      const at = labelled(doc, label);
      // Not inside the procedure or diagnosis rows (a per-line 'ABN' column is not the ABN on file).
      if (!at || taken.has(at.value) || avoid.some((r) => r.contains(at.value))) continue;
      const inferred = inferField(at.value, null, { exclude: taken });
      if (inferred) {
        out.push({ field, label, inferred });
        break;
      }
    }
  }
  return out;
}

/** Next to the clicked insurance name, its category (financial class), when the screen shows one that says a kind. */
export function payerCategoryNear(
  nameEl: Element,
  isCategory: (text: string) => boolean,
  taken: ReadonlySet<Element>,
): Inferred | null {
  let scope: Element | null = nameEl.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    for (const leaf of Array.from(scope.querySelectorAll('*'))) {
      if (leaf === nameEl || leaf.contains(nameEl) || nameEl.contains(leaf) || leaf.children.length || taken.has(leaf))
        continue;
      const text = valueOf(leaf);
      if (text && text.length <= 40 && isCategory(text)) return inferField(leaf, null, { exclude: taken });
    }
  }
  return null;
}

/** A name and host patterns for a map taught on this page: the host (with its port) and the path's first segment. */
export function mapIdentity(url: string): { name: string; matches: string[] } {
  const u = new URL(url);
  const first = u.pathname.split('/').filter(Boolean);
  const dir = first.length >= 2 ? `/${first[0]}/*` : '/*';
  return {
    name: `${u.host}${dir === '/*' ? '' : ` /${first[0]}`} (taught)`.slice(0, 60),
    matches: [`${u.protocol}//${u.host}${dir}`],
  };
}

export type {};

// ── The visit history, found by its column headers ──────────────────────────

type HistoryField = 'date' | 'code' | 'modifiers' | 'dx';

/** Column headers of a list of prior services: a date and a code at least. */
const HISTORY_WORDS: [HistoryField, RegExp][] = [
  ['date', /^(dos|date|date of service|service date|visit date)$/],
  ['code', /^(cpt|code|cpt code|cpt\/hcpcs|hcpcs|procedure|procedure code)$/],
  ['modifiers', /^(modifiers?|mods?)$/],
  ['dx', /^(icd|icd codes?|icd-10|icd 10|icd-10 codes?|diagnos[ie]s|diagnosis codes?|dx)$/],
];

export interface HistoryFound {
  map: NonNullable<FieldMap['history']>;
  /** In words, for the panel: 'the table “Date, Code, Modifiers, Diagnoses”'. */
  label: string;
  table: Element;
}

/**
 * A table of prior services (the encounter's `history`, docs/formats.md) outside the procedure and diagnosis rows, by its column
 * headers ('DOS', 'CPT', 'Modifiers', 'ICD Codes'): its body rows, less a placeholder row whose one
 * cell spans the columns ('No past procedures'), each field by its column header. Found on a screen
 * that lists no prior service too (the rows then come and go with the encounter).
 */
export function historyTable(doc: Document, avoid: readonly Element[]): HistoryFound | null {
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    if (avoid.some((r) => table.contains(r) || r.contains(table))) continue;
    const heads = Array.from(table.querySelectorAll(':scope > thead th, :scope > thead [role="columnheader"]'));
    const found: Partial<Record<HistoryField, string>> = {};
    for (const h of heads) {
      const text = (h.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[\s:*]+$/, '');
      const field = HISTORY_WORDS.find(([, words]) => words.test(labelText(text)))?.[0];
      if (field && !found[field]) found[field] = text;
    }
    if (!found.date || !found.code) continue;
    const id = table.getAttribute('id');
    const names = [
      ...(id && !isGeneratedToken(id) ? [`#${id}`] : []),
      ...stableClasses(table).map((c) => `table.${c}`),
    ].filter((n) => SIMPLE_NAME.test(n));
    const name = names.find((n) => doc.querySelectorAll(n).length === 1);
    if (!name) continue;
    const map: HistoryFound['map'] = {
      rows: `${name} > tbody > tr:not(:has(> td[colspan]))`,
      date: { label: found.date },
      code: { label: found.code },
    };
    if (found.modifiers) map.modifiers = { label: found.modifiers };
    if (found.dx) map.dx = { label: found.dx };
    return {
      map,
      label: `Visit history (${heads
        .map((h) => (h.textContent ?? '').trim())
        .filter(Boolean)
        .join(', ')})`,
      table,
    };
  }
  return null;
}

/** '#histTable', 'table.cedar-history': a name that needs no escaping. */
const SIMPLE_NAME = /^(#|table\.)[A-Za-z_][\w-]*$/;
