/**
 * One EHR = one adapter: where it runs, and how it reads an encounter off its
 * screen. Reading is pure: a Document in, an Encounter (or why not) out.
 */
import type { Encounter, SuggestionAction } from '../rules/schema';

/** Where the content script paints what it found. */
export interface ScreenAnchors {
  /** Element of each encounter line, by line index (encounter.lines[i] ↔ lines[i]). */
  lines: Element[];
  /** The diagnosis list, for encounter-level findings (diagnosis problems). */
  diagnoses?: Element;
  /** The encounter header, for other encounter-level findings. */
  header?: Element;
}

export type ReadResult =
  | { status: 'ok'; encounter: Encounter; anchors: ScreenAnchors }
  /** This document is not (or not yet) an encounter screen of this EHR: stay quiet. */
  | { status: 'absent' }
  /** The screen is there but cannot be read fully: say so, never guess. */
  | { status: 'unreadable'; reason: string };

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
