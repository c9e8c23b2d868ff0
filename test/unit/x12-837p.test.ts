/** The X12 837P reader: a realistic batch field by field, the payer kinds, delimiters, chunking, and malformed files named by claim and segment. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readX12Claims, type X12Limits } from '../../lib/claims/x12-837p';
import { InputError, type ReadEncounter } from '../../lib/claims/source';
import { SBR09_PAYER_KINDS } from '../../lib/claims/payer-kinds';

const BATCH = readFileSync(new URL('../fixtures/claims/batch-837p.txt', import.meta.url), 'utf8');

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function read(text: string, size = 1 << 16, limits: Partial<X12Limits> = {}): Promise<ReadEncounter[]> {
  const out: ReadEncounter[] = [];
  for await (const r of readX12Claims(chunked(text, size), limits)) out.push(r);
  return out;
}

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *260306*1015*^*00501*000000007*0*T*:';
/** An interchange around these transaction segments (SE counted), terminators '~\n'. */
function x12(body: string[], { version = '005010X222A1' } = {}): string {
  const st = ['ST*837*0001*' + version, ...body];
  return [ISA, `GS*HC*S*R*20260306*1015*7*X*${version}`, ...st, `SE*${st.length + 1}*0001`, 'GE*1*7', 'IEA*1*000000007']
    .map((s) => `${s}~\n`)
    .join('');
}
const PROVIDER = [
  'BHT*0019*00*1*20260306*1015*CH',
  'NM1*41*2*SUBMITTER*****46*S1',
  'NM1*40*2*RECEIVER*****46*R1',
  'HL*1**20*1',
  'NM1*85*2*PRACTICE*****XX*1234567893',
];
const subscriber = (sbr09?: string, payer = 'A PAYER') => [
  'HL*2*1*22*0',
  `SBR*P*18*******${sbr09 ?? ''}`.replace(/\*+$/, ''),
  'NM1*IL*1*TESTPATIENT*ALEX****MI*M1',
  'NM1*PR*2*' + payer + '*****PI*1',
];
const CLAIM = [
  'CLM*PCN-1*100***11:B:1*Y*A*Y*Y',
  'HI*ABK:L821*ABF:D485',
  'LX*1',
  'SV1*HC:17110*100*UN*1***1',
  'DTP*472*D8*20260302',
];
const claimFile = (claim: string[] = CLAIM, sbr09 = 'CI') => x12([...PROVIDER, ...subscriber(sbr09), ...claim]);

