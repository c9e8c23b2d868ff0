/**
 * The athenaNet adapter against saved snapshots of the demo screen's frMain
 * (scripts/save-snapshots.ts) and against the live demo script run in happy-dom.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { athenaAdapter } from './index';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { encounterIdentity } from '../shared/text';
import { findings, readWorkedExamples, snapshotLoader } from '../../test/support/snapshot-testing';
import { matchesAny } from '../../lib/match-patterns';
import { expectRead, liveScreen, screenMeaning, settle } from '../../test/support/adapter-kit';
import { DEMO_PATHS, demoScreenUrl } from '../demo-screens';

interface Case {
  encounter: Encounter;
}
const CASES = readWorkedExamples<Case>();
const SNAPSHOTS = new URL('./__snapshots__/', import.meta.url);
const DEMO_SERVER = 'http://localhost';

const { loadHtml, snapshot, savedIds } = snapshotLoader(
  SNAPSHOTS,
  demoScreenUrl.athenaEncounter(DEMO_SERVER, { case: 'ex01' }).replace(/\?.*/, ''),
);

/** The live demo page (its own encounter.js run in happy-dom), showing `encounter` as ?encounter= does; it looks descriptions up in /examples.json. */
const liveAthena = (encounter: unknown) =>
  liveScreen('athena', demoScreenUrl.athenaEncounter(DEMO_SERVER, { encounter }), { examples: CASES });
const readOk = (doc: Document) => expectRead(athenaAdapter.read(doc));
/** What an encounter means on athenaNet's Billing tab (its ABN lists the lines it covers). */
const shown = (e: Encounter) => screenMeaning(e, 'line list');

function set(doc: Document, name: string, value: string | boolean) {
  const el = doc.getElementsByName(name)[0] as HTMLInputElement | HTMLSelectElement | undefined;
  if (!el) throw new Error(`no control ${name}`);
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else if (el.tagName === 'SELECT') {
    for (const o of (el as HTMLSelectElement).options) o.selected = o.value === value;
  } else el.value = value;
  el.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('change', { bubbles: true }));
}
function press(doc: Document, name: string) {
  const el = doc.getElementsByName(name)[0];
  if (!el) throw new Error(`no control ${name}`);
  el.click();
}

/** An encounter that uses every field the Encounter shape has. */
const FULL: Encounter = {
  id: 'custom-full',
  dateOfService: '2026-02-14',
  payer: { kind: 'medicare', name: 'Medicare Part B' },
  abn: { signed: true, lines: [1, 3] },
  diagnoses: [
    { code: 'L82.1', description: 'Other seborrheic keratosis' },
    { code: 'L57.0' },
    { code: 'Z41.1', description: 'Encounter for cosmetic surgery' },
  ],
  lines: [
    { code: '99213', modifiers: ['25'], units: 1, dx: [2], description: 'Established patient visit' },
    { code: '17110', modifiers: ['GA'], dx: [1], site: 'left temple', lesions: 4 },
    { code: '17000', dx: [2, 5], site: 'R nasal ala', lesions: 1 },
    { code: '11300', modifiers: ['59', 'RT'], dx: [1], site: 'mid back', sizeCm: 0.4, units: 1 },
    { code: '', category: 'retail', billTo: 'patient', units: 2, description: 'Sunscreen SPF 50, 3 oz' },
    { code: '15788', category: 'cosmetic', billTo: 'patient', dx: [3] },
    { code: '88305', dx: [0, -1], billTo: 'insurance', category: 'service' },
    { code: '1234F' },
    { code: 'J0585', units: 100, dx: [3], modifiers: ['JZ', 'GY', 'XS', 'KX', 'Q6'] },
  ],
  note: 'Procedure 1: Cryotherapy\nLocation: left temple\n\nFour seborrheic keratoses were treated with liquid nitrogen.\nProcedure 2: Shave removal\nTechnique: removed flush with the skin; 0.4 cm.',
  history: [
    { dateOfService: '2026-02-03', code: '11602', modifiers: ['XS'], dx: ['C44.519', 'L57.0'] },
    { dateOfService: '2025-12-30', code: '88305' },
  ],
};

