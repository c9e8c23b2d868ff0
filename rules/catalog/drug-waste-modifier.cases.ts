import { defineCases, enc } from '../cases';

const HH = ['L74.510'];

export default defineCases({
  valid: [
    {
      name: 'JZ on the drug line',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: '64650', dx: [1] },
          { code: 'J0585', modifiers: ['JZ'], units: 100, dx: [1] },
        ],
      }),
    },
    {
      name: 'administered line plus a JW line of the same code',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: '64650', dx: [1] },
          { code: 'J0585', units: 90, dx: [1] },
          { code: 'J0585', modifiers: ['jw'], units: 10, dx: [1] },
        ],
      }),
    },
    {
      name: 'commercial plans are not judged',
      encounter: enc({
        payer: 'commercial',
        dx: HH,
        lines: [
          { code: '64650', dx: [1] },
          { code: 'J0585', units: 100, dx: [1] },
        ],
      }),
    },
    {
      name: 'Medicare Advantage is not judged',
      encounter: enc({ payer: 'medicare-advantage', dx: HH, lines: [{ code: 'J0588', units: 100, dx: [1] }] }),
    },
    {
      name: 'Medicaid is not judged',
      encounter: enc({ payer: 'medicaid', dx: HH, lines: [{ code: 'J0586', units: 300, dx: [1] }] }),
    },
    {
      name: 'a patient-billed drug line is not on the claim',
      encounter: enc({
        payer: 'medicare',
        dx: ['R23.4', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: 'J0585', units: 20, dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'before 1 July 2023 JZ was not required',
      encounter: enc({
        payer: 'medicare',
        dateOfService: '2023-06-30',
        dx: HH,
        lines: [{ code: 'J0585', units: 100, dx: [1] }],
      }),
    },
    {
      name: 'the chemodenervation code itself needs no JZ',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: '64650', dx: [1] },
          { code: 'J0585', modifiers: ['-JZ'], units: 100, dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'toxin line with neither JZ nor JW',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: '64650', dx: [1] },
          { code: 'J0585', units: 100, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'error',
          messageId: 'missing',
          title: 'Add JZ, or a JW line for waste',
          field: 'modifiers',
          suggestions: ['Add JZ to J0585'],
        },
      ],
    },
    {
      name: 'a JW line of another toxin does not cover it',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: 'J0585', units: 90, dx: [1] },
          { code: 'J0588', modifiers: ['JW'], units: 10, dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'missing', field: 'modifiers', suggestions: ['Add JZ to J0585'] }],
    },
    {
      name: 'a patient-billed JW line does not satisfy',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: 'J0585', units: 90, dx: [1] },
          { code: 'J0585', modifiers: ['JW'], units: 10, dx: [1], billTo: 'patient' },
        ],
      }),
      findings: [{ line: 0, messageId: 'missing', field: 'modifiers', suggestions: ['Add JZ to J0585'] }],
    },
    {
      name: 'lower-case code, on or after 1 July 2023',
      encounter: enc({
        payer: 'medicare',
        dateOfService: '2023-07-01',
        dx: HH,
        lines: [{ code: 'j0587', units: 2500, dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'missing', field: 'modifiers', suggestions: ['Add JZ to J0587'] }],
    },
    {
      name: 'two drug lines without modifiers: both',
      encounter: enc({
        payer: 'medicare',
        dx: HH,
        lines: [
          { code: 'J0585', units: 50, dx: [1] },
          { code: 'J0585', modifiers: ['RT'], units: 50, dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'missing', field: 'modifiers', suggestions: ['Add JZ to J0585'] },
        { line: 1, messageId: 'missing', field: 'modifiers', suggestions: ['Add JZ to J0585'] },
      ],
    },
    {
      name: 'no diagnosis and no date: still needs the modifier',
      encounter: enc({ payer: 'medicare', lines: [{ code: 'J0586', units: 1_000_000, modifiers: [''] }] }),
      findings: [{ line: 0, messageId: 'missing', field: 'modifiers', suggestions: ['Add JZ to J0586'] }],
    },
  ],
});
