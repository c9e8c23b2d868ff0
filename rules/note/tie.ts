/**
 * Tying procedure blocks to claim lines (docs/note.md).
 *
 * A block ties to each line on the claim whose site it names. A block that names
 * no line's site ties to the one line the rule judges when the claim has exactly
 * one, provided the block names no anatomic site at all or that line has none.
 * A block tied to two or more judged lines is ignored for them.
 */
import type { ClaimLine } from '../context';
import { siteKeys, type NoteBlock } from './read';

/** Beyond this many block × line comparisons the note is not tied at all (no procedure note comes near it). */
export const MAX_TIE_COMPARISONS = 2_000_000;

/** The blocks tied to each judged line, by line index; lines with none are absent. */
export function tieBlocks(
  blocks: readonly NoteBlock[],
  claim: readonly ClaimLine[],
  judged: readonly ClaimLine[],
): Map<number, NoteBlock[]> {
  const tied = new Map<number, NoteBlock[]>();
  if (judged.length === 0 || blocks.length === 0) return tied;
  // The lines whose site has words, with those words (each site split once).
  const sited: { line: ClaimLine; keys: string[] }[] = [];
  for (const line of claim) {
    const keys = line.raw.site === undefined ? [] : siteKeys(line.raw.site);
    if (keys.length > 0) sited.push({ line, keys });
  }
  if (blocks.length * Math.max(1, sited.length) > MAX_TIE_COMPARISONS) return tied;
  const judgedIndexes = new Set(judged.map((l) => l.index));
  const only = judged.length === 1 ? judged[0]! : undefined;
  const onlyHasSite = only?.raw.site !== undefined && siteKeys(only.raw.site).length > 0;
  for (const block of blocks) {
    const named: ClaimLine[] = [];
    for (const { line, keys } of sited) if (block.namesSiteWords(keys)) named.push(line);
    let lines: ClaimLine[];
    if (named.length > 0) lines = named.filter((line) => judgedIndexes.has(line.index));
    else if (only && (!onlyHasSite || !block.namesAnySite())) lines = [only];
    else lines = [];
    if (lines.length !== 1) continue; // none, or two judged lines: ignored for them
    const list = tied.get(lines[0]!.index) ?? [];
    list.push(block);
    tied.set(lines[0]!.index, list);
  }
  return tied;
}
