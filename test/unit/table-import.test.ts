/**
 * lib/tables: importing CMS's own files as the options page does (File objects,
 * streamed, ZIPs opened), storing them, and the engine using them. A malformed
 * or truncated file is refused naming the file and the line, and the tables in
 * use stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { run } from '../../rules/index';
import { enc } from '../../rules/cases';
import { mueFileText, ptpFileText, PtpTable, type CmsMueRow, type CmsPtpRow } from '../../rules/ncci/index';
import { engineExtrasFrom, createTableCache } from '../../lib/tables/engine-extras';
import {
  fiscalYearOfFileName,
  importAndStore,
  importIcd,
  importMue,
  importPtp,
  TableImportError,
  type ImportProgress,
} from '../../lib/tables/import';
import type { TableInfo, TablePayload } from '../../lib/tables/types';
import { createWorker } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import { zipArchive } from './zip-writer';

const file = (name: string, data: string | Uint8Array) => new File([data as BlobPart], name);
const ptpName = (part: number, version = '323') => `ccipra-v${version}r0-f${part}.txt`;

/** One quarter in CMS's layout: a made-up 11642/12052 edit (indicator 0) that the built-in subset lacks, and filler rows. */
const PARTS: CmsPtpRow[][] = [
  [
    {
      column1: '11642',
      column2: '12052',
      effective: '20261001',
      modifier: 0,
      rationale: 'Standards of medical / surgical practice',
    },
    {
      column1: '11055',
      column2: '17110',
      effective: '20190101',
      deletion: '20260930',
      modifier: 1,
      rationale: 'Mutually exclusive procedures',
    },
  ],
  [
    {
      column1: '11102',
      column2: '17000',
      effective: '20190101',
      modifier: 1,
      rationale: 'CPT Manual or CMS manual coding instruction',
    },
  ],
  [
    {
      column1: '17110',
      column2: '11200',
      effective: '20190101',
      modifier: 1,
      rationale: 'Mutually exclusive procedures',
    },
  ],
  [
    {
      column1: '17250',
      column2: '17000',
      effective: '20200101',
      modifier: 9,
      rationale: 'Standards of medical / surgical practice',
    },
  ],
];
const ptpFiles = (parts = PARTS, version = '323') =>
  parts.map((rows, i) => file(ptpName(i + 1, version), ptpFileText(rows)));
const MUE: CmsMueRow[] = [
  { code: '11103', mue: 2, mai: 3, rationale: 'Clinical: Data' },
  { code: '17311', mue: 4, mai: 3, rationale: 'Clinical: Data' },
];
const MUE_NAME = 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv';

/** A small but complete-looking codes file: a code of every chapter letter, and the L57 category. */
const ICD_LINES = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((l) =>
  l === 'L'
    ? [
        'L570    Actinic keratosis',
        'L571    Actinic reticuloid',
        'L579    Skin changes due to chronic exposure, unspecified',
      ]
    : [`${l}000    Made-up code of chapter ${l}`],
);
const icdText = (lines = ICD_LINES) => lines.map((l) => `${l}\r\n`).join('');

/** The ex35 encounter: excision 11642 with intermediate repair 12052, no finding with the built-in tables. */
const ex35 = (dateOfService = '2026-10-15') =>
  enc({
    dateOfService,
    payer: 'medicare-advantage',
    dx: ['C44.319'],
    lines: [
      { code: '11642', dx: [1] },
      { code: '12052', dx: [1] },
    ],
  });

