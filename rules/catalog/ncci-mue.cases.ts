import { defineCases, enc } from '../cases';

// Real rows of the built-in table (CMS practitioner MUE 2026 Q2):
//   11103 MUE 6, MAI 3   17311 MUE 4, MAI 3   12001 MUE 1, MAI 2   88305 MUE 16, MAI 3
//   17003 MUE 13, MAI 2 and 11102 MUE 1, MAI 2: judged by destruction-series and biopsy-primary (rules/ncci/precedence.ts).
export default defineCases({
  valid: [
    {
      name: '11103 ×6 is at its MUE',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', units: 6, dx: [1] },
        ],
      }),
    },
    {
      name: 'Mohs: 4 first stages over two lines',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '17311', units: 2, dx: [1] },
          { code: '17311', units: 2, dx: [1] },
        ],
      }),
    },
    {
      name: 'units billed to the patient do not count',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', units: 6, dx: [1] },
          { code: '11103', units: 2, dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'precedence: 17003 ×14 (destruction-series speaks)',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 14, dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: 11102 ×2 (biopsy-primary speaks)',
      encounter: enc({ dx: ['D48.5'], lines: [{ code: '11102', units: 2, dx: [1] }] }),
    },
    {
      name: 'precedence: 17110 on two lines (destruction-series speaks)',
      encounter: enc({
        dx: ['B07.8'],
        lines: [
          { code: '17110', dx: [1] },
          { code: '17110', dx: [1] },
        ],
      }),
    },
    {
      name: 'MUE 0 (consultation) is judged for original Medicare only',
      encounter: enc({ payer: 'commercial', dx: ['L40.0'], lines: [{ code: '99243', dx: [1] }] }),
    },
    {
      name: 'MUE 0 with GY: the claim already says Medicare will not pay',
      encounter: enc({ payer: 'medicare', dx: ['L40.0'], lines: [{ code: '99243', modifiers: ['GY'], dx: [1] }] }),
    },
    {
      name: 'a code the table does not list',
      encounter: enc({ dx: ['L70.0'], lines: [{ code: 'A9270', units: 40, dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: '11103 ×7 against its MUE of 6',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', units: 7, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'error',
          messageId: 'perDayOneLineClinical',
          title: 'Max 6 of 11103 unless noted',
          field: 'units',
        },
      ],
    },
    {
      name: 'date-of-service edit: the line that crosses the limit',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', units: 4, dx: [1] },
          { code: '11103', units: 2, dx: [1] },
          { code: '11103', units: 1, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 3,
          severity: 'error',
          messageId: 'perDayClinical',
          title: 'Max 6 of 11103 unless noted',
          field: 'units',
        },
      ],
    },
    {
      name: 'Mohs: a fifth first stage',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '17311', units: 3, dx: [1] },
          { code: '17311', units: 2, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'error',
          messageId: 'perDayClinical',
          title: 'Max 4 of 17311 unless noted',
          field: 'units',
        },
      ],
    },
    {
      name: 'MUE 0: Medicare pays no consultation codes',
      encounter: enc({ payer: 'medicare', dx: ['L40.0'], lines: [{ code: '99243', dx: [1] }] }),
      findings: [{ line: 0, severity: 'error', messageId: 'none', title: 'Remove or recode 99243', field: 'code' }],
    },
    {
      name: 'simple repair 12001 on two lines (policy limit 1)',
      encounter: enc({
        dx: ['S01.81XA'],
        lines: [
          { code: '12001', dx: [1] },
          { code: '12001', dx: [1] },
        ],
      }),
      findings: [
        { line: 1, severity: 'error', messageId: 'perDayPolicy', title: 'Max 1 of 12001 a day', field: 'units' },
      ],
    },
    {
      name: 'a line edit (MAI 1): 99486 ×5 against its MUE of 4 per line',
      encounter: enc({ payer: 'medicare', dx: ['L40.0'], lines: [{ code: '99486', units: 5, dx: [1] }] }),
      findings: [
        { line: 0, severity: 'error', messageId: 'perLine', title: 'Max 4 of 99486 per line', field: 'units' },
      ],
    },
    {
      name: 'a policy limit (MAI 2) on one line: the paid units in one click',
      encounter: enc({ payer: 'medicare', dx: ['L02.211'], lines: [{ code: '10060', units: 2, dx: [1] }] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'perDayOneLinePolicy',
          title: 'Max 1 of 10060 a day',
          field: 'units',
          suggestions: ['Bill 10060 ×1'],
        },
      ],
    },
  ],
});
