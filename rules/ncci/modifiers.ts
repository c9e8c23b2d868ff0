/**
 * NCCI PTP-associated modifiers: the modifiers that may separate the two codes
 * of an edit with modifier indicator 1 (NCCI Policy Manual for Medicare
 * Services, ch. I, section E, "Modifiers and Modifier Indicators"). CMS
 * accepts one on either code of the pair.
 */
const NCCI_ASSOCIATED_MODIFIERS: ReadonlySet<string> = new Set([
  // distinct procedural service
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  // anatomic
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LT',
  'RT',
  'LC',
  'LD',
  'RC',
  'LM',
  'RI',
  // global surgery and others
  '24',
  '25',
  '27',
  '57',
  '58',
  '78',
  '79',
  '91',
]);

/** The first NCCI-associated modifier among a line's, or undefined. */
export function ncciModifierOf(modifiers: ReadonlySet<string>): string | undefined {
  for (const m of modifiers) if (NCCI_ASSOCIATED_MODIFIERS.has(m)) return m;
  return undefined;
}
