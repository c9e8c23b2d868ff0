/**
 * abn-missing — original Medicare, a benign lesion destruction, shave or skin-tag removal with no
 * indication linked, and no ABN or ABN modifier: Medicare will likely deny it.
 * Source: Medicare Claims Processing Manual ch. 30, §50 (ABN, modifiers GA/GZ/GX/GY); LCD
 * "Removal of Benign Skin Lesions" (removal for appearance is cosmetic; covered only with an indication).
 * Medicare Advantage, Medicaid and commercial plans do not use the ABN.
 */
import { ABN_MODIFIERS, BENIGN_EXCISION, BENIGN_REMOVAL, displayIcd, isQuestionableBenignRemoval } from '../codes';
import { hasAnyModifier } from '../context';
import { payerIs } from '../gate';
import { createRule } from '../types';

const andList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export default createRule({
  meta: {
    id: 'abn-missing',
    summary:
      'Original Medicare: a benign lesion destruction, shave or skin-tag removal without an indication lacks an ABN and GA/GZ/GX/GY.',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 30, §50 (ABN); LCD "Removal of Benign Skin Lesions"',
    description:
      'Original Medicare only: a questionable benign removal other than an excision (destruction, shave, skin-tag removal) with no ABN on file for the line and none of GA, GZ, GX, GY.',
    messages: {
      noAbn: {
        message:
          'Medicare will likely deny {{code}} for {{dx}} as not medically necessary or cosmetic, and no ABN or ABN modifier is on the line.',
        title: 'Medicare: ABN + GA needed',
        fix: 'If the note documents a symptom or suspicion, link it; otherwise have the patient sign an ABN before the service and append GA to {{code}}, append GZ if no ABN was signed, or bill the patient (or append GY) if the removal is purely cosmetic.',
      },
    },
  },
  needs: [payerIs('medicare'), BENIGN_REMOVAL],
  check({ onClaim, payerKind, abnOnFile }) {
    if (payerKind !== 'medicare' || !onClaim.has(BENIGN_REMOVAL)) return [];
    return (
      onClaim
        .linesIn(BENIGN_REMOVAL)
        .filter(
          (l) =>
            isQuestionableBenignRemoval(l.code, l.dx) &&
            !BENIGN_EXCISION.has(l.code) &&
            !abnOnFile(l) &&
            !hasAnyModifier(l, ABN_MODIFIERS),
        )
        // No one-click fix: which modifier is right depends on whether an ABN was signed, which the screen does not show.
        .map((l) => ({
          line: l.index,
          field: 'modifiers' as const,
          messageId: 'noAbn' as const,
          data: { code: l.code, dx: andList(l.dx.map(displayIcd)) },
        }))
    );
  },
});
