import { defineCases, enc } from '../cases';

const toxin = (units = 100) => ({ code: 'J0585', units, dx: [1] });
const chemo = (code: string, site?: string, dx = 'L74.519', extra: object = {}) =>
  enc({ dx: [dx], lines: [{ code, dx: [1], ...(site === undefined ? {} : { site }), ...extra }, toxin()] });

export default defineCases({
  valid: [
    { name: '64650 on both axillae (ex84)', encounter: chemo('64650', 'bilateral axillae', 'L74.510') },
    {
      name: '64650 on the axillae written other ways: b/l axillae, underarms, L and R axilla, arm pits',
      encounter: enc({
        dx: ['L74.510'],
        lines: [
          { code: '64650', dx: [1], site: 'b/l axillae' },
          { code: '64650', dx: [1], site: 'underarms' },
          { code: '64650', dx: [1], site: 'L and R axilla' },
          { code: '64650', dx: [1], site: 'arm pits' },
        ],
      }),
    },
    {
      name: '64653 on the forehead, the scalp, the face and the neck',
      encounter: enc({
        dx: ['L74.511'],
        lines: [
          { code: '64653', dx: [1], site: 'forehead' },
          { code: '64653', dx: [1], site: 'scalp' },
          { code: '64653', dx: [1], site: 'face' },
          { code: '64653', dx: [1], site: 'posterior neck' },
        ],
      }),
    },
    { name: 'no site, no finding', encounter: chemo('64650') },
    {
      name: 'a site the lexicon cannot place is left alone (a misspelt axilla)',
      encounter: chemo('64650', 'bilateral axilas region'),
    },
    {
      name: 'two areas in one site are left alone on 64650 (the lexicon says unknown)',
      encounter: chemo('64650', 'scalp and forehead'),
    },
    {
      name: 'never part of a word: "handle" is no hand, "isolated" no sole, "forehead" no hand',
      encounter: enc({
        dx: ['L74.519'],
        lines: [
          { code: '64653', dx: [1], site: 'over the sternal handle' },
          { code: '64653', dx: [1], site: 'isolated patch, upper back' },
          { code: '64653', dx: [1], site: 'left forehead near hairline' },
        ],
      }),
    },
    { name: '64653 on the inframammary folds', encounter: chemo('64653', 'inframammary folds') },
    {
      name: 'the forearm is no hand, the upper arm no axilla on 64653',
      encounter: enc({
        dx: ['L74.519'],
        lines: [
          { code: '64653', dx: [1], site: 'left forearm' },
          { code: '64653', dx: [1], site: 'right upper arm' },
        ],
      }),
    },
    {
      name: 'the palms on a line billed to the patient',
      encounter: chemo('64653', 'bilateral palms', 'L74.512', { billTo: 'patient' }),
    },
    {
      name: 'chemodenervation of muscles of the hand (64642) is not an eccrine-gland code',
      encounter: enc({ dx: ['G24.8'], lines: [{ code: '64642', dx: [1], site: 'right hand' }] }),
    },
  ],
  invalid: [
    {
      name: '64653 on the palms (ex80)',
      encounter: chemo('64653', 'palmar surface of both hands', 'L74.512'),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'extremity',
          title: 'Use 64999 for hands or feet',
          field: 'code',
          suggestions: ['Change 64653 to 64999'],
        },
      ],
    },
    {
      name: '64650 on the scalp: another area is 64653 (ex81)',
      encounter: chemo('64650', 'scalp'),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'notAxillae',
          title: 'Use 64653 for this area',
          field: 'code',
          suggestions: ['Change 64650 to 64653'],
        },
      ],
    },
    {
      name: '64650 on the groin',
      encounter: chemo('64650', 'bilateral groin'),
      findings: [
        {
          line: 0,
          messageId: 'notAxillae',
          title: 'Use 64653 for this area',
          field: 'code',
          suggestions: ['Change 64650 to 64653'],
        },
      ],
    },
    {
      name: '64650 on the palms: the extremity message, once',
      encounter: chemo('64650', 'bilateral palms', 'L74.512'),
      findings: [
        {
          line: 0,
          messageId: 'extremity',
          title: 'Use 64999 for hands or feet',
          field: 'code',
          suggestions: ['Change 64650 to 64999'],
        },
      ],
    },
    {
      name: 'the soles, the feet, plantar and the fingers in several spellings',
      encounter: enc({
        dx: ['L74.513'],
        lines: [
          { code: '64653', dx: [1], site: 'B/L soles' },
          { code: '64653', dx: [1], site: 'both feet' },
          { code: '64653', dx: [1], site: 'plantar surface, L foot' },
          { code: '64653', dx: [1], site: 'R fingertips' },
          toxin(),
        ],
      }),
      findings: [
        { line: 0, messageId: 'extremity', field: 'code', suggestions: ['Change 64653 to 64999'] },
        { line: 1, messageId: 'extremity', field: 'code', suggestions: ['Change 64653 to 64999'] },
        { line: 2, messageId: 'extremity', field: 'code', suggestions: ['Change 64653 to 64999'] },
        { line: 3, messageId: 'extremity', field: 'code', suggestions: ['Change 64653 to 64999'] },
      ],
    },
    {
      name: 'the hands and the axillae on one 64650 line: the hands decide',
      encounter: chemo('64650', 'axillae and hands'),
      findings: [
        {
          line: 0,
          messageId: 'extremity',
          title: 'Use 64999 for hands or feet',
          field: 'code',
          suggestions: ['Change 64650 to 64999'],
        },
      ],
    },
    {
      name: 'upper-case site with laterality',
      encounter: chemo('64653', 'LT PALM'),
      findings: [{ line: 0, messageId: 'extremity', field: 'code', suggestions: ['Change 64653 to 64999'] }],
    },
  ],
});
