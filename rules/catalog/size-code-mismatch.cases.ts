import { defineCases, enc } from '../cases';

/** One line of `code` with a documented size, linked to `dx`. */
const one = (code: string, sizeCm: number, dx = 'C44.519') => enc({ dx: [dx], lines: [{ code, sizeCm, dx: [1] }] });

export default defineCases({
  valid: [
    // Excision boundaries (malignant, trunk): each size with its own code.
    { name: '0.5 cm → 11600', encounter: one('11600', 0.5) },
    { name: '0.6 cm → 11601', encounter: one('11601', 0.6) },
    { name: '1.0 cm → 11601', encounter: one('11601', 1.0) },
    { name: '1.1 cm → 11602', encounter: one('11602', 1.1) },
    { name: '2.0 cm → 11602', encounter: one('11602', 2.0) },
    { name: '2.1 cm → 11603', encounter: one('11603', 2.1) },
    { name: '3.0 cm → 11603', encounter: one('11603', 3.0) },
    { name: '3.1 cm → 11604', encounter: one('11604', 3.1) },
    { name: '4.0 cm → 11604', encounter: one('11604', 4.0) },
    { name: '4.1 cm → 11606', encounter: one('11606', 4.1) },
    { name: '12 cm → 11606', encounter: one('11606', 12) },
    { name: 'benign face excision 1.4 cm → 11442', encounter: one('11442', 1.4, 'D22.39') },
    // Shave boundaries (trunk, neck, face).
    { name: 'shave 0.5 cm → 11300', encounter: one('11300', 0.5, 'L82.0') },
    { name: 'shave 0.6 cm → 11301', encounter: one('11301', 0.6, 'L82.0') },
    { name: 'shave 1.0 cm → 11306', encounter: one('11306', 1.0, 'L82.0') },
    { name: 'shave 1.1 cm → 11312', encounter: one('11312', 1.1, 'L82.0') },
    { name: 'shave 2.0 cm → 11307', encounter: one('11307', 2.0, 'L82.0') },
    { name: 'shave 2.1 cm → 11303', encounter: one('11303', 2.1, 'L82.0') },
    { name: 'shave 6 cm → 11313', encounter: one('11313', 6, 'L82.0') },
    // Malignant destruction.
    { name: 'destruction 0.4 cm on the face → 17280', encounter: one('17280', 0.4, 'C44.311') },
    { name: 'destruction 1.5 cm on the scalp → 17272', encounter: one('17272', 1.5, 'C44.41') },
    // Silence.
    { name: 'no sizeCm: no finding', encounter: enc({ dx: ['C44.519'], lines: [{ code: '11602', dx: [1] }] }) },
    {
      name: 'a code that is not size-specific',
      encounter: enc({ dx: ['D49.2'], lines: [{ code: '11102', sizeCm: 3, dx: [1] }] }),
    },
    {
      name: 'wrong size billed to the patient',
      encounter: enc({ dx: ['D22.5'], lines: [{ code: '11400', sizeCm: 2.5, dx: [1], billTo: 'patient' }] }),
    },
    {
      name: 'the site does not matter for the size (site-code-mismatch speaks)',
      encounter: enc({ dx: ['C44.311'], lines: [{ code: '11602', sizeCm: 1.6, site: 'left cheek', dx: [1] }] }),
    },
    {
      name: 'a code with spaces, right size',
      encounter: enc({ dx: ['C44.519'], lines: [{ code: ' 11603 ', sizeCm: 2.8, dx: [1] }] }),
    },
  ],
  invalid: [
    {
      name: 'excised diameter 2.4 cm billed 11602 (ex33)',
      encounter: one('11602', 2.4),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'wrongSize',
          title: 'Use 11603 for 2.4 cm',
          field: 'code',
          suggestions: ['Change 11602 to 11603'],
        },
      ],
    },
    {
      name: '1.4 cm face excision billed 11441',
      encounter: one('11441', 1.4, 'D22.39'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11442 for 1.4 cm',
          field: 'code',
          suggestions: ['Change 11441 to 11442'],
        },
      ],
    },
    // Excision boundaries, each one step off.
    {
      name: '0.5 cm billed 11601',
      encounter: one('11601', 0.5),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11600 for 0.5 cm',
          field: 'code',
          suggestions: ['Change 11601 to 11600'],
        },
      ],
    },
    {
      name: '0.6 cm billed 11600',
      encounter: one('11600', 0.6),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11601 for 0.6 cm',
          field: 'code',
          suggestions: ['Change 11600 to 11601'],
        },
      ],
    },
    {
      name: '1.0 cm billed 11602',
      encounter: one('11602', 1.0),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11601 for 1 cm',
          field: 'code',
          suggestions: ['Change 11602 to 11601'],
        },
      ],
    },
    {
      name: '1.1 cm billed 11601',
      encounter: one('11601', 1.1),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11602 for 1.1 cm',
          field: 'code',
          suggestions: ['Change 11601 to 11602'],
        },
      ],
    },
    {
      name: '2.0 cm billed 11603',
      encounter: one('11603', 2.0),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11602 for 2 cm',
          field: 'code',
          suggestions: ['Change 11603 to 11602'],
        },
      ],
    },
    {
      name: '2.1 cm billed 11602',
      encounter: one('11602', 2.1),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11603 for 2.1 cm',
          field: 'code',
          suggestions: ['Change 11602 to 11603'],
        },
      ],
    },
    {
      name: '3.0 cm billed 11604',
      encounter: one('11604', 3.0),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11603 for 3 cm',
          field: 'code',
          suggestions: ['Change 11604 to 11603'],
        },
      ],
    },
    {
      name: '3.1 cm billed 11603',
      encounter: one('11603', 3.1),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11604 for 3.1 cm',
          field: 'code',
          suggestions: ['Change 11603 to 11604'],
        },
      ],
    },
    {
      name: '4.0 cm billed 11606',
      encounter: one('11606', 4.0),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11604 for 4 cm',
          field: 'code',
          suggestions: ['Change 11606 to 11604'],
        },
      ],
    },
    {
      name: '4.1 cm billed 11604',
      encounter: one('11604', 4.1),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11606 for 4.1 cm',
          field: 'code',
          suggestions: ['Change 11604 to 11606'],
        },
      ],
    },
    {
      name: 'benign scalp excision 4.1 cm billed 11424',
      encounter: one('11424', 4.1, 'D22.4'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11426 for 4.1 cm',
          field: 'code',
          suggestions: ['Change 11424 to 11426'],
        },
      ],
    },
    // Shave boundaries, each one step off.
    {
      name: 'shave 0.5 cm billed 11301',
      encounter: one('11301', 0.5, 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11300 for 0.5 cm',
          field: 'code',
          suggestions: ['Change 11301 to 11300'],
        },
      ],
    },
    {
      name: 'shave 0.6 cm billed 11305',
      encounter: one('11305', 0.6, 'D22.4'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11306 for 0.6 cm',
          field: 'code',
          suggestions: ['Change 11305 to 11306'],
        },
      ],
    },
    {
      name: 'shave 1.0 cm billed 11312',
      encounter: one('11312', 1.0, 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11311 for 1 cm',
          field: 'code',
          suggestions: ['Change 11312 to 11311'],
        },
      ],
    },
    {
      name: 'shave 1.1 cm billed 11311',
      encounter: one('11311', 1.1, 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11312 for 1.1 cm',
          field: 'code',
          suggestions: ['Change 11311 to 11312'],
        },
      ],
    },
    {
      name: 'shave 2.0 cm billed 11303',
      encounter: one('11303', 2.0, 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11302 for 2 cm',
          field: 'code',
          suggestions: ['Change 11303 to 11302'],
        },
      ],
    },
    {
      name: 'shave 2.1 cm billed 11307',
      encounter: one('11307', 2.1, 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11308 for 2.1 cm',
          field: 'code',
          suggestions: ['Change 11307 to 11308'],
        },
      ],
    },
    // Destruction, and only the wrong line of several.
    {
      name: 'malignant destruction 1.2 cm billed 17281',
      encounter: one('17281', 1.2, 'C44.311'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 17282 for 1.2 cm',
          field: 'code',
          suggestions: ['Change 17281 to 17282'],
        },
      ],
    },
    {
      name: 'only the mis-sized line fires',
      encounter: enc({
        dx: ['C44.519', 'L82.0'],
        lines: [
          { code: '11603', sizeCm: 2.8, dx: [1] },
          { code: '11300', sizeCm: 0.9, dx: [2] },
          { code: '11301', sizeCm: 0.9, dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'wrongSize',
          title: 'Use 11301 for 0.9 cm',
          field: 'code',
          suggestions: ['Change 11300 to 11301'],
        },
      ],
    },
    {
      name: 'no diagnoses and an odd size still judged',
      encounter: enc({ lines: [{ code: '11400', sizeCm: 0.55 }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongSize',
          title: 'Use 11401 for 0.55 cm',
          field: 'code',
          suggestions: ['Change 11400 to 11401'],
        },
      ],
    },
  ],
});
