/**
 * The adapters' hand-written check (adapters/shared/check.ts) must agree with the schema on
 * everything an adapter can build: the same verdict, and the same message naming the same field.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEncounter } from '../../adapters/shared/check';
import { parseEncounter, PAYER_KINDS, type Encounter } from '../../rules/schema';

const anyNumber = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 1, max: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -1,
      -0,
      1.5,
      0.3,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      2 ** 60,
      Number.MAX_SAFE_INTEGER,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
);
const anyText = fc.oneof(
  { weight: 20, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(undefined as unknown as string, 12 as unknown as string, null as unknown as string),
  },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const line = fc.record(
  {
    code: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('11102', '17000', '', 'J3301') },
      { weight: 1, arbitrary: anyText },
    ),
    modifiers: maybe(
      fc.array(
        fc.oneof({ weight: 8, arbitrary: fc.constantFrom('25', 'XS', 'LT') }, { weight: 1, arbitrary: anyText }),
        { maxLength: 3 },
      ),
    ),
    units: maybe(anyNumber),
    dx: maybe(fc.array(anyNumber, { maxLength: 3 })),
    site: maybe(
      fc.oneof({ weight: 8, arbitrary: fc.constantFrom('L nasal ala', 'scalp') }, { weight: 1, arbitrary: anyText }),
    ),
    sizeCm: maybe(anyNumber),
    lesions: maybe(anyNumber),
    billTo: maybe(fc.constantFrom('insurance', 'patient', 'Insurance', '')),
    category: maybe(fc.constantFrom('service', 'cosmetic', 'retail', 'other')),
    description: maybe(anyText),
  },
  { requiredKeys: ['code'] },
);

/** A visit-history row as an adapter builds it from a screen's texts (dates as read, codes, modifiers, ICD-10 codes). */
const priorService = fc.record(
  {
    dateOfService: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('2026-06-03', '2025-12-31') },
      { weight: 1, arbitrary: fc.constantFrom('06/03/2026', '2026-6-3', '') },
      { weight: 1, arbitrary: anyText },
    ),
    code: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('11602', '17311', '88305') },
      { weight: 1, arbitrary: anyText },
    ),
    modifiers: maybe(
      fc.array(
        fc.oneof({ weight: 8, arbitrary: fc.constantFrom('59', 'XS', '79') }, { weight: 1, arbitrary: anyText }),
        { maxLength: 3 },
      ),
    ),
    dx: maybe(
      fc.array(
        fc.oneof({ weight: 8, arbitrary: fc.constantFrom('C44.519', 'L57.0') }, { weight: 1, arbitrary: anyText }),
        { maxLength: 3 },
      ),
    ),
  },
  { requiredKeys: ['dateOfService', 'code'] },
);
/** The note: text of any length and shape (line breaks, markup), now and then not a string. */
const note = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.string({ maxLength: 60, unit: fc.constantFrom('a', ' ', '\n', 'P', ':', '<', '4', 'é') }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(12 as unknown as string, null as unknown as string, ['x'] as unknown as string),
  },
);

const encounter = fc.record(
  {
    id: fc.oneof({ weight: 10, arbitrary: fc.constant('ema:abc') }, { weight: 1, arbitrary: anyText }),
    dateOfService: maybe(fc.constantFrom('2026-03-04', '2026-3-4', '03/04/2026', '')),
    payer: fc.record(
      { kind: fc.constantFrom(...PAYER_KINDS, 'Medicare', 'bcbs'), name: maybe(anyText) },
      { requiredKeys: ['kind'] },
    ),
    abn: maybe(
      fc.record(
        { signed: fc.oneof(fc.boolean(), fc.constant('yes')), lines: maybe(fc.array(anyNumber, { maxLength: 3 })) },
        { requiredKeys: ['signed'] },
      ),
    ),
    diagnoses: fc.array(
      fc.record(
        {
          code: fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom('L57.0', 'C44.311') },
            { weight: 1, arbitrary: anyText },
          ),
          description: maybe(anyText),
        },
        { requiredKeys: ['code'] },
      ),
      { maxLength: 4 },
    ),
    lines: fc.array(line, { maxLength: 5 }),
    note: maybe(note),
    history: maybe(fc.array(priorService, { maxLength: 3 })),
  },
  { requiredKeys: ['id', 'payer', 'diagnoses', 'lines'] },
);

