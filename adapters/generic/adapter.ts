/**
 * One adapter per field map. Kept apart from the field-map schema so the
 * content script can build adapters without shipping the schema (zod): maps
 * are validated when the options page saves them.
 */
import type { Adapter } from '../types';
import { hashId } from '../shared/text';
import type { FieldMap } from './fieldmap';
import { readWithFieldMap, signControlsWithFieldMap } from './read';

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
