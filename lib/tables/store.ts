/**
 * Imported code tables in IndexedDB (database 'dermlint-tables'): a small
 * `info` record per table, listed by the options page, and its `data` (the
 * table itself), read by the background worker. One transaction writes or
 * deletes both, so a table is either wholly there or not at all. Reference
 * data only; never patient data.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { TableId, TableInfo, TablePayload } from './types';

interface Schema extends DBSchema {
  info: { key: string; value: TableInfo };
  data: { key: string; value: TablePayload };
}

export interface TableStore {
  /** What is imported (without the tables themselves). */
  list(): Promise<TableInfo[]>;
  /** Every imported table, with its info. */
  all(): Promise<{ info: TableInfo; payload: TablePayload }[]>;
  put(info: TableInfo, payload: TablePayload): Promise<void>;
  remove(id: TableId): Promise<void>;
}

const TABLES_DB = 'dermlint-tables';

export function openTableStore(name = TABLES_DB): TableStore {
  let db: Promise<IDBPDatabase<Schema>> | null = null;
  const get = () =>
    (db ??= openDB<Schema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('info', { keyPath: 'id' });
        database.createObjectStore('data', { keyPath: 'id' });
      },
      // Another page upgrading (a newer build): let it, and reopen next time.
      blocking() {
        void db?.then((d) => d.close());
        db = null;
      },
    }));
  return {
    async list() {
      return (await get()).getAll('info');
    },
    async all() {
      const d = await get();
      const tx = d.transaction(['info', 'data'], 'readonly');
      const [infos, payloads] = await Promise.all([
        tx.objectStore('info').getAll(),
        tx.objectStore('data').getAll(),
        tx.done,
      ]);
      const byId = new Map(payloads.map((p) => [p.id, p]));
      return infos.flatMap((info) => {
        const payload = byId.get(info.id);
        return payload ? [{ info, payload }] : [];
      });
    },
    async put(info, payload) {
      if (info.id !== payload.id) throw new Error('table info and data disagree');
      const tx = (await get()).transaction(['info', 'data'], 'readwrite');
      await Promise.all([tx.objectStore('data').put(payload), tx.objectStore('info').put(info), tx.done]);
    },
    async remove(id) {
      const tx = (await get()).transaction(['info', 'data'], 'readwrite');
      await Promise.all([tx.objectStore('data').delete(id), tx.objectStore('info').delete(id), tx.done]);
    },
  };
}
