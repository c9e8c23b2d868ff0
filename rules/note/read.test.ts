/**
 * The note reader on its own (docs/note.md): words and numbers, labels,
 * blocks and skipped sections, negation, sentences not read, the phrase table
 * phrase by phrase, sizes, counts, Mohs stages, the separate pathologist, and
 * whole templated notes. Every trap 6.1 names has a case here.
 */
import { describe, expect, it } from 'vitest';
import { readNote, type NoteReading } from './read';
import { GAP_COLON, tokenKeys, wordKey } from './tokens';
import { tokenizeNote } from './vocab';
import * as P from './phrases';
import type { ClosureKind, Technique } from './phrases';

const techniques = (r: NoteReading) => r.blocks.flatMap((b) => [...b.techniques]).sort();
const closures = (r: NoteReading) => r.blocks.flatMap((b) => [...b.closures]).sort();
const sizes = (r: NoteReading) => r.blocks.flatMap((b) => b.sizes);
const margins = (r: NoteReading) => r.blocks.flatMap((b) => b.margins);
const excised = (r: NoteReading) => r.blocks.flatMap((b) => b.excisedDiameters);
const techniquesOf = (note: string) => techniques(readNote(note));
const closuresOf = (note: string) => closures(readNote(note));
const counts = (note: string) =>
  readNote(note).counts.map((c) => ({ term: c.term, value: c.value, clear: c.clear, destruction: c.destruction }));
const cm = (lo: number, hi = lo) => ({ lo, hi });

describe('words', () => {
  it.each([
    ['palm', 'palms'],
    ['biopsy', 'biopsies'],
    ['suture', 'sutures'],
    ['keratosis', 'keratoses'],
    ['verruca', 'verrucae'],
    ['ak', 'aks'],
    ['sk', 'sks'],
    ['margin', 'margins'],
    ['stitch', 'stitches'],
    ['lesion', 'lesions'],
  ])('%s and %s compare alike', (one, many) => expect(wordKey(one)).toBe(wordKey(many)));

  it.each([
    ['no', 'nose'],
    ['no', 'nos'],
    ['arm', 'forearm'],
    ['is', 'i'],
  ])('%s and %s stay apart', (a, b) => expect(wordKey(a)).not.toBe(wordKey(b)));

  it('reads numbers: decimals, a leading point, joined units, an ambiguous comma', () => {
    const t = tokenizeNote('1.2x0.8cm .5 cm 4mm 1,2 cm');
    expect(tokenKeys(t)).toEqual(['1.2', 'x', '0.8', 'cm', '.5', 'cm', '4', 'mm', '1,2', 'cm']);
    expect([...t.value].filter((v) => !Number.isNaN(v))).toEqual([1.2, 0.8, 0.5, 4]);
    expect(Number.isNaN(t.value[8]!)).toBe(true);
  });

  it('keeps letters with digits together in a word (LN2) but not x2', () => {
    expect(tokenKeys(tokenizeNote('LN2 x2'))).toEqual(['ln2', 'x', '2']);
  });
});

