/**
 * CMS's own NCCI files, in the layout CMS publishes them (written here, small):
 * the streaming parsers, the import of a folder, and `scrub --ncci DIR`.
 * A malformed or truncated file is rejected naming the file and the line, and
 * changes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createReadStream, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../../rules/index';
import { enc } from '../../rules/cases';
import type { EngineTables } from '../../rules/context';
import {
  builtinPtp,
  importNcciFiles,
  MueCsvParser,
  mueFileText,
  NcciFormatError,
  PtpImport,
  ptpFileText,
  type CmsMueRow,
  type CmsPtpRow,
  type NcciSourceFile,
} from '../../rules/ncci/index';

const PARTS: CmsPtpRow[][] = [
  [
    {
      column1: '11055',
      column2: '17110',
      effective: '20190101',
      deletion: '20260930',
      modifier: 1,
      rationale: 'Mutually exclusive procedures',
    },
    {
      column1: '11055',
      column2: '17110',
      effective: '20261001',
      modifier: 0,
      rationale: 'Mutually exclusive procedures',
    },
    {
      column1: '10060',
      column2: '11055',
      before1996: true,
      effective: '19960101',
      modifier: 9,
      rationale: 'Standards of medical / surgical practice',
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
      modifier: 1,
      rationale: 'Standards of medical / surgical practice',
    },
    {
      column1: '11056',
      column2: '11055',
      effective: '20100101',
      deletion: '20201231',
      modifier: 0,
      rationale: 'Misuse of column two code with column one code',
    },
  ],
];
const MUE: CmsMueRow[] = [
  { code: '11103', mue: 2, mai: 3, rationale: 'Clinical: Data' },
  { code: '17311', mue: 4, mai: 3, rationale: 'Clinical: Data' },
  { code: '11900', mue: 1, mai: 1, rationale: 'Anatomic Consideration' },
  { code: 'J0585', mue: 600, mai: 3, rationale: 'Nature of Service/Procedure, "quoted", with a comma' },
];
const ptpName = (part: number, version = '323', revision = 0) => `ccipra-v${version}r${revision}-f${part}.txt`;
const MUE_NAME = 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv';

/** Files held in memory, read in chunks of a given size. */
function memoryFiles(files: Record<string, string>, chunk = 64): NcciSourceFile[] {
  return Object.entries(files).map(([name, text]) => ({
    name,
    async *read() {
      for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
    },
  }));
}
const goodFiles = (): Record<string, string> => ({
  ...Object.fromEntries(PARTS.map((rows, i) => [ptpName(i + 1), ptpFileText(rows)])),
  [MUE_NAME]: mueFileText(MUE),
});

