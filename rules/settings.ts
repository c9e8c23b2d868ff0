/**
 * Per-rule overrides, as ESLint configs carry them: a rule can be switched
 * off, or its findings raised or lowered to one severity.
 */
import { z } from 'zod';
import { PAYER_KINDS } from './schema';

export const RULE_LEVELS = ['off', 'default', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const SettingsSchema = z.object({
  /** rule id → level; 'default' (or absent) keeps the rule's own severity. */
  rules: z.record(z.string(), z.enum(RULE_LEVELS, { error: `expected one of ${RULE_LEVELS.join(', ')}` })).default({}),
  /** The practice's own insurer names, looked at before the built-in table when the screen shows a name but no category. */
  payerNames: z
    .array(
      z.object({
        phrase: z.string().min(1).max(100),
        kind: z.enum(['medicare', 'medicare-advantage', 'medicaid', 'commercial', 'self-pay']),
      }),
    )
    .max(500)
    .optional(),
  /** Used when the screen shows no payer (payer.kind 'unknown' and a name no table knows). */
  defaultPayerKind: z.enum(PAYER_KINDS, { error: `expected one of ${PAYER_KINDS.join(', ')}` }).optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = { rules: {} };

export function parseSettings(input: unknown): { ok: true; value: Settings } | { ok: false; error: string } {
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` };
}
