import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    { name: 'one tangential biopsy', encounter: enc({ dx: ['D49.2'], lines: [{ code: '11102', dx: [1] }] }) },
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
      name: 'incisional primary, punch and tangential add-ons',
      encounter: enc({
        dx: ['L94.0'],
        lines: [
          { code: '11106', dx: [1] },
          { code: '11105', units: 2, dx: [1] },
          { code: '11103', dx: [1] },
        ],
      }),
    },
    {
      name: 'punch primary with tangential add-ons x3',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11103', units: 3, dx: [1] },
          { code: '11104', dx: [1] },
        ],
      }),
    },
    {
      name: 'a second primary billed to the patient is not on the claim',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11104', dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'self-pay encounter with three primaries',
      encounter: enc({ payer: 'self-pay', dx: ['D49.2'], lines: ['11102', '11104', '11106'] }),
    },
    {
      name: 'a single primary with units written explicitly as 1',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11106', units: 1, dx: [1] },
          { code: '11107', units: 2, dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'punch and incisional: the punch becomes 11105',
      encounter: enc({
        payer: 'medicare',
        dx: ['L94.0', 'L30.9'],
        lines: [
          { code: '11104', dx: [2] },
          { code: '11106', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'notPrimary',
          title: 'Use 11105, not 11104',
          field: 'code',
          suggestions: ['Change 11104 to 11105'],
        },
      ],
    },
    {
      name: 'three shave biopsies as 11102 x3',
      encounter: enc({ dx: ['D49.2'], lines: [{ code: '11102', units: 3, dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'repeatedPrimary',
          title: '11102 ×1 + 11103 ×2',
          field: 'units',
          suggestions: ['11102 ×1 + 11103 ×2'],
        },
      ],
    },
    {
      name: 'two 11102 lines: the second is the add-on',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11102', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'notPrimary',
          title: 'Use 11103, not 11102',
          field: 'code',
          suggestions: ['Change 11102 to 11103'],
        },
      ],
    },
    {
      name: 'tangential, punch, incisional: only the incisional stays primary',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11104', dx: [1] },
          { code: '11106', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'notPrimary',
          title: 'Use 11103, not 11102',
          field: 'code',
          suggestions: ['Change 11102 to 11103'],
        },
        {
          line: 1,
          messageId: 'notPrimary',
          title: 'Use 11105, not 11104',
          field: 'code',
          suggestions: ['Change 11104 to 11105'],
        },
      ],
    },
    {
      name: 'highest code repeated on a later line, and with units on the first',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', units: 2, dx: [1] },
          { code: '11102', dx: [1] },
          { code: '11104', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'repeatedPrimary',
          title: '11104 ×1 + 11105 ×1',
          field: 'units',
          suggestions: ['11104 ×1 + 11105 ×1'],
        },
        { line: 1, messageId: 'notPrimary', field: 'code', suggestions: ['Change 11102 to 11103'] },
        {
          line: 2,
          messageId: 'notPrimary',
          title: 'Use 11105, not 11104',
          field: 'code',
          suggestions: ['Change 11104 to 11105'],
        },
      ],
    },
    {
      name: 'lower-ranked line with units: every unit becomes an add-on',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11106', dx: [1] },
          { code: '11102', units: 2, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'notPrimary',
          title: 'Use 11103, not 11102',
          field: 'code',
          suggestions: ['Change 11102 to 11103'],
        },
      ],
    },
    {
      name: 'the kept primary is on the claim although a higher technique is billed to the patient',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11106', dx: [1], billTo: 'patient' },
          { code: '11102', dx: [1] },
          { code: '11104', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'notPrimary', field: 'code', suggestions: ['Change 11102 to 11103'] }],
    },
    {
      name: 'codes with spaces, no diagnoses entered',
      encounter: enc({ lines: [{ code: ' 11104 ' }, { code: '11104' }] }),
      findings: [{ line: 1, messageId: 'notPrimary', field: 'code', suggestions: ['Change 11104 to 11105'] }],
    },
    {
      name: 'first highest line carries a modifier: still the one kept',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', modifiers: ['-xs'], dx: [1] },
          { code: '11104', modifiers: ['59'], dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'notPrimary', field: 'code', suggestions: ['Change 11104 to 11105'] }],
    },
  ],
});
