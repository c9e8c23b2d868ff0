/**
 * note-closure-mismatch — the repair billed disagrees with the closure documented.
 * Source: CPT repair guidelines (12001–13160): sutures, staples or tissue adhesive
 * make a repair; a wound closed with adhesive strips alone is part of the procedure
 * or visit; intermediate repair is a layered closure of the subcutaneous tissue or
 * superficial fascia besides the skin (buried dermal sutures alone are not); docs/note.md.
 */
import { SIMPLE_REPAIR } from '../codes';
import { hasNote, noteOf, tiedBlocks, REPAIR, INTERMEDIATE_FOR_SIMPLE, type ClosureKind } from '../note/index';
import { removeLine, replaceCode, suggest } from '../suggest';
import { NOTE } from '../gate';
import { createRule } from '../types';

const intermediateWords = (simple: string) => {
  const codes = INTERMEDIATE_FOR_SIMPLE[simple];
  if (!codes) return 'the intermediate repair code (12031–12057) for the site and length';
  if (codes.length === 1) return `${codes[0]} (the intermediate repair of the same site and length)`;
  return `${codes[0]} (scalp, axillae, trunk, arms, legs) or ${codes[1]} (neck, hands, feet, genitalia), the intermediate repair of the same length`;
};

const REPAIRS: readonly ClosureKind[] = ['sutures', 'layered', 'tissue-adhesive'];

export default createRule({
  meta: {
    id: 'note-closure-mismatch',
    summary: 'The procedure note documents a closure that disagrees with the repair billed.',
    severity: 'warning',
    reference: 'CPT repair (closure) guidelines, 12001–13160',
    description:
      'On a repair line: the closure documented in its tied procedure blocks is only adhesive strips, hemostasis or second-intention healing (no sutures, staples or tissue adhesive), so there is no reportable repair; or a simple repair whose documented closure is layered (an intermediate repair). Silent when the note names no closure for the line, or names sutures in a sentence it does not read (planned, past).',
    messages: {
      noRepair: {
        message:
          '{{code}} bills a wound repair, but the note documents no sutures, staples or tissue adhesive: only adhesive strips, hemostasis or healing by second intention, which are part of the procedure.',
        title: 'No repair in note: remove {{code}}',
        fix: 'Remove {{code}}, or document the repair if the wound was sutured, stapled or glued.',
      },
      layered: {
        message:
          '{{code}} is a simple repair, but the note documents a layered closure, which is an intermediate repair.',
        title: 'Layered: use intermediate repair',
        fix: 'Report {{intermediate}} instead of {{code}}.',
      },
    },
  },
  needs: [NOTE, REPAIR],
  check(context) {
    if (!hasNote(context)) return [];
    const judged = context.claim.filter((line) => REPAIR.has(line.code));
    if (judged.length === 0) return []; // the note is read only when a line could be judged
    const reading = noteOf(context);
    if (!reading) return [];
    const tied = tiedBlocks(context, reading, judged);
    const reports = [];
    for (const line of judged) {
      const blocks = tied.get(line.index) ?? [];
      const closures = new Set(blocks.flatMap((b) => [...b.closures]));
      const repaired = REPAIRS.some((kind) => closures.has(kind));
      const repairHinted = blocks.some((b) => b.repairMentionedUnread);
      if (!repaired && closures.has('no-repair') && !repairHinted) {
        reports.push({
          line: line.index,
          field: 'code' as const,
          messageId: 'noRepair' as const,
          data: { code: line.code },
          suggestions: suggest(`Remove ${line.code}`, removeLine(line)),
        });
      } else if (SIMPLE_REPAIR.has(line.code) && closures.has('layered')) {
        // One intermediate code for the face; the trunk-and-limbs codes split by site between two: no one click there.
        const codes = INTERMEDIATE_FOR_SIMPLE[line.code];
        const suggestions =
          codes?.length === 1 ? suggest(`Change ${line.code} to ${codes[0]}`, replaceCode(line, codes[0]!)) : [];
        reports.push({
          line: line.index,
          field: 'code' as const,
          messageId: 'layered' as const,
          data: { code: line.code, intermediate: intermediateWords(line.code) },
          suggestions,
        });
      }
    }
    return reports;
  },
});
