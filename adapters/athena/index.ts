/**
 * athenahealth athenaNet / athenaOne: reads the encounter's Billing tab (the
 * tab right of Sign-off; Checkout's "Claim: Billing" has the same fields) in
 * the frame that holds it, `frMain`. Every other frame of the app's frame tree
 * (globalframeset, GlobalNav, GlobalWrapper's frameset, frameContent,
 * frScheduleNav, Status, the shim) reads as 'absent'.
 *
 * Line order: the Billing tab groups services (E&M, Orders, Procedures, CPTII
 * Codes, Miscellaneous), so the DOM order is not the claim order; each row's
 * "Line #" cell gives its claim line, and the lines must be exactly 1..n.
 *
 * Pure and cheap: only the given Document is touched, text comes from
 * textContent and control values (no innerText, no layout), every selector
 * lives in ./selectors. The encounter never holds the patient's name, date of
 * birth or MRN (patientBanner reads them only to answer the dismissal-comment
 * check, in memory): its identity is the practice id and athena's encounter id (the worker keeps only a keyed pseudonym of them).
 * Anything on the tab that cannot be parsed makes the result 'unreadable',
 * naming the field and the line; nothing is guessed.
 *
 * Also read: the Billing tab's visit history (prior services), and the
 * procedure documentation under its heading anywhere on the page, as plain
 * text, also when it sits in a same-origin frame of its own (the result then
 * names that frame's document, so that its edits are followed too).
 */
import type { Diagnosis, Encounter, Line, PriorService } from '../../rules/schema';
import type { Adapter, BannerFacts, LineField, ReadResult, ScreenAnchors } from '../types';
import {
  Unreadable,
  addressOf,
  checkEncounter,
  controlValue,
  dateOf,
  fail,
  insideOurs,
  isOurs,
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
  ATHENA_HOSTS,
  CATEGORY_TEXT,
  DEMO_PATH,
  DIAGNOSIS_COLUMNS,
  ENCOUNTER_PARAM,
  ENCOUNTER_PATH,
  HISTORY_COLUMNS,
  MATCHES,
  PRACTICE_PATH,
  REQUIRED_SERVICE_COLUMNS,
  SEL,
  SERVICE_COLUMNS,
  TEXT,
  type DiagnosisColumn,
  type HistoryColumn,
  type ServiceColumn,
} from './selectors';
import { withDemoHosts } from '../demo-screens';

const ABSENT: ReadResult = { status: 'absent' };

// ------------------------------------------------------------------ text

/** The first value-holding control of a cell, not inside our own nodes. */
function controlIn(cell: Element, selector: string = SEL.control): Element | null {
  for (const el of cell.querySelectorAll(selector)) if (!insideOurs(el, cell)) return el;
  return null;
}

function controlsIn(cell: Element, selector: string): Element[] {
  return [...cell.querySelectorAll(selector)].filter((el) => !insideOurs(el, cell));
}

/** What a cell shows: its control's value if it has one, else its text. */
function cellValue(cell: Element): string {
  const control = controlIn(cell);
  return control ? controlValue(control) : text(cell);
}

// ------------------------------------------------------------------ where

/** Is this document one of athenaNet's (or the demo server's .esp pages)? */
const isAthenaDocument = (doc: Document) =>
  onScreenAddress(doc, {
    isEhrHost: (host) => ATHENA_HOSTS.includes(host),
    isDemoPath: (path) => DEMO_PATH.test(path),
  });

/** The Billing tab's panel, when there is a tab named Billing that controls one. */
function billingPanel(doc: Document): Element | null {
  for (const tab of doc.querySelectorAll(SEL.tab)) {
    if (!TEXT.billingTab.test(text(tab))) continue;
    const id = tab.getAttribute('aria-controls');
    const panel = id ? doc.getElementById(id) : null;
    if (panel) return panel;
  }
  return null;
}

/**
 * The container a heading titles: its nearest section-like ancestor when that
 * holds no other key heading, else the widest ancestor that holds no other.
 */
