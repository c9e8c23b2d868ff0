/**
 * A teaching session's answers (one click, or "no such field", per question)
 * turned into a field map, with what each field reads and what looks wrong.
 * Recomputed from all the answers after every click, so a redone answer
 * changes what the others may select (a modifiers selector never takes the
 * code's chip). Pure DOM work: unit-tested on saved screens.
 */
import type { FieldMap, FieldRef } from '../../adapters/generic/fieldmap';
import { readWithFieldMap } from '../../adapters/generic/read';
import { payerKindFromText } from '../../adapters/shared/payer';
import { valueOf } from '../../adapters/shared/text';
import {
  autoDocFields,
  autoRowFields,
  describeRef,
  findRow,
  historyTable,
  inferField,
  inferRows,
  mapIdentity,
  payerCategoryNear,
  selectRef,
  type Inferred,
  type Rows,
} from './infer';

export type Question = 'code' | 'modifiers' | 'units' | 'site' | 'size' | 'pointers' | 'dx' | 'payer' | 'note' | 'sign';

export interface QuestionSpec {
  id: Question;
  /** What the panel asks, in a practice manager's words. */
  ask: string;
  /** Short name for the list and the highlight tag. */
  name: string;
  hint: string;
  /** dermlint cannot read a screen without it. */
  required?: boolean;
}

export const QUESTIONS: readonly QuestionSpec[] = [
  {
    id: 'code',
    name: 'Procedure code',
    ask: 'Click a procedure code (CPT or HCPCS) on any line',
    hint: 'For example 17110 or 99213. dermlint finds the other lines from this one.',
    required: true,
  },
  {
    id: 'modifiers',
    name: 'Modifiers',
    ask: 'Click a modifier on a line (or the empty modifier box)',
    hint: 'For example 25 or 59. One click is enough when a line has several.',
  },
  { id: 'units', name: 'Units', ask: 'Click the units (quantity) of a line', hint: 'Often 1.' },
  { id: 'site', name: 'Site', ask: 'Click the body site of a line', hint: 'For example “left forearm”.' },
  { id: 'size', name: 'Size', ask: 'Click the lesion size of a line', hint: 'For example 1.2 (cm).' },
  {
    id: 'pointers',
    name: 'Diagnosis pointers',
    ask: 'Click the diagnosis pointer of a line',
    hint: 'Which diagnosis the line is for: 1, A, or an ICD-10 code.',
  },
  {
    id: 'dx',
    name: 'Diagnosis code',
    ask: 'Click a diagnosis code (ICD-10) in the diagnosis list',
    hint: 'For example L57.0.',
    required: true,
  },
  {
    id: 'payer',
    name: 'Payer',
    ask: 'Click the insurance (payer) name',
    hint: 'For example “Medicare Part B” or “Cigna Open Access Plus”.',
  },
  {
    id: 'note',
    name: 'Note',
    ask: 'Click the procedure note',
    hint: 'The text of the visit note that documents the procedures.',
  },
  {
    id: 'sign',
    name: 'Sign button',
    ask: 'Click the button that signs, finalizes or submits the claim',
    hint: 'dermlint does not press it while you teach.',
  },
];

export type Answers = Partial<Record<Question, Element | 'none'>>;

interface FieldOutcome {
  /** The user said the screen has no such field. */
  none?: boolean;
  inferred?: Inferred;
  /** Why this click gave no usable field. */
  problem?: string;
}

interface AutoOutcome {
  /** Path in the map: 'procedures.lesions', 'dateOfService'. */
  path: string;
  /** The label the screen shows for it. */
  label: string;
  inferred: Inferred;
}

export interface Teaching {
  fields: Partial<Record<Question, FieldOutcome>>;
  /** Fields dermlint found by their labels without a click. */
  auto: AutoOutcome[];
  procedureRows?: Rows;
  diagnosisRows?: Rows;
  /** The map, once a procedure code and a diagnosis code are taught. */
  map: FieldMap | null;
  /** What stops the map from being saved, or what the user should check. */
  problems: string[];
}

