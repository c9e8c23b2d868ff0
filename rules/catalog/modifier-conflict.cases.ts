import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'GA alone with a signed ABN',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['L82.1'],
        lines: [{ code: '17110', modifiers: ['GA'], dx: [1] }],
      }),
    },
    {
      name: 'GX with GY (voluntary ABN for an excluded service) is allowed',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true },
        dx: ['Z41.1'],
        lines: [{ code: '11950', modifiers: ['GX', 'GY'], dx: [1] }],
      }),
    },
    {
      name: 'XS with a laterality modifier',
      encounter: enc({
        dx: ['D49.2', 'L57.0'],
        lines: [
          { code: '17000', dx: [2] },
          { code: '11102', modifiers: ['XS', 'RT'], dx: [1] },
        ],
      }),
    },
    {
      name: '59 alone',
      encounter: enc({
        dx: ['D49.2', 'L57.0'],
        lines: [
          { code: '17000', dx: [2] },
          { code: '11102', modifiers: ['59'], dx: [1] },
        ],
      }),
    },
    {
      name: 'conflicting modifiers on a patient-billed line are not on the claim',
      encounter: enc({
        payer: 'medicare',
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', modifiers: ['GA', 'GZ'], dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'the same modifier twice is no conflict',
      encounter: enc({ dx: ['D49.2'], lines: [{ code: '11102', modifiers: ['XS', 'xs'], dx: [1] }] }),
    },
    {
      name: 'empty modifiers and an empty code do not throw',
      encounter: enc({
        dx: ['L40.0'],
        lines: [
          { code: '', modifiers: ['', ' '] },
          { code: '99213', modifiers: [], dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'GA with GZ (Medicare)',
      encounter: enc({
        payer: 'medicare',
        abn: { signed: true, lines: [0] },
        dx: ['L82.1'],
        lines: [{ code: '17110', modifiers: ['GA', 'GZ'], dx: [1], lesions: 4 }],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'abnOnFile',
          field: 'modifiers',
          suggestions: ['Remove GZ from 17110'],
        },
      ],
    },
    {
      name: 'GY with GZ, lower case and dashes',
      encounter: enc({
        payer: 'medicare',
        dx: ['Z41.1'],
        lines: [{ code: '11951', modifiers: ['-gy', 'gz'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'gyOrGz', field: 'modifiers' }],
    },
    {
      name: '59 with XS (commercial)',
      encounter: enc({
        dx: ['D49.2', 'L57.0'],
        lines: [
          { code: '17000', dx: [2] },
          { code: '11102', modifiers: ['59', 'XS'], dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'xAnd59',
          title: 'Remove 59, keep XS',
          field: 'modifiers',
          suggestions: ['Remove 59 from 11102'],
        },
      ],
    },
    {
      name: '59 with XU and XE: one finding naming both',
      encounter: enc({
        payer: 'medicaid',
        dx: ['D48.5'],
        lines: [{ code: '12001', modifiers: ['XU', '59', 'XE'], dx: [1] }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'xAnd59',
          title: 'Remove 59, keep XE and XU',
          field: 'modifiers',
          suggestions: ['Remove 59 from 12001'],
        },
      ],
    },
    {
      name: 'GA, GY and GZ together: one finding for the line',
      encounter: enc({
        payer: 'medicare-advantage',
        dx: ['L82.1'],
        lines: [{ code: '11300', modifiers: ['GA', 'GY', 'GZ'], dx: [1] }],
      }),
      findings: [{ line: 0, messageId: 'noAbn', field: 'modifiers' }],
    },
    {
      name: 'only the conflicting line fires',
      encounter: enc({
        dx: ['D49.2', 'L57.0'],
        lines: [
          { code: '17000', modifiers: ['XS'], dx: [2] },
          { code: '11104', modifiers: ['XP', '59'], dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'xAnd59', field: 'modifiers', suggestions: ['Remove 59 from 11104'] }],
    },
    {
      name: 'a retail line with no code still fires; no ABN on file',
      encounter: enc({
        dx: ['L40.0'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '', modifiers: ['GA', 'GZ'] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noAbn', field: 'modifiers', suggestions: ['Remove GA'] }],
    },
  ],
});
