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

/** Which claim lines each block names by site: the part of tying that does not depend on the lines judged. */
export interface BlockNames {
  /** The lines whose site has words. */
  readonly sited: ReadonlySet<ClaimLine>;
  /** For each block (by position), the lines whose every site word it names; undefined when the note is too big to tie. */
  readonly named: readonly (readonly ClaimLine[])[] | undefined;
}

/** Names each block's lines once per evaluation: three note rules tie the same blocks to the same claim. */
export function nameBlocks(blocks: readonly NoteBlock[], claim: readonly ClaimLine[]): BlockNames {
  // The lines whose site has words, with those words (each site split once).
  const sited: { line: ClaimLine; keys: string[] }[] = [];
  for (const line of claim) {
    const keys = line.raw.site === undefined ? [] : siteKeys(line.raw.site);
    if (keys.length > 0) sited.push({ line, keys });
  }
  const lines = new Set(sited.map((s) => s.line));
  if (blocks.length * Math.max(1, sited.length) > MAX_TIE_COMPARISONS) return { sited: lines, named: undefined };
  const named = blocks.map((block) => {
    const found: ClaimLine[] = [];
    for (const { line, keys } of sited) if (block.namesSiteWords(keys)) found.push(line);
    return found;
  });
  return { sited: lines, named };
}

/** The blocks tied to each judged line, by line index; lines with none are absent. */
export function tieBlocks(
  blocks: readonly NoteBlock[],
  claim: readonly ClaimLine[],
  judged: readonly ClaimLine[],
  names?: BlockNames,
): Map<number, NoteBlock[]> {
  const tied = new Map<number, NoteBlock[]>();
  if (judged.length === 0 || blocks.length === 0) return tied;
  const { sited, named } = names ?? nameBlocks(blocks, claim);
  if (!named) return tied;
  const judgedIndexes = new Set(judged.map((l) => l.index));
  const only = judged.length === 1 ? judged[0]! : undefined;
  const onlyHasSite = only !== undefined && sited.has(only);
  blocks.forEach((block, b) => {
    const naming = named[b]!;
    let lines: ClaimLine[];
    if (naming.length > 0) lines = naming.filter((line) => judgedIndexes.has(line.index));
    else if (only && (!onlyHasSite || !block.namesAnySite())) lines = [only];
    else lines = [];
    if (lines.length !== 1) return; // none, or two judged lines: ignored for them
    const list = tied.get(lines[0]!.index) ?? [];
    list.push(block);
    tied.set(lines[0]!.index, list);
  });
  return tied;
}