function sectionOf(heading: Element, keyHeadings: readonly Element[], scope: Element): Element {
  const others = keyHeadings.filter((h) => h !== heading && !heading.contains(h) && !h.contains(heading));
  const holdsOther = (el: Element) => others.some((h) => el.contains(h));
  const semantic = heading.parentElement?.closest(SEL.section);
  if (semantic && scope.contains(semantic) && !holdsOther(semantic)) return semantic;
  let best: Element = heading.parentElement ?? heading;
  for (let n = best.parentElement; n && n !== scope && scope.contains(n); n = n.parentElement) {
    if (holdsOther(n)) break;
    best = n;
  }
  return best;
}

// ------------------------------------------------------------------ tables

type Columns<K extends string> = Partial<Record<K, number>>;

function headerCells(table: Element): Element[] {
  // Only the table's own <thead>s are searched (the parser puts them right under the table), not its thousands of body rows.
  const head: Element[] = [];
  for (const section of table.children) {
    if (section.nodeName !== 'THEAD') continue;
    for (const c of section.querySelectorAll(SEL.headerCells)) if (c.closest('table') === table) head.push(c);
  }
  if (head.length) return head;
  const first = [...table.querySelectorAll(SEL.headerRowFallback)].find((r) => r.closest('table') === table);
  return first ? [...first.children].filter((c) => c.nodeName === 'TH') : [];
}

function columnsOf<K extends string>(table: Element, spec: Record<K, RegExp>): Columns<K> {
  const cols: Columns<K> = {};
  let index = 0;
  for (const cell of headerCells(table)) {
    const label = text(cell);
    for (const key of Object.keys(spec) as K[]) if (cols[key] === undefined && spec[key].test(label)) cols[key] = index;
    index += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
  }
  return cols;
}

/** A row's cells by column index (colspans counted). */
function cellsOf(row: Element): Element[] {
  const out: Element[] = [];
  for (const cell of row.children) {
    if (cell.nodeName !== 'TD' && cell.nodeName !== 'TH') continue;
    const span = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
    for (let i = 0; i < span; i++) out.push(cell);
  }
  return out;
}

function bodyRows(table: Element): Element[] {
  return [...table.querySelectorAll(SEL.bodyRows)].filter((r) => r.closest('table') === table);
}

/** "No … codes" rows: a single cell spanning the table. */
function isEmptyState(row: Element): boolean {
  const cells = [...row.children].filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
  return cells.length === 1 && (Number(cells[0]!.getAttribute('colspan')) || 1) > 1;
}

// ------------------------------------------------------------------ values

function positiveInt(raw: string, what: string): number | undefined {
  const n = positiveIntOf(raw);
  return n === null ? fail(`${what} ${quoted(raw)} is not a positive whole number`) : n;
}

function pointers(raw: string, where: string): number[] | undefined {
  if (raw === '') return undefined;
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  for (const p of parts) if (!/^[+-]?\d+$/.test(p)) fail(`${where}: diagnosis pointers ${quoted(raw)} are not numbers`);
  return parts.map(Number);
}

function readDateOfService(raw: string): string | undefined {
  const day = dateOf(raw);
  return day === null ? fail(`the date of service ${quoted(raw)} is not a date`) : day;
}

/** The <dd> of the first <dt> whose text matches, within scope. */
function termValue(scope: Document | Element, re: RegExp): Element | null {
  // A live collection is walked only as far as needed: the terms sit at the top of a page of thousands of rows.
  const terms = scope.getElementsByTagName(SEL.term);
  for (let i = 0, dt: Element | undefined; (dt = terms[i]); i++) {
    if (!re.test(text(dt))) continue;
    let dd = dt.nextElementSibling;
    while (dd && dd.nodeName !== 'DD' && isOurs(dd)) dd = dd.nextElementSibling;
    return dd && dd.nodeName === 'DD' ? dd : null;
  }
  return null;
}

/** The control a <label> names (for= or nested), by the label's text; `labels` are the scope's labels. */
function labelled(labels: readonly Element[], re: RegExp): Element | null {
  for (const label of labels) {
    if (!re.test(text(label))) continue;
    const id = label.getAttribute('for');
    const control = id ? uniqueById(label.ownerDocument, id, text(label)) : label.querySelector(SEL.control);
    if (control) return control;
  }
  return null;
}

/** The element with this id, when only one has it: with two, which one a label names is a guess. */
function uniqueById(doc: Document, id: string, what: string): Element | null {
  const selector =
    typeof CSS !== 'undefined' && CSS.escape ? `#${CSS.escape(id)}` : `[id="${id.replace(/["\\]/g, '\\$&')}"]`;
  const all = doc.querySelectorAll(selector);
  if (all.length > 1) fail(`the control labelled ${quoted(what)}: ${all.length} elements share its id`);
  return all[0] ?? null;
}

