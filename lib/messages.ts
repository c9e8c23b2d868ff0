/**
 * Messages between the content script and the background worker. The worker
 * validates every one with these schemas (and checks its sender) before it
 * acts; the content script imports only the types.
 */
import { z } from 'zod';
import { DiagnosisSchema, EncounterSchema, LineSchema, type Finding } from '../rules/schema';

/** Bounds that keep a hostile or broken page from making the worker do unbounded work. */
export const LIMITS = { lines: 5000, diagnoses: 1000, text: 20_000, messageBytes: 4_000_000 } as const;

const BoundedEncounter = EncounterSchema.extend({
  id: z.string().max(200),
  lines: z.array(LineSchema, { error: 'expected an array of lines' }).max(LIMITS.lines, { error: `more than ${LIMITS.lines} lines` }),
  diagnoses: z.array(DiagnosisSchema).max(LIMITS.diagnoses, { error: `more than ${LIMITS.diagnoses} diagnoses` }),
});

export const EvaluateRequestSchema = z.object({
  type: z.literal('evaluate'),
  adapter: z.string().max(40),
  encounter: BoundedEncounter,
});

export const StatusRequestSchema = z.object({
  type: z.literal('status'),
  adapter: z.string().max(40),
  state: z.enum(['unreadable', 'absent']),
  reason: z.string().max(500).optional(),
});

export const RequestSchema = z.discriminatedUnion('type', [EvaluateRequestSchema, StatusRequestSchema]);

export type EvaluateRequest = z.infer<typeof EvaluateRequestSchema>;
export type StatusRequest = z.infer<typeof StatusRequestSchema>;
export type Request = z.infer<typeof RequestSchema>;

export type EvaluateResponse =
  /** `why`: each rule's summary, for the expanded warning (the content script does not ship the catalog). */
  | { ok: true; findings: Finding[]; showInfoInline: boolean; why: Record<string, string> }
  | { ok: false; error: string };
