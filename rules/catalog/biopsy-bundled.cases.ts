import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'biopsy of a separate lesion with XS',
      encounter: enc({
        dx: ['L57.0', 'D49.2'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
          { code: '11102', modifiers: ['XS'], dx: [2] },
        ],
      }),
    },
    {
      name: 'the modifier on the removal line separates the pair too (-59, written with a dash)',
      encounter: enc({
        dx: ['L57.0', 'D49.2'],
        lines: [
          { code: '17000', modifiers: ['-59'], dx: [1] },
          { code: '11104', dx: [2] },
        ],
      }),
    },
    {
      name: 'lower-case xs on the biopsy',
      encounter: enc({
        dx: ['L82.0', 'D48.5'],
        lines: [
          { code: '11301', dx: [1] },
          { code: '11102', modifiers: ['xs'], dx: [2] },
        ],
      }),
    },
    {
      name: 'biopsies alone',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '11103', dx: [1] },
        ],
      }),
    },
    {
      name: 'the removal is billed to the patient',
      encounter: enc({
        dx: ['L82.1', 'D49.2'],
        lines: [
          { code: '17110', dx: [1], billTo: 'patient' },
          { code: '11102', dx: [2] },
        ],
      }),
    },
    {
      name: 'add-on codes on either side are not judged',
      encounter: enc({
        dx: ['L57.0', 'D49.2'],
        lines: [
          { code: '17003', units: 2, dx: [1] },
          { code: '11103', dx: [2] },
        ],
      }),
    },
    {
      name: 'every removal line carries XS',
      encounter: enc({
        dx: ['C44.319', 'D49.2'],
        lines: [
          { code: '11642', modifiers: ['XS'], dx: [1] },
          { code: '17000', modifiers: ['XS'], dx: [1] },
          { code: '11104', dx: [2] },
        ],
      }),
    },
    {
      name: 'biopsy with a repair only (repair-bundled speaks)',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', dx: [1] },
          { code: '12001', dx: [1] },
        ],
      }),
    },
    {
      name: 'a modifier that is not distinct-service does not matter when nothing is paired',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11106', modifiers: ['RT'], dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'biopsy beside an AK destruction, no modifier',
      encounter: enc({
        dx: ['L57.0', 'D49.2'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '11102', dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'bundled',
          title: 'Biopsy bundled: add XS or drop',
          field: 'modifiers',
          suggestions: ['Add XS to 11102', 'Remove 11102'],
        },
      ],
    },
    {
      name: 'one removal separated, another not',
      encounter: enc({
        dx: ['L57.0', 'L82.0', 'D49.2'],
        lines: [
          { code: '17000', modifiers: ['XS'], dx: [1] },
          { code: '11300', dx: [2] },
          { code: '11104', dx: [3] },
        ],
      }),
      findings: [
        {
          line: 2,
          messageId: 'bundled',
          title: 'Biopsy bundled: add XS or drop',
          field: 'modifiers',
          suggestions: ['Add XS to 11104', 'Remove 11104'],
        },
      ],
    },
    {
      name: 'each unseparated biopsy primary fires; the one with XS does not',
      encounter: enc({
        dx: ['C44.41', 'D49.2'],
        lines: [
          { code: '11622', dx: [1] },
          { code: '11102', dx: [2] },
          { code: '11104', modifiers: ['XS'], dx: [2] },
          { code: '11106', dx: [2] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Add XS to 11102', 'Remove 11102'] },
        { line: 3, messageId: 'bundled', field: 'modifiers', suggestions: ['Add XS to 11106', 'Remove 11106'] },
      ],
    },
    {
      name: 'biopsy before Mohs',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '17311', dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'bundled', field: 'modifiers', suggestions: ['Add XS to 11102', 'Remove 11102'] },
      ],
    },
    {
      name: 'malignant destruction and a skin-tag removal',
      encounter: enc({
        dx: ['C44.519', 'L91.8', 'D49.2'],
        lines: [
          { code: '17262', dx: [1] },
          { code: '11200', dx: [2] },
          { code: '11106', dx: [3] },
        ],
      }),
      findings: [
        {
          line: 2,
          messageId: 'bundled',
          title: 'Biopsy bundled: add XS or drop',
          field: 'modifiers',
          suggestions: ['Add XS to 11106', 'Remove 11106'],
        },
      ],
    },
    {
      name: 'a non-distinct modifier (25, RT) does not separate',
      encounter: enc({
        dx: ['L82.0', 'D49.2'],
        lines: [
          { code: '17110', modifiers: ['RT'], dx: [1] },
          { code: '11102', modifiers: ['25'], dx: [2] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Add XS to 11102', 'Remove 11102'] },
      ],
    },
    {
      name: 'a patient-billed XS removal does not separate the insured one',
      encounter: enc({
        dx: ['L82.0', 'D49.2'],
        lines: [
          { code: '11400', dx: [1] },
          { code: '11401', modifiers: ['XS'], dx: [1], billTo: 'patient' },
          { code: '11102', dx: [2] },
        ],
      }),
      findings: [
        { line: 2, messageId: 'bundled', field: 'modifiers', suggestions: ['Add XS to 11102', 'Remove 11102'] },
      ],
    },
  ],
});
