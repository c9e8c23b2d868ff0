/**
 * The engine's contract (docs/formats.md, generated from these schemas) as zod schemas: the only
 * source of the Encounter and Finding types. Unknown extra fields are stripped,
 * wrong types are rejected with a message that names the field.
 */
import { z } from 'zod/mini';

import { PAYER_KINDS, SEVERITIES } from './kinds';

export { PAYER_KINDS, SEVERITIES };

// zod/mini: the same schemas at a fraction of the size, so the content script can carry them.
const positiveInt = z
  .int({ error: 'expected a positive integer' })
  .check(z.positive({ error: 'expected a positive integer' }));
const positiveNumber = z
  .number({ error: 'expected a positive number' })
  .check(z.positive({ error: 'expected a positive number' }));
const text = (what = 'a string') => z.string({ error: `expected ${what}` });
const integer = (what: string) => z.int({ error: `expected ${what}` });

export const PayerKindSchema = z.enum(PAYER_KINDS, { error: `expected one of ${PAYER_KINDS.join(', ')}` });

export const LineSchema = z.object({
  code: text('a code string (empty for a retail item)'),
  modifiers: z.optional(z.array(text('a modifier string'), { error: 'expected an array of modifier strings' })),
  units: z.optional(positiveInt),
  dx: z.optional(z.array(integer('an integer pointer'), { error: 'expected an array of diagnosis pointers' })),
  site: z.optional(text()),
  sizeCm: z.optional(positiveNumber),
  lesions: z.optional(positiveInt),
  billTo: z.optional(z.enum(['insurance', 'patient'], { error: "expected 'insurance' or 'patient'" })),
  category: z.optional(
    z.enum(['service', 'cosmetic', 'retail'], { error: "expected 'service', 'cosmetic' or 'retail'" }),
  ),
  description: z.optional(text()),
});

export const DiagnosisSchema = z.object({
  code: text('an ICD-10-CM code string'),
  description: z.optional(text()),
});

/** A service billed before, as the screen's visit history shows it (global-period-em); dx are ICD-10-CM codes, not pointers. */
export const PriorServiceSchema = z.object(
  {
    dateOfService: z
      .string({ error: 'expected a date YYYY-MM-DD' })
      .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })),
    code: text('a code string'),
    modifiers: z.optional(z.array(text('a modifier string'), { error: 'expected an array of modifier strings' })),
    dx: z.optional(z.array(text('an ICD-10-CM code string'), { error: 'expected an array of ICD-10-CM code strings' })),
  },
  { error: 'expected an object { dateOfService, code, modifiers?, dx? }' },
);

export const EncounterSchema = z.object(
  {
    id: text('an opaque id string'),
    dateOfService: z.optional(
      z
        .string({ error: 'expected a date YYYY-MM-DD' })
        .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })),
    ),
    payer: z.object(
      { kind: PayerKindSchema, name: z.optional(text()) },
      { error: 'expected an object { kind, name? }' },
    ),
    abn: z.optional(
      z.object(
        {
          signed: z.boolean({ error: 'expected true or false' }),
          lines: z.optional(
            z.array(integer('a line index').check(z.nonnegative({ error: 'expected a line index' })), {
              error: 'expected an array of line indexes',
            }),
          ),
        },
        { error: 'expected an object { signed, lines? }' },
      ),
    ),
    diagnoses: z.array(DiagnosisSchema, { error: 'expected an array of diagnoses' }),
    lines: z.array(LineSchema, { error: 'expected an array of lines' }),
    /** The procedure documentation the screen shows, plain text (docs/note.md). Read in memory only, never stored. */
    note: z.optional(text('the note as a string')),
    /** Prior services by the same physician, any order (global-period-em). */
    history: z.optional(z.array(PriorServiceSchema, { error: 'expected an array of prior services' })),
  },
  { error: 'expected an encounter object' },
);

/** The field of a line (or of the encounter) a finding is about: where the inline warning is painted. */
const FINDING_FIELDS = ['code', 'modifiers', 'units', 'site', 'size', 'dx', 'payer'] as const;
export type FindingField = (typeof FINDING_FIELDS)[number];

const lineIndex = z.int().check(z.nonnegative());

/**
 * One mechanical change to the encounter, as a CDS Hooks suggestion's action: the
 * adapter applies it by operating the EHR's own controls, on the user's click only.
 */
export const SuggestionActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('addModifier'),
    line: lineIndex,
    modifier: z.string().check(z.minLength(1), z.maxLength(4)),
  }),
  z.object({
    type: z.literal('removeModifier'),
    line: lineIndex,
    modifier: z.string().check(z.minLength(1), z.maxLength(4)),
  }),
  z.object({ type: z.literal('setUnits'), line: lineIndex, units: z.int().check(z.positive()) }),
  z.object({
    type: z.literal('replaceCode'),
    line: lineIndex,
    code: z.string().check(z.minLength(1), z.maxLength(10)),
  }),
  z.object({
    type: z.literal('addLine'),
    code: z.string().check(z.minLength(1), z.maxLength(10)),
    units: z.optional(z.int().check(z.positive())),
    modifiers: z.optional(z.array(z.string().check(z.maxLength(4)))),
    dx: z.optional(z.array(z.int())),
  }),
  z.object({ type: z.literal('removeLine'), line: lineIndex }),
  z.object({ type: z.literal('billToPatient'), line: lineIndex }),
]);

/** A one-click fix: what the button says ("Add 25 to 99213") and the actions it takes, in order. */
export const SuggestionSchema = z.object({
  label: z.string().check(z.minLength(1), z.maxLength(80)),
  actions: z.array(SuggestionActionSchema).check(z.minLength(1), z.maxLength(20)),
});

export const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  line: z.nullable(z.int().check(z.nonnegative())),
  message: z.string().check(z.minLength(1)),
  fix: z.optional(z.string()),
  reference: z.optional(z.string()),
  /** The id of the rule's message this finding renders (meta.messages): dismissals key on it, never on the text. */
  messageId: z.optional(z.string()),
  /**
   * What the message was filled with (codes, counts, the rule's own words — never page text):
   * with messageId, what an encounter-level finding is about, whatever the wording.
   */
  data: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  /** At most 32 characters, saying what to do: what the inline warning shows. */
  title: z.optional(z.string().check(z.maxLength(32))),
  /** The field the finding concerns, null for the whole line or encounter. */
  field: z.optional(z.nullable(z.enum(FINDING_FIELDS))),
  /** One-click fixes, when the fix is mechanical. */
  suggestions: z.optional(z.array(SuggestionSchema)),
});

export const ResultSchema = z.object({ id: z.string(), findings: z.array(FindingSchema) });

export type Encounter = z.infer<typeof EncounterSchema>;
export type Line = z.infer<typeof LineSchema>;
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export type PriorService = z.infer<typeof PriorServiceSchema>;
export type PayerKind = z.infer<typeof PayerKindSchema>;
export type Severity = (typeof SEVERITIES)[number];
export type Finding = z.infer<typeof FindingSchema>;
export type SuggestionAction = z.infer<typeof SuggestionActionSchema>;
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** 'lines[2].units' from ['lines', 2, 'units']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out || '(root)';
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates one encounter. The error names the encounter's index (when given)
 * and the first failing field: "encounter 3: lines[2].units: expected a positive integer".
 */
export function parseEncounter(input: unknown, index?: number): ParseResult<Encounter> {
  const parsed = EncounterSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = index === undefined ? '' : `encounter ${index}: `;
  return { ok: false, error: `${where}${formatPath(issue.path)}: ${issue.message}` };
}