describe('readX12Claims: the batch fixture (test/fixtures/claims/batch-837p.txt)', () => {
  it('reads every claim: id, payer kind and name, diagnoses in order (dot put back), lines, dates, ABN from GA', async () => {
    const got = await read(BATCH);
    expect(got.map((r) => r.encounter)).toEqual([
      {
        id: 'PCN-1001',
        dateOfService: '2026-03-02',
        payer: { kind: 'medicare', name: 'NORIDIAN JE PART B' },
        diagnoses: [{ code: 'L57.0' }, { code: 'L30.9' }],
        lines: [
          { code: '99213', units: 1, dx: [1, 2] },
          { code: '17000', units: 1, dx: [1] },
          { code: '17003', units: 2, dx: [1] },
        ],
      },
      {
        id: 'PCN-1002',
        dateOfService: '2026-03-03',
        payer: { kind: 'medicare', name: 'NORIDIAN JE PART B' },
        diagnoses: [{ code: 'L82.1' }],
        lines: [{ code: '17110', units: 1, dx: [1] }],
      },
      {
        id: 'PCN-1003',
        dateOfService: '2026-03-04',
        payer: { kind: 'medicare', name: 'NORIDIAN JE PART B' },
        abn: { signed: true, lines: [0] },
        diagnoses: [{ code: 'L82.1' }, { code: 'L57' }],
        lines: [
          { code: '17110', modifiers: ['GA'], units: 1, dx: [1] },
          { code: '17000', units: 1, dx: [2] },
        ],
      },
      // A dependent's claim goes to the subscriber's payer (Aetna), not to Medicare in its 2320 loop.
      {
        id: 'PCN-2001',
        dateOfService: '2026-03-02',
        payer: { kind: 'commercial', name: 'AETNA' },
        diagnoses: [{ code: 'L82.1' }],
        lines: [{ code: '17110', units: 1, dx: [1] }],
      },
      {
        id: 'PCN-3001',
        dateOfService: '2026-03-02',
        payer: { kind: 'commercial', name: 'BLUE CROSS BLUE SHIELD OF ILLINOIS' },
        diagnoses: [{ code: 'D48.5' }, { code: 'L82.1' }],
        lines: [
          { code: '11102', units: 1, dx: [1] },
          { code: '11104', units: 1, dx: [1] },
        ],
      },
      {
        id: 'PCN-4001',
        dateOfService: '2026-03-03',
        payer: { kind: 'medicare-advantage', name: 'HUMANA MEDICARE ADVANTAGE' },
        diagnoses: [{ code: 'L82.1' }],
        lines: [{ code: '17110', units: 1, dx: [1] }],
      },
      {
        id: 'PCN-5001',
        dateOfService: '2026-03-04',
        payer: { kind: 'medicaid', name: 'ILLINOIS MEDICAID' },
        diagnoses: [{ code: 'D48.5' }],
        lines: [
          { code: '99214', modifiers: ['25'], units: 1, dx: [1] },
          { code: '11102', units: 1, dx: [1] },
        ],
      },
      // One claim over two days: judged one day at a time.
      {
        id: 'PCN-7001/2026-03-02',
        dateOfService: '2026-03-02',
        payer: { kind: 'commercial', name: 'UNITEDHEALTHCARE' },
        diagnoses: [{ code: 'D48.5' }, { code: 'L30.9' }],
        lines: [{ code: '99213', units: 1, dx: [1, 2] }],
      },
      {
        id: 'PCN-7001/2026-03-05',
        dateOfService: '2026-03-05',
        payer: { kind: 'commercial', name: 'UNITEDHEALTHCARE' },
        diagnoses: [{ code: 'D48.5' }, { code: 'L30.9' }],
        lines: [{ code: '11102', units: 1, dx: [1] }],
      },
    ]);
    expect(got.map((r) => [r.source.position, r.source.lineNumbers])).toEqual([
      [1, [1, 2, 3]],
      [2, [1]],
      [3, [1, 2]],
      [4, [1]],
      [5, [1, 2]],
      [6, [1]],
      [7, [1, 2]],
      [8, [1]],
      [8, [2]],
    ]);
  });

  it('reads the same fed one character at a time, and with the line breaks taken out or made CRLF', async () => {
    const whole = await read(BATCH);
    expect(await read(BATCH, 1)).toEqual(whole);
    expect(await read(BATCH.replace(/\n/g, ''), 3)).toEqual(whole);
    expect(await read(BATCH.replace(/\n/g, '\r\n'), 5)).toEqual(whole);
  });

  it('never keeps a name, member id, address or birth date', async () => {
    const text = JSON.stringify(await read(BATCH));
    for (const word of ['DOE', 'ROE', 'SAMANTHA', '1EG4TE5MK73', 'ELM ROAD', '19470214', 'SPRINGFIELD', 'RIVERA'])
      expect(text).not.toContain(word);
  });
});

describe('readX12Claims: payer kind from SBR09', () => {
  it.each(Object.entries(SBR09_PAYER_KINDS).map(([code, { kind }]) => [code, kind]))(
    'SBR09 %s → %s',
    async (code, kind) => {
      expect((await read(claimFile(CLAIM, code)))[0]!.encounter.payer.kind).toBe(kind);
    },
  );
  it('MA is Medicare Part A (original Medicare), not Medicare Advantage (16)', async () => {
    expect((await read(claimFile(CLAIM, 'MA')))[0]!.encounter.payer.kind).toBe('medicare');
    expect((await read(claimFile(CLAIM, '16')))[0]!.encounter.payer.kind).toBe('medicare-advantage');
  });
  it('a missing SBR09, or a code not in the list, is unknown', async () => {
    expect((await read(x12([...PROVIDER, ...subscriber(undefined), ...CLAIM])))[0]!.encounter.payer).toEqual({
      kind: 'unknown',
      name: 'A PAYER',
    });
    expect((await read(claimFile(CLAIM, 'XX')))[0]!.encounter.payer.kind).toBe('unknown');
  });
});

