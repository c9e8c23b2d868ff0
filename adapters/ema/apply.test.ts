/**
 * One-click fixes on the live EMA demo screen (its own app.js run in
 * happy-dom): every action kind carried out with the screen's own controls
 * changes the demo app's own model (EMA_DEMO.toEncounter(), what the app
 * would save), the adapter reads the change back, and a screen without the
 * control (a finalized note) answers "cannot" and is left as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Encounter, SuggestionAction } from '../../rules/schema';
import { expectRead, liveScreen, settle, type LiveScreen } from '../../test/support/adapter-kit';
import { demoScreenUrl } from '../demo-screens';
import { emaAdapter } from './index';
import { emaApplier } from './apply';

/** The live demo screen showing `encounter`, nothing fetched; `model()` is what the app would save. */
async function liveEma(encounter: Encounter): Promise<LiveScreen & { model(): Encounter }> {
  const screen = await liveScreen('ema', demoScreenUrl.ema('http://localhost', { encounter }), { examples: [] });
  const demo = (screen.window as unknown as { EMA_DEMO: { toEncounter(): Encounter } }).EMA_DEMO;
  return { ...screen, model: () => demo.toEncounter() };
}

const read = (doc: Document): Encounter => expectRead(emaAdapter.read(doc)).encounter;

const base = (
  lines: Encounter['lines'],
  payer: Encounter['payer'] = { kind: 'commercial', name: 'Aetna' },
): Encounter => ({
  id: 'fix-test',
  dateOfService: '2026-03-02',
  payer,
  diagnoses: [
    { code: 'L57.0', description: 'Actinic keratosis' },
    { code: 'L82.1', description: 'Other seborrheic keratosis' },
  ],
  lines,
});

async function applied(doc: Document, action: SuggestionAction) {
  expect(emaApplier.canApply(action, doc)).toBeNull();
  return emaApplier.apply(action, doc);
}

