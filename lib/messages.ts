/**
 * Messages between the content script, the extension pages (popup, side panel,
 * options) and the background worker. The worker validates every one with
 * these schemas and checks its sender before it acts; the content script
 * imports only the types.
 */
import { z } from 'zod';
import { z as zm } from 'zod/mini';
import {
  DiagnosisSchema,
  EncounterSchema,
  LineSchema,
  PriorServiceSchema,
  type Finding,
  type Severity,
} from '../rules/schema';
import type { SiteGroup } from '../rules/codes';
import { DISMISS_REASONS, FixActionRecordSchema, type Dismissal } from './background/dismissals';

/**
 * Bounds that keep a hostile or broken page from making the worker do
 * unbounded work or store megabytes of tab state; each is enforced below, at
 * the worker's door (test/unit/message-limits.test.ts has a case per limit).
 */
export const LIMITS = {
  lines: 5000,
  diagnoses: 1000,
  /** Prior services in the encounter's history. */
  history: 1000,
  /** Modifiers per line or prior service (a claim line carries 4). */
  modifiers: 50,
  /** Diagnosis pointers per line, diagnoses per prior service (a claim line points at 4). */
  pointers: 50,
  /** Any other string read off a screen: codes, modifiers, site, descriptions, payer name. */
  text: 20_000,
  /** The procedure note: a long one is 20 KB; a screen does not show a megabyte. */
  note: 200_000,
  /** The encounter's id, as a message names it. */
  id: 2000,
  adapter: 40,
  /** Why a screen could not be read. */
  reason: 500,
  /** A finding's key (dismiss, undismiss, reveal). */
  key: 400,
  /** A dismissal's comment. */
  comment: 500,
  messageBytes: 4_000_000,
} as const;

const count = (n: number) => n.toLocaleString('en-US');
const longer = (max: number) => ({ error: `longer than ${count(max)} characters` });
const more = (max: number, what: string) => ({ error: `more than ${count(max)} ${what}` });

/** The engine's string schema with a length bound: its own type error kept. */
const bounded = <T extends zm.ZodMiniString>(schema: T, max: number = LIMITS.text) =>
  schema.check(zm.maxLength(max, longer(max)));
/** The same for an optional field. */
const boundedOptional = <T extends zm.ZodMiniString>(schema: zm.ZodMiniOptional<T>, max: number = LIMITS.text) =>
  zm.optional(bounded(schema.def.innerType, max));
/** A list with its elements and its length bounded; `expected` is the engine schema's type error. */
function boundedList<E extends zm.ZodMiniType>(element: E, max: number, what: string, expected: string) {
  return zm.array(element, { error: expected }).check(zm.maxLength(max, more(max, what)));
}

const lineShape = LineSchema.shape;
const BoundedLine = zm.extend(LineSchema, {
  code: bounded(lineShape.code),
  modifiers: zm.optional(
    boundedList(
      bounded(lineShape.modifiers.def.innerType.def.element),
      LIMITS.modifiers,
      'modifiers',
      'expected an array of modifier strings',
    ),
  ),
  dx: zm.optional(
    boundedList(
      lineShape.dx.def.innerType.def.element,
      LIMITS.pointers,
      'diagnosis pointers',
      'expected an array of diagnosis pointers',
    ),
  ),
  site: boundedOptional(lineShape.site),
  description: boundedOptional(lineShape.description),
});

const BoundedDiagnosis = zm.extend(DiagnosisSchema, {
  code: bounded(DiagnosisSchema.shape.code),
  description: boundedOptional(DiagnosisSchema.shape.description),
});

const priorShape = PriorServiceSchema.shape;
const BoundedPriorService = zm.extend(PriorServiceSchema, {
  code: bounded(priorShape.code),
  modifiers: zm.optional(
    boundedList(
      bounded(priorShape.modifiers.def.innerType.def.element),
      LIMITS.modifiers,
      'modifiers',
      'expected an array of modifier strings',
    ),
  ),
  dx: zm.optional(
    boundedList(
      bounded(priorShape.dx.def.innerType.def.element),
      LIMITS.pointers,
      'diagnoses',
      'expected an array of ICD-10-CM code strings',
    ),
  ),
});

const encounterShape = EncounterSchema.shape;
const abnShape = encounterShape.abn.def.innerType.shape;
export const BoundedEncounter = zm.extend(EncounterSchema, {
  /** The encounter's identity (the EHR's own ids, a page path for field maps): the worker keeps only its pseudonym. */
  id: bounded(encounterShape.id, LIMITS.id),
  payer: zm.extend(encounterShape.payer, { name: boundedOptional(encounterShape.payer.shape.name) }),
  abn: zm.optional(
    zm.extend(encounterShape.abn.def.innerType, {
      lines: zm.optional(
        boundedList(
          abnShape.lines.def.innerType.def.element,
          LIMITS.lines,
          'line indexes',
          'expected an array of line indexes',
        ),
      ),
    }),
  ),
  lines: boundedList(BoundedLine, LIMITS.lines, 'lines', 'expected an array of lines'),
  diagnoses: boundedList(BoundedDiagnosis, LIMITS.diagnoses, 'diagnoses', 'expected an array of diagnoses'),
  note: boundedOptional(encounterShape.note, LIMITS.note),
  history: zm.optional(
    boundedList(BoundedPriorService, LIMITS.history, 'prior services', 'expected an array of prior services'),
  ),
});

// ── From the content script (sender: a tab on an enabled EHR host) ─────────

const EvaluateRequestSchema = z.object({
  type: z.literal('evaluate'),
  adapter: z.string().max(LIMITS.adapter, longer(LIMITS.adapter)),
  encounter: BoundedEncounter,
  /** The page just heard that the settings changed: read them again rather than trust the worker's copy. */
  refresh: z.boolean().optional(),
});

