/**
 * dx-missing — a line on the claim with no diagnosis to link, or a pointer to
 * a diagnosis that is not there.
 * Source: Medicare Claims Processing Manual, ch. 26, §10.2 (CMS-1500 item 24E:
 * each service line points to the diagnoses of item 21 it treats).
 *
 * A line without pointers is linked to every diagnosis (RULES.md section 1), so
 * it fires only when the encounter has none.
 */
import type { ClaimLine } from '../context';
import { quotableCode } from '../codes';
import { defineRule } from '../types';

const list = (numbers: readonly number[]) => (numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`);
const diagnosisWord = (numbers: readonly number[]) => (numbers.length === 1 ? 'diagnosis' : 'diagnoses');
const pointerWord = (numbers: readonly number[]) => (numbers.length === 1 ? 'pointer' : 'pointers');
const range = (count: number) => (count === 1 ? 'diagnosis 1' : count === 2 ? 'diagnosis 1 or 2' : `one of diagnoses 1 to ${count}`);

const messages = {
  noDiagnoses: (line: string) => `${line} has no diagnosis linked: the encounter lists none.`,
  beyond: (line: string, bad: number[], count: number) => `${line} points to ${diagnosisWord(bad)} ${list(bad)}, but the encounter lists ${count}.`,
  belowOne: (line: string, bad: number[]) => `${line} points to ${diagnosisWord(bad)} ${list(bad)}, but diagnoses are numbered from 1.`,
  outOfRange: (line: string, bad: number[], count: number) => `${line} points to ${diagnosisWord(bad)} ${list(bad)}, but the encounter lists ${count} (numbered from 1).`,
  fixNoDiagnoses: (line: string) => `Enter the diagnosis the note documents for ${line} and point the line to it.`,
  fixRemove: (line: string, bad: number[], canAdd: boolean) =>
    `Remove ${pointerWord(bad)} ${list(bad)} from ${line}${canAdd ? `, or enter the ${diagnosisWord(bad)} ${bad.length === 1 ? 'it was' : 'they were'} meant to name` : ''}.`,
  fixRepoint: (line: string, count: number) => `Point ${line} to the diagnosis it treats (${range(count)}), or enter the missing diagnosis.`,
};

/** How a message names a line: its code, or its place when it has none (a retail item). */
const nameOf = (line: ClaimLine) => quotableCode(line.code) || `The item on line ${line.index + 1}`;
const inSentence = (name: string) => (name.startsWith('The item') ? `t${name.slice(1)}` : name);

export default defineRule({
  meta: {
    id: 'dx-missing',
    summary: 'A line on the claim has no diagnosis linked, or points to a diagnosis that is not there.',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 26, §10.2 (CMS-1500 items 21 and 24E: diagnosis pointers)',
    description:
      'A line on the claim when the encounter lists no diagnosis, or when one of its pointers is below 1 or beyond the last diagnosis (such a pointer links to nothing). A line without pointers is linked to every diagnosis.',
    messages,
  },
  check({ claim, diagnoses }) {
    const count = diagnoses.length;
    const reports = [];
    for (const line of claim) {
      const name = nameOf(line);
      if (count === 0) {
        reports.push({ line: line.index, message: messages.noDiagnoses(name), fix: messages.fixNoDiagnoses(inSentence(name)) });
        continue;
      }
      if (!line.badPointer) continue;
      const pointers = line.raw.dx ?? [];
      const bad = [...new Set(pointers.filter((p) => p < 1 || p > count))];
      const good = pointers.some((p) => p >= 1 && p <= count);
      const low = bad.filter((p) => p < 1);
      const message = low.length === 0 ? messages.beyond(name, bad, count) : low.length === bad.length ? messages.belowOne(name, bad) : messages.outOfRange(name, bad, count);
      const fix = good ? messages.fixRemove(inSentence(name), bad, low.length === 0) : messages.fixRepoint(inSentence(name), count);
      reports.push({ line: line.index, message, fix });
    }
    return reports;
  },
});
