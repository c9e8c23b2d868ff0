/**
 * The one-click fix from end to end in happy-dom, short of the browser: the
 * live EMA demo screen (its own app.js), the content script's watcher and
 * painter with the real engine answering, the warning's open card, the fix kit
 * (as the worker's injection leaves it), the audit record. A person's click
 * (a trusted event) on "Fix: add 25 to 99213" adds 25 through EMA's own picker
 * and the warning goes; the page's own click does nothing; a fix made for an
 * encounter the screen no longer shows does nothing; a fix the EHR refuses says
 * so in place, is recorded as not applied, and the screen stays as the EHR left it.
 */
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { SCRIPT_WINDOW_SETTINGS } from '../support/snapshot-testing';
import type { Adapter } from '../../adapters/types';
import { emaAdapter } from '../../adapters/ema/index';
import { createGenericAdapter } from '../../adapters/generic/adapter';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { WARNING_TAG } from '../../lib/content/painter';
import { createShell } from '../../lib/content/shell';
import { PAINT_KIT } from '../../lib/content/kit';
import { paintedRoot } from '../../lib/content/roots';
import { watchScreen } from '../../lib/content/watch';
import { createFixes } from '../../lib/content/fix';
import { createFixKit } from '../../lib/fix/attempt';
import { FIX_KIT_GLOBAL } from '../../lib/fix/kit';
import type { FixRecordRequest } from '../../lib/messages';
import { demoScreenUrl } from '../../adapters/demo-screens';

const SCREEN_DIR = new URL('../fixtures/ehr/ema/', import.meta.url);
const windows: Window[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  for (const w of windows.splice(0)) await w.happyDOM.close();
  delete (globalThis as Record<string, unknown>)[FIX_KIT_GLOBAL];
});

const EX01: Encounter = {
  id: 'ex01',
  dateOfService: '2026-03-02',
  payer: { kind: 'commercial', name: 'Aetna' },
  diagnoses: [
    { code: 'L57.0', description: 'Actinic keratosis' },
    { code: 'I10', description: 'Essential hypertension' },
  ],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1] },
  ],
};

