/**
 * Tying procedure blocks to claim lines (docs/note.md), on its own.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimLine } from '../context';
import { readNote } from './read';
import { tieBlocks, MAX_TIE_COMPARISONS } from './tie';

let nextIndex = 0;
function line(code: string, site?: string): ClaimLine {
  const raw = site === undefined ? { code } : { code, site };
  return { index: nextIndex++, code, modifiers: new Set(), units: 1, dx: [], badPointer: false, raw };
}
/** Line indexes → the techniques of their tied blocks, for reading results at a glance. */
function tied(note: string, claim: ClaimLine[], judged: ClaimLine[]): Record<number, string[][]> {
  const out: Record<number, string[][]> = {};
  for (const [index, blocks] of tieBlocks(readNote(note).blocks, claim, judged))
    out[index] = blocks.map((b) => [...b.techniques]);
  return out;
}

describe('tieBlocks', () => {
  it('a block ties to the line whose site it names', () => {
    nextIndex = 0;
    const a = line('11102', 'left shoulder');
    const b = line('11104', 'right shin');
    expect(
      tied('Procedure 1: Shave biopsy, left shoulder\nProcedure 2: Punch biopsy, right shin', [a, b], [a, b]),
    ).toEqual({ 0: [['tangential-biopsy']], 1: [['punch-biopsy']] });
  });

  it('a block naming two judged lines is ignored for both', () => {
    nextIndex = 0;
    const a = line('11102', 'left forearm');
    const b = line('11103', 'right thigh');
    expect(tied('Procedure: 4 mm punch biopsy\nSites: left forearm and right thigh', [a, b], [a, b])).toEqual({});
  });

  it('a block naming a judged line and a line the rule does not judge ties to the judged one', () => {
    nextIndex = 0;
    const mohs = line('17311', 'left temple');
    const repair = line('12051', 'left temple');
    expect(tied('Procedure: Mohs micrographic surgery\nLocation: left temple', [mohs, repair], [mohs])).toEqual({
      0: [['mohs']],
    });
  });

  it("a block naming no line's site ties to the only judged line when it names no site at all", () => {
    nextIndex = 0;
    const a = line('11102', 'left arm');
    const em = line('99213');
    expect(tied('Procedure: Punch biopsy', [em, a], [a])).toEqual({ [a.index]: [['punch-biopsy']] });
  });

  it('…but not when it names another site (a lesion elsewhere)', () => {
    nextIndex = 0;
    const a = line('11102', 'left arm');
    expect(tied('Procedure: Punch biopsy of the right arm', [a], [a])).toEqual({});
    expect(tied('Procedure: Punch biopsy of the left forearm', [a], [a])).toEqual({}); // arm is not in forearm
    expect(tied('Procedure: Punch biopsy, perianal', [a], [a])).toEqual({}); // a disputed term is a site too
  });

  it('…unless that line has no site', () => {
    nextIndex = 0;
    const a = line('11102');
    expect(tied('Procedure: Punch biopsy of the right arm', [a], [a])).toEqual({ 0: [['punch-biopsy']] });
  });

  it('…and never when the claim has two judged lines', () => {
    nextIndex = 0;
    const a = line('11102', 'left arm');
    const b = line('11104', 'right arm');
    expect(tied('Procedure: Shave biopsy', [a, b], [a, b])).toEqual({});
  });

  it('a line tied to several blocks gets them all (the rules decide whether they agree)', () => {
    nextIndex = 0;
    const a = line('11104', 'left arm');
    expect(tied('Procedure 1: Punch biopsy, left arm\nProcedure 2: Shave biopsy, left arm', [a], [a])).toEqual({
      0: [['punch-biopsy'], ['tangential-biopsy']],
    });
  });

  it('laterality written out on both sides: L, Lt, R, Rt, bilat', () => {
    nextIndex = 0;
    const a = line('11102', 'Lt. upper back');
    const b = line('11104', 'R shin');
    expect(
      tied('Procedure 1: Shave biopsy, L upper back\nProcedure 2: Punch biopsy, right shin', [a, b], [a, b]),
    ).toEqual({ 0: [['tangential-biopsy']], 1: [['punch-biopsy']] });
  });

  it('upper back and lower back are different sites', () => {
    nextIndex = 0;
    const a = line('11102', 'lower back');
    expect(tied('Procedure: Shave biopsy, upper back', [a], [a])).toEqual({});
  });

  it('gives up (silence) beyond the comparison budget', () => {
    nextIndex = 0;
    const lines = Array.from({ length: 200 }, (_, i) => line('11102', `site${i} arm`));
    const note = Array.from({ length: Math.ceil(MAX_TIE_COMPARISONS / 200) + 1 }, () => 'Procedure: shave biopsy').join(
      '\n',
    );
    expect(tied(note, lines, lines)).toEqual({});
  });
});
