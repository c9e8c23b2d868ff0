import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'layered closure after a malignant excision is reported separately',
      encounter: enc({
        dx: ['C44.319'],
        lines: [
          { code: '11642', dx: [1] },
          { code: '12052', dx: [1] },
        ],
      }),
    },
    {
      name: 'simple repair after Mohs (not an NCCI pair)',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '12011', dx: [1] },
        ],
      }),
    },
    {
      name: 'repair of a separate laceration with XS',
      encounter: enc({
        dx: ['D49.2', 'S61.411A'],
        lines: [
          { code: '11104', dx: [1] },
          { code: '12001', modifiers: ['XS'], dx: [2] },
        ],
      }),
    },
    {
      name: 'distinct-service modifier on the procedure line (lower case, dash)',
      encounter: enc({
        dx: ['D49.2', 'S51.811A'],
        lines: [
          { code: '11104', modifiers: ['-xs'], dx: [1] },
          { code: '12002', dx: [2] },
        ],
      }),
    },
    {
      name: 'the biopsy is billed to the patient',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', dx: [1], billTo: 'patient' },
          { code: '12001', dx: [1] },
        ],
      }),
    },
    { name: 'simple repair alone', encounter: enc({ dx: ['S01.81XA'], lines: [{ code: '12011', dx: [1] }] }) },
    {
      name: '17003 alone is not paired (add-on of the AK series)',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17003', dx: [1] },
          { code: '12001', dx: [1] },
        ],
      }),
    },
    {
      name: 'wound dehiscence repair 12020 is not a simple repair',
      encounter: enc({
        dx: ['T81.31XA', 'D49.2'],
        lines: [
          { code: '11102', dx: [2] },
          { code: '12020', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'suturing a punch-biopsy site',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11104', dx: [1] },
          { code: '12001', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'bundled',
          title: 'Repair bundled: drop or add XS',
          field: 'modifiers',
          suggestions: ['Remove 12001', 'Add XS to 12001'],
        },
      ],
    },
    {
      name: 'simple closure after a benign excision',
      encounter: enc({
        dx: ['D22.5'],
        lines: [
          { code: '12002', dx: [1] },
          { code: '11402', dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 12002', 'Add XS to 12002'] },
      ],
    },
    {
      name: 'one procedure separated, another not',
      encounter: enc({
        dx: ['D49.2', 'L57.0'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1] },
          { code: '17000', dx: [2] },
          { code: '12001', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 2,
          messageId: 'bundled',
          title: 'Repair bundled: drop or add XS',
          field: 'modifiers',
          suggestions: ['Remove 12001', 'Add XS to 12001'],
        },
      ],
    },
    {
      name: 'every unseparated simple repair fires',
      encounter: enc({
        dx: ['C44.41'],
        lines: [
          { code: '11622', dx: [1] },
          { code: '12001', dx: [1] },
          { code: '12018', dx: [1] },
          { code: '12004', modifiers: ['59'], dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 12001', 'Add XS to 12001'] },
        { line: 2, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 12018', 'Add XS to 12018'] },
      ],
    },
    {
      name: 'biopsy add-on with a repair (11103 is in the NCCI pairs)',
      encounter: enc({
        dx: ['D49.2'],
        lines: [
          { code: '11103', dx: [1] },
          { code: '12001', dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 12001', 'Add XS to 12001'] },
      ],
    },
    {
      name: 'a modifier that is not distinct-service does not separate',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17262', modifiers: ['LT'], dx: [1] },
          { code: '12001', modifiers: ['25'], dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'bundled', field: 'modifiers', suggestions: ['Remove 12001', 'Add XS to 12001'] },
      ],
    },
  ],
});
