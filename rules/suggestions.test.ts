import { describe, expect, it } from 'vitest';
import { applySuggestion } from './suggestions';
import type { Encounter } from './schema';

const base: Encounter = {
  id: 's',
  payer: { kind: 'medicare' },
  abn: { signed: true, lines: [1, 2] },
  diagnoses: [{ code: 'L57.0' }, { code: 'L82.1' }],
  lines: [
    { code: '99213', dx: [1] },
    { code: '17000', dx: [1] },
    { code: '17003', units: 12, modifiers: ['59'], dx: [1] },
    { code: '17110', dx: [2] },
  ],
};

describe('applySuggestion', () => {
  it('adds a modifier once, whatever its spelling', () => {
    const once = applySuggestion(base, [{ type: 'addModifier', line: 0, modifier: '25' }]);
    expect(once.lines[0]!.modifiers).toEqual(['25']);
    expect(applySuggestion(once, [{ type: 'addModifier', line: 0, modifier: '-25' }]).lines[0]!.modifiers).toEqual([
      '25',
    ]);
  });
  it('removes a modifier and drops an empty list', () => {
    expect(
      applySuggestion(base, [{ type: 'removeModifier', line: 2, modifier: '59' }]).lines[2]!.modifiers,
    ).toBeUndefined();
  });
  it('sets units, replaces a code, bills a line to the patient', () => {
    const next = applySuggestion(base, [
      { type: 'setUnits', line: 2, units: 11 },
      { type: 'replaceCode', line: 3, code: '17111' },
      { type: 'billToPatient', line: 3 },
    ]);
    expect(next.lines[2]!.units).toBe(11);
    expect(next.lines[3]).toMatchObject({ code: '17111', billTo: 'patient' });
  });
  it('removes lines last and keeps the ABN on the lines it named', () => {
    const next = applySuggestion(base, [
      { type: 'removeLine', line: 1 },
      { type: 'setUnits', line: 2, units: 3 },
      { type: 'addLine', code: '17000', dx: [1] },
    ]);
    expect(next.lines.map((l) => l.code)).toEqual(['99213', '17003', '17110', '17000']);
    expect(next.lines[1]!.units).toBe(3);
    expect(next.abn).toEqual({ signed: true, lines: [1] });
  });
  it('leaves the input untouched', () => {
    const copy = structuredClone(base);
    applySuggestion(base, [
      { type: 'addModifier', line: 2, modifier: 'XS' },
      { type: 'removeLine', line: 0 },
    ]);
    expect(base).toEqual(copy);
  });
  it('refuses an action on a line that is not there', () => {
    expect(() => applySuggestion(base, [{ type: 'setUnits', line: 9, units: 1 }])).toThrow('no line 9');
  });
});
