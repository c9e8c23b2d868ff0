/**
 * Dismissals ("overrides", as CDS Hooks feedback calls them) in IndexedDB:
 * the rule and its message id, the line's code, a hash of the encounter's
 * identity, the reason and when — never patient data. Also the sign-off choices
 * ("sign anyway"), and the one-click fixes (CDS Hooks' accepted suggestions) as
 * records of their own kind in the same store, so one transaction clears the
 * whole audit log.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { DISMISS_REASONS, FIX_ACTION_TYPES } from '../dismiss-reasons';

export { DISMISS_REASONS, REASON_LABEL, fixActionText, FIX_OUTCOME_LABEL } from '../dismiss-reasons';

const DismissalSchema = z.object({
  key: z.string(),
  /** Hash of the encounter's identity (the adapter's id: itself a hash of the EHR's ids). */
  encounter: z.string().max(200),
  rule: z.string().max(60),
  /**
   * The id of the rule's message the finding rendered (never its wording, which may change).
   * '*' for a dismissal made before findings had message ids: it holds whatever the rule says of that line.
   * Absent only on records older than message ids (moved once by message-id-keys.ts) and on sign-off records.
   */
  messageId: z.string().max(60).optional(),
  /** The line's code, or '' for an encounter-level finding. */
  code: z.string().max(20),
  /** Which of the findings with that rule, message id and code: the nth on such a line, or for an encounter-level one a hash of its message id and data. */
  subject: z.string().max(40),
  reason: z.enum([...DISMISS_REASONS, 'signed-anyway']),
  comment: z.string().max(500).optional(),
  at: z.string(),
  outcome: z.literal('overridden'),
  /** When it was undone: the record stays, so the audit log keeps the whole history. */
  undoneAt: z.string().optional(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;

const codeLike = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9]+$/, 'expected letters and digits only')
    .max(max);

/** One action of a fix as the log keeps it: its kind and its own values (a modifier, a unit count, a code); no line, nothing about the patient. */
export const FixActionRecordSchema = z.strictObject({
  type: z.enum(FIX_ACTION_TYPES),
  modifier: codeLike(4).optional(),
  units: z.number().int().positive().max(100_000).optional(),
  code: codeLike(10).optional(),
  modifiers: z.array(codeLike(4)).max(10).optional(),
});

/** A one-click fix a person clicked: the rule and message it answered, what it changed, and whether the screen took it. */
const FixRecordSchema = z.object({
  key: z.string().max(100),
  kind: z.literal('fix'),
  rule: z.string().max(60),
  messageId: z.string().max(60).optional(),
  actions: z.array(FixActionRecordSchema).min(1).max(20),
  outcome: z.enum(['applied', 'not-applied']),
  at: z.string(),
});
export type FixRecord = z.infer<typeof FixRecordSchema>;

const isFix = (record: Dismissal | FixRecord): record is FixRecord => (record as FixRecord).kind === 'fix';

interface Schema extends DBSchema {
  /** Fix records carry no encounter: the byEncounter index never lists them. */
  dismissals: { key: string; value: Dismissal | FixRecord; indexes: { byEncounter: string; byAt: string } };
  /** One-time upgrades that ran (their name → when). */
  meta: { key: string; value: { name: string; at: string } };
}

/** The key a finding is dismissed under: rule, message id, the line's code and which one — never its wording. */
export function findingKey(encounter: string, rule: string, messageId: string, code: string, subject: string): string {
  return `${encounter}|${rule}|${messageId}|${code}|${subject}`;
}

/** A message id that stands for any: dismissals made before message ids. */
export const ANY_MESSAGE = '*';

/** The key of records made before message ids (the last of them key on a hash of the message's wording). */
export function dismissalKey(encounter: string, rule: string, code: string, subject: string): string {
  return `${encounter}|${rule}|${code}|${subject}`;
}

export interface DismissalStore {
  put(d: Dismissal): Promise<void>;
  remove(key: string): Promise<void>;
  /** Marks a dismissal undone (it no longer applies; the audit log still lists it). */
  undo(key: string, at: string): Promise<void>;
  forEncounter(encounter: string): Promise<Dismissal[]>;
  all(): Promise<Dismissal[]>;
  /** Records a one-click fix (a store without it keeps dismissals only). */
  putFix?(record: FixRecord): Promise<void>;
  /** Every one-click fix recorded, oldest first. */
  fixes?(): Promise<FixRecord[]>;
  /** Deletes every record at once (one transaction: an interrupted clear leaves the whole log). */
  clear(): Promise<void>;
  // For the one-time move to keyed pseudonyms (legacy-ids.ts); a store without them is never migrated.
  /** Moves every record of encounter `from` (undone ones too) to `to`, in one transaction; how many moved. */
  rekey?(from: string, to: string): Promise<number>;
  /** How many records have an encounter starting with `prefix`. */
  countPrefix?(prefix: string): Promise<number>;
  /** Whether the one-time upgrade `name` ran. */
  upgraded?(name: string): Promise<boolean>;
  /** A one-time upgrade: removes and puts records and marks `name` done, all in one transaction. */
  upgrade?(name: string, remove: readonly string[], put: readonly Dismissal[]): Promise<void>;
}

/** A record's key with its encounter replaced (every key starts with the encounter and '|'). */
function rekeyed(d: Dismissal, to: string): Dismissal {
  const fallback =
    d.messageId === undefined
      ? `|${d.rule}|${d.code}|${d.subject}`
      : `|${d.rule}|${d.messageId}|${d.code}|${d.subject}`;
  const rest = d.key.startsWith(`${d.encounter}|`) ? d.key.slice(d.encounter.length) : fallback;
  return { ...d, key: `${to}${rest}`, encounter: to };
}

