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
      name: 'signed ABN, GX with GY (voluntary ABN, excluded service)',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['L91.8'],
        lines: [{ code: '11200', modifiers: ['GX', 'GY'], dx: [1] }],
      }),
    },
    {
      name: 'GA written lower case with a dash',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: ['D22.4'],
        lines: [{ code: '11305', modifiers: ['-ga'], dx: [1] }],
      }),
    },
    {
      name: 'no ABN on file: abn-missing speaks, not this rule',
      encounter: enc({ payer: 'medicare', dx: SK, lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'unsigned ABN is not on file',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: false },
        dx: SK,
        lines: [{ code: '17110', modifiers: ['GZ'], dx: [1] }],
      }),
    },
    {
      name: 'ABN lists another line only',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [1] },
        dx: SK,
        lines: [
          { code: '17110', modifiers: ['GZ'], dx: [1] },
          { code: '11300', modifiers: ['GA'], dx: [1] },
        ],
      }),
    },
    {
      name: 'a covered removal (inflamed SK) needs no ABN modifier',
      encounter: enc({ payer: 'medicare', abn: { signed: true }, dx: ['L82.0'], lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'Medicare Advantage is not judged',
      encounter: enc({
        payer: 'medicare-advantage',
        abn: { signed: true },
        dx: SK,
        lines: [{ code: '17110', dx: [1] }],
      }),
    },
    {
      name: 'Medicaid is not judged',
      encounter: enc({ payer: 'medicaid', abn: { signed: true }, dx: SK, lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'commercial is not judged',
      encounter: enc({
        payer: 'commercial',
        abn: { signed: true },
        dx: SK,
        lines: [{ code: '17110', modifiers: ['GZ'], dx: [1] }],
      }),
    },
    {
      name: 'silent when it cannot decide: no diagnosis linked',
      encounter: enc({ payer: 'medicare', abn: { signed: true }, dx: SK, lines: [{ code: '17110', dx: [0] }] }),
    },
    {
      name: 'patient-billed removal is not on the claim',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['L40.0', 'L82.1'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '17110', dx: [2], billTo: 'patient' },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'signed ABN but GZ on the shave',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: ['D22.4'],
        lines: [{ code: '11305', modifiers: ['GZ'], dx: [1], sizeCm: 0.4 }],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'gz',
          title: 'ABN signed: replace GZ with GA',
          field: 'modifiers',
          suggestions: ['Replace GZ with GA on 11305'],
        },
      ],
    },
    {
      name: 'signed ABN, no modifier',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: SK,
        lines: [{ code: '17110', dx: [1], lesions: 3 }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'none',
          title: 'ABN signed: add GA',
          field: 'modifiers',
          suggestions: ['Add GA to 17110'],
        },
      ],
    },
    {
      name: 'signed ABN, GY alone',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['L91.8'],
        lines: [{ code: '11200', modifiers: ['gy'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'gy', field: 'modifiers', suggestions: ['Add GX to 11200'] }],
    },
    {
      name: 'excision of a nevus with a signed ABN and no modifier',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['D22.5'],
        lines: [{ code: '11402', modifiers: ['RT'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'none', field: 'modifiers', suggestions: ['Add GA to 11402'] }],
    },
    {
      name: 'only the lines the ABN lists',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0, 2] },
        dx: SK,
        lines: [
          { code: '17110', dx: [1] },
          { code: '11300', dx: [1] },
          { code: '11301', modifiers: ['GZ'], dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'none', field: 'modifiers', suggestions: ['Add GA to 17110'] },
        { line: 2, messageId: 'gz', field: 'modifiers', suggestions: ['Replace GZ with GA on 11301'] },
      ],
    },
    {
      name: 'GA on a patient-billed copy does not satisfy the insured line',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['L81.4'],
        lines: [
          { code: '17110', modifiers: ['GA'], dx: [1], billTo: 'patient' },
          { code: '17110', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'none', field: 'modifiers', suggestions: ['Add GA to 17110'] }],
    },
  ],
});
