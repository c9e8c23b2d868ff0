/**
 * mohs-surgeon-pathologist — a separate pathologist read the Mohs margins.
 * Source: CPT Mohs micrographic surgery guidelines: Mohs requires one physician
 * acting as both surgeon and pathologist; if either is delegated to another
 * physician, the Mohs codes are not used (the surgeon reports the excision, the
 * pathologist the frozen sections, 88331/88332); docs/note.md.
 */
import { MOHS } from '../codes';
import { noteOf } from '../note/index';
import { NOTE } from '../gate';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'mohs-surgeon-pathologist',
    summary: 'Mohs is billed, but the note documents a separate pathologist reading the margins.',
    severity: 'error',
    reference: 'CPT Mohs micrographic surgery guidelines (one physician as surgeon and pathologist)',
    description:
      "A Mohs line on the claim and a sentence of the note naming a pathologist or dermatopathologist, not negated, with frozen sections or margins, and naming neither the surgeon (the Mohs surgeon's own attestation) nor a biopsy (the referring biopsy's reader). Shown on the first Mohs line. Silent when another sentence documents the surgeon reading them.",
    messages: {
      separate: {
        message:
          'The note documents a pathologist other than the surgeon reading the frozen sections or margins, but {{code}} requires one physician acting as both surgeon and pathologist.',
        title: 'Pathologist read it: not Mohs',
        fix: 'Bill an excision by the final excised diameter instead of the Mohs codes; the pathologist bills the frozen sections. If the Mohs surgeon read them, correct the note.',
      },
    },
  },
  needs: [NOTE, MOHS],
  check(context) {
    const mohs = context.claim.filter((line) => MOHS.has(line.code));
    if (mohs.length === 0) return [];
    const reading = noteOf(context);
    if (!reading || !reading.separatePathologist || reading.surgeonRead) return [];
    // No one-click fix: the excision code needs the excised diameter, and the note may be what is wrong.
    return [
      { line: mohs[0]!.index, field: 'code' as const, messageId: 'separate' as const, data: { code: mohs[0]!.code } },
    ];
  },
});
