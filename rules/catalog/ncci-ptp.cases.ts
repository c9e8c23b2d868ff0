import { defineCases, enc } from '../cases';

// Real rows of the built-in table (CMS practitioner PTP 2026 Q3, v32.2):
//   11055/17110 indicator 1 (mutually exclusive)   17110/17000 indicator 1 (mutually exclusive)
//   11056/11055 indicator 0                        12002/12001 indicator 0    11901/11900 indicator 0
//   17311/11600 indicator 1                        99203/99202 indicator 0
// and pairs the catalog judges instead (rules/ncci/precedence.ts):
//   11102/17000 (biopsy-bundled), 11400/12001 (repair-bundled), 17311/88305 (mohs-pathology-bundled),
//   17110/99213 (mod25-*), 11106/11104 (biopsy-primary), 17004/17000 (destruction-series).
// Two destruction families (17110/11200, 17110/17000 and 17110/17003, all indicator 1) are
// judged here whatever diagnoses their lines link: only a modifier bypasses an edit (ex24).
export default defineCases({
  valid: [
    {
      name: 'paring and a wart destruction, XS on the destruction (column 2)',
      encounter: enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', modifiers: ['XS'], dx: [2] },
        ],
      }),
    },
    {
      name: 'paring and a wart destruction, XS on the paring (column 1)',
      encounter: enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', modifiers: ['XS'], dx: [1] },
          { code: '17110', dx: [2] },
        ],
      }),
    },
    {
      name: 'an anatomic modifier separates them too (F1 on the destruction)',
      encounter: enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', modifiers: ['F1'], dx: [2] },
        ],
      }),
    },
    {
      name: 'the column-2 line is billed to the patient',
      encounter: enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', dx: [2], billTo: 'patient' },
        ],
      }),
    },
    {
      name: 'the same code on two lines is no pair (the MUE judges it)',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17311', dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: biopsy with a destruction, no modifier (biopsy-bundled speaks)',
      encounter: enc({
        dx: ['L57.0', 'D48.5'],
        lines: [
          { code: '11102', dx: [2] },
          { code: '17000', dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: biopsy with a destruction and its add-on (biopsy-bundled speaks)',
      encounter: enc({
        dx: ['L57.0', 'D48.5'],
        lines: [
          { code: '11102', dx: [2] },
          { code: '17000', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: excision with a simple repair (repair-bundled speaks)',
      encounter: enc({
        dx: ['D48.5'],
        lines: [
          { code: '11400', dx: [1] },
          { code: '12001', dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: Mohs with surgical pathology (mohs-pathology-bundled speaks)',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: a visit with a destruction, no 25 (mod25-missing speaks)',
      encounter: enc({
        dx: ['B07.8', 'L40.0'],
        lines: [
          { code: '99213', dx: [2] },
          { code: '17110', dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: two biopsy primaries, indicator 0 (biopsy-primary speaks)',
      encounter: enc({
        payer: 'medicare',
        dx: ['L94.0', 'L30.9'],
        lines: [
          { code: '11104', dx: [2] },
          { code: '11106', dx: [1] },
        ],
      }),
    },
    {
      name: 'precedence: 17004 with 17000, indicator 0 (destruction-series speaks)',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17004', dx: [1] },
        ],
      }),
    },
    {
      name: 'seborrheic keratoses destroyed and skin tags removed, XS on the skin tags (column 2)',
      encounter: enc({
        payer: 'medicare',
        dx: ['L82.0', 'L91.8'],
        lines: [
          { code: '17110', dx: [1] },
          { code: '11200', modifiers: ['XS'], dx: [2] },
        ],
      }),
    },
    {
      name: 'warts and actinic keratoses destroyed, XS on both AK lines (ex91)',
      encounter: enc({
        dx: ['B07.8', 'L57.0'],
        lines: [
          { code: '17110', dx: [1] },
          { code: '17000', modifiers: ['XS'], dx: [2] },
          { code: '17003', modifiers: ['XS'], units: 2, dx: [2] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'paring and a wart destruction without a modifier: warning on the destruction',
      encounter: enc({
        dx: ['L84', 'B07.0'],
        lines: [
          { code: '11055', dx: [1] },
          { code: '17110', dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'mutuallyExclusive',
          title: 'Add XS if separate, else remove',
          field: 'modifiers',
          suggestions: ['Add XS to 17110', 'Remove 17110'],
        },
      ],
    },
    {
      name: 'a modifier that is not NCCI-associated does not separate them',
      encounter: enc({
        payer: 'medicare',
        dx: ['L84', 'B07.0'],
        abn: { signed: true },
        lines: [
          { code: '11055', modifiers: ['GA'], dx: [1] },
          { code: '17110', modifiers: ['GA'], dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'mutuallyExclusive',
          field: 'modifiers',
          suggestions: ['Add XS to 17110', 'Remove 17110'],
        },
      ],
    },
    {
      name: 'indicator 0: paring of one lesion with paring of 2 to 4 (error on 11055)',
      encounter: enc({
        dx: ['L84'],
        lines: [
          { code: '11056', dx: [1] },
          { code: '11055', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'error',
          messageId: 'never',
          title: 'Remove 11055 (NCCI edit)',
          field: 'code',
          suggestions: ['Remove 11055'],
        },
      ],
    },
    {
      name: 'indicator 0 is not bypassed by XS',
      encounter: enc({
        dx: ['L84'],
        lines: [
          { code: '11056', dx: [1] },
          { code: '11055', modifiers: ['XS'], dx: [1] },
        ],
      }),
      findings: [{ line: 1, severity: 'error', messageId: 'never', field: 'code', suggestions: ['Remove 11055'] }],
    },
    {
      name: 'indicator 0: two simple repairs of one anatomic group (lengths are added)',
      encounter: enc({
        dx: ['S01.81XA'],
        lines: [
          { code: '12001', dx: [1] },
          { code: '12002', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'never',
          title: 'Remove 12001 (NCCI edit)',
          field: 'code',
          suggestions: ['Remove 12001'],
        },
      ],
    },
    {
      name: 'indicator 0: intralesional injections, up to 7 and more than 7',
      encounter: enc({
        dx: ['L91.0'],
        lines: [
          { code: '11900', dx: [1] },
          { code: '11901', dx: [1] },
        ],
      }),
      findings: [{ line: 0, severity: 'error', messageId: 'never', field: 'code', suggestions: ['Remove 11900'] }],
    },
    {
      name: 'seborrheic keratoses destroyed and skin tags removed, each for its own diagnosis: different diagnoses bypass nothing (ex24)',
      encounter: enc({
        payer: 'medicare',
        dx: ['L82.0', 'L91.8'],
        lines: [
          { code: '17110', dx: [1] },
          { code: '11200', dx: [2] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'mutuallyExclusive',
          title: 'Add XS if separate, else remove',
          field: 'modifiers',
          suggestions: ['Add XS to 11200', 'Remove 11200'],
        },
      ],
    },
    {
      name: 'actinic keratoses and warts destroyed, each for its own diagnosis, no modifier: warning on 17000 and on 17003',
      encounter: enc({
        dx: ['L57.0', 'B07.8'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 2, dx: [1] },
          { code: '17110', dx: [2] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'mutuallyExclusive',
          field: 'modifiers',
          suggestions: ['Add XS to 17000'],
        },
        {
          line: 1,
          severity: 'warning',
          messageId: 'mutuallyExclusive',
          field: 'modifiers',
          suggestions: ['Add XS to 17003', 'Remove 17003'],
        },
      ],
    },
    {
      name: 'actinic keratoses and warts destroyed for one shared diagnosis list: warning on 17000',
      encounter: enc({ dx: ['L57.0', 'B07.8'], lines: ['17000', '17110'] }),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'mutuallyExclusive',
          title: 'Add XS if separate, else remove',
          field: 'modifiers',
          suggestions: ['Add XS to 17000', 'Remove 17000'],
        },
      ],
    },
    {
      name: 'Mohs and an excision unseparated: warning on the excision',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '11600', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          severity: 'warning',
          messageId: 'bundled',
          title: 'Add XS if separate, else remove',
          field: 'modifiers',
          suggestions: ['Add XS to 11600', 'Remove 11600'],
        },
      ],
    },
    {
      name: 'two visit codes on one claim: indicator 0, error on 99202',
      encounter: enc({
        dx: ['L40.0'],
        lines: [
          { code: '99202', dx: [1] },
          { code: '99203', dx: [1] },
        ],
      }),
      findings: [{ line: 0, severity: 'error', messageId: 'never', field: 'code', suggestions: ['Remove 99202'] }],
    },
  ],
});
