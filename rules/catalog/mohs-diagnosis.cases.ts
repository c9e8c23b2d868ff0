import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'BCC of the nose, two stages',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1], site: 'L nasal ala' },
          { code: '17312', dx: [1], site: 'L nasal ala' },
        ],
      }),
    },
    {
      name: 'melanoma in situ on the arm (D03 counts as malignant)',
      encounter: enc({ dx: ['D03.62'], lines: [{ code: '17313', dx: [1], site: 'left forearm' }] }),
    },
    { name: 'SCC in situ, dotless code, pointerless line', encounter: enc({ dx: ['D04.39'], lines: ['17311'] }) },
    {
      name: 'cancer is one of several linked diagnoses',
      encounter: enc({ dx: ['L57.0', 'C44.42'], lines: [{ code: '17311', dx: [1, 2], site: 'scalp' }] }),
    },
    {
      name: 'dermatofibrosarcoma (C49) with 17315',
      encounter: enc({
        dx: ['C49.5'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17315', dx: [1] },
        ],
      }),
    },
    {
      name: 'vermilion lip SCC is coded C00.0 (outside C44), still a skin cancer for Mohs',
      encounter: enc({ dx: ['C00.0'], lines: [{ code: '17311', dx: [1], site: 'upper lip vermilion' }] }),
    },
    {
      name: 'penile SCC in situ is coded D07.4 (genital skin is outside D04)',
      encounter: enc({ dx: ['D07.4'], lines: [{ code: '17311', dx: [1], site: 'glans penis' }] }),
    },
    {
      name: 'Mohs billed to the patient is not on the claim',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17311', dx: [1], billTo: 'patient' }] }),
    },
    {
      name: 'no diagnosis linked: dx-missing speaks, not this rule',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17311', dx: [2] }] }),
    },
    { name: 'self-pay encounter', encounter: enc({ payer: 'self-pay', dx: ['L57.0'], lines: ['17311'] }) },
  ],
  invalid: [
    {
      name: 'actinic keratosis treated with Mohs',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17311', dx: [1], site: 'L nasal ala' }] }),
      findings: [
        { line: 0, severity: 'error', messageId: 'noCancer', title: 'Link the skin cancer, or recode', field: 'dx' },
      ],
    },
    {
      name: 'every Mohs line with a benign diagnosis fires',
      encounter: enc({
        dx: ['D22.39'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', dx: [1] },
          { code: '17315', dx: [1] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'noCancer', field: 'dx' },
        { line: 1, messageId: 'noCancer', field: 'dx' },
        { line: 2, messageId: 'noCancer', field: 'dx' },
      ],
    },
    {
      name: 'uncertain behavior is not a malignancy',
      encounter: enc({
        dx: ['D48.5', 'C44.311'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '11102', dx: [2] },
        ],
      }),
      findings: [{ line: 0, messageId: 'noCancer', field: 'dx' }],
    },
    {
      name: 'code with spaces, pointerless line, benign diagnoses only',
      encounter: enc({ dx: ['L82.1', 'L91.8'], lines: [{ code: ' 17313 ' }] }),
      findings: [{ line: 0, messageId: 'noCancer', field: 'dx' }],
    },
    {
      name: 'the cancer is linked to another line only',
      encounter: enc({
        dx: ['C44.311', 'L57.0'],
        lines: [
          { code: '11102', dx: [1] },
          { code: '17311', dx: [2] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noCancer', field: 'dx' }],
    },
    {
      name: 'Mohs on the claim beside a patient-billed line',
      encounter: enc({
        payer: 'medicare',
        dx: ['L82.0'],
        lines: [
          { code: '17110', dx: [1], billTo: 'patient' },
          { code: '17314', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noCancer', field: 'dx' }],
    },
    {
      name: 'a valid diagnosis outside dermatology is no cancer',
      encounter: enc({ dx: ['I10'], lines: [{ code: '17311', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'noCancer', field: 'dx' }],
    },
  ],
});
