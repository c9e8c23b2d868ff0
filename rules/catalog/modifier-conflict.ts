/**
 * modifier-conflict — modifiers on one line that contradict each other.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (lines with both GA and GZ are returned
 * as unprocessable; GY and GZ state opposite reasons for a denial); CMS MLN article on the
 * X{EPSU} modifiers (more specific subsets of 59, never reported with it).
 */
import { MODIFIER_CONFLICTS } from '../codes';
import { defineRule } from '../types';

const messages = {
  conflict: (code: string, a: string, b: string, why: string) => `${code || 'This line'} carries both ${a} and ${b}, which contradict each other: ${why}.`,
  fix: (a: string, b: string) => `Keep only the one of ${a} and ${b} that is true for this line.`,
};

export default defineRule({
  meta: {
    id: 'modifier-conflict',
    summary: 'A line carries modifiers that contradict each other (GA with GZ, GY with GZ, 59 with an X modifier).',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 30, §50 (ABN modifiers); CMS guidance on modifiers XE, XS, XP, XU',
    description:
      'A line whose modifiers contradict each other: GA with GZ, GY with GZ, or 59 with any of XE, XS, XP, XU. CMS returns such lines as unprocessable.',
    messages,
  },
  check({ claim }) {
    const reports = [];
    for (const line of claim) {
      for (const rule of MODIFIER_CONFLICTS) {
        if (!line.modifiers.has(rule.modifier)) continue;
        const other = rule.conflictsWith.filter((m) => line.modifiers.has(m));
        if (other.length === 0) continue;
        const b = other.join(' and ');
        reports.push({ line: line.index, message: messages.conflict(line.code, rule.modifier, b, rule.why), fix: messages.fix(rule.modifier, b) });
        break; // one finding per line
      }
    }
    return reports;
  },
});