describe('checkEncounter (the content script check, without zod)', () => {
  it('gives the schema’s verdict and message on 20,000 generated encounters', () => {
    let invalid = 0;
    fc.assert(
      fc.property(encounter, (e) => {
        const parsed = parseEncounter(e);
        const problem = checkEncounter(e as unknown as Encounter);
        if (parsed.ok) expect(problem).toBeNull();
        else {
          invalid++;
          expect(problem).toBe(parsed.error);
        }
      }),
      { numRuns: 20_000, seed: 20261123 },
    );
    // The generator must exercise both sides.
    expect(invalid).toBeGreaterThan(2_000);
    expect(invalid).toBeLessThan(19_000);
  });

  it.each([
    [{ units: 0 }, 'lines[0].units: expected a positive integer'],
    [{ units: 1.5 }, 'lines[0].units: expected a positive integer'],
    [{ sizeCm: Number.NaN }, 'lines[0].sizeCm: expected a positive number'],
    [{ lesions: -2 }, 'lines[0].lesions: expected a positive integer'],
    [{ dx: [1, 0.5] }, 'lines[0].dx[1]: expected an integer pointer'],
  ])('names the field: %o', (patch, message) => {
    const e = {
      id: 'x',
      payer: { kind: 'medicare' },
      diagnoses: [],
      lines: [{ code: '11102', ...patch }],
    } as unknown as Encounter;
    expect(checkEncounter(e)).toBe(message);
    expect(parseEncounter(e)).toEqual({ ok: false, error: message });
  });

  it.each([
    [{ note: 7 }, 'note: expected the note as a string'],
    [
      { history: [{ dateOfService: '06/03/2026', code: '11602' }] },
      'history[0].dateOfService: expected a date YYYY-MM-DD',
    ],
    [
      {
        history: [
          { dateOfService: '2026-06-03', code: '11602' },
          { dateOfService: '2026-06-03', code: 11602 },
        ],
      },
      'history[1].code: expected a code string',
    ],
    [
      { history: [{ dateOfService: '2026-06-03', code: '11602', modifiers: ['79', 79] }] },
      'history[0].modifiers[1]: expected a modifier string',
    ],
    [
      { history: [{ dateOfService: '2026-06-03', code: '11602', dx: [null] }] },
      'history[0].dx[0]: expected an ICD-10-CM code string',
    ],
  ])('names the note or history field: %o', (patch, message) => {
    const e = {
      id: 'x',
      payer: { kind: 'medicare' },
      diagnoses: [],
      lines: [{ code: '11102' }],
      ...patch,
    } as unknown as Encounter;
    expect(checkEncounter(e)).toBe(message);
    expect(parseEncounter(e)).toEqual({ ok: false, error: message });
  });

  it('passes a valid encounter', () => {
    const e: Encounter = {
      id: 'x',
      dateOfService: '2026-03-04',
      payer: { kind: 'commercial', name: 'Aetna' },
      abn: { signed: true, lines: [0] },
      diagnoses: [{ code: 'L57.0' }],
      lines: [
        {
          code: '17000',
          modifiers: ['XS'],
          units: 1,
          dx: [1],
          site: 'scalp',
          sizeCm: 0.4,
          lesions: 1,
          billTo: 'insurance',
          category: 'service',
        },
      ],
      note: 'Procedure: Cryotherapy\nOne actinic keratosis on the scalp was treated with liquid nitrogen.',
      history: [
        { dateOfService: '2026-02-10', code: '17000', modifiers: ['XS'], dx: ['L57.0'] },
        { dateOfService: '2026-01-05', code: '99213' },
      ],
    };
    expect(checkEncounter(e)).toBeNull();
  });
});
