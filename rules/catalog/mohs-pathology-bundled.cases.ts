import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'pathology of a separate diagnostic biopsy with 59',
      encounter: enc({
        dx: ['C44.41', 'D48.5'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '11102', modifiers: ['59'], dx: [2] },
          { code: '88305', modifiers: ['59'], dx: [2] },
        ],
      }),
    },
    {
      name: 'frozen section with xs written in lower case with a dash',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '88331', modifiers: ['-xs'], dx: [1] },
        ],
      }),
    },
    {
      name: 'pathology without Mohs',
      encounter: enc({
        dx: ['C44.319'],
        lines: [
          { code: '11642', dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
    },
    {
      name: 'Mohs without pathology',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', dx: [1] },
        ],
      }),
    },
    {
      name: 'the Mohs line is billed to the patient',
      encounter: enc({
        dx: ['C44.41'],
        lines: [
          { code: '17311', dx: [1], billTo: 'patient' },
          { code: '88305', dx: [1] },
        ],
      }),
    },
    {
      name: 'a pathology code outside the group (88312 special stain) is not judged',
      encounter: enc({
        dx: ['C44.41'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '88312', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'pathology on the Mohs specimen',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.41'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 2,
          severity: 'warning',
          messageId: 'bundled',
          title: 'Mohs path bundled: drop or 59',
          field: 'modifiers',
          suggestions: ['Remove 88305', 'Add 59 to 88305'],
        },
      ],
    },
    {
      name: 'the modifier on the Mohs line does not count',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17313', modifiers: ['59'], dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Add 59 to 88305'] }],
    },
    {
      name: 'every unseparated pathology line fires',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '88331', dx: [1] },
          { code: '88332', dx: [1] },
          { code: '17311', dx: [1] },
          { code: '88309', modifiers: ['XS'], dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 88331', 'Add 59 to 88331'] },
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 88332', 'Add 59 to 88332'] },
      ],
    },
    {
      name: 'Mohs add-on alone is Mohs too',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17315', dx: [1] },
          { code: '88300', dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 88300', 'Add 59 to 88300'] },
      ],
    },
    {
      name: 'a non-distinct modifier (26) does not separate',
      encounter: enc({
        dx: ['C44.41'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '88305', modifiers: ['26'], dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 88305', 'Add 59 to 88305'] },
      ],
    },
    {
      name: 'codes with spaces, no diagnoses',
      encounter: enc({ lines: [{ code: ' 17313' }, { code: '88304 ' }] }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 88304', 'Add 59 to 88304'] },
      ],
    },
  ],
});