describe('round trip of every worked example through its snapshot', () => {
  it('has a snapshot for every example', () => {
    expect(savedIds()).toEqual(CASES.map((c) => c.encounter.id).sort());
  });

  it.each(CASES.map((c) => [c.encounter.id, c.encounter] as const))(
    '%s: same findings, lines, diagnoses and payer',
    (id, original) => {
      const { encounter, anchors } = readOk(snapshot(id));
      expect(encounter.note).toBe(original.note);
      expect(encounter.history).toEqual(original.history);
      expect(findings(encounter)).toEqual(findings(original));
      const got = shown(encounter);
      const want = shown(original);
      expect(got.lines).toEqual(want.lines);
      expect(got.diagnoses).toEqual(want.diagnoses);
      expect(encounter.payer.kind).toBe(original.payer.kind);
      expect(got.payer).toEqual(want.payer);
      expect(got.abn).toEqual(want.abn);
      expect(encounter.dateOfService).toBe(original.dateOfService);
      // anchors: lines[i] is the row showing line i + 1
      expect(anchors.lines).toHaveLength(original.lines.length);
      anchors.lines.forEach((row, i) => {
        expect(row.tagName).toBe('TR');
        expect(row.querySelector('td')?.textContent?.trim()).toBe(String(i + 1));
      });
      expect(anchors.diagnoses?.querySelector('h3')?.textContent).toMatch(/^Diagnoses/);
      expect(anchors.header?.textContent).toContain('Appointment Summary');
    },
  );
});

describe('anchors: the element of each field of each line, where warnings are painted', () => {
  const INPUTS = { code: 'Procedure code', units: 'Units', site: 'Site', size: 'Size in cm' } as const;
  it.each(CASES.map((c) => [c.encounter.id] as const))(
    '%s: code, modifiers, units, site, size, ICD-10 pointers, diagnoses and payer',
    (id) => {
      const { encounter, anchors } = readOk(snapshot(id));
      encounter.lines.forEach((_, i) => {
        const row = anchors.lines[i]!;
        for (const [field, label] of Object.entries(INPUTS) as [keyof typeof INPUTS, string][]) {
          const el = anchors.field!(i, field);
          expect(el?.getAttribute('aria-label'), `${id} line ${i} ${field}`).toBe(`${label}, line ${i + 1}`);
          expect(row.contains(el!)).toBe(true);
        }
        // The modifier boxes and the ICD-10 cell (chips and pointer field): their cells.
        const mods = anchors.field!(i, 'modifiers')!;
        expect(mods.tagName).toBe('TD');
        expect([...mods.querySelectorAll('input')].map((m) => m.getAttribute('aria-label'))).toEqual(
          [1, 2, 3, 4].map((n) => `Modifier ${n}, line ${i + 1}`),
        );
        const dx = anchors.field!(i, 'dx')!;
        expect(dx.tagName).toBe('TD');
        expect(dx.querySelector('input')?.getAttribute('aria-label')).toBe(`Diagnosis pointers, line ${i + 1}`);
        expect(row.contains(dx)).toBe(true);
      });
      expect(anchors.field!(encounter.lines.length, 'code')).toBeUndefined();
      expect(anchors.payer?.tagName).toBe('DD');
      expect(anchors.payer?.textContent).toContain(encounter.payer.name ?? '');
    },
  );
});

