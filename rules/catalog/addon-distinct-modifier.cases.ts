import { defineCases, enc } from '../cases';

// Rows of the built-in table (CMS practitioner PTP 2026 Q3) these cases rest on:
//   17110/17003 and 17111/17003 indicator 1; 17004/17003 indicator 0; 17003/17340 indicator 1;
//   17312/88305, 17315/88305 indicator 1 (the add-on as column 1); nothing pairs 17000 with 17003,
//   17311 with 17312 or 17315, 17313 with 17314, or 11102 with 17003.
export default defineCases({
  valid: [
    {
      name: 'warts and AKs: 17110 pairs with 17003 (column 2), so XS is what NCCI asks for (ex91)',
      encounter: enc({
        dx: ['B07.8', 'L57.0'],
        lines: [
          { code: '17110', dx: [1], site: 'right hand' },
          { code: '17000', modifiers: ['XS'], dx: [2], site: 'forehead' },
          { code: '17003', modifiers: ['XS'], units: 2, dx: [2], site: 'forehead' },
        ],
      }),
    },
    {
      name: '17111 beside 17003 is a pair too',
      encounter: enc({
        dx: ['B07.8', 'L57.0'],
        lines: [
          { code: '17111', dx: [1] },
          { code: '17000', dx: [2] },
          { code: '17003', modifiers: ['59'], units: 3, dx: [2] },
        ],
      }),
    },
    {
      name: '17000 + 17003 without a modifier',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', units: 4, dx: [1] },
        ],
      }),
    },
    {
      name: 'a modifier that is not distinct-service (RT) on the add-on',
      encounter: enc({
        dx: ['C44.622'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17314', modifiers: ['RT'], dx: [1] },
        ],
      }),
    },
    {
      name: 'the primary is missing: addon-without-primary speaks',
      encounter: enc({ dx: ['L57.0'], lines: [{ code: '17003', modifiers: ['XS'], units: 2, dx: [1] }] }),
    },
    {
      name: 'the primary is billed to the patient, so not on the claim',
      encounter: enc({
        dx: ['C44.622'],
        lines: [
          { code: '17313', dx: [1], billTo: 'patient' },
          { code: '17314', modifiers: ['59'], dx: [1] },
        ],
      }),
    },
    {
      name: 'XS on the primary 17000 is not this rule',
      encounter: enc({
        dx: ['L57.0', 'D48.5'],
        lines: [
          { code: '17000', modifiers: ['XS'], dx: [1] },
          { code: '17003', units: 2, dx: [1] },
          { code: '11102', dx: [2] },
        ],
      }),
    },
    {
      name: 'XS on a biopsy add-on is not judged (only 17003, 17312, 17314, 17315) (ex68)',
      encounter: enc({
        dx: ['D48.5', 'B07.8'],
        lines: [
          { code: '11102', modifiers: ['XS'], dx: [1] },
          { code: '11103', modifiers: ['XS'], dx: [1] },
          { code: '17110', dx: [2] },
        ],
      }),
    },
    {
      name: '17004 beside 17003 (indicator 0) is a pair: destruction-series and ncci-ptp speak',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', modifiers: ['XS'], dx: [1] },
          { code: '17004', dx: [1] },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'five AKs with XS on 17003 and nothing else on the claim (ex73)',
      encounter: enc({
        dx: ['L71.9', 'L57.0'],
        lines: [
          { code: '99213', modifiers: ['25'], dx: [1] },
          { code: '17000', dx: [2], site: 'right forearm' },
          { code: '17003', modifiers: ['XS'], units: 4, dx: [2], site: 'right forearm' },
        ],
      }),
      findings: [
        {
          line: 2,
          severity: 'warning',
          messageId: 'noise',
          title: 'Remove XS from 17003',
          field: 'modifiers',
          suggestions: ['Remove XS from 17003'],
        },
      ],
    },
    {
      name: '59 on the added Mohs stage 17314 (ex74)',
      encounter: enc({
        dx: ['C44.622'],
        lines: [
          { code: '17313', dx: [1], site: 'right forearm' },
          { code: '17314', modifiers: ['59'], dx: [1], site: 'right forearm' },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'noise',
          title: 'Remove 59 from 17314',
          field: 'modifiers',
          suggestions: ['Remove 59 from 17314'],
        },
      ],
    },
    {
      name: '17312 and 17315 both with XS, the modifier written in lower case and with a dash',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', modifiers: ['xs'], dx: [1] },
          { code: '17315', modifiers: ['-XS'], units: 2, dx: [1] },
        ],
      }),
      findings: [
        { line: 1, messageId: 'noise', field: 'modifiers', suggestions: ['Remove XS from 17312'] },
        {
          line: 2,
          messageId: 'noise',
          title: 'Remove XS from 17315',
          field: 'modifiers',
          suggestions: ['Remove XS from 17315'],
        },
      ],
    },
    {
      name: '17315 after 17313: its primary may be either',
      encounter: enc({
        dx: ['C44.722'],
        lines: [
          { code: '17313', dx: [1] },
          { code: '17315', modifiers: ['XU'], dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'noise',
          title: 'Remove XU from 17315',
          field: 'modifiers',
          suggestions: ['Remove XU from 17315'],
        },
      ],
    },
    {
      name: 'the wart destruction that would pair with 17003 is billed to the patient',
      encounter: enc({
        dx: ['B07.8', 'L57.0'],
        lines: [
          { code: '17110', dx: [1], billTo: 'patient' },
          { code: '17000', dx: [2] },
          { code: '17003', modifiers: ['XS'], dx: [2] },
        ],
      }),
      findings: [{ line: 2, messageId: 'noise', field: 'modifiers', suggestions: ['Remove XS from 17003'] }],
    },
    {
      name: 'a biopsy beside the AKs does not pair with 17003 (biopsy-bundled judges the biopsy and 17000)',
      encounter: enc({
        dx: ['L57.0', 'D48.5'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', modifiers: ['XS'], dx: [1] },
          { code: '11102', modifiers: ['XS'], dx: [2] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noise', field: 'modifiers', suggestions: ['Remove XS from 17003'] }],
    },
    {
      name: '59 and XS together name both (modifier-conflict speaks for the pair of them)',
      encounter: enc({
        dx: ['L57.0'],
        lines: [
          { code: '17000', dx: [1] },
          { code: '17003', modifiers: ['59', 'XS'], dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'noise',
          title: 'Remove 59 and XS from 17003',
          field: 'modifiers',
          suggestions: ['Remove 59 and XS from 17003'],
        },
      ],
    },
    {
      name: 'the add-on as column 1 of an edit (17312/88305): the modifier belongs on the pathology line',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', dx: [1] },
          { code: '17312', modifiers: ['59'], dx: [1] },
          { code: '88305', dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'noiseMove', field: 'modifiers' }],
    },
  ],
});
