import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'AK destroyed with 17000',
      encounter: enc({ payer: 'medicare', dx: ['L57.0'], lines: [{ code: '17000', dx: [1], lesions: 1 }] }),
    },
    {
      name: 'inflamed SK destroyed with 17110',
      encounter: enc({ dx: ['L82.0'], lines: [{ code: '17110', dx: [1] }] }),
    },
    {
      name: 'skin tags with 11200, the itch (no family) left out',
      encounter: enc({ dx: ['L91.8', 'L29.89'], lines: [{ code: '11200', dx: [1, 2] }] }),
    },
    { name: 'BCC destroyed with 17281', encounter: enc({ dx: ['C44.311'], lines: [{ code: '17281', dx: [1] }] }) },
    {
      name: 'melanoma in situ destroyed with a malignant code',
      encounter: enc({ dx: ['D03.72'], lines: [{ code: '17262', dx: [1] }] }),
    },
    {
      name: 'one of two families linked is its own',
      encounter: enc({ dx: ['L57.0', 'L82.1'], lines: [{ code: '17000', dx: [1, 2] }] }),
    },
    {
      name: 'silent when it cannot decide: only diagnoses of no family linked',
      encounter: enc({ dx: ['D48.5'], lines: [{ code: '17000', dx: [1] }] }),
    },
    {
      name: 'silent on a line with no diagnosis linked (pointer out of range)',
      encounter: enc({ dx: ['L82.1'], lines: [{ code: '17000', dx: [3] }] }),
    },
    { name: 'silent with no diagnosis at all', encounter: enc({ lines: [{ code: '17110' }] }) },
    {
      name: 'vascular lesion D18.01 is in no family',
      encounter: enc({ dx: ['D18.01'], lines: [{ code: '17000', dx: [1] }] }),
    },
    {
      name: 'patient-billed wrong-family line raises nothing',
      encounter: enc({
        dx: ['L91.8', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'dotted or dotless, lower case: l570 is L57.0',
      encounter: enc({
        dx: ['l570'],
        lines: [
          { code: '17003', dx: [1] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'inflamed SK destroyed with 17000 (Medicare)',
      encounter: enc({ payer: 'medicare', dx: ['L82.0'], lines: [{ code: '17000', dx: [1], lesions: 1 }] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'wrongFamily',
          title: 'Wrong series: recode or fix dx',
          fixIncludes: '17110/17111',
          field: 'code',
        },
      ],
    },
    {
      name: 'skin tags destroyed with 17110, bleeding left out',
      encounter: enc({ dx: ['L91.8', 'R58'], lines: [{ code: '17110', dx: [1, 2], lesions: 6 }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongFamily',
          title: 'Wrong series: recode or fix dx',
          fixIncludes: '11200/11201',
          field: 'code',
        },
      ],
    },
    {
      name: 'AK destroyed with a malignant code',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17261', dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongFamily',
          title: 'Wrong series: recode or fix dx',
          fixIncludes: '17000',
          field: 'code',
        },
      ],
    },
    {
      name: 'BCC destroyed with 17110',
      encounter: enc({ dx: ['C44.311'], lines: [{ code: '17110', dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongFamily',
          title: 'Wrong series: recode or fix dx',
          fixIncludes: '17260–17286 by site and size',
          field: 'code',
        },
      ],
    },
    {
      name: 'SK removed with 11200',
      encounter: enc({ dx: ['L82.1'], lines: [{ code: '11200', dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongFamily',
          title: 'Wrong series: recode or fix dx',
          fixIncludes: '17110/17111',
          field: 'code',
        },
      ],
    },
    {
      name: 'warts on 17003 (add-on judged too), no pointers links every diagnosis',
      encounter: enc({ dx: ['B07.8', 'L40.0'], lines: [{ code: '17000', dx: [1] }, { code: '17003' }] }),
      findings: [
        { line: 0, messageId: 'wrongFamily', field: 'code' },
        { line: 1, messageId: 'wrongFamily', field: 'code' },
      ],
    },
    {
      name: 'two other families linked: both series named',
      encounter: enc({ dx: ['L82.1', 'L91.8'], lines: [{ code: '17000', dx: [1, 2] }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongFamily',
          title: 'Wrong series: recode or fix dx',
          fixIncludes: '11200/11201',
          field: 'code',
        },
      ],
    },
    {
      name: 'only the insured line fires (commercial)',
      encounter: enc({
        dx: ['L82.1'],
        lines: [
          { code: '17000', dx: [1], billTo: 'patient' },
          { code: '17004', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'wrongFamily', field: 'code' }],
    },
    {
      name: 'Medicaid, code written with spaces and modifier with a dash',
      encounter: enc({ payer: 'medicaid', dx: ['D22.5'], lines: [{ code: ' 17000', modifiers: ['-59'], dx: [1] }] }),
      findings: [{ line: 0, messageId: 'wrongFamily', field: 'code' }],
    },
  ],
});
