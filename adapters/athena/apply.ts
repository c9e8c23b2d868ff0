/**
 * One-click fixes on athenaNet's Billing tab, carried out with its own
 * controls as a person uses them: a row's Modifier boxes (the first empty
 * one), Units, Procedure Code and ICD-10 pointer boxes (value, change), its
 * Bill? checkbox (clicked), its remove button, and the Services section's
 * "Add service" box and Add button. athenaNet re-renders the whole tab after
 * a committed edit, so every step finds its control again, by the same
 * column headers and labels the reader uses (never an id).
 */
import type { SuggestionAction } from '../../rules/schema';
import type { Applier, ApplyResult } from '../types';
import {
  APPLIED,
  cannot,
  clickLikeAPerson,
  failed,
  isCheckbox,
  isWritable,
  norm,
  settled,
  typeValue,
} from '../shared/apply-kit';
import { athenaAdapter, labelledControl, serviceCells } from './index';
import { APPLY_TEXT, SEL, type ServiceColumn } from './selectors';
import { insideOurs } from '../shared/reader';

const COLUMN_WORD: Partial<Record<ServiceColumn, string>> = {
  code: 'Procedure Code',
  modifier: 'Modifier',
  units: 'Units',
  dx: 'ICD-10',
  bill: 'Bill?',
};

const notOurs = (el: Element) => !insideOurs(el);

function lines(doc: Document): { rows: Element[] } | string {
  const read = athenaAdapter.read(doc);
  if (read.status !== 'ok')
    return read.status === 'absent' ? 'the Billing tab is no longer on the screen' : read.reason;
  return { rows: read.anchors.lines };
}

/** The cell of line `line` (0-based, claim order) in a column, or why there is none. */
function cellOf(doc: Document, line: number, column: ServiceColumn): Element | string {
  const found = lines(doc);
  if (typeof found === 'string') return found;
  const row = found.rows[line];
  if (!row) return `there is no service line ${line + 1}`;
  return serviceCells(row)[column] ?? `service line ${line + 1} has no ${COLUMN_WORD[column] ?? column} cell`;
}

function textBoxes(cell: Element): HTMLInputElement[] {
  return [...cell.querySelectorAll(SEL.textInput)].filter(
    (el): el is HTMLInputElement => el.tagName === 'INPUT' && notOurs(el),
  );
}

function textBox(doc: Document, line: number, column: ServiceColumn): HTMLInputElement | string {
  const cell = cellOf(doc, line, column);
  if (typeof cell === 'string') return cell;
  const box = textBoxes(cell).find(isWritable);
  return box ?? `the ${COLUMN_WORD[column]} of service line ${line + 1} cannot be edited`;
}

function billBox(doc: Document, line: number): HTMLInputElement | string {
  const cell = cellOf(doc, line, 'bill');
  if (typeof cell === 'string') return cell;
  const box = [...cell.querySelectorAll(SEL.checkbox)].find((b) => notOurs(b) && isCheckbox(b) && !b.disabled) as
    HTMLInputElement | undefined;
  return box ?? `the Bill? box of service line ${line + 1} cannot be changed`;
}

function removeButton(doc: Document, line: number): HTMLButtonElement | string {
  const found = lines(doc);
  if (typeof found === 'string') return found;
  const row = found.rows[line];
  if (!row) return `there is no service line ${line + 1}`;
  const button = [...row.querySelectorAll(SEL.button)].find((b) => {
    const name = b.getAttribute('aria-label') || b.getAttribute('title') || (b.textContent ?? '').trim();
    return notOurs(b) && APPLY_TEXT.removeButton.test(name) && !(b as HTMLButtonElement).disabled;
  });
  return (button as HTMLButtonElement | undefined) ?? `service line ${line + 1} has no remove button`;
}

/** The Services section's "Add service" box and its Add button. */
function addControls(doc: Document): { box: HTMLInputElement; button: HTMLElement } | string {
  if (!doc.body) return 'the Billing tab is no longer on the screen';
  const box = labelledControl(doc.body, APPLY_TEXT.addServiceLabel);
  if (!isWritable(box) || box.tagName !== 'INPUT') return 'the Billing tab has no "Add service" box';
  // The Add button sits beside the box, in the same entry row.
  for (let scope = box.parentElement, up = 0; scope && up < 3; scope = scope.parentElement, up++) {
    const button = [...scope.querySelectorAll(SEL.button)].find(
      (b) =>
        notOurs(b) && APPLY_TEXT.addButton.test((b.textContent ?? '').trim()) && !(b as HTMLButtonElement).disabled,
    );
    if (button) return { box: box as HTMLInputElement, button: button as HTMLElement };
  }
  return 'the "Add service" box has no Add button';
}

