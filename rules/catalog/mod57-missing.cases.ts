import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'decision visit with 57 before a flap',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '99204', modifiers: ['57'], dx: [1] },
          { code: '14060', dx: [1] },
        ],
      }),
    },
    {
      name: 'E/M-25 for a separate problem (rosacea) beside a flap',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.319', 'L71.9'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '14040', dx: [1] },
        ],
      }),
    },
    {
      name: 'E/M with only a minor procedure (mod25 rules speak)',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '11102', dx: [1] },
        ],
      }),
    },
    {
      name: '57 written in lower case with a dash',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99214', modifiers: ['-57'], dx: [1] },
          { code: '15260', dx: [1] },
        ],
      }),
    },
    {
      name: 'the major procedure is billed to the patient',
      encounter: enc({
        dx: ['C44.311', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '14060', dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'E/M-25 with no diagnosis linked: cannot decide',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [9] },
          { code: '14060', dx: [1] },
        ],
      }),
    },
    {
      name: 'a procedure outside the E/M group with a major one is not judged',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99283', dx: [1] },
          { code: '14060', dx: [1] },
        ],
      }),
    },
    {
      name: 'self-pay raises nothing',
      encounter: enc({
        payer: 'self-pay',
        dx: ['C44.311'],
        lines: [
          { code: '99204', dx: [1] },
          { code: '14060', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'new-patient visit before a nasal flap, no modifier (Medicare)',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '99204', dx: [1] },
          { code: '14060', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'lacks57',
          title: 'Add 57 if it decided surgery',
          field: 'modifiers',
        },
      ],
    },
    {
      name: "E/M-25 whose only diagnosis is the flap's",
      encounter: enc({
        payer: 'medicare-advantage',
        dx: ['C44.319'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '14040', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'about25',
          title: 'Replace 25 with 57 if it decided',
          field: 'modifiers',
        },
      ],
    },
    {
      name: 'E/M without 25 or 57 and with a separate problem still lacks 57',
      encounter: enc({
        dx: ['C44.319', 'L71.9'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '14040', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'lacks57', field: 'modifiers' }],
    },
    {
      name: 'no pointers anywhere, E/M-25: every diagnosis shared',
      encounter: enc({
        payer: 'medicaid',
        dx: ['C44.311'],
        lines: [{ code: '14060' }, { code: '99203', modifiers: ['25'] }],
      }),
      findings: [{ line: 1, messageId: 'about25', field: 'modifiers' }],
    },
    {
      name: '57 on a patient-billed copy does not satisfy the insured E/M',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99204', dx: [1] },
          { code: '99204', modifiers: ['57'], dx: [1], billTo: 'patient' },
          { code: '14060', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'lacks57', field: 'modifiers' }],
    },
    {
      name: 'major and minor procedure together, E/M with no modifier',
      encounter: enc({
        dx: ['C44.311', 'D48.5'],
        lines: [
          { code: '99243', dx: [1, 2] },
          { code: '11104', dx: [2] },
          { code: '13160', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'lacks57', field: 'modifiers' }],
    },
  ],
});
