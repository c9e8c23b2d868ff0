/** The command line as a coder and a script meet it: contract, errors, config, report, claim files, filters, CSV and HTML, yearly ICD-10-CM files, streaming. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';

const dir = mkdtempSync(join(tmpdir(), 'dermlint-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function scrub(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

const separateProblem = {
  id: 'enc-1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1], site: 'right index finger', lesions: 3 },
  ],
};

describe('scrub', () => {
  it('prints the JSON contract for one encounter and for an array', () => {
    const one = scrub([file('one.json', separateProblem), '--format', 'json']);
    expect(one.code).toBe(0);
    const parsed = JSON.parse(one.stdout);
    expect(parsed).toEqual([
      { id: 'enc-1', findings: [expect.objectContaining({ rule: 'mod25-missing', line: 0, severity: 'error' })] },
    ]);
    const many = scrub(
      ['-', '--format', 'json'],
      JSON.stringify([separateProblem, { ...separateProblem, id: 'enc-2', lines: [] }]),
    );
    expect(JSON.parse(many.stdout).map((r: { id: string }) => r.id)).toEqual(['enc-1', 'enc-2']);
  });

  it('prints an empty array for an empty array', () => {
    const r = scrub(['-', '--format', 'json'], '[]');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it.each([
    ['not JSON', 'hello', /^scrub: encounter 1 in the input: not valid JSON: Unexpected token 'h'.*\n$/],
    [
      'truncated array',
      JSON.stringify([separateProblem]).slice(0, -5),
      'scrub: not valid JSON: the input ends inside element 1: truncated?',
    ],
    [
      'a trailing comma',
      `[${JSON.stringify(separateProblem)},]`,
      'scrub: not valid JSON: a comma before ] (after element 1)',
    ],
    [
      'wrong type',
      JSON.stringify([separateProblem, { ...separateProblem, lines: [{ code: '11102', units: 'two' }] }]),
      'scrub: encounter 2 in the input ("enc-1"): lines[0].units: expected a positive integer',
    ],
    [
      'bad payer',
      JSON.stringify({ ...separateProblem, payer: { kind: 'aetna' } }),
      'scrub: encounter 1 in the input ("enc-1"): payer.kind: expected one of medicare, medicare-advantage, medicaid, commercial, self-pay, unknown',
    ],
    [
      'missing lines',
      JSON.stringify({ id: 'x', payer: { kind: 'medicare' }, diagnoses: [] }),
      'scrub: encounter 1 in the input ("x"): lines: expected an array of lines',
    ],
    [
      'an id with terminal escapes',
      JSON.stringify({ id: 'x\u001b[2J\u202e', payer: { kind: 'medicare' }, diagnoses: [] }),
      'scrub: encounter 1 in the input ("x\\u001b[2J\\u202e"): lines: expected an array of lines',
    ],
  ])(
    'rejects %s: exit 2, the message naming the encounter by position and id on stderr, nothing on stdout',
    (_name, input, message: string | RegExp) => {
      const r = scrub(['-', '--format', 'json'], input);
      if (typeof message === 'string') expect(r.stderr).toBe(`${message}\n`);
      else expect(r.stderr).toMatch(message);
      expect([r.code, r.stdout]).toEqual([2, '']);
    },
  );

  describe('a bad encounter after good ones (issue 10)', () => {
    const valid = { id: 'ok', payer: { kind: 'commercial' }, diagnoses: [], lines: [] };
    const input = (position: number) =>
      JSON.stringify([...Array.from({ length: position }, (_, i) => ({ ...valid, id: `ok-${i}` })), { units: '12' }]);
    it.each([1, 2, 1000])(
      'at position %i: exit 2, the message, nothing on stdout, no stack trace (file and stdin)',
      (position) => {
        for (const r of [
          scrub([file(`bad-${position}.json`, input(position)), '--format', 'json']),
          scrub(['-', '--format', 'json'], input(position)),
        ]) {
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(
            new RegExp(
              `^scrub: encounter ${position + 1} in the input \\(no id\\): id: expected an opaque id string\\n$`,
            ),
          );
          expect(r.code).toBe(2);
        }
      },
    );
  });

  it('leaves nothing behind in the temporary folder, after a good run and after a bad one', () => {
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    expect(scrub([file('a.json', separateProblem), '--format', 'json'], undefined, { TMPDIR: tmp }).code).toBe(0);
    expect(scrub(['-', '--format', 'json'], JSON.stringify([separateProblem, {}]), { TMPDIR: tmp }).code).toBe(2);
    expect(readdirSync(tmp).filter((name) => !name.startsWith('tsx-'))).toEqual([]); // tsx keeps its compile cache there
  });

  it('refuses an encounter of more than 5,000 lines: exit 2 naming it', () => {
    const big = {
      ...separateProblem,
      id: 'long',
      lines: Array.from({ length: 5001 }, () => ({ code: '11102', dx: [1] })),
    };
    const r = scrub(['-', '--format', 'json'], JSON.stringify([separateProblem, big]));
    expect([r.code, r.stdout.slice(0, 100)]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'scrub: encounter 2 in the input ("long"): 5001 lines; an encounter may have at most 5000 (as in the extension)\n',
    );
    const ok = scrub(['-', '--format', 'json'], JSON.stringify({ ...big, lines: big.lines.slice(1) }));
    expect(ok.code).toBe(0);
  });

  it('stops reading an encounter larger than 4 MB as soon as it passes the cap: exit 2, no out-of-memory abort', async () => {
    // An endless note, written until scrub exits: it must stop on its own, a few MB in, in a 64 MB heap.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', '-', '--format', 'json'], {
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {}); // EPIPE once scrub has stopped reading
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let open = true;
    void exited.then(() => (open = false));
    let written = 0;
    const block = 'a'.repeat(1 << 16);
    child.stdin.write(`[${JSON.stringify(separateProblem)}, {"id": "endless", "note": "`);
    while (open && written < 64 << 20) {
      if (!child.stdin.write(block)) await Promise.race([once(child.stdin, 'drain').catch(() => {}), exited]);
      written += block.length;
    }
    const code = await exited;
    expect(stderr).toBe(
      'scrub: encounter 2 in the input: more than 4000000 bytes of JSON; an encounter may have at most that (as in the extension)\n',
    );
    expect([code, stdout.slice(0, 100)]).toEqual([2, '']);
    expect(written).toBeLessThan(32 << 20);
  }, 60_000);

  it('ignores unknown extra fields', () => {
    const r = scrub(
      ['-', '--format', 'json'],
      JSON.stringify({
        ...separateProblem,
        patientName: 'x',
        lines: separateProblem.lines.map((l) => ({ ...l, color: 'red' })),
      }),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].findings).toHaveLength(1);
  });

  it('applies --config: a rule off, another raised', () => {
    const off = scrub([
      file('a.json', separateProblem),
      '--format',
      'json',
      '--config',
      file('off.json', { rules: { 'mod25-missing': 'off' } }),
    ]);
    expect(JSON.parse(off.stdout)[0].findings).toEqual([]);
    const info = scrub([
      file('a.json', separateProblem),
      '--format',
      'json',
      '--config',
      file('info.json', { rules: { 'mod25-missing': 'info' } }),
    ]);
    expect(JSON.parse(info.stdout)[0].findings[0].severity).toBe('info');
    const bad = scrub([
      file('a.json', separateProblem),
      '--config',
      file('bad.json', { rules: { 'no-such-rule': 'off' } }),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no such rule/);
  });

  it('prints a readable report with encounter, line, code, severity, message, fix and a summary', () => {
    const r = scrub([file('b.json', [separateProblem, { ...separateProblem, id: 'clean', lines: [] }])]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'encounter enc-1 (commercial)',
        '  line 1 99213 dx 2            ✖ error    mod25-missing',
        '      99213 is billed with a minor procedure but lacks modifier 25, and it addresses a problem no procedure covers.',
        '      fix: Add modifier 25 to 99213.',
        '      ref: NCCI Policy Manual, ch. I, E/M services; CPT modifier 25',
        '',
        '2 encounters checked, 1 with findings (1 with errors, 50%): 1 error, 0 warnings, 0 to review',
        'by rule:',
        '  mod25-missing  1 error                   in 1 encounter',
        '',
      ].join('\n'),
    );
  });

  describe('--icd FILE', { timeout: 60_000 }, () => {
    /**
     * A small FY2027 codes file in CMS/NCHS's layout (code, spaces, description, CRLF):
     * a code of every chapter letter, and L57.0 split into L57.00 and L57.01 (made up).
     */
    const FY2027 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((l) =>
      l === 'L'
        ? [
            'L5700   Actinic keratosis of face',
            'L5701   Actinic keratosis of other site',
            'L571    Actinic reticuloid',
            'L579    Skin changes due to chronic exposure, unspecified',
          ]
        : [`${l}000    Made-up code of chapter ${l}`],
    );
    const icdFile = (name: string, lines: string[], tail = '') => {
      const sub = mkdtempSync(join(dir, 'icd-'));
      return file(join(sub.slice(dir.length + 1), name), lines.map((l) => `${l}\r\n`).join('') + tail);
    };
    const ak = (id: string, dateOfService: string, code: string) => ({
      id,
      dateOfService,
      payer: { kind: 'commercial' },
      diagnoses: [{ code }],
      lines: [{ code: '17000', dx: [1] }],
    });
    const encounters = [
      ak('old-fy26', '2026-09-30', 'L57.0'),
      ak('old-fy27', '2026-10-01', 'L57.0'),
      ak('new-fy26', '2026-09-30', 'L57.00'),
      ak('new-fy27', '2026-10-01', 'L57.00'),
    ];
    const dxInvalid = (stdout: string) =>
      Object.fromEntries(
        (JSON.parse(stdout) as { id: string; findings: { rule: string; reference: string }[] }[]).map((r) => [
          r.id,
          r.findings.filter((f) => f.rule === 'dx-invalid').map((f) => f.reference.replace(/.*; /, '')),
        ]),
      );

    it('judges each encounter with the code set in force on its date of service', () => {
      const r = scrub([
        file('ak.json', encounters),
        '--format',
        'json',
        '--icd',
        icdFile('icd10cm-codes-2027.txt', FY2027),
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // L57.0 is billable in FY2026 and a header in this FY2027; L57.00 the other way round. 2026-10-01 is FY2027's first day.
      expect(dxInvalid(r.stdout)).toEqual({
        'old-fy26': [],
        'old-fy27': ['ICD-10-CM FY2027 code set (CMS/NCHS)'],
        'new-fy26': ['ICD-10-CM FY2026 code set (CMS/NCHS)'],
        'new-fy27': [],
      });
      // Without --icd, the shipped FY2026 set judges every date.
      const builtin = scrub([file('ak.json', encounters), '--format', 'json']);
      expect(dxInvalid(builtin.stdout)).toEqual({
        'old-fy26': [],
        'old-fy27': [],
        'new-fy26': ['ICD-10-CM FY2026 code set (CMS/NCHS)'],
        'new-fy27': ['ICD-10-CM FY2026 code set (CMS/NCHS)'],
      });
    });

    it.each([
      [
        'a line that is not a code',
        () => icdFile('icd10cm-codes-2027.txt', FY2027.toSpliced(2, 0, '12345   Not a code')),
        /line 3: "12345" is not an ICD-10-CM code/,
      ],
      [
        'a file cut inside its last line',
        () => icdFile('icd10cm-codes-2027.txt', FY2027.slice(0, -1), 'Z00'),
        /line 29: Z00 has no description after it \(the file ends inside this line: truncated\?\)/,
      ],
      [
        'a file cut before the last chapters',
        () => icdFile('icd10cm-codes-2027.txt', FY2027.slice(0, 20)),
        /line 20: the file ends here with no codes starting R, S, T, U, V, W, X, Y, Z: truncated/,
      ],
    ])('rejects %s: exit 2, the file and the line on stderr, nothing on stdout', (_name, make, message) => {
      const bad = make();
      const r = scrub([file('ak.json', encounters), '--format', 'json', '--icd', bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${bad}: line `);
      expect(r.stderr).toMatch(message);
    });

    it('reports a missing file, a missing argument and the same year twice as usage errors', () => {
      const good = icdFile('icd10cm-codes-2027.txt', FY2027);
      const missing = scrub([file('ak.json', encounters), '--icd', join(dir, 'no-such-icd10cm-codes-2027.txt')]);
      expect([missing.code, missing.stdout]).toEqual([1, '']);
      expect(missing.stderr).toMatch(/no-such-icd10cm-codes-2027\.txt: no such file/);
      const none = scrub([file('ak.json', encounters), '--icd']);
      expect([none.code, none.stdout]).toEqual([1, '']);
      expect(none.stderr).toMatch(/--icd takes/);
      const twice = scrub([
        file('ak.json', encounters),
        '--icd',
        good,
        '--icd',
        icdFile('icd10cm_codes_2027.txt', FY2027),
      ]);
      expect([twice.code, twice.stdout]).toEqual([1, '']);
      expect(twice.stderr).toMatch(/are both ICD-10-CM FY2027: give one file per year/);
    });
  });

  it('streams 100,000 encounters in a small heap', async () => {
    const big = join(dir, 'big.json');
    const out = createWriteStream(big);
    out.write('[');
    for (let i = 0; i < 100_000; i++) {
      const chunk = (i ? ',' : '') + JSON.stringify({ ...separateProblem, id: `e${i}` });
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end(']');
    await once(out, 'finish');
    // The whole input is ~30 MB and its parsed form far more; a 64 MB heap only holds if it streams.
    const r = scrub([big, '--format', 'json'], undefined, { NODE_OPTIONS: '--max-old-space-size=64' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(100_002);
    expect(JSON.parse(lines[100_000]!.replace(/,$/, '')).id).toBe('e99999');
  }, 180_000);

  describe('claim files', { timeout: 60_000 }, () => {
    const BATCH = 'test/fixtures/claims/batch-837p.txt';
    const BUNDLE = 'test/fixtures/claims/bundle-fhir.json';
    const NDJSON = 'test/fixtures/claims/claims.ndjson';
    const findings = (stdout: string) =>
      Object.fromEntries(
        (JSON.parse(stdout) as { id: string; findings: { rule: string; line: number | null }[] }[]).map((r) => [
          r.id,
          r.findings.map((f) => `${f.rule}@${f.line}`),
        ]),
      );

    it('checks the realistic 837P batch end to end: every claim by its CLM01, the findings the payer would deny on', () => {
      const r = scrub([BATCH, '--format', 'json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(findings(r.stdout)).toEqual({
        'PCN-1001': ['mod25-missing@0'], // Medicare: the E/M addresses L30.9, which no procedure treats
        'PCN-1002': ['abn-missing@0'], // Medicare: SK destroyed with no ABN, no GA/GZ
        'PCN-1003': ['dx-invalid@null', 'ncci-ptp@1'], // GA on file: no ABN finding; L57 is a category; 17000 beside 17110 needs XS (different diagnoses never bypass a PTP edit)
        'PCN-2001': ['benign-removal-necessity@0'], // Aetna (Medicare only as secondary, in 2320): review, not an ABN error
        'PCN-3001': ['biopsy-primary@0'],
        'PCN-4001': ['benign-removal-necessity@0'], // Medicare Advantage (16) uses no ABN
        'PCN-5001': ['mod25-unsupported@0'],
        'PCN-7001/2026-03-02': [], // the visit and the biopsy three days later: no modifier 25 needed
        'PCN-7001/2026-03-05': [],
      });
    });

    it('reads a FHIR Bundle and a bulk-export NDJSON, detected without --from', () => {
      const bundle = scrub([BUNDLE, '--format', 'json']);
      expect([bundle.code, bundle.stderr]).toEqual([0, '']);
      const want = {
        'PCN-1001': ['mod25-missing@0'],
        'PCN-1003': [],
        'PCN-2001': ['site-code-mismatch@0'],
        'PCN-4001': ['benign-removal-necessity@0'],
        'PCN-5001': [],
      };
      expect(findings(bundle.stdout)).toEqual(want);
      expect(findings(scrub([NDJSON, '--format', 'json']).stdout)).toEqual(want);
      expect(findings(scrub(['-', '--format', 'json', '--from', 'fhir'], readFileSync(NDJSON, 'utf8')).stdout)).toEqual(
        want,
      );
    });

    it('--from overrides the detection: a claim file read as another format is bad input', () => {
      const asJson = scrub([BATCH, '--from', 'json']);
      expect([asJson.code, asJson.stdout]).toEqual([2, '']);
      expect(asJson.stderr).toMatch(/^scrub: encounter 1 in the input: not valid JSON: /);
      const as837 = scrub([BUNDLE, '--from', '837']);
      expect([as837.code, as837.stdout, as837.stderr]).toEqual([
        2,
        '',
        'scrub: the input does not start with an ISA segment (it starts "{U+000A  "resourceType": "): not an X12 file\n',
      ]);
    });

    it('a malformed claim file exits 2 naming the claim and the segment, with nothing on stdout and no HTML written', () => {
      const html = join(dir, 'never.html');
      const broken = readFileSync(BATCH, 'utf8').replace('SV1*HC:17003*75*UN*2***1', 'SV1*HC:17003*75*UN*2***3');
      const r = scrub(['-', '--html', html], broken);
      expect(r.stderr).toBe(
        'scrub: claim 1 in the input ("PCN-1001"), segment 39 (SV1): SV107 diagnosis pointer 3 is beyond the 2 diagnoses of HI\n',
      );
      expect([r.code, r.stdout, existsSync(html), readdirSync(dir).filter((n) => n.includes('never'))]).toEqual([
        2,
        '',
        false,
        [],
      ]);
      const cut = scrub(['-'], readFileSync(BATCH, 'utf8').slice(0, 3000));
      expect([cut.code, cut.stdout]).toEqual([2, '']);
      expect(cut.stderr).toMatch(
        /^scrub: claim \d+ in the input \("PCN-[\d/-]+"\): the input ends inside segment \d+ \([A-Z0-9]+\), before its terminator "~": truncated\?\n$/,
      );
    });

    it('streams a 100,000-claim 837P batch through standard input in a small heap', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', '-', '--format', 'json'], {
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' },
      });
      const out: string[] = [];
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => out.push(d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const closed = new Promise<number | null>((done) => child.on('close', done));
      const write = async (text: string) => {
        if (!child.stdin.write(text)) await once(child.stdin, 'drain');
      };
      await write(
        'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *260306*1015*^*00501*000000001*0*P*:~\nGS*HC*S*R*20260306*1015*1*X*005010X222A1~\n',
      );
      // 20 transactions of 5,000 claims, as clearinghouses ask; every 1,000th claim with a visit that lacks 25.
      for (let t = 0; t < 20; t++) {
        const segments = [
          `ST*837*${t}*005010X222A1`,
          'BHT*0019*00*1*20260306*1015*CH',
          'NM1*41*2*S*****46*S',
          'NM1*40*2*R*****46*R',
          'HL*1**20*1',
          'NM1*85*2*PRACTICE*****XX*1234567893',
        ];
        let text = segments.map((x) => `${x}~\n`).join('');
        let count = segments.length;
        for (let c = 0; c < 5000; c++) {
          const n = t * 5000 + c;
          const lines =
            n % 1000 === 0
              ? [
                  'LX*1',
                  'SV1*HC:99213*100*UN*1***1:2',
                  'DTP*472*D8*20260302',
                  'LX*2',
                  'SV1*HC:11102*100*UN*1***1',
                  'DTP*472*D8*20260302',
                ]
              : ['LX*1', 'SV1*HC:11102*100*UN*1***1', 'DTP*472*D8*20260302'];
          const claim = [
            `HL*${c + 2}*1*22*0`,
            'SBR*P*18*******CI',
            'NM1*IL*1*TESTPATIENT*ALEX****MI*M1',
            'NM1*PR*2*A PAYER*****PI*1',
            `CLM*C${n}*100***11:B:1*Y*A*Y*Y`,
            'HI*ABK:D485*ABF:L309',
            ...lines,
          ];
          text += claim.map((x) => `${x}~\n`).join('');
          count += claim.length;
          if (c % 100 === 99) {
            await write(text);
            text = '';
          }
        }
        await write(`${text}SE*${count + 1}*${t}~\n`);
      }
      child.stdin.end('GE*20*1~\nIEA*1*000000001~\n');
      const code = await closed;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const results = JSON.parse(out.join('')) as { id: string; findings: { rule: string }[] }[];
      expect(results).toHaveLength(100_000);
      expect(results[99_999]!.id).toBe('C99999');
      expect(results.filter((r) => r.findings.length).map((r) => r.id)).toEqual(
        Array.from({ length: 100 }, (_, i) => `C${i * 1000}`),
      );
    }, 300_000);
  });

  describe('options', () => {
    it('--help prints the input formats and their fields, the options, the exit codes and an example on stdout, exit 0', () => {
      for (const flag of ['--help', '-h']) {
        const r = scrub([flag]);
        expect([r.code, r.stderr]).toEqual([0, '']);
        for (const part of [
          'INPUT FORMATS',
          '837 ',
          'fhir ',
          'json ',
          'CLM01',
          'SBR09',
          'productOrService',
          'dateOfService',
          'OPTIONS',
          '--from json|837|fhir',
          '--format text|json|csv',
          '--html FILE',
          '--only RULE',
          '--min-severity',
          '--config FILE',
          '--ncci DIR',
          '--icd FILE',
          'EXIT CODES',
          '  2  bad input',
          'EXAMPLES',
          'scrub -- claims-2026-03.837 --html report.html',
        ]) {
          expect(r.stdout).toContain(part);
        }
      }
      expect(scrub(['anything.json', '--format', 'json', '--help']).code).toBe(0);
    });

    it.each([
      [['a.json', '--bogus'], /^scrub: unknown option --bogus\nusage: /],
      [['a.json', '--format', 'xml'], /^scrub: --format takes text, json or csv, not xml\n$/],
      [['a.json', '--format'], /^scrub: --format takes text, json or csv\n$/],
      [['a.json', '--from', 'pdf'], /^scrub: --from takes json, 837 or fhir, not pdf\n$/],
      [
        ['a.json', '--only', 'mod25-missing,no-such-rule'],
        /^scrub: --only: no rule no-such-rule \(docs\/rules\.md lists them\)\n$/,
      ],
      [['a.json', '--min-severity', 'high'], /^scrub: --min-severity takes error, warning or info, not high\n$/],
      [[], /^scrub: no input given\nusage: /],
      [['a.json', 'b.json'], /^scrub: one input at a time \(got a\.json and b\.json\)\n$/],
      [['no-such-file.json'], /^scrub: no-such-file\.json: no such file\n$/],
      [
        ['a.json', '--html', '/no/such/folder/r.html'],
        /^scrub: --html \/no\/such\/folder\/r\.html: no folder \/no\/such\/folder to write it in\n$/,
      ],
      [['a.json', '--html', tmpdir()], /^scrub: --html \S+: a folder; give the file to write\n$/],
    ])('usage error %j: exit 1, the reason on stderr, nothing on stdout', (args, message) => {
      const r = scrub(args.map((a) => (a === 'a.json' ? file('a.json', separateProblem) : a)));
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr.replace(file('a.json', separateProblem), 'a.json')).toMatch(message);
    });

    it('--only and --min-severity filter the report (text and JSON)', () => {
      const batch = 'test/fixtures/claims/batch-837p.txt';
      const only = scrub([batch, '--only', 'abn-missing, biopsy-primary']);
      expect(only.stdout.match(/^ {2}line .*$/gm)?.map((l) => l.trim().split(/\s+/).pop())).toEqual([
        'abn-missing',
        'biopsy-primary',
      ]);
      expect(only.stdout).toContain(
        '8 claims checked, 2 with findings (2 with errors, 25%): 2 errors, 0 warnings, 0 to review',
      );
      const errors = scrub([batch, '--min-severity', 'error', '--format', 'json']);
      expect(
        (JSON.parse(errors.stdout) as { findings: { severity: string }[] }[]).flatMap((r) =>
          r.findings.map((f) => f.severity),
        ),
      ).toEqual(['error', 'error', 'error', 'error']);
      const warnings = scrub([batch, '--min-severity', 'warning']);
      expect(warnings.stdout).not.toContain('● review');
      expect(warnings.stdout).toContain(': 4 errors, 1 warning, 0 to review');
    });

    it('--format csv: a header, one row per finding, lines from 1, formula-safe cells, UTF-8 byte-order mark', () => {
      const hostile = { ...separateProblem, id: '=HYPERLINK("http://x.test","pay")' };
      const r = scrub([file('csv.json', [hostile, { ...separateProblem, id: 'clean', lines: [] }]), '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(
        '\uFEFFid,rule,severity,line,code,modifiers,units,message,fix,reference\r\n' +
          `"'=HYPERLINK(""http://x.test"",""pay"")",mod25-missing,error,1,99213,,1,"99213 is billed with a minor procedure but lacks modifier 25, and it addresses a problem no procedure covers.",Add modifier 25 to 99213.,"NCCI Policy Manual, ch. I, E/M services; CPT modifier 25"\r\n`,
      );
    });

    it('--html writes one self-contained page (every text escaped) and leaves only the summary on stdout', () => {
      const html = join(dir, 'report.html');
      const hostile = {
        ...separateProblem,
        id: '<img src=x onerror="alert(1)">',
        payer: { kind: 'commercial', name: '</script><script>alert(2)</script>' },
      };
      const r = scrub([file('h.json', [hostile]), '--html', html]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toBe(
        '1 encounter checked, 1 with findings (1 with errors, 100%): 1 error, 0 warnings, 0 to review\nby rule:\n  mod25-missing  1 error                   in 1 encounter\n',
      );
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
      expect(page).not.toContain('<img');
      expect(page).not.toContain('alert(2)'); // the payer name is not in the report at all
      expect(page).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//);
      expect(page.match(/<script\b/g)).toHaveLength(1);
      expect(page).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/,
      );
      expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
      const withJson = scrub([file('h.json', [hostile]), '--html', html, '--format', 'json']);
      expect(JSON.parse(withJson.stdout)[0].id).toBe(hostile.id);
    });
  });
});