async function until<T>(read: () => T, ok: (v: T) => boolean, what: string, timeout = 5000): Promise<T> {
  const start = Date.now();
  let last = read();
  while (!ok(last)) {
    if (Date.now() - start > timeout) throw new Error(`${what}: last ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
    last = read();
  }
  return last;
}

/** A click as a person makes it: the only kind the Fix button acts on (happy-dom has no trusted events; the browser test makes real ones). */
function trustedClick(window: Window, el: Element) {
  const event = new window.MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event as unknown as Event);
}

/** The screen with dermlint running on it: watcher, painter, engine, fixes. */
function withDermlint(window: Window, adapter: Adapter, fieldMaps: FieldMap[] = []) {
  const doc = window.document as unknown as Document;
  Object.assign(globalThis, {
    MutationObserver: window.MutationObserver,
    Node: window.Node,
    document: window.document,
  });
  const records: Omit<FixRecordRequest, 'type'>[] = [];
  let loads = 0;
  const judged: Encounter[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  let fixes: ReturnType<typeof createFixes> | undefined;
  const watcher = watchScreen({
    adapter,
    doc,
    // The content script's shell with the paint kit in place (as the worker's injection of paint-kit.js leaves it).
    painter: createShell(doc, { now: () => PAINT_KIT, load: async () => {}, fixes: (f) => fixes?.(f) }),
    evaluate: async (encounter) => {
      judged.push(encounter);
      const findings = run(encounter).filter((f) => f.severity !== 'info');
      return {
        ok: true,
        findings,
        showInfoInline: false,
        why: {},
        errors: findings.filter((f) => f.severity === 'error').length,
        signoffPrompt: true,
      };
    },
    reportStatus: () => {},
    signal: controller.signal,
  });
  fixes = createFixes({
    adapter,
    doc,
    fieldMaps: () => fieldMaps,
    watcher,
    // What the worker's scripting.executeScript of fix-apply.js leaves in the isolated world.
    loadKit: async () => {
      loads++;
      (globalThis as Record<string, unknown>)[FIX_KIT_GLOBAL] ??= createFixKit();
    },
    record: (r) => records.push(r),
  });
  const hosts = (rule: string) => [...doc.querySelectorAll(`${WARNING_TAG}[data-dermlint-rule="${rule}"]`)];
  const root = (rule: string) => (hosts(rule)[0] && paintedRoot(hosts(rule)[0]!)) ?? null;
  return {
    doc,
    records,
    judged,
    loads: () => loads,
    hosts,
    /** Opens a warning's card as a person does and waits for its fix button. */
    async openCard(rule: string): Promise<HTMLButtonElement> {
      const host = await until(() => hosts(rule)[0], Boolean, `a ${rule} warning`);
      trustedClick(window, paintedRoot(host!)!.querySelector('button.pill')!);
      return until(
        () => root(rule)?.querySelector('button.fixbtn') as HTMLButtonElement | null,
        Boolean,
        'the Fix button',
      ) as Promise<HTMLButtonElement>;
    },
    statusText: (rule: string) => (root(rule)?.querySelector('[role="status"]')?.textContent ?? '').trim(),
    byHand: (rule: string) =>
      [...(root(rule)?.querySelectorAll('.fixes p') ?? [])]
        .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter(Boolean),
  };
}

async function emaScreen(encounter: Encounter) {
  const window = new Window({
    url: demoScreenUrl.ema('http://localhost', { encounter }, 4242),
    settings: SCRIPT_WINDOW_SETTINGS,
  });
  windows.push(window);
  (window as unknown as { fetch: () => Promise<unknown> }).fetch = () =>
    Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve([]) });
  window.document.write(
    readFileSync(new URL('index.html', SCREEN_DIR), 'utf8').replace(/<script src="[^"]*"><\/script>/g, ''),
  );
  window.eval(readFileSync(new URL('catalog.js', SCREEN_DIR), 'utf8'));
  window.eval(readFileSync(new URL('app.js', SCREEN_DIR), 'utf8'));
  await new Promise((r) => setTimeout(r, 10));
  const model = () => (window as unknown as { EMA_DEMO: { toEncounter(): Encounter } }).EMA_DEMO.toEncounter();
  return { window, model };
}

describe('one-click fix, from the open card to the audit record', () => {
  it('a person’s click adds 25 with EMA’s own picker, the warning goes, the fix is recorded', async () => {
    const { window, model } = await emaScreen(EX01);
    const d = withDermlint(window, emaAdapter);
    await until(
      () => d.hosts('mod25-missing').length,
      (n) => n === 1,
      'the warning painted',
    );
    expect(d.loads()).toBe(0);
    const button = await d.openCard('mod25-missing');
    // The fix code is loaded when a card that offers a fix opens, not before (and once).
    await until(
      () => d.loads(),
      (n) => n === 1,
      'the fix code loaded',
    );
    expect(button.textContent).toBe('Fix: add 25 to 99213');
    expect(d.doc.activeElement?.closest?.(WARNING_TAG) ?? null).toBeNull(); // painting and opening take no focus
    trustedClick(window, button);
    await until(
      () => d.records.length,
      (n) => n === 1,
      'the audit record',
    );
    expect(model().lines[0]!.modifiers).toEqual(['25']);
    // Judged again, once, as after any edit (the steps in between never were): the warning is not put back.
    await until(
      () => d.judged.at(-1)?.lines[0]?.modifiers,
      (m) => m?.[0] === '25',
      'the fixed encounter judged',
    );
    expect(d.judged.filter((e) => e.lines[0]?.modifiers?.length).length).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(d.hosts('mod25-missing')).toHaveLength(0);
    expect(d.records).toEqual([
      {
        rule: 'mod25-missing',
        messageId: 'separateProblem',
        actions: [{ type: 'addModifier', modifier: '25' }],
        outcome: 'applied',
      },
    ]);
  });

  it('the page’s own click (an untrusted event) does nothing: no change, no record', async () => {
    const { window, model } = await emaScreen(EX01);
    const d = withDermlint(window, emaAdapter);
    const button = await d.openCard('mod25-missing');
    button.click();
    button.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }) as unknown as Event);
    await new Promise((r) => setTimeout(r, 300));
    expect(model().lines[0]!.modifiers).toBeUndefined();
    expect(d.hosts('mod25-missing')).toHaveLength(1);
    expect(d.records).toEqual([]);
  });

  it('a fix made for an encounter the screen no longer shows does nothing', async () => {
    const { window, model } = await emaScreen(EX01);
    const d = withDermlint(window, emaAdapter);
    const button = await d.openCard('mod25-missing');
    // The user changed the units a moment ago; dermlint has not judged that yet.
    const units = d.doc.querySelector('input[aria-label="Units row 2"]') as HTMLInputElement;
    units.value = '2';
    trustedClick(window, button);
    await until(
      () => d.statusText('mod25-missing'),
      (t) => t !== '' && t !== 'Applying…',
      'an answer',
    );
    expect(d.statusText('mod25-missing')).toBe(
      'The screen changed since dermlint checked it: nothing was changed. Look at this warning again.',
    );
    expect(model().lines[0]!.modifiers).toBeUndefined();
    expect(d.records).toEqual([]);
  });
});

describe('a fix the EHR does not take', () => {
  /** A claim table whose units box refuses more than 9 (a controlled input putting its old value back), read through a field map. */
  const MAP: FieldMap = {
    name: 'refusing screen',
    matches: ['https://ehr.example/*'],
    procedures: {
      rows: '#lines tr',
      code: '.code',
      modifiers: '.mod',
      units: '.units',
      pointers: '.ptr',
      description: '.desc',
    },
    diagnoses: { rows: '#dx li', code: '.dx' },
    payer: { name: '#payer' },
  };
  function refusingScreen() {
    const window = new Window({ url: 'https://ehr.example/claim' });
    windows.push(window);
    const doc = window.document as unknown as Document;
    doc.body.innerHTML = `<p id="payer">Medicare Part B</p><ul id="dx"><li><input class="dx" value="L82.0"></li></ul>
      <table><tbody id="lines"><tr><td class="desc">Destruction of benign lesions</td><td><input class="code" value="17110"></td>
      <td><input class="mod" value=""></td><td><input class="units" value="1"></td><td><input class="ptr" value="1"></td></tr></tbody></table>`;
    const units = doc.querySelector('.units') as HTMLInputElement;
    let committed = '1';
    units.addEventListener('change', () => {
      if (Number(units.value) > 9)
        units.value = committed; // refused: the EHR puts its value back
      else committed = units.value;
    });
    return { window, doc, units };
  }

  it('says so in place, records "not applied", and leaves the screen as the EHR left it', async () => {
    const { window, units } = refusingScreen();
    const adapter = createGenericAdapter(MAP);
    const d = withDermlint(window, adapter, [MAP]);
    // A finding of our own making with a fix the screen will refuse (the engine's rules are tested elsewhere).
    const hooks = createFixes({
      adapter,
      doc: d.doc,
      fieldMaps: () => [MAP],
      watcher: {
        hold() {},
        release: async () => {},
        judgedKey: () => JSON.stringify((adapter.read(d.doc) as { encounter: Encounter }).encounter),
      },
      loadKit: async () => void ((globalThis as Record<string, unknown>)[FIX_KIT_GLOBAL] ??= createFixKit()),
      record: (r) => d.records.push(r),
    })({
      rule: 'destruction-series',
      severity: 'error',
      line: 0,
      message: 'm',
      messageId: 'tooFew',
      suggestions: [{ label: 'Use 17110 × 12', actions: [{ type: 'setUnits', line: 0, units: 12 }] }],
    })!;
    expect(await hooks.check()).toEqual([null]);
    const event = new window.MouseEvent('click') as unknown as Event;
    Object.defineProperty(event, 'isTrusted', { value: true });
    const outcome = await hooks.run(0, event);
    expect(outcome).toEqual({
      status: 'failed',
      message: 'Could not apply — please change it by hand. (17110 shows 1 unit, not 12.)',
    });
    expect(units.value).toBe('1');
    expect(d.records).toEqual([
      {
        rule: 'destruction-series',
        messageId: 'tooFew',
        actions: [{ type: 'setUnits', units: 12 }],
        outcome: 'not-applied',
      },
    ]);
  });

  it('a warning painted again for the screen the failed fix left opens with what happened; after the next edit it does not', async () => {
    const { window, doc, units } = refusingScreen();
    const adapter = createGenericAdapter(MAP);
    const kit = createFixKit();
    const screenKey = () => JSON.stringify((adapter.read(doc) as { encounter: Encounter }).encounter);
    const c = {
      adapter,
      doc,
      fieldMaps: () => [MAP],
      watcher: { hold() {}, release: async () => {}, judgedKey: screenKey },
      record() {},
    };
    const finding = {
      rule: 'destruction-series',
      severity: 'error' as const,
      line: 0,
      message: 'm',
      suggestions: [{ label: 'Use 17110 × 12', actions: [{ type: 'setUnits' as const, line: 0, units: 12 }] }],
    };
    const event = new window.MouseEvent('click') as unknown as Event;
    Object.defineProperty(event, 'isTrusted', { value: true });
    expect(kit.note(c, finding)).toBeUndefined();
    const outcome = await kit.run(c, finding, 0, event);
    expect(kit.note(c, finding)).toBe(outcome.message);
    units.value = '3';
    units.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    expect(kit.note(c, finding)).toBeUndefined();
    // And an untrusted event runs nothing.
    expect(await kit.run(c, finding, 0, new window.MouseEvent('click') as unknown as Event)).toEqual({
      status: 'ignored',
    });
  });

  it('a screen with no control for the fix says "Fix by hand" in the card, and the button is not offered', async () => {
    const { window } = refusingScreen();
    const adapter = createGenericAdapter(MAP);
    const d = withDermlint(window, adapter, [MAP]);
    const hooks = createFixes({
      adapter,
      doc: d.doc,
      fieldMaps: () => [MAP],
      watcher: { hold() {}, release: async () => {}, judgedKey: () => null },
      loadKit: async () => void ((globalThis as Record<string, unknown>)[FIX_KIT_GLOBAL] ??= createFixKit()),
      record: (r) => d.records.push(r),
    })({
      rule: 'cosmetic-on-insurance',
      severity: 'error',
      line: 0,
      message: 'm',
      suggestions: [
        { label: 'Bill the patient', actions: [{ type: 'billToPatient', line: 0 }] },
        { label: 'Add 17000', actions: [{ type: 'addLine', code: '17000' }] },
      ],
    })!;
    expect(await hooks.check()).toEqual([
      'this screen has no bill-to control in its field map',
      'the field map names no control to add or remove lines',
    ]);
    expect(d.records).toEqual([]);
  });
});

describe('an EHR that commits late', () => {
  it('a change the screen shows a moment later (after a server round trip) counts as applied', async () => {
    const window = new Window({ url: 'https://ehr.example/claim' });
    windows.push(window);
    const doc = window.document as unknown as Document;
    doc.body.innerHTML = `<p id="payer">Medicare Part B</p><ul id="dx"><li><input class="dx" value="L82.0"></li></ul>
      <table><tbody id="lines"><tr><td class="desc">Destruction of benign lesions</td><td><input class="code" value="17110"></td>
      <td><input class="mod" value=""></td><td><input class="units" value="1"></td><td><input class="ptr" value="1"></td></tr></tbody></table>`;
    const MAP: FieldMap = {
      name: 'late screen',
      matches: ['https://ehr.example/*'],
      procedures: {
        rows: '#lines tr',
        code: '.code',
        modifiers: '.mod',
        units: '.units',
        pointers: '.ptr',
        description: '.desc',
      },
      diagnoses: { rows: '#dx li', code: '.dx' },
      payer: { name: '#payer' },
    };
    // The EHR puts the old value back at once, then shows the saved one when its server answers (300 ms later).
    const units = doc.querySelector('.units') as HTMLInputElement;
    units.addEventListener('change', () => {
      const typed = units.value;
      units.value = '1';
      setTimeout(() => (units.value = typed), 300);
    });
    const adapter = createGenericAdapter(MAP);
    const kit = createFixKit();
    const records: unknown[] = [];
    const key = JSON.stringify((adapter.read(doc) as { encounter: Encounter }).encounter);
    const c = {
      adapter,
      doc,
      fieldMaps: () => [MAP],
      watcher: { hold() {}, release: async () => {}, judgedKey: () => key },
      record: (r: unknown) => records.push(r),
    };
    const event = new window.MouseEvent('click') as unknown as Event;
    Object.defineProperty(event, 'isTrusted', { value: true });
    const finding = {
      rule: 'destruction-series',
      severity: 'error' as const,
      line: 0,
      message: 'm',
      suggestions: [{ label: 'Use 17110 × 2', actions: [{ type: 'setUnits' as const, line: 0, units: 2 }] }],
    };
    expect(await kit.run(c, finding, 0, event)).toEqual({ status: 'applied', message: 'Applied.' });
    expect(units.value).toBe('2');
    expect(records).toEqual([
      { rule: 'destruction-series', actions: [{ type: 'setUnits', units: 2 }], outcome: 'applied' },
    ]);
  });
});