const ROW_FIELD: Partial<Record<Question, 'code' | 'modifiers' | 'units' | 'site' | 'size' | 'pointers'>> = {
  code: 'code',
  modifiers: 'modifiers',
  units: 'units',
  site: 'site',
  size: 'size',
  pointers: 'pointers',
};
const MULTI = new Set<Question>(['modifiers', 'pointers']);

const isCategory = (text: string) => payerKindFromText(text) !== 'unknown';

/** Everything a reference selects on any of the rows (or the screen). */
function selected(ref: FieldRef, scopes: ParentNode[]): Element[] {
  return scopes.flatMap((s) => selectRef(s, ref));
}

export function teach(doc: Document, answers: Answers, url = doc.URL): Teaching {
  const fields: Teaching['fields'] = {};
  const problems: string[] = [];
  const taken = new Set<Element>();
  const clicked = new Set<Element>(Object.values(answers).filter((a): a is Element => !!a && a !== 'none'));
  const take = (els: Element[]) => els.forEach((e) => taken.add(e));

  // The procedure rows, from the clicked code.
  const code = answers.code;
  let procedureRows: Rows | undefined;
  if (code && code !== 'none') {
    procedureRows = findRow(code) ?? undefined;
    if (!procedureRows)
      fields.code = { problem: 'dermlint found no line around this code: click a code inside the list of procedures' };
  }
  const procScopes = procedureRows?.rows ?? [];

  // Single-valued row fields first, then the ones of several elements (which must not take what the others read).
  const order: Question[] = ['code', 'units', 'site', 'size', 'modifiers', 'pointers'];
  for (const q of order) {
    const a = answers[q];
    if (!a || fields[q]) continue;
    if (a === 'none') {
      fields[q] = { none: true };
      continue;
    }
    if (!procedureRows) {
      fields[q] = { problem: 'teach the procedure code first' };
      continue;
    }
    if (!procedureRows.row.contains(a) && !procedureRows.rows.some((r) => r.contains(a))) {
      fields[q] = { problem: 'this is not on a procedure line: click it on one of the lines' };
      continue;
    }
    const row = procedureRows.rows.find((r) => r.contains(a))!;
    const rows: Rows = { ...procedureRows, row };
    const others = new Set([...taken, ...[...clicked].filter((c) => c !== a && !a.contains(c) && !c.contains(a))]);
    const inferred = inferField(a, rows, { multi: MULTI.has(q), exclude: others });
    if (!inferred) fields[q] = { problem: 'dermlint could not find this field the same way on every line' };
    else {
      fields[q] = { inferred };
      take(selected(inferred.ref, procScopes));
    }
  }

  // The diagnosis rows, from the clicked diagnosis code.
  let diagnosisRows: Rows | undefined;
  const dx = answers.dx;
  if (dx === 'none') fields.dx = { none: true };
  else if (dx) {
    diagnosisRows = findRow(dx) ?? undefined;
    const inferred = diagnosisRows && inferField(dx, diagnosisRows, { exclude: taken });
    if (!inferred) fields.dx = { problem: 'dermlint found no diagnosis list around this code' };
    else {
      fields.dx = { inferred };
      take(selected(inferred.ref, diagnosisRows!.rows));
    }
  }

  // Whole-screen fields.
  let payerCategory: Inferred | null = null;
  for (const q of ['payer', 'note', 'sign'] as const) {
    const a = answers[q];
    if (!a) continue;
    if (a === 'none') {
      fields[q] = { none: true };
      continue;
    }
    if ([procedureRows, diagnosisRows].some((r) => r?.rows.some((row) => row.contains(a)))) {
      fields[q] = { problem: 'this is on a line; click the one the whole claim has' };
      continue;
    }
    const inferred = inferField(a, null, { exclude: taken });
    if (!inferred) fields[q] = { problem: 'dermlint could not tell this element apart from the others' };
    else {
      fields[q] = { inferred };
      take(inferred.elements);
      if (q === 'payer') {
        payerCategory = payerCategoryNear(inferred.elements[0] ?? a, isCategory, taken);
        if (payerCategory) take(payerCategory.elements);
      }
    }
  }

  // Fields the screen labels with known words, found without a click.
  const auto: AutoOutcome[] = [];
  if (procedureRows) {
    for (const f of autoRowFields(procedureRows, taken)) {
      auto.push({ path: `procedures.${f.field}`, label: f.label, inferred: f.inferred });
      take(selected(f.inferred.ref, procScopes));
    }
  }
  if (diagnosisRows) {
    for (const f of autoRowFields(diagnosisRows, taken, true)) {
      auto.push({ path: `diagnoses.${f.field}`, label: f.label, inferred: f.inferred });
      take(selected(f.inferred.ref, diagnosisRows.rows));
    }
  }
  if (payerCategory) auto.push({ path: 'payer.category', label: 'Insurance category', inferred: payerCategory });
  for (const f of autoDocFields(doc, taken, [...(procedureRows?.rows ?? []), ...(diagnosisRows?.rows ?? [])])) {
    auto.push({ path: f.field, label: f.label, inferred: f.inferred });
    take(f.inferred.elements);
  }
  // The visit history (prior services), by its column headers: set on the map apart from the single fields below.
  const history = historyTable(doc, [...(procedureRows?.rows ?? []), ...(diagnosisRows?.rows ?? [])]);
  if (history)
    auto.push({
      path: 'history',
      label: history.label,
      inferred: { ref: history.map.rows, how: 'its column headers', elements: [history.table] },
    });

  for (const q of QUESTIONS)
    if (q.required && (answers[q.id] === 'none' || fields[q.id]?.problem)) {
      problems.push(`${q.name}: ${fields[q.id]?.problem ?? 'dermlint cannot check a claim without it'}.`);
    }

  let map: FieldMap | null = null;
  const procRowsSel = procedureRows && inferRows(procedureRows);
  const dxRowsSel = diagnosisRows && inferRows(diagnosisRows);
  if (procedureRows && !procRowsSel)
    problems.push(
      'Procedure lines: dermlint could not name the lines in a way that finds them all; add a line and try again, or edit the map in options.',
    );
  if (diagnosisRows && !dxRowsSel)
    problems.push('Diagnoses: dermlint could not name the diagnosis rows in a way that finds them all.');
  const ref = (q: Question) => fields[q]?.inferred?.ref;
  if (procRowsSel && dxRowsSel && ref('code') && ref('dx')) {
    const identity = mapIdentity(url);
    const procedures: FieldMap['procedures'] = { rows: procRowsSel.selector, code: ref('code')! };
    for (const q of ['modifiers', 'units', 'pointers', 'site', 'size'] as const) {
      const r = ref(q);
      if (r) procedures[ROW_FIELD[q]!] = r;
    }
    map = {
      name: identity.name,
      matches: identity.matches,
      procedures,
      diagnoses: { rows: dxRowsSel.selector, code: ref('dx')! },
    };
    if (ref('payer')) map.payer = { name: ref('payer')! };
    if (ref('note')) map.note = ref('note')!;
    if (ref('sign')) map.signControls = ref('sign')!;
    const single = auto.filter((a) => a.path !== 'history');
    for (const a of single) setPath(map, a.path, a.inferred.ref);
    // A field found by its label that makes the screen unreadable is left out (the user can still map it in options).
    const reads = (m: FieldMap) => readWithFieldMap(doc, m).status !== 'unreadable';
    if (!reads(map)) {
      const bare = structuredClone(map);
      for (const a of single) setPath(bare, a.path, undefined);
      if (reads(bare)) {
        for (const a of single) {
          const trial = structuredClone(bare);
          setPath(trial, a.path, a.inferred.ref);
          if (reads(trial)) setPath(bare, a.path, a.inferred.ref);
          else auto.splice(auto.indexOf(a), 1);
        }
        map = bare;
      }
    }
    if (history) {
      if (reads({ ...map, history: history.map })) map.history = history.map;
      else
        auto.splice(
          auto.findIndex((a) => a.path === 'history'),
          1,
        );
    }
  }
  if (procedureRows?.guessed)
    problems.push(
      'Only one procedure line is on the screen: dermlint guessed where lines begin and end. Teach it on an encounter with two lines or more to be sure.',
    );
  const result: Teaching = { fields, auto, map, problems };
  if (procedureRows) result.procedureRows = procedureRows;
  if (diagnosisRows) result.diagnosisRows = diagnosisRows;
  return result;
}

