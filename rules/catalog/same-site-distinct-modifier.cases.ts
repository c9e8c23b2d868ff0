import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'XS biopsies at other sites than the wart destruction (ex68)',
      encounter: enc({
        dx: ['L40.0', 'D48.5', 'B07.8'],
        lines: [
          { code: '99214', modifiers: ['25'], dx: [1] },
          { code: '11102', modifiers: ['XS'], dx: [2], site: 'left forearm' },
          { code: '11103', modifiers: ['XS'], dx: [2], site: 'right upper back' },
          { code: '88305', units: 2, dx: [2] },
          { code: '17110', dx: [3], site: 'right index finger' },
        ],
      }),
    },
    {
      name: 'laterality keeps sites apart',
      encounter: enc({
        dx: ['D48.5', 'C44.319'],
        lines: [
          { code: '11104', modifiers: ['59'], dx: [1], site: 'left cheek' },
          { code: '11642', dx: [2], site: 'right cheek' },
        ],
      }),
    },
    {
      name: 'a qualifier makes another site (left cheek, left medial cheek)',
      encounter: enc({
        dx: ['D48.5', 'C44.319'],
        lines: [
          { code: '11104', modifiers: ['XS'], dx: [1], site: 'left cheek' },
          { code: '11642', dx: [2], site: 'left medial cheek' },
        ],
      }),
    },
    {
      name: 'Mohs at the same site is left out: a same-day diagnostic biopsy may carry 59',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '11102', modifiers: ['59'], dx: [1], site: 'right nasal ala' },
          { code: '88305', modifiers: ['59'], dx: [1] },
          { code: '17311', dx: [1], site: 'right nasal ala' },
        ],
      }),
    },
    {
      name: 'the biopsy without a distinct-service modifier (biopsy-bundled speaks)',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1], site: 'left upper back' },
          { code: '11401', dx: [1], site: 'left upper back' },
        ],
      }),
    },
    {
      name: 'the modifier on the removal line only',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', dx: [1], site: 'left upper back' },
          { code: '11401', modifiers: ['XS'], dx: [1], site: 'left upper back' },
        ],
      }),
    },
    {
      name: 'a biopsy add-on with XS at the site of a destruction is not judged',
      encounter: enc({
        dx: ['D48.5', 'L57.0'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1], site: 'scalp' },
          { code: '11103', modifiers: ['XS'], dx: [1], site: 'left temple' },
          { code: '17000', dx: [2], site: 'left temple' },
        ],
      }),
    },
    {
      name: 'no site on either line',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1] },
          { code: '11401', dx: [1] },
        ],
      }),
    },
    {
      name: 'a repair at the same site is not a removal',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11104', modifiers: ['XS'], dx: [1], site: 'left calf' },
          { code: '12001', dx: [1], site: 'left calf' },
        ],
      }),
    },
    {
      name: 'the removal at the same site is billed to the patient',
      encounter: enc({
        dx: ['D48.5', 'L82.1'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1], site: 'left flank' },
          { code: '17110', dx: [2], site: 'left flank', billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'the add-on 17003 at the same site is not in the set (its primary is elsewhere)',
      encounter: enc({
        dx: ['D48.5', 'L57.0'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1], site: 'scalp' },
          { code: '17000', dx: [2], site: 'forehead' },
          { code: '17003', dx: [2], site: 'scalp' },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'XS biopsy and an excision, both on the left upper back (ex75)',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1], site: 'left upper back' },
          { code: '11401', dx: [1], site: 'left upper back' },
          { code: '88305', units: 2, dx: [1] },
        ],
      }),
      findings: [
        { line: 0, severity: 'info', messageId: 'sameSite', title: 'Confirm a separate lesion', field: 'modifiers' },
      ],
    },
    {
      name: 'punch biopsy with 59 and an excision on the right cheek (ex76)',
      encounter: enc({
        dx: ['D48.5', 'C44.319'],
        lines: [
          { code: '11104', modifiers: ['59'], dx: [1], site: 'right cheek' },
          { code: '11642', dx: [2], site: 'right cheek' },
          { code: '88305', units: 2, dx: [1, 2] },
        ],
      }),
      findings: [
        { line: 0, severity: 'info', messageId: 'sameSite', title: 'Confirm a separate lesion', field: 'modifiers' },
      ],
    },
    {
      name: 'the same site after normalization: L. Cheek and left cheek',
      encounter: enc({
        dx: ['D48.5', 'L57.0'],
        lines: [
          { code: '11106', modifiers: ['xs'], dx: [1], site: 'L. Cheek' },
          { code: '17000', dx: [2], site: 'left cheek' },
        ],
      }),
      findings: [{ line: 0, messageId: 'sameSite', field: 'modifiers' }],
    },
    {
      name: 'one of two biopsies shares its site with the shave removal',
      encounter: enc({
        dx: ['D48.5', 'L82.0'],
        lines: [
          { code: '11104', modifiers: ['XS'], dx: [1], site: 'right shin' },
          { code: '11102', modifiers: ['XS'], dx: [1], site: 'R thigh' },
          { code: '11301', dx: [2], site: 'left shin' },
          { code: '11300', dx: [2], site: 'right shin' },
        ],
      }),
      findings: [{ line: 0, messageId: 'sameSite', title: 'Confirm a separate lesion', field: 'modifiers' }],
    },
    {
      name: 'a malignant destruction and an excision at the same site are both named',
      encounter: enc({
        dx: ['D48.5', 'C44.519'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1], site: 'mid back' },
          { code: '17262', dx: [2], site: 'mid back' },
          { code: '11602', dx: [2], site: 'mid back' },
        ],
      }),
      findings: [{ line: 0, messageId: 'sameSite', title: 'Confirm a separate lesion', field: 'modifiers' }],
    },
  ],
});