function canApply(action: SuggestionAction, doc: Document): string | null {
  const why = (found: unknown) => (typeof found === 'string' ? found : null);
  switch (action.type) {
    case 'addModifier': {
      const cell = cellOf(doc, action.line, 'modifier');
      if (typeof cell === 'string') return cell;
      const boxes = textBoxes(cell).filter(isWritable);
      if (boxes.some((b) => norm(b.value) === norm(action.modifier))) return null;
      return boxes.some((b) => !b.value.trim())
        ? null
        : `all modifier boxes of service line ${action.line + 1} are in use`;
    }
    case 'removeModifier':
      return why(cellOf(doc, action.line, 'modifier'));
    case 'setUnits':
      return why(textBox(doc, action.line, 'units'));
    case 'replaceCode':
      return why(textBox(doc, action.line, 'code'));
    case 'billToPatient':
      return why(billBox(doc, action.line));
    case 'removeLine':
      return why(removeButton(doc, action.line));
    case 'addLine':
      return why(addControls(doc));
  }
}

async function type(doc: Document, box: HTMLInputElement, value: string): Promise<ApplyResult> {
  typeValue(box, value);
  await settled(doc);
  return APPLIED;
}

async function addModifier(doc: Document, line: number, modifier: string): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'modifier');
  if (typeof cell === 'string') return cannot(cell);
  const boxes = textBoxes(cell).filter(isWritable);
  if (boxes.some((b) => norm(b.value) === norm(modifier))) return APPLIED;
  const empty = boxes.find((b) => !b.value.trim());
  if (!empty) return cannot(`all modifier boxes of service line ${line + 1} are in use`);
  return type(doc, empty, modifier);
}

async function removeModifier(doc: Document, line: number, modifier: string): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'modifier');
  if (typeof cell === 'string') return cannot(cell);
  const box = textBoxes(cell).find((b) => norm(b.value) === norm(modifier));
  if (!box) return APPLIED;
  if (!isWritable(box)) return cannot(`modifier ${modifier} of service line ${line + 1} cannot be edited`);
  return type(doc, box, '');
}

async function setText(doc: Document, line: number, column: ServiceColumn, value: string): Promise<ApplyResult> {
  const box = textBox(doc, line, column);
  if (typeof box === 'string') return cannot(box);
  return type(doc, box, value);
}

async function billToPatient(doc: Document, line: number): Promise<ApplyResult> {
  const box = billBox(doc, line);
  if (typeof box === 'string') return cannot(box);
  if (!box.checked) return APPLIED;
  clickLikeAPerson(box);
  await settled(doc);
  return APPLIED;
}

async function removeLine(doc: Document, line: number): Promise<ApplyResult> {
  const button = removeButton(doc, line);
  if (typeof button === 'string') return cannot(button);
  clickLikeAPerson(button);
  await settled(doc);
  return APPLIED;
}

async function addLine(doc: Document, action: Extract<SuggestionAction, { type: 'addLine' }>): Promise<ApplyResult> {
  const before = lines(doc);
  const controls = addControls(doc);
  if (typeof controls === 'string') return cannot(controls);
  if (typeof before === 'string') return cannot(before);
  typeValue(controls.box, action.code);
  clickLikeAPerson(controls.button);
  await settled(doc);
  const after = lines(doc);
  if (typeof after === 'string' || after.rows.length !== before.rows.length + 1)
    return failed(`${action.code} was not added`);
  const line = before.rows.length;
  const steps: (() => Promise<ApplyResult>)[] = [];
  if (action.units !== undefined) steps.push(() => setText(doc, line, 'units', String(action.units)));
  for (const m of action.modifiers ?? []) steps.push(() => addModifier(doc, line, m));
  if (action.dx?.length) steps.push(() => setText(doc, line, 'dx', action.dx!.join(', ')));
  for (const step of steps) {
    const done = await step();
    if (!done.ok) return failed(done.reason);
  }
  return APPLIED;
}

async function apply(action: SuggestionAction, doc: Document): Promise<ApplyResult> {
  switch (action.type) {
    case 'addModifier':
      return addModifier(doc, action.line, action.modifier);
    case 'removeModifier':
      return removeModifier(doc, action.line, action.modifier);
    case 'setUnits':
      return setText(doc, action.line, 'units', String(action.units));
    case 'replaceCode':
      return setText(doc, action.line, 'code', action.code);
    case 'billToPatient':
      return billToPatient(doc, action.line);
    case 'removeLine':
      return removeLine(doc, action.line);
    case 'addLine':
      return addLine(doc, action);
  }
}

export const athenaApplier: Applier = { canApply, apply };