describe('the CMS layouts', () => {
  it('reads the four PTP parts and the MUE table of one release', async () => {
    const { ptp, mue, ignored } = await importNcciFiles(memoryFiles({ ...goodFiles(), 'README.txt': 'notes' }));
    expect(ignored).toEqual(['README.txt']);
    expect(ptp).toMatchObject({
      name: 'NCCI PTP 2026 Q4',
      reference: 'CMS NCCI PTP edits, practitioner, 2026 Q4 (v32.3)',
      asOf: '2026-10-01',
      dated: true,
      edits: 6,
      pairs: 5,
    });
    expect(ptp!.find('11055', '17110', '2026-09-30')).toEqual({
      column1: '11055',
      column2: '17110',
      modifier: 1,
      effective: '2019-01-01',
      deletion: '2026-09-30',
      rationale: 'Mutually exclusive procedures',
    });
    expect(ptp!.find('11055', '17110', '2026-10-01')?.modifier).toBe(0);
    expect(ptp!.find('11055', '17110')?.modifier).toBe(0); // as of 2026-10-01
    expect(ptp!.find('10060', '11055')).toBeUndefined(); // indicator 9: no edit
    expect(ptp!.find('11056', '11055', '2026-01-01')).toBeUndefined();
    expect(mue).toMatchObject({
      name: 'NCCI MUE 2026 Q4',
      reference: 'CMS MUE, practitioner services, 2026 Q4',
      size: 4,
    });
    expect(mue!.get('11900')).toEqual({ code: '11900', mue: 1, mai: 1, rationale: 'Anatomic Consideration' });
    expect(mue!.get('J0585')?.rationale).toBe('Nature of Service/Procedure, "quoted", with a comma');
  });

  it('gives the same tables whatever the chunk size', async () => {
    const reference = await importNcciFiles(memoryFiles(goodFiles(), 1 << 20));
    const sorted = (t: typeof reference) => [...t.ptp!.records()].map((r) => JSON.stringify(r)).sort();
    for (const chunk of [1, 2, 3, 7, 100]) {
      const t = await importNcciFiles(memoryFiles(goodFiles(), chunk));
      expect(sorted(t)).toEqual(sorted(reference));
      expect([...t.mue!.entries()]).toEqual([...reference.mue!.entries()]);
    }
  });

  it('reports progress, line by line', () => {
    const ptp = new PtpImport({ requireAllParts: false });
    const parser = ptp.file(ptpName(1));
    parser.push(ptpFileText(PARTS[0]!));
    expect(parser.progress).toEqual({ file: ptpName(1), lines: 9, rows: 3 });
    const mue = new MueCsvParser(MUE_NAME);
    mue.push(mueFileText(MUE));
    expect(mue.progress.rows).toBe(4);
  });

  it('drives the engine: edits by date, and the quarter in every finding', async () => {
    const { ptp, mue } = await importNcciFiles(memoryFiles(goodFiles()));
    const tables: EngineTables = { ptp, mue };
    const pair = (dateOfService: string) =>
      enc({
        dateOfService,
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', dx: [2] },
        ],
      });
    const ncci = (e: ReturnType<typeof enc>) => run(e, { tables }).filter((f) => f.rule.startsWith('ncci-'));
    expect(ncci(pair('2026-06-01'))).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'warning',
        message: expect.stringMatching(/^NCCI PTP 2026 Q4: 17110 and 11055 are mutually exclusive/),
        reference: 'CMS NCCI PTP edits, practitioner, 2026 Q4 (v32.3)',
      }),
    ]);
    expect(ncci(pair('2026-11-02'))).toEqual([expect.objectContaining({ line: 1, severity: 'error' })]);
    expect(ncci(pair('2018-06-01'))).toEqual([]);
    const mueHit = ncci(
      enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', units: 3, dx: [1] },
        ],
      }),
    );
    expect(mueHit).toEqual([
      expect.objectContaining({
        rule: 'ncci-mue',
        line: 1,
        message: 'NCCI MUE 2026 Q4: 11103 is billed ×3, above its MUE of 2 per date of service.',
        reference: 'CMS MUE, practitioner services, 2026 Q4',
      }),
    ]);
    const perLine = ncci(
      enc({
        dx: ['L91.0'],
        lines: [
          { code: '11900', dx: [1] },
          { code: '11900', units: 2, dx: [1] },
        ],
      }),
    );
    expect(perLine.map((f) => f.line)).toEqual([1]);
  });
});

