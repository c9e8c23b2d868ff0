/**
 * The note rules (docs/note.md) on random encounters with note-like notes: they never
 * throw, their findings are schema-valid, at most one per line, and no message or
 * fix ever repeats note text (a marker word planted in every note never comes back).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../index';
import { FindingSchema, type Encounter } from '../schema';
import { VOCABULARY } from './vocab';
import noteTechniqueMismatch from '../catalog/note-technique-mismatch';
import noteClosureMismatch from '../catalog/note-closure-mismatch';
import noteSizeMismatch from '../catalog/note-size-mismatch';
import noteCountMismatch from '../catalog/note-count-mismatch';
import mohsBlocks from '../catalog/mohs-blocks';
import mohsSurgeonPathologist from '../catalog/mohs-surgeon-pathologist';

const NOTE_RULES = [
  noteTechniqueMismatch,
  noteClosureMismatch,
  noteSizeMismatch,
  noteCountMismatch,
  mohsBlocks,
  mohsSurgeonPathologist,
];
const MARKER = 'Zqxvelmarker';

const CODES = [
  '11102',
  '11103',
  '11104',
  '11105',
  '11106',
  '11107',
  '11200',
  '11201',
  '11301',
  '11306',
  '11311',
  '11401',
  '11442',
  '11602',
  '11644',
  '12001',
  '12011',
  '12032',
  '13131',
  '17000',
  '17003',
  '17004',
  '17110',
  '17111',
  '17262',
  '17311',
  '17312',
  '17313',
  '17314',
  '17315',
  '10060',
  '88305',
  '99213',
];
const SITES = [
  'left cheek',
  'L upper back',
  'right shin',
  'nose',
  'left forearm',
  'left arm',
  'scalp',
  'bilateral hands',
  '',
];
const PIECES = [
  ...VOCABULARY,
  ...SITES,
  MARKER,
  MARKER,
  '1',
  '2',
  '6',
  '16',
  '0.4 cm',
  '12 mm',
  '1.2 x 0.8 cm',
  '2-3 mm',
  '1%',
  '4-0',
  'x3',
  'Procedure:',
  'Procedure 2:',
  'Plan:',
  'Pathology:',
  'Hemostasis:',
  'Sutures: none',
  'Size:',
  'Margins:',
  'Stage 1:',
  'Stage 2:',
  '7 tissue blocks',
  'Steri-Strips',
  'liquid nitrogen',
  'excised with 2 mm margins',
  'punch biopsy',
  'shave biopsy',
  'pathologist',
  'frozen sections',
  'Mohs surgeon',
  '<b>',
  '&amp;',
  '😀',
  '\u2028',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '; ', '\n', ': '];

const wordSoup = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 120 })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));

/** A templated procedure block with random parts, so that every rule's firing path is reached. */
const templated = fc
  .record({
    label: fc.constantFrom('Procedure:', 'Procedure 1:', 'Operation:', ''),
    technique: fc.constantFrom(
      'Punch biopsy',
      'Shave biopsy',
      'Shave removal',
      'Elliptical excision',
      'Cryotherapy with liquid nitrogen',
      'Mohs micrographic surgery',
      'I&D',
      '',
    ),
    site: fc.constantFrom(...SITES),
    size: fc.constantFrom(
      'Lesion measuring 1.3 cm.',
      'Lesion measuring 4 mm.',
      'Excised diameter: 2.4 cm',
      '',
      'Lesion size 2-3 mm.',
    ),
    margins: fc.constantFrom('Excised with 0.4 cm margins.', 'Margins: 2 mm', ''),
    closure: fc.constantFrom(
      'Closure: 4-0 nylon simple interrupted sutures',
      'Closure: layered closure with subcutaneous sutures',
      'Sutures: none\nDressing: Steri-Strips',
      'Repair: left to granulate',
      '',
    ),
    count: fc.constantFrom(
      'Six actinic keratoses were treated with liquid nitrogen.',
      '16 verrucae treated with cryotherapy.',
      'Twenty skin tags were snipped.',
      'Eight lesions treated with LN2.',
      '',
    ),
    stages: fc.constantFrom('Stage 1: 7 tissue blocks.\nStage 2: 3 tissue blocks.', 'Stage 1: 6 blocks.', ''),
    pathologist: fc.constantFrom(
      'Frozen sections were read by the hospital pathologist.',
      'Frozen sections were read by the Mohs surgeon.',
      '',
    ),
    plan: fc.constantFrom('Plan: elliptical excision with 5 mm margins if atypical', ''),
  })
  .map((b) =>
    [
      `${b.label} ${b.technique}`,
      `Location: ${b.site}`,
      b.size,
      b.margins,
      b.closure,
      b.count,
      b.stages,
      b.pathologist,
      b.plan,
    ]
      .filter(Boolean)
      .join('\n'),
  );

