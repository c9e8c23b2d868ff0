/**
 * Reads an encounter off any EHR screen with a user's field map. Pure: only the
 * given Document is touched, text comes from textContent and control values
 * (never innerText or innerHTML), and nothing is guessed — a field that is
 * there but cannot be parsed makes the whole screen 'unreadable', naming the
 * field and the row.
 */
import type { Diagnosis, Encounter, Line, PriorService } from '../../rules/schema';
import type { LineField, ReadResult, ScreenAnchors } from '../types';
import {
  checkEncounter,
  dateOf,
  fail,
  failWith,
  fieldValue as valueOf,
  isOurs,
  payerKindFromText,
  positiveIntOf,
  quoted,
  readScreen,
  screenValue,
  sizeCmOf,
} from '../shared/reader';
import { encounterIdentity } from '../shared/text';
import type { FieldMap, FieldRef } from './fieldmap';
import { labelled } from './field-by-label';
import { noteText, priorService } from '../shared/note';

/** Where a selector came from in the map, for messages: 'procedures.units'. */
type Field = string;

/** What a field of the map points at within scope (nothing for a field the map leaves out). */
function queryAll(scope: ParentNode, ref: FieldRef | undefined, field: Field): Element[] {
  let found: ArrayLike<Element> = [];
  try {
    if (typeof ref === 'string') found = scope.querySelectorAll(ref);
    else if (ref) {
      const at = labelled(scope, ref.label);
      found = !at ? [] : ref.selector ? at.box.querySelectorAll(ref.selector) : [at.value];
    }
  } catch {
    failWith(
      `the field map's ${field} selector is not valid CSS here ('${typeof ref === 'string' ? ref : ref!.selector}')`,
    );
  }
  // Our own painted elements are never part of the screen.
  return Array.from(found).filter((el) => !isOurs(el));
}

function queryFirst(scope: ParentNode, ref: FieldRef | undefined, field: Field): Element | undefined {
  return queryAll(scope, ref, field)[0];
}

/** "could not read: units of row 2 ('abc'): expected …" */
function failField(what: string, where: string, raw: string, why?: string): never {
  // The value is quoted so the user can find it; kept short, as a map pointed at the wrong element may quote anything.
  fail(`${what} of ${where} (${quoted(raw, 58)})${why ? `: ${why}` : ''}`);
}

function isToggle(el: Element): el is HTMLInputElement {
  if (el.tagName.toLowerCase() !== 'input') return false;
  const type = ((el as HTMLInputElement).type || el.getAttribute('type') || '').toLowerCase();
  return type === 'checkbox' || type === 'radio';
}

/** A checkbox's state, or yes/no text; undefined when blank. */
function yesNo(el: Element, what: string, where: string): boolean | undefined {
  if (isToggle(el)) return el.checked;
  const raw = valueOf(el);
  const t = raw.toLowerCase();
  if (!t) return undefined;
  if (/\b(not|no|none|unsigned|declined|refused|false|n)\b/.test(t) || t === 'off') return false;
  if (/\b(yes|y|signed|on file|true|x|covered|on)\b/.test(t) || t === '✓' || t === '✔') return true;
  return failField(what, where, raw);
}

function positiveInt(raw: string, what: string, where: string): number | undefined {
  const n = positiveIntOf(raw);
  return n === null ? failField(what, where, raw, 'expected a whole number above 0') : n;
}

/** 'CPT 99213', '99213 - Office visit' → code and the text after it. */
function procedureCode(raw: string, where: string): { code: string; rest?: string } {
  const t = raw.trim();
  if (!t) return { code: '' };
  const m = t.match(/^([0-9]{4}[0-9FTU]|[A-Za-z][0-9]{4})(?:(?:\s*[-–—:]\s*|\s+)(.*))?$/);
  if (!m) failField('code', where, raw, 'expected a CPT or HCPCS code');
  return { code: m[1]!.toUpperCase(), rest: m[2]?.trim() || undefined };
}

