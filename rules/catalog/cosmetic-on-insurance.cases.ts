import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    {
      name: 'toxin for axillary hyperhidrosis on both lines',
      encounter: enc({
        dx: ['L74.510'],
        lines: [
          { code: '64650', dx: [1] },
          { code: 'J0585', units: 100, dx: [1] },
        ],
      }),
    },
    {
      name: 'filler and sunscreen billed to the patient',
      encounter: enc({
        dx: ['L70.0'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '11951', billTo: 'patient', category: 'cosmetic' },
          { code: '', billTo: 'patient', category: 'retail' },
        ],
      }),
    },
    {
      name: 'chemical peel for actinic keratoses is medical',
      encounter: enc({ payer: 'medicare', dx: ['L57.0'], lines: [{ code: '15788', dx: [1] }] }),
    },
    {
      name: 'dermabrasion for rhinophyma is medical',
      encounter: enc({ dx: ['L71.1'], lines: [{ code: '15781', dx: [1] }] }),
    },
    {
      name: 'GY sent on purpose for a denial',
      encounter: enc({ payer: 'medicare', dx: ['Z41.1'], lines: [{ code: '11950', modifiers: ['gy'], dx: [1] }] }),
    },
    {
      name: 'toxin for chronic migraine (G43.7 sub-code)',
      encounter: enc({
        payer: 'medicare',
        dx: ['G43.709'],
        lines: [
          { code: '64615', dx: [1] },
          { code: 'J0585', modifiers: ['JZ'], units: 155, dx: [1] },
        ],
      }),
    },
    {
      name: 'silent when it cannot decide: toxin with no diagnosis linked',
      encounter: enc({ dx: ['L74.510'], lines: [{ code: 'J0585', units: 100, dx: [5] }] }),
    },
    {
      name: 'silent when it cannot decide: peel with no diagnosis at all',
      encounter: enc({ lines: [{ code: '15789' }] }),
    },
    {
      name: 'self-pay sends no claim',
      encounter: enc({
        payer: 'self-pay',
        dx: ['Z41.1'],
        lines: [
          { code: '11951', dx: [1], category: 'cosmetic' },
          { code: '', category: 'retail' },
        ],
      }),
    },
    {
      name: 'an ordinary medical visit marked service',
      encounter: enc({ dx: ['L40.0'], lines: [{ code: '99213', dx: [1], category: 'service' }] }),
    },
  ],
  invalid: [
    {
      name: 'retail sunscreen on the claim (no code)',
      encounter: enc({
        dx: ['L71.9'],
        lines: [
          { code: '99213', dx: [1] },
          { code: '', category: 'retail' },
        ],
      }),
      findings: [
        { line: 1, severity: 'error', messageId: 'retailNoCode', field: null, suggestions: ['Bill to the patient'] },
      ],
    },
    {
      name: 'toxin for frown lines and filler with Z41.1',
      encounter: enc({
        dx: ['R23.4', 'Z41.1'],
        lines: [
          { code: 'J0585', units: 20, dx: [1] },
          { code: '11951', dx: [2] },
        ],
      }),
      findings: [
        { line: 0, messageId: 'toxin', title: 'Bill patient, or link covered dx', field: 'dx' },
        {
          line: 1,
          messageId: 'dx',
          title: 'Cosmetic dx: bill the patient',
          field: 'dx',
          suggestions: ['Bill 11951 to the patient'],
        },
      ],
    },
    {
      name: 'line marked cosmetic though its code is not (Medicare Advantage)',
      encounter: enc({
        payer: 'medicare-advantage',
        dx: ['L82.1'],
        lines: [{ code: '17110', dx: [1], category: 'cosmetic' }],
      }),
      findings: [{ line: 0, messageId: 'category', field: null, suggestions: ['Bill 17110 to the patient'] }],
    },
    {
      name: 'cosmetic code with no diagnosis at all (electrolysis)',
      encounter: enc({ payer: 'medicaid', lines: [{ code: '17380' }] }),
      findings: [{ line: 0, messageId: 'code', field: null, suggestions: ['Bill 17380 to the patient'] }],
    },
    {
      name: 'chemical peel for melasma',
      encounter: enc({ dx: ['L81.1'], lines: [{ code: '15788', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'peel', field: 'dx' }],
    },
    {
      name: 'medical peel diagnosis does not rescue a Z41.1 link',
      encounter: enc({ dx: ['L57.0', 'Z41.1'], lines: [{ code: '15788', dx: [1, 2] }] }),
      findings: [
        {
          line: 0,
          messageId: 'dx',
          title: 'Cosmetic dx: bill the patient',
          field: 'dx',
          suggestions: ['Bill 15788 to the patient'],
        },
      ],
    },
    {
      name: 'an E/M linked to a cosmetic diagnosis (pointers absent: all linked)',
      encounter: enc({ dx: ['Z41.8'], lines: [{ code: '99213' }] }),
      findings: [{ line: 0, messageId: 'dx', field: 'dx', suggestions: ['Bill 99213 to the patient'] }],
    },
    {
      name: 'GY on another line does not cover this one; modifiers lower case',
      encounter: enc({
        dx: ['Z41.1'],
        lines: [
          { code: '11950', modifiers: ['gy'], dx: [1] },
          { code: ' 11951 ', modifiers: ['-ga'], dx: [1] },
        ],
      }),
      findings: [{ line: 1, messageId: 'dx', field: 'dx', suggestions: ['Bill 11951 to the patient'] }],
    },
    {
      name: 'the patient-billed copy does not excuse the insured line',
      encounter: enc({
        dx: ['Z41.1'],
        lines: [
          { code: '11951', dx: [1], billTo: 'patient' },
          { code: '11951', dx: [1], billTo: 'insurance' },
        ],
      }),
      findings: [{ line: 1, messageId: 'dx', field: 'dx', suggestions: ['Bill 11951 to the patient'] }],
    },
    {
      name: 'huge units on a retail line do not throw',
      encounter: enc({
        dx: ['L40.0'],
        lines: [{ code: 'A9270', units: 1_000_000, modifiers: [''], category: 'retail' }],
      }),
      findings: [
        {
          line: 0,
          messageId: 'retail',
          title: 'Retail item: bill the patient',
          field: null,
          suggestions: ['Bill A9270 to the patient'],
        },
      ],
    },
    {
      name: 'a line with no code marked cosmetic',
      encounter: enc({ dx: ['L70.0'], lines: [{ code: '', category: 'cosmetic', dx: [1] }] }),
      findings: [
        {
          line: 0,
          messageId: 'categoryNoCode',
          title: 'Cosmetic: bill the patient',
          field: null,
          suggestions: ['Bill to the patient'],
        },
      ],
    },
    {
      name: 'a code field holding words, linked to Z41.1: named as "this line", never quoted',
      encounter: enc({ dx: ['Z41.1'], lines: [{ code: 'filler', dx: [1] }] }),
      findings: [{ line: 0, messageId: 'dxNoCode', field: 'dx', suggestions: ['Bill to the patient'] }],
    },
  ],
});
