import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'five AKs: 17000 + 17003 x4',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 4, dx: [1] },
        ],
      }),
    },
    {
      name: 'two shave biopsies: 11102 + 11103',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', dx: [1] },
        ],
      }),
    },
    {
      name: 'tangential add-on after a punch primary',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', dx: [1] },
          { code: '11103', dx: [1] },
        ],
      }),
    },
    {
      name: 'punch add-on after an incisional primary, add-on listed first',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11105', dx: [1] },
          { code: '11106', dx: [1] },
        ],
      }),
    },
    {
      name: 'Mohs: 17311 + 17312 + 17315',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', dx: [1] },
          { code: '17315', dx: [1] },
        ],
      }),
    },
    {
      name: '17315 after the trunk Mohs primary',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17315', dx: [1] },
        ],
      }),
    },
    {
      name: 'skin tags: 11200 + 11201, codes with spaces',
      encounter: enc({
        dx: ['L91.8', 'L29.89'],
        lines: [
          { code: ' 11200', dx: [1, 2] },
          { code: '11201 ', dx: [1, 2] },
        ],
      }),
    },
    {
      name: 'the add-on is billed to the patient too',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1], billTo: 'patient' },
          { code: '17003', units: 2, dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'self-pay encounter',
      encounter: enc({ payer: 'self-pay', dx: ['L57.0'], lines: [{ code: '17003', dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: '17003 alone',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17003', units: 3, dx: [1] }] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'noPrimary',
          title: 'Add primary 17000',
          field: 'code',
          suggestions: ['Add 17000', 'Bill 17000 + 17003 ×2'],
        },
      ],
    },
    {
      name: 'a patient-paid 17000 is no primary for an insured 17003',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1], billTo: 'patient' },
          { code: '17003', units: 2, dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'noPrimary', field: 'code', suggestions: ['Add 17000', 'Bill 17000 + 17003 ×1'] },
      ],
    },
    {
      name: '11105 with only a tangential primary: the punch is the primary',
      encounter: enc({
        dx: ['D49.2', 'L43.9'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11105', dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'biopsyOutranked',
          title: 'Primary 11104; 11102 → 11103',
          field: 'code',
          suggestions: ['Add 11104', 'Change 11105 to 11104'],
        },
      ],
    },
    {
      name: '11107 needs an incisional primary; a punch primary is not enough',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', dx: [1] },
          { code: '11107', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'biopsyOutranked',
          title: 'Primary 11106; 11104 → 11105',
          field: 'code',
          suggestions: ['Add 11106', 'Change 11107 to 11106'],
        },
      ],
    },
    {
      name: '11103 with no biopsy primary at all',
      encounter: enc({ dx: ['D49.2'], lines: [{ code: '11103', units: 2, dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'noBiopsyPrimary',
          title: 'Bill the first biopsy as 11102',
          field: 'code',
          suggestions: ['Add 11102', 'Bill 11102 + 11103 ×1'],
        },
      ],
    },
    {
      name: 'Mohs add-on of the other site group: 17312 with 17313',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17312', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noPrimary', field: 'code' }],
    },
    {
      name: 'each add-on line without a primary fires',
      encounter: enc({
        dx: ['L91.8', 'L57.0'],
        lines: [
          { code: '11201', dx: [1] },
          { code: '17003', dx: [2] },
          { code: '17315', dx: [2] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'noPrimary', field: 'code', suggestions: ['Add 11200', 'Change 11201 to 11200'] },
        { line: 1, messageId: 'noPrimary', field: 'code', suggestions: ['Add 17000', 'Change 17003 to 17000'] },
        { line: 2, messageId: 'noPrimary', field: 'code' },
      ],
    },
    {
      name: 'repair and graft add-ons',
      encounter: enc({
        dx: ['C44.319'],
        lines: [
          { code: '13102', dx: [1] },
          { code: '15101', dx: [1] },
          { code: '15100', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'noPrimary', field: 'code' }],
    },
  ],
});
