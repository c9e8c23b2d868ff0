import { defineCases, enc } from '../cases';

/** One line of `code` at `site`, linked to `dx`. */
const at = (code: string, site: string, dx = 'C44.319') => enc({ dx: [dx], lines: [{ code, site, dx: [1] }] });

export default defineCases({
  valid: [
    { name: 'face excision on the cheek', encounter: at('11642', 'left cheek') },
    { name: 'trunk excision on the upper back', encounter: at('11602', 'upper back', 'C44.519') },
    { name: 'scalp shave on the scalp', encounter: at('11306', 'scalp', 'L82.0') },
    { name: 'hand destruction on the dorsal hand', encounter: at('17271', 'left dorsal hand', 'C44.619') },
    { name: 'arm excision on the forearm', encounter: at('11402', 'right forearm', 'D22.61') },
    { name: 'face destruction on the nasal tip', encounter: at('17281', 'nasal tip', 'C44.311') },
    {
      name: 'Mohs 17311 + 17312 on the nose',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', site: 'nasal tip', dx: [1] },
          { code: '17312', site: 'nasal tip', dx: [1] },
        ],
      }),
    },
    { name: 'Mohs 17311 on the dorsal hand (group B fits too)', encounter: at('17311', 'left dorsal hand', 'C44.619') },
    {
      name: 'Mohs 17313 + 17314 on the upper back',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17313', site: 'upper back', dx: [1] },
          { code: '17314', site: 'upper back', dx: [1] },
        ],
      }),
    },
    {
      name: '17315 is not site-specific',
      encounter: enc({
        dx: ['C44.311'],
        lines: [
          { code: '17311', site: 'nasal tip', dx: [1] },
          { code: '17315', site: 'right forearm', dx: [1] },
        ],
      }),
    },
    // The lexicon cannot decide: stay silent.
    { name: "'head' alone is unknown", encounter: at('11602', 'head') },
    { name: "'neck/jaw' names two groups", encounter: at('11622', 'neck/jaw') },
    { name: 'empty site', encounter: at('11402', '', 'D22.5') },
    { name: 'no site at all', encounter: enc({ dx: ['C44.311'], lines: [{ code: '17313', dx: [1] }] }) },
    { name: 'a code that is not site-specific (biopsy) on the cheek', encounter: at('11102', 'left cheek', 'D48.5') },
    {
      name: 'mismatched line billed to the patient',
      encounter: enc({ dx: ['D22.39'], lines: [{ code: '11402', site: 'left cheek', dx: [1], billTo: 'patient' }] }),
    },
  ],
  invalid: [
    {
      name: 'trunk excision code on the cheek',
      encounter: at('11402', 'left cheek', 'D22.39'),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'wrongSite',
          title: 'Use 11442 for this site',
          field: 'code',
          suggestions: ['Change 11402 to 11442'],
        },
      ],
    },
    {
      name: 'face excision code on the forearm',
      encounter: at('11643', 'right forearm'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSite',
          title: 'Use 11603 for this site',
          field: 'code',
          suggestions: ['Change 11643 to 11603'],
        },
      ],
    },
    {
      name: 'trunk shave code on the scalp',
      encounter: at('11301', 'scalp', 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSite',
          title: 'Use 11306 for this site',
          field: 'code',
          suggestions: ['Change 11301 to 11306'],
        },
      ],
    },
    {
      name: 'face destruction code on the dorsal hand',
      encounter: at('17284', 'left dorsal hand', 'C44.619'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSite',
          title: 'Use 17274 for this site',
          field: 'code',
          suggestions: ['Change 17284 to 17274'],
        },
      ],
    },
    {
      name: 'scalp excision code on the upper back',
      encounter: at('11426', 'upper back', 'D22.5'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSite',
          title: 'Use 11406 for this site',
          field: 'code',
          suggestions: ['Change 11426 to 11406'],
        },
      ],
    },
    {
      name: 'hand shave code on the nasal tip',
      encounter: at('11308', 'nasal tip', 'L82.0'),
      findings: [
        {
          line: 0,
          messageId: 'wrongSite',
          title: 'Use 11313 for this site',
          field: 'code',
          suggestions: ['Change 11308 to 11313'],
        },
      ],
    },
    {
      name: 'trunk Mohs codes on the nose: error on both, 17311/17312 named',
      encounter: enc({
        payer: 'medicare',
        dx: ['C44.311'],
        lines: [
          { code: '17313', site: 'L nasal ala', dx: [1] },
          { code: '17314', site: 'L nasal ala', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'wrongSite',
          title: 'Use 17311 for this site',
          field: 'code',
          suggestions: ['Change to 17311 + 17312'],
        },
        {
          line: 1,
          severity: 'error',
          messageId: 'wrongSite',
          title: 'Use 17312 for this site',
          field: 'code',
          suggestions: ['Change to 17311 + 17312'],
        },
      ],
    },
    {
      name: 'trunk Mohs code on the scalp',
      encounter: at('17313', 'scalp', 'C44.41'),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'wrongSite',
          title: 'Use 17311 for this site',
          field: 'code',
          suggestions: ['Change 17313 to 17311'],
        },
      ],
    },
    {
      name: '17311 on the forearm is a warning (deep structures allow it)',
      encounter: at('17311', 'right forearm', 'C44.612'),
      findings: [
        { line: 0, severity: 'warning', messageId: 'deepMohs', title: 'Use 17313 unless it was deep', field: 'code' },
      ],
    },
    {
      name: '17312 on the upper back is a warning too',
      encounter: enc({
        dx: ['C44.519'],
        lines: [
          { code: '17311', site: 'upper back', dx: [1] },
          { code: '17312', site: 'upper back', dx: [1] },
        ],
      }),
      findings: [
        { line: 0, severity: 'warning', messageId: 'deepMohs', field: 'code' },
        { line: 1, severity: 'warning', messageId: 'deepMohs', title: 'Use 17314 unless it was deep', field: 'code' },
      ],
    },
    {
      name: 'only the mismatched line of several fires; unknown sites stay silent',
      encounter: enc({
        dx: ['C44.319'],
        lines: [
          { code: '11642', site: 'left cheek', dx: [1] },
          { code: '11602', site: 'nasal tip', dx: [1] },
          { code: '11602', site: 'head', dx: [1] },
        ],
      }),
      findings: [
        {
          line: 1,
          messageId: 'wrongSite',
          title: 'Use 11642 for this site',
          field: 'code',
          suggestions: ['Change 11602 to 11642'],
        },
      ],
    },
    {
      name: 'code with spaces and no diagnoses still judged',
      encounter: enc({ lines: [{ code: ' 11300 ', site: 'left cheek' }] }),
      findings: [
        {
          line: 0,
          messageId: 'wrongSite',
          title: 'Use 11310 for this site',
          field: 'code',
          suggestions: ['Change 11300 to 11310'],
        },
      ],
    },
  ],
});