// ------------------------------------------------------------------ read

function readPayer(doc: Document): Encounter['payer'] {
  const dd = termValue(doc, TEXT.insuranceTerm);
  if (!dd) return { kind: 'unknown' };
  const category = [...dd.querySelectorAll(SEL.badge)]
    .filter((b) => !insideOurs(b, dd))
    .map((b) => text(b))
    .join(' ')
    .trim();
  const name = text(dd, SEL.badge);
  const kind = payerKindFromText(category, name);
  return name ? { kind, name } : { kind };
}

function readEncounterId(doc: Document, scope: Element): string {
  const url = addressOf(doc);
  const practice = url?.pathname.match(PRACTICE_PATH)?.[1] ?? '';
  let encounter = url?.pathname.match(ENCOUNTER_PATH)?.[1] ?? '';
  if (!encounter && url)
    for (const [k, v] of url.searchParams) if (ENCOUNTER_PARAM.test(k) && v.trim()) encounter = v.trim();
  if (!encounter)
    encounter = text(termValue(scope, TEXT.encounterIdTerm)) || text(termValue(doc, TEXT.encounterIdTerm));
  if (!encounter) fail('the Billing tab shows no encounter ID');
  return encounterIdentity('athena', practice, encounter);
}

function readDiagnoses(section: Element): Diagnosis[] {
  const table = [...section.querySelectorAll(SEL.table)].find(
    (t) => columnsOf(t, DIAGNOSIS_COLUMNS).code !== undefined,
  );
  if (!table) fail('the Diagnoses section has no table with an ICD-10 column');
  const cols: Columns<DiagnosisColumn> = columnsOf(table, DIAGNOSIS_COLUMNS);
  const out: Diagnosis[] = [];
  for (const row of bodyRows(table)) {
    if (isEmptyState(row)) continue;
    const k = out.length + 1;
    const cells = cellsOf(row);
    const codeCell = cells[cols.code!];
    if (!codeCell) fail(`diagnosis ${k}: the row has no ICD-10 cell`);
    if (cols.number !== undefined) {
      const shown = text(cells[cols.number]);
      if (shown !== String(k)) fail(`diagnosis ${k}: its row is numbered ${quoted(shown)}, not ${k}`);
    }
    const code = cellValue(codeCell);
    const description =
      cols.description !== undefined && cells[cols.description] ? cellValue(cells[cols.description]!) : '';
    out.push(description ? { code, description } : { code });
  }
  return out;
}

interface ServiceRow {
  number: number | null;
  row: Element;
  line: Line;
  /** Its table's columns, for the painter's anchors. */
  cols?: Columns<ServiceColumn>;
}

