/**
 * ModMed EMA: reads the open visit's superbill (procedure picklist, diagnosis
 * chips, ABN panel), the payer from the patient banner, the procedure note
 * (rich text, as plain text) and the visit history's prior services.
 *
 * Pure and cheap: only the given Document is touched, text comes from
 * textContent and control values (no innerText, no layout; the note is walked
 * once per edit of it, see ../shared/note), every selector
 * lives in ./selectors. The encounter never holds the patient's name, date of
 * birth or MRN (patientBanner reads them only to answer the dismissal-comment
 * check, in memory): its identity is EMA's own patient and visit ids (the worker keeps only a keyed pseudonym of them).
 * Anything on the screen that cannot be parsed makes the result 'unreadable'
 * with the field and the row named; nothing is guessed.
 */
import type { Diagnosis, Encounter, Line, PriorService } from '../../rules/schema';
import type { Adapter, BannerFacts, LineField, ReadResult, ScreenAnchors } from '../types';
import {
  Unreadable,
  checkEncounter,
  chosenOption,
  dateOf,
  fail,
  isInput,
  isSelect,
  onScreenAddress,
  payerKindFromText,
  positiveIntOf,
  quoted,
  readScreen,
  screenText as text,
  sizeCmOf,
} from '../shared/reader';
import { noteText, priorService } from '../shared/note';
import { encounterIdentity } from '../shared/text';
import {
  ABN_SCOPE_SELECTED,
  BILL_TO_TEXT,
  CATEGORY_TEXT,
  CELL_IDENTIFIERS,
  COLUMN_LABELS,
  EMA_HOSTS,
  FIELD_NAMES,
  REQUIRED_FIELDS,
  ROUTE_PATIENT,
  ROUTE_VISIT,
  SEL,
  SIGN_TEXT,
  type Field,
} from './selectors';
import { DEMO_PATHS, withDemoHosts } from '../demo-screens';

const ABSENT: ReadResult = { status: 'absent' };

/** A screen value in a message: "units of procedure row 3 ('abc')". */
const inParens = (raw: string) => `(${quoted(raw, 40)})`;

/**
 * What a cell shows: the labels of an ng-select picker, else the value of its
 * control (an input's value, a select's chosen option text), else its text.
 * null when the cell holds a picker or control that is not rendered yet.
 */
function cellValues(cell: Element, found: Element | null = cell.querySelector(SEL.valueHolder)): string[] {
  if (found && found.classList.contains('ng-select-container')) {
    const labels = found.getElementsByClassName(SEL.ngValueLabelClass);
    const out: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      const t = text(labels[i]);
      if (t) out.push(t);
    }
    return out;
  }
  if (found) {
    if (isSelect(found)) {
      const c = chosenOption(found);
      return c.text || c.value ? [c.text || c.value] : [];
    }
    const v = ((found as HTMLInputElement).value ?? '').trim();
    return v ? [v] : [];
  }
  const t = text(cell);
  return t ? [t] : [];
}

function single(cell: Element, what: string, holder?: Element | null): string {
  const values = cellValues(cell, holder === undefined ? cell.querySelector(SEL.valueHolder) : holder);
  if (values.length > 1) fail(`${what} ${inParens(values.join(', '))}: more than one value`);
  return values[0] ?? '';
}

// ------------------------------------------------------------------ where

/** Is this document one the EMA adapter should read at all (by its address)? */
const onEmaScreen = (doc: Document) =>
  onScreenAddress(doc, {
    isEhrHost: (host) => EMA_HOSTS.test(host),
    isDemoPath: (path) => path.startsWith(DEMO_PATHS.ema),
  });