describe('the live demo screen', () => {
  it('renders every field of the Encounter shape and reads it back', async () => {
    const { doc } = await liveAthena(FULL);
    expect(doc.documentElement.dataset.demoReady).toBe('custom');
    const { encounter } = readOk(doc);
    expect(shown(encounter)).toEqual(shown(FULL));
    expect(findings(encounter)).toEqual(findings(FULL));
    // grouped on screen, yet in claim order for the adapter
    const groups = [...doc.querySelectorAll('[data-group]')].map((g) => [
      g.getAttribute('data-group'),
      [...g.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent),
    ]);
    expect(groups).toEqual([
      ['EM', ['1']],
      ['ORDERS', ['7', '9']],
      ['PROCEDURES', ['2', '3', '4', '6']],
      ['CPTII', ['8']],
      ['MISC', ['5']],
    ]);
  });

  it.each([
    ['medicare', 'Medicare Part B'],
    ['medicare-advantage', 'Humana Gold Plus HMO'],
    ['medicaid', 'State Medicaid'],
    ['commercial', 'Aetna'],
    ['commercial', undefined],
    ['self-pay', undefined],
    ['unknown', undefined],
  ] as const)('payer %s %s reads back', async (kind, name) => {
    const e: Encounter = { ...FULL, payer: name ? { kind, name } : { kind } };
    const { encounter } = readOk((await liveAthena(e)).doc);
    expect(encounter.payer).toEqual(e.payer);
    expect(shown(encounter).lines.map((l) => l.billTo)).toEqual(shown(e).lines.map((l) => l.billTo));
  });

  it.each([
    ['absent', undefined],
    ['unsigned', { signed: false }],
    ['signed, every line', { signed: true }],
    ['signed, no line', { signed: true, lines: [] }],
    ['signed, some lines', { signed: true, lines: [0, 2, 12] }],
    ['unsigned, some lines', { signed: false, lines: [1] }],
  ] as const)('ABN %s reads back', async (_what, abn) => {
    const e: Encounter = { ...FULL, abn: abn as Encounter['abn'] };
    if (!abn) delete e.abn;
    const { encounter } = readOk((await liveAthena(e)).doc);
    expect(shown(encounter).abn).toEqual(shown(e).abn);
  });

  it('an encounter with no diagnoses and no lines reads as such', async () => {
    const e: Encounter = { id: 'empty', payer: { kind: 'commercial' }, diagnoses: [], lines: [] };
    const { encounter, anchors } = readOk((await liveAthena(e)).doc);
    expect(encounter.lines).toEqual([]);
    expect(encounter.diagnoses).toEqual([]);
    expect(encounter.dateOfService).toBeUndefined();
    expect(anchors.lines).toEqual([]);
  });

  it('every edit a person makes shows up in the next read', async () => {
    const ex01 = CASES.find((c) => c.encounter.id === 'ex01')!.encounter;
    const { doc, window } = await liveAthena(ex01);
    await settle(window);
    expect(findings(readOk(doc).encounter).map((f) => f.rule)).toEqual(['mod25-missing']);

    set(doc, 'MOD1_1', '25');
    await settle(window);
    let e = readOk(doc).encounter;
    expect(e.lines[0]!.modifiers).toEqual(['25']);
    expect(run(e)).toEqual([]);

    set(doc, 'UNITS_2', '2');
    await settle(window);
    expect(readOk(doc).encounter.lines[1]!.units).toBe(2);
    expect(run(readOk(doc).encounter).map((f) => f.rule)).toContain('destruction-series');
    set(doc, 'UNITS_2', '1');
    set(doc, 'SITE_2', 'left index finger');
    set(doc, 'LESIONS_2', '15');
    set(doc, 'SIZE_2', '0.6');
    set(doc, 'DXPTR_2', '1, 4');
    set(doc, 'CATEGORY_2', 'cosmetic');
    set(doc, 'BILL_2', false);
    await settle(window);
    e = readOk(doc).encounter;
    expect(e.lines[1]).toEqual({
      ...ex01.lines[1],
      units: 1,
      site: 'left index finger',
      lesions: 15,
      sizeCm: 0.6,
      dx: [1, 4],
      category: 'cosmetic',
      billTo: 'patient',
    });
    expect(doc.querySelector('.fe_c_pill--error')?.textContent).toContain('4');

    // add a service by code: it lands in its group with the next line number
    set(doc, 'NEWPROCCODE', '11102');
    press(doc, 'ADDSERVICE');
    await settle(window);
    e = readOk(doc).encounter;
    expect(e.lines).toHaveLength(3);
    expect(e.lines[2]).toMatchObject({ code: '11102', units: 1, billTo: 'insurance' });
    expect(readOk(doc).anchors.lines[2]!.closest('[data-group]')?.getAttribute('data-group')).toBe('PROCEDURES');

    // the ABN, and which lines it covers
    set(doc, 'ABNSIGNED', true);
    await settle(window);
    expect(readOk(doc).encounter.abn).toEqual({ signed: true });
    set(doc, 'ABNSCOPE', 'LINES');
    await settle(window);
    set(doc, 'ABNLINES', '2, 3');
    await settle(window);
    expect(readOk(doc).encounter.abn).toEqual({ signed: true, lines: [1, 2] });

    // remove line 1: later lines renumber, the ABN follows them
    press(doc, 'REMOVE_1');
    await settle(window);
    e = readOk(doc).encounter;
    expect(e.lines.map((l) => l.code)).toEqual(['17110', '11102']);
    expect(e.abn).toEqual({ signed: true, lines: [0, 1] });

    // diagnoses: change one, add one, remove one (pointers follow)
    set(doc, 'DXCODE_2', 'L57.0');
    await settle(window);
    expect(readOk(doc).encounter.diagnoses[1]).toEqual({ code: 'L57.0', description: 'Actinic keratosis' });
    set(doc, 'NEWDXCODE', 'D48.5');
    press(doc, 'ADDDX');
    await settle(window);
    expect(readOk(doc).encounter.diagnoses.map((d) => d.code)).toEqual(['B07.8', 'L57.0', 'D48.5']);
    press(doc, 'DXREMOVE_1');
    await settle(window);
    e = readOk(doc).encounter;
    expect(e.diagnoses.map((d) => d.code)).toEqual(['L57.0', 'D48.5']);
    expect(e.lines[0]!.dx).toEqual([3]);
  });

  it('Enter commits a field like a change does', async () => {
    const { doc, window } = await liveAthena(FULL);
    const units = doc.getElementsByName('UNITS_1')[0] as HTMLInputElement;
    units.value = '3';
    units.dispatchEvent(
      new (window as unknown as typeof globalThis).KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    await settle(window);
    expect(readOk(doc).encounter.lines[0]!.units).toBe(3);
  });

  it('reads what is typed before it is committed (no re-render needed)', async () => {
    const { doc } = await liveAthena(FULL);
    (doc.getElementsByName('UNITS_4')[0] as HTMLInputElement).value = '2';
    expect(readOk(doc).encounter.lines[3]!.units).toBe(2);
  });

  it('still reads the Billing tab while the Sign-off tab is shown', async () => {
    const { doc, window } = await liveAthena(FULL);
    press(doc, 'TAB_SIGNOFF');
    await settle(window);
    expect(
      doc
        .querySelector('[role="tabpanel"][aria-labelledby] section')
        ?.closest('[role="tabpanel"]')
        ?.hasAttribute('hidden'),
    ).toBe(true);
    expect(shown(readOk(doc).encounter)).toEqual(shown(FULL));
  });

  it('HTML and script text in any field is shown and read as plain text', async () => {
    const hostile: Encounter = {
      id: '<img src=x onerror="window.__pwned=1">',
      dateOfService: '2026-01-02',
      payer: { kind: 'commercial', name: '<b>Acme</b> & "Co" <script>window.__pwned=1</script>' },
      diagnoses: [{ code: 'L57.0', description: '</td><td><img src=x onerror="window.__pwned=2">' }],
      lines: [
        {
          code: '17000',
          dx: [1],
          site: '<script>window.__pwned=3</script>',
          lesions: 1,
          description: '<img src=x onerror="window.__pwned=4"> & <i>more</i>',
        },
      ],
    };
    const { doc, window } = await liveAthena(hostile);
    const { encounter } = readOk(doc);
    expect(shown(encounter)).toEqual(shown(hostile));
    expect(
      doc.querySelector('#encounter-root img, #encounter-root script, #encounter-root b, #encounter-root i'),
    ).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // and the same from the saved markup (text escaped in the HTML)
    const again = loadHtml('<!doctype html>\n' + doc.documentElement.outerHTML, doc.URL);
    expect(shown(readOk(again).encounter)).toEqual(shown(hostile));
  });

  it('shows an error and no Billing tab for JSON that is not an encounter', async () => {
    const { doc } = await liveAthena({ id: 'x', payer: { kind: 'commercial' }, diagnoses: 'none', lines: [] });
    expect(doc.querySelector('[role="alert"]')?.textContent).toContain('diagnoses');
    expect(athenaAdapter.read(doc)).toEqual({ status: 'absent' });
  });
});

describe('the procedure documentation (its own frame) and the visit history', () => {
  const frameOf = (doc: Document) => doc.querySelector('iframe[name="frProcNote"]') as HTMLIFrameElement;
  const noteBox = (doc: Document) =>
    frameOf(doc).contentDocument!.getElementsByName('PROCNOTE')[0] as HTMLTextAreaElement;

  it('the note is read from the frame, whose document the result names so that its edits are followed', () => {
    const result = readOk(snapshot('ex53'));
    expect(result.encounter.note).toBe(CASES.find((c) => c.encounter.id === 'ex53')!.encounter.note);
    expect(result.documents).toHaveLength(1);
    expect(result.documents![0]!.getElementsByName('PROCNOTE')[0]).toBeDefined();
    // No note: nothing read, but the frame is still followed (a note may be typed into it).
    const empty = readOk(snapshot('ex85'));
    expect(empty.encounter).not.toHaveProperty('note');
    expect(empty.documents).toHaveLength(1);
    expect(empty.encounter.history).toEqual(CASES.find((c) => c.encounter.id === 'ex85')!.encounter.history);
  });

  it('the frame itself (the content script runs there too) is absent', () => {
    const frameDoc = readOk(snapshot('ex51')).documents![0]!;
    expect(athenaAdapter.read(frameDoc)).toEqual({ status: 'absent' });
  });

  it('a frame not loaded yet or of another origin shows no note: the rest reads, the note is absent', () => {
    const doc = snapshot('ex51');
    const frame = frameOf(doc);
    frame.removeAttribute('srcdoc');
    frame.replaceWith(frame.cloneNode(false));
    const result = readOk(doc);
    expect(result.encounter).not.toHaveProperty('note');
    expect(result.encounter.lines).toHaveLength(3);
  });

  it('the note can also be a textarea or rich text right under the heading, without a frame', () => {
    const doc = snapshot('ex51');
    const area = doc.createElement('textarea');
    area.value = 'Procedure: Punch biopsy\nLocation: left upper back';
    frameOf(doc).replaceWith(area);
    expect(readOk(doc)).toMatchObject({ encounter: { note: 'Procedure: Punch biopsy\nLocation: left upper back' } });
    expect(readOk(doc).documents).toBeUndefined();
    const rich = doc.createElement('div');
    rich.setAttribute('contenteditable', 'true');
    rich.innerHTML = '<p><b>Procedure:</b> Shave removal</p><p>Location: chest</p>';
    area.replaceWith(rich);
    expect(readOk(doc).encounter.note).toBe('Procedure: Shave removal\nLocation: chest');
  });

  it('a person edits the note in its frame: what is typed counts at once; leaving the box saves it', async () => {
    const ex51 = CASES.find((c) => c.encounter.id === 'ex51')!.encounter;
    const { doc, window } = await liveAthena(ex51);
    await settle(window);
    expect(doc.documentElement.dataset.demoReady).toBe('custom');
    expect(readOk(doc).encounter.note).toBe(ex51.note);
    const box = noteBox(doc);
    box.value = ex51.note!.replace('Punch biopsy', 'Shave biopsy');
    expect(readOk(doc).encounter.note!.split('\n')[0]).toBe('Procedure: Shave biopsy');
    box.dispatchEvent(
      new (frameOf(doc).contentWindow as unknown as typeof globalThis).Event('change', { bubbles: true }),
    );
    await settle(window);
    expect(doc.querySelector('.fe_c_section--procnote [role="status"]')?.textContent).toBe('Draft saved');
    expect(noteBox(doc)).toBe(box); // the frame is not rebuilt by the page's re-render
    expect(readOk(doc).encounter.note!.split('\n')[0]).toBe('Procedure: Shave biopsy');
    // A billing edit re-renders the tab; the note stays.
    set(doc, 'UNITS_2', '2');
    await settle(window);
    expect(readOk(doc).encounter.note!.split('\n')[0]).toBe('Procedure: Shave biopsy');
  });

  it('markup in the note and the history is text, in the frame as on the page', async () => {
    const hostile: Encounter = {
      ...FULL,
      note: 'Procedure: <img src=x onerror="window.__pwned=1"></textarea><script>window.__pwned=2</script>',
      history: [{ dateOfService: '2026-01-02', code: '<b>x</b>', modifiers: ['<i>'], dx: ['<script>'] }],
    };
    const { doc, window } = await liveAthena(hostile);
    expect(shown(readOk(doc).encounter)).toEqual(shown(hostile));
    expect(frameOf(doc).contentDocument!.querySelector('img, script')).toBeNull();
    expect(doc.querySelector('.fe_c_section--history b, .fe_c_section--history script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it.each<[string, (doc: Document) => void, string]>([
    [
      'a history date that is not a date',
      (d) => {
        historyCells(d)[1]![0]!.textContent = '2026/06/03';
      },
      "could not read: visit history row 2: date ('2026/06/03')",
    ],
    [
      'a history code with a space',
      (d) => {
        historyCells(d)[0]![1]!.textContent = '116 02';
      },
      "could not read: visit history row 1: code ('116 02')",
    ],
    [
      'a history table without its date column',
      (d) => {
        historySection(d).querySelector('th')!.textContent = 'When';
      },
      'could not read: the Visit History section has no table with Date of Service and Procedure Code columns',
    ],
  ])('%s', (_what, edit, reason) => {
    const doc = snapshot('ex85');
    edit(doc);
    expect(athenaAdapter.read(doc)).toEqual({ status: 'unreadable', reason });
  });
});
const historySection = (doc: Document) => doc.querySelector('.fe_c_section--history')!;
const historyCells = (doc: Document) =>
  [...historySection(doc).querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')]);

describe('other frames and pages are absent', () => {
  it.each([
    'globalframeset',
    'globalnav',
    'globaliframe',
    'framecontent',
    'schedulenav',
    'status',
    'shim',
    'blank',
    'encounter',
  ])('%s.esp (as served, scripts not run)', (page) => {
    const doc = loadHtml(
      readFileSync(new URL(`../../test/fixtures/ehr/athena/${page}.html`, import.meta.url), 'utf8'),
      `${DEMO_SERVER}${DEMO_PATHS.athena}${page}.esp`,
    );
    expect(athenaAdapter.read(doc)).toEqual({ status: 'absent' });
    expect(athenaAdapter.signControls!(doc)).toEqual([]);
  });

  it.each([
    ['a non-.esp page of the demo server', 'http://localhost/ema/web/practice/staff'],
    ['another site', 'https://example.com/195900/1/encounter.esp'],
    ['an athena look-alike host', 'https://athenanet.athenahealth.com.evil.test/195900/1/encounter.esp'],
  ])('the Billing tab on %s', (_what, url) => {
    expect(athenaAdapter.read(snapshot('ex01', url))).toEqual({ status: 'absent' });
  });

  it.each([
    'https://athenanet.athenahealth.com/195900/1/encounter.esp?ENCOUNTERID=98765',
    'https://preview.athenahealth.com/1959/2/ax/encounter/4321/summary',
    'http://127.0.0.1:5178/195900/1/encounter.esp?case=ex01',
    'about:srcdoc',
  ])('reads the Billing tab at %s', (url) => {
    expect(athenaAdapter.read(snapshot('ex01', url)).status).toBe('ok');
  });

  it("the other EHRs' saved screens are absent", () => {
    for (const ehr of ['ema', 'generic']) {
      const dir = new URL(`../${ehr}/__snapshots__/`, import.meta.url);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
        expect(athenaAdapter.read(loadHtml(readFileSync(new URL(f, dir), 'utf8'))), `${ehr}/${f}`).toEqual({
          status: 'absent',
        });
      }
    }
  }, 60_000);

  it('matches the real hosts and the demo server', () => {
    for (const url of [
      'https://athenanet.athenahealth.com/195900/1/globalframeset.esp',
      'https://preview.athenahealth.com/1/2/x.esp',
      'http://localhost:5178/195900/1/encounter.esp',
      'http://127.0.0.1:5178/195900/1/encounter.esp',
    ]) {
      expect(matchesAny(athenaAdapter.matches, url), url).toBe(true);
    }
    expect(matchesAny(athenaAdapter.matches, 'https://www.athenahealth.com/')).toBe(false);
  });
});

describe('a Billing tab that cannot be read says why', () => {
  const variant = (edit: (doc: Document) => void, id = 'ex01') => {
    const doc = snapshot(id);
    edit(doc);
    return athenaAdapter.read(doc);
  };
  const section = (doc: Document, title: string) =>
    [...doc.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent?.startsWith(title))!;
  const byName = (doc: Document, name: string) => doc.getElementsByName(name)[0] as HTMLInputElement;

  it.each<[string, (doc: Document) => void, RegExp]>([
    ['half-rendered: no Services section yet', (d) => section(d, 'Services').remove(), /no Services section/],
    ['half-rendered: no Diagnoses section yet', (d) => section(d, 'Diagnoses').remove(), /no Diagnoses section/],
    [
      'half-rendered: Services heading without its tables',
      (d) =>
        section(d, 'Services')
          .querySelectorAll('table')
          .forEach((t) => t.remove()),
      /no table with a Procedure Code column/,
    ],
    [
      'half-rendered: a row still missing its cells',
      (d) => {
        const row = byName(d, 'UNITS_2').closest('tr')!;
        while (row.children.length > 3) row.lastElementChild!.remove();
      },
      /service line 2: the row has no Modifier cell/,
    ],
    [
      'a Services table without a Units column',
      (d) => {
        for (const th of d.querySelectorAll('th')) if (th.textContent === 'Units') th.textContent = 'Qty';
      },
      /no Units column/,
    ],
    [
      'units that are not a number',
      (d) => {
        byName(d, 'UNITS_2').value = 'abc';
      },
      /service line 2: units 'abc' is not a positive whole number/,
    ],
    [
      'zero units',
      (d) => {
        byName(d, 'UNITS_1').value = '0';
      },
      /units '0'/,
    ],
    [
      'a lesion count that is not a number',
      (d) => {
        byName(d, 'LESIONS_2').value = 'many';
      },
      /lesion count 'many'/,
    ],
    [
      'a size that is not in cm',
      (d) => {
        byName(d, 'SIZE_2').value = '3 inches';
      },
      /size '3 inches'/,
    ],
    [
      'pointers that are not numbers',
      (d) => {
        byName(d, 'DXPTR_2').value = 'B07.8';
      },
      /diagnosis pointers 'B07.8'/,
    ],
    [
      'two rows with the same line number',
      (d) => {
        byName(d, 'UNITS_2').closest('tr')!.querySelector('td')!.textContent = '1';
      },
      /line numbers are not 1 to/,
    ],
    [
      'a Bill? cell without its checkbox',
      (d) => byName(d, 'BILL_1').remove(),
      /service line 1: the Bill\? cell has no checkbox/,
    ],
    [
      'an unknown category',
      (d) => {
        const s = d.getElementsByName('CATEGORY_1')[0] as HTMLSelectElement;
        s.appendChild(Object.assign(d.createElement('option'), { value: 'gift' }));
        s.value = 'gift';
      },
      /category 'gift'/,
    ],
    [
      'a date of service that is not a date',
      (d) => {
        [...d.querySelectorAll('dt')].find(
          (t) => t.textContent === 'Date of Service',
        )!.nextElementSibling!.textContent = '13/45';
      },
      /date of service '13\/45'/,
    ],
    [
      'no encounter ID',
      (d) => {
        [...d.querySelectorAll('dt')].find((t) => t.textContent === 'Encounter ID')!.parentElement!.remove();
      },
      /no encounter ID/,
    ],
    [
      'diagnosis rows out of order',
      (d) => {
        const body = section(d, 'Diagnoses').querySelector('tbody')!;
        body.appendChild(body.firstElementChild!);
      },
      /diagnosis 1: its row is numbered '2'/,
    ],
    [
      'ABN lines that are not line numbers',
      (d) => {
        (d.getElementsByName('ABNSCOPE')[0] as HTMLSelectElement).value = 'LINES';
        byName(d, 'ABNLINES').value = 'first';
      },
      /ABN: line numbers 'first'/,
    ],
  ])('%s', (_what, edit, reason) => {
    const result = variant(edit);
    expect(result.status).toBe('unreadable');
    expect(result.status === 'unreadable' && result.reason).toMatch(/^could not read: /);
    expect(result.status === 'unreadable' && result.reason).toMatch(reason);
  });

  it('an empty Billing panel (still loading) is absent, not an alarm', () => {
    const doc = snapshot('ex01');
    const panel = doc.getElementById(
      doc.querySelector('[role="tab"][name="TAB_BILLING"]')!.getAttribute('aria-controls')!,
    )!;
    panel.textContent = 'Loading…';
    expect(athenaAdapter.read(doc)).toEqual({ status: 'absent' });
  });

  it('quotes at most 60 characters of a bad value', () => {
    const result = variant((d) => {
      byName(d, 'UNITS_1').value = 'x'.repeat(500);
    });
    expect(result.status === 'unreadable' && result.reason.length).toBeLessThan(160);
  });
});

describe("dermlint's own painted elements are not part of the screen", () => {
  it('reads the same with warnings painted into every row and section', () => {
    const doc = snapshot('ex13');
    const before = readOk(doc);
    const paint = (into: Element) => {
      const line = doc.createElement('dermlint-line');
      const w = doc.createElement('dermlint-warning');
      w.textContent = '99 <b>not</b> 25';
      const box = doc.createElement('input');
      box.value = '42';
      line.append(w, box);
      into.appendChild(line);
    };
    before.anchors.lines.forEach((row) => {
      paint(row.querySelector('td')!);
      row.querySelectorAll('td').forEach(paint);
    });
    paint(before.anchors.diagnoses!);
    paint(before.anchors.header!);
    doc.querySelectorAll('dd, th, h3').forEach(paint);
    const after = readOk(doc);
    expect(after.encounter).toEqual(before.encounter);
    expect(after.anchors.lines).toEqual(before.anchors.lines);
  });
});

describe('the encounter id', () => {
  /** What the banner shows about the (fake) patient. */
  function banner(doc: Document) {
    const name = doc.querySelector('.fe_c_patient-banner__name')!.textContent;
    const term = (t: string) =>
      [...doc.querySelectorAll('dt')].find((dt) => dt.textContent === t)!.nextElementSibling!.textContent;
    return {
      name,
      last: name.split(',')[0]!.trim(),
      dob: term('DOB').split(' ')[0]!,
      mrn: term('MRN').replace('#', ''),
    };
  }

  it.each(CASES.map((c) => c.encounter.id))(
    '%s: practice and encounter id (the worker keeps a keyed pseudonym of them), nothing of name, DOB or MRN',
    (id) => {
      const doc = snapshot(id);
      const { encounter } = readOk(doc);
      expect(encounter.id).toBe(encounterIdentity('athena', '195900', id));
      const p = banner(doc);
      const json = JSON.stringify(encounter);
      for (const secret of [p.name, p.last, p.dob, p.mrn]) expect(json).not.toContain(secret);
    },
  );

  it("does not change when the banner's name, DOB or MRN change (they are never read)", () => {
    const doc = snapshot('ex07');
    const before = readOk(doc).encounter;
    doc.querySelector('.fe_c_patient-banner__name')!.textContent = 'SOMEONE, ELSE';
    for (const dt of doc.querySelectorAll('dt'))
      if (dt.textContent === 'DOB' || dt.textContent === 'MRN')
        dt.nextElementSibling!.textContent = '#000000 01/01/1900';
    expect(readOk(doc).encounter).toEqual(before);
  });

  it('comes from the URL when athena puts the encounter there', () => {
    expect(
      readOk(snapshot('ex01', 'https://preview.athenahealth.com/1959/2/ax/encounter/4321/summary')).encounter.id,
    ).toBe(encounterIdentity('athena', '1959', '4321'));
    expect(
      readOk(snapshot('ex01', 'https://athenanet.athenahealth.com/195900/1/encounter.esp?ENCOUNTERID=98765')).encounter
        .id,
    ).toBe(encounterIdentity('athena', '195900', '98765'));
    expect(readOk(snapshot('ex02')).encounter.id).not.toBe(readOk(snapshot('ex01')).encounter.id);
  });
});

describe('sign-off controls', () => {
  it('are Sign Off and Save & Go To Charge Entry, not Save', () => {
    const controls = athenaAdapter.signControls!(snapshot('ex01'));
    expect(controls.map((c) => c.textContent)).toEqual(['Sign Off', 'Save & Go To Charge Entry']);
  });
});
