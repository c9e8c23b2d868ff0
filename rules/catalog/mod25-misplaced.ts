/**
 * mod25-misplaced — modifier 25 where it does not belong: on a procedure, or on a lone E/M.
 * Source: CPT modifier 25 (a significant, separately identifiable E/M service on the day of
 * another service) and NCCI Policy Manual ch. I (modifier 25 is appended to E/M codes only).
 */
import { EM, MOD25_ALLOWED } from '../codes';
import { defineRule } from '../types';

/** A five-digit CPT code; HCPCS letter codes and category II/III codes are not judged. */
const CPT_DIGITS = /^\d{5}$/;

const messages = {
  notEm: (code: string) => `Modifier 25 belongs on an E/M visit only; on ${code} it is invalid and can get the line rejected.`,
  fixNotEm: (code: string) => `Remove modifier 25 from ${code} (if a separate visit was billed, the 25 goes on the E/M).`,
  alone: (em: string) => `${em} carries modifier 25, but nothing else is billed that day for it to be separate from.`,
  fixAlone: (em: string) => `Remove modifier 25 from ${em}.`,
};

export default defineRule({
  meta: {
    id: 'mod25-misplaced',
    summary: 'Modifier 25 on a code that is not an E/M visit, or on an E/M billed alone.',
    severity: 'error',
    reference: 'CPT modifier 25; NCCI Policy Manual, ch. I, E/M services',
    description:
      'Modifier 25 on a five-digit CPT code outside the E/M section (99202–99499) and the eye-visit codes (92002–92014) is an error on that line; HCPCS letter codes are not judged. Modifier 25 on an E/M that is the only line on the claim is a warning.',
    messages,
  },
  check({ claim }) {
    const reports = [];
    for (const line of claim) {
      if (!line.modifiers.has('25')) continue;
      if (CPT_DIGITS.test(line.code) && !MOD25_ALLOWED.has(line.code)) {
        reports.push({ line: line.index, severity: 'error' as const, message: messages.notEm(line.code), fix: messages.fixNotEm(line.code) });
      } else if (EM.has(line.code) && claim.length === 1) {
        reports.push({ line: line.index, severity: 'warning' as const, message: messages.alone(line.code), fix: messages.fixAlone(line.code) });
      }
    }
    return reports;
  },
});