describe('labels, blocks and skipped sections', () => {
  it('Procedure, Procedure N, Procedure performed and Operation start blocks', () => {
    for (const label of [
      'Procedure',
      'Procedure 2',
      'Procedure #3',
      'Procedure performed',
      'Operation',
      'Procedures',
    ]) {
      const r = readNote(`Shave removal of the left arm lesion.\n${label}: punch biopsy`);
      expect(
        r.blocks.map((b) => [...b.techniques]),
        label,
      ).toEqual([['shave-removal'], ['punch-biopsy']]);
    }
  });

  it('any other label is a field of its block (Specimen A: is no procedure label)', () => {
    const r = readNote('Specimen A:\nShave biopsy.\nSpecimen B:\nPunch biopsy.');
    expect(r.blocks).toHaveLength(1);
    expect(techniques(r)).toEqual(['punch-biopsy', 'tangential-biopsy']);
  });

  it('a label is found after a sentence end too, not mid-sentence', () => {
    expect(techniquesOf('Consent signed. Procedure: punch biopsy')).toEqual(['punch-biopsy']);
    expect(readNote('Shave removal done. Procedure: punch biopsy').blocks).toHaveLength(2);
    expect(readNote('Shave removal done, procedure: punch biopsy').blocks).toHaveLength(1);
  });

  it('a time is no label: 10:30', () => {
    const t = tokenizeNote('Path 10:30 shave removal');
    expect(t.gap[2]! & GAP_COLON).toBe(0);
    expect(techniquesOf('Path 10:30 shave removal')).toEqual(['shave-removal']);
  });

  it.each(P.SKIP_LABELS)('%s: starts a skipped section', (label) => {
    expect(techniquesOf(`Procedure: punch biopsy\n${label}: excised with 2 mm margins`)).toEqual(['punch-biopsy']);
  });

  it('a skipped section runs to the next label that starts a line, not one after a sentence end', () => {
    expect(
      techniquesOf(
        'Pathology:\nThe elliptical excision specimen showed clear margins.\nLocation: left arm\nShave removal.',
      ),
    ).toEqual(['shave-removal']);
    expect(techniquesOf('Plan: recheck. Technique: elliptical excision')).toEqual([]);
    expect(techniquesOf('Plan: recheck.\nTechnique: elliptical excision')).toEqual(['excision']);
  });

  it('a skipped section inside a procedure block is left out of it, and the block goes on after it', () => {
    const r = readNote('Procedure: shave removal\nPath: excised with clear margins\nHemostasis: Drysol\nClosure: none');
    expect(r.blocks).toHaveLength(1);
    expect(techniques(r)).toEqual(['shave-removal']);
    expect(closures(r)).toEqual(['no-repair']);
  });

  it('text before the first procedure label is a block of its own', () => {
    const r = readNote('History reviewed. Cryotherapy to the left hand.\nProcedure: punch biopsy of the right arm');
    expect(r.blocks.map((b) => [...b.techniques])).toEqual([['destruction'], ['punch-biopsy']]);
  });

  it('a label of more than four words is no label (so it does not end a skipped section)', () => {
    expect(techniquesOf('Pathology:\nThe final specimen showed this: excised with clear margins')).toEqual([]);
    expect(techniquesOf('Pathology:\nSpecimen showed this: excised with clear margins')).toEqual(['excision']); // a label: the section ends
  });
});

describe('negation', () => {
  it('negates the terms beginning within five words', () => {
    expect(closuresOf('Closed without sutures.')).toEqual([]);
    expect(closuresOf('No buried sutures were needed.')).toEqual([]);
    expect(closuresOf('No one of these five were sutures.')).toEqual(['sutures']); // sixth word
    expect(techniquesOf('Patient declined cryotherapy.')).toEqual([]);
    expect(techniquesOf('Denies prior cryotherapy; shave removal today.')).toEqual(['shave-removal']);
  });

  it.each([
    ['a comma', 'No sutures, Steri-Strips applied.'],
    ['but', 'No sutures but Steri-Strips applied.'],
    ['and', 'No sutures and Steri-Strips applied.'],
    ['with', 'Closed without sutures with Steri-Strips.'],
    ['using', 'Closed without sutures using Steri-Strips.'],
    ['however', 'No sutures however Steri-Strips applied.'],
  ])('its scope ends at %s', (_ender, note) => expect(closuresOf(note)).toEqual(['no-repair']));

  it('never crosses a sentence end', () => {
    expect(closuresOf('No complications.\nSutures placed.')).toEqual(['sutures']);
  });

  it('nose is not no, and not is not in nothing', () => {
    expect(techniquesOf('Nose: cryotherapy applied.')).toEqual(['destruction']);
    expect(closuresOf('Nothing unusual; simple interrupted sutures.')).toEqual(['sutures']);
  });

  it.each(['none', 'None.', 'no', 'not done', 'not needed', 'not required', 'N/A', 'none needed', 'not applicable'])(
    'Sutures: %s negates the label',
    (value) => expect(closuresOf(`Sutures: ${value}\nDressing: Steri-Strips`)).toEqual(['no-repair']),
  );

  it('Deep sutures: none negates only its own label', () => {
    expect(closuresOf('Deep sutures: none\nSuperficial: 5-0 nylon simple interrupted')).toEqual(['sutures']);
  });
});

