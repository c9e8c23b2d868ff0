import { defineCases, enc } from '../cases';

const toxin = { code: 'J0585', units: 100, dx: [1] };
const chemo = (
  code: string,
  dx: string[],
  site = code === '64650' ? 'bilateral axillae' : 'forehead',
  extra: object = {},
) => enc({ dx, lines: [{ code, dx: dx.map((_, i) => i + 1), site, ...extra }, toxin] });

export default defineCases({
  valid: [
    {
      name: 'axillae and axillary hyperhidrosis, forehead and facial hyperhidrosis (ex84)',
      encounter: enc({
        dx: ['L74.510', 'L74.511'],
        lines: [
          { code: '64650', dx: [1], site: 'bilateral axillae' },
          { code: '64653', dx: [2], site: 'forehead' },
          { code: 'J0585', units: 150, dx: [1, 2] },
        ],
      }),
    },
    { name: '64650 with the unspecified primary focal code (ex81)', encounter: chemo('64650', ['L74.519'], 'scalp') },
    {
      name: '64653 on the palms with the palmar code: chemodenervation-site speaks, not this rule (ex80)',
      encounter: chemo('64653', ['L74.512'], 'palmar surface of both hands'),
    },
    {
      name: 'secondary focal hyperhidrosis beside a primary focal code',
      encounter: chemo('64650', ['L74.52', 'L74.510']),
    },
    {
      name: 'generalized hyperhidrosis beside the unspecified primary focal code',
      encounter: chemo('64653', ['R61', 'L74.519']),
    },
    {
      name: '64650 with the axillary code and the palmar code: not only the palmar one',
      encounter: chemo('64650', ['L74.512', 'L74.510']),
    },
    {
      name: '64653 with the axillary code and another diagnosis: not only axillary',
      encounter: chemo('64653', ['L74.510', 'L70.0']),
    },
    {
      name: 'no diagnosis linked (dx-missing speaks)',
      encounter: enc({ dx: ['R61'], lines: [{ code: '64650', dx: [2], site: 'bilateral axillae' }] }),
    },
    {
      name: 'generalized hyperhidrosis on a line billed to the patient',
      encounter: chemo('64650', ['R61'], 'bilateral axillae', { billTo: 'patient' }),
    },
    {
      name: 'the toxin line itself is not judged',
      encounter: enc({
        dx: ['R61', 'L74.510'],
        lines: [
          { code: '64650', dx: [2], site: 'axillae' },
          { code: 'J0585', units: 100, dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'both axillae for generalized hyperhidrosis (ex82)',
      encounter: chemo('64650', ['R61']),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'notPrimaryFocalAxillae',
          title: 'Link primary focal dx if noted',
          fixIncludes: 'link L74.510 to 64650',
          field: 'dx',
        },
      ],
    },
    {
      name: 'the forehead for secondary focal hyperhidrosis',
      encounter: chemo('64653', ['L74.52']),
      findings: [
        {
          line: 0,
          messageId: 'notPrimaryFocal',
          title: 'Link primary focal dx if noted',
          fixIncludes: 'L74.511 face',
          field: 'dx',
        },
      ],
    },
    {
      name: 'the dotless form and a second, unrelated diagnosis',
      encounter: chemo('64650', ['L7452', 'L70.0']),
      findings: [
        { line: 0, messageId: 'notPrimaryFocalAxillae', title: 'Link primary focal dx if noted', field: 'dx' },
      ],
    },
    {
      name: 'both secondary focal and generalized hyperhidrosis',
      encounter: chemo('64653', ['R61', 'L74.52']),
      findings: [{ line: 0, messageId: 'notPrimaryFocal', title: 'Link primary focal dx if noted', field: 'dx' }],
    },
    {
      name: '64653 on the forehead linked only to axillary hyperhidrosis (ex83)',
      encounter: chemo('64653', ['L74.510']),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'otherAreaAxillaryDx',
          title: "Link the area's dx, or use 64650",
          fixIncludes: 'L74.511 face',
          field: 'dx',
        },
      ],
    },
    {
      name: '64650 linked only to palmar and plantar hyperhidrosis',
      encounter: chemo('64650', ['L74.512', 'L74.513']),
      findings: [{ line: 0, messageId: 'axillaeOtherDx', title: 'Link L74.510, or use 64653', field: 'dx' }],
    },
    {
      name: '64650 linked only to facial hyperhidrosis, all encounter diagnoses by default',
      encounter: enc({ dx: ['L74.511'], lines: [{ code: '64650', site: 'B/L axillae' }] }),
      findings: [{ line: 0, messageId: 'axillaeOtherDx', field: 'dx' }],
    },
  ],
});
