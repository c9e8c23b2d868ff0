import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'one biopsy primary and add-ons, one unit per lesion',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', lesions: 1, dx: [1] },
          { code: '11103', units: 2, lesions: 2, dx: [1] },
        ],
      }),
    },
    {
      name: 'two shaves, each on its own line',
      encounter: enc({
        dx: ['L82.0'],
        lines: [
          { code: '11301', lesions: 1, sizeCm: 0.8, dx: [1] },
          { code: '11300', lesions: 1, sizeCm: 0.4, dx: [1] },
        ],
      }),
    },
    { name: 'no lesion count: not judged', encounter: enc({ dx: ['D48.5'], lines: [{ code: '11102', dx: [1] }] }) },
    {
      name: 'one excision removing several lesions is one excision',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11403', lesions: 3, sizeCm: 2.5, dx: [1] }] }),
    },
    {
      name: 'AK and wart destruction count lesions in their codes, not here',
      encounter: enc({
        dx: ['L57.0', 'B07.8'],
        lines: [
          { code: '17000', lesions: 1, dx: [1] },
          { code: '17003', units: 2, lesions: 3, dx: [1] },
          { code: '17110', lesions: 6, dx: [2] },
        ],
      }),
    },
    {
      name: 'lumped line billed to the patient',
      encounter: enc({ dx: ['L82.1'], lines: [{ code: '11300', lesions: 3, dx: [1], billTo: 'patient' }] }),
    },
    {
      name: "fewer lesions than units is another rule's business",
      encounter: enc({ dx: ['C44.519'], lines: [{ code: '17262', units: 2, lesions: 1, dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: 'three tangential biopsies entered as one 11102',
      encounter: enc({ dx: ['D48.5'], lines: [{ code: '11102', units: 1, lesions: 3, dx: [1] }] }),
      findings: [
        { line: 0, severity: 'error', messageId: 'biopsyPrimary', title: '11102 ×1 + 11103 ×2', field: 'units' },
      ],
    },
    {
      name: 'biopsy add-on with fewer units than lesions',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11104', dx: [1] },
          { code: '11105', lesions: 3, dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'biopsyAddon', title: 'Bill 11105 ×3', field: 'units', suggestions: ['Bill 11105 ×3'] },
      ],
    },
    {
      name: 'two shaved lesions on one line',
      encounter: enc({ dx: ['L82.0'], lines: [{ code: '11306', lesions: 2, sizeCm: 0.7, dx: [1] }] }),
      findings: [{ line: 0, messageId: 'bySiteAndSize', field: 'units' }],
    },
    {
      name: 'malignant destruction of three lesions on 2 units',
      encounter: enc({ dx: ['C44.519'], lines: [{ code: '17262', units: 2, lesions: 3, dx: [1] }] }),
      findings: [{ line: 0, messageId: 'bySiteAndSize', field: 'units' }],
    },
    {
      name: 'only the lumped line fires; code with spaces',
      encounter: enc({
        dx: ['C44.311', 'L82.0'],
        lines: [
          { code: ' 17281 ', lesions: 2, dx: [1] },
          { code: '11310', lesions: 1, dx: [2] },
          { code: '11311', lesions: 2, units: 2, dx: [2] },
        ],
      }),
      findings: [{ line: 0, messageId: 'bySiteAndSize', field: 'units' }],
    },
    {
      name: 'no diagnoses entered: lumping is still visible',
      encounter: enc({ lines: [{ code: '11106', lesions: 2 }] }),
      findings: [{ line: 0, messageId: 'biopsyPrimary', title: '11106 ×1 + 11107 ×1', field: 'units' }],
    },
  ],
});