describe('malformed and truncated files', () => {
  const good = goodFiles();
  const f2 = ptpName(2);
  const cut = (text: string, at: number) => text.slice(0, at);
  const lastRowCut = (text: string) => text.slice(0, text.trimEnd().lastIndexOf('\t') - 3);
  const cases: [string, Record<string, string | undefined>, RegExp][] = [
    [
      'a bad effective date',
      { [f2]: good[f2]!.replace('20190101', '2019013') },
      /^ccipra-v323r0-f2\.txt: line 7: Effective Date "2019013" is not a date YYYYMMDD$/,
    ],
    [
      'a modifier indicator that is not 0, 1 or 9',
      { [f2]: good[f2]!.replace('\t1\tCPT', '\t2\tCPT') },
      /f2\.txt: line 7: Modifier "2" is not 0, 1 or 9/,
    ],
    [
      'a code that is not a code',
      { [f2]: good[f2]!.replace('11102', '1110') },
      /f2\.txt: line 7: Column 1 "1110" is not a HCPCS\/CPT code/,
    ],
    ['a row cut short (truncated download)', { [ptpName(1)]: lastRowCut(good[ptpName(1)]!) }, /f1\.txt: line 9: /],
    [
      'a row cut inside its dates',
      { [ptpName(4)]: good[ptpName(4)]!.trimEnd().slice(0, -62) },
      /f4\.txt: line 8: (Effective|Deletion) Date|f4\.txt: line 8: expected 7/,
    ],
    [
      'a file cut inside its preamble',
      { [f2]: cut(good[f2]!, 40) },
      /f2\.txt: line 1: ends before the 'Column 1 \/ Column 2' header/,
    ],
    ['an empty part', { [f2]: '' }, /f2\.txt: ends before the 'Column 1 \/ Column 2' header/],
    ['a part with its header and no rows', { [f2]: ptpFileText([]) }, /f2\.txt: line 6: no edit rows after the header/],
    ['a part missing', { [ptpName(3)]: undefined }, /parts? f3 of this release missing/],
    [
      'parts of two releases',
      { [ptpName(3)]: undefined, [ptpName(3, '322')]: good[ptpName(3)] },
      /is version 32\.[23] revision 0, but ccipra-v32[23]r0-f\d\.txt is version 32\.[23] revision 0: give the four parts of one release/,
    ],
    [
      'not a CMS file at all',
      { [f2]: Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') },
      /f2\.txt: line 30: no 'Column 1 \/ Column 2' header/,
    ],
    [
      'an MUE table cut inside its notice',
      { [MUE_NAME]: cut(good[MUE_NAME]!, 120) },
      /MCR_MUE_PractitionerServices_Eff_10-01-2026\.csv: line 1: the file ends inside a quoted cell/,
    ],
    [
      'an MUE table cut inside a row',
      {
        [MUE_NAME]: good[MUE_NAME]!.trimEnd().replace(
          /,3 Date of Service Edit: Clinical,"Nature[^\n]*$/,
          ',3 Date of Serv',
        ),
      },
      /\.csv: line 13: expected 4 comma-separated cells/,
    ],
    [
      'an MUE indicator that is not 1, 2 or 3',
      {
        [MUE_NAME]: good[MUE_NAME]!.replace(
          '3 Date of Service Edit: Clinical,Clinical: Data',
          '4 Date of Service Edit,Clinical: Data',
        ),
      },
      /\.csv: line 10: MUE Adjudication Indicator "4 Date of Service Edit" for 11103 does not start with 1, 2 or 3/,
    ],
    [
      'an MUE value that is not a number',
      { [MUE_NAME]: good[MUE_NAME]!.replace('17311,4,', '17311,four,') },
      /\.csv: line 11: MUE value "four" for 17311 is not a whole number/,
    ],
    [
      'an MUE code listed twice',
      { [MUE_NAME]: `${good[MUE_NAME]!}11103,6,3 Date of Service Edit: Clinical,Clinical: Data\n` },
      /\.csv: line 14: 11103 is listed twice \(also on line 10\)/,
    ],
    [
      'an MUE table without its header',
      { [MUE_NAME]: '11103,2,3 Date of Service Edit: Clinical,Clinical: Data\n' },
      /\.csv: line 1: a code row before the header/,
    ],
  ];

  it.each(cases)(
    '%s: rejected naming the file and the line, the tables in use unchanged',
    async (_name, change, message) => {
      const files = { ...good, ...change };
      for (const [k, v] of Object.entries(files)) if (v === undefined) delete files[k];
      // The tables in use: the built-in ones, and what they say about an encounter.
      const inUse: EngineTables = { ptp: builtinPtp() };
      const e = enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', dx: [2] },
          { code: '11103', units: 3, dx: [1] },
        ],
      });
      const before = run(e, { tables: inUse });
      let error: unknown;
      try {
        Object.assign(inUse, await importNcciFiles(memoryFiles(files as Record<string, string>, 50)));
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(NcciFormatError);
      expect((error as Error).message).toMatch(message);
      expect(inUse).toEqual({ ptp: builtinPtp() });
      expect(run(e, { tables: inUse })).toEqual(before);
    },
  );
});