describe('sentences whose facts are not read', () => {
  it.each(P.PLANNED_WORDS)('planned or hypothetical: %s', (word) => {
    expect(techniquesOf(`Elliptical excision ${word} today.`)).toEqual([]);
  });
  it.each(P.PAST_WORDS)('past: %s', (word) => {
    expect(techniquesOf(`Elliptical excision ${word} here.`)).toEqual([]);
  });
  it('the control sentence is read', () => expect(techniquesOf('Elliptical excision today.')).toEqual(['excision']));

  it.each(['pathology', 'path', 'dermatopathology'])('%s followed by a result word reports pathology', (word) => {
    for (const result of P.PATHOLOGY_RESULT_WORDS)
      expect(techniquesOf(`${word} ${result} BCC excised with clear margins`)).toEqual([]);
    // …but not the other way round, nor without a result word
    expect(techniquesOf(`Shave removal; the specimen was sent to ${word}.`)).toEqual(['shave-removal']);
  });

  it('only the planned sentence is dropped, not its neighbours', () => {
    expect(techniquesOf('Shave biopsy performed. Will consider elliptical excision if atypical.')).toEqual([
      'tangential-biopsy',
    ]);
  });

  it('a technique in a Hemostasis field destroys nothing; closure words there are read', () => {
    expect(techniquesOf('Hemostasis: electrodesiccation and curettage')).toEqual([]);
    expect(closuresOf('Hemostasis: electrocautery')).toEqual(['no-repair']);
    // the field ends with its line when its value is on that line
    expect(techniquesOf('Hemostasis: electrocautery\nThe base was curetted.')).toEqual(['destruction']);
    // …and runs on to the next label when its value starts on the next line
    expect(techniquesOf('Hemostasis:\nelectrodesiccation and curettage\nClosure: Steri-Strips')).toEqual([]);
  });

  it('sutures named in a sentence not read are remembered (closure stays unclear)', () => {
    const r = readNote('Once hemostasis was achieved, the wound was closed with nylon sutures. Steri-Strips applied.');
    expect(closures(r)).toEqual(['no-repair']);
    expect(r.blocks[0]!.repairMentionedUnread).toBe(true);
    expect(readNote('Closed without sutures. Steri-Strips applied.').blocks[0]!.repairMentionedUnread).toBe(false);
  });
});

describe('the phrase table, phrase by phrase', () => {
  const filled = (phrase: string) => phrase.replace('…', '0.2 cm clinical');
  const cases = Object.entries(P.TECHNIQUE_PHRASES).flatMap(([t, phrases]) =>
    phrases.map((p) => [t as Technique, p] as const),
  );
  it.each(cases)('%s: %s', (technique, phrase) => {
    expect(techniquesOf(`Technique: ${filled(phrase)}.`)).toContain(technique);
    expect(techniquesOf(`TECHNIQUE: ${filled(phrase).toUpperCase()}.`)).toContain(technique);
  });
  it('N mm punch in a sentence with biopsy or biopsied is a punch biopsy; without, nothing', () => {
    expect(techniquesOf('A 4 mm punch was used; the lesion was biopsied and sent.')).toEqual([]); // ';' ends the sentence
    expect(techniquesOf('The lesion was biopsied with a 4 mm punch.')).toEqual(['punch-biopsy']);
    expect(techniquesOf('A 4-mm punch biopsy was taken.')).toEqual(['punch-biopsy']);
    expect(techniquesOf('Technique: a 4 mm punch was used to take a full-thickness cylinder of skin')).toEqual([]);
  });
  it('an excision wins over a biopsy phrase in its own sentence, not in another', () => {
    expect(techniquesOf('Excisional biopsy: excised with 0.1 cm margins.')).toEqual(['excision']);
    expect(techniquesOf('Punch biopsy site excised with 2 mm margins.')).toEqual(['excision']);
    expect(techniquesOf('Punch biopsy. Then excised with 2 mm margins.')).toEqual(['excision', 'punch-biopsy']);
  });
  it('… stands for up to five words, no more', () => {
    expect(techniquesOf('Excised with margin.')).toEqual(['excision']);
    expect(techniquesOf('Excised with one two three four five margins.')).toEqual(['excision']);
    expect(techniquesOf('Excised with one two three four five six margins.')).toEqual([]);
  });
  it('whole words only: curettage is not in curettages of another word, shave not in shaved', () => {
    expect(techniquesOf('Shaved the area before prep.')).toEqual([]);
    expect(techniquesOf('The area was shaved off.')).toEqual(['shave-removal']);
  });

  const closureCases = Object.entries(P.CLOSURE_PHRASES).flatMap(([c, phrases]) =>
    phrases.map((p) => [c as ClosureKind, p] as const),
  );
  it.each(closureCases)('%s: %s', (closure, phrase) => {
    expect(closuresOf(`Closure: ${phrase}.`)).toContain(closure);
  });
  it('buried or dermal sutures are no layered closure (CPT)', () => {
    expect(closuresOf('Closed with 4-0 Vicryl buried dermal sutures and 5-0 nylon.')).toEqual(['sutures']);
  });
});

