/**
 * mod25-misplaced — modifier 25 where it does not belong: on a procedure, or on a lone E/M.
 * Source: CPT modifier 25 (a significant, separately identifiable E/M service on the day of
 * another service) and NCCI Policy Manual ch. I (modifier 25 is appended to E/M codes only).
 */
import { EM, MOD25_ALLOWED } from '../codes';
import type { ClaimLine } from '../context';
import type { Suggestion } from '../schema';
import { addModifier, removeModifier, suggest } from '../suggest';
import { modifierOn } from '../gate';
import { createRule } from '../types';

/** A five-digit CPT code; HCPCS letter codes and category II/III codes are not judged. */
const CPT_DIGITS = /^\d{5}$/;

/**
 * Removing the 25 is always right; when exactly one E/M on the claim lacks a 25 it was probably
 * meant for, moving it there is offered too.
 */
function notEmSuggestions(line: ClaimLine, ems: readonly ClaimLine[]): Suggestion[] {
  const remove = suggest(`Remove 25 from ${line.code}`, removeModifier(line, '25'));
  const em = ems.length === 1 && !ems[0]!.modifiers.has('25') ? ems[0]! : undefined;
  return em
    ? [...suggest(`Move 25 to ${em.code}`, removeModifier(line, '25'), addModifier(em, '25')), ...remove]
    : remove;
}

export default createRule({
  meta: {
    id: 'mod25-misplaced',
    summary: 'Modifier 25 on a code that is not an E/M visit, or on an E/M billed alone.',
    severity: 'error',
    reference: 'CPT modifier 25; NCCI Policy Manual, ch. I, E/M services',
    description:
      'Modifier 25 on a five-digit CPT code outside the E/M section and the eye-visit codes is an error on that line; HCPCS letter codes are not judged. Modifier 25 on an E/M that is the only line on the claim is a warning.',
    messages: {
      notEm: {
        message: 'Modifier 25 belongs on an E/M visit only; on {{code}} it is invalid and can get the line rejected.',
        title: 'Remove 25 from {{code}}',
        fix: 'Remove modifier 25 from {{code}} (if a separate visit was billed, the 25 goes on the E/M).',
      },
      alone: {
        message: '{{em}} carries modifier 25, but nothing else is billed that day for it to be separate from.',
        title: 'Remove 25: nothing else billed',
        fix: 'Remove modifier 25 from {{em}}.',
      },
    },
  },
  needs: [modifierOn('25')],
  check({ claim, onClaim }) {
    const reports = [];
    for (const line of claim) {
      if (!line.modifiers.has('25')) continue;
      if (CPT_DIGITS.test(line.code) && !MOD25_ALLOWED.has(line.code)) {
        reports.push({
          line: line.index,
          field: 'modifiers' as const,
          severity: 'error' as const,
          messageId: 'notEm' as const,
          data: { code: line.code },
          suggestions: notEmSuggestions(line, onClaim.linesIn(EM)),
        });
      } else if (EM.has(line.code) && claim.length === 1) {
        const suggestions = suggest(`Remove 25 from ${line.code}`, removeModifier(line, '25'));
        reports.push({
          line: line.index,
          field: 'modifiers' as const,
          severity: 'warning' as const,
          messageId: 'alone' as const,
          data: { em: line.code },
          suggestions,
        });
      }
    }
    return reports;
  },
});