/** 'L57.0', 'L570', 'L57.0 - Actinic keratosis' → code and the text after it. */
function icdCode(raw: string, where: string): { code: string; rest?: string } {
  const t = raw.trim();
  const m = t.match(/^([A-Za-z][0-9][0-9A-Za-z](?:\.?[0-9A-Za-z]{1,4})?)(?:(?:\s*[-–—:]\s*|\s+)(.*))?$/);
  if (!m) failField('code', where, raw, 'expected an ICD-10 code');
  return { code: m[1]!.toUpperCase(), rest: m[2]?.trim() || undefined };
}

const normIcd = (code: string) => code.trim().toUpperCase().replace(/\./g, '');

function modifiersOf(elements: Element[], where: string): string[] {
  const out: string[] = [];
  for (const el of elements) {
    const raw = valueOf(el);
    for (const token of raw.split(/[\s,;/\-–]+/).filter(Boolean)) {
      if (!/^[A-Za-z0-9]{2}$/.test(token)) failField('modifiers', where, raw, 'expected two-character modifiers');
      out.push(token.toUpperCase());
    }
  }
  return out;
}

function pointersOf(elements: Element[], where: string, diagnoses: Diagnosis[]): number[] {
  const out: number[] = [];
  for (const el of elements) {
    const raw = valueOf(el);
    for (const token of raw.split(/[\s,;]+/).filter(Boolean)) {
      if (/^\d+$/.test(token)) {
        // A claim has at most 12 diagnosis pointers (CMS-1500 box 21 A–L); a bigger number is some other field.
        const n = Number(token);
        if (n < 1 || n > 12)
          failField('pointers', where, raw, `${screenValue(token, 20)} is not a diagnosis pointer (1 to 12)`);
        out.push(n);
      }
      // CMS-1500 box 24E letters: A → 1 … L → 12, alone or run together ('AB').
      else if (/^[A-La-l]{1,4}$/.test(token)) for (const ch of token.toUpperCase()) out.push(ch.charCodeAt(0) - 64);
      else {
        const index = diagnoses.findIndex((d) => normIcd(d.code) === normIcd(token));
        if (index < 0) failField('pointers', where, raw, `${screenValue(token, 20)} is not on the diagnosis list`);
        out.push(index + 1);
      }
    }
  }
  return out;
}

function billToOf(el: Element, where: string): Line['billTo'] {
  if (isToggle(el)) return el.checked ? 'insurance' : 'patient';
  const raw = valueOf(el);
  const t = raw.toLowerCase();
  if (!t) return undefined;
  if (
    /^(ins(urance)?|primary( insurance)?|secondary( insurance)?|payer|claim|yes|y|true|bill( insurance)?|billable)$/.test(
      t,
    )
  )
    return 'insurance';
  if (
    /^(pat(ient)?|pt|self[\s-]?pay|self|cash|no|n|false|do not bill|don'?t bill|no bill|patient pay|patient responsibility)$/.test(
      t,
    )
  )
    return 'patient';
  return failField('bill-to', where, raw, "expected 'Insurance' or 'Patient'");
}

function categoryOf(el: Element, where: string): Line['category'] {
  const raw = valueOf(el);
  const t = raw.toLowerCase();
  if (!t) return undefined;
  if (/cosmetic|aesthetic/.test(t)) return 'cosmetic';
  if (/retail|product|merchandise|\bitem\b/.test(t)) return 'retail';
  if (/service|procedure|medical|clinical/.test(t)) return 'service';
  return failField('category', where, raw, "expected 'Service', 'Cosmetic' or 'Retail'");
}

function readDateOfService(raw: string): string | undefined {
  const day = dateOf(raw);
  return day === null
    ? failField('date of service', 'the encounter', raw, 'expected a date MM/DD/YYYY or YYYY-MM-DD')
    : day;
}

/** The page's path, without query or fragment (they may carry patient ids). */
function pathOf(doc: Document): string {
  try {
    return new URL(doc.URL).pathname;
  } catch {
    return '';
  }
}

