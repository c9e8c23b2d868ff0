/**
 * The note reader for the note rules (docs/note.md): the encounter's note read once
 * per evaluation, when a rule first asks, and kept with the evaluation's context
 * (an encounter without a note costs nothing). Nothing is kept beyond it.
 */
import type { RuleContext } from '../context';
import { readNote, type NoteReading } from './read';

export { readNote, MAX_NOTE_CHARS } from './read';
export type { CountFact, Measure, MohsStageFacts, NoteBlock, NoteReading } from './read';
export { tieBlocks } from './tie';
export * from './families';
export type { ClosureKind, CountFamily, Technique } from './phrases';

/** Whether the encounter has a note to read: a rule checks this before it looks for lines to judge, and reads the note only when it has some. */
export function hasNote(context: RuleContext): boolean {
  const note = context.encounter.note;
  return typeof note === 'string' && note.trim() !== '';
}

/** The reading of the encounter's note, or undefined when it has none. */
export function noteOf(context: RuleContext): NoteReading | undefined {
  const note = context.encounter.note;
  if (typeof note !== 'string' || note.trim() === '') return undefined;
  return (context.noteReading ??= readNote(note)) as NoteReading;
}
