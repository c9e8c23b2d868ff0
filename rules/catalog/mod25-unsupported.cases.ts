import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'E/M-25 for a separate problem (psoriasis) beside an AK destruction',
      encounter: enc({
        payer: 'medicare',
        dx: ['L57.0', 'L40.0'],
        lines: [
          { code: '99214', modifiers: ['25'], dx: [2] },
          { code: '17000', dx: [1], lesions: 1 },
        ],
      }),
    },
    {
      name: 'one separate diagnosis among shared ones is enough',
      encounter: enc({
        dx: ['L57.0', 'L71.9'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1, 2] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    {
      name: 'E/M-25 with only a major procedure (no minor one)',
      encounter: enc({
        dx: ['C44.319'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '14040', dx: [1] },
        ],
      }),
    },
    {
      name: 'E/M without 25 is mod25-missing, not this rule',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    {
      name: 'silent when the E/M has no diagnosis linked (pointer out of range)',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [4] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    {
      name: 'the shared procedure is billed to the patient',
      encounter: enc({
        dx: ['L82.1'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '17110', dx: [1], billTo: 'patient' },
          { code: '11102', dx: [], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'diagnosis shared with a major procedure only, separate from the minor one',
      encounter: enc({
        dx: ['C44.319', 'L57.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '14040', dx: [1] },
          { code: '17000', dx: [2] },
        ],
      }),
    },
    {
      name: 'self-pay raises nothing',
      encounter: enc({
        payer: 'self-pay',
        dx: ['L57.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'visit only evaluated the AKs that were frozen',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 2, dx: [1], lesions: 2 },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'info',
          messageId: 'sameDiagnoses',
          title: 'Confirm a separate visit in note',
          field: 'modifiers',
        },
      ],
    },
    {
      name: 'modifier written -25, lower-case code (Medicare)',
      encounter: enc({
        payer: 'medicare',
        dx: ['D49.2'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '99203 ', modifiers: ['-25'], dx: [1] },
        ],
      }),
      findings: [{ line: 1, severity: 'info', messageId: 'sameDiagnoses', field: 'modifiers' }],
    },
    {
      name: 'no pointers anywhere: every diagnosis shared',
      encounter: enc({
        payer: 'medicaid',
        dx: ['L57.0', 'L82.0'],
        lines: [{ code: '99212', modifiers: ['25'] }, { code: '17000' }, { code: '17110' }],
      }),
      findings: [{ line: 0, severity: 'info', messageId: 'sameDiagnoses', field: 'modifiers' }],
    },
    {
      name: 'E/M diagnoses split across two minor procedures',
      encounter: enc({
        payer: 'medicare-advantage',
        dx: ['L57.0', 'D48.5'],
        lines: [
          { code: '99214', modifiers: ['25'], dx: [1, 2] },
          { code: '17000', dx: [1] },
          { code: '11104', dx: [2] },
        ],
      }),
      findings: [{ line: 0, messageId: 'sameDiagnoses', field: 'modifiers' }],
    },
    {
      name: 'a patient-billed line does not make the problem separate',
      encounter: enc({
        dx: ['L57.0', 'L82.1'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '17000', dx: [1] },
          { code: '17110', dx: [2], billTo: 'patient' },
        ],
      }),
      findings: [{ line: 0, messageId: 'sameDiagnoses', field: 'modifiers' }],
    },
    {
      name: 'two E/M lines with 25, both unsupported',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '99242', modifiers: ['25', 'rt'], dx: [1] },
          { code: '17000', dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'sameDiagnoses', field: 'modifiers' },
        { line: 1, messageId: 'sameDiagnoses', field: 'modifiers' },
      ],
    },
  ],
});
