/**
 * The words and choices of the audit log that the panel shows: dismissal reasons and
 * how a fix reads. Kept apart from the store (lib/background/dismissals.ts) so
 * components/ can use them without importing IndexedDB code.
 */
/** The kinds of action a one-click fix takes (rules/schema.ts, SuggestionActionSchema). */
export const FIX_ACTION_TYPES = [
  'addModifier',
  'removeModifier',
  'setUnits',
  'replaceCode',
  'addLine',
  'removeLine',
  'billToPatient',
] as const;

/** A fix's action as fixActionText reads it (FixActionRecordSchema in lib/background/dismissals.ts checks the stored ones). */
interface FixActionWords {
  readonly type: (typeof FIX_ACTION_TYPES)[number];
  readonly modifier?: string | undefined;
  readonly units?: number | undefined;
  readonly code?: string | undefined;
  readonly modifiers?: readonly string[] | undefined;
}

export const DISMISS_REASONS = ['documented-separately', 'payer-policy', 'not-applicable', 'other'] as const;
export const REASON_LABEL: Record<(typeof DISMISS_REASONS)[number] | 'signed-anyway', string> = {
  'documented-separately': 'Documented separately',
  'payer-policy': 'Payer-specific policy',
  'not-applicable': 'Not applicable to this patient',
  other: 'Other',
  'signed-anyway': 'Signed with errors remaining',
};

/** An action of a fix in words, for the audit table and its CSV ('add modifier 25', 'units 13'). */
export function fixActionText(a: FixActionWords): string {
  switch (a.type) {
    case 'addModifier':
      return `add modifier ${a.modifier ?? ''}`.trim();
    case 'removeModifier':
      return `remove modifier ${a.modifier ?? ''}`.trim();
    case 'setUnits':
      return `units ${a.units ?? ''}`.trim();
    case 'replaceCode':
      return `code ${a.code ?? ''}`.trim();
    case 'addLine':
      return `add ${a.code ?? 'a line'}${a.units !== undefined ? ` × ${a.units}` : ''}${a.modifiers?.length ? ` ${a.modifiers.join(' ')}` : ''}`;
    case 'removeLine':
      return 'remove the line';
    case 'billToPatient':
      return 'bill the patient';
  }
}

export const FIX_OUTCOME_LABEL: Record<'applied' | 'not-applied', string> = {
  applied: 'Applied',
  'not-applied': 'Did not take (left as the EHR showed it)',
};
