import { defineCases, enc } from '../cases';

const SK = ['L82.1'];

export default defineCases({
  valid: [
    {
      name: 'signed ABN and GA',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: SK,
        lines: [{ code: '17110', modifiers: ['GA'], dx: [1], lesions: 5 }],
      }),
    },
    {
      name: 'GZ: no ABN, denial expected',
      encounter: enc({ payer: 'medicare', dx: SK, lines: [{ code: '17110', modifiers: ['gz'], dx: [1] }] }),
    },
    {
      name: 'GY: purely cosmetic, sent for a denial',
      encounter: enc({ payer: 'medicare', dx: ['L91.8'], lines: [{ code: '11200', modifiers: ['-GY'], dx: [1] }] }),
    },
    {
      name: 'ABN on file without a modifier is abn-modifier-missing, not this rule',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: SK,
        lines: [{ code: '17110', dx: [1] }],
      }),
    },
    {
      name: 'inflamed SK is covered',
      encounter: enc({ payer: 'medicare', dx: ['L82.0'], lines: [{ code: '17110', dx: [1], lesions: 2 }] }),
    },
    {
      name: 'itching skin tags are covered',
      encounter: enc({ payer: 'medicare', dx: ['L91.8', 'L29.89'], lines: [{ code: '11200', dx: [1, 2] }] }),
    },
    {
      name: "excision is benign-removal-necessity's, not this rule",
      encounter: enc({ payer: 'medicare', dx: ['D22.5'], lines: [{ code: '11402', dx: [1] }] }),
    },
    {
      name: 'Medicare Advantage does not use the ABN',
      encounter: enc({ payer: 'medicare-advantage', dx: SK, lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'Medicaid does not use the ABN',
      encounter: enc({ payer: 'medicaid', dx: SK, lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'commercial plans do not use the ABN',
      encounter: enc({ payer: 'commercial', dx: ['D22.5'], lines: [{ code: '11301', dx: [1] }] }),
    },
    {
      name: 'silent when it cannot decide: no diagnosis linked',
      encounter: enc({ payer: 'medicare', lines: [{ code: '17110' }] }),
    },
    {
      name: 'billed to the patient, not on the claim',
      encounter: enc({
        payer: 'medicare',
        dx: ['L40.0', 'L82.1'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '17110', dx: [2], billTo: 'patient' },
        ],
      }),
    },
    { name: 'self-pay', encounter: enc({ payer: 'self-pay', dx: SK, lines: [{ code: '17110', dx: [1] }] }) },
  ],
  invalid: [
    {
      name: 'asymptomatic SK destruction, no ABN, no modifier',
      encounter: enc({ payer: 'medicare', dx: SK, lines: [{ code: '17110', dx: [1], lesions: 4 }] }),
      findings: [{ line: 0, severity: 'error', messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'shave of a nevus',
      encounter: enc({ payer: 'medicare', dx: ['D22.4'], lines: [{ code: '11305', dx: [1], sizeCm: 0.4 }] }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'skin tags (11200 and add-on 11201)',
      encounter: enc({
        payer: 'medicare',
        dx: ['L91.8'],
        lines: [
          { code: '11200', dx: [1], lesions: 15 },
          { code: '11201', dx: [1], lesions: 5 },
        ],
      }),
      findings: [
        { line: 0, messageId: 'noAbn', field: 'modifiers' },
        { line: 1, messageId: 'noAbn', field: 'modifiers' },
      ],
    },
    {
      name: 'ABN signed for another line only',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: SK,
        lines: [
          { code: '17110', modifiers: ['GA'], dx: [1] },
          { code: '11300', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'an unsigned ABN is no ABN',
      encounter: enc({ payer: 'medicare', abn: { signed: false }, dx: ['L81.4'], lines: [{ code: '17110', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'no pointers: every (cosmetic) diagnosis linked; a distinct-service modifier is not an ABN modifier',
      encounter: enc({ payer: 'medicare', dx: ['L82.1', 'D22.5'], lines: [{ code: '11310', modifiers: ['xs'] }] }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'GY on a patient-billed copy does not satisfy the insured line',
      encounter: enc({
        payer: 'medicare',
        dx: ['L72.0'],
        lines: [
          { code: '17110', modifiers: ['GY'], dx: [1], billTo: 'patient' },
          { code: '17110', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noAbn', field: 'modifiers' }],
    },
  ],
});
