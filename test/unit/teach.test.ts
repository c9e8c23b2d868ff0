/**
 * Teaching dermlint a screen by clicking (lib/teach): which names survive a
 * reload, the repeating row, which reference each click becomes (label[for] →
 * name → aria-label → data-* → classes → the label the screen shows), chips
 * read instead of an empty search box, fields known only by their labels, and
 * the whole round trip on saved screens: a map taught by ten clicks on one
 * encounter reads every other encounter with the engine's own findings.
 */
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '../../rules/schema';
import { findings, readWorkedExamples, snapshotLoader } from '../support/snapshot-testing';
import { readWithFieldMap } from '../../adapters/generic/read';
import { parseFieldMap, type FieldMap } from '../../adapters/generic/fieldmap';
import { findRow, inferField, inferRows, mapIdentity, selectRef } from '../../lib/teach/infer';
import { isChipClass, isGeneratedToken, isStableClass, isStableValue } from '../../lib/teach/stable-names';
import { previewMap, teach, type Answers } from '../../lib/teach/session';

const ECW = new URL('../../adapters/generic/__snapshots__/', import.meta.url);
const TEACH = new URL('../../lib/teach/__snapshots__/', import.meta.url);
const { loadHtml, snapshotHtml, savedIds } = snapshotLoader(
  ECW,
  'http://localhost/ecw/mobiledoc/jsp/webemr/index.html',
);
const CASES = readWorkedExamples<{ encounter: Encounter }>();
const example = (id: string) => CASES.find((c) => c.encounter.id === id)!.encounter;

/** @medv/finder reads `document`, `Node` and `CSS` from the global scope, as in a page. */
function asPage(doc: Document): Document {
  const win = doc.defaultView as unknown as { Node: unknown; CSS: unknown };
  Object.assign(globalThis, { document: doc, Node: win.Node, CSS: win.CSS });
  return doc;
}
const ecw = (id: string) => asPage(loadHtml(snapshotHtml(id)));
const cedar = (name: string) => asPage(loadHtml(snapshotHtml(name, TEACH)));
const page = (body: string) =>
  asPage(loadHtml(`<!doctype html><html><body>${body}</body></html>`, 'http://ehr.example.com/claims/edit'));

function ok(result: ReturnType<typeof readWithFieldMap>): Encounter {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.encounter;
}
const all = (doc: ParentNode, sel: string) => Array.from(doc.querySelectorAll(sel));
const one = (doc: ParentNode, sel: string, i = 0) => {
  const el = all(doc, sel)[i];
  if (!el) throw new Error(`no ${sel} [${i}]`);
  return el;
};
/** A <dd> by its <dt>'s text, within scope. */
const dd = (scope: ParentNode, label: string, i = 0) =>
  all(scope, 'dt').filter((d) => d.textContent === label)[i]!.nextElementSibling!;

describe('names that survive a reload', () => {
  it.each([
    'mantine-r3',
    ':r1:',
    '«r3»',
    '_r_3_',
    'ember123',
    'mantine-0wvdy3qj7',
    'css-1x2y3z4',
    'sc-bdVaJa',
    'm_7cda1cd6',
    'row-12',
    'tab-3',
    'ext-gen1042',
    'headlessui-listbox-button-5',
    'react-select-2-input',
    'downshift-0-item-3',
    'a8f3c2d1-77aa-4b1c-9f00-1e2d3c4b5a69',
    'yui_3_5_1_1_17',
  ])('%s is generated', (token) => expect(isGeneratedToken(token)).toBe(true));

  it.each([
    'cptTable',
    'ClaimCPTMOD1',
    'ICD10',
    'mantine-Pill-label',
    'MuiChip-label',
    'w-mod',
    'btnSubmitClaim',
    'form-control',
    'input-xs',
    'chkAbnSigned',
    'PillsInputField',
  ])('%s is a name', (token) => expect(isGeneratedToken(token)).toBe(false));

  it('state classes are not names; values quoting the field’s own value or a code are refused', () => {
    for (const c of ['ng-dirty', 'ng-not-empty', 'active', 'Mui-focused', 'odd', 'is-open', 'mantine-active'])
      expect(isStableClass(c), c).toBe(false);
    expect(isStableClass('ng-scope')).toBe(true);
    expect(isStableValue('Remove 17110')).toBe(false);
    expect(isStableValue('Site of left forearm', 'left forearm')).toBe(false);
    expect(isStableValue('Units, line 3')).toBe(true);
    for (const c of ['mantine-Pill-label', 'MuiChip-root', 'el-tag__content', 'v-chip', 'css-12a-multiValue', 'tag'])
      expect(isChipClass(c), c).toBe(true);
    for (const c of ['stage', 'hashtag-list', 'cedar-dl']) expect(isChipClass(c), c).toBe(false);
  });
});

