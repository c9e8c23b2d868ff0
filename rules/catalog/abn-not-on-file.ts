/**
 * abn-not-on-file — a line claims a signed ABN (modifier GA) that the chart does not have.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (ABN, form CMS-R-131, and the GA modifier:
 * a signed notice must be on file and available on request).
 */
import { quotableCode } from '../codes';
import { defineRule } from '../types';

const messages = {
  noAbn: (code: string) => `${code || 'This line'} carries GA, but no signed ABN is on file for this encounter.`,
  notListed: (code: string) => `${code || 'This line'} carries GA, but the signed ABN on file does not cover this line.`,
  fix: (code: string) =>
    `Have the patient sign an ABN that lists ${code || 'this service'} before it is performed; if none was signed, change GA to GZ.`,
};

export default defineRule({
  meta: {
    id: 'abn-not-on-file',
    summary: 'Modifier GA is on a line that no signed ABN covers.',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 30, §50 (ABN and modifier GA)',
    description: 'A line carries GA (ABN on file) but the encounter has no signed ABN, or the signed ABN lists other lines only: the claim asserts a notice the chart does not have.',
    messages,
  },
  check({ claim, encounter, abnOnFile }) {
    return claim
      .filter((l) => l.modifiers.has('GA') && !abnOnFile(l))
      .map((l) => ({
        line: l.index,
        message: encounter.abn?.signed ? messages.notListed(quotableCode(l.code)) : messages.noAbn(quotableCode(l.code)),
        fix: messages.fix(quotableCode(l.code)),
      }));
  },
});