/** An in-memory TableStore: payloads go through structuredClone, as IndexedDB stores them. */
function memoryStore() {
  const rows = new Map<string, { info: TableInfo; payload: TablePayload }>();
  let puts = 0;
  return {
    get puts() {
      return puts;
    },
    async list() {
      return [...rows.values()].map((r) => r.info);
    },
    async all() {
      return [...rows.values()].map((r) => structuredClone(r));
    },
    async put(info: TableInfo, payload: TablePayload) {
      puts++;
      rows.set(info.id, structuredClone({ info, payload }));
    },
    async remove(id: string) {
      rows.delete(id);
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<TableImportError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TableImportError);
  return e as TableImportError;
}

describe('PTP', () => {
  it('reads the four parts into a table the engine uses, labelled with its quarter', async () => {
    const { info, payload, ignored } = await importPtp(ptpFiles(), { now: () => new Date('2026-10-02T09:00:00Z') });
    expect(info).toEqual({
      id: 'ptp',
      kind: 'ptp',
      label: 'NCCI PTP 2026 Q4',
      period: '2026 Q4',
      reference: 'CMS NCCI PTP edits, practitioner, 2026 Q4 (v32.3)',
      from: '2026-10-01',
      rows: 4,
      unit: 'pairs',
      files: [1, 2, 3, 4].map((p) => ptpName(p)),
      importedAt: '2026-10-02T09:00:00.000Z',
    });
    expect(ignored).toEqual([]);
    expect(run(ex35()).filter((f) => f.rule === 'ncci-ptp')).toEqual([]);
    const { tables } = engineExtrasFrom([{ info, payload: structuredClone(payload) }]);
    expect(run(ex35(), { tables }).filter((f) => f.rule === 'ncci-ptp')).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'error',
        message: 'NCCI PTP 2026 Q4: 12052 is never paid with 11642 on the same day; no modifier bypasses this edit.',
        reference: 'CMS NCCI PTP edits, practitioner, 2026 Q4 (v32.3)',
      }),
    ]);
    // Dated: the edit starts 2026-10-01.
    expect(run(ex35('2026-09-30'), { tables }).filter((f) => f.rule === 'ncci-ptp')).toEqual([]);
  });

  it('reads them from one ZIP, or from a ZIP of the four ZIPs CMS ships (other files are not read)', async () => {
    const texts = PARTS.map((rows, i) => ({ name: ptpName(i + 1), data: ptpFileText(rows) }));
    const flat = file(
      'medicare-ncci-2026q4-practitioner-ptp-edits.zip',
      zipArchive([...texts, { name: 'ReadMe.txt', data: 'notes' }]),
    );
    const nested = file(
      'ptp.zip',
      zipArchive(
        texts.map((t, i) => ({
          name: `ccipra-v323r0-f${i + 1}.zip`,
          data: zipArchive([t, { name: `ccipra-v323r0-f${i + 1}.xlsx`, data: 'xlsx' }]),
          method: 0 as const,
        })),
      ),
    );
    for (const files of [[flat], [nested]]) {
      const { info, payload, ignored } = await importPtp(files);
      expect(info).toMatchObject({ label: 'NCCI PTP 2026 Q4', rows: 4, files: [1, 2, 3, 4].map((p) => ptpName(p)) });
      expect(ignored.length).toBe(files[0] === flat ? 1 : 4);
      expect(PtpTable.fromStored(payload.ptp!).find('11642', '12052', '2026-10-15')?.modifier).toBe(0);
    }
  });

  it('reports progress up to every byte', async () => {
    const seen: ImportProgress[] = [];
    await importPtp(ptpFiles(), { onProgress: (p) => seen.push(p) });
    const total = ptpFiles().reduce((n, f) => n + f.size, 0);
    expect(seen.at(-1)).toMatchObject({ done: total, total, file: ptpName(4) });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1]!.done)).toBe(true);
  });

  it('a stored table reads back the same (structured clone, as IndexedDB), and garbage does not', async () => {
    const { payload } = await importPtp(ptpFiles());
    const original = PtpTable.fromStored(payload.ptp!);
    const back = PtpTable.fromStored(structuredClone(payload.ptp!));
    const sorted = (t: PtpTable) => [...t.records()].map((r) => JSON.stringify(r)).sort();
    expect(sorted(back)).toEqual(sorted(original));
    expect(back).toMatchObject({ name: 'NCCI PTP 2026 Q4', pairs: 4, dated: true, asOf: '2026-10-01' });
    expect(() => PtpTable.fromStored({ ...payload.ptp!, format: 'x' } as never)).toThrow(/not a stored PTP table/);
    expect(() => PtpTable.fromStored({ ...payload.ptp!, next: new Int32Array(payload.ptp!.records).fill(7) })).toThrow(
      /not a stored PTP table: record/,
    );
    expect(() => PtpTable.fromStored({ ...payload.ptp!, hi: new Uint32Array(3) })).toThrow(/not a stored PTP table/);
    expect(() => PtpTable.fromStored(null as never)).toThrow(/not a stored PTP table/);
  });
});