describe('numbers: sizes, margins, excised diameter', () => {
  it.each([
    ['Lesion measuring 1.2 cm.', 1.2],
    ['Lesion measuring 12 mm.', 1.2],
    ['The lesion measured 1.2 x 0.8 cm.', 1.2],
    ['Lesion measuring 8 x 12 mm.', 1.2],
    ['Lesion measuring 1.2 cm x 0.8 cm.', 1.2],
    ['Lesion measuring 0.8 × 1.4 × 0.3 cm.', 1.4],
    ['Lesion measuring .5 cm.', 0.5],
    ['Diameter 9 millimeters.', 0.9],
    ['Size: 1.1 cm', 1.1],
    ['Lesion size: 7 mm', 0.7],
  ])('%s → %s cm', (note, size) => expect(sizes(readNote(note))).toEqual([cm(size)]));

  it('a range is one measurement with both ends', () => {
    expect(sizes(readNote('Lesion size 2-3 mm.'))).toEqual([cm(0.2, 0.3)]);
    expect(sizes(readNote('Lesion size 2 to 3 mm.'))).toEqual([cm(0.2, 0.3)]);
  });

  it('a decimal comma is ambiguous (NaN), never a size of its own', () => {
    const [size] = sizes(readNote('Lesion measuring 1,2 cm.'));
    expect(Number.isNaN(size!.lo)).toBe(true);
  });

  it('a number without a sentence word or Size field is no size', () => {
    expect(sizes(readNote('Shave biopsy of a 5 mm pink papule.'))).toEqual([]);
  });

  it.each([
    'Lesion measuring 1 cm; repair length 3 cm.',
    'Lesion size noted, repair 3 cm long.',
    'A 4 mm punch biopsy of the lesion.',
    'Lesion excised; final defect 2.1 cm.',
    'Lesion removed with a 3 cm ellipse.',
    'Lesion measuring: closure 3 cm.',
    'Lesion incision 2 cm.',
    'Lesion shaved with a 15 mm blade.',
    'Lesion excised; the specimen measured 3.2 x 1.1 x 0.5 cm.',
    'Lesion excised; the wound measured 2.8 cm.',
  ])('not the lesion: %s', (note) => expect(sizes(readNote(note)).filter((s) => s.lo !== 1)).toEqual([]));

  it.each([
    ['Excised with 0.4 cm margins.', 0.4],
    ['Excised with 4 mm clinical margins.', 0.4],
    ['Elliptical excision with margins of 3 mm.', 0.3],
    ['Margins: 2 mm', 0.2],
    ['Surgical margins: 2 mm', 0.2],
    ['A margin of 5 mm was taken.', 0.5],
  ])('margin: %s', (note, margin) => expect(margins(readNote(note))).toEqual([cm(margin)]));

  it('every margin of a block is kept (the rule takes the narrowest)', () => {
    expect(
      margins(readNote('Elliptical excision with margins of 3 mm inferiorly and 5 mm margins elsewhere.')),
    ).toEqual([cm(0.3), cm(0.5)]);
  });

  it.each([
    ['Excised diameter of 2.4 cm.', 2.4],
    ['Excised diameter: 2.4 cm', 2.4],
    ['Excised diameter including margins 24 mm.', 2.4],
  ])('excised diameter: %s', (note, d) => {
    const r = readNote(note);
    expect(excised(r)).toEqual([cm(d)]);
    expect(sizes(r)).toEqual([]);
  });

  it('numbers in sentences not read are not read', () => {
    expect(sizes(readNote('Previously a lesion measuring 2 cm was excised.'))).toEqual([]);
    expect(margins(readNote('Plan: excision with 4 mm margins'))).toEqual([]);
  });
});

