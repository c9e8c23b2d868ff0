/**
 * Dismissals made before encounters had keyed pseudonyms carry the former
 * encounter id, an unsalted FNV-1a of the EHR's ids that can be reversed by
 * trying ids. They keep working, in two steps, both in the worker:
 *
 * 1. Once per install (`migrateLegacyDismissals`, on the worker's first use after
 *    the update): every such record's id is replaced by a keyed tag of it
 *    (HMAC under the install's key), so no reversible id stays at rest; its key
 *    is rebuilt, a code field that was not a code is emptied, and a comment that
 *    looks like an identifier (digits, a date) is removed. One transaction,
 *    marked done in the same transaction: an interrupted run changes nothing.
 * 2. When a screen next shows that encounter (`adoptLegacy`), the worker, which
 *    then holds its identity in memory, computes the former id and its tag and
 *    moves the tagged records to the encounter's pseudonym, in one transaction:
 *    they apply again, and are rewritten only that once.
 */
import { quotableCode } from '../../rules/codes';
import { identifierProblem } from '../comment-check';
import { dismissalKey, findingKey, type Dismissal, type DismissalStore } from './dismissals';
import { isLegacyEncounterId, LEGACY_PREFIX, legacyEncounterId, type Pseudonyms } from './pseudonym';

export const LEGACY_UPGRADE = 'encounter-ids-hmac-sha256';
export const REMOVED_COMMENT = '(comment removed: it looked like a patient identifier)';

export async function migrateLegacyDismissals(store: DismissalStore, pseudonyms: Pseudonyms): Promise<void> {
  if (!store.upgraded || !store.upgrade) return;
  if (await store.upgraded(LEGACY_UPGRADE)) return;
  const remove: string[] = [];
  const put: Dismissal[] = [];
  for (const d of await store.all()) {
    const legacy = isLegacyEncounterId(d.encounter);
    const badComment = d.comment !== undefined && identifierProblem(d.comment) !== null;
    if (!legacy && !badComment) continue;
    const encounter = legacy ? await pseudonyms.legacyTag(d.encounter) : d.encounter;
    const code = d.rule === 'signoff' ? '' : quotableCode(d.code);
    const base =
      d.rule === 'signoff'
        ? `${encounter}|signoff|${d.at}`
        : d.messageId === undefined
          ? dismissalKey(encounter, d.rule, code, d.subject)
          : findingKey(encounter, d.rule, d.messageId, code, d.subject);
    const key = d.undoneAt && d.rule !== 'signoff' ? `${base}|undone|${d.undoneAt}` : base;
    const { comment: _comment, ...rest } = d;
    remove.push(d.key);
    put.push({
      ...rest,
      key,
      encounter,
      code,
      ...(d.comment !== undefined ? { comment: badComment ? REMOVED_COMMENT : d.comment } : {}),
    });
  }
  await store.upgrade(LEGACY_UPGRADE, remove, put);
}

/** Step 2, per encounter identity; remembers which pseudonyms it has settled (for this worker's life). */
export function createLegacyAdopter(store: DismissalStore | undefined, pseudonyms: Pseudonyms) {
  let left: Promise<number> | null = null;
  const settled = new Set<string>();
  return async function adoptLegacy(identity: string, pseudonym: string): Promise<void> {
    if (!store?.rekey || !store.countPrefix || settled.has(pseudonym)) return;
    left ??= store.countPrefix(LEGACY_PREFIX).catch(() => ((left = null), 0));
    if ((await left) > 0) {
      const moved = await store.rekey(await pseudonyms.legacyTag(legacyEncounterId(identity)), pseudonym);
      if (moved > 0) left = null;
    }
    if (settled.size > 2000) settled.clear();
    settled.add(pseudonym);
  };
}
