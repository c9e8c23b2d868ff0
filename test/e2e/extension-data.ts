/**
 * Helpers shared by the safety and accessibility tests: everything the
 * extension keeps (every storage area and every IndexedDB database of its
 * origin), read from one of its own pages, and polling until a value settles.
 * (A tab's id and opening the extension's pages: ./pages.)
 */
import type { Page } from 'puppeteer-core';

/** Everything the extension keeps, as plain JSON. */
export interface ExtensionData {
  storage: { local: Record<string, unknown>; session: Record<string, unknown>; sync: Record<string, unknown> };
  /** database → object store → records. */
  indexedDB: Record<string, Record<string, unknown[]>>;
  /** Web storage and Cache Storage of the extension origin (the extension uses neither; a regression would show here). */
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  caches: string[];
}

/** Reads every storage area and every IndexedDB database of the extension origin; `page` is one of the extension's own pages. */
export async function readExtensionData(page: Page): Promise<ExtensionData> {
  if (!page.url().startsWith('chrome-extension://')) throw new Error(`not an extension page: ${page.url()}`);
  return page.evaluate(async () => {
    const areas = chrome.storage as Record<
      'local' | 'session' | 'sync',
      { get(keys: null): Promise<Record<string, unknown>> }
    >;
    const storage = {
      local: await areas.local.get(null),
      session: await areas.session.get(null),
      sync: await areas.sync.get(null),
    };
    const idb: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error(`cannot open ${info.name}`));
      });
      const stores: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        stores[name] = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error ?? new Error(`cannot read ${name}`));
        });
      }
      db.close();
      idb[info.name] = stores;
    }
    const web = (s: Storage) =>
      Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k) ?? '']));
    return {
      storage,
      indexedDB: idb,
      localStorage: web(localStorage),
      sessionStorage: web(sessionStorage),
      caches: await caches.keys(),
    };
  });
}

/** Polls `read` until `ok` holds, or throws with the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  let error: unknown;
  while (Date.now() - start < timeout) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `${what}: timed out; last saw ${JSON.stringify(last)?.slice(0, 600)}${error ? ` (error: ${(error as Error).message})` : ''}`,
  );
}

declare const chrome: {
  storage: unknown;
};
