/**
 * The screen sends the EHR's own identity of an encounter (its ids, in memory
 * only); from the worker's door on only its pseudonym is used or kept. Before
 * the first read of a dismissal, records made under former ids move to it.
 */
import type { DismissalStore } from './dismissals';
import type { Pseudonyms } from './pseudonym';
import { createLegacyAdopter, migrateLegacyDismissals } from './legacy-ids';
import { migrateMessageIdKeys } from './message-id-keys';

export type EncounterIds = ReturnType<typeof createEncounterIds>;

export function createEncounterIds(dismissals: DismissalStore | undefined, pseudonyms: Pseudonyms) {
  const adoptLegacy = createLegacyAdopter(dismissals, pseudonyms);
  /** The one-time move of former encounter ids (legacy-ids.ts), before the first read of a dismissal. */
  let migrated: Promise<void> | null = null;

  function dismissalsReady(): Promise<void> {
    if (!dismissals) return Promise.resolve();
    // A failed run is tried again with the next request (each changed nothing: one transaction each).
    migrated ??= migrateLegacyDismissals(dismissals, pseudonyms)
      .then(() => migrateMessageIdKeys(dismissals))
      .catch((e) => {
        migrated = null;
        console.warn(
          `dermlint: could not move dismissals to keyed pseudonyms and message ids yet: ${(e as Error)?.message ?? e}`,
        );
      });
    return migrated;
  }

  return {
    dismissalsReady,
    /** The encounter's pseudonym; records made under its former id move to it on first sight. */
    async pseudonymOf(identity: string): Promise<string> {
      const id = await pseudonyms.of(identity);
      await dismissalsReady();
      await adoptLegacy(identity, id).catch(() => {});
      return id;
    },
  };
}