describe('counts', () => {
  it('a numeral or one..twenty followed within three words by a family term, in a destruction sentence', () => {
    expect(counts('Six actinic keratoses on the scalp were treated with liquid nitrogen.')).toEqual([
      { term: 'premalignant', value: 6, clear: true, destruction: true },
    ]);
    expect(counts('16 verrucae treated with cryotherapy.')).toEqual([
      { term: 'benign', value: 16, clear: true, destruction: true },
    ]);
    expect(counts('Four common warts were treated with LN2.')).toEqual([
      { term: 'benign', value: 4, clear: true, destruction: true },
    ]);
    expect(counts('Twenty SKs treated with cryotherapy.')).toEqual([
      { term: 'benign', value: 20, clear: true, destruction: true },
    ]);
    expect(counts('1 AK treated with LN2.')).toEqual([
      { term: 'premalignant', value: 1, clear: true, destruction: true },
    ]);
    expect(counts('A total of 16 lesions were treated with liquid nitrogen.')).toEqual([
      { term: 'lesions', value: 16, clear: true, destruction: true },
    ]);
  });

  it('too far: the term must begin within three words', () => {
    expect(counts('Six of the small hypertrophic AKs treated with LN2.')).toEqual([]);
  });

  it('skin tags count in a sentence that removes them', () => {
    for (const verb of ['removed', 'snipped', 'excised'])
      expect(readNote(`Five skin tags were ${verb}.`).counts.map((c) => c.value)).toEqual([5]);
    expect(readNote('Five acrochordons removed by snip excision.').counts[0]).toMatchObject({
      term: 'skin-tag',
      value: 5,
      destruction: false,
      skinTagRemoval: true,
    });
  });

  it('a measurement is never a count, nor a label number, nor an ordinal', () => {
    expect(counts('A 6 mm AK treated with liquid nitrogen.')).toEqual([]);
    expect(counts('2-3 mm AKs treated with LN2.')).toEqual([]);
    expect(counts('Procedure 2: 6 AKs treated with liquid nitrogen.')).toEqual([
      { term: 'premalignant', value: 6, clear: true, destruction: true },
    ]);
    expect(counts('The 2nd AK was treated with LN2.')).toEqual([]);
  });

  it('cycles and seconds leave a count clear; other numbers do not', () => {
    expect(counts('Six AKs treated with LN2, two freeze-thaw cycles of 10 seconds each.')[0]!.clear).toBe(true);
    expect(counts('Six AKs treated with LN2 for 10 sec.')[0]!.clear).toBe(true);
    expect(counts('6 AKs on the face and 3 on the scalp treated with liquid nitrogen.')[0]!.clear).toBe(false);
    expect(counts('Six AKs treated with LN2 x3.')[0]!.clear).toBe(false);
    expect(counts('Six AKs, 1% lidocaine, liquid nitrogen.')[0]!.clear).toBe(true);
  });

  it.each(P.VAGUE_QUANTITY_WORDS)('%s leaves the count unclear', (word) => {
    expect(counts(`Eight AKs on the face and ${word} on the scalp treated with liquid nitrogen.`)[0]!.clear).toBe(
      false,
    );
  });

  it('a range of counts is two counts, each unclear', () => {
    expect(counts('2-3 AKs treated with LN2.').map((c) => [c.value, c.clear])).toEqual([
      [2, false],
      [3, false],
    ]);
  });

  it('counts in sentences not read, in skipped sections or negated are not read', () => {
    expect(counts('Twenty seborrheic keratoses will be treated with liquid nitrogen.')).toEqual([]);
    expect(counts('Plan: 6 AKs to treat with LN2')).toEqual([]);
    expect(counts('No 6 AKs were treated with LN2.')).toEqual([]);
  });

  it('a count without a destruction phrase in its sentence is marked so', () => {
    expect(counts('Five warts. Cryotherapy applied.')).toEqual([
      { term: 'benign', value: 5, clear: true, destruction: false },
    ]);
  });
});

