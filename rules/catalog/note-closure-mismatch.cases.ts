import { defineCases, enc, type EncounterSketch } from '../cases';

const noted = (note: string, sketch: EncounterSketch) => ({ ...enc(sketch), note });

export default defineCases({
  valid: [
    {
      name: 'a layered closure on an intermediate repair, strips and cautery beside sutures (ex59)',
      encounter: noted(
        'Procedure: Excision of basal cell carcinoma\nLocation: left cheek\nTechnique: elliptical excision with margins of 3 mm\nHemostasis: electrocautery\nClosure: layered closure with 4-0 Vicryl subcutaneous sutures and 5-0 nylon simple interrupted sutures; repair length 3.4 cm\nDressing: Steri-Strips and a pressure dressing',
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
      name: 'buried sutures are not layered, and here they are negated anyway (ex60)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: right jawline\nRepair: No buried sutures were needed. The wound was closed with 6-0 nylon simple interrupted sutures; length 1.8 cm.',
        {
          dx: ['C44.329'],
          lines: [
            { code: '17311', dx: [1], site: 'right jawline' },
            { code: '12011', dx: [1], site: 'right jawline' },
          ],
        },
      ),
    },
    {
      name: 'buried dermal sutures under skin sutures: still a simple repair (CPT)',
      encounter: noted(
        'Procedure: Repair\nLocation: left forearm\nClosure: 4-0 Vicryl buried dermal sutures and 5-0 nylon simple interrupted sutures',
        { dx: ['S51.812A'], lines: [{ code: '12002', dx: [1], site: 'left forearm' }] },
      ),
    },
    {
      name: 'tissue adhesive alone is a repair',
      encounter: noted('Procedure: Laceration repair\nLocation: forehead\nSutures: none\nClosure: Dermabond', {
        dx: ['S01.81XA'],
        lines: [{ code: '12011', dx: [1], site: 'forehead' }],
      }),
    },
    {
      name: 'no closure documented: silent',
      encounter: noted('Procedure: Excision\nLocation: left back\nTechnique: elliptical excision with 2 mm margins', {
        dx: ['D48.5'],
        lines: [
          { code: '11402', dx: [1], site: 'left back' },
          { code: '12032', dx: [1], site: 'left back' },
        ],
      }),
    },
    {
      name: 'sutures named in a sentence not read make the closure unclear (once…)',
      encounter: noted(
        'Procedure: Excision\nLocation: left back\nOnce hemostasis was achieved, the wound was closed with nylon sutures. Steri-Strips applied.',
        { dx: ['D48.5'], lines: [{ code: '12032', dx: [1], site: 'left back' }] },
      ),
    },
    {
      name: 'a planned suture removal beside strips: unclear',
      encounter: noted(
        'Procedure: Repair\nLocation: left shin\nDressing: Steri-Strips\nReturn for suture removal in 10 days.',
        { dx: ['S81.812A'], lines: [{ code: '12002', dx: [1], site: 'left shin' }] },
      ),
    },
    {
      name: "a layered closure on a complex repair is not this rule's",
      encounter: noted('Procedure: Repair\nLocation: right cheek\nClosure: layered closure', {
        dx: ['C44.319'],
        lines: [{ code: '13131', dx: [1], site: 'right cheek' }],
      }),
    },
    {
      name: "one block naming both repair lines' sites speaks for neither",
      encounter: noted('Closed with Steri-Strips at the left arm and the right arm.', {
        dx: ['S41.112A'],
        lines: [
          { code: '12001', dx: [1], site: 'left arm' },
          { code: '12002', dx: [1], site: 'right arm' },
        ],
      }),
    },
    {
      name: 'strips documented for another site do not tie',
      encounter: noted('Procedure: Shave removal of the right shoulder lesion\nDressing: Steri-Strips', {
        dx: ['S51.812A'],
        lines: [{ code: '12001', dx: [1], site: 'left forearm' }],
      }),
    },
    {
      name: 'sutures and strips: a repair',
      encounter: noted(
        'Procedure: Repair\nLocation: left knee\nClosure: 4-0 nylon simple interrupted sutures\nDressing: Steri-Strips',
        { dx: ['S81.012A'], lines: [{ code: '12002', dx: [1], site: 'left knee' }] },
      ),
    },
    {
      name: 'Deep sutures: none negates only its own label; the skin was sutured',
      encounter: noted(
        'Procedure: Repair\nLocation: left knee\nDeep sutures: none\nSuperficial: 4-0 nylon simple interrupted\nDressing: Steri-Strips',
        { dx: ['S81.012A'], lines: [{ code: '12002', dx: [1], site: 'left knee' }] },
      ),
    },
  ],
  invalid: [
    {
      name: 'closed without sutures, Steri-Strips only (ex57)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: left temple\nStage 1: 2 tissue blocks. Margins clear on frozen sections read by the Mohs surgeon.\nFinal defect: 0.8 x 0.7 cm\nRepair: closed without sutures.\nDressing: Steri-Strips and a pressure dressing.',
        {
          dx: ['C44.319'],
          lines: [
            { code: '17311', dx: [1], site: 'left temple' },
            { code: '12051', dx: [1], site: 'left temple' },
          ],
        },
      ),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'noRepair',
          title: 'No repair in note: remove 12051',
          field: 'code',
          suggestions: ['Remove 12051'],
        },
      ],
    },
    {
      name: 'a layered repair billed as simple (ex58)',
      encounter: noted(
        'Procedure: Mohs micrographic surgery\nLocation: right nasal sidewall\nStage 1: 3 tissue blocks.\nRepair: layered closure with 5-0 Monocryl subcutaneous sutures and 6-0 nylon simple interrupted sutures; final length 2.2 cm.',
        {
          dx: ['C44.311'],
          lines: [
            { code: '17311', dx: [1], site: 'right nasal sidewall' },
            { code: '12011', dx: [1], site: 'right nasal sidewall' },
          ],
        },
      ),
      findings: [
        {
          line: 1,
          messageId: 'layered',
          title: 'Layered: use intermediate repair',
          fixIncludes: 'Report 12051',
          field: 'code',
          suggestions: ['Change 12011 to 12051'],
        },
      ],
    },
    {
      name: 'a layered trunk repair billed as simple: two intermediate series',
      encounter: noted(
        'Procedure: Repair\nLocation: left upper back\nClosure: subcutaneous layer closed with 3-0 Vicryl, skin with 4-0 nylon; length 4 cm',
        { dx: ['D48.5'], lines: [{ code: '12002', dx: [1], site: 'left upper back' }] },
      ),
      findings: [
        {
          line: 0,
          messageId: 'layered',
          title: 'Layered: use intermediate repair',
          fixIncludes: '12032 (scalp, axillae, trunk, arms, legs) or 12042 (neck, hands, feet, genitalia)',
          field: 'code',
        },
      ],
    },
    {
      name: 'Sutures: none, Steri-Strips',
      encounter: noted('Procedure: Repair\nLocation: right shin\nSutures: none\nDressing: Steri-Strips', {
        dx: ['S81.811A'],
        lines: [{ code: '12001', dx: [1], site: 'right shin' }],
      }),
      findings: [{ line: 0, messageId: 'noRepair', field: 'code', suggestions: ['Remove 12001'] }],
    },
    {
      name: 'left to granulate, a complex repair billed',
      encounter: noted('Procedure: Mohs micrographic surgery\nLocation: right nasal ala\nRepair: left to granulate', {
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1], site: 'right nasal ala' },
          { code: '13151', dx: [1], site: 'right nasal ala' },
        ],
      }),
      findings: [{ line: 1, messageId: 'noRepair', field: 'code', suggestions: ['Remove 13151'] }],
    },
    {
      name: 'hemostasis only',
      encounter: noted('Procedure: Shave removal\nLocation: left arm\nHemostasis: aluminum chloride', {
        dx: ['L82.0'],
        lines: [
          { code: '11301', dx: [1], site: 'left arm' },
          { code: '12001', dx: [1], site: 'left arm' },
        ],
      }),
      findings: [{ line: 1, messageId: 'noRepair', field: 'code', suggestions: ['Remove 12001'] }],
    },
    {
      name: 'a block naming no site ties to the only repair line',
      encounter: noted('Wound left to heal by second intention.', {
        dx: ['S41.112A'],
        lines: [{ code: '12001', dx: [1], site: 'left arm' }],
      }),
      findings: [{ line: 0, messageId: 'noRepair', field: 'code', suggestions: ['Remove 12001'] }],
    },
  ],
});
