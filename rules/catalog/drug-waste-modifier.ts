/**
 * drug-waste-modifier — a botulinum toxin from a single-dose vial billed to Medicare without JZ or JW.
 * Source: CMS Discarded Drugs and Biologicals – JW and JZ Modifier Policy (JZ required for dates of
 * service from 1 July 2023); Medicare Claims Processing Manual ch. 17, §40.
 */
import { BOTOX_DRUG, DRUG_WASTE_MODIFIERS, JZ_REQUIRED_FROM } from '../codes';
import { addModifier, suggest } from '../suggest';
import { payerIs } from '../gate';
import { createRule } from '../types';

const { noneDiscarded: JZ, discarded: JW } = DRUG_WASTE_MODIFIERS;

export default createRule({
  meta: {
    id: 'drug-waste-modifier',
    summary: 'A botulinum toxin drug line billed to Medicare lacks JZ or JW.',
    severity: 'error',
    reference:
      'CMS JW and JZ modifier policy (discarded drugs from single-dose containers); Medicare Claims Processing Manual, ch. 17, §40',
    description:
      'Original Medicare only: a botulinum toxin drug line carries neither JZ nor JW and no other line of the same code carries JW. Not judged for dates of service before 1 July 2023, when JZ was not yet required.',
    messages: {
      missing: {
        message:
          '{{code}} comes from a single-dose vial, and Medicare requires JZ (nothing discarded) or a separate JW line for the discarded amount.',
        title: 'Add JZ, or a JW line for waste',
        fix: 'Append JZ to {{code}} if none of the vial was discarded; otherwise add a {{code}}-JW line with the discarded units.',
      },
    },
  },
  needs: [payerIs('medicare'), BOTOX_DRUG],
  check({ payerKind, encounter, onClaim }) {
    if (payerKind !== 'medicare') return [];
    const date = encounter.dateOfService;
    if (date !== undefined && date < JZ_REQUIRED_FROM) return [];
    const drugs = onClaim.linesIn(BOTOX_DRUG);
    if (drugs.length === 0) return [];
    // A JW line of the same code covers the others (each line judged here has no JW itself).
    const discardedCodes = new Set(drugs.filter((l) => l.modifiers.has(JW)).map((l) => l.code));
    return (
      drugs
        .filter((l) => !l.modifiers.has(JZ) && !l.modifiers.has(JW))
        .filter((l) => !discardedCodes.has(l.code))
        // JZ is one click; a JW line needs the discarded units, which only the person knows.
        .map((l) => ({
          line: l.index,
          field: 'modifiers' as const,
          messageId: 'missing' as const,
          data: { code: l.code },
          suggestions: suggest(`Add ${JZ} to ${l.code}`, addModifier(l, JZ)),
        }))
    );
  },
});
