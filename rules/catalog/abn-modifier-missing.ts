/**
 * abn-modifier-missing — original Medicare, a benign removal without an indication, an ABN signed
 * for it, and the line lacks GA (or GX): the patient cannot be billed if Medicare denies it.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (a line covered by a signed ABN is billed
 * with GA, or GX for a voluntary ABN on an excluded service; GZ states that no ABN was signed).
 */
import { BENIGN_REMOVAL, displayIcd, isQuestionableBenignRemoval } from '../codes';
import type { ClaimLine } from '../context';
import { defineRule } from '../types';

const messages = {
  gz: (code: string) => `The patient signed an ABN for ${code}, but the line carries GZ, which tells Medicare no ABN was signed.`,
  gy: (code: string) => `The patient signed an ABN for ${code}, but the line carries GY without GX, so the voluntary notice is not reported.`,
  none: (code: string, dx: string) => `The patient signed an ABN for ${code} (${dx}), but the line lacks GA, so the patient cannot be billed if Medicare denies it.`,
  fixGz: (code: string) => `Replace GZ with GA on ${code}.`,
  fixGy: (code: string) => `Append GX to ${code} (keep GY) to report the voluntary ABN.`,
  fixNone: (code: string) => `Append GA to ${code}.`,
};

function describe(line: ClaimLine) {
  if (line.modifiers.has('GZ')) return { message: messages.gz(line.code), fix: messages.fixGz(line.code) };
  if (line.modifiers.has('GY')) return { message: messages.gy(line.code), fix: messages.fixGy(line.code) };
  return { message: messages.none(line.code, line.dx.map(displayIcd).join(', ')), fix: messages.fixNone(line.code) };
}

export default defineRule({
  meta: {
    id: 'abn-modifier-missing',
    summary: 'Original Medicare: a benign lesion removal with a signed ABN lacks GA (or GX).',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 30, §50 (ABN and modifiers GA, GX, GZ)',
    description:
      'Original Medicare only: a questionable benign removal (destruction, shave, skin-tag removal or excision) with an ABN on file for the line, but the line carries neither GA nor GX (GZ there contradicts the signed ABN).',
    messages,
  },
  check({ onClaim, payerKind, abnOnFile }) {
    if (payerKind !== 'medicare' || !onClaim.has(BENIGN_REMOVAL)) return [];
    return onClaim
      .linesIn(BENIGN_REMOVAL)
      .filter((l) => isQuestionableBenignRemoval(l.code, l.dx) && abnOnFile(l) && !l.modifiers.has('GA') && !l.modifiers.has('GX'))
      .map((l) => ({ line: l.index, ...describe(l) }));
  },
});
