/**
 * mod25-unsupported — an E/M with modifier 25 whose every diagnosis is also a diagnosis of a
 * same-day minor procedure: the note must show a separately identifiable service.
 * Source: NCCI Policy Manual ch. I (E/M services: the decision to perform a minor procedure is
 * included in it); CPT modifier 25. CMS and CPT allow the same diagnosis when the visit went
 * significantly beyond that decision, which only the note shows: so this is for review, not an alarm.
 */
import { displayIcd, EM, MINOR_PROCEDURE } from '../codes';
import { diagnosesOf, SharedDiagnoses } from '../claim-index';
import { createRule } from '../types';

const andList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export default createRule({
  meta: {
    id: 'mod25-unsupported',
    summary: 'An E/M with modifier 25 addresses only the problems of the same-day minor procedure.',
    severity: 'info',
    reference: 'NCCI Policy Manual, ch. I, E/M services; CPT modifier 25',
    description:
      'An E/M line carries 25 and has at least one linked diagnosis, a minor procedure is on the claim, and every diagnosis of the E/M is also a diagnosis of a minor procedure. Needs review: the same diagnosis is allowed when the note documents a visit beyond the decision to do the procedure.',
    messages: {
      sameDiagnoses: {
        message:
          '{{em}}-25 addresses only {{dx}}, also treated by {{procedures}}; make sure the note shows a separate service.',
        title: 'Confirm a separate visit in note',
        fix: 'Keep {{em}}-25 only if the note documents a significant, separately identifiable evaluation (and link any separate problem to {{em}}); otherwise remove {{em}}.',
      },
    },
  },
  needs: [EM, MINOR_PROCEDURE],
  check({ onClaim }) {
    if (!onClaim.has(MINOR_PROCEDURE) || !onClaim.has(EM)) return [];
    const with25 = onClaim.linesIn(EM).filter((l) => l.modifiers.has('25') && l.dx.length > 0);
    if (with25.length === 0) return [];
    const minors = onClaim.linesIn(MINOR_PROCEDURE);
    const procedureDx = diagnosesOf(minors);
    const ems = with25.filter((l) => l.dx.every((d) => procedureDx.has(d)));
    if (ems.length === 0) return [];
    const shared = new SharedDiagnoses(minors);
    // No one-click fix: whether the visit was separate is for the note to show.
    return ems.map((em) => ({
      line: em.index,
      field: 'modifiers' as const,
      messageId: 'sameDiagnoses' as const,
      data: { em: em.code, dx: andList(em.dx.map(displayIcd)), procedures: andList(shared.codesSharing(em.dx)) },
    }));
  },
});
