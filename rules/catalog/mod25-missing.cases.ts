import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'E/M with 25 and a destruction',
      encounter: enc({
        dx: ['L57.0', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    { name: 'E/M alone', encounter: enc({ dx: ['L40.0'], lines: [{ code: '99213', dx: [1] }] }) },
    {
      name: 'E/M with 57 and a major procedure beside a minor one',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99213', modifiers: ['57'], dx: [1] },
          { code: '14040', dx: [1] },
          { code: '11102', dx: [1] },
        ],
      }),
    },
    {
      name: 'the procedure is billed to the patient',
      encounter: enc({
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'modifier written with a dash and lower case',
      encounter: enc({
        dx: ['L57.0', 'L40.0'],
        lines: [
          { code: '99214', modifiers: ['-25'], dx: [2] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    {
      name: 'E/M with only a major procedure (mod57-missing speaks)',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '14040', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'separate problem, no 25',
      encounter: enc({
        dx: ['B07.8', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'separateProblem',
          title: 'Add modifier 25',
          field: 'modifiers',
          suggestions: ['Add 25 to 99213'],
        },
      ],
    },
    {
      name: 'same problem only, no 25',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '11102', dx: [1] },
        ],
      }),
      findings: [{ line: 0, severity: 'warning', messageId: 'sameProblem', field: 'modifiers', suggestions: [] }],
    },
    {
      name: '57 without a major procedure does not stand in',
      encounter: enc({
        dx: ['L57.0', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['57'], dx: [2] },
          { code: '17000', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'separateProblem',
          field: 'modifiers',
          suggestions: ['Add 25 to 99213'],
        },
      ],
    },
    {
      name: 'E/M after the procedure, no pointers: all diagnoses shared',
      encounter: enc({ dx: ['L57.0'], lines: ['17000', '99212'] }),
      findings: [{ line: 1, severity: 'warning', messageId: 'sameProblem', field: 'modifiers' }],
    },
  ],
});
