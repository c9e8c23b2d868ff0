import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'commercial plans may cover a skin check',
      encounter: enc({ payer: 'commercial', dx: ['Z12.83'], lines: [{ code: '99203', dx: [1] }] }),
    },
    {
      name: 'Medicare Advantage is not original Medicare',
      encounter: enc({ payer: 'medicare-advantage', dx: ['Z12.83'], lines: [{ code: '99213', dx: [1] }] }),
    },
    {
      name: 'screening with GY (submitted for a denial)',
      encounter: enc({ payer: 'medicare', dx: ['Z12.83'], lines: [{ code: '99203', modifiers: ['GY'], dx: [1] }] }),
    },
    {
      name: 'screening with -ga written with a dash in lower case',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['Z12.83'],
        lines: [{ code: '99203', modifiers: ['-ga'], dx: [1] }],
      }),
    },
    {
      name: 'a problem linked beside the screening code',
      encounter: enc({ payer: 'medicare', dx: ['Z12.83', 'D48.5'], lines: [{ code: '99213', dx: [1, 2] }] }),
    },
    {
      name: 'history of skin cancer is surveillance, not screening',
      encounter: enc({ payer: 'medicare', dx: ['Z85.828'], lines: [{ code: '99213', dx: [1] }] }),
    },
    {
      name: 'screening visit billed to the patient',
      encounter: enc({ payer: 'medicare', dx: ['Z12.83'], lines: [{ code: '99203', dx: [1], billTo: 'patient' }] }),
    },
    {
      name: 'no diagnosis linked: dx-missing speaks',
      encounter: enc({ payer: 'medicare', dx: ['Z12.83'], lines: [{ code: '99203', dx: [3] }] }),
    },
    {
      name: 'a preventive code outside the E/M group is not judged',
      encounter: enc({ payer: 'medicare', dx: ['Z00.00'], lines: [{ code: '99397', dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: 'full-body skin check for a Medicare patient',
      encounter: enc({ payer: 'medicare', dx: ['Z12.83'], lines: [{ code: '99203', dx: [1] }] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'screeningOnly',
          title: 'Link a problem, or GY + bill pt',
          field: 'dx',
        },
      ],
    },
    {
      name: 'general examination codes, dotless, pointerless line',
      encounter: enc({ payer: 'medicare', dx: ['Z0000', 'Z12.83'], lines: ['99213'] }),
      findings: [{ line: 0, messageId: 'screeningOnly', field: 'dx' }],
    },
    {
      name: 'a modifier other than the ABN ones does not help',
      encounter: enc({
        payer: 'medicare',
        dx: ['Z00.01'],
        lines: [
          { code: '99214', modifiers: ['25'], dx: [1] },
          { code: '11102', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'screeningOnly', field: 'dx' }],
    },
    {
      name: 'only the screening-only E/M fires',
      encounter: enc({
        payer: 'medicare',
        dx: ['Z12.83', 'L40.0'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '99212', dx: [2] },
        ],
      }),
      findings: [{ line: 0, messageId: 'screeningOnly', field: 'dx' }],
    },
    {
      name: 'a patient-billed retail line beside the screening visit',
      encounter: enc({
        payer: 'medicare',
        dx: ['Z12.83'],
        lines: [
          { code: '', category: 'retail', billTo: 'patient' },
          { code: '99204', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'screeningOnly', field: 'dx' }],
    },
    {
      name: 'consultation code with screening only',
      encounter: enc({ payer: 'medicare', dx: ['Z12.83'], lines: [{ code: '99243', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'screeningOnly', field: 'dx' }],
    },
  ],
});
