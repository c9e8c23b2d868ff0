/** Which adapter reads this frame: a built-in one for its host, else a user's field map for it. */
import { ADAPTERS } from '../../adapters/index';
import type { Adapter } from '../../adapters/types';
import { createGenericAdapter } from '../../adapters/generic/index';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { matchesAny } from '../match-patterns';

export function pickAdapter(doc: Document, url: string, fieldMaps: readonly FieldMap[]): Adapter | undefined {
  const candidates: Adapter[] = [
    ...ADAPTERS.filter((a) => matchesAny(a.matches, url)),
    ...fieldMaps.filter((m) => matchesAny(m.matches, url)).map((m) => createGenericAdapter(m)),
  ];
  // Prefer the one that sees an encounter here; else the first that applies (it will watch for one).
  return candidates.find((a) => a.read(doc).status !== 'absent') ?? candidates[0];
}
