/** The FHIR R4 Claim reader: a realistic export field by field, the shapes it comes in, the payer kind, and malformed claims named by claim and item. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFhirClaims } from '../../lib/claims/fhir-claim';
import { InputError, type ReadEncounter } from '../../lib/claims/source';
import { SOPT_PAYER_KINDS } from '../../lib/claims/payer-kinds';

const BUNDLE = readFileSync(new URL('../fixtures/claims/bundle-fhir.json', import.meta.url), 'utf8');
const NDJSON = readFileSync(new URL('../fixtures/claims/claims.ndjson', import.meta.url), 'utf8');

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function read(input: string | object, size = 1 << 16): Promise<ReadEncounter[]> {
  const out: ReadEncounter[] = [];
  for await (const r of readFhirClaims(chunked(typeof input === 'string' ? input : JSON.stringify(input), size)))
    out.push(r);
  return out;
}

const EXPECTED = [
  {
    id: 'PCN-1001',
    dateOfService: '2026-03-02',
    payer: { kind: 'medicare', name: 'Noridian JE Part B' },
    diagnoses: [{ code: 'L57.0' }, { code: 'L30.9' }],
    lines: [
      { code: '99213', units: 1, dx: [1, 2] },
      { code: '17000', units: 1, dx: [1], site: 'left temple' },
      { code: '17003', units: 2, dx: [1], site: 'forehead' },
    ],
  },
  {
    id: 'PCN-1003',
    dateOfService: '2026-03-04',
    payer: { kind: 'medicare', name: 'Noridian JE Part B' },
    abn: { signed: true, lines: [0] },
    diagnoses: [{ code: 'L82.1' }],
    lines: [{ code: '17110', modifiers: ['GA'], units: 1, dx: [1], site: 'back' }],
  },
  {
    id: 'PCN-2001',
    dateOfService: '2026-03-02',
    payer: { kind: 'commercial', name: 'Aetna' },
    diagnoses: [{ code: 'D48.5' }],
    lines: [{ code: '11300', units: 1, dx: [1], site: 'nasal tip' }],
  },
  {
    id: 'PCN-4001',
    dateOfService: '2026-03-03',
    payer: { kind: 'medicare-advantage', name: 'Humana Gold Plus HMO' },
    diagnoses: [{ code: 'L82.1' }],
    lines: [{ code: '17110', units: 1, dx: [1] }],
  },
  {
    id: 'PCN-5001',
    dateOfService: '2026-03-04',
    payer: { kind: 'medicaid', name: 'Illinois Medicaid' },
    diagnoses: [{ code: 'L70.0' }],
    // A product named only in text: a line without a code.
    lines: [
      { code: '99213', units: 1, dx: [1] },
      { code: '', units: 1, dx: [1] },
    ],
  },
];

describe('readFhirClaims: the export fixture (test/fixtures/claims/bundle-fhir.json)', () => {
  it('reads every Claim of the Bundle: identifier, payer from the Coverage type (SOPT) or text and the insurer Organization, diagnoses, items, dates, ABN from GA', async () => {
    const got = await read(BUNDLE);
    expect(got.map((r) => r.encounter)).toEqual(EXPECTED);
    expect(got.map((r) => r.source)).toEqual([
      { kind: 'claim', position: 1, lineNumbers: [1, 2, 3] },
      { kind: 'claim', position: 2, lineNumbers: [1] },
      { kind: 'claim', position: 3, lineNumbers: [1] },
      { kind: 'claim', position: 4, lineNumbers: [1] },
      { kind: 'claim', position: 5, lineNumbers: [1, 2] },
    ]);
    expect(await read(BUNDLE, 1)).toEqual(got);
  });

  it('reads the same claims from a bulk export (NDJSON), their payer kind from the coverage display', async () => {
    const got = await read(NDJSON, 13);
    // No Organization in the file: the insurer has no name to read.
    expect(got.map((r) => r.encounter)).toEqual(
      EXPECTED.map(({ payer, ...rest }) => ({ ...rest, payer: { kind: payer.kind } })),
    );
  });

  it('reads a bare Claim and a JSON array of resources too', async () => {
    const claim = JSON.parse(NDJSON.split('\n')[2]!);
    expect((await read(claim)).map((r) => r.encounter.id)).toEqual(['PCN-2001']);
    expect(
      (await read([claim, { resourceType: 'Patient', id: 'x' }, { ...claim, identifier: [{ value: 'PCN-X' }] }])).map(
        (r) => r.encounter.id,
      ),
    ).toEqual(['PCN-2001', 'PCN-X']);
  });

  it('never keeps a name, birth date or address', async () => {
    const text = JSON.stringify(await read(BUNDLE));
    for (const word of ['Doe', 'Roe', 'Samantha', '1947-02-14', 'Elm Road', 'Springfield'])
      expect(text).not.toContain(word);
  });
});

const base = () => ({
  resourceType: 'Claim',
  id: 'c',
  identifier: [{ value: 'PCN-1' }],
  diagnosis: [
    {
      sequence: 1,
      diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'L82.1' }] },
    },
  ],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '17110' }] },
      diagnosisSequence: [1],
      servicedDate: '2026-03-02',
    },
  ],
});
const withCoverage = (type: object | undefined, display?: string) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:cov', resource: { resourceType: 'Coverage', id: 'cov', ...(type ? { type } : {}) } },
    {
      resource: {
        ...base(),
        insurance: [
          { sequence: 1, focal: true, coverage: { reference: 'urn:uuid:cov', ...(display ? { display } : {}) } },
        ],
      },
    },
  ],
});
const kindOf = async (input: object) => (await read(input))[0]!.encounter.payer.kind;

describe('readFhirClaims: payer kind', () => {
  it.each(
    Object.entries(SOPT_PAYER_KINDS)
      .map(([code, { kind }]) => [code, kind] as const)
      .concat([
        ['111', 'medicare-advantage'],
        ['121', 'medicare'],
        ['511', 'commercial'],
        ['81', 'self-pay'],
        ['311', 'unknown'],
      ]),
  )('Source of Payment Typology %s → %s', async (code, kind) => {
    expect(await kindOf(withCoverage({ coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code }] }))).toBe(kind);
  });

  it.each([
    [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-selfpay', code: 'pay' }] },
      undefined,
      'self-pay',
    ],
    [{ text: 'Original Medicare' }, undefined, 'medicare'],
    [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
            code: 'HIP',
            display: 'health insurance plan policy',
          },
        ],
      },
      'Medicare Advantage PPO',
      'medicare-advantage',
    ],
    [undefined, 'Illinois Medicaid', 'medicaid'],
    [undefined, 'Medicare', 'unknown'], // original or Advantage? It does not say.
    [{ coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '1' }] }, 'Medicare Part B', 'medicare'], // SOPT 1 says only "Medicare"; the display says which
    [undefined, 'Acme Health Plan Gold', 'unknown'],
  ])('Coverage type %j with display %j → %s', async (type, display, kind) => {
    expect(await kindOf(withCoverage(type, display))).toBe(kind);
  });

  it('reads the focal insurance, and a Coverage contained in the claim', async () => {
    const claim = {
      ...base(),
      contained: [
        {
          resourceType: 'Coverage',
          id: 'mine',
          type: { coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '2' }] },
        },
      ],
      insurance: [
        { sequence: 1, focal: false, coverage: { display: 'Medicare Part B' } },
        { sequence: 2, focal: true, coverage: { reference: '#mine' } },
      ],
    };
    expect(await kindOf(claim)).toBe('medicaid');
  });

  it('waits for a Coverage that comes after its claim in the same file', async () => {
    const bundle = withCoverage({ coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '121' }] });
    bundle.entry.reverse();
    expect(await kindOf(bundle)).toBe('medicare');
  });
});

describe('readFhirClaims: items and dates', () => {
  it('sorts diagnoses and items by sequence and maps diagnosisSequence to pointers; billablePeriod dates items without one; a claim over two days is judged a day at a time', async () => {
    const claim = {
      ...base(),
      billablePeriod: { start: '2026-03-01', end: '2026-03-05' },
      diagnosis: [
        {
          sequence: 7,
          diagnosisCodeableConcept: {
            coding: [
              { system: 'http://snomed.info/sct', code: '123' },
              { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'D48.5' },
            ],
          },
        },
        { sequence: 3, diagnosisCodeableConcept: { coding: [{ code: 'L82.1' }] } },
      ],
      item: [
        {
          sequence: 2,
          productOrService: { coding: [{ code: '11102' }] },
          diagnosisSequence: [7],
          servicedPeriod: { start: '2026-03-05T09:00:00Z' },
        },
        {
          sequence: 1,
          productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] },
          modifier: [{ text: '25' }],
          quantity: { value: 1 },
          diagnosisSequence: [3, 7],
        },
      ],
    };
    const got = await read(claim);
    expect(got.map((r) => [r.encounter, r.source.lineNumbers])).toEqual([
      [
        {
          id: 'PCN-1/2026-03-01',
          dateOfService: '2026-03-01',
          payer: { kind: 'unknown' },
          diagnoses: [{ code: 'L82.1' }, { code: 'D48.5' }],
          lines: [{ code: '99213', modifiers: ['25'], units: 1, dx: [1, 2] }],
        },
        [1],
      ],
      [
        {
          id: 'PCN-1/2026-03-05',
          dateOfService: '2026-03-05',
          payer: { kind: 'unknown' },
          diagnoses: [{ code: 'L82.1' }, { code: 'D48.5' }],
          lines: [{ code: '11102', dx: [2] }],
        },
        [2],
      ],
    ]);
  });
});

describe('readFhirClaims: malformed claims exit as bad input, naming the claim and the item', () => {
  const withItem = (patch: object) => ({ ...base(), item: [{ ...base().item[0], ...patch }] });
  it.each([
    [
      'a diagnosisSequence naming no diagnosis',
      withItem({ diagnosisSequence: [2] }),
      'claim 1 in the input ("PCN-1"): item 1: diagnosisSequence "2" names no diagnosis of the claim (it has 1)',
    ],
    [
      'a quantity that is not whole',
      withItem({ quantity: { value: 1.5 } }),
      'claim 1 in the input ("PCN-1"): item 1: quantity "1.5" is not a whole number of units of 1 or more',
    ],
    [
      'an item without productOrService',
      withItem({ productOrService: undefined }),
      'claim 1 in the input ("PCN-1"): item 1 has no productOrService',
    ],
    [
      'a service date that is no date',
      withItem({ servicedDate: '2026-02-30' }),
      'claim 1 in the input ("PCN-1"): item 1: the service date "2026-02-30" is not a date YYYY-MM-DD',
    ],
    [
      'a diagnosis without a code',
      { ...base(), diagnosis: [{ sequence: 1, diagnosisReference: { reference: 'Condition/1' } }] },
      'claim 1 in the input ("PCN-1"): diagnosis 1 has no ICD-10-CM code (a diagnosisReference to a Condition is not followed)',
    ],
    [
      'a claim without an identifier or id',
      { ...base(), identifier: [], id: undefined },
      'claim 1 in the input (no id): the Claim has neither an identifier nor an id',
    ],
    ['a claim without items', { ...base(), item: [] }, 'claim 1 in the input ("PCN-1"): the Claim has no item'],
    [
      'a resource without resourceType',
      [{ id: 'x' }],
      'resource 1 of the input: not a FHIR resource (no resourceType)',
    ],
    ['an entry that is no object', { resourceType: 'Bundle', entry: [5] }, 'entry 1 of the Bundle: not an object'],
    [
      'a Bundle cut short',
      JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: base() }, { resource: base() }] }).slice(0, -30),
      'not valid JSON: the input ends inside entry 2 (inside a string): truncated?',
    ],
  ])('%s', async (_name, input, message) => {
    const attempt = read(input);
    await expect(attempt).rejects.toThrow(new InputError(message));
    await expect(attempt).rejects.toBeInstanceOf(InputError);
  });

  it('refuses a claim of more items or diagnoses than an encounter may have', async () => {
    const many = { ...base(), item: Array.from({ length: 5001 }, (_, i) => ({ ...base().item[0], sequence: i + 1 })) };
    await expect(read(many)).rejects.toThrow(
      'claim 1 in the input ("PCN-1"): 5001 items; an encounter may have at most 5000 lines (as in the extension)',
    );
  });
});
