/**
 * Messages between the content script, the extension pages (popup, side panel,
 * options) and the background worker. The worker validates every one with
 * these schemas and checks its sender before it acts; the content script
 * imports only the types.
 */
import { z } from 'zod';
import { z as zm } from 'zod/mini';
import { DiagnosisSchema, EncounterSchema, LineSchema, type Finding, type Severity } from '../rules/schema';
import { DISMISS_REASONS, type Dismissal } from './background/dismissals';

/** Bounds that keep a hostile or broken page from making the worker do unbounded work. */
export const LIMITS = { lines: 5000, diagnoses: 1000, text: 20_000, messageBytes: 4_000_000 } as const;

const BoundedEncounter = zm.extend(EncounterSchema, {
  id: zm.string().check(zm.maxLength(200)),
  lines: zm.array(LineSchema, { error: 'expected an array of lines' }).check(zm.maxLength(LIMITS.lines, { error: `more than ${LIMITS.lines} lines` })),
  diagnoses: zm.array(DiagnosisSchema).check(zm.maxLength(LIMITS.diagnoses, { error: `more than ${LIMITS.diagnoses} diagnoses` })),
});

// ── From the content script (sender: a tab on an enabled EHR host) ─────────

export const EvaluateRequestSchema = z.object({
  type: z.literal('evaluate'),
  adapter: z.string().max(40),
  encounter: BoundedEncounter,
  /** The page just heard that the settings changed: read them again rather than trust the worker's copy. */
  refresh: z.boolean().optional(),
});

export const StatusRequestSchema = z.object({
  type: z.literal('status'),
  adapter: z.string().max(40),
  state: z.enum(['unreadable', 'absent']),
  reason: z.string().max(500).optional(),
});

/** The user clicked the EHR's sign control with errors remaining and chose "sign anyway". */
export const SignedAnywayRequestSchema = z.object({
  type: z.literal('signed-anyway'),
  encounterId: z.string().max(200),
  errors: z.number().int().nonnegative(),
});

/** The teaching overlay (lib/teach) saves the field map a user taught on this screen. */
export const TeachSaveRequestSchema = z.object({
  type: z.literal('teach-save'),
  /** Checked with FieldMapSchema by the worker (kept unknown here so this file does not pull the map's schema into every page). */
  map: z.unknown(),
});

export const ContentRequestSchema = z.discriminatedUnion('type', [EvaluateRequestSchema, StatusRequestSchema, SignedAnywayRequestSchema, TeachSaveRequestSchema]);

// ── From extension pages (sender: our own chrome-extension:// page) ───────

const tabId = z.number().int().nonnegative();
const findingKey = z.string().max(400);

export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab-state'), tabId }),
  z.object({ type: z.literal('dismiss'), tabId, key: findingKey, reason: z.enum(DISMISS_REASONS), comment: z.string().max(500).optional() }),
  z.object({ type: z.literal('undismiss'), tabId, key: findingKey }),
  z.object({ type: z.literal('reveal'), tabId, key: findingKey }),
  z.object({ type: z.literal('audit') }),
  z.object({ type: z.literal('clear-audit') }),
]);

export const RequestSchema = z.union([ContentRequestSchema, PageRequestSchema]);

export type EvaluateRequest = z.infer<typeof EvaluateRequestSchema>;
export type StatusRequest = z.infer<typeof StatusRequestSchema>;
export type ContentRequest = z.infer<typeof ContentRequestSchema>;
export type PageRequest = z.infer<typeof PageRequestSchema>;
export type Request = z.infer<typeof RequestSchema>;

// ── Answers ───────────────────────────────────────────────────────────────

export type EvaluateResponse =
  /** `findings`: what to paint (dismissed ones left out); `why`: each rule's summary; `errors`: errors not dismissed. */
  | { ok: true; findings: Finding[]; showInfoInline: boolean; why: Record<string, string>; errors: number; signoffPrompt: boolean }
  | { ok: false; error: string };

/** A finding as the review list shows it. */
export interface FindingView extends Finding {
  /** Stable across re-reads of the same encounter: dismissals and "reveal" use it. */
  key: string;
  why: string;
  dismissed?: { reason: Dismissal['reason']; comment?: string; at: string };
}

/** A line as read off the screen (codes only, no patient data). */
export interface LineView {
  code: string;
  modifiers: string[];
  units: number;
  site?: string;
  billTo: 'insurance' | 'patient';
}

/** What the popup and the side panel show for a tab. */
export interface TabState {
  tabId: number;
  frameId: number;
  adapter: string;
  status: 'ok' | 'unreadable';
  reason?: string;
  encounterId: string;
  payerKind: string;
  /** The insurer's name as the screen shows it (not patient data), when it shows one; at most 120 characters. */
  payerName?: string;
  lines: LineView[];
  findings: FindingView[];
  counts: Record<Severity, number> & { dismissed: number };
  updatedAt: string;
}

export type PageResponse =
  | { ok: true; state?: TabState | null; dismissals?: Dismissal[] }
  | { ok: false; error: string };

/** Worker → content script (tabs.sendMessage). */
export type ToContent = { type: 'recheck' } | { type: 'reveal'; line: number | null };

/** Worker → extension pages (runtime.sendMessage broadcast): a tab's state changed. */
export type Broadcast = { type: 'tab-state-changed'; tabId: number };
