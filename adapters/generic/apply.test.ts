/**
 * One-click fixes through a field map, on the live eClinicalWorks-style demo
 * screen (its own claim.js run in happy-dom) read with the built-in eCW map:
 * where the map names a writable control (modifier, units and code boxes, the
 * bill-to select) the change goes through the screen's own commit and is read
 * back; where it names none (adding or removing lines, a field read from text,
 * a map without bill-to) the answer is "cannot" and the screen is left alone.
 */
import { describe, expect, it } from 'vitest';
import type { Encounter, SuggestionAction } from '../../rules/schema';
import { expectRead, liveScreen } from '../../test/support/adapter-kit';
import { demoScreenUrl } from '../demo-screens';
import { syncSelects } from '../../test/support/snapshot-testing';
import { createGenericAdapter } from './adapter';
import { ECW_FIELD_MAP } from './presets';
import type { FieldMap } from './fieldmap';
import { genericApplier } from './apply';

/** The adapter reads; its applier fixes. */
const withFixes = (map: FieldMap) => ({ ...createGenericAdapter(map), ...genericApplier(map) });
const ecw = withFixes(ECW_FIELD_MAP);

const liveEcw = (encounter: Encounter) => liveScreen('ecw', demoScreenUrl.ecw('http://localhost', { encounter }));

/** The claim's own digest counter: it re-renders from its state after every committed edit. */
const digest = (doc: Document) => Number((doc.querySelector('.digest')?.textContent ?? '').replace(/\D/g, ''));
/** The screen's state for a CPT row (0-based), as its re-render shows it in its own inputs. */
function row(doc: Document, i: number) {
  const tr = doc.querySelectorAll('#cptTable tbody tr[ng-repeat]')[i]!;
  const v = (f: string) => (tr.querySelector(`[data-fieldname="${f}"]`) as HTMLInputElement).value;
  return {
    code: v('claimCPTCode'),
    mods: [1, 2, 3, 4].map((j) => v(`ClaimCPTMOD${j}`)).filter(Boolean),
    units: v('ClaimCPTUnits'),
    billTo: v('ClaimCPTBillTo'),
  };
}

const read = (doc: Document, adapter = ecw): Encounter => expectRead(adapter.read(doc)).encounter;

const base = (lines: Encounter['lines']): Encounter => ({
  id: 'fix-test',
  dateOfService: '2026-03-02',
  payer: { kind: 'commercial', name: 'Aetna' },
  diagnoses: [{ code: 'L57.0' }, { code: 'L82.1' }],
  lines,
});

async function applied(doc: Document, action: SuggestionAction, adapter = ecw) {
  expect(adapter.canApply(action, doc)).toBeNull();
  const before = digest(doc);
  const result = await adapter.apply(action, doc);
  expect(digest(doc)).toBeGreaterThan(before);
  syncSelects(doc);
  return result;
}

describe('generic adapter (eCW map): writable controls named by the map', () => {
  it('addModifier: the first empty modifier box', async () => {
    const { doc } = await liveEcw(
      base([
        { code: '99213', dx: [2] },
        { code: '17110', dx: [1] },
      ]),
    );
    expect(await applied(doc, { type: 'addModifier', line: 0, modifier: '25' })).toEqual({ ok: true });
    expect(row(doc, 0).mods).toEqual(['25']);
    expect(read(doc).lines[0]!.modifiers).toEqual(['25']);
  });

  it('removeModifier: empties the box that holds it', async () => {
    const { doc } = await liveEcw(base([{ code: '17110', modifiers: ['GA', 'GZ'] }]));
    expect(await applied(doc, { type: 'removeModifier', line: 0, modifier: 'GA' })).toEqual({ ok: true });
    expect(row(doc, 0).mods).toEqual(['GZ']);
    expect(read(doc).lines[0]!.modifiers).toEqual(['GZ']);
  });

  it('setUnits and replaceCode: the units and code boxes', async () => {
    const { doc } = await liveEcw(base([{ code: '17000' }, { code: '17003', units: 15 }]));
    expect(await applied(doc, { type: 'setUnits', line: 1, units: 13 })).toEqual({ ok: true });
    expect(row(doc, 1).units).toBe('13');
    expect(await applied(doc, { type: 'replaceCode', line: 0, code: '17004' })).toEqual({ ok: true });
    expect(row(doc, 0).code).toBe('17004');
    expect(read(doc).lines.map((l) => [l.code, l.units])).toEqual([
      ['17004', 1],
      ['17003', 13],
    ]);
  });

  it('billToPatient: the bill-to select', async () => {
    const { doc } = await liveEcw(base([{ code: '99213' }, { code: '11951', category: 'cosmetic' }]));
    expect(row(doc, 1).billTo).toBe('Insurance');
    expect(await applied(doc, { type: 'billToPatient', line: 1 })).toEqual({ ok: true });
    expect(row(doc, 1).billTo).toBe('Patient');
    expect(read(doc).lines[1]!.billTo).toBe('patient');
  });
});

describe('generic adapter: "cannot" where the map names no writable control', () => {
  it('adding and removing lines (a map names no add-row or remove control)', async () => {
    const { doc } = await liveEcw(base([{ code: '17003', units: 3 }]));
    const before = digest(doc);
    for (const action of [
      { type: 'addLine', code: '17000' },
      { type: 'removeLine', line: 0 },
    ] as SuggestionAction[]) {
      expect(ecw.canApply(action, doc)).toBe('the field map names no control to add or remove lines');
      expect(await ecw.apply(action, doc)).toEqual({
        ok: false,
        cannot: true,
        reason: 'the field map names no control to add or remove lines',
      });
    }
    expect(digest(doc)).toBe(before);
    expect(read(doc).lines.map((l) => l.code)).toEqual(['17003']);
  });

  it('a map without a bill-to field, and a field read from text', async () => {
    const { doc } = await liveEcw(base([{ code: '99213' }, { code: '11951', category: 'cosmetic' }]));
    const { billTo: _omit, ...procedures } = ECW_FIELD_MAP.procedures;
    const noBillTo = withFixes({ ...ECW_FIELD_MAP, name: 'no bill-to', procedures });
    expect(noBillTo.canApply({ type: 'billToPatient', line: 1 }, doc)).toBe(
      'this screen has no bill-to control in its field map',
    );
    // Units read off a cell's text (here the row number): nothing a person could type into.
    const fromText = withFixes({
      ...ECW_FIELD_MAP,
      name: 'units from text',
      procedures: { ...ECW_FIELD_MAP.procedures, units: 'td.idx' },
    });
    expect(fromText.canApply({ type: 'setUnits', line: 0, units: 2 }, doc)).toBe(
      'the units of row 1 cannot be edited here',
    );
    const before = digest(doc);
    expect(await noBillTo.apply({ type: 'billToPatient', line: 1 }, doc)).toMatchObject({ ok: false, cannot: true });
    expect(digest(doc)).toBe(before);
  });
});
