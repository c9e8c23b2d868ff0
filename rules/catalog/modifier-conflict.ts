/**
 * modifier-conflict — modifiers on one line that contradict each other.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (lines with both GA and GZ are returned
 * as unprocessable; GY and GZ state opposite reasons for a denial); CMS MLN article on the
 * X{EPSU} modifiers (more specific subsets of 59, never reported with it).
 */
import { MODIFIER_CONFLICTS, quotableCode } from '../codes';
import type { ClaimLine } from '../context';
import type { Suggestion } from '../schema';
import { removeModifier, suggest } from '../suggest';
import { modifierOn } from '../gate';
import { createRule } from '../types';

const CONFLICT = '{{line}} carries {{a}} with {{b}}, which contradict each other: {{why}}.';

/** Whether modifiers still contradict each other once `removed` are gone. */
function conflictsWithout(line: ClaimLine, removed: readonly string[]): boolean {
  const left = (m: string) => line.modifiers.has(m) && !removed.includes(m);
  return MODIFIER_CONFLICTS.some((rule) => left(rule.modifier) && rule.conflictsWith.some(left));
}

/**
 * Which modifier to remove, by the conflict and (GA against GZ) what the chart says; offered only when
 * no other conflict is left on the line. GY against GZ is the person's call (excluded by law, or not
 * necessary): no one-click fix.
 */
function fixesFor(
  line: ClaimLine,
  modifier: string,
  other: readonly string[],
  abnOnFile: boolean,
): { id: 'abnOnFile' | 'noAbn' | 'gyOrGz' | 'xAnd59'; suggestions: Suggestion[] } {
  const from = quotableCode(line.code) ? ` from ${line.code}` : '';
  const dropping = (ms: readonly string[]) =>
    conflictsWithout(line, ms)
      ? []
      : suggest(
          `Remove ${ms.join(' and ')}${from}`,
          ms.map((m) => removeModifier(line, m)),
        );
  if (modifier === 'GA')
    return abnOnFile
      ? { id: 'abnOnFile', suggestions: dropping(other) }
      : { id: 'noAbn', suggestions: dropping(['GA']) };
  if (modifier === 'GY') return { id: 'gyOrGz', suggestions: [] };
  return { id: 'xAnd59', suggestions: dropping(['59']) };
}

export default createRule({
  meta: {
    id: 'modifier-conflict',
    summary: 'A line carries modifiers that contradict each other (GA with GZ, GY with GZ, 59 with an X modifier).',
    severity: 'error',
    reference:
      'Medicare Claims Processing Manual, ch. 30, §50 (ABN modifiers); CMS guidance on modifiers XE, XS, XP, XU',
    description:
      'A line whose modifiers contradict each other: GA with GZ, GY with GZ, or 59 with any of XE, XS, XP, XU. CMS returns such lines as unprocessable.',
    messages: {
      abnOnFile: {
        message: CONFLICT,
        title: 'ABN on file: remove GZ',
        fix: 'An ABN is on file for this line: keep GA and remove GZ.',
      },
      noAbn: {
        message: CONFLICT,
        title: 'No ABN on file: remove GA',
        fix: 'No signed ABN covers this line: keep GZ and remove GA.',
      },
      gyOrGz: {
        message: CONFLICT,
        title: 'Keep GY or GZ, not both',
        fix: 'Keep GY for a service excluded by law (such as a cosmetic one), else keep GZ.',
      },
      xAnd59: {
        message: CONFLICT,
        title: 'Remove 59, keep {{b}}',
        fix: 'Keep the one X modifier that says why the service is distinct and remove 59.',
      },
    },
  },
  needs: [MODIFIER_CONFLICTS.map((c) => modifierOn(c.modifier))],
  check({ claim, abnOnFile }) {
    const reports = [];
    for (const line of claim) {
      if (line.modifiers.size < 2) continue; // a conflict takes two modifiers
      for (const rule of MODIFIER_CONFLICTS) {
        if (!line.modifiers.has(rule.modifier)) continue;
        const other = rule.conflictsWith.filter((m) => line.modifiers.has(m));
        if (other.length === 0) continue;
        // GA against GZ: the chart tells which one is true.
        const { id, suggestions } = fixesFor(line, rule.modifier, other, rule.modifier === 'GA' && abnOnFile(line));
        const data = {
          line: quotableCode(line.code) || 'This line',
          a: rule.modifier,
          b: other.join(' and '),
          why: rule.why,
        };
        reports.push({ line: line.index, field: 'modifiers' as const, messageId: id, data, suggestions });
        break; // one finding per line
      }
    }
    return reports;
  },
});