describe('Mohs stages and blocks (read everywhere)', () => {
  it.each([
    ['Stage 1: 7 tissue blocks.\nStage 2: 3 tissue blocks.', [7, 3]],
    ['Stage 1: 7 blocks.\nSecond stage: 3 tissue blocks.', [7, 3]],
    ['2nd stage had 4 blocks, first stage had 6 blocks.', [4, 6]],
    ['Mohs stage one consisted of seven blocks.', [7]],
    ['Stage 1:\n6 tissue blocks were processed.', [6]],
    ['Frozen section: Stage 1: 6 blocks', [6]],
    ['Stage 1 was taken.', []],
    ['Stage 1: 2 x 3 cm layer, 4 blocks.', [4]],
  ])('%s → %j', (note, blocks) => expect(readNote(note).mohs).toEqual({ blocks, unclear: false }));

  it('a stage with two block counts, or told twice differently, is unclear', () => {
    expect(readNote('Stage 1: 4 blocks from the margin and 2 blocks from the base.').mohs.unclear).toBe(true);
    expect(readNote('Stage 1: 4 blocks.\nStage 1: 5 blocks.').mohs.unclear).toBe(true);
    expect(readNote('Stage 1: 4 blocks.\nIn stage 1, 4 blocks were cut.').mohs).toEqual({
      blocks: [4],
      unclear: false,
    });
  });

  it('stages of two procedure blocks stay apart (two tumours)', () => {
    expect(readNote('Procedure 1: Mohs\nStage 1: 6 blocks\nProcedure 2: Mohs\nStage 1: 3 blocks').mohs).toEqual({
      blocks: [6, 3],
      unclear: false,
    });
  });
});

describe('separate pathologist', () => {
  it.each([
    'Stage 1 was sent for frozen sections, which were interpreted by the hospital pathologist.',
    'The pathologist read the margins as clear.',
    'Frozen sections of both stages were read by a pathologist at the hospital laboratory.',
    'Frozen section: read by the dermatopathologist.',
    'Read by Dr. Lee, dermatopathologist, who examined the frozen sections.',
  ])('documented: %s', (note) => expect(readNote(note).separatePathologist).toBe(true));

  it.each([
    'No outside pathologist read the frozen sections.',
    'I acted as surgeon and pathologist; frozen sections were clear.',
    'The biopsy was read by the dermatopathologist, margins involved.',
    'The pathologist was notified.',
    'Frozen sections were read and interpreted by the Mohs surgeon.',
  ])('not documented: %s', (note) => expect(readNote(note).separatePathologist).toBe(false));

  it('knows when the surgeon read them', () => {
    const r = readNote('The Mohs surgeon read all frozen sections. A dermatopathologist reviewed the margins.');
    expect(r).toMatchObject({ separatePathologist: true, surgeonRead: true });
    expect(readNote('The surgeon marked the margins. The pathologist read the frozen sections.').surgeonRead).toBe(
      false,
    );
  });
});

