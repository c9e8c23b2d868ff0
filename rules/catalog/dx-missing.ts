/**
 * dx-missing — a line on the claim with no diagnosis to link, or a pointer to
 * a diagnosis that is not there.
 * Source: Medicare Claims Processing Manual, ch. 26, §10.2 (CMS-1500 item 24E:
 * each service line points to the diagnoses of item 21 it treats).
 *
 * A line without pointers is linked to every diagnosis (docs/formats.md), so
 * it fires only when the encounter has none.
 */
import type { ClaimLine } from '../context';
import { quotableCode } from '../codes';
import { createRule } from '../types';

const list = (numbers: readonly number[]) =>
  numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
const diagnosisWord = (numbers: readonly number[]) => (numbers.length === 1 ? 'diagnosis' : 'diagnoses');
const pointerWord = (numbers: readonly number[]) => (numbers.length === 1 ? 'pointer' : 'pointers');
const range = (count: number) =>
  count === 1 ? 'diagnosis 1' : count === 2 ? 'diagnosis 1 or 2' : `one of diagnoses 1 to ${count}`;

const BEYOND = '{{name}} points to {{which}}, but the encounter lists {{count}}.';
const BELOW_ONE = '{{name}} points to {{which}}, but diagnoses are numbered from 1.';
const OUT_OF_RANGE = '{{name}} points to {{which}}, but the encounter lists {{count}} (numbered from 1).';
/** The line has pointers that name a diagnosis too: the bad ones go. */
const REMOVE = 'Remove {{pointers}} from {{inSentence}}.';
const REMOVE_TITLE = 'Remove dx {{pointers}}';
/** No pointer of the line names a diagnosis. */
const REPOINT = 'Point {{inSentence}} to the diagnosis it treats ({{range}}), or enter the missing diagnosis.';
const REPOINT_TITLE = 'Point to a listed diagnosis';

/** How a message names a line: its code, or its place when it has none (a retail item). */
const nameOf = (line: ClaimLine) => quotableCode(line.code) || `The item on line ${line.index + 1}`;
const inSentence = (name: string) => (name.startsWith('The item') ? `t${name.slice(1)}` : name);

export default createRule({
  meta: {
    id: 'dx-missing',
    summary: 'A line on the claim has no diagnosis linked, or points to a diagnosis that is not there.',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 26, §10.2 (CMS-1500 items 21 and 24E: diagnosis pointers)',
    description:
      'A line on the claim when the encounter lists no diagnosis, or when one of its pointers is below 1 or beyond the last diagnosis (such a pointer links to nothing). A line without pointers is linked to every diagnosis.',
    messages: {
      noDiagnoses: {
        message: '{{name}} has no diagnosis linked: the encounter lists none.',
        title: 'Enter the diagnosis',
        fix: 'Enter the diagnosis the note documents for {{inSentence}} and point the line to it.',
      },
      beyondRemove: {
        message: BEYOND,
        title: REMOVE_TITLE,
        fix: 'Remove {{pointers}} from {{inSentence}}, or enter the {{meant}} meant to name.',
      },
      beyondRepoint: { message: BEYOND, title: REPOINT_TITLE, fix: REPOINT },
      belowOneRemove: { message: BELOW_ONE, title: REMOVE_TITLE, fix: REMOVE },
      belowOneRepoint: { message: BELOW_ONE, title: REPOINT_TITLE, fix: REPOINT },
      outOfRangeRemove: { message: OUT_OF_RANGE, title: REMOVE_TITLE, fix: REMOVE },
      outOfRangeRepoint: { message: OUT_OF_RANGE, title: REPOINT_TITLE, fix: REPOINT },
    },
  },
  check({ claim, diagnoses }) {
    const count = diagnoses.length;
    // No one-click fix: a diagnosis pointer is no action a suggestion can take.
    const reports = [];
    for (const line of claim) {
      const name = nameOf(line);
      const at = line.index;
      if (count === 0) {
        reports.push({
          line: at,
          field: 'dx' as const,
          messageId: 'noDiagnoses' as const,
          data: { name, inSentence: inSentence(name) },
        });
        continue;
      }
      if (!line.badPointer) continue;
      const pointers = line.raw.dx ?? [];
      const bad = [...new Set(pointers.filter((p) => p < 1 || p > count))];
      const good = pointers.some((p) => p >= 1 && p <= count);
      const low = bad.filter((p) => p < 1);
      const sentence = inSentence(name);
      const which = `${diagnosisWord(bad)} ${list(bad)}`;
      const named = `${pointerWord(bad)} ${list(bad)}`;
      if (low.length === 0) {
        const meant = `${diagnosisWord(bad)} ${bad.length === 1 ? 'it was' : 'they were'}`;
        reports.push(
          good
            ? {
                line: at,
                field: 'dx' as const,
                messageId: 'beyondRemove' as const,
                data: { name, inSentence: sentence, which, count, pointers: named, meant },
              }
            : {
                line: at,
                field: 'dx' as const,
                messageId: 'beyondRepoint' as const,
                data: { name, inSentence: sentence, which, count, range: range(count) },
              },
        );
      } else if (low.length === bad.length) {
        reports.push(
          good
            ? {
                line: at,
                field: 'dx' as const,
                messageId: 'belowOneRemove' as const,
                data: { name, inSentence: sentence, which, pointers: named },
              }
            : {
                line: at,
                field: 'dx' as const,
                messageId: 'belowOneRepoint' as const,
                data: { name, inSentence: sentence, which, range: range(count) },
              },
        );
      } else {
        reports.push(
          good
            ? {
                line: at,
                field: 'dx' as const,
                messageId: 'outOfRangeRemove' as const,
                data: { name, inSentence: sentence, which, count, pointers: named },
              }
            : {
                line: at,
                field: 'dx' as const,
                messageId: 'outOfRangeRepoint' as const,
                data: { name, inSentence: sentence, which, count, range: range(count) },
              },
        );
      }
    }
    return reports;
  },
});