describe('scrub --ncci DIR', { timeout: 60_000 }, () => {
  const base = mkdtempSync(join(tmpdir(), 'dermlint-ncci-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const folder = (name: string, files: Record<string, string | undefined>) => {
    const dir = join(base, name);
    mkdirSync(dir);
    // Windows-1252 like CMS's files: the ® is one byte.
    for (const [file, text] of Object.entries(files))
      if (text !== undefined) writeFileSync(join(dir, file), text, 'latin1');
    return dir;
  };
  const encounters = join(base, 'encounters.json');
  writeFileSync(
    encounters,
    JSON.stringify([
      {
        id: 'pair',
        dateOfService: '2026-11-02',
        payer: { kind: 'medicare' },
        diagnoses: [{ code: 'L84' }, { code: 'B07.0' }],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', dx: [2] },
        ],
      },
      {
        id: 'units',
        dateOfService: '2026-11-02',
        payer: { kind: 'medicare' },
        diagnoses: [{ code: 'D48.5' }],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', units: 3, dx: [1] },
        ],
      },
    ]),
  );
  const scrub = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/scrub.ts', encounters, '--format', 'json', ...args],
      { encoding: 'utf8' },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const findings = (stdout: string) =>
    (
      JSON.parse(stdout) as {
        id: string;
        findings: { rule: string; line: number; severity: string; message: string }[];
      }[]
    ).map((r) => r.findings.map((f) => `${f.rule}@${f.line} ${f.severity}: ${f.message}`));

  it("judges with CMS's files instead of the built-in subset", () => {
    const r = scrub('--ncci', folder('good', goodFiles()));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(findings(r.stdout)).toEqual([
      [
        'ncci-ptp@1 error: NCCI PTP 2026 Q4: 17110 is never paid with 11055 on the same day; no modifier bypasses this edit.',
      ],
      ['ncci-mue@1 error: NCCI MUE 2026 Q4: 11103 is billed ×3, above its MUE of 2 per date of service.'],
    ]);
    const builtin = scrub();
    expect(findings(builtin.stdout)).toEqual([
      [
        'ncci-ptp@1 warning: NCCI PTP 2026 Q3: 17110 and 11055 are mutually exclusive, and 17110 is paid only with a modifier that marks a separate service.',
      ],
      [],
    ]);
  });

  it('keeps the built-in table it is not given, and says so', () => {
    const r = scrub('--ncci', folder('mue-only', { [MUE_NAME]: mueFileText(MUE) }));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no practitioner PTP files; the built-in PTP subset stays in use/);
    expect(findings(r.stdout)[0]![0]).toMatch(/NCCI PTP 2026 Q3/);
    expect(findings(r.stdout)[1]![0]).toMatch(/NCCI MUE 2026 Q4/);
  });

  it('stops on a malformed file: exit 2, the file and the line on stderr, nothing on stdout', () => {
    const dir = folder('bad', {
      ...goodFiles(),
      [ptpName(2)]: goodFiles()[ptpName(2)]!.replace('20190101', '2019013'),
    });
    const r = scrub('--ncci', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `scrub: --ncci: ${join(dir, ptpName(2))}: line 7: Effective Date "2019013" is not a date YYYYMMDD\n`,
    );
  });

  it('stops on a truncated MUE table and on a folder without CMS files', () => {
    const truncated = scrub('--ncci', folder('cut', { ...goodFiles(), [MUE_NAME]: mueFileText(MUE).slice(0, 200) }));
    expect(truncated.code).toBe(2);
    expect(truncated.stdout).toBe('');
    expect(truncated.stderr).toMatch(
      /MCR_MUE_PractitionerServices_Eff_10-01-2026\.csv: line 1: the file ends inside a quoted cell/,
    );
    const empty = scrub('--ncci', folder('zips', { 'ccipra-v323r0-f1.zip': 'PK' }));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no practitioner PTP files .* or MUE table .*; unzip CMS's downloads first/);
    const missing = scrub('--ncci', join(base, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such folder/);
  });

  it("reads CMS's files as Windows-1252 through node streams", async () => {
    const dir = folder('streams', goodFiles());
    const files = Object.keys(goodFiles()).map((name) => ({
      name,
      read: () => createReadStream(join(dir, name), { encoding: 'latin1', highWaterMark: 97 }) as AsyncIterable<string>,
    }));
    const { ptp, mue } = await importNcciFiles(files);
    expect(ptp?.edits).toBe(6);
    expect(mue?.size).toBe(4);
  });
});
