/**
 * abn-not-on-file — a line claims a signed ABN (modifier GA) that the chart does not have.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (ABN, form CMS-R-131, and the GA modifier:
 * a signed notice must be on file and available on request).
 */
import { quotableCode } from '../codes';
import { modifierOn } from '../gate';
import { createRule } from '../types';

const FIX =
  'Have the patient sign an ABN that lists {{service}} before it is performed; if none was signed, change GA to GZ.';

export default createRule({
  meta: {
    id: 'abn-not-on-file',
    summary: 'Modifier GA is on a line that no signed ABN covers.',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 30, §50 (ABN and modifier GA)',
    description:
      'A line carries GA (ABN on file) but the encounter has no signed ABN, or the signed ABN lists other lines only: the claim asserts a notice the chart does not have.',
    messages: {
      noAbn: {
        message: '{{line}} carries GA, but no signed ABN is on file for this encounter.',
        title: 'No ABN on file: get one or GZ',
        fix: FIX,
      },
      notListed: {
        message: '{{line}} carries GA, but the signed ABN on file does not cover this line.',
        title: 'ABN omits line: add it or GZ',
        fix: FIX,
      },
    },
  },
  needs: [modifierOn('GA')],
  check({ claim, encounter, abnOnFile }) {
    return (
      claim
        .filter((l) => l.modifiers.has('GA') && !abnOnFile(l))
        // No one-click fix: whether an ABN was in fact signed is on paper, not on the screen.
        .map((l) => {
          const code = quotableCode(l.code);
          const data = { line: code || 'This line', service: code || 'this service' };
          return {
            line: l.index,
            field: 'modifiers' as const,
            messageId: encounter.abn?.signed ? ('notListed' as const) : ('noAbn' as const),
            data,
          };
        })
    );
  },
});
