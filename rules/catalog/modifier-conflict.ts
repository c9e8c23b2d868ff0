/**
 * modifier-conflict — modifiers on one line that contradict each other.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (lines with both GA and GZ are returned
 * as unprocessable; GY and GZ state opposite reasons for a denial); CMS MLN article on the
 * X{EPSU} modifiers (more specific subsets of 59, never reported with it).
 */
import { MODIFIER_CONFLICTS, quotableCode } from '../codes';
import { defineRule } from '../types';

const messages = {
  conflict: (code: string, a: string, b: string, why: string) => `${code || 'This line'} carries ${a} with ${b}, which contradict each other: ${why}.`,
  fix: (how: string) => `${how.charAt(0).toUpperCase()}${how.slice(1)}.`,
  fixAbnOnFile: () => 'An ABN is on file for this line: keep GA and remove GZ.',
  fixNoAbn: () => 'No signed ABN covers this line: keep GZ and remove GA.',
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
  check({ claim, abnOnFile }) {
    const reports = [];
    for (const line of claim) {
      if (line.modifiers.size < 2) continue; // a conflict takes two modifiers
      for (const rule of MODIFIER_CONFLICTS) {
        if (!line.modifiers.has(rule.modifier)) continue;
        const other = rule.conflictsWith.filter((m) => line.modifiers.has(m));
        if (other.length === 0) continue;
        // GA against GZ: the chart tells which one is true.
        const fix = rule.modifier === 'GA' ? (abnOnFile(line) ? messages.fixAbnOnFile() : messages.fixNoAbn()) : messages.fix(rule.fix);
        reports.push({ line: line.index, message: messages.conflict(quotableCode(line.code), rule.modifier, other.join(' and '), rule.why), fix });
        break; // one finding per line
      }
    }
    return reports;
  },
});
