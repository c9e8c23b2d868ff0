import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'bleeding skin tags: an indication is linked',
      encounter: enc({ dx: ['L91.8', 'R58'], lines: [{ code: '11200', dx: [1, 2], lesions: 6 }] }),
    },
    {
      name: 'inflamed seborrheic keratosis shaved',
      encounter: enc({ payer: 'medicare-advantage', dx: ['L82.0'], lines: [{ code: '11301', dx: [1], sizeCm: 0.8 }] }),
    },
    {
      name: 'nevus of uncertain behavior (D48.5) linked with it',
      encounter: enc({ dx: ['D22.5', 'D48.5'], lines: [{ code: '11402', dx: [1, 2], sizeCm: 1.5 }] }),
    },
    {
      name: 'wart destruction: B07 is not commonly cosmetic',
      encounter: enc({ dx: ['B07.8'], lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'original Medicare, SK destruction: abn-missing speaks, not this rule',
      encounter: enc({ payer: 'medicare', dx: ['L82.1'], lines: [{ code: '17110', dx: [1], lesions: 4 }] }),
    },
    {
      name: 'original Medicare, nevus excision with a signed ABN',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['D22.5'],
        lines: [{ code: '11402', modifiers: ['GA'], dx: [1] }],
      }),
    },
    {
      name: 'original Medicare, nevus excision with GZ',
      encounter: enc({ payer: 'medicare', dx: ['D22.5'], lines: [{ code: '11402', modifiers: ['-gz'], dx: [1] }] }),
    },
    {
      name: 'GY on a commercial claim (sent for a denial)',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11301', modifiers: ['GY'], dx: [1] }] }),
    },
    {
      name: 'silent when it cannot decide: no diagnosis linked',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11301', dx: [2] }] }),
    },
    {
      name: 'a patient-billed cosmetic removal',
      encounter: enc({
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'self-pay sends no claim',
      encounter: enc({ payer: 'self-pay', dx: ['L82.1'], lines: [{ code: '17110', dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: 'shave of a benign nevus, Medicare Advantage',
      encounter: enc({ payer: 'medicare-advantage', dx: ['D22.5'], lines: [{ code: '11301', dx: [1], sizeCm: 0.8 }] }),
      findings: [
        { line: 0, severity: 'info', messageId: 'questionable', title: 'Link symptom, or bill patient', field: 'dx' },
      ],
    },
    {
      name: 'SK destruction, commercial',
      encounter: enc({ dx: ['L82.1'], lines: [{ code: '17110', dx: [1], lesions: 3 }] }),
      findings: [{ line: 0, severity: 'info', messageId: 'questionable', field: 'dx' }],
    },
    {
      name: 'skin tags, Medicaid, lower-case code with spaces',
      encounter: enc({ payer: 'medicaid', dx: ['l91.8'], lines: [{ code: ' 11200', dx: [1] }] }),
      findings: [{ line: 0, severity: 'info', messageId: 'questionable', field: 'dx' }],
    },
    {
      name: 'original Medicare: nevus excision, no ABN and no modifier',
      encounter: enc({ payer: 'medicare', dx: ['D22.5'], lines: [{ code: '11402', dx: [1], sizeCm: 1.5 }] }),
      findings: [{ line: 0, severity: 'info', messageId: 'questionable', field: 'dx' }],
    },
    {
      name: 'original Medicare: the ABN covers another line only',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: ['L72.0'],
        lines: [
          { code: '11401', dx: [1] },
          { code: '11401', dx: [1] },
        ],
      }),
      findings: [{ line: 1, severity: 'info', messageId: 'questionable', field: 'dx' }],
    },
    {
      name: 'unknown payer is not original Medicare',
      encounter: enc({ payer: 'unknown', dx: ['D23.5'], lines: [{ code: '11400', modifiers: ['GA'], dx: [1] }] }),
      findings: [{ line: 0, messageId: 'questionable', field: 'dx' }],
    },
    {
      name: 'GA on a commercial claim does not silence it',
      encounter: enc({ dx: ['L81.4'], lines: [{ code: '17110', modifiers: ['GA'], dx: [1] }] }),
      findings: [{ line: 0, messageId: 'questionable', field: 'dx' }],
    },
    {
      name: 'an itch diagnosis on another line does not help this one',
      encounter: enc({
        dx: ['L82.1', 'L29.8'],
        lines: [
          { code: '17110', dx: [1] },
          { code: '11200', dx: [2] },
        ],
      }),
      findings: [{ line: 0, messageId: 'questionable', field: 'dx' }],
    },
  ],
});
