/**
 * The generic adapter: the field-map schema, the eClinicalWorks-style demo
 * screen read back through ECW_FIELD_MAP (a round trip over every worked
 * example: the same findings as the original encounter), the demo screen
 * edited as a person would, bad maps and odd values ('unreadable', never a
 * wrong encounter), and hostile text read as text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Encounter } from '../../rules/schema';
import { effectivePayerKind } from '../../rules/index';
import type { Adapter } from '../types';
import { matchesAny } from '../../lib/match-patterns';
import { findings, readWorkedExamples, snapshotLoader } from '../../test/support/snapshot-testing';
import { parseSettingsFile } from '../../lib/extension-settings';
import { FieldMapSchema, fieldMapProblems, parseFieldMap, type FieldMap } from './fieldmap';
import { createGenericAdapter, genericAdapterId, previewFieldMap, readWithFieldMap } from './index';
import { ECW_FIELD_MAP } from './presets';
import { selectorError } from './selector';
import { click, edit, expectRead, liveScreen } from '../../test/support/adapter-kit';
import { demoScreenUrl } from '../demo-screens';

interface Case {
  encounter: Encounter;
  expect: { rule: string; line: number | null }[];
  note?: string;
}
const CASES = readWorkedExamples<Case>();
const SNAPSHOTS = new URL('./__snapshots__/', import.meta.url);

const { loadHtml, snapshotHtml, savedIds } = snapshotLoader(SNAPSHOTS, 'http://localhost/');
const snapshot = (id: string, dir: URL = SNAPSHOTS) => loadHtml(snapshotHtml(id, dir));

/** The live demo screen (its own claim.js run in happy-dom), showing `encounter` as ?encounter= would. */
const liveEcw = (encounter: unknown) => liveScreen('ecw', demoScreenUrl.ecw('http://localhost', { encounter }));
const cptRows = (doc: Document) => [...doc.querySelectorAll('#cptTable tbody tr[ng-repeat]')];
const cptField = (doc: Document, row: number, field: string) =>
  cptRows(doc)[row]?.querySelector(`[data-fieldname="${field}"]`);