describe('MUE and ICD-10-CM', () => {
  it('reads the practitioner MUE CSV', async () => {
    const { info, payload } = await importMue([file(MUE_NAME, mueFileText(MUE))]);
    expect(info).toMatchObject({
      id: 'mue',
      label: 'NCCI MUE 2026 Q4',
      period: '2026 Q4',
      rows: 2,
      unit: 'codes',
      files: [MUE_NAME],
    });
    const { tables } = engineExtrasFrom([{ info, payload: structuredClone(payload) }]);
    const units = enc({
      payer: 'medicare',
      dx: ['D48.5'],
      lines: [
        { code: '11102', dx: [1] },
        { code: '11103', units: 3, dx: [1] },
      ],
    });
    expect(run(units, { tables }).filter((f) => f.rule === 'ncci-mue')).toEqual([
      expect.objectContaining({
        line: 1,
        message: 'NCCI MUE 2026 Q4: 11103 is billed ×3, above its MUE of 2 per date of service.',
      }),
    ]);
  });

  it('reads a year’s codes file, in force from 1 October; the fiscal year comes from the file name', async () => {
    const { info, payload } = await importIcd([file('icd10cm-codes-2027.txt', icdText())]);
    expect(info).toMatchObject({
      id: 'icd10cm-2027',
      label: 'ICD-10-CM FY2027',
      period: 'FY2027',
      from: '2026-10-01',
      to: '2027-09-30',
      rows: ICD_LINES.length,
      unit: 'codes',
    });
    const { icdSets } = engineExtrasFrom([{ info, payload }]);
    expect(icdSets.map((s) => [s.set.name, s.from])).toEqual([
      ['ICD-10-CM FY2026', '2025-10-01'],
      ['ICD-10-CM FY2027', '2026-10-01'],
    ]);
    expect(icdSets[1]!.set.status('L572')).toBe('invalid');
    expect(icdSets[1]!.set.status('L571')).toBe('valid');
    expect([
      fiscalYearOfFileName('icd10cm_codes_2027.txt'),
      fiscalYearOfFileName('2027-code-descriptions/icd10cm-codes-2027.txt'),
      fiscalYearOfFileName('codes.txt'),
    ]).toEqual([2027, 2027, undefined]);
  });

  it('the real FY2026 file takes the shipped set’s place (and judges external causes too)', async () => {
    const text = readFileSync(new URL('../../data/cms/icd10cm-codes.txt', import.meta.url));
    const { info, payload } = await importIcd([file('icd10cm-codes-2026.txt', text)]);
    expect(info).toMatchObject({ label: 'ICD-10-CM FY2026', rows: 74719, from: '2025-10-01' });
    const { icdSets } = engineExtrasFrom([{ info, payload }]);
    expect(icdSets).toHaveLength(1);
    expect(icdSets[0]!.set.status('W57XXXA')).toBe('valid');
    expect(icdSets[0]!.set.status('W57')).toBe('invalid');
  });

  it('an April update is in force from 1 April, over its year’s October set', async () => {
    const october = await importIcd([file('icd10cm-codes-2027.txt', icdText())]);
    const april = await importIcd([
      file('icd10cm-codes-April-2027.txt', icdText(ICD_LINES.toSpliced(11, 1, 'L5720   Made up in April'))),
    ]);
    expect(april.info).toMatchObject({
      id: 'icd10cm-2027-april',
      label: 'ICD-10-CM FY2027 (April update)',
      from: '2027-04-01',
      to: '2027-09-30',
    });
    const { icdSets } = engineExtrasFrom([october, april]);
    const judge = (dateOfService: string) =>
      run(enc({ dateOfService, dx: ['L57.20'], lines: [{ code: '17000', dx: [1] }] }), { icdSets })
        .filter((f) => f.rule === 'dx-invalid')
        .map((f) => f.reference);
    expect(judge('2027-03-31')).toEqual([expect.stringMatching(/ICD-10-CM FY2027 code set/)]);
    expect(judge('2027-04-01')).toEqual([]);
  });

  it('picks the codes file out of CMS’s ZIP', async () => {
    const zip = zipArchive([
      { name: 'icd10cm-order-2027.txt', data: '00001 A00     0 Cholera\r\n' },
      { name: 'icd10cm-codes-2027.txt', data: icdText() },
      { name: 'icd10cm-codes-addenda-2027.txt', data: 'Add: L57.01' },
    ]);
    const { info, ignored } = await importIcd([file('2027-code-descriptions-tabular-order.zip', zip)]);
    expect(info.files).toEqual(['icd10cm-codes-2027.txt']);
    expect(ignored).toEqual(['icd10cm-order-2027.txt', 'icd10cm-codes-addenda-2027.txt']);
  });
});

