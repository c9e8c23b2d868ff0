/**
 * One-click fixes through a field map: only where the map names a control a
 * person can write (a text box, a select, a checkbox) for the field an action
 * changes. A field read from text, and the adding or removing of lines (a map
 * names no add-row or remove control), answer "cannot": the user fixes those
 * by hand. Rows are found as the reader finds them (its anchors), so line
 * indexes mean the same thing.
 */
import type { SuggestionAction } from '../../rules/schema';
import type { Applier, ApplyResult } from '../types';
import {
  APPLIED,
  cannot,
  chooseOption,
  clickLikeAPerson,
  isCheckbox,
  isWritable,
  norm,
  settled,
  typeValue,
} from '../shared/apply-kit';
import type { FieldMap } from './fieldmap';
import { readWithFieldMap } from './read';
import { isOurs } from '../shared/reader';

/** Option texts or values meaning "bill the patient" (the reader's own words for it). */
const PATIENT = /^(pat(ient)?|pt|self[\s-]?pay|self|cash|patient pay|patient responsibility)$/i;
/** How the reader splits a modifier field holding several ('25 59', 'GA,GZ'). */
const MODIFIER_SEPARATORS = /[\s,;/\-–]+/;

type ProcedureField = 'code' | 'modifiers' | 'units' | 'billTo';
const FIELD_WORD: Record<ProcedureField, string> = {
  code: 'code',
  modifiers: 'modifier',
  units: 'units',
  billTo: 'bill-to',
};

/** The action is already true on the screen: nothing to do. */
const NOTHING = Symbol('nothing to do');

function rowOf(doc: Document, map: FieldMap, line: number): Element | string {
  const read = readWithFieldMap(doc, map);
  if (read.status !== 'ok') return read.status === 'absent' ? 'the claim is no longer on the screen' : read.reason;
  return read.anchors.lines[line] ?? `there is no procedure row ${line + 1}`;
}

/** The elements a field of the map names in a row, or why there are none. */
function fieldIn(doc: Document, map: FieldMap, line: number, field: ProcedureField): Element[] | string {
  const selector: unknown = map.procedures[field];
  if (typeof selector !== 'string' || !selector) return `the field map names no ${FIELD_WORD[field]} field`;
  const row = rowOf(doc, map, line);
  if (typeof row === 'string') return row;
  let found: Element[];
  try {
    found = [...row.querySelectorAll(selector)].filter((el) => !isOurs(el)); // our own painted elements are never the EHR's controls
  } catch {
    return `the field map's ${FIELD_WORD[field]} selector is not valid here`;
  }
  return found.length ? found : `row ${line + 1} shows no ${FIELD_WORD[field]} field`;
}

const tokens = (el: Element): string[] =>
  ((el as HTMLInputElement).value ?? el.textContent ?? '').split(MODIFIER_SEPARATORS).map(norm).filter(Boolean);

const isTextBox = (el: Element): el is HTMLInputElement | HTMLTextAreaElement =>
  isWritable(el) && el.tagName !== 'SELECT';

function optionFor(select: Element, test: (text: string) => boolean): HTMLOptionElement | undefined {
  if (select.tagName !== 'SELECT' || !isWritable(select)) return undefined;
  return [...(select as HTMLSelectElement).options].find(
    (o) => test(o.value.trim()) || test((o.textContent ?? '').trim()),
  );
}

/** The step that would carry the action out, or why there is none (nothing touched yet). */
function plan(action: SuggestionAction, doc: Document, map: FieldMap): (() => void) | typeof NOTHING | string {
  switch (action.type) {
    case 'addLine':
    case 'removeLine':
      return 'the field map names no control to add or remove lines';
    case 'addModifier': {
      const els = fieldIn(doc, map, action.line, 'modifiers');
      if (typeof els === 'string') return els;
      const want = norm(action.modifier);
      if (els.some((el) => tokens(el).includes(want))) return NOTHING;
      const box = els.find((el) => isTextBox(el) && !el.value.trim()) as HTMLInputElement | undefined;
      if (box) return () => typeValue(box, action.modifier);
      for (const el of els) {
        const option = !(el as HTMLSelectElement).value ? optionFor(el, (t) => norm(t) === want) : undefined;
        if (option) return () => chooseOption(el as HTMLSelectElement, option);
      }
      return `row ${action.line + 1} has no empty modifier box`;
    }
    case 'removeModifier': {
      const els = fieldIn(doc, map, action.line, 'modifiers');
      if (typeof els === 'string') return els;
      const want = norm(action.modifier);
      const holder = els.find((el) => tokens(el).includes(want));
      if (!holder) return NOTHING;
      if (isTextBox(holder))
        return () =>
          typeValue(
            holder,
            tokens(holder)
              .filter((t) => t !== want)
              .join(' '),
          );
      const empty = optionFor(holder, (t) => t === '');
      if (empty) return () => chooseOption(holder as HTMLSelectElement, empty);
      return `modifier ${action.modifier} of row ${action.line + 1} is not in a field that can be edited`;
    }
    case 'setUnits':
    case 'replaceCode': {
      const field = action.type === 'setUnits' ? 'units' : 'code';
      const value = action.type === 'setUnits' ? String(action.units) : action.code;
      const els = fieldIn(doc, map, action.line, field);
      if (typeof els === 'string') return els;
      const el = els[0]!;
      if (isTextBox(el)) return () => typeValue(el, value);
      const option = optionFor(el, (t) => norm(t) === norm(value));
      if (option) return () => chooseOption(el as HTMLSelectElement, option);
      return `the ${FIELD_WORD[field]} of row ${action.line + 1} cannot be edited here`;
    }
    case 'billToPatient': {
      const els = fieldIn(doc, map, action.line, 'billTo');
      if (typeof els === 'string')
        return els === 'the field map names no bill-to field'
          ? 'this screen has no bill-to control in its field map'
          : els;
      const el = els[0]!;
      if (isCheckbox(el) && !el.disabled) return el.checked ? () => clickLikeAPerson(el) : NOTHING;
      const option = optionFor(el, (t) => PATIENT.test(t));
      if (option)
        return (el as HTMLSelectElement).selectedIndex === option.index
          ? NOTHING
          : () => chooseOption(el as HTMLSelectElement, option);
      if (isTextBox(el)) return PATIENT.test(el.value.trim()) ? NOTHING : () => typeValue(el, 'Patient');
      return `the bill-to of row ${action.line + 1} cannot be set to the patient here`;
    }
  }
}

/** The one-click fixes of the screen a field map reads. */
export function genericApplier(map: FieldMap): Applier {
  return {
    canApply(action, doc) {
      const step = plan(action, doc, map);
      return typeof step === 'string' ? step : null;
    },
    async apply(action, doc): Promise<ApplyResult> {
      const step = plan(action, doc, map);
      if (step === NOTHING) return APPLIED;
      if (typeof step === 'string') return cannot(step);
      step();
      await settled(doc);
      return APPLIED;
    },
  };
}