const ok = (result: ReturnType<typeof readWithFieldMap>): Encounter => expectRead(result).encounter;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('field map schema', () => {
  it('accepts the eClinicalWorks preset unchanged', () => {
    expect(parseFieldMap(ECW_FIELD_MAP)).toEqual({ ok: true, value: ECW_FIELD_MAP });
    expect(fieldMapProblems(ECW_FIELD_MAP)).toEqual([]);
  });

  it.each([
    [
      'procedures.rows',
      (m: FieldMap) => {
        m.procedures.rows = '#cptTable tbody tr[ng-repeat';
      },
      /^procedures\.rows: not a valid CSS selector/,
    ],
    [
      'procedures.code',
      (m: FieldMap) => {
        m.procedures.code = 'td:contains(CPT)';
      },
      /^procedures\.code: not a valid CSS selector \(unknown pseudo-class ':contains\(\)'\)/,
    ],
    [
      'diagnoses.code',
      (m: FieldMap) => {
        m.diagnoses.code = 'input[data-fieldname=="x"]';
      },
      /^diagnoses\.code: not a valid CSS selector/,
    ],
    [
      'payer.name',
      (m: FieldMap) => {
        m.payer!.name = '> span';
      },
      /^payer\.name: not a valid CSS selector/,
    ],
    [
      'procedures.units (empty)',
      (m: FieldMap) => {
        m.procedures.units = '  ';
      },
      /^procedures\.units: empty/,
    ],
    [
      'procedures.code (missing)',
      (m: FieldMap) => {
        delete (m.procedures as Partial<FieldMap['procedures']>).code;
      },
      /^procedures\.code: missing: the CSS selector of the procedure code within a row$/,
    ],
    [
      'procedures.units (an empty label)',
      (m: FieldMap) => {
        (m.procedures as Record<string, unknown>).units = { label: ' ' };
      },
      /^procedures\.units\.label: empty: expected the label text$/,
    ],
    [
      'procedures.units (a label and a typo)',
      (m: FieldMap) => {
        (m.procedures as Record<string, unknown>).units = { label: 'Units', selectr: 'input' };
      },
      /^procedures\.units: unknown field 'selectr'$/,
    ],
    [
      'procedures.modifiers (a label, a bad selector)',
      (m: FieldMap) => {
        (m.procedures as Record<string, unknown>).modifiers = { label: 'Mods', selector: 'span:contains(x)' };
      },
      /^procedures\.modifiers\.selector: not a valid CSS selector/,
    ],
    [
      'diagnoses (missing)',
      (m: FieldMap) => {
        delete (m as Partial<FieldMap>).diagnoses;
      },
      /^diagnoses: missing: an object \{ rows, code, description\? \}/,
    ],
    [
      'name (missing)',
      (m: FieldMap) => {
        delete (m as Partial<FieldMap>).name;
      },
      /^name: missing: a name for this field map$/,
    ],
    [
      'procedures.site (a number)',
      (m: FieldMap) => {
        (m.procedures as Record<string, unknown>).site = 3;
      },
      /^procedures\.site: expected a CSS selector/,
    ],
    [
      'a typo',
      (m: FieldMap) => {
        (m.procedures as Record<string, unknown>).sites = 'td';
      },
      /^procedures: unknown field 'sites'$/,
    ],
    [
      'matches (all urls)',
      (m: FieldMap) => {
        m.matches = ['<all_urls>'];
      },
      /^matches\[0\]: expected a match pattern/,
    ],
    [
      'matches (empty)',
      (m: FieldMap) => {
        m.matches = [];
      },
      /^matches: expected at least one match pattern/,
    ],
    [
      'note',
      (m: FieldMap) => {
        m.note = 'div:contains(Procedure)';
      },
      /^note: not a valid CSS selector/,
    ],
    [
      'history.date (missing)',
      (m: FieldMap) => {
        delete (m.history as Partial<NonNullable<FieldMap['history']>>).date;
      },
      /^history\.date: missing: the CSS selector of the date of service within a history row$/,
    ],
    [
      'history (a typo)',
      (m: FieldMap) => {
        (m.history as Record<string, unknown>).icd = 'td';
      },
      /^history: unknown field 'icd'$/,
    ],
  ])('%s: a message naming the field', (_what, mutate, message) => {
    const map = clone(ECW_FIELD_MAP);
    mutate(map);
    const parsed = parseFieldMap(map);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('lists every problem at once for the options page', () => {
    const map = clone(ECW_FIELD_MAP) as Record<string, unknown> & FieldMap;
    map.procedures.rows = 'tr[';
    map.diagnoses.code = ':eq(1)';
    expect(fieldMapProblems(map).map((p) => p.field)).toEqual(['procedures.rows', 'diagnoses.code']);
  });

  it('trims selectors and keeps optional ones optional', () => {
    const minimal = {
      name: ' Minimal ',
      matches: ['https://*.example-ehr.com/*'],
      procedures: { rows: ' tr.cpt ', code: '.code', modifiers: '.mod', units: '.units', pointers: '.ptr' },
      diagnoses: { rows: 'tr.dx', code: '.code' },
      payer: { name: '.ins' },
    };
    const parsed = FieldMapSchema.parse(minimal);
    expect(parsed.name).toBe('Minimal');
    expect(parsed.procedures.rows).toBe('tr.cpt');
    expect(parsed.abnSigned).toBeUndefined();
  });

  it('takes a field as a selector, { selector } (stored as the selector) or { label, selector? }; modifiers, units, pointers and payer may be left out', () => {
    const taught = {
      name: 'Taught',
      matches: ['http://127.0.0.1:8791/claims/*'],
      procedures: {
        rows: 'tbody > tr',
        code: { label: 'Code', selector: '.mantine-Pill-label' },
        units: { selector: ' input[name=qty] ' },
        site: { label: 'Body site' },
      },
      diagnoses: { rows: 'ul.dx > li', code: { label: 'ICD-10' } },
    };
    const parsed = FieldMapSchema.parse(taught);
    expect(parsed.procedures).toEqual({
      rows: 'tbody > tr',
      code: { label: 'Code', selector: '.mantine-Pill-label' },
      units: 'input[name=qty]',
      site: { label: 'Body site' },
    });
    expect(parsed.payer).toBeUndefined();
    expect(parsed.matches).toEqual(['http://127.0.0.1:8791/claims/*']);
  });

  it('reaches the settings file import with the full path', () => {
    const bad = clone(ECW_FIELD_MAP);
    bad.procedures.pointers = 'input[data-fieldname^="ClaimCPTICD"';
    const result = parseSettingsFile(JSON.stringify({ fieldMaps: [bad] }));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^fieldMaps\[0\]\.procedures\.pointers: not a valid CSS selector/),
    });
    expect(parseSettingsFile(JSON.stringify({ fieldMaps: [ECW_FIELD_MAP] })).ok).toBe(true);
  });

  // Checked against Chromium's querySelector (except the unclosed ones, which a browser silently closes).
  it.each([
    '#cptTable tbody tr[ng-repeat]',
    'input[data-fieldname="ClaimICDCode"]',
    "input[data-fieldname^='ClaimCPTMOD']",
    'a > b ~ c + d',
    ':scope > td',
    'td:nth-child(2n+1)',
    'td:nth-child(odd)',
    'td:nth-child(2n + 1 of .x)',
    'li:not(.a, .b)',
    'div:has(> img)',
    '#a\\31 b',
    '.-x',
    '.--x',
    '[a=b i]',
    '[a="1"]',
    'a:hover::before',
    'a:lang(en)',
    '*',
    '*.x',
    '.x.y#z[w]',
    '[data-x|="en"]',
    'input[type=checkbox]:checked',
    'x-box:state(checked)',
    'tr:where(.a)',
    'a ,b',
    'é.ü',
    '[a="b\\"c"]',
    'p:first-child:last-child',
    'tr:nth-child(+5)',
  ])('valid selector %s', (sel) => expect(selectorError(sel)).toBeNull());

  it.each([
    'tr[ng-repeat',
    '[a=1]',
    'td:contains(x)',
    'td:eq(2)',
    'a >',
    '> a',
    'a,,b',
    '#1abc',
    '.-1',
    '[a="x]',
    '[a="b" s]',
    'a::foo',
    'a:foo',
    'a*',
    'a:nth-child()',
    'svg|rect',
    ':not()',
    'a)',
    'a(',
    '[',
    '.',
    '#',
    '',
    '   ',
    'a[b=c d]',
    'td:nth-child(2n+)',
  ])('invalid selector %j', (sel) => expect(selectorError(sel)).not.toBeNull());
});