describe('sites of a block', () => {
  const block = (note: string) => readNote(note).blocks[0]!;
  it('every word of the site, L/R written out, case and punctuation ignored', () => {
    expect(block('Shave removal. Location: L. upper back').namesSite('left upper back')).toBe(true);
    expect(block('Shave removal. Location: left upper back').namesSite('Lt upper back')).toBe(true);
    expect(block('Shave removal of the right arm lesion').namesSite('left arm')).toBe(false);
    expect(block('Shave removal, upper back').namesSite('lower back')).toBe(false);
    expect(block('Shave removal, left forearm').namesSite('left arm')).toBe(false);
    expect(block('Cryotherapy to bilat hands').namesSite('bilateral hand')).toBe(true);
    expect(block('Cryotherapy').namesSite(undefined)).toBe(false);
    expect(block('Cryotherapy').namesSite(' , ')).toBe(false);
  });
  it('singular and plural alike, words compared in place (the same words as siteWords + wordKey)', () => {
    expect(block('Cryotherapy to the axillae and both hands').namesSite('axilla, hand')).toBe(true);
    expect(block('Shave removal of seborrheic keratoses, left upper back').namesSite('Left upper backs')).toBe(true);
    expect(block('Shave removal of lesions of both thighs').namesSite('left thigh')).toBe(false);
    expect(block('Shave removal of lesions of both thighs').namesSite('thigh')).toBe(true);
    expect(block('Shave removal of the nose').namesSite('noses')).toBe(true);
    expect(block('Shave removal of the nose').namesSite('nos')).toBe(false);
    expect(block('Shave removal of the nostril').namesSite('nose')).toBe(false);
    expect(block('Shave removal of the cheek, R').namesSite('right cheek')).toBe(true);
    expect(block('Shave removal of the cheek, Rt').namesSite('r cheek')).toBe(true);
    expect(block('Shave removal of the cheek, Rt').namesSite('rt cheeks')).toBe(true);
    // 'rta' is no abbreviation: only the whole word 'rt' is 'right'.
    expect(block('Shave removal of the cheek, rta').namesSite('right cheek')).toBe(false);
    // A word is never looked up among Object's own names.
    expect(block('Shave removal at the constructor site').namesSite('constructor site')).toBe(true);
    expect(block('Shave removal at the site').namesSite('constructor site')).toBe(false);
  });
  it('skipped sections do not name sites for the block', () => {
    expect(block('Shave removal.\nHistory: melanoma of the left arm\nTechnique: flush').namesSite('left arm')).toBe(
      false,
    );
  });
  it('whether it names any anatomic site at all, disputed terms included', () => {
    expect(block('Procedure: shave biopsy').namesAnySite()).toBe(false);
    expect(block('Shave biopsy of the nose').namesAnySite()).toBe(true);
    expect(block('Shave biopsy, perianal').namesAnySite()).toBe(true);
    expect(block('Shave biopsy of the head').namesAnySite()).toBe(true);
    expect(block('Shave biopsy, pre auricular').namesAnySite()).toBe(true);
  });
});

