/**
 * mohs-blocks — 17315 units disagree with the tissue blocks the note documents.
 * Source: CPT Mohs guidelines: each stage (17311/17313, and 17312/17314 for each
 * additional stage) includes up to 5 tissue blocks; 17315 is each block beyond
 * the first 5 of any stage; docs/note.md.
 */
import { MOHS } from '../codes';
import { noteOf } from '../note/index';
import { addLineLike, removeLine, setUnits, suggest } from '../suggest';
import { NOTE } from '../gate';
import { createRule } from '../types';

const INCLUDED_BLOCKS = 5;
const FIRST_STAGE = new Set(['17311', '17313']);
const ADDED_STAGE = new Set(['17312', '17314']);
const ADDED_BLOCK = '17315';

const blocksWord = (n: number) => (n === 1 ? '1 block' : `${n} blocks`);

const BLOCKS =
  'The note documents {{stages}} of {{blocks}} tissue blocks: {{due}} beyond the {{included}} each stage includes, but 17315 is billed ×{{billed}}.';

export default createRule({
  meta: {
    id: 'mohs-blocks',
    summary: 'The units of 17315 disagree with the Mohs tissue blocks documented in the note.',
    severity: 'warning',
    reference:
      'CPT Mohs micrographic surgery guidelines (17311–17315: up to 5 tissue blocks per stage, 17315 for each additional block)',
    description:
      'Mohs lines on the claim, the note documents the blocks of as many stages as the claim bills (17311 or 17313: one stage; each unit of 17312 or 17314: one more), and the units of 17315 differ from the sum over those stages of the blocks beyond 5. Shown on the first Mohs line. Silent when a stage documents two block counts or stages are missing.',
    messages: {
      noneDue: {
        message: BLOCKS,
        title: 'Remove 17315 (no extra blocks)',
        fix: 'Remove 17315: no stage documents more than {{included}} blocks (17315 beyond the documented blocks will be denied).',
      },
      tooFew: {
        message: BLOCKS,
        title: 'Bill 17315 ×{{dueUnits}}',
        fix: 'Report 17315 ×{{dueUnits}} (fewer is revenue lost).',
      },
      tooMany: {
        message: BLOCKS,
        title: 'Bill 17315 ×{{dueUnits}}',
        fix: 'Report 17315 ×{{dueUnits}} (units beyond the documented blocks will be denied).',
      },
    },
  },
  needs: [NOTE, MOHS],
  check(context) {
    const mohs = context.claim.filter((line) => MOHS.has(line.code));
    if (mohs.length === 0) return [];
    const reading = noteOf(context);
    if (!reading || reading.mohs.unclear) return [];
    const units = (codes: ReadonlySet<string>) =>
      mohs.filter((l) => codes.has(l.code)).reduce((sum, l) => sum + l.units, 0);
    const stagesBilled = units(FIRST_STAGE) + units(ADDED_STAGE);
    const stages = reading.mohs.blocks;
    if (stagesBilled === 0 || stages.length !== stagesBilled) return [];
    const due = stages.reduce((sum, blocks) => sum + Math.max(0, blocks - INCLUDED_BLOCKS), 0);
    const billed = units(new Set([ADDED_BLOCK]));
    if (due === billed) return [];
    // The documented blocks give 17315's units: one click, on the 17315 lines (or a new one).
    const addedBlocks = mohs.filter((l) => l.code === ADDED_BLOCK);
    const [first, ...rest] = addedBlocks;
    const actions =
      due === 0
        ? addedBlocks.map(removeLine)
        : first
          ? [setUnits(first, due), ...rest.map(removeLine)]
          : [addLineLike(mohs[0]!, ADDED_BLOCK, due)];
    const stagesWord = stages.length === 1 ? '1 stage' : `${stages.length} stages`;
    const blocks = stages.join(', ');
    const at = mohs[0]!.index;
    if (due === 0) {
      const data = { stages: stagesWord, blocks, due: blocksWord(due), included: INCLUDED_BLOCKS, billed };
      return [
        { line: at, field: null, messageId: 'noneDue' as const, data, suggestions: suggest('Remove 17315', actions) },
      ];
    }
    const data = { stages: stagesWord, blocks, due: blocksWord(due), included: INCLUDED_BLOCKS, billed, dueUnits: due };
    return [
      {
        line: at,
        field: null,
        messageId: due > billed ? ('tooFew' as const) : ('tooMany' as const),
        data,
        suggestions: suggest(`Bill 17315 ×${due}`, actions),
      },
    ];
  },
});