const StatusRequestSchema = z.object({
  type: z.literal('status'),
  adapter: z.string().max(LIMITS.adapter, longer(LIMITS.adapter)),
  state: z.enum(['unreadable', 'absent']),
  reason: z.string().max(LIMITS.reason, longer(LIMITS.reason)).optional(),
});

/** The user clicked the EHR's sign control with errors remaining and chose "sign anyway". */
const SignedAnywayRequestSchema = z.object({
  type: z.literal('signed-anyway'),
  /** The encounter's identity, as in an evaluation. */
  encounterId: z.string().max(LIMITS.id, longer(LIMITS.id)),
  errors: z.number().int().nonnegative(),
});

/** The frame shows an encounter: load the paint kit (the warnings' drawing code) into it (lib/content/paint-kit.ts). */
const PaintKitRequestSchema = z.object({ type: z.literal('paint-kit') });

/** A person opened a warning that offers a one-click fix: load the fix code into this frame (entrypoints/fix-apply.ts). */
const FixLoadRequestSchema = z.object({ type: z.literal('fix-load') });

/** A person clicked a one-click fix: for the audit log (rule, message, what it changed, whether the screen took it; no patient data). */
const FixRecordRequestSchema = z.object({
  type: z.literal('fix-record'),
  rule: z.string().max(60, longer(60)),
  messageId: z.string().max(60, longer(60)).optional(),
  actions: z.array(FixActionRecordSchema).min(1).max(20, more(20, 'actions')),
  outcome: z.enum(['applied', 'not-applied']),
});

/** The teaching overlay (lib/teach) saves the field map a user taught on this screen. */
const TeachSaveRequestSchema = z.object({
  type: z.literal('teach-save'),
  /** Checked with FieldMapSchema by the worker (kept unknown here so this file does not pull the map's schema into every page). */
  map: z.unknown(),
});

export const ContentRequestSchema = z.discriminatedUnion('type', [
  EvaluateRequestSchema,
  StatusRequestSchema,
  SignedAnywayRequestSchema,
  PaintKitRequestSchema,
  FixLoadRequestSchema,
  FixRecordRequestSchema,
  TeachSaveRequestSchema,
]);

// ── From extension pages (sender: our own chrome-extension:// page) ───────

const tabId = z.number().int().nonnegative();
const findingKey = z.string().max(LIMITS.key, longer(LIMITS.key));

export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab-state'), tabId }),
  z.object({
    type: z.literal('dismiss'),
    tabId,
    key: findingKey,
    reason: z.enum(DISMISS_REASONS),
    comment: z.string().max(LIMITS.comment, longer(LIMITS.comment)).optional(),
  }),
  z.object({ type: z.literal('undismiss'), tabId, key: findingKey }),
  z.object({ type: z.literal('reveal'), tabId, key: findingKey }),
  z.object({ type: z.literal('audit') }),
  z.object({ type: z.literal('clear-audit') }),
]);

export type FixRecordRequest = z.infer<typeof FixRecordRequestSchema>;

// ── Answers (lib/protocol.ts maps each request to its answer) ────────────────

export type EvaluateResponse =
  /** `findings`: what to paint (dismissed ones left out); `why`: each rule's summary; `errors`: errors not dismissed. */
  | {
      ok: true;
      findings: Finding[];
      showInfoInline: boolean;
      why: Record<string, string>;
      errors: number;
      signoffPrompt: boolean;
    }
  | { ok: false; error: string };

/** A finding as the review list shows it. */
export interface FindingView extends Finding {
  /** Stable across re-reads of the same encounter: dismissals and "reveal" use it. */
  key: string;
  why: string;
  dismissed?: { reason: Dismissal['reason']; comment?: string; at: string };
}

/**
 * A line as read off the screen: codes only, no patient data and no free text. A code or
 * modifier field holding anything but a code shows as '' / is left out; the site is its
 * group in the anatomic lexicon (A trunk, arms, legs; B scalp, neck, hands, feet, genitalia;
 * C face …), never the site as typed.
 */
export interface LineView {
  code: string;
  modifiers: string[];
  units: number;
  siteGroup?: SiteGroup;
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
  /**
   * When the screen shows an insurer's name: its words that dermlint's insurer tables know (the
   * practice's or the built-in: 'Cigna Open Access Plus'), '' when they know none. Never the name as
   * shown, which may carry anything the screen put there.
   */
  payerName?: string;
  lines: LineView[];
  /** Characters of the procedure note read off the screen (never its text: the note stays in the page and the worker's memory). */
  noteChars?: number;
  /** How many prior services the screen's visit history showed (never their dates, codes or diagnoses). */
  history?: number;
  findings: FindingView[];
  counts: Record<Severity, number> & { dismissed: number };
  updatedAt: string;
  /** Set when this state could not be written to storage.session (kept in the worker's memory only). */
  stateError?: string;
}

/**
 * Worker → content script (tabs.sendMessage). 'comment-check': does this dismissal comment repeat
 * what the patient banner shows? The content script reads the banner then and there and answers
 * CommentCheckAnswer: the banner's text never leaves the page's memory.
 */
export type ToContent =
  { type: 'recheck' } | { type: 'reveal'; line: number | null } | { type: 'comment-check'; comment: string };

/** `banner`: the screen shows a patient banner the adapter can read; `contains`: the comment repeats one of its words. */
export interface CommentCheckAnswer {
  banner: boolean;
  contains: boolean;
}

/** Worker → extension pages (runtime.sendMessage broadcast): a tab's state changed. */
export type Broadcast = { type: 'tab-state-changed'; tabId: number };
