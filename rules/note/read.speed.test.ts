/**
 * The note reader on hostile and huge input: arbitrary strings up to 100 KB
 * never throw and are read within a time bound; time grows linearly with the
 * note; a 1 MB note is read in under 50 ms. Times are the process's CPU time
 * (process.cpuUsage), so a busy machine's waiting does not count, best of a few
 * runs after a warm-up.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNote, MAX_NOTE_CHARS } from './read';
import { VOCABULARY } from './vocab';

function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function bestCpuMs(f: () => void, runs = 3): number {
  f(); // warm-up: compiled code, scratch arrays grown
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, cpuMs(f));
  return best;
}

const TEMPLATED = [
  'Procedure: Punch biopsy\nLocation: left upper back\nIndication: changing pigmented papule, rule out dysplastic nevus\nConsent: risks, benefits and alternatives reviewed; written consent signed\nAnesthesia: 1% lidocaine with epinephrine\nTechnique: after alcohol prep, a 4 mm punch was used to take a full-thickness cylinder of skin\nClosure: one 4-0 nylon simple interrupted suture\nSpecimen: sent to dermatopathology\nWound care: petrolatum and an adhesive bandage daily',
  'Procedure: Excision of basal cell carcinoma\nLocation: left cheek\nLesion measuring 1.2 x 0.9 cm.\nAnesthesia: 1% lidocaine with epinephrine\nTechnique: elliptical excision with margins of 3 mm inferiorly and 5 mm elsewhere, carried to the subcutaneous fat\nHemostasis: electrocautery\nClosure: layered closure with 4-0 Vicryl subcutaneous sutures and 5-0 nylon simple interrupted sutures; repair length 3.4 cm\nDressing: Steri-Strips and a pressure dressing\nPlan: will consider re-excision if margins are involved',
  'Procedure: Mohs micrographic surgery\nLocation: right nasal ala\nTumor: biopsy-proven infiltrative basal cell carcinoma\nStage 1: 7 tissue blocks. Tumor present at the deep and lateral margins.\nStage 2: 3 tissue blocks. Margins clear.\nFrozen sections were prepared, read and interpreted by the Mohs surgeon.\nRepair: left to heal by second intention',
  'Procedure 1: Cryotherapy\nLocation: forehead\nTechnique: Six actinic keratoses were treated with liquid nitrogen, two freeze-thaw cycles of 10 seconds each. No complications.\nPathology:\nThe prior shave biopsy showed a dysplastic nevus, completely excised with clear margins.',
];

function noteOf(chars: number, pieces: readonly string[] = TEMPLATED): string {
  let note = '';
  for (let i = 0; note.length < chars; i++) note += `${pieces[i % pieces.length]}\n`;
  return note.slice(0, chars);
}

// First in the file: the arbitrary strings below teach the engine odd string shapes that slow every later read a little.
describe('a 1 MB note', () => {
  it('is read in under 50 ms', () => {
    const note = noteOf(1_000_000);
    expect(note.length).toBe(1_000_000);
    expect(note.length).toBeLessThan(MAX_NOTE_CHARS);
    const reading = readNote(note);
    expect(reading.blocks.length).toBeGreaterThan(1000);
    // Best of 7: on a shared, busy machine single runs vary by 2× (a quiet machine reads it in ~20 ms).
    const ms = bestCpuMs(() => readNote(note), 7);
    console.log(`note reader: 1 MB templated note read in ${ms.toFixed(1)} ms of CPU (best of 7)`);
    expect(ms).toBeLessThan(50);
  });
});

describe('arbitrary input', () => {
  const chars = fc.constantFrom(...'aeiou nstrlkmxAKSLR0123456789.,;:-–%/×&#()\n\r\t\u2028é😀'.split(''));
  const words = fc.constantFrom(
    ...VOCABULARY,
    ...'0 1 2 6 1.2 0.4 , . ; : \n - x % Procedure: Plan: Stage Hemostasis: Sutures: none no'.split(' '),
  );

  it('arbitrary strings up to 100 KB never throw and are read in under 100 ms', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: chars, maxLength: 100_000 }),
          fc.string({ maxLength: 2_000 }),
          fc.string({ unit: 'binary', maxLength: 20_000 }),
        ),
        (text) => {
          let threw: unknown;
          const ms = cpuMs(() => {
            try {
              readNote(text);
            } catch (error) {
              threw = error;
            }
          });
          expect(threw).toBeUndefined();
          expect(ms).toBeLessThan(100);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('arbitrary sequences of the words the reader knows, up to 100 KB, never throw and are read in under 100 ms', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 20_000 }), fc.constantFrom(' ', '', '\n', '. '), (list, joiner) => {
        const text = list.join(joiner).slice(0, 100_000);
        let threw: unknown;
        const ms = cpuMs(() => {
          try {
            readNote(text);
          } catch (error) {
            threw = error;
          }
        });
        expect(threw).toBeUndefined();
        expect(ms).toBeLessThan(100);
      }),
      { numRuns: 150 },
    );
  });
});

describe('linear time', () => {
  // Shapes that would expose a quadratic pass: one endless sentence, numbers, labels, stages, negations, gaps.
  const shapes: Record<string, string> = {
    'one endless sentence':
      'six AKs treated with liquid nitrogen 2 x 3 mm no sutures excised with 1 cm margins stage 1 7 blocks pathologist margin ',
    'numbers only': '1 2 3 4.5 6 7 8 9 10 ',
    'labels on every line': 'Procedure 1: shave removal\nPlan: b\nSize: 1 cm\n',
    'stage mentions': 'stage 1 stage 2 first stage 7 blocks ',
    negations: 'no no not without none sutures ',
    'phrase gaps': 'excised with excised with a b c d e margin ',
    'one word': 'a',
  };
  it.each(Object.entries(shapes))('%s: 1 MB takes about 10× the time of 100 KB, far from 100×', (_name, unit) => {
    const small = noteOf(100_000, [unit]);
    const large = noteOf(1_000_000, [unit]);
    const smallMs = bestCpuMs(() => readNote(small), 5);
    const largeMs = bestCpuMs(() => readNote(large), 5);
    // Linear is 10×; quadratic would be 100×. Slack (40×) for timer granularity, caches and garbage collection on a busy machine.
    expect(largeMs).toBeLessThan(Math.max(40 * smallMs, 30));
  });
});
