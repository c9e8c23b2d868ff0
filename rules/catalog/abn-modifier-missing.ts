/**
 * abn-modifier-missing — original Medicare, a benign removal without an indication, an ABN signed
 * for it, and the line lacks GA (or GX): the patient cannot be billed if Medicare denies it.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (a line covered by a signed ABN is billed
 * with GA, or GX for a voluntary ABN on an excluded service; GZ states that no ABN was signed).
 */
import { BENIGN_REMOVAL, displayIcd, isQuestionableBenignRemoval } from '../codes';
import type { ClaimLine } from '../context';
import { addModifier, removeModifier, suggest } from '../suggest';
import { ABN_SIGNED, payerIs } from '../gate';
import { createRule, type MessageReport } from '../types';

const messages = {
  gz: {
    message: 'The patient signed an ABN for {{code}}, but the line carries GZ, which tells Medicare no ABN was signed.',
    title: 'ABN signed: replace GZ with GA',
    fix: 'Replace GZ with GA on {{code}}.',
  },
  gy: {
    message:
      'The patient signed an ABN for {{code}}, but the line carries GY without GX, so the voluntary notice is not reported.',
    title: 'ABN signed: add GX (keep GY)',
    fix: 'Append GX to {{code}} (keep GY) to report the voluntary ABN.',
  },
  none: {
    message:
      'The patient signed an ABN for {{code}} ({{dx}}), but the line lacks GA, so the patient cannot be billed if Medicare denies it.',
    title: 'ABN signed: add GA',
    fix: 'Append GA to {{code}}.',
  },
} as const;

function describe(line: ClaimLine): MessageReport<typeof messages> {
  const at = line.index;
  const code = line.code;
  if (line.modifiers.has('GZ')) {
    return {
      line: at,
      field: 'modifiers',
      messageId: 'gz',
      data: { code },
      suggestions: suggest(`Replace GZ with GA on ${code}`, removeModifier(line, 'GZ'), addModifier(line, 'GA')),
    };
  }
  if (line.modifiers.has('GY'))
    return {
      line: at,
      field: 'modifiers',
      messageId: 'gy',
      data: { code },
      suggestions: suggest(`Add GX to ${code}`, addModifier(line, 'GX')),
    };
  return {
    line: at,
    field: 'modifiers',
    messageId: 'none',
    data: { code, dx: line.dx.map(displayIcd).join(', ') },
    suggestions: suggest(`Add GA to ${code}`, addModifier(line, 'GA')),
  };
}

export default createRule({
  meta: {
    id: 'abn-modifier-missing',
    summary: 'Original Medicare: a benign lesion removal with a signed ABN lacks GA (or GX).',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 30, §50 (ABN and modifiers GA, GX, GZ)',
    description:
      'Original Medicare only: a questionable benign removal (destruction, shave, skin-tag removal or excision) with an ABN on file for the line, but the line carries neither GA nor GX (GZ there contradicts the signed ABN).',
    messages,
  },
  needs: [payerIs('medicare'), BENIGN_REMOVAL, ABN_SIGNED],
  check({ onClaim, payerKind, abnOnFile }) {
    if (payerKind !== 'medicare' || !onClaim.has(BENIGN_REMOVAL)) return [];
    return onClaim
      .linesIn(BENIGN_REMOVAL)
      .filter(
        (l) =>
          isQuestionableBenignRemoval(l.code, l.dx) && abnOnFile(l) && !l.modifiers.has('GA') && !l.modifiers.has('GX'),
      )
      .map(describe);
  },
});
