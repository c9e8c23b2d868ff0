/**
 * The note reader for the note rules (docs/note.md): the encounter's note read once
 * per evaluation, when a rule first asks, and kept with the evaluation's context
 * (an encounter without a note costs nothing). Nothing is kept beyond it.
 */
import type { RuleContext } from '../context';
import { readNote, type NoteReading } from './read';
import { nameBlocks, tieBlocks, type BlockNames } from './tie';
import type { ClaimLine } from '../claim-line';
import { NOTE } from '../gate';

export { readNote, MAX_NOTE_CHARS } from './read';
export type { CountFact, Measure, MohsStageFacts, NoteBlock, NoteReading } from './read';
export * from './families';
export type { ClosureKind, CountFamily, Technique } from './phrases';

/** Whether the encounter has a note to read: a rule checks this before it looks for lines to judge, and reads the note only when it has some. */
export function hasNote(context: RuleContext): boolean {
  // Found once, with the gate's facts (rules/gate.ts NOTE: a note that is not blank).
  return (context.facts & NOTE.bit) !== 0;
}

/** The reading of the encounter's note, or undefined when it has none. */
export function noteOf(context: RuleContext): NoteReading | undefined {
  const note = context.encounter.note;
  if (typeof note !== 'string' || !hasNote(context)) return undefined;
  return (context.noteReading ??= readNote(note)) as NoteReading;
}

/**
 * The reading's blocks tied to each judged line (rules/note/tie.ts), by line index. Which lines each
 * block names is found once per evaluation and kept with the context: three rules tie the same note.
 */
export function tiedBlocks(
  context: RuleContext,
  reading: NoteReading,
  judged: readonly ClaimLine[],
): ReturnType<typeof tieBlocks> {
  if (judged.length === 0 || reading.blocks.length === 0) return new Map();
  const names = (context.noteBlockNames ??= nameBlocks(reading.blocks, context.claim)) as BlockNames;
  return tieBlocks(reading.blocks, context.claim, judged, names);
}
