import { defineCases, enc, type EncounterSketch } from '../cases';

const noted = (note: string, sketch: EncounterSketch) => ({ ...enc(sketch), note });

export default defineCases({
  valid: [
    {
      name: 'stage 1 of 8 blocks and stage 2 of 2: 17315 ×3, as billed (ex71)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: right temple\nStage 1: 8 tissue blocks. Tumor at the superior margin.\nStage 2: 2 tissue blocks. Margins clear.\nThe Mohs surgeon read all frozen sections.',
        {
          dx: ['C44.319'],
          lines: [
            { code: '17311', dx: [1], site: 'right temple' },
            { code: '17312', dx: [1], site: 'right temple' },
            { code: '17315', units: 3, dx: [1], site: 'right temple' },
          ],
        },
      ),
    },
    {
      name: 'two blocks in one stage: no 17315 due (ex57)',
      encounter: noted('Procedure: Mohs micrographic surgery\nStage 1: 2 tissue blocks.', {
        dx: ['C44.319'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '12051', dx: [1] },
        ],
      }),
    },
    {
      name: 'no stage documents its blocks (ex72)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nStage 1 was sent for frozen sections.\nStage 2 was taken from the medial edge.',
        {
          dx: ['C44.319'],
          lines: [
            { code: '17311', dx: [1] },
            { code: '17312', dx: [1] },
          ],
        },
      ),
    },
    {
      name: 'fewer stages documented than billed: not judged',
      encounter: noted('Stage 1: 8 blocks.', {
        dx: ['C44.319'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', dx: [1] },
        ],
      }),
    },
    {
      name: 'a stage with two block counts is unclear',
      encounter: noted('Stage 1: 4 blocks from the margin and 3 blocks from the base.', {
        dx: ['C44.319'],
        lines: [{ code: '17311', dx: [1] }],
      }),
    },
    {
      name: 'ordinal stages with blocks, 17315 right',
      encounter: noted('First stage: 6 blocks.\nSecond stage: 7 tissue blocks.', {
        dx: ['C44.622'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17314', dx: [1] },
          { code: '17315', units: 3, dx: [1] },
        ],
      }),
    },
    {
      name: 'no Mohs line on the claim',
      encounter: noted('Stage 1: 8 blocks.', { dx: ['C44.319'], lines: [{ code: '11642', dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: 'stage 1 of 7 blocks, stage 2 of 3, and no 17315 (ex69)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: right nasal ala\nStage 1: 7 tissue blocks. Tumor present at the deep and lateral margins.\nStage 2: 3 tissue blocks. Margins clear.\nFrozen sections were prepared, read and interpreted by the Mohs surgeon.\nRepair: left to heal by second intention',
        {
          dx: ['C44.311'],
          lines: [
            { code: '17311', dx: [1], site: 'right nasal ala' },
            { code: '17312', dx: [1], site: 'right nasal ala' },
          ],
        },
      ),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'tooFew',
          title: 'Bill 17315 ×2',
          field: null,
          suggestions: ['Bill 17315 ×2'],
        },
      ],
    },
    {
      name: 'one stage of 6 blocks billed with 17315 ×3 (ex70)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: right shin\nStage 1: 6 tissue blocks. Margins clear.\nFrozen sections were read and interpreted by the Mohs surgeon.',
        {
          dx: ['C44.722'],
          lines: [
            { code: '17313', dx: [1], site: 'right shin' },
            { code: '17315', units: 3, dx: [1], site: 'right shin' },
          ],
        },
      ),
      findings: [
        { line: 0, messageId: 'tooMany', title: 'Bill 17315 ×1', field: null, suggestions: ['Bill 17315 ×1'] },
      ],
    },
    {
      name: '17315 billed where no stage passed 5 blocks',
      encounter: noted('Stage 1: 4 blocks.', {
        dx: ['C44.319'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17315', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          messageId: 'noneDue',
          title: 'Remove 17315 (no extra blocks)',
          field: null,
          suggestions: ['Remove 17315'],
        },
      ],
    },
    {
      name: 'three stages of 17313 + 17314 ×2',
      encounter: noted('Stage 1: 6 blocks.\nStage 2: 6 blocks.\nStage 3: 6 blocks.', {
        dx: ['C44.622'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17314', units: 2, dx: [1] },
          { code: '17315', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'tooFew', title: 'Bill 17315 ×3', field: null, suggestions: ['Bill 17315 ×3'] }],
    },
  ],
});
