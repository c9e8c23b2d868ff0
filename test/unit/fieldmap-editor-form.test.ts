// @vitest-environment happy-dom
/**
 * The field-map form (components/FieldMapEditor.tsx) as rendered: each box is one field with an id of
 * its own, named by a label of its own (a field listed twice gave two boxes one id, and the second
 * label named the first box).
 */
import { expect, it } from 'vitest';
import { h, render } from 'preact';
import { FieldMapEditor } from '../../components/FieldMapEditor';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';

it('every id is on one element, and every box has one label of its own', () => {
  const root = document.createElement('div');
  document.body.append(root);
  const noop = () => {};
  render(
    h(FieldMapEditor, {
      initial: ECW_FIELD_MAP,
      editing: true,
      takenNames: [],
      onSave: noop,
      onCancel: noop,
      onTest: noop,
    }),
    root,
  );
  const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  const boxes = [...root.querySelectorAll('input, textarea, select')].map((b) => b.id);
  const labelled = [...root.querySelectorAll('label[for]')].map((l) => l.getAttribute('for'));
  expect(boxes.filter((id) => !labelled.includes(id))).toEqual([]);
  expect(labelled.filter((id, i) => labelled.indexOf(id) !== i)).toEqual([]);
  render(null, root);
  root.remove();
});