describe('EMA: every action kind through the screen’s own controls', () => {
  it('addModifier: types 25 into the modifier picker and presses Enter', async () => {
    const { doc, model } = await liveEma(
      base([
        { code: '99213', dx: [2] },
        { code: '17110', dx: [1] },
      ]),
    );
    expect(await applied(doc, { type: 'addModifier', line: 0, modifier: '25' })).toEqual({ ok: true });
    expect(model().lines[0]!.modifiers).toEqual(['25']);
    expect(read(doc).lines[0]!.modifiers).toEqual(['25']);
    expect(model().lines[1]!.modifiers).toBeUndefined();
  });

  it('addModifier: a modifier the picker does not list is added as typed (the picker adds tags)', async () => {
    const { doc, model } = await liveEma(base([{ code: '11102', modifiers: ['59'] }]));
    expect(await applied(doc, { type: 'addModifier', line: 0, modifier: 'XS' })).toEqual({ ok: true });
    expect(model().lines[0]!.modifiers).toEqual(['59', 'XS']);
  });

  it('removeModifier: the chosen modifier’s ×', async () => {
    const { doc, model } = await liveEma(base([{ code: '17110', modifiers: ['GA', 'GZ'] }], { kind: 'medicare' }));
    expect(await applied(doc, { type: 'removeModifier', line: 0, modifier: 'GZ' })).toEqual({ ok: true });
    expect(model().lines[0]!.modifiers).toEqual(['GA']);
    expect(read(doc).lines[0]!.modifiers).toEqual(['GA']);
  });

  it('setUnits: the units box, committed on change', async () => {
    const { doc, model } = await liveEma(
      base([
        { code: '17000', units: 1 },
        { code: '17003', units: 15 },
      ]),
    );
    expect(await applied(doc, { type: 'setUnits', line: 1, units: 13 })).toEqual({ ok: true });
    expect(model().lines[1]!.units).toBe(13);
    expect(read(doc).lines[1]!.units).toBe(13);
  });

  it('replaceCode: the code picker', async () => {
    const { doc, model } = await liveEma(base([{ code: '11602', sizeCm: 1.2 }]));
    expect(await applied(doc, { type: 'replaceCode', line: 0, code: '11601' })).toEqual({ ok: true });
    expect(model().lines[0]!.code).toBe('11601');
    expect(read(doc).lines[0]!.code).toBe('11601');
  });

  it('billToPatient: the bill-to select', async () => {
    const { doc, model } = await liveEma(
      base([{ code: '99213' }, { code: '', category: 'retail', billTo: 'insurance' }]),
    );
    expect(model().lines[1]!.billTo).toBe('insurance');
    expect(await applied(doc, { type: 'billToPatient', line: 1 })).toEqual({ ok: true });
    expect(model().lines[1]!.billTo).toBe('patient');
    expect(read(doc).lines[1]!.billTo).toBe('patient');
    expect(model().lines[0]!.billTo).toBe('insurance');
  });

  it('addLine: the add bar’s picker and Add, then units, modifiers and pointers on the new row', async () => {
    const { doc, model } = await liveEma(base([{ code: '17003', units: 3, dx: [1] }]));
    expect(await applied(doc, { type: 'addLine', code: '17000', units: 1, modifiers: ['59'], dx: [1, 2] })).toEqual({
      ok: true,
    });
    const line = model().lines[1]!;
    expect(line).toMatchObject({ code: '17000', units: 1, modifiers: ['59'], dx: [1, 2] });
    expect(read(doc).lines.map((l) => l.code)).toEqual(['17003', '17000']);
  });

  it('removeLine: the row’s remove button', async () => {
    const { doc, model } = await liveEma(
      base([{ code: '11102', units: 3 }, { code: '11103', units: 2 }, { code: '99213' }]),
    );
    expect(await applied(doc, { type: 'removeLine', line: 1 })).toEqual({ ok: true });
    expect(model().lines.map((l) => l.code)).toEqual(['11102', '99213']);
    expect(read(doc).lines.map((l) => l.code)).toEqual(['11102', '99213']);
  });

  it('an action already true on the screen changes nothing', async () => {
    const { doc, model } = await liveEma(base([{ code: '99213', modifiers: ['25'] }]));
    const before = JSON.stringify(model());
    expect(await applied(doc, { type: 'addModifier', line: 0, modifier: '25' })).toEqual({ ok: true });
    expect(await applied(doc, { type: 'removeModifier', line: 0, modifier: '59' })).toEqual({ ok: true });
    expect(JSON.stringify(model())).toBe(before);
  });
});

describe('EMA: a screen without the control answers "cannot" and is left alone', () => {
  it('a finalized note locks every control', async () => {
    const { doc, window, model } = await liveEma(base([{ code: '99213' }, { code: '17110', units: 2 }]));
    (doc.querySelector('[data-identifier="finalize-note"]') as HTMLElement).click();
    await settle(window);
    (doc.querySelector('[data-identifier="finalize-confirm"]') as HTMLElement).click();
    await settle(window);
    const before = JSON.stringify(model());
    const actions: SuggestionAction[] = [
      { type: 'addModifier', line: 0, modifier: '25' },
      { type: 'setUnits', line: 1, units: 1 },
      { type: 'replaceCode', line: 1, code: '17111' },
      { type: 'billToPatient', line: 1 },
      { type: 'removeLine', line: 1 },
      { type: 'addLine', code: '17000' },
    ];
    for (const action of actions) {
      expect(emaApplier.canApply(action, doc), action.type).toMatch(/locked|cannot|no remove button/);
      expect(await emaApplier.apply(action, doc)).toMatchObject({ ok: false, cannot: true });
    }
    expect(JSON.stringify(model())).toBe(before);
  });

  it('a line that is not on the screen', async () => {
    const { doc } = await liveEma(base([{ code: '99213' }]));
    expect(emaApplier.canApply({ type: 'setUnits', line: 3, units: 2 }, doc)).toBe('there is no procedure row 4');
    expect(await emaApplier.apply({ type: 'setUnits', line: 3, units: 2 }, doc)).toEqual({
      ok: false,
      cannot: true,
      reason: 'there is no procedure row 4',
    });
  });
});