function readDiagnoses(doc: Document, map: FieldMap): { diagnoses: Diagnosis[]; rows: Element[] } {
  const rows = queryAll(doc, map.diagnoses.rows, 'diagnoses.rows');
  const read = rows.map((row, i) => {
    const where = `diagnosis ${i + 1}`;
    const raw = valueOf(queryFirst(row, map.diagnoses.code, 'diagnoses.code'));
    if (!raw) return null;
    const { code, rest } = icdCode(raw, where);
    const described = map.diagnoses.description
      ? valueOf(queryFirst(row, map.diagnoses.description, 'diagnoses.description'))
      : (rest ?? '');
    const d: Diagnosis = { code };
    if (described) d.description = described;
    return d;
  });
  // Trailing blank rows are entry rows; a blank row between diagnoses would shift the pointers: refuse.
  while (read.length && read[read.length - 1] === null) read.pop();
  const gap = read.indexOf(null);
  if (gap >= 0) failField('code', `diagnosis ${gap + 1}`, '', 'a blank diagnosis between others');
  return { diagnoses: read as Diagnosis[], rows: rows.slice(0, read.length) };
}

export function readWithFieldMap(doc: Document, map: FieldMap): ReadResult {
  return readScreen(() => readOrThrow(doc, map));
}

function readOrThrow(doc: Document, map: FieldMap): ReadResult {
  const p = map.procedures;
  const rowElements = queryAll(doc, p.rows, 'procedures.rows');
  const dxRowElements = queryAll(doc, map.diagnoses.rows, 'diagnoses.rows');
  if (rowElements.length === 0 && dxRowElements.length === 0) return { status: 'absent' };

  const { diagnoses, rows: dxRows } = readDiagnoses(doc, map);

  const lines: Line[] = [];
  const anchors: Element[] = [];
  const covered: boolean[] = [];
  rowElements.forEach((row, i) => {
    const where = `row ${i + 1}`;
    const field = (sel: FieldRef | undefined, name: string) =>
      sel ? valueOf(queryFirst(row, sel, `procedures.${name}`)) : '';
    const rawCode = field(p.code, 'code');
    const modifierEls = queryAll(row, p.modifiers, 'procedures.modifiers');
    const pointerEls = queryAll(row, p.pointers, 'procedures.pointers');
    const rawUnits = field(p.units, 'units');
    const rawSite = field(p.site, 'site');
    const rawSize = field(p.size, 'size');
    const rawLesions = field(p.lesions, 'lesions');
    const rawDescription = field(p.description, 'description');
    const rawCategory = field(p.category, 'category');
    const hasContent =
      rawCode ||
      rawUnits ||
      rawSite ||
      rawSize ||
      rawLesions ||
      rawDescription ||
      rawCategory ||
      modifierEls.some((el) => valueOf(el)) ||
      pointerEls.some((el) => valueOf(el));
    // An empty row is the EHR's entry row, not a line.
    if (!hasContent) return;

    const { code, rest } = procedureCode(rawCode, where);
    const line: Line = { code };
    const modifiers = modifiersOf(modifierEls, where);
    if (modifiers.length) line.modifiers = modifiers;
    const units = positiveInt(rawUnits, 'units', where);
    if (units !== undefined) line.units = units;
    const dx = pointersOf(pointerEls, where, diagnoses);
    if (dx.length) line.dx = dx;
    if (rawSite) line.site = rawSite;
    const size = sizeCmOf(rawSize);
    if (size === null) failField('size', where, rawSize, "expected a size like '1.2 cm' or '12 mm'");
    if (size !== undefined) line.sizeCm = size;
    const lesions = positiveInt(rawLesions, 'lesions', where);
    if (lesions !== undefined) line.lesions = lesions;
    const billEl = queryFirst(row, p.billTo, 'procedures.billTo');
    const billTo = billEl ? billToOf(billEl, where) : undefined;
    if (billTo) line.billTo = billTo;
    const categoryEl = queryFirst(row, p.category, 'procedures.category');
    const category = categoryEl ? categoryOf(categoryEl, where) : undefined;
    if (category) line.category = category;
    const description = rawDescription || rest;
    if (description) line.description = description;
    const abnEl = queryFirst(row, p.abn, 'procedures.abn');
    covered.push(abnEl ? yesNo(abnEl, 'ABN', where) === true : false);
    lines.push(line);
    anchors.push(row);
  });

  // Payer: the category (financial class) when shown, else the plan name.
  const payerNameEl = queryFirst(doc, map.payer?.name, 'payer.name');
  const payerName = payerNameEl ? valueOf(payerNameEl) : '';
  const payerCategoryEl = queryFirst(doc, map.payer?.category, 'payer.category');
  const payer: Encounter['payer'] = {
    kind: payerKindFromText(payerCategoryEl ? valueOf(payerCategoryEl) : '', payerName),
  };
  if (payerName) payer.name = payerName;

  // ABN: signed from its control (or, without one, from any line marked covered); coverage per line when mapped.
  let abn: Encounter['abn'];
  const abnEl = queryFirst(doc, map.abnSigned, 'abnSigned');
  const anyCovered = covered.some(Boolean);
  const signed = abnEl ? yesNo(abnEl, 'ABN signed', 'the encounter') === true : !map.abnSigned && anyCovered;
  if (map.abnSigned || p.abn) {
    abn = { signed };
    if (p.abn && signed && !covered.every(Boolean)) abn.lines = covered.flatMap((c, i) => (c ? [i] : []));
  }

  const dosEl = queryFirst(doc, map.dateOfService, 'dateOfService');
  const dateOfService = dosEl ? readDateOfService(valueOf(dosEl)) : undefined;
  const keyEl = queryFirst(doc, map.encounterKey, 'encounterKey');

  const candidate: Encounter = {
    // Location-free and patient-free: the map, the page path, the EHR's encounter number and the date of service.
    id: encounterIdentity('generic', map.name, pathOf(doc), keyEl ? valueOf(keyEl) : '', dateOfService ?? ''),
    payer,
    diagnoses,
    lines,
  };
  if (dateOfService) candidate.dateOfService = dateOfService;
  if (abn) candidate.abn = abn;
  const noteEl = queryFirst(doc, map.note, 'note');
  const note = noteEl ? noteText(noteEl) : '';
  if (note) candidate.note = note;
  const h = map.history;
  const history: PriorService[] = [];
  for (const [i, row] of (h ? queryAll(doc, h.rows, 'history.rows') : []).entries()) {
    const field = (sel: FieldRef | undefined, name: string) =>
      sel ? valueOf(queryFirst(row, sel, `history.${name}`)) : '';
    const service = priorService(
      field(h!.date, 'date'),
      field(h!.code, 'code'),
      field(h!.modifiers, 'modifiers'),
      field(h!.dx, 'dx'),
    );
    if (typeof service === 'string') fail(`${service} of history row ${i + 1}`);
    history.push(service);
  }
  if (history.length) candidate.history = history;
  const problem = checkEncounter(candidate);
  if (problem) fail(problem);

  const screen: ScreenAnchors = { lines: anchors, field: fieldAnchors(anchors, p) };
  if (payerNameEl) screen.payer = payerNameEl;
  const dxAnchor = dxRows[0] ?? dxRowElements[0];
  const diagnosesAnchor =
    dxAnchor?.closest('table, ul, ol, [role="grid"], [role="table"]') ?? dxAnchor?.parentElement ?? undefined;
  if (diagnosesAnchor) screen.diagnoses = diagnosesAnchor;
  const header = queryFirst(doc, map.header, 'header') ?? payerNameEl?.parentElement ?? undefined;
  if (header) screen.header = header;
  return { status: 'ok', encounter: candidate, anchors: screen };
}

/**
 * Where the painter finds each field of a row, by the map's own selectors (asked for lines with
 * findings only). Several modifier fields: the first empty one (where a missing modifier goes),
 * else the last; several pointer fields: the first.
 */
function fieldAnchors(rows: readonly Element[], p: FieldMap['procedures']): NonNullable<ScreenAnchors['field']> {
  const selectors: Record<LineField, FieldRef | undefined> = {
    code: p.code,
    modifiers: p.modifiers,
    units: p.units,
    site: p.site,
    size: p.size,
    dx: p.pointers,
  };
  return (line, field) => {
    const row = rows[line];
    const selector = selectors[field];
    if (!row || !selector) return undefined;
    let found: Element[];
    try {
      found = queryAll(row, selector, field);
    } catch {
      return undefined;
    }
    if (field === 'modifiers') return found.find((el) => !valueOf(el)) ?? found[found.length - 1];
    return found[0];
  };
}

/** The controls that submit or sign the claim, per the map. */
export function signControlsWithFieldMap(doc: Document, map: FieldMap): Element[] {
  if (!map.signControls) return [];
  try {
    return queryAll(doc, map.signControls, 'signControls');
  } catch {
    return [];
  }
}