describe('the eClinicalWorks-style screen, read with ECW_FIELD_MAP', () => {
  it('has a snapshot of every worked example', () => {
    expect(savedIds()).toEqual(CASES.map((c) => c.encounter.id).sort());
  });

  it.each(CASES.map((c) => [c.encounter.id, c] as const))(
    '%s: the same findings as the original encounter',
    (id, c) => {
      const doc = snapshot(id);
      const result = readWithFieldMap(doc, ECW_FIELD_MAP);
      const read = ok(result);
      expect(findings(read), c.note).toEqual(findings(c.encounter));
      // And the encounter itself, as far as the screen shows it.
      expect(read.diagnoses).toEqual(c.encounter.diagnoses);
      expect(
        read.lines.map((l) => [
          l.code,
          l.modifiers ?? [],
          l.units ?? 1,
          l.dx ?? [],
          l.site,
          l.sizeCm,
          l.lesions,
          l.category,
          l.description,
        ]),
      ).toEqual(
        c.encounter.lines.map((l) => [
          l.code,
          l.modifiers ?? [],
          l.units ?? 1,
          l.dx ?? [],
          l.site,
          l.sizeCm,
          l.lesions,
          l.category,
          l.description,
        ]),
      );
      expect(read.payer.kind).toBe(c.encounter.payer.kind);
      expect(read.payer.name).toBe(c.encounter.payer.name);
      expect(read.dateOfService).toBe(c.encounter.dateOfService);
      expect(read.note).toBe(c.encounter.note);
      expect(read.history).toEqual(c.encounter.history);
      if (result.status === 'ok') {
        expect(result.anchors.lines).toHaveLength(read.lines.length);
        result.anchors.lines.forEach((row) => expect(row.matches('#cptTable tbody tr[ng-repeat]')).toBe(true));
        if (read.diagnoses.length) expect(result.anchors.diagnoses?.id).toBe('icdTable');
        expect(result.anchors.header?.matches('.claim-header')).toBe(true);
      }
    },
  );

  it.each(CASES.map((c) => [c.encounter.id, c] as const))(
    '%s: anchors: the element of each field, by the map’s own selectors',
    (id, c) => {
      const result = readWithFieldMap(snapshot(id), ECW_FIELD_MAP);
      if (result.status !== 'ok') throw new Error(`expected ok: ${JSON.stringify(result)}`);
      const { anchors } = result;
      const fieldOf = (el: Element | undefined) => el?.getAttribute('data-fieldname');
      c.encounter.lines.forEach((line, i) => {
        const row = anchors.lines[i]!;
        expect(fieldOf(anchors.field!(i, 'code'))).toBe('claimCPTCode');
        expect(fieldOf(anchors.field!(i, 'units'))).toBe('ClaimCPTUnits');
        expect(fieldOf(anchors.field!(i, 'site'))).toBe('ClaimCPTSite');
        expect(fieldOf(anchors.field!(i, 'size'))).toBe('ClaimCPTLesionSize');
        expect(fieldOf(anchors.field!(i, 'dx'))).toBe('ClaimCPTICD1');
        // The first empty modifier box (where a missing modifier is typed), else the last one.
        const mods = (line.modifiers ?? []).length;
        expect(fieldOf(anchors.field!(i, 'modifiers'))).toBe(`ClaimCPTMOD${Math.min(mods + 1, 4)}`);
        for (const f of ['code', 'modifiers', 'units', 'site', 'size', 'dx'] as const)
          expect(row.contains(anchors.field!(i, f)!)).toBe(true);
      });
      expect(fieldOf(anchors.payer)).toBe('PrimaryInsName');
    },
  );

  it('keeps ABN coverage: signed, per line', () => {
    expect(ok(readWithFieldMap(snapshot('ex24'), ECW_FIELD_MAP)).abn).toEqual({ signed: true, lines: [0] });
    expect(ok(readWithFieldMap(snapshot('ex25'), ECW_FIELD_MAP)).abn).toEqual({ signed: true });
    expect(ok(readWithFieldMap(snapshot('ex01'), ECW_FIELD_MAP)).abn).toEqual({ signed: false });
  });

  it('makes an id from the map, the page path, the encounter number and the date; never from the patient', () => {
    const a = snapshot('ex01');
    const first = ok(readWithFieldMap(a, ECW_FIELD_MAP)).id;
    expect(first.split('\u0000')[0]).toBe('generic');
    for (const span of a.querySelectorAll('.patient-identifier-span:not(.pt-ins)'))
      span.textContent = 'SOMEONE ELSE 01/01/1950';
    expect(ok(readWithFieldMap(a, ECW_FIELD_MAP)).id).toBe(first);
    expect(ok(readWithFieldMap(snapshot('ex02'), ECW_FIELD_MAP)).id).not.toBe(first);
  });

  it('is an adapter: id, matches (real hosts and the demo server), sign controls', () => {
    const adapter = createGenericAdapter(ECW_FIELD_MAP);
    expect(adapter.id).toBe(genericAdapterId(ECW_FIELD_MAP));
    expect(adapter.id.length).toBeLessThanOrEqual(40);
    expect(adapter.name).toBe(ECW_FIELD_MAP.name);
    expect(
      matchesAny(
        adapter.matches,
        'https://demo123.ecwcloud.com/mobiledoc/jsp/webemr/index.jsp#/mobiledoc/jsp/webemr/claims',
      ),
    ).toBe(true);
    expect(matchesAny(adapter.matches, 'http://localhost:5178/ecw/mobiledoc/jsp/webemr/index.html?case=ex01')).toBe(
      true,
    );
    expect(matchesAny(adapter.matches, 'http://localhost:5178/ema/web/practice/staff')).toBe(false);
    const doc = snapshot('ex01');
    expect(adapter.read(doc).status).toBe('ok');
    expect(adapter.signControls!(doc).map((b) => b.textContent)).toEqual(['Submit claim']);
  });

  it('previews a draft map on a document for the options page (plain data, codes only)', () => {
    const doc = snapshot('ex03');
    const preview = previewFieldMap(doc, clone(ECW_FIELD_MAP));
    expect(preview).toEqual({
      status: 'ok',
      lines: [
        { code: '99213', modifiers: ['25'], units: 1, pointers: [1] },
        { code: '17000', modifiers: [], units: 1, pointers: [1], site: 'left temple' },
        { code: '17003', modifiers: [], units: 2, pointers: [1], site: 'forehead' },
      ],
      diagnoses: 1,
      payerKind: 'commercial',
      abnSigned: false,
      noteChars: 0,
      history: 0,
    });
    expect(JSON.stringify(preview)).not.toMatch(
      /UnitedHealthcare|Actinic|TESTPATIENT|SAMPLE|DEMO|EXAMPLE|FICTION|PLACEHOLDER|DOB/,
    );
    // The note's length and the history's count, never a word of either.
    const ex87 = CASES.find((c) => c.encounter.id === 'ex87')!.encounter;
    const withNote = previewFieldMap(snapshot('ex58'), clone(ECW_FIELD_MAP));
    expect(withNote).toMatchObject({
      status: 'ok',
      noteChars: CASES.find((c) => c.encounter.id === 'ex58')!.encounter.note!.length,
      history: 0,
    });
    expect(JSON.stringify(withNote)).not.toMatch(/Mohs|lidocaine|epinephrine|blocks/i);
    expect(previewFieldMap(snapshot('ex87'), clone(ECW_FIELD_MAP))).toMatchObject({
      status: 'ok',
      history: ex87.history!.length,
    });
    expect(JSON.stringify(previewFieldMap(snapshot('ex87'), clone(ECW_FIELD_MAP)))).not.toMatch(
      /2026-05-18|14040|C44\.319/,
    );
    const { note: _n, history: _h, ...without } = clone(ECW_FIELD_MAP);
    expect(previewFieldMap(snapshot('ex87'), without)).not.toHaveProperty('history');
    expect(previewFieldMap(snapshot('ex87'), without)).not.toHaveProperty('noteChars');
    const bad = clone(ECW_FIELD_MAP);
    bad.procedures.rows = 'tr[';
    expect(previewFieldMap(doc, bad)).toEqual({
      status: 'unreadable',
      reason: expect.stringMatching(/^the field map is not valid: procedures\.rows: not a valid CSS selector/),
      lines: [],
      diagnoses: 0,
    });
    expect(
      previewFieldMap(doc, {
        ...clone(ECW_FIELD_MAP),
        procedures: { ...ECW_FIELD_MAP.procedures, units: cptSelector('ClaimCPTSite') },
      }),
    ).toEqual({
      status: 'unreadable',
      reason: "could not read: units of row 2 ('left temple'): expected a whole number above 0",
      lines: [],
      diagnoses: 0,
    });
    expect(
      previewFieldMap(snapshot('ex03'), {
        ...clone(ECW_FIELD_MAP),
        procedures: { ...ECW_FIELD_MAP.procedures, rows: '#nothing tr' },
        diagnoses: { ...ECW_FIELD_MAP.diagnoses, rows: '#nothing tr' },
      }),
    ).toEqual({ status: 'absent', lines: [], diagnoses: 0 });
  });
});

