/**
 * mod57-missing — the visit that decided on a same-day major (090-day global) procedure lacks 57.
 * Source: NCCI Policy Manual ch. I (E/M services: decision for major surgery); CPT modifier 57;
 * Medicare Claims Processing Manual ch. 12, §30.6.6 (E/M on the day of or before a major procedure).
 */
import { EM, MAJOR_PROCEDURE } from '../codes';
import { diagnosesOf, SharedDiagnoses } from '../claim-index';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'mod57-missing',
    summary: 'An E/M on the day of a major procedure lacks modifier 57 (decision for surgery).',
    severity: 'warning',
    reference:
      'NCCI Policy Manual, ch. I, E/M services; CPT modifier 57; Medicare Claims Processing Manual, ch. 12, §30.6.6',
    description:
      'An E/M line and a major procedure (global 090) are on the claim, the E/M has no 57, and it either has no 25 or has 25 while every one of its diagnoses (at least one) is a diagnosis of the major procedure.',
    messages: {
      lacks57: {
        message:
          '{{em}} is billed with {{major}}, a major procedure with a 90-day global period, but lacks modifier 57.',
        title: 'Add 57 if it decided surgery',
        fix: 'If this visit is where the decision to operate was made, add modifier 57 to {{em}}; otherwise the visit is included in the surgery and should be removed.',
      },
      about25: {
        message:
          '{{em}}-25 addresses only the problem treated by {{major}}; a visit about the surgery takes 57, not 25.',
        title: 'Replace 25 with 57 if it decided',
        fix: 'If this visit decided on the surgery, replace 25 with 57 on {{em}}; keep 25 only by linking the separate problem the note documents.',
      },
    },
  },
  needs: [EM, MAJOR_PROCEDURE],
  check({ onClaim }) {
    if (!onClaim.has(MAJOR_PROCEDURE) || !onClaim.has(EM)) return [];
    const majors = onClaim.linesIn(MAJOR_PROCEDURE);
    const majorDx = diagnosesOf(majors);
    const majorCodes = [...new Set(majors.map((l) => l.code))].join(', ');
    let shared: SharedDiagnoses | undefined;
    // No one-click fix: whether this visit decided on the surgery is for the note to show.
    const reports = [];
    for (const em of onClaim.linesIn(EM)) {
      if (em.modifiers.has('57')) continue;
      if (!em.modifiers.has('25')) {
        reports.push({
          line: em.index,
          field: 'modifiers' as const,
          messageId: 'lacks57' as const,
          data: { em: em.code, major: majorCodes },
        });
      } else if (em.dx.length > 0 && em.dx.every((d) => majorDx.has(d))) {
        const sharing = (shared ??= new SharedDiagnoses(majors)).codesSharing(em.dx).join(', ');
        reports.push({
          line: em.index,
          field: 'modifiers' as const,
          messageId: 'about25' as const,
          data: { em: em.code, major: sharing },
        });
      }
    }
    return reports;
  },
});
