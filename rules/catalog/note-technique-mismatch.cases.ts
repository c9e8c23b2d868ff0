import { defineCases, enc, type EncounterSketch } from '../cases';

const noted = (note: string, sketch: EncounterSketch) => ({ ...enc(sketch), note });

const PUNCH_NOTE =
  'Procedure: Punch biopsy\nLocation: left upper back\nIndication: changing pigmented papule, rule out dysplastic nevus\nAnesthesia: 1% lidocaine with epinephrine\nTechnique: after alcohol prep, a 4 mm punch was used to take a full-thickness cylinder of skin\nClosure: one 4-0 nylon simple interrupted suture\nSpecimen: sent to dermatopathology';

export default defineCases({
  valid: [
    {
      name: 'the punch biopsy documented is billed as a punch biopsy',
      encounter: noted(PUNCH_NOTE, {
        dx: ['D48.5'],
        lines: [
          { code: '11104', dx: [1], site: 'left upper back' },
          { code: '88305', dx: [1] },
        ],
      }),
    },
    {
      name: 'a shave removal documented on the tangential biopsy code: never judged against each other',
      encounter: noted(
        'Procedure: Shave removal\nLocation: left upper chest\nTechnique: the lesion was removed by shave at the mid dermis',
        { dx: ['D48.5'], lines: [{ code: '11102', dx: [1], site: 'left upper chest' }] },
      ),
    },
    {
      name: 'a shave biopsy documented on a shave removal code: never judged against each other',
      encounter: noted('Procedure: Shave biopsy\nLocation: right forearm', {
        dx: ['L82.0'],
        lines: [{ code: '11301', dx: [1], site: 'right forearm' }],
      }),
    },
    { name: 'no note', encounter: enc({ dx: ['D48.5'], lines: [{ code: '11102', dx: [1], site: 'left arm' }] }) },
    {
      name: 'a note naming no technique',
      encounter: noted('Procedure: biopsy\nLocation: left arm\nConsent signed.', {
        dx: ['D48.5'],
        lines: [{ code: '11104', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: "one block naming both lines' sites speaks for neither (ex54)",
      encounter: noted('Procedure: 4 mm punch biopsy\nSites: left forearm and right thigh', {
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1], site: 'left forearm' },
          { code: '11103', dx: [1], site: 'right thigh' },
        ],
      }),
    },
    {
      name: 'two techniques in the block make the line unclear',
      encounter: noted('Procedure: Shave biopsy of the left arm; the base was then curetted.', {
        dx: ['D48.5'],
        lines: [{ code: '11104', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'a planned excision in the Plan section is not read (ex52)',
      encounter: noted(
        'Procedure: Shave biopsy\nLocation: right upper arm\nHemostasis: aluminum chloride\nPlan: will consider elliptical excision with 0.5 cm margins if the biopsy shows severe atypia',
        { dx: ['D48.5'], lines: [{ code: '11102', dx: [1], site: 'right upper arm' }] },
      ),
    },
    {
      name: 'electrodesiccation and curettage in the Hemostasis field destroys nothing',
      encounter: noted('Procedure: Shave biopsy\nLocation: left shin\nHemostasis: electrodesiccation and curettage', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left shin' }],
      }),
    },
    {
      name: 'an excision reported in the pathology section is not read (ex56)',
      encounter: noted(
        'Procedure: Punch biopsy\nLocation: left calf\nPathology:\nThe elliptical excision specimen from three weeks ago showed a nevus, completely excised with clear margins.',
        { dx: ['D48.5'], lines: [{ code: '11104', dx: [1], site: 'left calf' }] },
      ),
    },
    {
      name: 'a past excision is not read',
      encounter: noted('Previously excised with 1 cm margins.\nShave biopsy of the left forearm today.', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left forearm' }],
      }),
    },
    {
      name: 'a negated technique is not read',
      encounter: noted('Procedure: No punch biopsy was needed; shave biopsy of the left arm.', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'a block about another site does not tie (right arm is not left arm)',
      encounter: noted('Procedure: Punch biopsy of the right arm', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'arm is not in forearm: a block about the left forearm does not name the left arm',
      encounter: noted('Procedure: Punch biopsy of the left forearm', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left arm' }],
      }),
    },
    {
      name: 'nose is not no: the nose biopsy is read and agrees',
      encounter: noted('Procedure: Punch biopsy\nLocation: nose', {
        dx: ['D48.5'],
        lines: [{ code: '11104', dx: [1], site: 'nose' }],
      }),
    },
    {
      name: 'a patient-billed line is not judged',
      encounter: noted(PUNCH_NOTE, {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left upper back', billTo: 'patient' }],
      }),
    },
    {
      name: 'Mohs documented on the Mohs line; the repair line is in no family',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: left temple\nStage 1: 2 tissue blocks.\nRepair: layered closure',
        {
          dx: ['C44.319'],
          lines: [
            { code: '17311', dx: [1], site: 'left temple' },
            { code: '12051', dx: [1], site: 'left temple' },
          ],
        },
      ),
    },
    {
      name: 'Mohs with a curettage debulk: two techniques, unclear',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: left temple\nThe tumor was debulked by curettage.',
        { dx: ['C44.319'], lines: [{ code: '17311', dx: [1], site: 'left temple' }] },
      ),
    },
    {
      name: 'a block naming a site ties to no line that has another site, even the only judged one',
      encounter: noted('Procedure: Cryotherapy to the right hand', {
        dx: ['C44.41'],
        lines: [{ code: '11602', dx: [1], site: 'left back' }],
      }),
    },
    {
      name: 'a destruction note on a destruction line of another family member agrees',
      encounter: noted(
        'Procedure 1: Cryotherapy\nLocation: right hand\nTechnique: Four common warts were treated with liquid nitrogen.',
        { dx: ['B07.8'], lines: [{ code: '17110', dx: [1], site: 'right hand' }] },
      ),
    },
  ],
  invalid: [
    {
      name: 'a punch biopsy billed as tangential (ex51)',
      encounter: noted(PUNCH_NOTE, {
        dx: ['L21.9', 'D48.5'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '11102', dx: [2], site: 'left upper back' },
          { code: '88305', dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'mismatch',
          title: 'Recode to the technique noted',
          field: 'code',
          suggestions: ['Change 11102 to 11104'],
        },
      ],
    },
    {
      name: 'each procedure block ties to its own line (ex90)',
      encounter: noted(
        'Two lesions were biopsied after written consent.\nProcedure 1:\nShave biopsy of a 5 mm pink papule on the left shoulder. Hemostasis with aluminum chloride.\nProcedure 2:\nA 4 mm punch biopsy of a scaly plaque on the right shin was performed and closed with one 4-0 nylon suture.\nPathology: Both specimens were sent to dermatopathology.',
        {
          dx: ['D48.5'],
          lines: [
            { code: '11104', dx: [1], site: 'left shoulder' },
            { code: '11105', dx: [1], site: 'right shin' },
            { code: '88305', units: 2, dx: [1] },
          ],
        },
      ),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code' }],
    },
    {
      name: 'a shave removal billed as a punch biopsy',
      encounter: noted('Procedure: Shave removal\nLocation: right upper arm\nTechnique: removed flush with the skin', {
        dx: ['D48.5'],
        lines: [{ code: '11104', dx: [1], site: 'right upper arm' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code' }],
    },
    {
      name: 'a shave biopsy and a shave removal together are one shave, judged against a punch code',
      encounter: noted('Procedure: Shave biopsy\nLocation: right upper arm\nTechnique: removed flush with the skin', {
        dx: ['D48.5'],
        lines: [{ code: '11104', dx: [1], site: 'right upper arm' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', title: 'Recode to the technique noted', field: 'code' }],
    },
    {
      name: 'an elliptical excision billed as a shave removal',
      encounter: noted('Procedure: Elliptical excision\nLocation: left flank\nLesion measuring 1.0 cm.', {
        dx: ['D48.5'],
        lines: [{ code: '11301', dx: [1], site: 'left flank' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code' }],
    },
    {
      name: 'cryotherapy billed as a shave removal',
      encounter: noted(
        'Procedure: Cryotherapy\nLocation: left hand\nTechnique: liquid nitrogen, two freeze-thaw cycles',
        { dx: ['L82.0'], lines: [{ code: '11305', dx: [1], site: 'left hand' }] },
      ),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code' }],
    },
    {
      name: 'an incision and drainage billed as an excision',
      encounter: noted('Procedure: I&D\nLocation: right axilla\nTechnique: incised and drained; contents expressed.', {
        dx: ['L02.411'],
        lines: [{ code: '11401', dx: [1], site: 'right axilla' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', title: 'Recode to the technique noted', field: 'code' }],
    },
    {
      name: 'an excisional biopsy excised with margins is an excision, not the punch billed',
      encounter: noted('Procedure: Excisional biopsy: excised with 0.1 cm margins\nLocation: left thigh', {
        dx: ['D48.5'],
        lines: [{ code: '11104', dx: [1], site: 'left thigh' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code' }],
    },
    {
      name: "the line's L is written out: L upper back is named by left upper back",
      encounter: noted(PUNCH_NOTE, { dx: ['D48.5'], lines: [{ code: '11102', dx: [1], site: 'L upper back' }] }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code', suggestions: ['Change 11102 to 11104'] }],
    },
    {
      name: 'a line without a site, the only judged line, takes a block that names a site',
      encounter: noted('Procedure: Punch biopsy of the right shin', {
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code', suggestions: ['Change 11102 to 11104'] }],
    },
    {
      name: 'a block naming no site at all ties to the only judged line',
      encounter: noted('Procedure: Punch biopsy\nTechnique: 4 mm punch, sutured.', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'left arm' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code', suggestions: ['Change 11102 to 11104'] }],
    },
    {
      name: 'nose is not no: the nose biopsy is read and disagrees',
      encounter: noted('Procedure: Punch biopsy\nLocation: nose', {
        dx: ['D48.5'],
        lines: [{ code: '11102', dx: [1], site: 'nose' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code', suggestions: ['Change 11102 to 11104'] }],
    },
    {
      name: 'two blocks tied to one line that agree',
      encounter: noted(
        'Procedure 1: Punch biopsy of the left arm.\nProcedure 2: Left arm site closed after the 4 mm punch biopsy.',
        { dx: ['D48.5'], lines: [{ code: '11106', dx: [1], site: 'left arm' }] },
      ),
      findings: [{ line: 0, messageId: 'mismatch', field: 'code', suggestions: ['Change 11106 to 11104'] }],
    },
    {
      name: 'Mohs documented, an excision billed',
      encounter: noted('Procedure: Mohs micrographic surgery\nLocation: right cheek\nStage 1: 3 tissue blocks.', {
        dx: ['C44.319'],
        lines: [{ code: '11642', dx: [1], site: 'right cheek' }],
      }),
      findings: [{ line: 0, messageId: 'mismatch', title: 'Recode to the technique noted', field: 'code' }],
    },
  ],
});
