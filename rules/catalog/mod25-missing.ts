/**
 * mod25-missing — an E/M billed with a minor procedure needs modifier 25.
 * Source: NCCI Policy Manual ch. I (E/M services); CPT modifier 25.
 */
import { EM, MAJOR_PROCEDURE, MINOR_PROCEDURE } from '../codes';
import { diagnosesOf } from '../claim-index';
import { defineRule } from '../types';

const messages = {
  separateProblem: (em: string) => `${em} is billed with a minor procedure but lacks modifier 25, and it addresses a problem no procedure covers.`,
  sameProblem: (em: string) => `${em} is billed with a minor procedure but lacks modifier 25; as coded, the visit only led to the procedure.`,
  fixSeparate: (em: string) => `Add modifier 25 to ${em}.`,
  fixSame: (em: string) => `Add modifier 25 to ${em} only if the note documents a separately identifiable service; otherwise remove ${em}.`,
};

export default defineRule({
  meta: {
    id: 'mod25-missing',
    summary: 'An E/M visit on the same day as a minor procedure lacks modifier 25.',
    severity: 'error',
    reference: 'NCCI Policy Manual, ch. I, E/M services; CPT modifier 25',
    description:
      'An E/M line and a minor procedure (global 000/010) are on the claim and the E/M carries no 25 (57 stands in only when a major procedure is on the claim too). Error when one of the E/M\'s diagnoses is linked to no minor procedure (a separate problem); warning otherwise.',
    messages,
  },
  check({ onClaim }) {
    if (!onClaim.has(MINOR_PROCEDURE) || !onClaim.has(EM)) return [];
    const hasMajor = onClaim.has(MAJOR_PROCEDURE);
    const lacking = onClaim.linesIn(EM).filter((l) => !l.modifiers.has('25') && !(hasMajor && l.modifiers.has('57')));
    if (lacking.length === 0) return [];
    const procedureDx = diagnosesOf(onClaim.linesIn(MINOR_PROCEDURE));
    return lacking.map((em) => {
      const separate = em.dx.some((d) => !procedureDx.has(d));
      return separate
        ? { line: em.index, severity: 'error' as const, message: messages.separateProblem(em.code), fix: messages.fixSeparate(em.code) }
        : { line: em.index, severity: 'warning' as const, message: messages.sameProblem(em.code), fix: messages.fixSame(em.code) };
    });
  },
});