describe('readX12Claims: what a line carries', () => {
  it('modifiers (up to four), units, pointers; GX is an ABN on file too; a date range counts from its first day', async () => {
    const [r] = await read(
      claimFile([
        'CLM*PCN-9*100***11:B:1*Y*A*Y*Y',
        'HI*ABK:L821*ABF:D485*ABF:L570',
        'LX*1',
        'SV1*HC:17110:GX:RT:XS:59:DESCRIPTION TEXT*100*UN*3***3:1:2',
        'DTP*472*RD8*20260302-20260303',
        'LX*2',
        'SV1*HC:J0585*10*MJ*30***1',
        'DTP*472*D8*20260302',
      ]),
    );
    expect(r!.encounter).toEqual({
      id: 'PCN-9',
      dateOfService: '2026-03-02',
      payer: { kind: 'commercial', name: 'A PAYER' },
      abn: { signed: true, lines: [0] },
      diagnoses: [{ code: 'L82.1' }, { code: 'D48.5' }, { code: 'L57.0' }],
      // Minutes (MJ) are not units: the engine's default of 1 applies.
      lines: [
        { code: '17110', modifiers: ['GX', 'RT', 'XS', '59'], units: 3, dx: [3, 1, 2] },
        { code: 'J0585', dx: [1] },
      ],
    });
  });

  it('reads its delimiters from ISA: | elements, > components, line breaks as terminators', async () => {
    const text = claimFile()
      .replace(/\*/g, '|')
      .replace(/:/g, '>')
      .replace(/~\n/g, '\n')
      .replace('|^|00501', '|!|00501');
    const [r] = await read(text, 2);
    expect(r!.encounter.lines).toEqual([{ code: '17110', units: 1, dx: [1] }]);
    expect(r!.encounter.diagnoses).toEqual([{ code: 'L82.1' }, { code: 'D48.5' }]);
  });

  it('reads interchanges one after another, each with its own delimiters', async () => {
    const second = claimFile(
      ['CLM*PCN-2*100***11:B:1*Y*A*Y*Y', 'HI*ABK:L821', 'LX*1', 'SV1*HC:17110*100*UN*1***1'],
      'MB',
    )
      .replace(/\*/g, '|')
      .replace(/:/g, '>')
      .replace('|^|00501', '|!|00501');
    expect((await read(claimFile() + second)).map((r) => [r.encounter.id, r.encounter.payer.kind])).toEqual([
      ['PCN-1', 'commercial'],
      ['PCN-2', 'medicare'],
    ]);
  });
});

