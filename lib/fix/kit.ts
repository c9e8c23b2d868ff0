/**
 * The fix kit: what the fix script (entrypoints/fix-apply.ts) leaves in a
 * frame's isolated world for the content script, which loads it only when a
 * person opens a warning that offers a one-click fix, so the content script in
 * every EHR frame stays small. The content script imports this file's types
 * and its one constant only.
 */
import type { Adapter } from '../../adapters/types';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import type { Finding } from '../../rules/schema';
import type { FixOutcome } from '../../components/InlineWarning';
import type { FixRecordRequest } from '../messages';

/** What the content script lends the kit: the screen's adapter, its watcher, the way to the audit log. */
export interface FixContext {
  adapter: Adapter;
  doc: Document;
  fieldMaps(): readonly FieldMap[];
  watcher: {
    /** No reads or paints while a fix operates the screen; release judges it once, as after any edit. */
    hold(): void;
    release(): Promise<void>;
    /** The encounter (as JSON) the findings on the screen were judged on. */
    judgedKey(): string | null;
  };
  /** Sends a fix to the audit log. */
  record(entry: Omit<FixRecordRequest, 'type'>): void;
}

export interface FixKit {
  /** For each of the finding's suggestions: null when this screen can carry it out, else why not ("Fix by hand"). Touches nothing. */
  check(c: FixContext, f: Finding): (string | null)[];
  /** Carries out suggestion `index` on a person's own click or key press (`event`), and says what happened. */
  run(c: FixContext, f: Finding, index: number, event: Event): Promise<FixOutcome>;
  /** What the last attempt on this finding said, while the screen is as that attempt left it. */
  note(c: FixContext, f: Finding): string | undefined;
}

/** Where the fix script leaves the kit: a global of the extension's isolated world, which the page cannot see. */
export const FIX_KIT_GLOBAL = '__dermlintFixKit';