function readServiceRow(row: Element, cols: Columns<ServiceColumn>, where: string): ServiceRow {
  const cells = cellsOf(row);
  const cell = (c: ServiceColumn): Element | undefined => (cols[c] === undefined ? undefined : cells[cols[c]]);
  let number: number | null = null;
  let label = where;
  if (cols.line !== undefined) {
    const shown = text(cell('line'));
    if (!/^\d+$/.test(shown) || Number(shown) <= 0)
      fail(`${where}: line number ${quoted(shown)} is not a positive whole number`);
    number = Number(shown);
    label = `service line ${number}`;
  }
  for (const c of REQUIRED_SERVICE_COLUMNS) if (!cell(c)) fail(`${label}: the row has no ${COLUMN_NAMES[c]} cell`);

  const line: Line = { code: cellValue(cell('code')!) };

  const modCell = cell('modifier')!;
  const modInputs = controlsIn(modCell, SEL.textInput);
  const modifiers = (modInputs.length ? modInputs.map(controlValue) : text(modCell).split(/[\s,]+/))
    .map((m) => m.trim().replace(/^-/, ''))
    .filter(Boolean);
  if (modifiers.length) line.modifiers = modifiers;

  const dxCell = cell('dx')!;
  const dxControl = controlIn(dxCell, SEL.textInput);
  if (!dxControl) fail(`${label}: the ICD-10 cell has no pointer field`);
  const dx = pointers(controlValue(dxControl), label);
  if (dx) line.dx = dx;

  const units = positiveInt(cellValue(cell('units')!), `${label}: units`);
  if (units !== undefined) line.units = units;

  const site = cell('site') ? cellValue(cell('site')!) : '';
  if (site) line.site = site;

  if (cell('size')) {
    const raw = cellValue(cell('size')!);
    const size = sizeCmOf(raw);
    if (size === null) fail(`${label}: size ${quoted(raw)} is not a size in cm`);
    if (size !== undefined) line.sizeCm = size;
  }

  const lesions = cell('lesions') ? positiveInt(cellValue(cell('lesions')!), `${label}: lesion count`) : undefined;
  if (lesions !== undefined) line.lesions = lesions;

  const billBox = controlIn(cell('bill')!, SEL.checkbox) as HTMLInputElement | null;
  if (!billBox) fail(`${label}: the Bill? cell has no checkbox`);
  line.billTo = billBox.checked ? 'insurance' : 'patient';

  if (cell('category')) {
    const catCell = cell('category')!;
    const select = controlIn(catCell, SEL.select);
    const raw = select ? controlValue(select) : [...catCell.querySelectorAll(SEL.tag)].map((t) => text(t)).join(' ');
    const key = raw.trim().toLowerCase();
    if (!(key in CATEGORY_TEXT)) fail(`${label}: category ${quoted(raw)} is not one dermlint knows`);
    const category = CATEGORY_TEXT[key];
    if (category) line.category = category;
  }

  const description = cell('description') ? text(cell('description')) : '';
  if (description) line.description = description;

  return { number, row, line };
}

/** The cells of a Services row by column, as the reader finds them (for apply.ts). */
export function serviceCells(row: Element): Partial<Record<ServiceColumn, Element>> {
  const table = row.closest(SEL.table);
  if (!table) return {};
  const cols = columnsOf(table, SERVICE_COLUMNS);
  const cells = cellsOf(row);
  const out: Partial<Record<ServiceColumn, Element>> = {};
  for (const c of Object.keys(cols) as ServiceColumn[]) if (cells[cols[c]!]) out[c] = cells[cols[c]!];
  return out;
}

