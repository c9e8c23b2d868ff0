/**
 * The options page's field-map form (components/FieldMapEditor.tsx) as data: a map becomes the
 * form's text boxes and back unchanged, the note and visit-history selectors included; an optional
 * group left blank is left out, and one begun is checked as a whole.
 */
import { describe, expect, it } from 'vitest';
import { draftFromMap, mapFromDraft, problemsByField } from '../../components/FieldMapEditor';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';
import { parseFieldMap } from '../../adapters/generic/fieldmap';

describe('field map form', () => {
  it('round-trips the eClinicalWorks preset, note and history selectors included', () => {
    const draft = draftFromMap(ECW_FIELD_MAP);
    expect(draft.note).toBe('#pnProcedures');
    expect(draft['history.rows']).toBe('#histTable tbody tr[ng-repeat]');
    expect(parseFieldMap(mapFromDraft(draft))).toEqual({ ok: true, value: ECW_FIELD_MAP });
    expect(problemsByField(draft)).toEqual({});
  });

  it('leaves out a visit history left blank, and the note', () => {
    const draft = draftFromMap(ECW_FIELD_MAP);
    for (const k of Object.keys(draft)) if (k.startsWith('history.') || k === 'note') draft[k] = '  ';
    const map = mapFromDraft(draft);
    expect(map).not.toHaveProperty('history');
    expect(map).not.toHaveProperty('note');
    expect(problemsByField(draft)).toEqual({});
  });

  it('a history begun but not finished names its missing field', () => {
    const draft = draftFromMap(ECW_FIELD_MAP);
    for (const k of Object.keys(draft)) if (k.startsWith('history.')) draft[k] = '';
    draft['history.code'] = 'td.cpt';
    expect(problemsByField(draft)).toEqual({
      'history.rows': 'empty: expected the CSS selector of the visit history rows',
      'history.date': 'empty: expected the CSS selector of the date of service within a history row',
    });
    draft['history.rows'] = 'tr.past';
    expect(problemsByField(draft)).toEqual({
      'history.date': 'empty: expected the CSS selector of the date of service within a history row',
    });
    draft['history.date'] = 'td:contains(x)';
    expect(problemsByField(draft)['history.date']).toMatch(/^not a valid CSS selector/);
  });
});