describe('a malformed or truncated file is refused, naming the line', () => {
  const good = ptpFiles();
  const swap = (i: number, text: string) => good.map((f, j) => (j === i ? file(f.name, text) : f));
  const f3 = ptpFileText(PARTS[2]!);
  const f4 = ptpFileText(PARTS[3]!);

  it.each<[string, () => Promise<unknown>, RegExp]>([
    [
      'PTP: a modifier indicator that is not 0, 1 or 9',
      () => importPtp(swap(2, f3.replace('\t1\tMutually', '\t2\tMutually'))),
      /^ccipra-v323r0-f3\.txt: line 7: Modifier "2" is not 0, 1 or 9$/,
    ],
    [
      'PTP: a part cut inside a row',
      () => importPtp(swap(3, f4.slice(0, f4.indexOf('20200101') + 4))),
      /^ccipra-v323r0-f4\.txt: line 7: (Effective Date "2020" is not a date YYYYMMDD|expected 7 tab-separated columns)/,
    ],
    [
      'PTP: a part cut before its first row',
      () => importPtp(swap(1, ptpFileText([]).slice(0, 120))),
      /^ccipra-v323r0-f2\.txt: line 3: ends before the 'Column 1 \/ Column 2' header/,
    ],
    ['PTP: a part missing', () => importPtp(good.slice(0, 3)), /part f4 of this release missing/],
    [
      'PTP: parts of two releases',
      () => importPtp([...good.slice(0, 3), ptpFiles(PARTS, '322')[3]!]),
      /^ccipra-v323r0-f1\.txt: is version 32\.3 revision 0, but ccipra-v322r0-f4\.txt is version 32\.2 revision 0: give the four parts of one release$/,
    ],
    [
      'PTP: no CMS file at all',
      () => importPtp([file('readme.txt', 'x')]),
      /^No practitioner PTP file among readme\.txt/,
    ],
    [
      'PTP: a ZIP cut short',
      () =>
        importPtp([
          file(
            'ptp.zip',
            zipArchive(PARTS.map((rows, i) => ({ name: ptpName(i + 1), data: ptpFileText(rows) }))).subarray(0, 300),
          ),
        ]),
      /^ptp\.zip is not a ZIP archive, or it is truncated/,
    ],
    [
      'MUE: cut inside a quoted cell',
      () => importMue([file(MUE_NAME, `${mueFileText(MUE)}11900,1,1 Line Edit,"Anatomic`)]),
      /^MCR_MUE_PractitionerServices_Eff_10-01-2026\.csv: line 12: the file ends inside a quoted cell that starts on this line \(truncated file\?\)$/,
    ],
    [
      'MUE: the hospital table',
      () => importMue([file('MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026.csv', mueFileText(MUE))]),
      /is not the practitioner services MUE table/,
    ],
    [
      'ICD: a line that is not a code',
      () => importIcd([file('icd10cm-codes-2027.txt', icdText(ICD_LINES.toSpliced(2, 0, '12345   Not a code')))]),
      /^icd10cm-codes-2027\.txt: line 3: "12345" is not an ICD-10-CM code/,
    ],
    [
      'ICD: NCHS’s order file instead of the codes file',
      () => importIcd([file('icd10cm-order-2027.txt', '00001 A00     0 Cholera\r\n')]),
      /^icd10cm-order-2027\.txt: line 1: "00001" is not an ICD-10-CM code/,
    ],
    [
      'ICD: a code without its description',
      () => importIcd([file('icd10cm-codes-2027.txt', icdText(ICD_LINES.toSpliced(4, 0, 'L572')))]),
      /^icd10cm-codes-2027\.txt: line 5: L572 has no description after it/,
    ],
    [
      'ICD: cut inside the last line',
      () => importIcd([file('icd10cm-codes-2027.txt', `${icdText(ICD_LINES.slice(0, -1))}Z00`)]),
      /^icd10cm-codes-2027\.txt: line 28: Z00 has no description after it \(the file ends inside this line: truncated\?\)$/,
    ],
    [
      'ICD: cut at a line end, before the last chapters',
      () => importIcd([file('icd10cm-codes-2027.txt', icdText(ICD_LINES.slice(0, 20)))]),
      /^icd10cm-codes-2027\.txt: line 20: the file ends here with no codes starting S, T, U, V, W, X, Y, Z: truncated, or not the complete codes file$/,
    ],
    [
      'ICD: a code twice',
      () => importIcd([file('icd10cm-codes-2027.txt', icdText([...ICD_LINES, 'A000 Again']))]),
      /^icd10cm-codes-2027\.txt: line 29: A000 is listed twice \(also on line 1\)$/,
    ],
    [
      'ICD: a header beside its codes',
      () =>
        importIcd([
          file('icd10cm-codes-2027.txt', icdText([...ICD_LINES, 'L57 Actinic keratosis and other skin changes'])),
        ]),
      /^icd10cm-codes-2027\.txt: line 29: L57 is listed as a code, and so is L570 below it \(line 12\): not a list of billable codes$/,
    ],
    [
      'ICD: no fiscal year in the name',
      () => importIcd([file('codes.txt', icdText())]),
      /^codes\.txt: the file name does not say its fiscal year/,
    ],
  ])('%s', async (_name, attempt, message) => {
    const e = await failure(attempt());
    expect(e.message).toMatch(message);
  });

  it('changes nothing: the store keeps the tables in use, and the engine keeps using them', async () => {
    const store = memoryStore();
    await importAndStore('ptp', ptpFiles(), store);
    await importAndStore('icd10cm', [file('icd10cm-codes-2027.txt', icdText())], store);
    const before = JSON.stringify(await store.all(), (_k, v) =>
      ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v,
    );
    const puts = store.puts;
    const cache = createTableCache(() => store.all());
    const findings = async () => run(ex35(), await cache.get()).map((f) => `${f.rule}@${f.line}: ${f.reference}`);
    const used = await findings();
    expect(used).toContain('ncci-ptp@1: CMS NCCI PTP edits, practitioner, 2026 Q4 (v32.3)');

    const badPtp = ptpFiles(PARTS, '324').map((f, i) =>
      i === 2 ? file(f.name, f3.replace('20190101', '2019011')) : f,
    );
    expect((await failure(importAndStore('ptp', badPtp, store))).message).toMatch(
      /^ccipra-v324r0-f3\.txt: line 7: Effective Date "2019011"/,
    );
    await failure(importAndStore('icd10cm', [file('icd10cm-codes-2027.txt', icdText(ICD_LINES.slice(0, 10)))], store));
    await failure(importAndStore('mue', [file(MUE_NAME, 'not,a,table\n')], store));

    expect(store.puts).toBe(puts);
    expect(
      JSON.stringify(await store.all(), (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)),
    ).toBe(before);
    cache.invalidate();
    expect(await findings()).toEqual(used);
  });

  it('a stored table that no longer loads is left out: the built-in one stays in use', async () => {
    const { info, payload } = await importPtp(ptpFiles());
    const warnings: string[] = [];
    const extras = engineExtrasFrom(
      [{ info, payload: { ...payload, ptp: { ...payload.ptp!, hi: new Uint32Array(1) } } }],
      (m) => warnings.push(m),
    );
    expect(extras.tables).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/^NCCI PTP 2026 Q4: could not be loaded .*the built-in one stays in use$/),
    ]);
  });
});