/** The control a <label> in `scope` names, by the label's text (for apply.ts). */
export function labelledControl(scope: Element, re: RegExp): Element | null {
  try {
    return labelled([...scope.querySelectorAll(SEL.label)], re);
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}

const COLUMN_NAMES: Record<ServiceColumn, string> = {
  line: 'Line #',
  code: 'Procedure Code',
  description: 'Description',
  modifier: 'Modifier',
  dx: 'ICD-10',
  units: 'Units',
  site: 'Site',
  size: 'Size',
  lesions: 'Lesions',
  category: 'Category',
  bill: 'Bill?',
};

function readServices(section: Element): ServiceRow[] {
  const tables = [...section.querySelectorAll(SEL.table)]
    .map((table) => ({ table, cols: columnsOf(table, SERVICE_COLUMNS) }))
    .filter((t) => t.cols.code !== undefined);
  if (tables.length === 0) fail('the Services section has no table with a Procedure Code column');
  const rows: ServiceRow[] = [];
  let numbered = 0;
  for (const { table, cols } of tables) {
    for (const c of REQUIRED_SERVICE_COLUMNS) {
      if (cols[c] === undefined) fail(`a Services table has no ${COLUMN_NAMES[c]} column`);
    }
    if (cols.line !== undefined) numbered++;
    for (const row of bodyRows(table)) {
      if (isEmptyState(row)) continue;
      rows.push({ ...readServiceRow(row, cols, `service row ${rows.length + 1}`), cols });
    }
  }
  if (numbered !== 0 && numbered !== tables.length) fail('some Services tables show line numbers and some do not');
  if (numbered === 0) return rows; // no line numbers shown: the claim order is the screen order
  const sorted = [...rows].sort((a, b) => a.number! - b.number!);
  sorted.forEach((r, i) => {
    if (r.number !== i + 1)
      fail(
        `service line numbers are not 1 to ${rows.length} (found ${quoted(sorted.map((s) => s.number).join(', '))})`,
      );
  });
  return sorted;
}

function readHistory(section: Element): PriorService[] {
  const table = [...section.querySelectorAll(SEL.table)].find((t) => {
    const cols = columnsOf(t, HISTORY_COLUMNS);
    return cols.date !== undefined && cols.code !== undefined;
  });
  if (!table) fail('the Visit History section has no table with Date of Service and Procedure Code columns');
  const cols: Columns<HistoryColumn> = columnsOf(table, HISTORY_COLUMNS);
  const out: PriorService[] = [];
  for (const row of bodyRows(table)) {
    if (isEmptyState(row)) continue;
    const cells = cellsOf(row);
    const at = (c: HistoryColumn) => (cols[c] !== undefined && cells[cols[c]] ? cellValue(cells[cols[c]]!) : '');
    const service = priorService(at('date'), at('code'), at('modifier'), at('dx'));
    if (typeof service === 'string') fail(`visit history row ${out.length + 1}: ${service}`);
    out.push(service);
  }
  return out;
}

/**
 * The procedure documentation in its section: a textarea or rich text, or a same-origin frame
 * holding one (its document is returned, to be followed). A frame of another origin, or one not
 * loaded yet, shows no note we can read: then there is none, and the note rules stay silent.
 */
function readNote(section: Element): { text: string; frame?: Document } {
  const holder = controlIn(section, SEL.noteHolder);
  if (!holder) return { text: '' };
  if (holder.nodeName !== 'IFRAME' && holder.nodeName !== 'FRAME') return { text: noteText(holder) };
  let frame: Document | null = null;
  try {
    frame = (holder as HTMLIFrameElement).contentDocument;
  } catch {
    frame = null;
  }
  if (!frame) return { text: '' };
  const el = frame.querySelector(SEL.noteInFrame) ?? (frame.designMode === 'on' ? frame.body : null);
  return { text: el ? noteText(el) : '', frame };
}

function readAbn(scope: Element): Encounter['abn'] {
  const labels = [...scope.querySelectorAll(SEL.label)];
  const signedBox = labelled(labels, TEXT.abnSigned) as HTMLInputElement | null;
  if (!signedBox) return undefined;
  const scopeControl = labelled(labels, TEXT.abnScope);
  let selected = false;
  if (scopeControl) {
    const value = controlValue(scopeControl);
    const option =
      scopeControl.nodeName === 'SELECT'
        ? (scopeControl as HTMLSelectElement).options[(scopeControl as HTMLSelectElement).selectedIndex]
        : null;
    selected = TEXT.abnScopeSelected.test(value) || (option ? TEXT.abnScopeSelected.test(text(option)) : false);
  }
  let lines: number[] | undefined;
  if (selected) {
    const linesControl = labelled(labels, TEXT.abnLines);
    const raw = linesControl ? controlValue(linesControl) : '';
    const parts = raw.split(/[\s,;]+/).filter(Boolean);
    for (const p of parts)
      if (!/^\d+$/.test(p) || Number(p) <= 0) fail(`ABN: line numbers ${quoted(raw)} are not line numbers`);
    lines = parts.map((p) => Number(p) - 1);
  }
  if (signedBox.checked) return lines ? { signed: true, lines } : { signed: true };
  return lines ? { signed: false, lines } : undefined;
}

// ------------------------------------------------------------------ anchors

/** The Services column of each field a warning can be about. */
const ANCHOR_COLUMNS: Record<LineField, ServiceColumn> = {
  code: 'code',
  modifiers: 'modifier',
  units: 'units',
  site: 'site',
  size: 'size',
  dx: 'dx',
};

/**
 * Where the painter finds each field of a service line, asked for lines with findings only: the
 * cell's one control, else the cell (the modifier boxes, the ICD-10 chips with their pointer field).
 */
function fieldAnchors(services: readonly ServiceRow[]): NonNullable<ScreenAnchors['field']> {
  return (line, field) => {
    const service = services[line];
    const index = service?.cols?.[ANCHOR_COLUMNS[field]];
    if (index === undefined) return undefined;
    const cell = cellsOf(service!.row)[index];
    if (!cell) return undefined;
    const controls = controlsIn(cell, SEL.control);
    return controls.length === 1 && field !== 'dx' ? controls[0] : cell;
  };
}

function read(doc: Document): ReadResult {
  if (!isAthenaDocument(doc) || !doc.body) return ABSENT;
  const panel = billingPanel(doc);
  const scope = panel ?? doc.body;
  // One pass over the headings: the key ones of the Billing tab (Appointment Summary, Diagnoses, Services,
  // Visit History), and the procedure documentation's anywhere on the page.
  let dxHeading: Element | undefined, svcHeading: Element | undefined, summaryHeading: Element | undefined;
  let historyHeading: Element | undefined, noteHeading: Element | undefined;
  const keyHeadings: Element[] = [];
  for (const h of doc.body.querySelectorAll(SEL.heading)) {
    if (insideOurs(h, doc.body)) continue;
    const label = text(h);
    const inTab = scope === doc.body || scope.contains(h);
    if (TEXT.noteHeading.test(label)) noteHeading ??= h;
    else if (!inTab) continue;
    else if (TEXT.diagnosesHeading.test(label)) dxHeading ??= h;
    else if (TEXT.servicesHeading.test(label)) svcHeading ??= h;
    else if (TEXT.summaryHeading.test(label)) summaryHeading ??= h;
    else if (TEXT.historyHeading.test(label)) historyHeading ??= h;
    else continue;
    keyHeadings.push(h);
  }
  if (!dxHeading && !svcHeading) return ABSENT;
  return readScreen(() => {
    if (!dxHeading) fail('the Billing tab shows no Diagnoses section yet');
    if (!svcHeading) fail('the Billing tab shows no Services section yet');
    const dxSection = sectionOf(dxHeading, keyHeadings, scope);
    const svcSection = sectionOf(svcHeading, keyHeadings, scope);
    const header = summaryHeading ? sectionOf(summaryHeading, keyHeadings, scope) : scope;

    const id = readEncounterId(doc, scope);
    const dateOfService = readDateOfService(text(termValue(scope, TEXT.dateOfServiceTerm)));
    const payer = readPayer(doc);
    const payerEl = termValue(doc, TEXT.insuranceTerm);
    const diagnoses = readDiagnoses(dxSection);
    const services = readServices(svcSection);
    const abn = readAbn(scope);
    const history = historyHeading ? readHistory(sectionOf(historyHeading, keyHeadings, scope)) : [];
    const note = noteHeading ? readNote(sectionOf(noteHeading, keyHeadings, doc.body)) : { text: '' };

    const candidate: Encounter = { id, payer, diagnoses, lines: services.map((s) => s.line) };
    if (dateOfService) candidate.dateOfService = dateOfService;
    if (abn) candidate.abn = abn;
    if (note.text) candidate.note = note.text;
    if (history.length) candidate.history = history;
    const problem = checkEncounter(candidate);
    if (problem) fail(`the encounter read off the Billing tab is not valid (${problem})`);
    const anchors: ScreenAnchors = {
      lines: services.map((s) => s.row),
      field: fieldAnchors(services),
      diagnoses: dxSection,
      header,
    };
    if (payerEl) anchors.payer = payerEl;
    return note.frame
      ? { status: 'ok', encounter: candidate, anchors, documents: [note.frame] }
      : { status: 'ok', encounter: candidate, anchors };
  });
}

/** Sign Off, and Save & Go To Charge Entry (which drops the claim). */
function signControls(doc: Document): Element[] {
  if (!isAthenaDocument(doc)) return [];
  return [...doc.querySelectorAll(SEL.button)].filter((b) => {
    if (insideOurs(b, doc.documentElement) || b.getAttribute('role') === 'tab') return false;
    const label = b.nodeName === 'INPUT' ? ((b as HTMLInputElement).value ?? '').trim() : text(b);
    return TEXT.signControl.test(label);
  });
}

/** The banner's name, date of birth and MRN, for the dismissal-comment check only (see Adapter.patientBanner). */
function patientBanner(doc: Document): BannerFacts | undefined {
  const facts: BannerFacts = {
    name: text(doc.querySelector(SEL.patientName)) || undefined,
    dob: text(termValue(doc, TEXT.dobTerm)) || undefined,
    mrn: text(termValue(doc, TEXT.mrnTerm)) || undefined,
  };
  return facts.name || facts.dob || facts.mrn ? facts : undefined;
}

export const athenaAdapter: Adapter = {
  id: 'athena',
  name: 'athenahealth athenaOne',
  matches: [...withDemoHosts(MATCHES)],
  read,
  signControls,
  patientBanner,
};
