import { defineCases, enc } from '../cases';

const AK = ['L57.0'];
const WART = ['B07.8'];
const TAG = ['L91.8', 'L29.89'];

export default defineCases({
  valid: [
    // Premalignant lesion-count boundaries: 1, 2, 14, 15.
    {
      name: '1 AK is 17000 alone',
      encounter: enc({ payer: 'medicare', dx: AK, lines: [{ code: '17000', dx: [1], lesions: 1 }] }),
    },
    {
      name: '2 AKs are 17000 + 17003 ×1',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', dx: [1], lesions: 1 },
        ],
      }),
    },
    {
      name: '14 AKs are 17000 + 17003 ×13',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 13, dx: [1], lesions: 13 },
        ],
      }),
    },
    {
      name: '15 AKs are 17004 alone',
      encounter: enc({ payer: 'medicaid', dx: AK, lines: [{ code: '17004', dx: [1], lesions: 15 }] }),
    },
    {
      name: 'lesions split over lines of the family still add up (5 AKs)',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 2, dx: [1], lesions: 2 },
          { code: '17003', units: 2, dx: [1], lesions: 2 },
        ],
      }),
    },
    // Benign boundaries: 14, 15.
    {
      name: '14 warts are 17110 alone',
      encounter: enc({ dx: WART, lines: [{ code: '17110', dx: [1], lesions: 14 }] }),
    },
    {
      name: '15 warts are 17111 alone',
      encounter: enc({ dx: WART, lines: [{ code: '17111', dx: [1], lesions: 15 }] }),
    },
    // Skin tag boundaries: 15, 16, 25, 26.
    {
      name: '15 skin tags are 11200 alone',
      encounter: enc({ payer: 'medicare-advantage', dx: TAG, lines: [{ code: '11200', dx: [1, 2], lesions: 15 }] }),
    },
    {
      name: '16 skin tags are 11200 + 11201 ×1',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2], lesions: 15 },
          { code: '11201', dx: [1, 2], lesions: 1 },
        ],
      }),
    },
    {
      name: '25 skin tags are 11200 + 11201 ×1',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2], lesions: 15 },
          { code: '11201', dx: [1, 2], lesions: 10 },
        ],
      }),
    },
    {
      name: '26 skin tags are 11200 + 11201 ×2',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2], lesions: 15 },
          { code: '11201', units: 2, dx: [1, 2], lesions: 11 },
        ],
      }),
    },
    // Silent when it cannot decide.
    {
      name: 'no lesion count anywhere: the count is not judged',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 4, dx: [1] },
        ],
      }),
    },
    {
      name: 'one line of the family lacks lesions: the count is not judged',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 3, dx: [1] },
        ],
      }),
    },
    {
      name: '17003 without 17000 is addon-without-primary, and its count is not judged',
      encounter: enc({ dx: AK, lines: [{ code: '17003', units: 3, dx: [1], lesions: 5 }] }),
    },
    {
      name: '11201 without 11200: the count is not judged',
      encounter: enc({ dx: TAG, lines: [{ code: '11201', dx: [1, 2], lesions: 30 }] }),
    },
    {
      name: 'malignant destruction is per lesion, not counted here',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17281', dx: [1], lesions: 1 },
          { code: '17281', dx: [1], lesions: 1 },
        ],
      }),
    },
    // The claim.
    {
      name: 'a patient-billed 17000 is no duplicate of the insured one',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17000', units: 3, dx: [1], lesions: 3, billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'a patient-billed 17000 is not reported with the insured 17004',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17004', dx: [1], lesions: 20 },
          { code: '17000', dx: [1], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'self-pay encounter raises nothing',
      encounter: enc({ payer: 'self-pay', dx: AK, lines: [{ code: '17000', units: 5, dx: [1], lesions: 5 }] }),
    },
    {
      name: 'odd but valid input: empty code and empty modifiers',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '', modifiers: [''] },
          { code: '17000', modifiers: [], dx: [1], lesions: 1 },
        ],
      }),
    },
  ],
  invalid: [
    // Bullet 1: units > 1, or more than one line.
    {
      name: '17000 ×5 for five AKs',
      encounter: enc({ payer: 'medicare', dx: AK, lines: [{ code: '17000', units: 5, dx: [1], lesions: 5 }] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'unitsCounted',
          title: 'Bill 17000 ×1 + 17003 ×4',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×4'],
        },
      ],
    },
    {
      name: '17000 ×2 with no lesion count',
      encounter: enc({ dx: AK, lines: [{ code: '17000', units: 2, dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'units',
          title: 'Use 17000 × 1, not × 2',
          field: 'units',
          suggestions: ['Bill 17000 ×1', 'Bill 17000 ×1 + 17003 ×1'],
        },
      ],
    },
    {
      name: '17000 on two lines, no count: on the second line',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1] },
          { code: '17000', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'repeated',
          field: null,
          suggestions: ['Remove this 17000 line', 'Change this 17000 to 17003'],
        },
      ],
    },
    {
      name: '17000 on two lines of one lesion each: second line, and the count on the first',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17000', dx: [1], lesions: 1 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×1',
          fixIncludes: 'Report 17000 ×1 and 17003 ×1 for 2 lesions',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×1'],
        },
        { line: 1, messageId: 'repeatedCounted', field: null, suggestions: ['Bill 17000 ×1 + 17003 ×1'] },
      ],
    },
    {
      name: '17110 ×3 for three warts',
      encounter: enc({ payer: 'medicaid', dx: ['B07.0'], lines: [{ code: '17110', units: 3, dx: [1], lesions: 3 }] }),
      findings: [
        { line: 0, messageId: 'unitsCounted', title: 'Bill 17110 ×1', field: 'units', suggestions: ['Bill 17110 ×1'] },
      ],
    },
    {
      name: '17111 ×2',
      encounter: enc({ dx: WART, lines: [{ code: '17111', units: 2, dx: [1] }] }),
      findings: [{ line: 0, messageId: 'units', field: 'units', suggestions: ['Bill 17111 ×1'] }],
    },
    {
      name: '17004 ×2',
      encounter: enc({ dx: AK, lines: [{ code: '17004', units: 2, dx: [1] }] }),
      findings: [{ line: 0, messageId: 'units', field: 'units', suggestions: ['Bill 17004 ×1'] }],
    },
    {
      name: '11200 ×2 (written lower case with spaces)',
      encounter: enc({ dx: TAG, lines: [{ code: ' 11200 ', units: 2, dx: [1, 2] }] }),
      findings: [{ line: 0, messageId: 'units', field: 'units', suggestions: ['Bill 11200 ×1'] }],
    },
    {
      name: '11200 on two lines',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2] },
          { code: '11200', dx: [1, 2], modifiers: ['-59'] },
        ],
      }),
      findings: [{ line: 1, messageId: 'repeated', field: null, suggestions: ['Remove this 11200 line'] }],
    },
    {
      name: 'huge units do not throw',
      encounter: enc({ dx: AK, lines: [{ code: '17000', units: 1_000_000, dx: [1], lesions: 1_000_000 }] }),
      findings: [
        { line: 0, messageId: 'unitsCounted', title: 'Bill 17004 ×1', field: 'units', suggestions: ['Bill 17004 ×1'] },
      ],
    },
    // Bullet 2: 17003 over 13 units.
    {
      name: '17003 ×14 with 17000, no count',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 14, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'addOnOver',
          title: 'Use 17004 alone for 15+',
          field: 'units',
          suggestions: ['Bill 17004 alone'],
        },
      ],
    },
    {
      name: '17003 over two lines adding up to 14: on each',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 8, dx: [1] },
          { code: '17003', units: 6, dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'addOnOver', field: 'units', suggestions: ['Bill 17004 alone'] },
        { line: 2, messageId: 'addOnOver', field: 'units', suggestions: ['Bill 17004 alone'] },
      ],
    },
    {
      name: '16 AKs as 17000 + 17003 ×15 (Medicare Advantage)',
      encounter: enc({
        payer: 'medicare-advantage',
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 15, dx: [1], lesions: 15 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17004 ×1',
          fixIncludes: 'Report 17004 alone for 16 lesions',
          field: 'units',
        },
        { line: 1, messageId: 'addOnOverCounted', field: 'units' },
      ],
    },
    // Bullet 3: 17004 with 17000 or 17003.
    {
      name: '17004 with 17000',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1] },
          { code: '17004', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'bulkWithOthers',
          title: 'Bill 17004 alone, or drop it',
          field: 'code',
          suggestions: ['Bill 17004 alone', 'Remove 17004'],
        },
      ],
    },
    {
      name: '17004 with 17003 alone',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17004', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'bulkWithOthers', field: 'code', suggestions: ['Bill 17004 alone', 'Remove 17004'] },
      ],
    },
    // Bullet 4: 17110 and 17111.
    {
      name: '17110 and 17111 both',
      encounter: enc({
        dx: WART,
        lines: [
          { code: '17110', dx: [1] },
          { code: '17111', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'bulkWithOthers',
          title: 'Bill 17111 alone, or drop it',
          field: 'code',
          suggestions: ['Bill 17111 alone', 'Remove 17111'],
        },
      ],
    },
    {
      name: '17110 and 17111 both, with counts: 17111 line and the count on the first line',
      encounter: enc({
        dx: WART,
        lines: [
          { code: '17110', dx: [1], lesions: 5 },
          { code: '17111', dx: [1], lesions: 12 },
        ],
      }),
      findings: [
        { line: 0, messageId: 'count', title: 'Bill 17111 ×1', field: 'units' },
        { line: 1, messageId: 'bulkWithOthersCounted', field: 'code' },
      ],
    },
    // Bullet 5: the documented count disagrees, at each boundary.
    {
      name: '1 AK coded 17004',
      encounter: enc({ dx: AK, lines: [{ code: '17004', dx: [1], lesions: 1 }] }),
      findings: [
        { line: 0, messageId: 'count', title: 'Bill 17000 ×1', field: 'units', suggestions: ['Bill 17000 ×1'] },
      ],
    },
    {
      name: '2 AKs coded 17000 alone',
      encounter: enc({ dx: AK, lines: [{ code: '17000', dx: [1], lesions: 2 }] }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×1',
          fixIncludes: 'Report 17000 ×1 and 17003 ×1 for 2 lesions',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×1'],
        },
      ],
    },
    {
      name: '4 AKs coded 17000 + 17003 ×2',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 2, dx: [1], lesions: 3 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×3',
          fixIncludes: 'Report 17000 ×1 and 17003 ×3 for 4 lesions',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×3'],
        },
      ],
    },
    {
      name: '8 AKs coded 17000 + 17003 ×6: the fix names the right units',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 6, dx: [1], lesions: 7 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×7',
          fixIncludes: 'Report 17000 ×1 and 17003 ×7 for 8 lesions',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×7'],
        },
      ],
    },
    {
      name: '14 AKs coded 17004',
      encounter: enc({ dx: AK, lines: [{ code: '17004', dx: [1], lesions: 14 }] }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×13',
          fixIncludes: 'Report 17000 ×1 and 17003 ×13 for 14 lesions',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×13'],
        },
      ],
    },
    {
      name: '15 AKs coded 17000 + 17003 ×14',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 14, dx: [1], lesions: 14 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17004 ×1',
          fixIncludes: 'Report 17004 alone for 15 lesions',
          field: 'units',
        },
        { line: 1, messageId: 'addOnOverCounted', field: 'units' },
      ],
    },
    {
      name: '14 warts coded 17111',
      encounter: enc({ dx: WART, lines: [{ code: '17111', dx: [1], lesions: 14 }] }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17110 ×1',
          fixIncludes: 'Report 17110 alone for 14 lesions',
          field: 'units',
          suggestions: ['Bill 17110 ×1'],
        },
      ],
    },
    {
      name: '15 warts coded 17110',
      encounter: enc({ dx: WART, lines: [{ code: '17110', dx: [1], lesions: 15 }] }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17111 ×1',
          fixIncludes: 'Report 17111 alone for 15 lesions',
          field: 'units',
          suggestions: ['Bill 17111 ×1'],
        },
      ],
    },
    {
      name: '15 skin tags coded 11200 + 11201',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2], lesions: 14 },
          { code: '11201', dx: [1, 2], lesions: 1 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 11200 ×1',
          fixIncludes: 'Report 11200 alone for 15 lesions',
          field: 'units',
        },
      ],
    },
    {
      name: '16 skin tags coded 11200 alone',
      encounter: enc({ dx: TAG, lines: [{ code: '11200', dx: [1, 2], lesions: 16 }] }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 11200 ×1 + 11201 ×1',
          fixIncludes: 'Report 11200 ×1 and 11201 ×1 for 16 lesions',
          field: 'units',
          suggestions: ['Bill 11200 ×1 + 11201 ×1'],
        },
      ],
    },
    {
      name: '25 skin tags coded 11200 + 11201 ×2',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2], lesions: 15 },
          { code: '11201', units: 2, dx: [1, 2], lesions: 10 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 11200 ×1 + 11201 ×1',
          fixIncludes: 'Report 11200 ×1 and 11201 ×1 for 25 lesions',
          field: 'units',
          suggestions: ['Bill 11200 ×1 + 11201 ×1'],
        },
      ],
    },
    {
      name: '26 skin tags coded 11200 + 11201 ×1',
      encounter: enc({
        dx: TAG,
        lines: [
          { code: '11200', dx: [1, 2], lesions: 15 },
          { code: '11201', dx: [1, 2], lesions: 11 },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 11200 ×1 + 11201 ×2',
          fixIncludes: 'Report 11200 ×1 and 11201 ×2 for 26 lesions',
          field: 'units',
          suggestions: ['Bill 11200 ×1 + 11201 ×2'],
        },
      ],
    },
    // The claim: a patient-billed line neither raises nor satisfies.
    {
      name: 'the count ignores a patient-billed 17003: 3 insured AKs coded 17000 alone',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17000', dx: [1], lesions: 3 },
          { code: '17003', units: 2, dx: [1], lesions: 2, billTo: 'patient' },
        ],
      }),
      findings: [{ line: 0, messageId: 'count', field: 'units', suggestions: ['Bill 17000 ×1 + 17003 ×2'] }],
    },
    {
      name: 'first line of the family is the first insured one',
      encounter: enc({
        dx: AK,
        lines: [
          { code: '17003', dx: [1], lesions: 1, billTo: 'patient' },
          { code: '17000', dx: [1], lesions: 2 },
        ],
      }),
      findings: [{ line: 1, messageId: 'count', field: 'units', suggestions: ['Bill 17000 ×1 + 17003 ×1'] }],
    },
  ],
});