describe('the background worker', () => {
  const EXT = 'abcdefghijklmnopabcdefghijklmnop';
  const sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };

  async function setup(today: string) {
    const store = memoryStore();
    await importAndStore('ptp', ptpFiles(), store);
    await importAndStore('icd10cm', [file('icd10cm-codes-2027.txt', icdText())], store);
    const cache = createTableCache(() => store.all());
    return createWorker({
      extensionId: EXT,
      allowedPatterns: () => ['https://*.ema.md/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      engineTables: () => cache.get(),
      now: () => new Date(`${today}T12:00:00`),
    });
  }
  const rules = (reply: unknown) =>
    ((reply as { findings: { rule: string; line: number | null }[] }).findings ?? []).map((f) => `${f.rule}@${f.line}`);

  it('runs the engine with the imported tables', async () => {
    const worker = await setup('2026-10-20');
    expect(rules(await worker.handle({ type: 'evaluate', adapter: 'ema', encounter: ex35() }, sender))).toEqual([
      'ncci-ptp@1',
    ]);
  });

  it('judges an encounter without a date of service with the ICD-10-CM set in force today', async () => {
    // L57.2 is not in the imported FY2027 file above.
    const encounter = { ...enc({ dx: ['L57.2'], lines: [{ code: '17000', dx: [1] }] }), id: 'no-date' };
    expect(
      rules(await (await setup('2026-09-20')).handle({ type: 'evaluate', adapter: 'ema', encounter }, sender)),
    ).toEqual([]);
    expect(
      rules(await (await setup('2026-10-20')).handle({ type: 'evaluate', adapter: 'ema', encounter }, sender)),
    ).toEqual(['dx-invalid@null']);
  });
});
