/**
 * note-technique-mismatch — the note documents another technique than the code bills.
 * Source: CPT biopsy guidelines (11102–11107: the technique picks the code —
 * tangential, punch, incisional), CPT shave removal, excision, destruction, incision
 * and drainage and Mohs guidelines; docs/note.md. Tangential biopsy and shave
 * removal are never judged against each other: they differ only in intent.
 */
import {
  hasNote,
  noteOf,
  tiedBlocks,
  techniqueOfCode,
  documentedTechnique,
  techniqueAgrees,
  TECHNIQUE_WORDS,
  FAMILY_WORDS,
  type DocumentedTechnique,
  type Technique,
  TECHNIQUE_CODES,
} from '../note/index';
import { BIOPSY_ADDON, BIOPSY_ADDON_OF } from '../codes';
import { orphansAnAddOn, replaceCode, suggest } from '../suggest';
import { NOTE } from '../gate';
import { createRule } from '../types';

/** The biopsy primary of each biopsy technique: one biopsy technique for another is a determined recode. */
const BIOPSY_PRIMARY_OF: Partial<Record<DocumentedTechnique, string>> = {
  'tangential-biopsy': '11102',
  'punch-biopsy': '11104',
  'incisional-biopsy': '11106',
};

/** A biopsy billed as another biopsy technique: the same role (primary or add-on) of the documented one. Other families need site, size or count. */
function documentedCode(code: string, family: Technique, documented: DocumentedTechnique): string | undefined {
  const primary = BIOPSY_PRIMARY_OF[documented];
  if (!primary || !BIOPSY_PRIMARY_OF[family]) return undefined;
  return BIOPSY_ADDON.has(code) ? BIOPSY_ADDON_OF[primary] : primary;
}

export default createRule({
  meta: {
    id: 'note-technique-mismatch',
    summary: 'The procedure note documents a technique of another code family than the line bills.',
    severity: 'warning',
    reference:
      'CPT guidelines for biopsy (11102–11107), shave removal, excision, destruction, incision and drainage and Mohs surgery',
    description:
      'A line of a technique family (tangential, punch or incisional biopsy, shave removal, excision, destruction, incision and drainage, Mohs) whose tied procedure blocks document exactly one technique, of another family. Tangential biopsy and shave removal are never judged against each other. Silent when the note names no technique for the line, two techniques, or one block speaks for two lines.',
    messages: {
      mismatch: {
        message: 'The note documents {{name}}: {{codes}}. {{code}} is billed as {{family}}.',
        title: 'Recode to the technique noted',
        fix: 'Report {{report}} instead of {{code}}, or correct the note if it names the wrong technique.',
      },
    },
  },
  needs: [NOTE, Object.values(TECHNIQUE_CODES)],
  check(context) {
    if (!hasNote(context)) return [];
    const judged = context.claim.filter((line) => techniqueOfCode(line.code) !== undefined);
    if (judged.length === 0) return []; // the note is read only when a line could be judged
    const reading = noteOf(context);
    if (!reading) return [];
    const tied = tiedBlocks(context, reading, judged);
    const reports = [];
    for (const line of judged) {
      const documented = documentedTechnique(tied.get(line.index) ?? []);
      if (documented === undefined || documented === 'unclear') continue;
      const family = techniqueOfCode(line.code)!;
      if (techniqueAgrees(documented, family)) continue;
      const words = TECHNIQUE_WORDS[documented];
      const right = documentedCode(line.code, family, documented);
      reports.push({
        line: line.index,
        field: 'code' as const,
        messageId: 'mismatch' as const,
        data: {
          name: words.name,
          codes: words.codes,
          code: line.code,
          family: FAMILY_WORDS[family],
          report: words.report,
        },
        suggestions:
          right && !orphansAnAddOn(line, context.onClaim)
            ? suggest(`Change ${line.code} to ${right}`, replaceCode(line, right))
            : [],
      });
    }
    return reports;
  },
});
