import { defineCases, enc, type EncounterSketch } from '../cases';

const noted = (note: string, sketch: EncounterSketch) => ({ ...enc(sketch), note });

export default defineCases({
  valid: [
    {
      name: 'the narrowest margin counts: 1.2 + 2 × 0.3 = 1.8 cm is 11642 (ex59)',
      encounter: noted(
        'Procedure: Excision of basal cell carcinoma\nLocation: left cheek\nLesion measuring 1.2 x 0.9 cm.\nTechnique: elliptical excision with margins of 3 mm inferiorly and 5 mm margins elsewhere\nClosure: layered closure; repair length 3.4 cm',
        {
          dx: ['C44.319'],
          lines: [
            { code: '11642', dx: [1], site: 'left cheek' },
            { code: '12052', dx: [1], site: 'left cheek' },
          ],
        },
      ),
    },
    {
      name: 'no margin stated and the code is not smaller than the lesion (ex64)',
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: left flank\nLesion measuring 1.5 x 1.1 cm.\nClosure: 3-0 nylon simple interrupted sutures',
        { dx: ['D48.5'], lines: [{ code: '11403', dx: [1], site: 'left flank' }] },
      ),
    },
    {
      name: "a line with sizeCm is size-code-mismatch's",
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: left flank\nLesion measuring 1.4 cm, excised with 0.4 cm margins.',
        { dx: ['D48.5'], lines: [{ code: '11402', dx: [1], site: 'left flank', sizeCm: 2.0 }] },
      ),
    },
    {
      name: 'two sizes that disagree leave it unclear',
      encounter: noted(
        'Procedure: Shave removal\nLocation: left arm\nLesion measuring 0.4 cm.\nThe lesion measured 1.4 cm on dermoscopy.',
        { dx: ['L82.0'], lines: [{ code: '11301', dx: [1], site: 'left arm' }] },
      ),
    },
    {
      name: 'a range straddling two steps is unclear',
      encounter: noted('Procedure: Shave removal\nLocation: left arm\nLesion size 8-12 mm.', {
        dx: ['L82.0'],
        lines: [{ code: '11301', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'a range inside one step agrees',
      encounter: noted('Procedure: Shave removal\nLocation: left arm\nLesion size 6 to 9 mm.', {
        dx: ['L82.0'],
        lines: [{ code: '11301', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'the excised diameter stated agrees',
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: right thigh\nLesion measuring 0.6 cm.\nExcised diameter: 1.8 cm',
        { dx: ['D48.5'], lines: [{ code: '11402', dx: [1], site: 'right thigh' }] },
      ),
    },
    {
      name: 'margins in a Margins field',
      encounter: noted('Procedure: Elliptical excision\nLocation: left calf\nLesion size: 1.0 cm\nMargins: 2 mm', {
        dx: ['C44.719'],
        lines: [{ code: '11602', dx: [1], site: 'left calf' }],
      }),
    },
    {
      name: 'a shave of the size the code says (mm written out)',
      encounter: noted('Procedure: Shave removal\nLocation: right upper arm\nThe lesion measured 9 x 6 mm.', {
        dx: ['L82.0'],
        lines: [{ code: '11301', dx: [1], site: 'right upper arm' }],
      }),
    },
    {
      name: 'a decimal comma is ambiguous',
      encounter: noted('Procedure: Shave removal\nLocation: right upper arm\nThe lesion measured 1,3 cm.', {
        dx: ['L82.0'],
        lines: [{ code: '11301', dx: [1], site: 'right upper arm' }],
      }),
    },
    {
      name: 'a size in a past sentence is not read',
      encounter: noted('Procedure: Shave removal\nLocation: right upper arm\nLast year the lesion measured 1.5 cm.', {
        dx: ['L82.0'],
        lines: [{ code: '11301', dx: [1], site: 'right upper arm' }],
      }),
    },
    {
      name: 'a repair length, a defect or a punch is not the lesion',
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: right cheek\nLesion measuring 0.4 cm; final defect 2.6 cm; repair length 3.5 cm',
        { dx: ['D48.5'], lines: [{ code: '11440', dx: [1], site: 'right cheek' }] },
      ),
    },
    {
      name: 'a specimen measurement is not the lesion (an ellipse is three times longer)',
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: left thigh\nLesion measuring 1.0 cm, excised with 2 mm margins.\nThe specimen measured 3.2 x 1.1 x 0.5 cm and was sent to dermatopathology.',
        { dx: ['D48.5'], lines: [{ code: '11402', dx: [1], site: 'left thigh' }] },
      ),
    },
    {
      name: 'another technique documented for the line: the size step means nothing here',
      encounter: noted('Procedure: Shave removal\nLocation: left arm\nLesion measuring 1.4 cm.', {
        dx: ['D48.5'],
        lines: [{ code: '11401', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'one block for two excision lines speaks for neither',
      encounter: noted('Elliptical excisions of the left arm and the right arm lesions, each measuring 1.5 cm.', {
        dx: ['D48.5'],
        lines: [
          { code: '11401', dx: [1], site: 'left arm' },
          { code: '11401', dx: [1], site: 'right arm' },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'lesion 1.4 cm + 2 × 0.4 cm margins = 2.2 cm is 11603, not 11602 (ex61)',
      encounter: noted(
        'Procedure: Excision of basal cell carcinoma\nLocation: left upper back\nLesion measuring 1.4 x 1.0 cm.\nTechnique: elliptical excision with 0.4 cm margins, carried into the subcutaneous fat\nClosure: 3-0 nylon simple interrupted sutures',
        { dx: ['C44.519'], lines: [{ code: '11602', dx: [1], site: 'left upper back' }] },
      ),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'withMargins',
          title: 'Note size: use 11603',
          field: 'code',
          suggestions: ['Change 11602 to 11603'],
        },
      ],
    },
    {
      name: 'a 1.3 cm shave is 11302, not 11301 (ex62)',
      encounter: noted(
        'Procedure: Shave removal\nLocation: right upper arm\nThe lesion measured 1.3 x 0.9 cm.\nTechnique: removed flush with the skin using a flexible blade',
        { dx: ['L82.0'], lines: [{ code: '11301', dx: [1], site: 'right upper arm' }] },
      ),
      findings: [
        {
          line: 0,
          messageId: 'shave',
          title: 'Note size: use 11302',
          field: 'code',
          suggestions: ['Change 11301 to 11302'],
        },
      ],
    },
    {
      name: "no margin stated, the code below the lesion's own step (ex63)",
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: right cheek\nLesion measuring 1.3 cm in diameter.\nClosure: layered closure; repair length 2.4 cm',
        {
          dx: ['D48.5'],
          lines: [
            { code: '11441', dx: [1], site: 'right cheek' },
            { code: '12051', dx: [1], site: 'right cheek' },
          ],
        },
      ),
      findings: [{ line: 0, messageId: 'atLeast', title: 'Note size: 11442 or larger', field: 'code' }],
    },
    {
      name: 'the excised diameter stated',
      encounter: noted('Procedure: Elliptical excision\nLocation: right thigh\nExcised diameter of 2.4 cm.', {
        dx: ['D48.5'],
        lines: [{ code: '11402', dx: [1], site: 'right thigh' }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'excised',
          title: 'Note size: use 11403',
          field: 'code',
          suggestions: ['Change 11402 to 11403'],
        },
      ],
    },
    {
      name: 'a code too large for lesion plus margins',
      encounter: noted(
        'Procedure: Elliptical excision\nLocation: left thigh\nLesion measuring 10 mm, excised with 2 mm margins.',
        { dx: ['D48.5'], lines: [{ code: '11404', dx: [1], site: 'left thigh' }] },
      ),
      findings: [
        {
          line: 0,
          messageId: 'withMargins',
          title: 'Note size: use 11402',
          field: 'code',
          suggestions: ['Change 11404 to 11402'],
        },
      ],
    },
    {
      name: 'a shave code too large for the lesion',
      encounter: noted('Procedure: Shave removal\nLocation: left neck\nLesion size: 4 mm', {
        dx: ['L82.0'],
        lines: [{ code: '11308', dx: [1], site: 'left neck' }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'shave',
          title: 'Note size: use 11305',
          field: 'code',
          suggestions: ['Change 11308 to 11305'],
        },
      ],
    },
    {
      name: 'a block naming no site ties to the only excision line',
      encounter: noted('Lesion measuring 1.8 cm, excised with 0.5 cm margins.', {
        dx: ['C44.519'],
        lines: [{ code: '11602', dx: [1], site: 'left back' }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'withMargins',
          title: 'Note size: use 11603',
          field: 'code',
          suggestions: ['Change 11602 to 11603'],
        },
      ],
    },
  ],
});
