import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: '25 on the E/M beside a wart destruction',
      encounter: enc({
        dx: ['L70.0', 'B07.8'],
        lines: [
          { code: '99214', modifiers: ['25'], dx: [1] },
          { code: '17110', dx: [2] },
        ],
      }),
    },
    {
      name: '25 on an eye-visit code with another service',
      encounter: enc({
        dx: ['H10.9'],
        lines: [
          { code: '92012', modifiers: ['25'], dx: [1] },
          { code: '67820', dx: [1] },
        ],
      }),
    },
    {
      name: '25 on a preventive visit (within the E/M section) with another service',
      encounter: enc({
        dx: ['Z00.00', 'L57.0'],
        lines: [
          { code: '99397', modifiers: ['25'], dx: [1] },
          { code: '17000', dx: [2] },
        ],
      }),
    },
    {
      name: 'HCPCS letter codes are not judged',
      encounter: enc({
        dx: ['L74.510'],
        lines: [
          { code: 'J0585', modifiers: ['25'], dx: [1] },
          { code: '64650', dx: [1] },
        ],
      }),
    },
    { name: 'E/M alone without 25', encounter: enc({ dx: ['L40.0'], lines: [{ code: '99213', dx: [1] }] }) },
    {
      name: '25 on a patient-billed procedure is not on the claim',
      encounter: enc({
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', modifiers: ['25'], dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'self-pay raises nothing',
      encounter: enc({ payer: 'self-pay', dx: ['L40.0'], lines: [{ code: '99213', modifiers: ['25'], dx: [1] }] }),
    },
    {
      name: 'category III code (four digits and a letter) is not judged',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '0479T', modifiers: ['25'], dx: [1] },
        ],
      }),
    },
    {
      name: 'empty code and empty modifier do not throw',
      encounter: enc({
        dx: ['L40.0'],
        lines: [
          { code: '', modifiers: ['', '25'] },
          { code: '99213', modifiers: ['25'], dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: '25 on the wart destruction',
      encounter: enc({
        dx: ['L70.0', 'B07.8'],
        lines: [
          { code: '99214', modifiers: ['25'], dx: [1] },
          { code: '17110', modifiers: ['25'], dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'error',
          messageId: 'notEm',
          title: 'Remove 25 from 17110',
          field: 'modifiers',
          suggestions: ['Remove 25 from 17110'],
        },
      ],
    },
    {
      name: '25 written -25 in lower case on a biopsy (Medicare)',
      encounter: enc({ payer: 'medicare', dx: ['D49.2'], lines: [{ code: '11102', modifiers: [' -25 '], dx: [1] }] }),
      findings: [
        { line: 0, severity: 'error', messageId: 'notEm', field: 'modifiers', suggestions: ['Remove 25 from 11102'] },
      ],
    },
    {
      name: '25 on an excision alongside a correct E/M-25',
      encounter: enc({
        payer: 'medicaid',
        dx: ['C44.519', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '11602', modifiers: ['25', 'RT'], dx: [1] },
        ],
      }),
      findings: [
        { line: 1, severity: 'error', messageId: 'notEm', field: 'modifiers', suggestions: ['Remove 25 from 11602'] },
      ],
    },
    {
      name: 'E/M-25 alone on the claim',
      encounter: enc({ dx: ['L40.0'], lines: [{ code: '99213', modifiers: ['25'], dx: [1] }] }),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'alone',
          title: 'Remove 25: nothing else billed',
          field: 'modifiers',
          suggestions: ['Remove 25 from 99213'],
        },
      ],
    },
    {
      name: 'E/M-25 alone once the patient-billed procedure is left out',
      encounter: enc({
        payer: 'medicare-advantage',
        dx: ['L82.1', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '17110', dx: [1], billTo: 'patient' },
        ],
      }),
      findings: [
        { line: 0, severity: 'warning', messageId: 'alone', field: 'modifiers', suggestions: ['Remove 25 from 99213'] },
      ],
    },
    {
      name: 'E/M-25 alone, no diagnosis at all',
      encounter: enc({ lines: [{ code: '99204', modifiers: ['25'] }] }),
      findings: [
        { line: 0, severity: 'warning', messageId: 'alone', field: 'modifiers', suggestions: ['Remove 25 from 99204'] },
      ],
    },
    {
      name: '25 on a biopsy and on its repair: both',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11104', modifiers: ['25'], dx: [1] },
          { code: '12001', modifiers: ['25'], dx: [1] },
        ],
      }),
      findings: [
        { line: 0, severity: 'error', messageId: 'notEm', field: 'modifiers', suggestions: ['Remove 25 from 11104'] },
        { line: 1, severity: 'error', messageId: 'notEm', field: 'modifiers', suggestions: ['Remove 25 from 12001'] },
      ],
    },
    {
      name: '25 on the destruction instead of the E/M: moving it is offered too',
      encounter: enc({
        dx: ['L57.0', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17000', modifiers: ['25'], dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'error',
          messageId: 'notEm',
          field: 'modifiers',
          suggestions: ['Move 25 to 99213', 'Remove 25 from 17000'],
        },
      ],
    },
  ],
});
