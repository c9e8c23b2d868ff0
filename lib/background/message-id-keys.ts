/**
 * Dismissals made before findings had message ids are keyed on the rule, the
 * line's code and which finding of that pair it was — or, for an encounter-level
 * finding (one per invalid diagnosis), on a hash of the message's wording, so
 * rewording a message would have brought back what a coder dismissed. Findings
 * are now keyed on the rule, the message id, the code and which one (for an
 * encounter-level finding, a hash of its message id and data: findingSubject).
 *
 * Once per install (`migrateMessageIdKeys`, on the worker's first use after the
 * update, after the encounter-id move of legacy-ids.ts), every such record gets
 * the new key with the message id '*' (any: the record never said which), its
 * subject kept; one transaction, marked done in the same transaction, so an
 * interrupted run changes nothing. The worker matches a finding to a '*' record
 * the way the record was made (`legacyFindingKey`): the nth finding of that rule
 * on lines of that code, or the hash of an encounter-level finding's message —
 * the wording it was dismissed under, which is kept for that reason.
 */
import { ANY_MESSAGE, findingKey, type Dismissal, type DismissalStore } from './dismissals';

export const MESSAGE_ID_UPGRADE = 'dismissal-keys-message-id';

export async function migrateMessageIdKeys(store: DismissalStore): Promise<void> {
  if (!store.upgraded || !store.upgrade) return;
  if (await store.upgraded(MESSAGE_ID_UPGRADE)) return;
  const remove: string[] = [];
  const put: Dismissal[] = [];
  for (const d of await store.all()) {
    if (d.rule === 'signoff' || d.messageId !== undefined) continue;
    const base = findingKey(d.encounter, d.rule, ANY_MESSAGE, d.code, d.subject);
    remove.push(d.key);
    put.push({ ...d, messageId: ANY_MESSAGE, key: d.undoneAt ? `${base}|undone|${d.undoneAt}` : base });
  }
  await store.upgrade(MESSAGE_ID_UPGRADE, remove, put);
}