describe('readX12Claims: malformed files exit as bad input, naming the claim and the segment', () => {
  const SV1_AT = 15; // ISA GS ST BHT NM1 NM1 HL NM1 HL SBR NM1 NM1 CLM HI LX → SV1 is segment 16
  it.each([
    [
      'a broken segment (a lost terminator merges SV1 and DTP)',
      claimFile(CLAIM.slice(0, 3).concat('SV1*HC:17110*100*UN*1***1DTP*472*D8*20260302')),
      `claim 1 in the input ("PCN-1"), segment ${SV1_AT + 1} (SV1): SV107 diagnosis pointer "1DTP" is not a number from 1 to 12`,
    ],
    [
      'a pointer beyond HI',
      claimFile(['CLM*PCN-1*100***11:B:1*Y*A*Y*Y', 'HI*ABK:L821', 'LX*1', 'SV1*HC:17110*100*UN*1***1:2']),
      `claim 1 in the input ("PCN-1"), segment ${SV1_AT + 1} (SV1): SV107 diagnosis pointer 2 is beyond the 1 diagnosis of HI`,
    ],
    [
      'a pointer of 0',
      claimFile(['CLM*PCN-1*100***11:B:1*Y*A*Y*Y', 'HI*ABK:L821', 'LX*1', 'SV1*HC:17110*100*UN*1***0']),
      `claim 1 in the input ("PCN-1"), segment ${SV1_AT + 1} (SV1): SV107 diagnosis pointer "0" is not a number from 1 to 12`,
    ],
    [
      'a file cut inside a segment',
      claimFile().slice(0, claimFile().indexOf('SV1') + 12),
      `claim 1 in the input ("PCN-1"): the input ends inside segment ${SV1_AT + 1} (SV1), before its terminator "~": truncated?`,
    ],
    [
      'a file cut between segments',
      claimFile().slice(0, claimFile().indexOf('DTP')),
      `claim 1 in the input ("PCN-1"): the input ends after segment ${SV1_AT + 1} (SV1), inside transaction "0001" (no SE): truncated?`,
    ],
    [
      'a segment missing (SE01 disagrees)',
      claimFile().replace('LX*1~\n', ''),
      `segment 17 (SE): SE01 says "16" segments, the transaction has 15: a segment is missing or the file was cut`,
    ],
    [
      'a name that is not a segment',
      claimFile().replace('LX*1', 'L X*1'),
      `claim 1 in the input ("PCN-1"): segment ${SV1_AT}: "L X" is not a segment name (a broken segment or a stray terminator)`,
    ],
    [
      'units that are not whole',
      claimFile(CLAIM.map((s) => s.replace('*UN*1*', '*UN*1.5*'))),
      `claim 1 in the input ("PCN-1"), segment ${SV1_AT + 1} (SV1): SV104 units "1.5" are not a whole number of units of 1 or more`,
    ],
    [
      'a procedure without a code',
      claimFile(CLAIM.map((s) => s.replace('HC:17110', 'HC'))),
      `claim 1 in the input ("PCN-1"), segment ${SV1_AT + 1} (SV1): SV101 has no procedure code (it reads "HC")`,
    ],
    [
      'a date that is no date',
      claimFile(CLAIM.map((s) => s.replace('20260302', '20260231'))),
      `claim 1 in the input ("PCN-1"), segment ${SV1_AT + 2} (DTP): DTP*472 date "20260231" ("D8") is not a date CCYYMMDD (D8) or range CCYYMMDD-CCYYMMDD (RD8)`,
    ],
    [
      'ICD-9 diagnoses',
      claimFile(CLAIM.map((s) => s.replace('ABK:L821*ABF:D485', 'BK:7020'))),
      'claim 1 in the input ("PCN-1"), segment 14 (HI): HI01 is an ICD-9-CM diagnosis (BK): only ICD-10-CM (ABK, ABF) is judged',
    ],
    [
      'a claim without a line',
      claimFile(['CLM*PCN-1*100***11:B:1*Y*A*Y*Y', 'HI*ABK:L821']),
      'claim 1 in the input ("PCN-1"): the claim has no service line (no SV1 before segment 15 (SE))',
    ],
    [
      'an empty CLM01',
      claimFile(['CLM**100***11:B:1*Y*A*Y*Y', ...CLAIM.slice(1)]),
      'claim 1 in the input, segment 13 (CLM): CLM01 (the patient control number) is empty',
    ],
    [
      'an institutional claim (837I)',
      x12([...PROVIDER, ...subscriber('CI'), ...CLAIM], { version: '005010X223A2' }),
      'segment 2 (GS): GS08 is "005010X223A2": not an 837P professional claim group (005010X222A1); 837I institutional claims are not read',
    ],
    [
      'not X12 at all',
      'Dear billing office,\nplease find attached',
      'the input does not start with an ISA segment (it starts "Dear billing office,"): not an X12 file',
    ],
    [
      'an ISA that is not fixed-width',
      claimFile().replace('*ZZ*SUBMITTER01    ', '*ZZ*SUBMITTER01'),
      'segment 1 (ISA): not a fixed-width ISA segment (its 16 elements must fill 106 characters, with the separator "*" at the same places in every X12 file): not an X12 file, or a broken header',
    ],
  ])('%s', async (_name, text, message) => {
    const attempt = read(text);
    await expect(attempt).rejects.toThrow(new InputError(message));
    await expect(attempt).rejects.toBeInstanceOf(InputError);
  });

  it('refuses a claim of more service lines than the limit, and a segment with no terminator in sight', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => [`LX*${i + 1}`, 'SV1*HC:11102*100*UN*1***1']).flat();
    await expect(
      read(claimFile(['CLM*PCN-1*100***11:B:1*Y*A*Y*Y', 'HI*ABK:L821', ...lines]), 1 << 16, { lines: 5 }),
    ).rejects.toThrow(
      'claim 1 in the input ("PCN-1"), segment 26 (SV1): more than 5 service lines; an encounter may have at most 5 (as in the extension)',
    );
    await expect(read(claimFile().replace('NM1*PR*2*A PAYER', `NM1*PR*2*${'A'.repeat(20_000)}`))).rejects.toThrow(
      'segment 12: no segment terminator "~" within 10000 characters: a broken segment, or not an X12 file',
    );
  });
});
