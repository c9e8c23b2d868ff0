import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'billable codes dotted, undotted and lower case',
      encounter: enc({
        dx: ['L57.0', 'C44311', 'd22.5', ' l72.11 '],
        lines: [
          { code: '17000', dx: [1] },
          { code: '99213', modifiers: ['25'], dx: [2, 3, 4] },
        ],
      }),
    },
    {
      name: 'valid codes outside dermatology: E11.9 and I10',
      encounter: enc({ dx: ['L57.0', 'E11.9', 'I10'], lines: [{ code: '17000', dx: [1, 2, 3] }] }),
    },
    {
      name: 'undotted E119 and I10, and E11.A (new in FY2026)',
      encounter: enc({ dx: ['E119', 'i10', 'E11.A'], lines: [{ code: '99213', dx: [1, 2, 3] }] }),
    },
    {
      name: 'a category the table does not ship (external cause W57) is never judged',
      encounter: enc({ dx: ['L03.113', 'W57.XXXA', 'X32.XXXA'], lines: [{ code: '99213', dx: [1, 2] }] }),
    },
    {
      name: 'seven-character codes with placeholder X and a letter in second place (QA0, FY2026)',
      encounter: enc({ dx: ['T78.3XXA', 'QA0.0101'], lines: [{ code: '99213', dx: [1, 2] }] }),
    },
    {
      name: 'the same valid diagnosis twice, dotted and not',
      encounter: enc({ dx: ['L57.0', 'L570'], lines: [{ code: '17000', dx: [1, 2] }] }),
    },
    {
      name: 'a header code on a self-pay encounter: no claim, nothing to lint',
      encounter: enc({
        payer: 'self-pay',
        dx: ['L57', 'D22'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '11300', dx: [2] },
        ],
      }),
    },
    {
      name: 'a header code when every line is billed to the patient',
      encounter: enc({ dx: ['L82'], lines: [{ code: '17110', dx: [1], billTo: 'patient' }] }),
    },
    { name: 'no diagnoses at all (dx-missing speaks)', encounter: enc({ dx: [], lines: ['99213'] }) },
  ],
  invalid: [
    {
      name: 'category header L57',
      encounter: enc({ dx: ['L57'], lines: [{ code: '99213', dx: [1] }] }),
      findings: [
        {
          line: null,
          severity: 'error',
          messageId: 'header',
          title: 'Use a full code, not L57',
          fixIncludes: 'L57.0, L57.1, L57.2 or another L57 code',
          field: 'dx',
        },
      ],
    },
    {
      name: 'subcategory C44.31 needs its 6th character',
      encounter: enc({ dx: ['C44.31'], lines: [{ code: '17311', dx: [1] }] }),
      findings: [
        {
          line: null,
          messageId: 'header',
          title: 'Use a full code, not C44.31',
          fixIncludes: 'C44.310, C44.311 or C44.319',
          field: 'dx',
        },
      ],
    },
    {
      name: 'undotted, lower-case header d22 is named in dotted upper case',
      encounter: enc({
        dx: ['L57.0', 'd22'],
        lines: [
          { code: '11400', dx: [2] },
          { code: '17000', dx: [1] },
        ],
      }),
      findings: [
        {
          line: null,
          messageId: 'header',
          title: 'Use a full code, not D22',
          fixIncludes: 'D22.0, D22.10, D22.111 or another D22 code',
          field: 'dx',
        },
      ],
    },
    {
      name: 'L72.1 needs a 5th character',
      encounter: enc({ dx: ['L72.1'], lines: [{ code: '11401', dx: [1] }] }),
      findings: [
        {
          line: null,
          messageId: 'header',
          title: 'Use a full code, not L72.1',
          fixIncludes: 'L72.11 or L72.12',
          field: 'dx',
        },
      ],
    },
    {
      name: 'a well-formed code that does not exist',
      encounter: enc({ dx: ['L57.6'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [
        { line: null, messageId: 'unknown', title: 'Not a valid code: fix L57.6', fixIncludes: 'L57.0', field: 'dx' },
      ],
    },
    {
      name: 'a billable code with a character too many',
      encounter: enc({ dx: ['L57.00'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [
        {
          line: null,
          messageId: 'unknown',
          title: 'Not a valid code: fix L57.00',
          fixIncludes: 'documents: L57.0.',
          field: 'dx',
        },
      ],
    },
    {
      name: 'malformed: no letter first',
      encounter: enc({ dx: ['57.0'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [{ line: null, messageId: 'malformed', title: 'Enter a valid ICD-10-CM code', field: 'dx' }],
    },
    {
      name: 'malformed: a letter in second place outside QA0',
      encounter: enc({ dx: ['LS7.0'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [{ line: null, messageId: 'malformed', title: 'Enter a valid ICD-10-CM code', field: 'dx' }],
    },
    {
      name: 'malformed: too long, and too short',
      encounter: enc({ dx: ['C44.31100', 'L5'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [
        { line: null, messageId: 'malformed', title: 'Enter a valid ICD-10-CM code', field: 'dx' },
        { line: null, messageId: 'malformed', field: 'dx' },
      ],
    },
    {
      name: 'duplicate header diagnoses are reported once, naming both',
      encounter: enc({ dx: ['L57', 'L57.0', 'l57'], lines: [{ code: '17000', dx: [2] }] }),
      findings: [{ line: null, messageId: 'header', title: 'Use a full code, not L57', field: 'dx' }],
    },
    {
      name: 'two different invalid diagnoses: one finding each',
      encounter: enc({ dx: ['D22', 'L82', 'L57.0'], lines: [{ code: '17110', dx: [1, 2] }] }),
      findings: [
        { line: null, messageId: 'header', title: 'Use a full code, not D22', field: 'dx' },
        { line: null, messageId: 'header', field: 'dx' },
      ],
    },
    {
      name: 'a blank diagnosis',
      encounter: enc({ dx: ['L57.0', ' '], lines: [{ code: '17000', dx: [1] }] }),
      findings: [{ line: null, messageId: 'blank', title: 'Enter or remove the blank dx', field: 'dx' }],
    },
    {
      name: 'a header code linked to no line still goes on the claim',
      encounter: enc({ dx: ['L57.0', 'E11'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [{ line: null, messageId: 'header', title: 'Use a full code, not E11', field: 'dx' }],
    },
    {
      name: 'one line billed to the patient, one to insurance',
      encounter: enc({
        payer: 'medicare',
        dx: ['L82', 'L57.0'],
        lines: [
          { code: '17110', dx: [1], billTo: 'patient' },
          { code: '17000', dx: [2] },
        ],
      }),
      findings: [{ line: null, messageId: 'header', title: 'Use a full code, not L82', field: 'dx' }],
    },
    {
      name: 'the same malformed entry twice: one finding naming both',
      encounter: enc({ dx: ['57.0', '57.0'], lines: [{ code: '17000', dx: [1] }] }),
      findings: [{ line: null, messageId: 'malformedMany', field: 'dx' }],
    },
    {
      name: 'two blank diagnoses: one finding naming both',
      encounter: enc({ dx: ['', ''], lines: [{ code: '17000', dx: [1] }] }),
      findings: [{ line: null, messageId: 'blankMany', field: 'dx' }],
    },
  ],
});
