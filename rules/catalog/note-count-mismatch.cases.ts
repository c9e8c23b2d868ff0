import { defineCases, enc, type EncounterSketch } from '../cases';

const noted = (note: string, sketch: EncounterSketch) => ({ ...enc(sketch), note });

export default defineCases({
  valid: [
    {
      name: 'five AKs are 17000 + 17003 ×4, as billed (ex73)',
      encounter: noted(
        'Procedure: Cryotherapy\nFive actinic keratoses on the right forearm were treated with liquid nitrogen.',
        {
          dx: ['L57.0'],
          lines: [
            { code: '17000', dx: [1], site: 'right forearm' },
            { code: '17003', units: 4, dx: [1], site: 'right forearm' },
          ],
        },
      ),
    },
    {
      name: 'warts and AKs counted apart, both right (ex91)',
      encounter: noted(
        'Procedure 1: Cryotherapy\nLocation: right hand\nTechnique: Four common warts were treated with liquid nitrogen.\nProcedure 2: Cryotherapy\nLocation: forehead\nTechnique: Three actinic keratoses were treated with liquid nitrogen.',
        {
          dx: ['B07.8', 'L57.0'],
          lines: [
            { code: '17110', dx: [1], site: 'right hand' },
            { code: '17000', modifiers: ['XS'], dx: [2], site: 'forehead' },
            { code: '17003', modifiers: ['XS'], units: 2, dx: [2], site: 'forehead' },
          ],
        },
      ),
    },
    {
      name: "lines that carry lesions are destruction-series'",
      encounter: noted('Six AKs treated with liquid nitrogen.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1], lesions: 1 },
          { code: '17003', units: 3, dx: [1], lesions: 3 },
        ],
      }),
    },
    {
      name: 'another number in the sentence leaves the count unclear',
      encounter: noted('6 AKs on the face and 3 on the scalp were treated with liquid nitrogen.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
        ],
      }),
    },
    {
      name: 'several leaves the count unclear',
      encounter: noted('Eight AKs on the face and several on the scalp were treated with liquid nitrogen.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
        ],
      }),
    },
    {
      name: 'two counts for one family',
      encounter: noted('Six AKs on the face were treated with LN2.\nFour AKs on the scalp were treated with LN2.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
        ],
      }),
    },
    {
      name: 'lesions with two families on the claim, and a planned count (ex67)',
      encounter: noted(
        'Procedure: Destruction of inflamed seborrheic keratoses and removal of bleeding skin tags\nA total of 16 lesions on the left upper back and left neck were treated with liquid nitrogen.\nTwenty seborrheic keratoses on the trunk will be treated with liquid nitrogen at a later visit.',
        {
          dx: ['L82.0', 'L91.8', 'R58'],
          lines: [
            { code: '17110', dx: [1], site: 'left upper back' },
            { code: '11200', modifiers: ['XS'], dx: [2, 3], site: 'left neck' },
          ],
        },
      ),
    },
    {
      name: 'lesions beside a malignant destruction count for no family',
      encounter: noted('Eight lesions were treated with liquid nitrogen.', {
        dx: ['L57.0', 'C44.41'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17262', dx: [2] },
        ],
      }),
    },
    {
      name: 'a count in a sentence without a destruction phrase',
      encounter: noted('Six AKs were noted on the scalp. Cryotherapy was applied.', {
        dx: ['L57.0'],
        lines: [{ code: '17000', dx: [1] }],
      }),
    },
    {
      name: 'an add-on without its primary is not counted (addon-without-primary speaks)',
      encounter: noted('Six AKs treated with LN2.', { dx: ['L57.0'], lines: [{ code: '17003', units: 2, dx: [1] }] }),
    },
    {
      name: 'fifteen AKs on 17004',
      encounter: noted('Fifteen AKs were treated with cryotherapy.', {
        dx: ['L57.0'],
        lines: [{ code: '17004', dx: [1] }],
      }),
    },
    {
      name: 'cycles and seconds are no counts',
      encounter: noted('Six AKs treated with LN2, two freeze-thaw cycles of 10 seconds each.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 5, dx: [1] },
        ],
      }),
    },
    {
      name: 'a measurement is no count: a 6 mm AK is one AK',
      encounter: noted('A 6 mm AK on the nose was treated with liquid nitrogen.', {
        dx: ['L57.0'],
        lines: [{ code: '17000', dx: [1] }],
      }),
    },
    {
      name: "the label's own number is no count",
      encounter: noted('Procedure 2: 3 warts treated with cryotherapy.', {
        dx: ['B07.8'],
        lines: [{ code: '17110', dx: [1] }],
      }),
    },
    {
      name: 'twelve skin tags snipped: 11200',
      encounter: noted('Twelve skin tags were snipped.', { dx: ['L91.8'], lines: [{ code: '11200', dx: [1] }] }),
    },
    {
      name: 'a negated count is not read',
      encounter: noted('No 6 AKs were treated today with LN2; one AK treated.', {
        dx: ['L57.0'],
        lines: [{ code: '17000', dx: [1] }],
      }),
    },
  ],
  invalid: [
    {
      name: 'six AKs billed as 17000 + 17003 ×3 (ex65)',
      encounter: noted(
        'Procedure: Destruction of premalignant lesions\nSix actinic keratoses on the scalp were treated with liquid nitrogen.\nEach lesion received two freeze-thaw cycles.',
        {
          dx: ['L21.9', 'L57.0'],
          lines: [
            { code: '99213', modifiers: ['25'], dx: [1] },
            { code: '17000', dx: [2], site: 'scalp' },
            { code: '17003', units: 3, dx: [2], site: 'scalp' },
          ],
        },
      ),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×5',
          fixIncludes: 'Report 17000 ×1 and 17003 ×5 for 6 actinic keratoses.',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×5'],
        },
      ],
    },
    {
      name: 'sixteen verrucae are 17111, not 17110 (ex66)',
      encounter: noted(
        'Procedure: Destruction of benign lesions\nCryotherapy with liquid nitrogen was applied to 16 verrucae on the dorsal hands and fingers.',
        { dx: ['B07.8'], lines: [{ code: '17110', dx: [1], site: 'bilateral hands' }] },
      ),
      findings: [
        { line: 0, messageId: 'count', title: 'Bill 17111 ×1', field: 'units', suggestions: ['Bill 17111 ×1'] },
      ],
    },
    {
      name: 'twenty skin tags removed are 11200 + 11201 ×1',
      encounter: noted('Twenty skin tags were removed by snip excision.', {
        dx: ['L91.8'],
        lines: [{ code: '11200', dx: [1] }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 11200 ×1 + 11201 ×1',
          field: 'units',
          suggestions: ['Bill 11200 ×1 + 11201 ×1'],
        },
      ],
    },
    {
      name: 'lesions count for the only family on the claim',
      encounter: noted('Eight lesions were treated with liquid nitrogen.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 3, dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'count',
          title: 'Bill 17000 ×1 + 17003 ×7',
          field: 'units',
          suggestions: ['Bill 17000 ×1 + 17003 ×7'],
        },
      ],
    },
    {
      name: 'fifteen AKs are 17004 alone',
      encounter: noted('15 AKs on the scalp and face were treated with cryotherapy.', {
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 13, dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'count', title: 'Bill 17004 ×1', field: 'units', suggestions: ['Bill 17004 ×1'] },
      ],
    },
    {
      name: "the family's first line carries it, after other lines",
      encounter: noted('Three SKs treated with cryotherapy.', {
        dx: ['L82.0', 'L57.0'],
        lines: [
          { code: '17000', dx: [2] },
          { code: '17111', dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'count', title: 'Bill 17110 ×1', field: 'units', suggestions: ['Bill 17110 ×1'] },
      ],
    },
  ],
});