describe('the repeating row', () => {
  it('eCW: the ng-repeat rows around the clicked code, not the entry row below them', () => {
    const doc = ecw('ex45');
    const rows = findRow(one(doc, '[data-fieldname="claimCPTCode"]', 2))!;
    expect(rows.guessed).toBe(false);
    expect(rows.rows).toEqual(all(doc, '#cptTable tbody tr[ng-repeat]'));
    expect(inferRows(rows)).toEqual({
      selector: '#cptTable tbody > tr[ng-repeat]',
      how: 'every tr[ng-repeat] in #cptTable tbody',
    });
  });

  it('Mantine: the table row around a chip (cells, chips and their groups are never rows), in the lines table only', () => {
    const doc = cedar('cedar-ex45');
    const chip = one(doc, 'table.cedar-lines tbody tr', 1).querySelector('.mantine-Pill-label')!;
    const rows = findRow(chip)!;
    expect(rows.rows).toEqual(all(doc, 'table.cedar-lines tbody tr'));
    const selector = inferRows(rows)!.selector;
    expect(all(doc, selector)).toEqual(rows.rows);
    expect(selector).not.toMatch(/nth|mantine-[a-z0-9]*\d/);
  });

  it('a read-only view of cards: the card around a <dd>, and the service cards only (not the diagnosis cards)', () => {
    const doc = cedar('cedar-ex45-details');
    const cards = all(doc, '.cedar-detail-card').filter((c) => c.textContent?.startsWith('Service'));
    const rows = findRow(dd(cards[2]!, 'Procedure'))!;
    expect(rows.rows).toEqual(cards);
  });

  it('one line only: the table row is guessed, and said to be', () => {
    const doc = page(
      '<table><tbody><tr><td><input name="cpt" value="17000"></td><td><input name="units" value="1"></td></tr></tbody></table>',
    );
    const rows = findRow(one(doc, 'input[name=cpt]'))!;
    expect(rows).toMatchObject({ guessed: true, row: one(doc, 'tr') });
  });
});

describe('which reference a click becomes', () => {
  /** Two rows whose units input carries every kind of name; `drop` removes kinds to see the next preference. */
  function rows(drop: string[] = []) {
    const attrs = (i: number) =>
      [
        `id="mantine-r${i}"`,
        drop.includes('name') ? '' : `name="units"`,
        drop.includes('aria') ? '' : `aria-label="Units, line ${i}"`,
        drop.includes('data') ? '' : `data-testid="line-units"`,
        drop.includes('class') ? 'class="css-1x2y3z4"' : 'class="units-input css-1x2y3z4"',
      ].join(' ');
    const label = (i: number) => (drop.includes('label') ? '' : `<label for="mantine-r${i}">Units</label>`);
    const row = (i: number) =>
      `<tr><td><input aria-label="Code ${i}" value="1710${i}"></td><td>${label(i)}<input ${attrs(i)} value="${i}"></td></tr>`;
    return page(`<table><thead><tr><th>Code</th><th>Qty</th></tr></thead><tbody>${row(1)}${row(2)}</tbody></table>`);
  }
  const infer = (doc: Document) => {
    const target = all(doc, 'tbody tr')[1]!.querySelectorAll('input')[1]!;
    return inferField(target, findRow(target));
  };

  it.each([
    [[], { label: 'Units' }],
    [['label'], 'input[name="units"]'],
    [['label', 'name'], 'input[aria-label^="Units, line "]'],
    [['label', 'name', 'aria'], 'input[data-testid="line-units"]'],
    [['label', 'name', 'aria', 'data'], 'input.units-input'],
    [['label', 'name', 'aria', 'data', 'class'], { label: 'Qty' }],
  ])('without %j: %j', (drop, ref) => expect(infer(rows(drop))?.ref).toEqual(ref));

  it('never a generated id, never a row position: with nothing else, the place in the row', () => {
    const doc = page(
      `<div class="grid">${[1, 2].map((i) => `<div class="line"><span id="ember${i}0${i}">1700${i}</span><span class="css-a8f3c2">${i}</span></div>`).join('')}</div>`,
    );
    const target = all(doc, '.line')[1]!.children[1]!;
    const inferred = inferField(target, findRow(target))!;
    expect(inferred.ref).toBe(':scope > span:nth-of-type(2)');
    expect(inferred.how).toMatch(/fragile/);
    expect(selectRef(all(doc, '.line')[0]!, inferred.ref)).toEqual([all(doc, '.line')[0]!.children[1]]);
  });

  it('several boxes of one field: the shared prefix of their numbered names (eCW modifiers M1–M4)', () => {
    const doc = ecw('ex45');
    const target = one(doc, '[data-fieldname="ClaimCPTMOD1"]', 1);
    const inferred = inferField(target, findRow(target), { multi: true })!;
    expect(inferred.ref).toBe('input[data-fieldname^="ClaimCPTMOD"]');
    expect(inferred.elements).toHaveLength(4);
  });

  it('the whole screen: a stable id, a button by its type when nothing else tells it apart', () => {
    expect(inferField(one(ecw('ex45'), '#chkAbnSigned'), null)?.ref).toEqual({ label: 'ABN signed' });
    const doc = cedar('cedar-ex45');
    expect(inferField(one(doc, 'button[type=submit]'), null)?.ref).toBe('button[type="submit"]');
  });
});

