/**
 * An in-memory stand-in for the parts of Chrome's extension API the worker's
 * glue uses (storage, permissions, scripting), promise-based as Chrome's MV3
 * API is, with Chrome's own refusals (a duplicate script id, an unknown one).
 * `delay` decides how long each call takes (in turns of the microtask queue:
 * as interleaved as timers, without their millisecond each), so tests can
 * interleave them.
 */
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames?: boolean;
  runAt?: string;
  persistAcrossSessions?: boolean;
}

export function fakeChrome(options: { delay?: () => number; sessionQuotaBytes?: number } = {}) {
  const delay = options.delay ?? (() => 0);
  const wait = async () => {
    for (let n = delay(); n > 0; n--) await Promise.resolve();
  };
  const listeners = new Set<Listener>();
  const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

  function area(name: 'local' | 'session', quota = Infinity) {
    const data = new Map<string, unknown>();
    let writes = 0;
    const api = {
      data,
      writes: () => writes,
      async get(keys?: string | string[] | null) {
        await wait();
        const wanted = keys == null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
        const out: Record<string, unknown> = {};
        for (const k of wanted) if (data.has(k)) out[k] = copy(data.get(k));
        return out;
      },
      async set(items: Record<string, unknown>) {
        await wait();
        const next = new Map(data);
        for (const [k, v] of Object.entries(items)) next.set(k, copy(v));
        if (JSON.stringify(Object.fromEntries(next)).length > quota)
          throw new Error('Session storage quota bytes exceeded. Values were not stored.');
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: copy(data.get(k)), newValue: copy(v) };
          data.set(k, copy(v));
        }
        writes++;
        for (const l of listeners) l(changes, name);
      },
      async remove(keys: string | string[]) {
        await wait();
        const changes: Record<string, { oldValue?: unknown }> = {};
        for (const k of typeof keys === 'string' ? [keys] : keys) {
          if (!data.has(k)) continue;
          changes[k] = { oldValue: data.get(k) };
          data.delete(k);
        }
        writes++;
        if (Object.keys(changes).length) for (const l of listeners) l(changes, name);
      },
      onChanged: {
        addListener: (l: (c: Record<string, unknown>) => void) => listeners.add((c, a) => a === name && l(c)),
        removeListener: () => {},
      },
    };
    return api;
  }

  const local = area('local');
  const session = area('session', options.sessionQuotaBytes);
  const granted = new Set<string>();
  const scripts = new Map<string, RegisteredScript>();
  const scriptCalls: string[] = [];

  const chrome = {
    runtime: {
      id: 'abcdefghijklmnopabcdefghijklmnop',
      getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`,
    },
    storage: {
      local,
      session,
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
        hasListener: (l: Listener) => listeners.has(l),
      },
    },
    permissions: {
      granted,
      async contains(p: { origins?: string[] }) {
        await wait();
        return (p.origins ?? []).every((o) => granted.has(o));
      },
    },
    scripting: {
      scripts,
      calls: scriptCalls,
      async getRegisteredContentScripts(filter?: { ids?: string[] }) {
        await wait();
        return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map(copy);
      },
      async registerContentScripts(list: RegisteredScript[]) {
        scriptCalls.push(`register ${list.map((s) => s.matches.join(',')).join(';')}`);
        await wait();
        for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of list) scripts.set(s.id, copy(s));
      },
      async updateContentScripts(list: Partial<RegisteredScript>[]) {
        scriptCalls.push(`update ${list.map((s) => s.matches?.join(',')).join(';')}`);
        await wait();
        for (const s of list) if (!scripts.has(s.id!)) throw new Error(`Script with ID '${s.id}' does not exist.`);
        for (const s of list) scripts.set(s.id!, { ...scripts.get(s.id!)!, ...copy(s) });
      },
      async unregisterContentScripts(filter?: { ids?: string[] }) {
        scriptCalls.push(`unregister ${filter?.ids?.join(',') ?? 'all'}`);
        await wait();
        for (const id of filter?.ids ?? []) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
      },
    },
  };
  return chrome;
}

export type FakeChrome = ReturnType<typeof fakeChrome>;

/** A small seeded generator (mulberry32), so a "random" interleaving is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Puts `fake` behind `globalThis.chrome`. Libraries in node_modules (WXT's `browser`, its storage)
 * keep the object they found at their first import across `vi.resetModules()`, so the global is
 * one forwarding object, installed once, whose target each test swaps.
 */
export function useFakeChrome(fake: FakeChrome | undefined): void {
  const g = globalThis as { chrome?: unknown; __fakeChromeTarget?: FakeChrome };
  g.__fakeChromeTarget = fake;
  if (!g.chrome) {
    g.chrome = new Proxy(
      {},
      {
        get: (_t, name) => (g.__fakeChromeTarget as Record<PropertyKey, unknown> | undefined)?.[name],
        has: (_t, name) => !!g.__fakeChromeTarget && name in g.__fakeChromeTarget,
      },
    );
  }
}