const cptSelector = (field: string) => `input[data-fieldname="${field}"]`;

describe('the progress note and the past procedures', () => {
  it('reads the Procedures box (a line per <br>) and the past procedures table; older screens without them read as before', () => {
    const e = ok(readWithFieldMap(snapshot('ex57'), ECW_FIELD_MAP));
    expect(e.note).toBe(CASES.find((c) => c.encounter.id === 'ex57')!.encounter.note);
    expect(ok(readWithFieldMap(snapshot('ex86'), ECW_FIELD_MAP)).history).toEqual(
      CASES.find((c) => c.encounter.id === 'ex86')!.encounter.history,
    );
    const old = ok(readWithFieldMap(snapshot('ex03'), ECW_FIELD_MAP));
    expect(old).not.toHaveProperty('note');
    expect(old).not.toHaveProperty('history');
  });

  it.each([
    ['a date that is not one', 'HistDOS', '06/31/2026', "could not read: date ('06/31/2026') of history row 2"],
    ['a code with a space', 'HistCPTCode', '12 052', "could not read: code ('12 052') of history row 2"],
  ])('a history row with %s is unreadable', (_what, field, value, reason) => {
    const doc = snapshot('ex86');
    doc.querySelectorAll(`[data-fieldname="${field}"]`)[1]!.textContent = value;
    expect(readWithFieldMap(doc, ECW_FIELD_MAP)).toEqual({ status: 'unreadable', reason });
  });
});

