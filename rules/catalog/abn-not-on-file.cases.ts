import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'GA with a signed ABN covering every line',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['L82.1'],
        lines: [{ code: '17110', modifiers: ['GA'], dx: [1], lesions: 5 }],
      }),
    },
    {
      name: 'GA with a signed ABN listing that line',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [1] },
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '17110', modifiers: ['-ga'], dx: [1] },
        ],
      }),
    },
    {
      name: 'no GA, no ABN',
      encounter: enc({ payer: 'medicare', dx: ['L82.1'], lines: [{ code: '17110', modifiers: ['GZ'], dx: [1] }] }),
    },
    {
      name: 'GA on a patient-billed line is not on the claim',
      encounter: enc({
        payer: 'medicare',
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', modifiers: ['GA'], dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'self-pay raises nothing',
      encounter: enc({ payer: 'self-pay', dx: ['L82.1'], lines: [{ code: '17110', modifiers: ['GA'], dx: [1] }] }),
    },
    {
      name: 'the ABN lists the line index in the encounter, patient-billed lines included',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [2] },
        dx: ['L82.1'],
        lines: [
          { code: '', category: 'retail', billTo: 'patient' },
          { code: '17110', dx: [1], modifiers: ['GZ'], billTo: 'patient' },
          { code: '11300', modifiers: ['GA'], dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'the ABN lists only the SK destruction; the skin-tag line claims GA',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: ['L82.1', 'L91.8'],
        lines: [
          { code: '17110', modifiers: ['GA'], dx: [1] },
          { code: '11200', modifiers: ['GA'], dx: [2] },
        ],
      }),
      findings: [{ line: 1, severity: 'error', messageId: 'notListed', field: 'modifiers' }],
    },
    {
      name: 'GA with no ABN at all',
      encounter: enc({ payer: 'medicare', dx: ['L82.1'], lines: [{ code: '17110', modifiers: ['GA'], dx: [1] }] }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'GA with an unsigned ABN, modifier in lower case',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: false },
        dx: ['D22.5'],
        lines: [{ code: '11301', modifiers: ['ga'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'GA with an ABN that lists no line',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [] },
        dx: ['L82.1'],
        lines: [{ code: '17110', modifiers: ['GA'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'notListed', field: 'modifiers' }],
    },
    {
      name: 'GA on a Medicare Advantage claim still asserts a notice',
      encounter: enc({
        payer: 'medicare-advantage',
        dx: ['L82.1'],
        lines: [{ code: '17110', modifiers: ['GA'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'GA with GZ and no ABN: this rule fires too',
      encounter: enc({
        payer: 'medicare',
        dx: ['Z12.83'],
        lines: [{ code: '99203', modifiers: ['GA', 'GZ'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
  ],
});
