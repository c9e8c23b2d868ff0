import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'BCC excised with the malignant code',
      encounter: enc({ dx: ['C44.319'], lines: [{ code: '11642', dx: [1], sizeCm: 1.6 }] }),
    },
    {
      name: 'melanoma in situ counts as malignant',
      encounter: enc({ dx: ['D03.72'], lines: [{ code: '11603', dx: [1] }] }),
    },
    {
      name: 'nevus excised with the benign code',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11402', dx: [1] }] }),
    },
    {
      name: 'malignant code with a cancer among several linked diagnoses, dotless',
      encounter: enc({ dx: ['L98.9', 'C44619'], lines: [{ code: '11622', dx: [1, 2] }] }),
    },
    {
      name: 'vermilion lip SCC (C00.0, outside C44) excised with the malignant face code',
      encounter: enc({ dx: ['C00.0'], lines: [{ code: '11641', dx: [1] }] }),
    },
    {
      name: 'penile SCC in situ (D07.4, outside D04) excised with the malignant genitalia code',
      encounter: enc({ dx: ['D07.4'], lines: [{ code: '11621', dx: [1] }] }),
    },
    {
      name: 'cancer on another line only; the benign line has its own benign diagnosis',
      encounter: enc({
        dx: ['C44.519', 'D22.5'],
        lines: [
          { code: '11602', dx: [1] },
          { code: '11401', dx: [2] },
        ],
      }),
    },
    {
      name: 'no diagnosis linked: dx-missing speaks',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11602', dx: [4] }] }),
    },
    {
      name: 'wrong family billed to the patient',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11602', dx: [1], billTo: 'patient' }] }),
    },
    {
      name: 'Mohs and destruction are not excisions',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17262', dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: 'SCC excised with the benign code',
      encounter: enc({ dx: ['C44.529'], lines: [{ code: '11402', dx: [1], site: 'right flank', sizeCm: 1.8 }] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'benignForCancer',
          title: 'Use 11602 (malignant)',
          field: 'code',
          suggestions: ['Change 11402 to 11602'],
        },
      ],
    },
    {
      name: 'nevus excised with the malignant code',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11603', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'malignantWithoutCancer', title: 'Use 11403 if path is benign', field: 'code' }],
    },
    {
      name: 'uncertain behavior is not malignant: code after the pathology',
      encounter: enc({ dx: ['D48.5'], lines: [{ code: '11641', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'malignantWithoutCancer', title: 'Use 11441 if path is benign', field: 'code' }],
    },
    {
      name: 'carcinoma in situ with the benign code',
      encounter: enc({ dx: ['D04.5'], lines: [{ code: '11406', dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'benignForCancer',
          title: 'Use 11606 (malignant)',
          field: 'code',
          suggestions: ['Change 11406 to 11606'],
        },
      ],
    },
    {
      name: 'pointerless benign excision on an encounter with a cancer diagnosis',
      encounter: enc({ dx: ['D22.5', 'C43.59'], lines: ['11401'] }),
      findings: [
        {
          line: 0,
          messageId: 'benignForCancer',
          title: 'Use 11601 (malignant)',
          field: 'code',
          suggestions: ['Change 11401 to 11601'],
        },
      ],
    },
    {
      name: 'vermilion lip SCC with the benign code',
      encounter: enc({ dx: ['C00.1'], lines: [{ code: '11441', dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'benignForCancer',
          title: 'Use 11641 (malignant)',
          field: 'code',
          suggestions: ['Change 11441 to 11641'],
        },
      ],
    },
    {
      name: 'only the wrong lines fire; code with spaces',
      encounter: enc({
        dx: ['C44.41', 'L72.0'],
        lines: [
          { code: ' 11622 ', dx: [1] },
          { code: '11422', dx: [1] },
          { code: '11620', dx: [2] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'benignForCancer', field: 'code', suggestions: ['Change 11422 to 11622'] },
        { line: 2, messageId: 'malignantWithoutCancer', field: 'code' },
      ],
    },
    {
      name: 'a code of the benign range no site and size names (11405) with a cancer: no counterpart to offer',
      encounter: enc({ dx: ['C44.319'], lines: [{ code: '11405', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'benignForCancerNoCounterpart', field: 'code' }],
    },
    {
      name: 'a code of the malignant range no site and size names (11605) without a cancer',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11605', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'malignantWithoutCancerNoCounterpart', field: 'code' }],
    },
  ],
});
