/**
 * One EHR = one adapter: where it runs, and how it reads an encounter off its
 * screen. Reading is pure: a Document in, an Encounter (or why not) out.
 */
import type { Encounter } from '../rules/schema';

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
  /** `documents`: other same-origin documents the read looked into (a frame holding the note): their edits are followed too. */
  | { status: 'ok'; encounter: Encounter; anchors: ScreenAnchors; documents?: Document[] }
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