describe('whole templated notes', () => {
  it('a punch biopsy', () => {
    const r = readNote(
      'Procedure: Punch biopsy\nLocation: left upper back\nIndication: changing pigmented papule, rule out dysplastic nevus\nConsent: risks, benefits and alternatives reviewed; written consent signed\nAnesthesia: 1% lidocaine with epinephrine\nTechnique: after alcohol prep, a 4 mm punch was used to take a full-thickness cylinder of skin\nClosure: one 4-0 nylon simple interrupted suture\nSpecimen: sent to dermatopathology\nWound care: petrolatum and an adhesive bandage daily',
    );
    expect(r.blocks).toHaveLength(1);
    expect(techniques(r)).toEqual(['punch-biopsy']);
    expect(closures(r)).toEqual(['sutures']);
    expect(sizes(r)).toEqual([]);
    expect(r.counts).toEqual([]);
  });

  it('an excision with its repair', () => {
    const r = readNote(
      'Procedure: Excision of basal cell carcinoma\nLocation: left cheek\nLesion measuring 1.2 x 0.9 cm.\nAnesthesia: 1% lidocaine with epinephrine\nTechnique: elliptical excision with margins of 3 mm inferiorly and 5 mm elsewhere, carried to the subcutaneous fat\nHemostasis: electrocautery\nClosure: layered closure with 4-0 Vicryl subcutaneous sutures and 5-0 nylon simple interrupted sutures; repair length 3.4 cm\nDressing: Steri-Strips and a pressure dressing\nPathology: sent with the superior tip tagged',
    );
    expect(techniques(r)).toEqual(['excision']);
    expect(closures(r)).toEqual(['layered', 'no-repair', 'sutures']);
    expect(sizes(r)).toEqual([cm(1.2)]);
    expect(margins(r)).toEqual([cm(0.3)]);
  });

  it('a Mohs case', () => {
    const r = readNote(
      'Procedure: Mohs micrographic surgery\nLocation: right nasal ala\nTumor: biopsy-proven infiltrative basal cell carcinoma\nAnesthesia: 1% lidocaine with epinephrine\nStage 1: 7 tissue blocks. Tumor present at the deep and lateral margins.\nStage 2: 3 tissue blocks. Margins clear.\nFrozen sections were prepared, read and interpreted by the Mohs surgeon.\nFinal defect: 1.6 x 1.3 cm\nRepair: left to heal by second intention',
    );
    expect(techniques(r)).toEqual(['mohs']);
    expect(closures(r)).toEqual(['no-repair']);
    expect(r.mohs).toEqual({ blocks: [7, 3], unclear: false });
    expect(r.separatePathologist).toBe(false);
    expect(sizes(r)).toEqual([]);
  });

  it('a destruction', () => {
    const r = readNote(
      'Procedure: Destruction of premalignant lesions\nSix actinic keratoses on the scalp were treated with liquid nitrogen.\nEach lesion received two freeze-thaw cycles.\nAftercare: expect redness, blistering and crusting over the next week',
    );
    expect(techniques(r)).toEqual(['destruction']);
    expect(r.counts).toMatchObject([{ term: 'premalignant', value: 6, clear: true }]);
  });

  it('an incision and drainage', () => {
    const r = readNote(
      'Procedure: I&D\nLocation: right axilla\nTechnique: the abscess was incised and drained; purulent contents expressed.\nPacking: iodoform gauze',
    );
    expect(techniques(r)).toEqual(['incision-drainage']);
  });

  it('two procedure blocks with a history line before them', () => {
    const r = readNote(
      'History of melanoma on the left forearm, previously excised with 1 cm margins.\nProcedure 1:\nShave biopsy of a 6 mm scaly papule on the left forearm. Hemostasis with aluminum chloride.\nProcedure 2:\nThree verrucae on the right index finger were treated with liquid nitrogen.',
    );
    expect(r.blocks.map((b) => [...b.techniques])).toEqual([['tangential-biopsy'], ['destruction']]);
    expect(margins(r)).toEqual([]);
  });
});

describe('never throws, linear time', () => {
  it.each([
    '',
    ' ',
    ':',
    '::::',
    '.',
    '\n\n\n',
    'Procedure:',
    'Procedure 1:',
    'Stage',
    'stage 1',
    '1',
    '1.',
    '.5',
    '1,',
    ',1',
    '1-',
    '-1',
    '%',
    'x',
    '×',
    '1 x',
    'x 1 cm',
    'cm',
    '1 cm x',
    '\u2028\u2029',
    '😀 AK 😀',
    'é'.repeat(10),
    '\u0000',
    'Sutures:',
    'Sutures: ',
    'no',
    'no no no no no no',
    'Procedure:\nPlan:\nProcedure:',
    '9'.repeat(400) + ' mm lesion',
    'Lesion 1e999 cm',
  ])('%j', (note) => expect(() => readNote(note)).not.toThrow());

  it("leaves none of the note's numbers in the reused arrays", () => {
    const tokens = tokenizeNote('MRN 12345678');
    expect([...tokens.value]).toContain(12345678);
    readNote('MRN 12345678 was seen; 4 mm punch biopsy.');
    expect([...tokens.value.subarray(0, 8)].filter((v) => v === 12345678 || v === 4)).toEqual([]);
  });

  it('a note over the size limit is not read', () => {
    expect(readNote('Shave removal. '.repeat(200_000)).blocks).toEqual([]);
  });
});