function setPath(map: FieldMap, path: string, value: FieldRef | undefined) {
  const [a, b] = path.split('.') as [string, string | undefined];
  const target = (b ? ((map as unknown as Record<string, Record<string, unknown>>)[a] ??= {}) : map) as Record<
    string,
    unknown
  >;
  const key = b ?? a;
  if (value === undefined) delete target[key];
  else target[key] = value;
}

// ── What the map reads, for the panel ────────────────────────────────────────

interface PreviewLine {
  code: string;
  modifiers: string;
  units: string;
  site: string;
  size: string;
  pointers: string;
}

export interface Preview {
  status: 'ok' | 'absent' | 'unreadable';
  reason?: string;
  lines: PreviewLine[];
  diagnoses: string[];
  payerName?: string;
  noteChars?: number;
  signControls?: number;
  /** 'Modifiers read empty on every line …'. */
  warnings: string[];
}

const ROW_COLUMNS: [keyof PreviewLine, string][] = [
  ['code', 'Procedure code'],
  ['modifiers', 'Modifiers'],
  ['units', 'Units'],
  ['site', 'Site'],
  ['size', 'Size'],
  ['pointers', 'Diagnosis pointers'],
];

/** What the map reads on the screen now, line by line, as the review panel would show it, and the fields that read empty everywhere. */
export function previewMap(doc: Document, map: FieldMap): Preview {
  const rows = selectRef(doc, map.procedures.rows);
  const raw = (row: ParentNode, ref: FieldRef | undefined) =>
    ref
      ? selectRef(row, ref)
          .map((e) => valueOf(e))
          .filter(Boolean)
          .join(' ')
      : '';
  const lines = rows
    .map((row) => ({
      code: raw(row, map.procedures.code),
      modifiers: raw(row, map.procedures.modifiers),
      units: raw(row, map.procedures.units),
      site: raw(row, map.procedures.site),
      size: raw(row, map.procedures.size),
      pointers: raw(row, map.procedures.pointers),
    }))
    .filter((l) => Object.values(l).some(Boolean));
  const warnings: string[] = [];
  if (lines.length) {
    for (const [key, name] of ROW_COLUMNS) {
      const r = map.procedures[key as keyof FieldMap['procedures']];
      if (r && lines.every((l) => !l[key])) {
        warnings.push(
          `${name} reads empty on every line (${describeRef(r)}). If the screen shows it, redo it on a line that has one; chips are read once one line shows a chip.`,
        );
      }
    }
  }
  const diagnoses = selectRef(doc, map.diagnoses.rows)
    .map((row) => raw(row, map.diagnoses.code))
    .filter(Boolean);
  const read = readWithFieldMap(doc, map);
  const preview: Preview = { status: read.status, lines, diagnoses, warnings };
  if (read.status === 'unreadable') preview.reason = read.reason;
  if (map.payer) {
    preview.payerName = raw(doc, map.payer.name);
    if (!preview.payerName) warnings.push(`Payer reads empty (${describeRef(map.payer.name)}).`);
  }
  if (map.note) preview.noteChars = raw(doc, map.note).length;
  if (map.signControls) preview.signControls = selectRef(doc, map.signControls).length;
  return preview;
}
