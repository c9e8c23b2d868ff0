import { defineCases, enc } from '../cases';

const biopsy = (code: string, site?: string, extra: object = {}) => ({
  code,
  dx: [1],
  ...(site === undefined ? {} : { site }),
  ...extra,
});
const one = (code: string, site?: string) =>
  enc({ dx: ['D48.5'], lines: [biopsy(code, site), { code: '88305', dx: [1] }] });

export default defineCases({
  valid: [
    {
      name: "the skin of the lip, the eyelid and the finger is skin (ex77's first line, ex79)",
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11102', 'upper lip'),
          biopsy('11103', 'left upper eyelid'),
          biopsy('11103', 'right index finger'),
        ],
      }),
    },
    { name: 'a lid without its margin is eyelid skin', encounter: one('11102', 'R lower lid') },
    {
      name: 'the cutaneous lip and the lip skin near the vermilion border are not named "vermilion" by the words',
      encounter: one('11104', 'left cutaneous upper lip'),
    },
    { name: 'no site, no finding', encounter: one('11102') },
    { name: 'an empty site', encounter: one('11102', '  ') },
    {
      name: 'never part of a word: "vermilionectomy scar" is no vermilion, "eyelids" no lid margin',
      encounter: enc({
        dx: ['D48.5'],
        lines: [biopsy('11102', 'vermilionectomy scar'), biopsy('11103', 'bilateral eyelids')],
      }),
    },
    {
      name: 'the nail alone, the fingernail and the periungual skin are not in the nail-unit list',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11102', 'left great toe nail'),
          biopsy('11103', 'right thumbnail'),
          biopsy('11103', 'periungual skin, left index finger'),
        ],
      }),
    },
    {
      name: 'a site naming two places is left alone (the glans of the clitoris)',
      encounter: one('11102', 'glans clitoris'),
    },
    {
      name: 'the scrotum, the mons pubis, the groin and the perineum are skin here',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11102', 'left scrotum'),
          biopsy('11103', 'mons pubis'),
          biopsy('11103', 'right groin'),
          biopsy('11103', 'perineum'),
        ],
      }),
    },
    { name: 'the code of the place itself (40490) is no skin biopsy', encounter: one('40490', 'lower lip vermilion') },
    {
      name: 'a shave removal on the vermilion is not a biopsy (site-code-mismatch judges its group)',
      encounter: enc({ dx: ['D22.0'], lines: [{ code: '11310', dx: [1], site: 'lower lip vermilion' }] }),
    },
    {
      name: 'a biopsy line billed to the patient is not on the claim',
      encounter: enc({
        dx: ['D48.5'],
        lines: [biopsy('11102', 'glans penis', { billTo: 'patient' }), biopsy('11104', 'left forearm')],
      }),
    },
  ],
  invalid: [
    {
      name: 'the upper lip vermilion on the add-on 11103, the lip skin on 11102 (ex77)',
      encounter: enc({
        dx: ['D48.5', 'D37.01'],
        lines: [biopsy('11102', 'upper lip'), { code: '11103', dx: [2], site: 'upper lip vermilion' }],
      }),
      findings: [
        { line: 1, severity: 'error', messageId: 'wrongCode', title: 'Use 40490 for this site', field: 'code' },
      ],
    },
    {
      name: 'the vermillion spelling, laterality and a qualifier (L lower lip vermillion border)',
      encounter: one('11102', 'L lower lip vermillion border'),
      findings: [
        {
          line: 0,
          messageId: 'wrongCode',
          title: 'Use 40490 for this site',
          field: 'code',
          suggestions: ['Change 11102 to 40490'],
        },
      ],
    },
    {
      name: 'upper-case site',
      encounter: one('11104', 'VERMILION, LOWER LIP'),
      findings: [{ line: 0, messageId: 'wrongCode', field: 'code', suggestions: ['Change 11104 to 40490'] }],
    },
    {
      name: 'the nail matrix of the left great toe (ex78)',
      encounter: one('11104', 'left great toe nail matrix'),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'wrongCode',
          title: 'Use 11755 for this site',
          field: 'code',
          suggestions: ['Change 11104 to 11755'],
        },
      ],
    },
    {
      name: 'nail folds in the plural, the nail bed, the hyponychium and subungual tissue',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11104', 'right thumb lateral nail folds'),
          biopsy('11105', 'nail bed, left index finger'),
          biopsy('11105', 'hyponychium'),
          biopsy('11105', 'subungual, right great toe'),
        ],
      }),
      findings: [
        { line: 0, messageId: 'wrongCode', field: 'code' },
        { line: 1, messageId: 'wrongCode', field: 'code' },
        { line: 2, messageId: 'wrongCode', field: 'code' },
        { line: 3, messageId: 'wrongCode', field: 'code' },
      ],
    },
    {
      name: 'one-word spellings: nailbed and nailfold',
      encounter: enc({
        dx: ['D48.5'],
        lines: [biopsy('11102', 'left ring finger nailbed'), biopsy('11103', 'proximal nailfold, right thumb')],
      }),
      findings: [
        { line: 0, messageId: 'wrongCode', field: 'code' },
        { line: 1, messageId: 'wrongCode', field: 'code' },
      ],
    },
    {
      name: 'the eyelid margin, written three ways',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11102', 'R upper lid margin'),
          biopsy('11103', 'left lower eyelid margin'),
          biopsy('11103', 'tarsal margin, right lower lid'),
        ],
      }),
      findings: [
        { line: 0, messageId: 'wrongCode', title: 'Use 67810 for this site', field: 'code' },
        { line: 1, messageId: 'wrongCode', field: 'code' },
        { line: 2, messageId: 'wrongCode', field: 'code' },
      ],
    },
    {
      name: 'the penis: glans, shaft, foreskin',
      encounter: enc({
        dx: ['D48.5'],
        lines: [biopsy('11106', 'glans penis'), biopsy('11107', 'penile shaft'), biopsy('11103', 'foreskin')],
      }),
      findings: [
        { line: 0, messageId: 'wrongCode', title: 'Use 54100 for this site', field: 'code' },
        { line: 1, messageId: 'wrongCode', field: 'code' },
        { line: 2, messageId: 'wrongCode', field: 'code' },
      ],
    },
    {
      name: 'the vulva: labia minora, the Latin singular, vulvar',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11104', 'right labia minora'),
          biopsy('11105', 'left labium majus'),
          biopsy('11103', 'posterior vulvar skin'),
        ],
      }),
      findings: [
        { line: 0, messageId: 'wrongCode', title: 'Use 56605 for this site', field: 'code' },
        {
          line: 1,
          messageId: 'wrongCode',
          title: 'Use 56605 for this site',
          fixIncludes: 'with 56605 (56606 for each further lesion) instead of 11105',
          field: 'code',
        },
        { line: 2, messageId: 'wrongCode', field: 'code' },
      ],
    },
    {
      name: 'the clitoral hood is the vulva',
      encounter: one('11102', 'clitoral hood'),
      findings: [{ line: 0, messageId: 'wrongCode', field: 'code', suggestions: ['Change 11102 to 56605'] }],
    },
    {
      name: 'only the line on the place fires, the skin biopsies beside it do not',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          biopsy('11104', 'left cheek'),
          biopsy('11105', 'right lower lid margin'),
          biopsy('11105', 'left upper eyelid'),
        ],
      }),
      findings: [{ line: 1, messageId: 'wrongCode', field: 'code' }],
    },
  ],
});
