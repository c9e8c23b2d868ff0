/**
 * The generic adapter: reads any EHR's claim screen through a field map the
 * practice manager wrote (see fieldmap.ts), for EHRs without an adapter of
 * their own. One adapter per field map.
 */
import type { PayerKind } from '../../rules/schema';
import { parseFieldMap } from './fieldmap';
import { readWithFieldMap } from './read';
import { genericAdapterId, createGenericAdapter } from './adapter';

export { genericAdapterId, createGenericAdapter };

export { readWithFieldMap } from './read';

/**
 * What "test on the open tab" shows for one frame: plain data, safe to send in
 * a message, and no patient data (codes, counts and sites; no payer name, no
 * descriptions, not a word of the note: only its length, and how many prior
 * services the history shows). The shape of components/FieldMapPreview.tsx's ProbeSummary.
 */
export interface FieldMapProbe {
  status: 'ok' | 'absent' | 'unreadable';
  reason?: string;
  lines: { code: string; modifiers: string[]; units: number; pointers: number[]; site?: string }[];
  diagnoses: number;
  payerKind?: PayerKind;
  abnSigned?: boolean;
  /** Characters of the note read (when a note selector is mapped). */
  noteChars?: number;
  /** Prior services read (when history selectors are mapped). */
  history?: number;
}

/**
 * A draft field map (as typed, unvalidated) tried on one document, as the
 * content script would read it. Never throws. It needs this module bundled in
 * the frame (the content script, or an unlisted script injected by file): a
 * scripting.executeScript `func` is serialized without its imports.
 */
export function previewFieldMap(doc: Document, draft: unknown): FieldMapProbe {
  const parsed = parseFieldMap(draft);
  if (!parsed.ok)
    return { status: 'unreadable', reason: `the field map is not valid: ${parsed.error}`, lines: [], diagnoses: 0 };
  let result: ReturnType<typeof readWithFieldMap>;
  try {
    result = readWithFieldMap(doc, parsed.value);
  } catch (e) {
    result = {
      status: 'unreadable',
      reason: `the screen changed in a way dermlint does not know (${(e as Error).message})`,
    };
  }
  if (result.status === 'absent') return { status: 'absent', lines: [], diagnoses: 0 };
  if (result.status === 'unreadable') return { status: 'unreadable', reason: result.reason, lines: [], diagnoses: 0 };
  const e = result.encounter;
  const probe: FieldMapProbe = {
    status: 'ok',
    lines: e.lines.map((l) => ({
      code: l.code,
      modifiers: l.modifiers ?? [],
      units: l.units ?? 1,
      pointers: l.dx ?? [],
      ...(l.site ? { site: l.site } : {}),
    })),
    diagnoses: e.diagnoses.length,
    payerKind: e.payer.kind,
  };
  if (e.abn) probe.abnSigned = e.abn.signed;
  if (parsed.value.note) probe.noteChars = e.note?.length ?? 0;
  if (parsed.value.history) probe.history = e.history?.length ?? 0;
  return probe;
}
