/**
 * One-click fixes on ModMed EMA's superbill, carried out with EMA's own
 * controls as a person uses them: the ng-select pickers (type, Enter; a
 * chosen modifier's ×), the number inputs (value, change), the bill-to
 * select, the add bar's picker and Add button, a row's remove button, the
 * pointer chips. EMA re-renders a row after each edit, so every step finds
 * its control again. Every selector lives in ./selectors.
 */
import type { SuggestionAction } from '../../rules/schema';
import type { Applier, ApplyResult } from '../types';
import {
  APPLIED,
  cannot,
  chooseOption,
  clickLikeAPerson,
  failed,
  fire,
  focus,
  blur,
  isWritable,
  norm,
  press,
  setNativeValue,
  settled,
  typeValue,
} from '../shared/apply-kit';
import { procedureCells, readEma } from './index';
import { APPLY_SEL, BILL_TO_TEXT, SEL, type Field } from './selectors';

const PATIENT = BILL_TO_TEXT.find(([, to]) => to === 'patient')![0];

/** The row of line `line` (0-based) as the reader maps lines to rows, or why there is none. */
function rowOf(doc: Document, line: number): Element | string {
  const read = readEma(doc);
  if (read.status !== 'ok') return read.status === 'absent' ? 'the visit is no longer on the screen' : read.reason;
  return read.anchors.lines[line] ?? `there is no procedure row ${line + 1}`;
}

function lineCount(doc: Document): number {
  const read = readEma(doc);
  return read.status === 'ok' ? read.encounter.lines.length : -1;
}

function cellOf(doc: Document, line: number, field: Field): Element | string {
  const row = rowOf(doc, line);
  if (typeof row === 'string') return row;
  const cell = procedureCells(row)?.[field];
  return cell ?? `procedure row ${line + 1} shows no ${field} field`;
}

function pickerInput(scope: Element | null): HTMLInputElement | null {
  const input = scope?.querySelector(APPLY_SEL.pickerInput) ?? null;
  return isWritable(input) ? (input as HTMLInputElement) : null;
}

/** The option a bill-to select offers for the patient. */
function patientOption(select: HTMLSelectElement): HTMLOptionElement | undefined {
  return Array.from(select.options).find((o) => PATIENT.test(o.textContent ?? ''));
}

/** The chosen values of a multiple picker, by label. */
function chosenValues(cell: Element): { label: string; remove: Element | null }[] {
  return Array.from(cell.querySelectorAll(APPLY_SEL.pickerValue)).map((v) => ({
    label: norm(v.querySelector(APPLY_SEL.pickerValueLabel)?.textContent),
    remove: v.querySelector(APPLY_SEL.pickerValueRemove),
  }));
}

/** Types into an ng-select and presses Enter: it picks the matching option, or adds the typed text as a tag. */
async function pick(doc: Document, input: HTMLInputElement, typed: string): Promise<void> {
  focus(input);
  setNativeValue(input, typed);
  fire(input, 'input');
  press(input, 'Enter');
  blur(input);
  await settled(doc);
}

/** Why a line action cannot be carried out on this screen, or null. */
function canApply(action: SuggestionAction, doc: Document): string | null {
  switch (action.type) {
    case 'addModifier':
    case 'removeModifier':
    case 'replaceCode': {
      const cell = cellOf(doc, action.line, action.type === 'replaceCode' ? 'code' : 'modifiers');
      if (typeof cell === 'string') return cell;
      return pickerInput(cell)
        ? null
        : `the ${action.type === 'replaceCode' ? 'code' : 'modifier'} picker of row ${action.line + 1} is locked`;
    }
    case 'setUnits': {
      const cell = cellOf(doc, action.line, 'units');
      if (typeof cell === 'string') return cell;
      return isWritable(cell.querySelector(APPLY_SEL.control))
        ? null
        : `the units of row ${action.line + 1} are locked`;
    }
    case 'billToPatient': {
      const cell = cellOf(doc, action.line, 'billTo');
      if (typeof cell === 'string') return 'this screen has no bill-to control';
      const select = cell.querySelector('select');
      return select && isWritable(select) && patientOption(select)
        ? null
        : `the bill-to of row ${action.line + 1} cannot be set to the patient`;
    }
    case 'removeLine': {
      const row = rowOf(doc, action.line);
      if (typeof row === 'string') return row;
      const button = row.querySelector<HTMLButtonElement>(APPLY_SEL.removeButton);
      return button && !button.disabled
        ? null
        : `procedure row ${action.line + 1} has no remove button (is the note finalized?)`;
    }
    case 'addLine': {
      const button = doc.querySelector<HTMLButtonElement>(APPLY_SEL.addButton);
      return pickerInput(doc.querySelector(APPLY_SEL.addPicker)) && button && !button.disabled
        ? null
        : 'the procedure picker is not there or locked';
    }
  }
}

