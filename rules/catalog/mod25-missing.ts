/**
 * mod25-missing — an E/M billed with a minor procedure needs modifier 25.
 * Source: NCCI Policy Manual ch. I (E/M services); CPT modifier 25.
 */
import { EM, MAJOR_PROCEDURE, MINOR_PROCEDURE } from '../codes';
import { diagnosesOf } from '../claim-index';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'mod25-missing',
    summary: 'An E/M visit on the same day as a minor procedure lacks modifier 25.',
    severity: 'error',
    reference: 'NCCI Policy Manual, ch. I, E/M services; CPT modifier 25',
    description:
      "An E/M line and a minor procedure (global 000/010) are on the claim and the E/M carries no 25 (57 stands in only when a major procedure is on the claim too). Error when one of the E/M's diagnoses is linked to no minor procedure (a separate problem); warning otherwise.",
    messages: {
      separateProblem: {
        message:
          '{{em}} is billed with a minor procedure but lacks modifier 25, and it addresses a problem no procedure covers.',
        title: 'Add modifier 25',
        fix: 'Add modifier 25 to {{em}}.',
      },
      sameProblem: {
        message:
          '{{em}} is billed with a minor procedure but lacks modifier 25; as coded, the visit only led to the procedure.',
        title: 'Add 25 if separate, else drop',
        fix: 'Add modifier 25 to {{em}} only if the note documents a separately identifiable service; otherwise remove {{em}}.',
      },
    },
  },
  needs: [EM, MINOR_PROCEDURE],
  check({ onClaim }) {
    if (!onClaim.has(MINOR_PROCEDURE) || !onClaim.has(EM)) return [];
    const hasMajor = onClaim.has(MAJOR_PROCEDURE);
    const lacking = onClaim.linesIn(EM).filter((l) => !l.modifiers.has('25') && !(hasMajor && l.modifiers.has('57')));
    if (lacking.length === 0) return [];
    const procedureDx = diagnosesOf(onClaim.linesIn(MINOR_PROCEDURE));
    return lacking.map((em) => {
      const separate = em.dx.some((d) => !procedureDx.has(d));
      const add25 = [
        { label: `Add 25 to ${em.code}`, actions: [{ type: 'addModifier' as const, line: em.index, modifier: '25' }] },
      ];
      return separate
        ? {
            line: em.index,
            field: 'modifiers' as const,
            severity: 'error' as const,
            messageId: 'separateProblem' as const,
            data: { em: em.code },
            suggestions: add25,
          }
        : {
            line: em.index,
            field: 'modifiers' as const,
            severity: 'warning' as const,
            messageId: 'sameProblem' as const,
            data: { em: em.code },
          };
    });
  },
});
