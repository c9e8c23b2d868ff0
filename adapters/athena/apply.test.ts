/**
 * One-click fixes on the live athenaNet demo screen (its own encounter.js run
 * in happy-dom): every action kind carried out with the Billing tab's own
 * controls changes the screen's form state, which the screen re-renders from
 * (read back through its controls, after its re-render), and the adapter reads
 * the change; a line whose control is missing or full answers "cannot" and is
 * left as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Encounter, SuggestionAction } from '../../rules/schema';
import { expectRead, liveScreen } from '../../test/support/adapter-kit';
import { demoScreenUrl } from '../demo-screens';
import { athenaAdapter } from './index';
import { athenaApplier } from './apply';

const liveAthena = (encounter: Encounter) =>
  liveScreen('athena', demoScreenUrl.athenaEncounter('http://localhost', { encounter }));

/** The screen's own state for line n (1-based): what its re-render put into its named controls. */
function form(doc: Document, n: number) {
  const value = (name: string) => (doc.getElementsByName(name)[0] as HTMLInputElement | undefined)?.value;
  return {
    code: value(`PROCCODE_${n}`),
    mods: [1, 2, 3, 4].map((j) => value(`MOD${j}_${n}`)).filter(Boolean),
    units: value(`UNITS_${n}`),
    ptr: value(`DXPTR_${n}`),
    bill: (doc.getElementsByName(`BILL_${n}`)[0] as HTMLInputElement | undefined)?.checked,
  };
}
const rev = (doc: Document) => Number(doc.documentElement.dataset.demoRev);

const read = (doc: Document): Encounter => expectRead(athenaAdapter.read(doc)).encounter;

const base = (
  lines: Encounter['lines'],
  payer: Encounter['payer'] = { kind: 'commercial', name: 'Aetna' },
): Encounter => ({
  id: 'fix-test',
  dateOfService: '2026-03-02',
  payer,
  diagnoses: [{ code: 'L57.0' }, { code: 'L82.1' }],
  lines,
});

async function applied(doc: Document, action: SuggestionAction) {
  expect(athenaApplier.canApply(action, doc)).toBeNull();
  const before = rev(doc);
  const result = await athenaApplier.apply(action, doc);
  // The screen re-rendered from its own state: the change went through its commit, not just into a box.
  expect(rev(doc)).toBeGreaterThan(before);
  return result;
}