describe('a person edits the demo screen', () => {
  const base: Encounter = CASES.find((c) => c.encounter.id === 'ex03')!.encounter;

  it('edits the progress note: Edit opens a text box (read as typed), leaving it shows the text again', async () => {
    const ex52 = CASES.find((c) => c.encounter.id === 'ex52')!.encounter;
    const { doc, window } = await liveEcw(ex52);
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).note).toBe(ex52.note);
    await click(window, doc.querySelector('button[name="EDITNOTE"]'));
    const box = doc.querySelector('[data-fieldname="ProgressNoteProceduresText"]') as HTMLTextAreaElement;
    expect(box.value).toBe(ex52.note);
    box.value = 'Procedure: Punch biopsy\nLocation: right upper arm';
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).note).toBe('Procedure: Punch biopsy\nLocation: right upper arm');
    await edit(window, box, box.value);
    expect(doc.querySelector('[data-fieldname="ProgressNoteProceduresText"]')).toBeNull();
    expect(doc.querySelector('#pnProcedures br')).not.toBeNull();
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).note).toBe('Procedure: Punch biopsy\nLocation: right upper arm');
  });

  it('shows markup in the note and the history as text', async () => {
    const hostile: Encounter = {
      ...base,
      note: 'Procedure: <img src=x onerror="globalThis.pwned=1">\n</div><script>globalThis.pwned=2</script>',
      history: [{ dateOfService: '2026-01-02', code: '<b>x</b>', dx: ['<i>y</i>'] }],
    };
    const { doc, window } = await liveEcw(hostile);
    const read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.note).toBe(hostile.note);
    expect(read.history).toEqual(hostile.history);
    expect(doc.querySelector('#pnProcedures img, #pnProcedures script, #histTable b, #histTable i')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('renders ?encounter= JSON and marks itself ready as custom', async () => {
    const { doc } = await liveEcw(base);
    expect(doc.documentElement.dataset.demoReady).toBe('custom');
    expect(findings(ok(readWithFieldMap(doc, ECW_FIELD_MAP)))).toEqual(findings(base));
  });

  it('changes modifiers, units, pointers and ICD codes; adds and removes rows', async () => {
    const { doc, window } = await liveEcw(base);
    // Drop the 25 from the visit: the engine now wants it.
    await edit(window, cptField(doc, 0, 'ClaimCPTMOD1'), '');
    let read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.lines[0]!.modifiers).toBeUndefined();
    expect(findings(read).some((f) => f.rule === 'mod25-missing' || f.rule === 'mod25-unsupported')).toBe(true);
    await edit(window, cptField(doc, 2, 'ClaimCPTUnits'), '4');
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).lines[2]!.units).toBe(4);
    // A second diagnosis, pointed at by line 2 by its code and by line 3 by its number.
    await edit(window, doc.querySelector('input[name="NEWICD"]'), 'L82.1');
    await click(window, doc.querySelector('button[name="ADDICD"]'));
    await edit(window, cptField(doc, 1, 'ClaimCPTICD2'), 'L82.1');
    await edit(window, cptField(doc, 2, 'ClaimCPTICD1'), '2');
    read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.diagnoses.map((d) => d.code)).toEqual(['L57.0', 'L82.1']);
    expect(read.lines[1]!.dx).toEqual([1, 2]);
    expect(read.lines[2]!.dx).toEqual([2]);
    // Renaming a diagnosis keeps the pointers on it (the ICD columns follow).
    await edit(window, doc.querySelectorAll('#icdTable input[data-fieldname="ClaimICDCode"]')[1], 'L82.0');
    expect(cptField(doc, 2, 'ClaimCPTICD1')?.getAttribute('value')).toBe('L82.0');
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).lines[2]!.dx).toEqual([2]);
    // Add a line, then remove the first one.
    await edit(window, doc.querySelector('input[name="NEWCPT"]'), '11102');
    await click(window, doc.querySelector('button[name="ADDCPT"]'));
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).lines.map((l) => l.code)).toEqual([
      '99213',
      '17000',
      '17003',
      '11102',
    ]);
    await click(window, doc.querySelector('button[name="CPTREMOVE_1"]'));
    read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.lines.map((l) => l.code)).toEqual(['17000', '17003', '11102']);
    // Removing a diagnosis drops the pointers to it and renumbers the others.
    await click(window, doc.querySelector('button[name="ICDREMOVE_1"]'));
    read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.diagnoses.map((d) => d.code)).toEqual(['L82.0']);
    expect(read.lines.map((l) => l.dx)).toEqual([[1], [1], undefined]);
  });

  it('switches the insurance, signs the ABN and moves a line to the patient', async () => {
    const { doc, window } = await liveEcw(base);
    await edit(window, doc.querySelector('select[data-fieldname="ClaimInsuranceSwitch"]'), 'I0');
    let read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.payer).toEqual({ kind: 'medicare', name: 'Medicare Part B' });
    await edit(window, doc.querySelector('input[data-fieldname="ClaimABNSigned"]'), true);
    await edit(window, cptField(doc, 0, 'ClaimCPTABN'), false);
    read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.abn).toEqual({ signed: true, lines: [1, 2] });
    await edit(window, cptField(doc, 0, 'ClaimCPTBillTo'), 'Patient');
    await edit(window, cptField(doc, 0, 'ClaimCPTCategory'), 'Cosmetic');
    read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.lines[0]).toMatchObject({ billTo: 'patient', category: 'cosmetic' });
  });

  it("says what it cannot read: units of row 3 ('two')", async () => {
    const { doc, window } = await liveEcw(base);
    await edit(window, cptField(doc, 2, 'ClaimCPTUnits'), 'two');
    // The screen's note quotes the value; what leaves the page does not.
    expect(readWithFieldMap(doc, ECW_FIELD_MAP)).toEqual({
      status: 'unreadable',
      reason: "could not read: units of row 3 ('two'): expected a whole number above 0",
      withoutValues: "could not read: units of row 3 ('…'): expected a whole number above 0",
    });
    await edit(window, cptField(doc, 2, 'ClaimCPTUnits'), '2');
    await edit(window, cptField(doc, 1, 'ClaimCPTICD1'), 'L99.9');
    expect(readWithFieldMap(doc, ECW_FIELD_MAP)).toEqual({
      status: 'unreadable',
      reason: "could not read: pointers of row 2 ('L99.9'): L99.9 is not on the diagnosis list",
      withoutValues: "could not read: pointers of row 2 ('…'): … is not on the diagnosis list",
    });
    await edit(window, cptField(doc, 1, 'ClaimCPTICD1'), 'A');
    expect(ok(readWithFieldMap(doc, ECW_FIELD_MAP)).lines[1]!.dx).toEqual([1]);
    await edit(window, cptField(doc, 1, 'ClaimCPTLesionSize'), 'large');
    expect(readWithFieldMap(doc, ECW_FIELD_MAP)).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/^could not read: size of row 2 \('large'\)/),
    });
    await edit(window, cptField(doc, 1, 'ClaimCPTLesionSize'), '');
    await edit(window, doc.querySelector('input[data-fieldname="ClaimServiceDate"]'), '02/30/2026');
    expect(readWithFieldMap(doc, ECW_FIELD_MAP)).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/^could not read: date of service/),
    });
  });

  it('reads HTML and script text in fields as text', async () => {
    const hostile: Encounter = {
      id: 'hostile',
      payer: { kind: 'commercial', name: '<img src=x onerror="globalThis.pwned=1">Aetna' },
      diagnoses: [{ code: 'L57.0', description: '<script>globalThis.pwned=2</script>' }],
      lines: [
        {
          code: '17000',
          dx: [1],
          site: '</td><td>left temple',
          description: '<b onmouseover="globalThis.pwned=3">x</b>',
        },
      ],
    };
    const { doc, window } = await liveEcw(hostile);
    const read = ok(readWithFieldMap(doc, ECW_FIELD_MAP));
    expect(read.payer.name).toBe(hostile.payer.name);
    expect(read.diagnoses[0]!.description).toBe(hostile.diagnoses[0]!.description);
    expect(read.lines[0]).toMatchObject({
      site: '</td><td>left temple',
      description: '<b onmouseover="globalThis.pwned=3">x</b>',
    });
    expect(doc.querySelector('img, #claimWindow script, b[onmouseover]')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

/** A small table-shaped screen of some other EHR, for the reader's parsing rules. */
function otherEhr(
  rows: string[][],
  opts: { dx?: readonly string[]; ins?: string; cls?: string; abn?: string; dos?: string } = {},
): Document {
  const cell = (v: string) => `<td><input value="${v.replace(/"/g, '&quot;')}"></td>`;
  const html = `<!doctype html><html><body>
    <div class="hdr"><span class="ins">${opts.ins ?? 'Aetna Open Access'}</span><span class="cls">${opts.cls ?? ''}</span>
      <span class="abn">${opts.abn ?? ''}</span><span class="dos">${opts.dos ?? ''}</span></div>
    <ol class="dx">${(opts.dx ?? ['L57.0', 'B07.8']).map((d) => `<li><span class="code">${d}</span></li>`).join('')}</ol>
    <table class="svc"><tbody>${rows
      .map(
        ([code = '', mods = '', units = '', ptr = '', bill = '', extra = ''], i) =>
          `<tr class="line">${cell(code)}<td class="mods">${mods}</td>${cell(units)}<td><span class="ptr">${ptr}</span></td>${bill === 'box' ? '<td><input type="checkbox" class="bill"></td>' : bill === 'box-checked' ? '<td><input type="checkbox" class="bill" checked></td>' : `<td><span class="bill">${bill}</span></td>`}<td class="extra">${extra}</td><td class="n">${i}</td></tr>`,
      )
      .join('')}</tbody></table></body></html>`;
  return loadHtml(html, 'https://ehr.example.com/claims/edit');
}
const OTHER_MAP: FieldMap = FieldMapSchema.parse({
  name: 'Other EHR',
  matches: ['https://ehr.example.com/*'],
  procedures: {
    rows: 'table.svc tr.line',
    code: 'td:nth-child(1) input',
    modifiers: '.mods span, .mods',
    units: 'td:nth-child(3) input',
    pointers: '.ptr',
    billTo: '.bill',
    category: '.extra',
  },
  diagnoses: { rows: 'ol.dx li', code: '.code' },
  payer: { name: '.ins', category: '.cls' },
  abnSigned: '.abn',
  dateOfService: '.dos',
});

describe('reading rules', () => {
  it('reads modifiers run together, CMS-1500 letters and ICD codes as pointers', () => {
    const doc = otherEhr([
      ['17000', '25-59', '1', 'A'],
      ['17110', 'xs, rt', '2', 'AB'],
      ['99213', '', '', 'B07.8 L570'],
      ['11102', '', '', '2, 1'],
    ]);
    const read = ok(readWithFieldMap(doc, OTHER_MAP));
    expect(read.lines.map((l) => [l.modifiers, l.units, l.dx])).toEqual([
      [['25', '59'], 1, [1]],
      [['XS', 'RT'], 2, [1, 2]],
      [undefined, undefined, [2, 1]],
      [undefined, undefined, [2, 1]],
    ]);
  });

  it('reads bill-to from a checkbox (checked = insurance) or text, and the category', () => {
    const doc = otherEhr([
      ['17000', '', '', '', 'box-checked'],
      ['17110', '', '', '', 'box'],
      ['11951', '', '', '', 'Patient', 'Cosmetic'],
      ['', '', '', '', 'pt', 'Retail item'],
    ]);
    expect(ok(readWithFieldMap(doc, OTHER_MAP)).lines.map((l) => [l.billTo, l.category])).toEqual([
      ['insurance', undefined],
      ['patient', undefined],
      ['patient', 'cosmetic'],
      ['patient', 'retail'],
    ]);
  });

  it('reads the payer kind from the category, else the plan name (judged by the engine); ABN and date of service from text', () => {
    let read = ok(
      readWithFieldMap(
        otherEhr([['17000']], { ins: 'Humana Gold Plus HMO', cls: '', abn: 'ABN signed', dos: '3/4/2026' }),
        OTHER_MAP,
      ),
    );
    // No category: the reader passes the name on, and the engine's insurer table says what it is.
    expect(read.payer).toEqual({ kind: 'unknown', name: 'Humana Gold Plus HMO' });
    expect(effectivePayerKind(read)).toBe('medicare-advantage');
    expect(read.abn).toEqual({ signed: true });
    expect(read.dateOfService).toBe('2026-03-04');
    read = ok(
      readWithFieldMap(otherEhr([['17000']], { ins: 'Blue Cross', cls: 'Self Pay', abn: 'Not signed' }), OTHER_MAP),
    );
    expect(read.payer.kind).toBe('self-pay');
    expect(read.abn).toEqual({ signed: false });
  });

  it('skips the empty entry row and trailing blank diagnoses', () => {
    const read = ok(
      readWithFieldMap(
        otherEhr(
          [
            ['17000', '', '1', '1'],
            ['', '', '', ''],
          ],
          { dx: ['L57.0', ''] },
        ),
        OTHER_MAP,
      ),
    );
    expect(read.lines).toHaveLength(1);
    expect(read.diagnoses).toEqual([{ code: 'L57.0' }]);
  });

  it.each([
    [
      'units',
      [['17000', '', 'two', '1']],
      {},
      "could not read: units of row 1 ('two'): expected a whole number above 0",
    ],
    [
      'units 0',
      [
        ['17000', '', '1'],
        ['17003', '', '0'],
      ],
      {},
      "could not read: units of row 2 ('0'): expected a whole number above 0",
    ],
    [
      'a modifier',
      [['17000', 'Modifier 25', '1']],
      {},
      "could not read: modifiers of row 1 ('Modifier 25'): expected two-character modifiers",
    ],
    ['a code', [['see note', '', '1']], {}, "could not read: code of row 1 ('see note'): expected a CPT or HCPCS code"],
    [
      'a pointer',
      [['17000', '', '1', 'M']],
      {},
      "could not read: pointers of row 1 ('M'): M is not on the diagnosis list",
    ],
    [
      'bill-to',
      [['17000', '', '1', '', 'maybe']],
      {},
      "could not read: bill-to of row 1 ('maybe'): expected 'Insurance' or 'Patient'",
    ],
    [
      'a category',
      [['17000', '', '1', '', '', 'misc']],
      {},
      "could not read: category of row 1 ('misc'): expected 'Service', 'Cosmetic' or 'Retail'",
    ],
    [
      'a diagnosis',
      [['17000']],
      { dx: ['actinic keratosis'] },
      "could not read: code of diagnosis 1 ('actinic keratosis'): expected an ICD-10 code",
    ],
    [
      'a gap in the diagnoses',
      [['17000']],
      { dx: ['L57.0', '', 'B07.8'] },
      "could not read: code of diagnosis 2 (''): a blank diagnosis between others",
    ],
    ['the ABN', [['17000']], { abn: 'pending' }, "could not read: ABN signed of the encounter ('pending')"],
  ] as const)('unreadable, naming field and row: %s', (_what, rows, opts, reason) => {
    const result = readWithFieldMap(
      otherEhr(
        rows.map((r) => [...r]),
        opts,
      ),
      OTHER_MAP,
    );
    expect(result).toMatchObject({ status: 'unreadable', reason });
    const value = result.status === 'unreadable' ? result.reason.match(/\('([^']+)'\)/)?.[1] : undefined;
    if (value) {
      expect(result.status === 'unreadable' && result.withoutValues).toContain("('…')");
      expect(result.status === 'unreadable' && result.withoutValues).not.toContain(`'${value}'`);
    }
  });
});

describe('a bad field map', () => {
  const ex = () => snapshot('ex04');
  const mis = (mutate: (m: FieldMap) => void) => {
    const map = clone(ECW_FIELD_MAP);
    mutate(map);
    return map;
  };

  it.each([
    [
      'units on the site column',
      mis((m) => {
        m.procedures.units = cptSelector('ClaimCPTSite');
      }),
      "could not read: units of row 2 ('scalp vertex'): expected a whole number above 0",
    ],
    [
      'pointers on the modifier columns',
      mis((m) => {
        m.procedures.pointers = 'input[data-fieldname^="ClaimCPTMOD"]';
      }),
      "could not read: pointers of row 1 ('25'): 25 is not a diagnosis pointer (1 to 12)",
    ],
    [
      'code on the description',
      mis((m) => {
        m.procedures.code = '[data-fieldname="claimCPTDesc"]';
      }),
      "could not read: code of row 1 ('Established patient visit, moderate complexity'): expected a CPT or HCPCS code",
    ],
    [
      'modifiers on the code',
      mis((m) => {
        m.procedures.modifiers = cptSelector('claimCPTCode');
      }),
      "could not read: modifiers of row 1 ('99214'): expected two-character modifiers",
    ],
    [
      'diagnosis code on the description',
      mis((m) => {
        m.diagnoses.code = '[data-fieldname="ClaimICDDesc"]';
      }),
      "could not read: code of diagnosis 1 ('Actinic keratosis'): expected an ICD-10 code",
    ],
    [
      'lesions on the fee',
      mis((m) => {
        m.procedures.lesions = 'td.fee';
      }),
      expect.stringMatching(/^could not read: lesions of row 1 \('\$\d+\.00'\)/),
    ],
  ])('%s: unreadable with the reason, never a wrong encounter', (_what, map, reason) => {
    expect(parseFieldMap(map).ok).toBe(true);
    const result = readWithFieldMap(ex(), map);
    expect(result).toMatchObject({ status: 'unreadable', reason });
    // A map pointed at the wrong element may quote anything the screen shows: never what leaves the page.
    expect(result.status === 'unreadable' && result.withoutValues).toMatch(
      /^could not read: \w+ of (row|diagnosis) \d+ \('…'\)/,
    );
  });

  it('names a selector the browser rejects at read time (a map that skipped validation)', () => {
    const map = mis((m) => {
      m.procedures.units = 'input[data-fieldname="ClaimCPTUnits"';
    });
    expect(readWithFieldMap(ex(), map)).toEqual({
      status: 'unreadable',
      reason: expect.stringContaining('procedures.units'),
    });
    const rows = mis((m) => {
      m.procedures.rows = ':::';
    });
    expect(readWithFieldMap(ex(), rows)).toEqual({
      status: 'unreadable',
      reason: "the field map's procedures.rows selector is not valid CSS here (':::')",
    });
  });

  it('is absent where neither its rows nor its diagnoses are', () => {
    const map = mis((m) => {
      m.procedures.rows = '#chargeGrid tr';
      m.diagnoses.rows = '#dxGrid tr';
    });
    expect(readWithFieldMap(ex(), map)).toEqual({ status: 'absent' });
    expect(
      readWithFieldMap(loadHtml('<!doctype html><html><body><p>Schedule</p></body></html>'), ECW_FIELD_MAP),
    ).toEqual({ status: 'absent' });
  });
});

describe('screens of the other EHRs', () => {
  const dir = (ehr: string) => new URL(`../${ehr}/__snapshots__/`, import.meta.url);
  const saved = (ehr: string) => (existsSync(dir(ehr)) ? readdirSync(dir(ehr)).filter((f) => f.endsWith('.html')) : []);

  it.each(['ema', 'athena'])('ECW_FIELD_MAP finds nothing on the %s screens', (ehr) => {
    const files = saved(ehr);
    if (files.length === 0) return;
    for (const f of files)
      expect(readWithFieldMap(snapshot(f.slice(0, -5), dir(ehr)), ECW_FIELD_MAP), `${ehr}/${f}`).toEqual({
        status: 'absent',
      });
  });

  // The EMA and athena adapters are built alongside this one: checked once they exist.
  it.each(['ema', 'athena'])('the %s adapter does not read the ecw screen', async (ehr) => {
    const file = fileURLToPath(new URL(`../${ehr}/index.ts`, import.meta.url));
    if (!existsSync(file)) return;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const adapters = Object.values(mod).filter(
      (v): v is Adapter => !!v && typeof v === 'object' && typeof (v as Adapter).read === 'function',
    );
    expect(adapters.length).toBeGreaterThan(0);
    for (const adapter of adapters)
      for (const c of CASES)
        expect(adapter.read(snapshot(c.encounter.id)).status, `${adapter.id} on ${c.encounter.id}`).toBe('absent');
  });
});
