/**
 * note-technique-mismatch — the note documents another technique than the code bills.
 * Source: CPT biopsy guidelines (11102–11107: the technique picks the code —
 * tangential, punch, incisional), CPT shave removal, excision, destruction, incision
 * and drainage and Mohs guidelines; RULES.md 6.3. Tangential biopsy and shave
 * removal are never judged against each other: they differ only in intent.
 */
import { noteOf, tieBlocks, techniqueOfCode, documentedTechnique, techniqueAgrees, TECHNIQUE_WORDS, FAMILY_WORDS, type DocumentedTechnique, type Technique } from '../note/index';
import { defineRule, type RuleReport } from '../types';

const messages = {
  mismatch: (code: string, family: Technique, documented: DocumentedTechnique) =>
    `The note documents ${TECHNIQUE_WORDS[documented].name}: ${TECHNIQUE_WORDS[documented].codes}. ${code} is billed as ${FAMILY_WORDS[family]}.`,
  fix: (code: string, documented: DocumentedTechnique) =>
    `Report ${TECHNIQUE_WORDS[documented].report} instead of ${code}, or correct the note if it names the wrong technique.`,
};

export default defineRule({
  meta: {
    id: 'note-technique-mismatch',
    summary: 'The procedure note documents a technique of another code family than the line bills.',
    severity: 'warning',
    reference: 'CPT guidelines for biopsy (11102–11107), shave removal, excision, destruction, incision and drainage and Mohs surgery; RULES.md 6.3',
    description:
      'A line of a technique family (tangential biopsy 11102/11103, punch biopsy 11104/11105, incisional biopsy 11106/11107, shave removal 11300–11313, excision 11400–11446 and 11600–11646, destruction 17000–17004, 17110/17111, 17260–17286, incision and drainage 10060/10061, Mohs 17311–17315) whose tied procedure blocks document exactly one technique, of another family. Tangential biopsy and shave removal are never judged against each other. Silent when the note names no technique for the line, two techniques, or one block speaks for two lines.',
    messages,
  },
  check(context) {
    const reading = noteOf(context);
    if (!reading) return [];
    const judged = context.claim.filter((line) => techniqueOfCode(line.code) !== undefined);
    const tied = tieBlocks(reading.blocks, context.claim, judged);
    const reports: RuleReport[] = [];
    for (const line of judged) {
      const documented = documentedTechnique(tied.get(line.index) ?? []);
      if (documented === undefined || documented === 'unclear') continue;
      const family = techniqueOfCode(line.code)!;
      if (techniqueAgrees(documented, family)) continue;
      reports.push({ line: line.index, message: messages.mismatch(line.code, family, documented), fix: messages.fix(line.code, documented) });
    }
    return reports;
  },
});