describe('fields known by their labels (the generic reader)', () => {
  const MAP = (procedures: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    parseFieldMap({
      name: 'Labels',
      matches: ['http://ehr.example.com/*'],
      procedures: { rows: '.line', code: { label: 'Procedure' }, ...procedures },
      diagnoses: { rows: '.dx', code: { label: 'ICD-10' } },
      ...extra,
    });

  it('<dt>/<dd>, a column header, a row header, a <label for> with a generated id, a <label> without one', () => {
    const doc = page(`
      <dl class="dx"><dt>ICD-10</dt><dd>L57.0</dd></dl>
      <div class="line"><dl><dt>Procedure</dt><dd>17000</dd><dt>Quantity:</dt><dd> 4 </dd><dt>Body site</dt><dd>left cheek</dd></dl>
        <label for=":r7:">Modifiers *</label><input id=":r7:" value="59">
        <label>Pointer</label><span>1</span></div>
      <table><tbody><tr><th>Insurance</th><td>Cigna Open Access Plus</td></tr></tbody></table>`);
    const parsed = MAP(
      {
        units: { label: 'Quantity' },
        site: { label: 'body site' },
        modifiers: { label: 'Modifiers' },
        pointers: { label: 'Pointer' },
      },
      { payer: { name: { label: 'Insurance' } } },
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const e = ok(readWithFieldMap(doc, parsed.value));
    expect(e.lines).toEqual([{ code: '17000', units: 4, site: 'left cheek', modifiers: ['59'], dx: [1] }]);
    expect(e.payer).toEqual({ kind: 'unknown', name: 'Cigna Open Access Plus' });
    expect(e.diagnoses).toEqual([{ code: 'L57.0' }]);
  });

  it('column headers: each row reads its own cell (colspans counted), and a cell’s one control is read through', () => {
    const doc = page(`<table><thead><tr><th colspan="2">Line</th><th>Procedure</th><th>Units</th></tr></thead><tbody>
      <tr class="line"><td>1.</td><td>✓</td><td>17110</td><td><input value="2"></td></tr>
      <tr class="line"><td>2.</td><td>✓</td><td>11102</td><td><input value="1"></td></tr></tbody></table>
      <ul><li class="dx"><dl><dt>ICD-10</dt><dd>L82.0</dd></dl></li></ul>`);
    const parsed = MAP({ units: { label: 'Units' } });
    if (!parsed.ok) throw new Error(parsed.error);
    const e = ok(
      readWithFieldMap(doc, { ...parsed.value, procedures: { ...parsed.value.procedures, rows: 'tr.line' } }),
    );
    expect(e.lines).toEqual([
      { code: '17110', units: 2 },
      { code: '11102', units: 1 },
    ]);
  });

  it('a label with a selector: the chips in the labelled field’s box, not its empty search box', () => {
    const doc = cedar('cedar-ex45');
    const row = one(doc, 'table.cedar-lines tbody tr', 0);
    expect(selectRef(row, { label: 'Code' }).map((e) => e.localName)).toEqual(['input']);
    expect(selectRef(row, { label: 'Code', selector: '.mantine-Pill-label' }).map((e) => e.textContent)).toEqual([
      '11102',
    ]);
  });
});

describe('chips', () => {
  it('a click on the empty search box of the code field picks the chip beside it', () => {
    const doc = cedar('cedar-ex45');
    const row = one(doc, 'table.cedar-lines tbody tr', 2);
    const box = row.querySelector('input[aria-label^="Procedure code"]')!;
    expect((box as HTMLInputElement).value).toBe('');
    const inferred = inferField(box, findRow(box))!;
    expect(inferred.ref).toEqual({ label: 'Code', selector: '.mantine-Pill-label' });
    expect(inferred.how).toMatch(/not the empty box beside them/);
    expect(inferred.elements.map((e) => e.textContent)).toEqual(['11301']);
  });

  it('modifiers and pointers read their own chips, never the code’s (all three are Mantine pills)', () => {
    const doc = cedar('cedar-ex45');
    const t = teach(doc, cedarClicks(doc));
    for (const row of all(doc, 'table.cedar-lines tbody tr')) {
      const mods = selectRef(row, t.map!.procedures.modifiers!).map((e) => e.textContent);
      const code = selectRef(row, t.map!.procedures.code).map((e) => e.textContent);
      expect(mods.filter((m) => code.includes(m))).toEqual([]);
    }
    expect(previewMap(doc, t.map!).lines.map((l) => `${l.code} ${l.modifiers}|${l.pointers}`)).toEqual([
      '11102 XS|1',
      '11103 XS|1',
      '11301 |2',
      '11300 |2',
    ]);
  });

  it('a field that reads empty on every line is said to', () => {
    const doc = cedar('cedar-ex45');
    const map = teach(doc, cedarClicks(doc)).map!;
    const preview = previewMap(doc, {
      ...map,
      procedures: { ...map.procedures, code: 'input[aria-label^="Procedure code"]' },
    });
    expect(preview.warnings).toEqual([
      expect.stringMatching(/^Procedure code reads empty on every line \(input\[aria-label\^="Procedure code"\]\)/),
    ]);
  });
});

/** What a practice manager clicks on the eCW-shaped screen: ten answers. */
function ecwClicks(doc: Document): Answers {
  return {
    code: one(doc, '[data-fieldname="claimCPTCode"]', 1),
    modifiers: one(doc, '[data-fieldname="ClaimCPTMOD1"]', 0),
    units: one(doc, '[data-fieldname="ClaimCPTUnits"]', 2),
    site: one(doc, '[data-fieldname="ClaimCPTSite"]', 0),
    size: one(doc, '[data-fieldname="ClaimCPTLesionSize"]', 2),
    pointers: one(doc, '[data-fieldname="ClaimCPTICD1"]', 3),
    dx: one(doc, '[data-fieldname="ClaimICDCode"]', 1),
    payer: one(doc, '[data-fieldname="PrimaryInsName"]'),
    note: one(doc, '#pnProcedures'),
    sign: one(doc, '#btnSubmitClaim'),
  };
}

/** … and on the Mantine one, clicking chips, inputs and a <dd>. */
function cedarClicks(doc: Document): Answers {
  const lines = all(doc, 'table.cedar-lines tbody tr');
  const cell = (row: number, col: number) => lines[row]!.querySelectorAll(':scope > td')[col]!;
  return {
    code: cell(1, 0).querySelector('.mantine-Pill-label')!,
    modifiers: cell(0, 1).querySelector('.mantine-Pill-label')!,
    units: cell(1, 2).querySelector('input')!,
    site: cell(0, 3).querySelector('input')!,
    size: cell(2, 4).querySelector('input')!,
    pointers: cell(3, 6).querySelector('.mantine-Pill-label')!,
    dx: one(doc, 'table.cedar-dx tbody tr input', 1),
    payer: dd(doc, 'Insurance'),
    note: one(doc, 'textarea'),
    sign: one(doc, 'button[type=submit]'),
  };
}

describe('a map taught by clicking reads every worked example as the engine judges it', () => {
  let taught: FieldMap;

  beforeEach(() => {
    const doc = ecw('ex45');
    const t = teach(doc, ecwClicks(doc), 'http://localhost:8791/ecw/mobiledoc/jsp/webemr/index.html?case=ex45');
    expect(t.problems).toEqual([]);
    taught = t.map!;
  });

  it('eCW: the taught map is valid, names the host with its port, and finds the other fields by their labels', () => {
    expect(parseFieldMap(taught)).toEqual({ ok: true, value: taught });
    expect(taught.matches).toEqual(['http://localhost:8791/ecw/*']);
    expect(taught.procedures).toMatchObject({
      rows: '#cptTable tbody > tr[ng-repeat]',
      lesions: 'input[data-fieldname="ClaimCPTLesionCount"]',
      billTo: 'select[data-fieldname="ClaimCPTBillTo"]',
    });
    expect(taught.payer).toEqual({
      name: 'span[data-fieldname="PrimaryInsName"]',
      category: 'span[data-fieldname="PrimaryInsFinClass"]',
    });
    expect(taught.dateOfService).toBe('input[data-fieldname="ClaimServiceDate"]');
    // The visit history by its column headers, though ex45 lists no prior service (its placeholder row is left out).
    expect(taught.history).toEqual({
      rows: '#histTable > tbody > tr:not(:has(> td[colspan]))',
      date: { label: 'DOS' },
      code: { label: 'CPT' },
      modifiers: { label: 'Modifiers' },
      dx: { label: 'ICD Codes' },
    });
  });

  it.each(savedIds())('eCW %s: the same findings as the original encounter', (id) => {
    const read = ok(readWithFieldMap(ecw(id), taught));
    expect(findings(read)).toEqual(findings(example(id)));
  });

  it('Mantine: taught on ex45, reads ex16 (a retail line without a code) and ex45 with their findings; the details view by its labels', () => {
    const doc = cedar('cedar-ex45');
    const t = teach(doc, cedarClicks(doc));
    expect(t.problems).toEqual([]);
    const map = t.map!;
    expect(map.procedures.code).toEqual({ label: 'Code', selector: '.mantine-Pill-label' });
    expect(map.payer).toEqual({ name: { label: 'Insurance' } });
    expect(map.note).toEqual({ label: 'Procedure note' });
    for (const id of ['ex45', 'ex16']) {
      const read = ok(readWithFieldMap(cedar(`cedar-${id}`), map));
      expect(findings(read), id).toEqual(findings(example(id)));
    }

    const details = cedar('cedar-ex45-details');
    const cards = all(details, '.cedar-detail-card').filter((c) => c.textContent?.startsWith('Service'));
    const dxCards = all(details, '.cedar-detail-card').filter((c) => c.textContent?.startsWith('Diagnosis'));
    const d = teach(details, {
      code: dd(cards[1]!, 'Procedure'),
      modifiers: dd(cards[0]!, 'Modifiers'),
      units: dd(cards[0]!, 'Quantity'),
      site: dd(cards[2]!, 'Body site'),
      size: dd(cards[2]!, 'Size'),
      pointers: dd(cards[3]!, 'Diagnoses'),
      dx: dd(dxCards[0]!, 'ICD-10'),
      payer: dd(details, 'Payer'),
      note: 'none',
      sign: one(details, 'button[type=submit]'),
    });
    expect(d.problems).toEqual([]);
    expect(d.map!.procedures).toMatchObject({
      code: { label: 'Procedure' },
      units: { label: 'Quantity' },
      size: { label: 'Size' },
      abn: { label: 'ABN' },
    });
    expect(findings(ok(readWithFieldMap(details, d.map!)))).toEqual(findings(example('ex45')));
  });

  it('a redone answer changes the map; "no such field" leaves the field out; the code cannot be left out', () => {
    const doc = ecw('ex45');
    const clicks = ecwClicks(doc);
    // Units redone on the lesion count (a wrong click, but a click): the lesion column is then not found by its label too.
    const t = teach(doc, { ...clicks, size: 'none', units: one(doc, '[data-fieldname="ClaimCPTLesionCount"]', 1) });
    expect(t.map!.procedures.size).toBeUndefined();
    expect(t.map!.procedures.units).toBe('input[data-fieldname="ClaimCPTLesionCount"]');
    expect(t.map!.procedures.lesions).toBeUndefined();
    expect(teach(doc, { ...clicks, code: 'none' }).problems).toEqual([
      'Procedure code: dermlint cannot check a claim without it.',
    ]);
    expect(teach(doc, { ...clicks, payer: one(doc, '[data-fieldname="ClaimCPTSite"]', 0) }).fields.payer).toEqual({
      problem: 'this is on a line; click the one the whole claim has',
    });
  });

  it('names the map after the host and its port, and the path’s first folder', () => {
    expect(mapIdentity('http://127.0.0.1:8791/cedar/index.html?case=ex01')).toEqual({
      name: '127.0.0.1:8791 /cedar (taught)',
      matches: ['http://127.0.0.1:8791/cedar/*'],
    });
    expect(mapIdentity('https://ehr.example.com/#/claims')).toEqual({
      name: 'ehr.example.com (taught)',
      matches: ['https://ehr.example.com/*'],
    });
  });
});

void Window;
