/**
 * The generic adapter: reads any EHR's claim screen through a field map the
 * practice manager wrote (see fieldmap.ts), for EHRs without an adapter of
 * their own. One adapter per field map.
 */
import type { Adapter } from '../types';
import { hashId } from '../shared/text';
import type { FieldMap } from './fieldmap';
import { readWithFieldMap, signControlsWithFieldMap } from './read';

export { FieldMapSchema, parseFieldMap, fieldMapProblems, type FieldMap } from './fieldmap';
export { readWithFieldMap } from './read';
export { selectorError } from './selector';

/** The adapter id of a field map: stable while its name stays the same. */
export function genericAdapterId(map: Pick<FieldMap, 'name'>): string {
  return `generic:${hashId(map.name)}`;
}

export function createGenericAdapter(map: FieldMap): Adapter {
  return {
    id: genericAdapterId(map),
    name: map.name,
    matches: [...map.matches],
    read: (doc) => readWithFieldMap(doc, map),
    signControls: (doc) => signControlsWithFieldMap(doc, map),
  };
}

/**
 * What the options page shows for "test on the open tab": the field map tried
 * on one document, as the content script would read it. Never throws.
 */
export function previewFieldMap(doc: Document, map: FieldMap) {
  try {
    const result = readWithFieldMap(doc, map);
    if (result.status !== 'ok') return result;
    return { status: 'ok' as const, encounter: result.encounter, rows: result.anchors.lines.length };
  } catch (e) {
    return { status: 'unreadable' as const, reason: `the screen changed in a way dermlint does not know (${(e as Error).message})` };
  }
}