/** The EHR's own patient and visit ids: the hash route first, else the visit's router links. */
function visitIds(doc: Document, header: Element | null): { patient: string; visit: string } {
  let patient = '';
  let visit = '';
  const hash = safeDecode(doc.location?.hash ?? '');
  const v = hash.match(ROUTE_VISIT);
  if (v) {
    patient = v[1]!;
    visit = v[2]!;
  } else {
    const p = hash.match(ROUTE_PATIENT);
    if (p) patient = p[1]!;
  }
  if (!visit && header) {
    const links = header.querySelectorAll(SEL.routerLinks);
    for (let i = 0; i < links.length && !visit; i++) {
      const href = safeDecode(links[i]!.getAttribute('href') ?? '');
      const m = href.match(ROUTE_VISIT);
      if (m && (!patient || m[1] === patient)) {
        patient = m[1]!;
        visit = m[2]!;
      }
    }
  }
  if (!patient || !visit) fail('the patient and visit ids of this visit (route or visit tab)');
  return { patient, visit };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ------------------------------------------------------------------ fields

function positiveInt(raw: string, what: string): number | undefined {
  const n = positiveIntOf(raw);
  return n === null ? fail(`${what} ${inParens(raw)}`) : n;
}

/** A number input that holds text the browser could not parse shows '' but is not empty. */
function numberCell(cell: Element, what: string): string {
  const holder = cell.querySelector(SEL.valueHolder);
  const value = single(cell, what, holder);
  if (!value && holder && isInput(holder) && holder.type === 'number' && holder.validity?.badInput)
    fail(`${what} ('not a number')`);
  return value;
}

function dateOfService(header: Element): string | undefined {
  const el = header.querySelector(SEL.dateOfService);
  if (!el) return undefined;
  const raw = isInput(el) ? (el.value ?? '').trim() : text(el);
  const day = dateOf(raw);
  return day === null ? fail(`date of service ${inParens(raw)}`) : day;
}

function payer(doc: Document, visitBanner: Element | undefined): Encounter['payer'] {
  const banner = visitBanner ?? doc.querySelector(SEL.banner);
  if (!banner) fail('the insurance (the patient banner is not on the screen)');
  let area = banner.querySelector(SEL.insurance);
  if (!area) {
    // Fallback: the block labelled "Primary Ins…".
    const labels = banner.querySelectorAll(SEL.bannerLabels);
    for (let i = 0; i < labels.length && !area; i++)
      if (/^primary ins/i.test(text(labels[i]))) area = labels[i]!.parentElement;
  }
  if (!area) fail('the insurance in the patient banner');
  const name = text(area.querySelector(SEL.insurancePlan));
  const category = text(area.querySelector(SEL.insuranceCategory));
  const kind = payerKindFromText(category, name);
  return name ? { kind, name } : { kind };
}

function diagnoses(list: Element): Diagnosis[] {
  const chips = list.querySelectorAll(SEL.diagnosisChip);
  const out: Diagnosis[] = [];
  for (let i = 0; i < chips.length; i++) {
    const chip = chips[i]!;
    const codeEl = chip.querySelector(SEL.diagnosisCode);
    if (!codeEl) fail(`code of diagnosis ${i + 1}`);
    const code = isInput(codeEl) ? (codeEl.value ?? '').trim() : text(codeEl);
    if (/\s/.test(code)) fail(`code of diagnosis ${i + 1} ${inParens(code)}`);
    const description = text(chip.querySelector(SEL.diagnosisDescription));
    out.push(description ? { code, description } : { code });
  }
  return out;
}

/** Which field each cell of a row holds: its data-identifier, else its column's header label. */
function columnFields(table: Element): (Field | undefined)[] {
  const head = table.querySelector('thead tr');
  const out: (Field | undefined)[] = [];
  if (!head) return out;
  for (let c = head.firstElementChild; c; c = c.nextElementSibling) {
    const label = text(c);
    out.push(COLUMN_LABELS.find(([re]) => re.test(label))?.[1]);
  }
  return out;
}

function rowCells(row: Element, n: number, columns: () => (Field | undefined)[]): Partial<Record<Field, Element>> {
  const cells: Partial<Record<Field, Element>> = {};
  let index = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling, index++) {
    const ident = c.getAttribute('data-identifier');
    const field = ident ? CELL_IDENTIFIERS[ident] : columns()[index];
    if (!field) continue;
    const first = cells[field];
    if (!first) cells[field] = c;
    // Two cells carrying the same hook: which one holds the value is a guess, and we do not guess.
    else if (ident && first.hasAttribute('data-identifier'))
      fail(`${FIELD_NAMES[field]} of procedure row ${n} (two cells are marked as it)`);
  }
  return cells;
}