async function addModifier(doc: Document, line: number, modifier: string): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'modifiers');
  if (typeof cell === 'string') return cannot(cell);
  if (chosenValues(cell).some((v) => v.label === norm(modifier))) return APPLIED;
  const input = pickerInput(cell);
  if (!input) return cannot(`the modifier picker of row ${line + 1} is locked`);
  await pick(doc, input, modifier);
  return APPLIED;
}

async function removeModifier(doc: Document, line: number, modifier: string): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'modifiers');
  if (typeof cell === 'string') return cannot(cell);
  const chosen = chosenValues(cell).find((v) => v.label === norm(modifier));
  if (!chosen) return APPLIED;
  if (!chosen.remove || !pickerInput(cell))
    return cannot(`modifier ${modifier} of row ${line + 1} cannot be removed here`);
  clickLikeAPerson(chosen.remove);
  await settled(doc);
  return APPLIED;
}

async function setUnits(doc: Document, line: number, units: number): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'units');
  if (typeof cell === 'string') return cannot(cell);
  const input = cell.querySelector(APPLY_SEL.control);
  if (!isWritable(input) || input.tagName !== 'INPUT') return cannot(`the units of row ${line + 1} are locked`);
  typeValue(input as HTMLInputElement, String(units));
  await settled(doc);
  return APPLIED;
}

async function replaceCode(doc: Document, line: number, code: string): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'code');
  if (typeof cell === 'string') return cannot(cell);
  const input = pickerInput(cell);
  if (!input) return cannot(`the code picker of row ${line + 1} is locked`);
  await pick(doc, input, code);
  return APPLIED;
}

async function billToPatient(doc: Document, line: number): Promise<ApplyResult> {
  const cell = cellOf(doc, line, 'billTo');
  if (typeof cell === 'string') return cannot('this screen has no bill-to control');
  const select = cell.querySelector('select');
  const option = select ? patientOption(select) : undefined;
  if (!select || !option || !isWritable(select))
    return cannot(`the bill-to of row ${line + 1} cannot be set to the patient`);
  if (select.selectedIndex !== option.index) {
    chooseOption(select, option);
    await settled(doc);
  }
  return APPLIED;
}

async function removeLine(doc: Document, line: number): Promise<ApplyResult> {
  const row = rowOf(doc, line);
  if (typeof row === 'string') return cannot(row);
  const button = row.querySelector<HTMLButtonElement>(APPLY_SEL.removeButton);
  if (!button || button.disabled) return cannot(`procedure row ${line + 1} has no remove button`);
  clickLikeAPerson(button);
  await settled(doc);
  return APPLIED;
}

/** Presses the pointer chips of these diagnoses on a row, in order (EMA keeps the order they were pressed in). */
async function pressPointers(doc: Document, line: number, pointers: readonly number[]): Promise<ApplyResult> {
  for (const n of pointers) {
    const cell = cellOf(doc, line, 'pointers');
    if (typeof cell === 'string') return failed(cell);
    const chip = Array.from(cell.querySelectorAll(SEL.pointerChip)).find(
      (c) => (c.querySelector(SEL.pointerNumber)?.textContent ?? '').trim() === String(n),
    );
    if (!chip) return failed(`row ${line + 1} has no pointer to diagnosis ${n}`);
    if (chip.getAttribute('aria-pressed') === 'true') continue;
    clickLikeAPerson(chip);
    await settled(doc);
  }
  return APPLIED;
}

async function addLine(doc: Document, action: Extract<SuggestionAction, { type: 'addLine' }>): Promise<ApplyResult> {
  const before = lineCount(doc);
  const input = pickerInput(doc.querySelector(APPLY_SEL.addPicker));
  if (!input || before < 0) return cannot('the procedure picker is not there or locked');
  await pick(doc, input, action.code);
  const button = doc.querySelector<HTMLButtonElement>(APPLY_SEL.addButton);
  if (!button || button.disabled) return cannot('the procedure list has no Add button');
  clickLikeAPerson(button);
  await settled(doc);
  if (lineCount(doc) !== before + 1) return failed(`${action.code} was not added`);
  const line = before;
  if (action.units !== undefined) {
    const done = await setUnits(doc, line, action.units);
    if (!done.ok) return failed(done.reason);
  }
  for (const m of action.modifiers ?? []) {
    const done = await addModifier(doc, line, m);
    if (!done.ok) return failed(done.reason);
  }
  if (action.dx?.length) return pressPointers(doc, line, action.dx);
  return APPLIED;
}

async function apply(action: SuggestionAction, doc: Document): Promise<ApplyResult> {
  switch (action.type) {
    case 'addModifier':
      return addModifier(doc, action.line, action.modifier);
    case 'removeModifier':
      return removeModifier(doc, action.line, action.modifier);
    case 'setUnits':
      return setUnits(doc, action.line, action.units);
    case 'replaceCode':
      return replaceCode(doc, action.line, action.code);
    case 'billToPatient':
      return billToPatient(doc, action.line);
    case 'removeLine':
      return removeLine(doc, action.line);
    case 'addLine':
      return addLine(doc, action);
  }
}

export const emaApplier: Applier = { canApply, apply };