describe('athenaNet: every action kind through the Billing tab’s own controls', () => {
  it('addModifier: the first empty Modifier box', async () => {
    const { doc } = await liveAthena(
      base([
        { code: '99213', dx: [2] },
        { code: '17110', modifiers: ['59'], dx: [1] },
      ]),
    );
    expect(await applied(doc, { type: 'addModifier', line: 0, modifier: '25' })).toEqual({ ok: true });
    expect(form(doc, 1).mods).toEqual(['25']);
    expect(read(doc).lines[0]!.modifiers).toEqual(['25']);
    expect(await applied(doc, { type: 'addModifier', line: 1, modifier: 'xs' })).toEqual({ ok: true });
    expect(form(doc, 2).mods).toEqual(['59', 'XS']);
  });

  it('removeModifier: empties the box that holds it', async () => {
    const { doc } = await liveAthena(base([{ code: '17110', modifiers: ['GA', 'GZ'] }], { kind: 'medicare' }));
    expect(await applied(doc, { type: 'removeModifier', line: 0, modifier: 'GA' })).toEqual({ ok: true });
    expect(form(doc, 1).mods).toEqual(['GZ']);
    expect(read(doc).lines[0]!.modifiers).toEqual(['GZ']);
  });

  it('setUnits: the Units box', async () => {
    const { doc } = await liveAthena(
      base([
        { code: '17000', units: 1 },
        { code: '17003', units: 15 },
      ]),
    );
    expect(await applied(doc, { type: 'setUnits', line: 1, units: 13 })).toEqual({ ok: true });
    expect(form(doc, 2).units).toBe('13');
    expect(read(doc).lines[1]!.units).toBe(13);
  });

  it('replaceCode: the Procedure Code box (the line moves to its new group, its line number stays)', async () => {
    const { doc } = await liveAthena(base([{ code: '99213' }, { code: '11602', sizeCm: 1.2 }]));
    expect(await applied(doc, { type: 'replaceCode', line: 1, code: '11601' })).toEqual({ ok: true });
    expect(form(doc, 2).code).toBe('11601');
    expect(read(doc).lines.map((l) => l.code)).toEqual(['99213', '11601']);
  });

  it('billToPatient: clears the Bill? box', async () => {
    const { doc } = await liveAthena(base([{ code: '99213' }, { code: '', category: 'retail', billTo: 'insurance' }]));
    expect(await applied(doc, { type: 'billToPatient', line: 1 })).toEqual({ ok: true });
    expect(form(doc, 2).bill).toBe(false);
    expect(read(doc).lines[1]!.billTo).toBe('patient');
    expect(form(doc, 1).bill).toBe(true);
  });

  it('addLine: the "Add service" box and Add, then units, modifiers and pointers on the new line', async () => {
    const { doc } = await liveAthena(base([{ code: '17003', units: 3, dx: [1] }]));
    expect(await applied(doc, { type: 'addLine', code: '17000', units: 1, modifiers: ['59'], dx: [1, 2] })).toEqual({
      ok: true,
    });
    expect(form(doc, 2)).toMatchObject({ code: '17000', mods: ['59'], units: '1', ptr: '1, 2' });
    expect(read(doc).lines[1]).toMatchObject({ code: '17000', units: 1, modifiers: ['59'], dx: [1, 2] });
  });

  it('removeLine: the row’s remove button (the lines after it are renumbered)', async () => {
    const { doc } = await liveAthena(
      base([{ code: '11102', units: 3 }, { code: '11103', units: 2 }, { code: '99213' }]),
    );
    expect(await applied(doc, { type: 'removeLine', line: 1 })).toEqual({ ok: true });
    expect(read(doc).lines.map((l) => l.code)).toEqual(['11102', '99213']);
    expect(form(doc, 2).code).toBe('99213');
  });
});

describe('athenaNet: a line without the control answers "cannot" and is left alone', () => {
  it('four modifiers in use: no box for a fifth', async () => {
    const { doc } = await liveAthena(
      base([{ code: '99213', modifiers: ['GA', 'GY', 'GZ', 'KX'] }], { kind: 'medicare' }),
    );
    const action: SuggestionAction = { type: 'addModifier', line: 0, modifier: '25' };
    expect(athenaApplier.canApply(action, doc)).toBe('all modifier boxes of service line 1 are in use');
    const before = rev(doc);
    expect(await athenaApplier.apply(action, doc)).toEqual({
      ok: false,
      cannot: true,
      reason: 'all modifier boxes of service line 1 are in use',
    });
    expect(rev(doc)).toBe(before);
    expect(form(doc, 1).mods).toEqual(['GA', 'GY', 'GZ', 'KX']);
  });

  it('no Bill? box on a line (a screen that shows none) and no such line', async () => {
    const { doc } = await liveAthena(base([{ code: '99213' }]));
    (doc.getElementsByName('BILL_1')[0] as HTMLInputElement).disabled = true;
    expect(athenaApplier.canApply({ type: 'billToPatient', line: 0 }, doc)).toBe(
      'the Bill? box of service line 1 cannot be changed',
    );
    expect(await athenaApplier.apply({ type: 'billToPatient', line: 0 }, doc)).toMatchObject({
      ok: false,
      cannot: true,
    });
    expect(athenaApplier.canApply({ type: 'removeLine', line: 4 }, doc)).toBe('there is no service line 5');
  });
});
