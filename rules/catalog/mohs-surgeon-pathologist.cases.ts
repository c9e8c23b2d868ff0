import { defineCases, enc, type EncounterSketch } from '../cases';

const noted = (note: string, sketch: EncounterSketch) => ({ ...enc(sketch), note });

export default defineCases({
  valid: [
    {
      name: 'the Mohs surgeon read the frozen sections (ex69)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nStage 1: 7 tissue blocks.\nFrozen sections were prepared, read and interpreted by the Mohs surgeon.',
        { dx: ['C44.311'], lines: [{ code: '17311', dx: [1] }] },
      ),
    },
    {
      name: 'the only pathologist sentence is negated (ex71)',
      encounter: noted('The Mohs surgeon read all frozen sections. No outside pathologist read the frozen sections.', {
        dx: ['C44.319'],
        lines: [{ code: '17311', dx: [1] }],
      }),
    },
    {
      name: "the surgeon's own attestation names both roles",
      encounter: noted('I acted as surgeon and pathologist, reading all frozen sections and margins.', {
        dx: ['C44.319'],
        lines: [{ code: '17311', dx: [1] }],
      }),
    },
    {
      name: "the referring biopsy's pathologist is not the Mohs margins' reader",
      encounter: noted('Tumor: basal cell carcinoma on biopsy read by the dermatopathologist, margins involved.', {
        dx: ['C44.319'],
        lines: [{ code: '17311', dx: [1] }],
      }),
    },
    {
      name: "a second reading beside the surgeon's own leaves it unclear",
      encounter: noted(
        'The Mohs surgeon read all frozen sections. A dermatopathologist also reviewed the margins for teaching.',
        { dx: ['C44.319'], lines: [{ code: '17311', dx: [1] }] },
      ),
    },
    {
      name: 'no Mohs line on the claim',
      encounter: noted('Frozen sections were read by the hospital pathologist.', {
        dx: ['C44.319'],
        lines: [{ code: '11642', dx: [1] }],
      }),
    },
    {
      name: 'a pathologist named without frozen sections or margins',
      encounter: noted('The pathologist was informed of the case.', {
        dx: ['C44.319'],
        lines: [{ code: '17311', dx: [1] }],
      }),
    },
  ],
  invalid: [
    {
      name: 'the hospital pathologist interpreted the frozen sections (ex72)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: left cheek\nStage 1 was sent for frozen sections, which were interpreted by the hospital pathologist; tumor was reported at the medial margin.\nStage 2 was taken from the medial edge, and the pathologist read the margins as clear.\nRepair: left to granulate',
        {
          dx: ['C44.319'],
          lines: [
            { code: '17311', dx: [1], site: 'left cheek' },
            { code: '17312', dx: [1], site: 'left cheek' },
          ],
        },
      ),
      findings: [{ line: 0, severity: 'error', messageId: 'separate', field: 'code' }],
    },
    {
      name: 'a pathologist at the hospital laboratory (ex74)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: right forearm\nFrozen sections of both stages were read by a pathologist at the hospital laboratory.',
        {
          dx: ['C44.622'],
          lines: [
            { code: '17313', dx: [1], site: 'right forearm' },
            { code: '17314', modifiers: ['59'], dx: [1], site: 'right forearm' },
          ],
        },
      ),
      findings: [{ line: 0, severity: 'error', messageId: 'separate', field: 'code' }],
    },
    {
      name: 'read everywhere: in a Frozen section section too',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nFrozen section: read by the dermatopathologist, margins clear.',
        {
          dx: ['C44.319'],
          lines: [
            { code: '88305', dx: [1] },
            { code: '17311', dx: [1] },
          ],
        },
      ),
      findings: [{ line: 1, messageId: 'separate', field: 'code' }],
    },
  ],
});