const noteText = fc
  .array(fc.oneof(templated, wordSoup), { minLength: 1, maxLength: 4 })
  .map((parts) => `${MARKER} ${parts.join('\n')}`);

const encounter: fc.Arbitrary<Encounter> = fc.record({
  id: fc.constant('prop'),
  payer: fc.record({ kind: fc.constantFrom('commercial' as const, 'medicare' as const) }),
  diagnoses: fc.constant([{ code: 'C44.319' }, { code: 'L57.0' }, { code: 'D48.5' }]),
  lines: fc.array(
    fc.record(
      {
        code: fc.constantFrom(...CODES),
        units: fc.integer({ min: 1, max: 14 }),
        site: fc.constantFrom(...SITES),
        sizeCm: fc.double({ min: 0.1, max: 5, noNaN: true }),
        lesions: fc.integer({ min: 1, max: 20 }),
        billTo: fc.constantFrom('insurance' as const, 'patient' as const),
      },
      { requiredKeys: ['code'] },
    ),
    { minLength: 1, maxLength: 8 },
  ),
  note: noteText,
});

describe('note rules on random encounters', () => {
  it('never throw, give schema-valid findings, one per line, and never repeat note text', () => {
    fc.assert(
      fc.property(encounter, (e) => {
        const findings = run(e, {
          rules: NOTE_RULES,
          onRuleError: (id, error) => {
            throw new Error(`${id} threw: ${String(error)}`);
          },
        });
        const seen = new Set<string>();
        for (const f of findings) {
          FindingSchema.parse(f);
          const key = `${f.rule}@${f.line}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
          expect(f.line === null || (f.line >= 0 && f.line < e.lines.length)).toBe(true);
          for (const text of [f.message, f.fix ?? '']) {
            expect(text).not.toContain(MARKER);
            expect(text).not.toContain('<b>');
            // Sites of two words or more ('left cheek') are note text; one word ('scalp') may name a site group in a fix.
            for (const site of SITES)
              if (site.includes(' ')) expect(text.toLowerCase()).not.toContain(site.toLowerCase());
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('fire somewhere on such notes (the generator reaches the rules)', () => {
    const fired = new Set<string>();
    fc.assert(
      fc.property(encounter, (e) => {
        for (const f of run(e, { rules: NOTE_RULES })) fired.add(f.rule);
      }),
      { numRuns: 1500, seed: 12 },
    );
    expect([...fired].sort()).toEqual(NOTE_RULES.map((r) => r.meta.id).sort());
  });

  it('an encounter without a note: no note rule fires, and the note is never read', () => {
    const e: Encounter = {
      id: 'x',
      payer: { kind: 'commercial' },
      diagnoses: [{ code: 'L57.0' }],
      lines: [{ code: '17000' }, { code: '17003', units: 20 }],
    };
    expect(run(e, { rules: NOTE_RULES })).toEqual([]);
    expect(run({ ...e, note: '   \n ' }, { rules: NOTE_RULES })).toEqual([]);
  });
});