/** The cells of a procedure row by field, as the reader finds them (for apply.ts); null when its hooks are ambiguous. */
export function procedureCells(row: Element): Partial<Record<Field, Element>> | null {
  const table = row.closest(SEL.procedureTable);
  let columns: (Field | undefined)[] | null = null;
  try {
    return rowCells(row, 0, () => (columns ??= table ? columnFields(table) : []));
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}

function readLine(row: Element, n: number, columns: () => (Field | undefined)[]): { line: Line; abnBox: boolean } {
  const cells = rowCells(row, n, columns);
  const where = (f: Field) => `${FIELD_NAMES[f]} of procedure row ${n}`;
  for (const f of REQUIRED_FIELDS) if (!cells[f]) fail(`${where(f)} (not on the screen)`);
  const c = cells as Record<Field, Element>;

  // Code: an ng-select's label ('17110', or '17110 – description'), '' for a retail item.
  const codeHolder = c.code.querySelector(SEL.valueHolder);
  if (!codeHolder) fail(`${where('code')} (the picker is not rendered)`);
  let code = single(c.code, where('code'), codeHolder);
  const labelled = code.match(/^([A-Z0-9]{4,5})\s+[-–—:]\s+\S/i);
  if (labelled) code = labelled[1]!;
  if (/\s/.test(code)) fail(`${where('code')} ${inParens(code)}`);

  const modifiers: string[] = [];
  for (const raw of cellValues(c.modifiers)) {
    for (const part of raw.split(/[\s,]+/)) {
      const m = part.replace(/^-+/, '');
      if (m) modifiers.push(m);
    }
  }

  const units = positiveInt(numberCell(c.units, where('units')), where('units'));
  const lesions = positiveInt(numberCell(c.lesions, where('lesions')), where('lesions'));
  const sizeRaw = numberCell(c.size, where('size'));
  const sizeCm = sizeCmOf(sizeRaw);
  if (sizeCm === null) fail(`${where('size')} ${inParens(sizeRaw)}`);
  const site = single(c.site, where('site'));

  // Pointers: the pressed chips, in order.
  const dx: number[] = [];
  const chips = c.pointers.querySelectorAll(SEL.pointerChip);
  for (let i = 0; i < chips.length; i++) {
    const chip = chips[i]!;
    const pressed = chip.getAttribute('aria-pressed');
    if (pressed !== 'true') {
      if (pressed === 'false' || pressed === null) continue;
      fail(`${where('pointers')} ${inParens(pressed)}`);
    }
    const raw = text(chip.querySelector(SEL.pointerNumber) ?? chip);
    if (!/^-?\d{1,4}$/.test(raw)) fail(`${where('pointers')} ${inParens(raw)}`);
    dx.push(Number(raw));
  }

  const billRaw = single(c.billTo, where('billTo'));
  const billTo = BILL_TO_TEXT.find(([re]) => re.test(billRaw))?.[1];
  if (!billTo) fail(`${where('billTo')} ${inParens(billRaw)}`);

  const catRaw = single(c.category, where('category'));
  let category: Line['category'];
  if (catRaw) {
    category = CATEGORY_TEXT.find(([re]) => re.test(catRaw))?.[1];
    if (!category) fail(`${where('category')} ${inParens(catRaw)}`);
  }

  const description = c.description ? text(c.description) : '';
  const abnEl = c.abn?.querySelector(SEL.checkbox) as HTMLInputElement | null | undefined;

  const line: Line = { code };
  if (modifiers.length) line.modifiers = modifiers;
  if (units !== undefined) line.units = units;
  if (dx.length) line.dx = dx;
  if (site) line.site = site;
  if (sizeCm !== undefined) line.sizeCm = sizeCm;
  if (lesions !== undefined) line.lesions = lesions;
  line.billTo = billTo;
  if (category) line.category = category;
  if (description) line.description = description;
  return { line, abnBox: !!abnEl?.checked };
}

function abn(panel: Element | undefined, rowBoxes: boolean[]): Encounter['abn'] {
  if (!panel) fail('the ABN panel (not on the screen)');
  const signed = panel.querySelector<HTMLInputElement>(SEL.abnSigned);
  if (!signed || !isInput(signed)) fail('the ABN signed box');
  if (!signed.checked) return undefined;
  const scope = panel.querySelector(SEL.abnScope);
  const scopeText = scope ? (isSelect(scope) ? chosenOption(scope).text : text(scope)) : '';
  if (!ABN_SCOPE_SELECTED.test(scopeText)) return { signed: true };
  const lines: number[] = [];
  rowBoxes.forEach((on, i) => on && lines.push(i));
  return { signed: true, lines };
}

// ------------------------------------------------------------------ anchors

/** The superbill cell of each field a warning can be about. */
const ANCHOR_CELLS: Record<LineField, Field> = {
  code: 'code',
  modifiers: 'modifiers',
  units: 'units',
  site: 'site',
  size: 'size',
  dx: 'pointers',
};

/**
 * Where the painter finds each field of a row, asked for lines with findings only: the cell's
 * picker or control (the pointers' chip group), else the cell; undefined when the row changed so
 * that its cells can no longer be told apart.
 */
function fieldAnchors(
  rows: readonly Element[],
  columns: () => (Field | undefined)[],
): NonNullable<ScreenAnchors['field']> {
  return (line, field) => {
    const row = rows[line];
    if (!row) return undefined;
    let cell: Element | undefined;
    try {
      cell = rowCells(row, line + 1, columns)[ANCHOR_CELLS[field]];
    } catch {
      return undefined;
    }
    if (!cell) return undefined;
    return (field === 'dx' ? cell.firstElementChild : cell.querySelector(SEL.valueHolder)) ?? cell;
  };
}

// ------------------------------------------------------------------ read

const KEY_PARTS = ['banner', 'header', 'diagnosisList', 'procedureTable', 'abnPanel', 'note', 'historyList'] as const;
const KEY_PART_NAMES: Record<(typeof KEY_PARTS)[number], string> = {
  banner: 'patient banner',
  header: 'visit header',
  diagnosisList: 'diagnosis list',
  procedureTable: 'procedure list',
  abnPanel: 'ABN panel',
  note: 'procedure note',
  historyList: 'visit history',
};

/** The visit history's prior services, in the order shown. */
function history(list: Element): PriorService[] {
  const rows = list.querySelectorAll(SEL.historyRow);
  const out: PriorService[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const cell = (sel: string) => text(row.querySelector(sel));
    const service = priorService(
      cell(SEL.historyDate),
      cell(SEL.historyCode),
      cell(SEL.historyModifiers),
      cell(SEL.historyDx),
    );
    if (typeof service === 'string') fail(`${service} of visit history row ${i + 1}`);
    out.push(service);
  }
  return out;
}

/**
 * The visit's one-of-a-kind parts. A part marked twice (a decoy or a stale copy ahead of the real
 * one) makes the screen unreadable: reading the first one could put findings on the wrong lines.
 * One query per part (a single-selector query is several times faster than one with a selector list).
 */
/** One walk of the visit for every key part (on 2,000 rows, seven walks cost a quarter of the read). */
const KEY_PARTS_SELECTOR = KEY_PARTS.map((part) => SEL[part]).join(',');

function keyParts(visit: Element): Partial<Record<(typeof KEY_PARTS)[number], Element>> {
  const found: Partial<Record<(typeof KEY_PARTS)[number], Element>> = {};
  const all = visit.querySelectorAll(KEY_PARTS_SELECTOR);
  for (let i = 0; i < all.length; i++)
    for (const part of KEY_PARTS) {
      if (!all[i]!.matches(SEL[part])) continue;
      if (found[part]) fail(`the ${KEY_PART_NAMES[part]} (it is on the screen twice)`);
      found[part] = all[i]!;
    }
  return found;
}

export function readEma(doc: Document): ReadResult {
  if (!onEmaScreen(doc)) return ABSENT;
  const visit = doc.querySelector(SEL.visit);
  if (!visit) return ABSENT;
  return readScreen(() => {
    const parts = keyParts(visit);
    const header = parts.header;
    if (!header) fail('the visit header (not on the screen)');
    const table = parts.procedureTable;
    if (!table) fail('the procedure list (not on the screen)');
    const dxList = parts.diagnosisList;
    if (!dxList) fail('the diagnosis list (not on the screen)');

    const ids = visitIds(doc, header);
    let columns: (Field | undefined)[] | null = null;
    const columnsOf = () => (columns ??= columnFields(table));

    const rows = table.querySelectorAll(SEL.procedureRow);
    const lines: Line[] = [];
    const rowEls: Element[] = [];
    const boxes: boolean[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const { line, abnBox } = readLine(row, i + 1, columnsOf);
      lines.push(line);
      rowEls.push(row);
      boxes.push(abnBox);
    }

    const encounter: Record<string, unknown> = {
      id: encounterIdentity('ema', ids.patient, ids.visit),
      payer: payer(doc, parts.banner),
      diagnoses: diagnoses(dxList),
      lines,
    };
    const dos = dateOfService(header);
    if (dos) encounter.dateOfService = dos;
    const abnOnFile = abn(parts.abnPanel, boxes);
    if (abnOnFile) encounter.abn = abnOnFile;
    const note = parts.note ? noteText(parts.note) : '';
    if (note) encounter.note = note;
    const prior = parts.historyList ? history(parts.historyList) : [];
    if (prior.length) encounter.history = prior;

    const problem = checkEncounter(encounter as unknown as Encounter);
    if (problem) fail(problem);
    const payerEl =
      parts.banner?.querySelector(SEL.insurancePlan) ?? parts.banner?.querySelector(SEL.insurance) ?? undefined;
    const anchors: ScreenAnchors = { lines: rowEls, field: fieldAnchors(rowEls, columnsOf), diagnoses: dxList, header };
    if (payerEl) anchors.payer = payerEl;
    return { status: 'ok', encounter: encounter as unknown as Encounter, anchors };
  });
}

function signControls(doc: Document): Element[] {
  if (!onEmaScreen(doc)) return [];
  const found = new Set<Element>(Array.from(doc.querySelectorAll(SEL.signControls)));
  for (const b of Array.from(doc.querySelectorAll(SEL.signButtonsScope))) if (SIGN_TEXT.test(text(b))) found.add(b);
  return [...found];
}

/** The banner's name, date of birth and MRN, for the dismissal-comment check only (see Adapter.patientBanner). */
function patientBanner(doc: Document): BannerFacts | undefined {
  const banner = doc.querySelector(SEL.banner);
  if (!banner) return undefined;
  const of = (selector: string) => text(banner.querySelector(selector)) || undefined;
  return { name: of(SEL.patientName), dob: of(SEL.patientDob), mrn: of(SEL.patientMrn) };
}

export const emaAdapter: Adapter = {
  id: 'ema',
  name: 'ModMed EMA',
  // The real hosts; the demo server's in a demo/test build only.
  matches: [...withDemoHosts(['https://*.ema.md/*', 'https://*.modmedapp.com/*'])],
  read: readEma,
  signControls,
  patientBanner,
};
