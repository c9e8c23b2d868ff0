/**
 * One EHR = one adapter: where it runs, and how it reads an encounter off its
 * screen. Reading is pure: a Document in, an Encounter (or why not) out.
 */
import type { Encounter, SuggestionAction } from '../rules/schema';

/** What the patient banner shows, as the screen writes it (read on demand, in memory only). */
export interface BannerFacts {
  name?: string;
  dob?: string;
  mrn?: string;
}

/** The fields of a line a warning can be painted next to (a finding's `field`, the payer aside). */
export type LineField = 'code' | 'modifiers' | 'units' | 'site' | 'size' | 'dx';

/**
 * Where the content script paints what it found: the element that shows each
 * field, so that a warning sits next to the box it is about. The elements are
 * the EHR's own; dermlint never paints inside them (lib/content/painter.tsx).
 */
export interface ScreenAnchors {
  /** Element of each encounter line, by line index (encounter.lines[i] ↔ lines[i]). */
  lines: Element[];
  /**
   * The element that shows one field of a line (its control, else its cell; `dx`: the diagnosis
   * pointers), or undefined where the screen has none. Looked up when asked, so only the lines
   * with findings cost anything.
   */
  field?(line: number, field: LineField): Element | undefined;
  /** The diagnosis list, for encounter-level findings (diagnosis problems). */
  diagnoses?: Element;
  /** Where the screen shows the payer (plan name), for payer findings. */
  payer?: Element;
  /** The encounter header, for other encounter-level findings. */
  header?: Element;
}

export type ReadResult =
  /** `documents`: other same-origin documents the read looked into (a frame holding the note): their edits are followed too. */
  | { status: 'ok'; encounter: Encounter; anchors: ScreenAnchors; documents?: Document[] }
  /** This document is not (or not yet) an encounter screen of this EHR: stay quiet. */
  | { status: 'absent' }
  /**
   * The screen is there but cannot be read fully: say so, never guess. `reason` may quote what the
   * screen shows (painted on that screen only); `withoutValues` is the same note without it, for the
   * worker's tab state, the popup and the side panel.
   */
  | { status: 'unreadable'; reason: string; withoutValues?: string };

export interface Adapter {
  id: string;
  /** Human name for the options page and popup. */
  name: string;
  /** Match patterns of the EHR's real hosts plus the demo server. */
  matches: string[];
  /** Reads the encounter from this document (one frame). */
  read(doc: Document): ReadResult;
  /** The sign / finalize / submit controls, for the sign-off check (optional). */
  signControls?(doc: Document): Element[];
  /**
   * What the patient banner shows (name, date of birth, MRN), read only when the worker asks
   * whether a dismissal comment repeats it (lib/comment-check.ts), kept in memory for that one
   * answer and never part of the encounter. Undefined when this screen has no banner.
   */
  patientBanner?(doc: Document): BannerFacts | undefined;
}

/**
 * How an EHR's one-click fixes are carried out (adapters/<ehr>/apply.ts). Kept apart from the
 * reader: the content script in every frame carries only the reader, and this code is loaded
 * into a frame when a person opens a warning that offers a fix (entrypoints/fix-apply.ts).
 */
export interface Applier {
  /**
   * Whether this screen has the controls the action needs: null when it has, else why not
   * ('this screen has no bill-to control'), and the warning says "Fix by hand". Touches nothing.
   * Line indexes are the encounter's as read now.
   */
  canApply(action: SuggestionAction, doc: Document): string | null;
  /**
   * Carries out one action by operating the EHR's own controls as a person would, on the user's
   * click only; resolves once the EHR has re-rendered. Line indexes are the encounter's as read
   * now. The caller reads the screen again to see whether it took.
   */
  apply(action: SuggestionAction, doc: Document): Promise<ApplyResult>;
}

/** What one step of a one-click fix did. */
export type ApplyResult =
  | { ok: true }
  /** cannot: the screen has no control for it (fix by hand; nothing was touched); else a control was there and the step failed. */
  | { ok: false; cannot: boolean; reason: string };