export function openDismissalStore(name = 'dermlint'): DismissalStore {
  let db: Promise<IDBPDatabase<Schema>> | null = null;
  const get = () =>
    (db ??= openDB<Schema>(name, 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const store = database.createObjectStore('dismissals', { keyPath: 'key' });
          store.createIndex('byEncounter', 'encounter');
          store.createIndex('byAt', 'at');
        }
        if (oldVersion < 2) database.createObjectStore('meta', { keyPath: 'name' });
      },
    }));
  return {
    async put(d) {
      await (await get()).put('dismissals', DismissalSchema.parse(d));
    },
    async remove(key) {
      await (await get()).delete('dismissals', key);
    },
    async undo(key, at) {
      const db = await get();
      const record = await db.get('dismissals', key);
      if (!record || isFix(record) || record.undoneAt) return;
      // An undone record moves to a key of its own, so dismissing the same finding again starts a new entry.
      const tx = db.transaction('dismissals', 'readwrite');
      await tx.store.delete(key);
      await tx.store.put({ ...record, key: `${key}|undone|${at}`, undoneAt: at });
      await tx.done;
    },
    async forEncounter(encounter) {
      return (await (await get()).getAllFromIndex('dismissals', 'byEncounter', encounter)).filter(
        (d): d is Dismissal => !isFix(d) && !d.undoneAt,
      );
    },
    async all() {
      return (await (await get()).getAllFromIndex('dismissals', 'byAt')).filter((d): d is Dismissal => !isFix(d));
    },
    async putFix(record) {
      await (await get()).put('dismissals', FixRecordSchema.parse(record));
    },
    async fixes() {
      return (await (await get()).getAllFromIndex('dismissals', 'byAt')).filter(isFix);
    },
    async clear() {
      const tx = (await get()).transaction('dismissals', 'readwrite');
      // Both settle on an abort; the transaction's outcome is the one that counts.
      await Promise.all([tx.store.clear().catch(() => {}), tx.done]);
    },
    async rekey(from, to) {
      const tx = (await get()).transaction('dismissals', 'readwrite');
      // Fix records carry no encounter, so the index never lists them; the filter says so to the types.
      const records = (await tx.store.index('byEncounter').getAll(from)).filter((d): d is Dismissal => !isFix(d));
      for (const d of records) {
        await tx.store.delete(d.key);
        await tx.store.put(DismissalSchema.parse(rekeyed(d, to)));
      }
      await tx.done;
      return records.length;
    },
    async countPrefix(prefix) {
      return (await get()).countFromIndex('dismissals', 'byEncounter', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    },
    async upgraded(upgrade) {
      return (await (await get()).get('meta', upgrade)) !== undefined;
    },
    async upgrade(upgrade, remove, put) {
      const checked = put.map((d) => DismissalSchema.parse(d));
      const tx = (await get()).transaction(['dismissals', 'meta'], 'readwrite');
      const dismissals = tx.objectStore('dismissals');
      const writes = (async () => {
        for (const key of remove) await dismissals.delete(key);
        for (const d of checked) await dismissals.put(d);
        await tx.objectStore('meta').put({ name: upgrade, at: new Date().toISOString() });
      })();
      // Both awaited: an aborted transaction rejects a write and tx.done, and neither rejection may go unhandled.
      await Promise.all([writes, tx.done]);
    },
  };
}

/**
 * Keeps the dismissals of recently judged encounters in memory, so an evaluation waits on
 * IndexedDB only the first time it sees an encounter (after a worker restart, it reads again).
 * Every write goes through this wrapper, which forgets what it changed.
 */
export function cachedDismissals(store: DismissalStore, capacity = 32): DismissalStore {
  const byEncounter = new Map<string, Promise<Dismissal[]>>();
  const forget = (encounter?: string) =>
    encounter === undefined ? byEncounter.clear() : byEncounter.delete(encounter);
  return {
    async put(d) {
      forget(d.encounter);
      await store.put(d).finally(() => forget(d.encounter));
    },
    async remove(key) {
      forget();
      await store.remove(key).finally(() => forget());
    },
    async undo(key, at) {
      // Rare: forget everything rather than parse the encounter back out of the key.
      forget();
      await store.undo(key, at).finally(() => forget());
    },
    forEncounter(encounter) {
      let got = byEncounter.get(encounter);
      if (got) {
        // Most recently used last.
        byEncounter.delete(encounter);
        byEncounter.set(encounter, got);
        return got;
      }
      got = store.forEncounter(encounter);
      byEncounter.set(encounter, got);
      got.catch(() => byEncounter.get(encounter) === got && byEncounter.delete(encounter));
      if (byEncounter.size > capacity) byEncounter.delete(byEncounter.keys().next().value!);
      return got;
    },
    all: () => store.all(),
    // Fixes concern no encounter's dismissals: nothing cached to forget.
    ...(store.putFix && { putFix: (record: FixRecord) => store.putFix!(record) }),
    ...(store.fixes && { fixes: () => store.fixes!() }),
    async clear() {
      forget();
      await store.clear().finally(() => forget());
    },
    ...(store.rekey && {
      async rekey(from: string, to: string) {
        forget();
        return store.rekey!(from, to).finally(() => forget());
      },
    }),
    ...(store.countPrefix && { countPrefix: (prefix: string) => store.countPrefix!(prefix) }),
    ...(store.upgraded && { upgraded: (name: string) => store.upgraded!(name) }),
    ...(store.upgrade && {
      async upgrade(name: string, remove: readonly string[], put: readonly Dismissal[]) {
        forget();
        return store.upgrade!(name, remove, put).finally(() => forget());
      },
    }),
  };
}
