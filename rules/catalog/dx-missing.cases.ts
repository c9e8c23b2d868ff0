import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'every pointer names a diagnosis',
      encounter: enc({
        dx: ['L57.0', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    { name: 'no pointers: linked to every diagnosis', encounter: enc({ dx: ['L57.0'], lines: ['17000', '99212'] }) },
    {
      name: 'an empty pointer array: linked to every diagnosis',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [] }] }),
    },
    {
      name: 'no diagnoses on a self-pay encounter: no claim',
      encounter: enc({ payer: 'self-pay', lines: ['99213', '17110'] }),
    },
    {
      name: 'no diagnoses when every line is billed to the patient',
      encounter: enc({
        lines: [
          { code: '17110', billTo: 'patient' },
          { code: '', category: 'retail', billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'a bad pointer on a line billed to the patient',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17110', dx: [2], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'duplicate diagnoses, pointing to the second',
      encounter: enc({ dx: ['L57.0', 'L57.0'], lines: [{ code: '17000', dx: [2] }] }),
    },
    {
      name: 'an invalid diagnosis is still linked (dx-invalid speaks)',
      encounter: enc({ dx: ['L57'], lines: [{ code: '17000', dx: [1] }] }),
    },
    {
      name: 'a pointer to the last diagnosis',
      encounter: enc({ dx: ['L57.0', 'L82.1', 'D22.5', 'L40.0'], lines: [{ code: '99214', dx: [4, 1] }] }),
    },
  ],
  invalid: [
    {
      name: 'no diagnoses at all',
      encounter: enc({ payer: 'unknown', lines: ['99213'] }),
      findings: [{ line: 0, severity: 'error', messageId: 'noDiagnoses', title: 'Enter the diagnosis', field: 'dx' }],
    },
    {
      name: 'no diagnoses: every line on the claim fires, none billed to the patient',
      encounter: enc({
        lines: [
          { code: '99213', modifiers: ['25'] },
          { code: '17110', dx: [1] },
          { code: '11200', billTo: 'patient' },
        ],
      }),
      findings: [
        { line: 0, messageId: 'noDiagnoses', field: 'dx' },
        { line: 1, messageId: 'noDiagnoses', title: 'Enter the diagnosis', field: 'dx' },
      ],
    },
    {
      name: 'no diagnoses and an empty pointer array',
      encounter: enc({ lines: [{ code: '17000', dx: [] }] }),
      findings: [{ line: 0, messageId: 'noDiagnoses', field: 'dx' }],
    },
    {
      name: 'a pointer beyond the list',
      encounter: enc({
        dx: ['B07.8', 'L40.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [2] },
          { code: '17110', dx: [3] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'beyondRepoint',
          title: 'Point to a listed diagnosis',
          fixIncludes: 'Point 17110 to the diagnosis it treats (diagnosis 1 or 2)',
          field: 'dx',
        },
      ],
    },
    {
      name: 'one good pointer and one beyond the list',
      encounter: enc({ dx: ['L20.9'], lines: [{ code: '99214', dx: [1, 2] }] }),
      findings: [{ line: 0, messageId: 'beyondRemove', title: 'Remove dx pointer 2', field: 'dx' }],
    },
    {
      name: 'pointer 0',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [0] }] }),
      findings: [
        {
          line: 0,
          messageId: 'belowOneRepoint',
          title: 'Point to a listed diagnosis',
          fixIncludes: 'Point 17000 to the diagnosis it treats (diagnosis 1)',
          field: 'dx',
        },
      ],
    },
    {
      name: 'a negative pointer beside a good one',
      encounter: enc({ dx: ['L57.0', 'L82.0'], lines: [{ code: '17110', dx: [2, -1] }] }),
      findings: [{ line: 0, messageId: 'belowOneRemove', title: 'Remove dx pointer -1', field: 'dx' }],
    },
    {
      name: 'pointers below and beyond the list',
      encounter: enc({
        dx: ['L57.0', 'L82.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17110', dx: [0, 3, 3] },
        ],
      }),
      findings: [{ line: 1, messageId: 'outOfRangeRepoint', title: 'Point to a listed diagnosis', field: 'dx' }],
    },
    {
      name: 'a retail item without a code on the claim, and no diagnoses',
      encounter: enc({ lines: [{ code: '', category: 'retail' }] }),
      findings: [{ line: 0, messageId: 'noDiagnoses', title: 'Enter the diagnosis', field: 'dx' }],
    },
    {
      name: 'pointers below 1 and beyond the list beside a good one',
      encounter: enc({ dx: ['L57.0', 'L82.1'], lines: [{ code: '17000', dx: [1, 0, 5] }] }),
      findings: [{ line: 0, messageId: 'outOfRangeRemove', title: 'Remove dx pointers 0 and 5', field: 'dx' }],
    },
  ],
});
