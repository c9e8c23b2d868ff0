/**
 * The encounter's pseudonym: HMAC-SHA-256 of the EHR's own identity of the
 * encounter (its ids, as the adapter read them off the screen) under a random
 * key made once per install. Only the worker holds the key and computes it: the
 * content script sends the identity in its message, the worker turns it into
 * the pseudonym at its door and keeps nothing else. Without the key a pseudonym
 * cannot be turned back into the ids by trying them one after another, as the
 * former unsalted 64-bit FNV-1a could (encounter 31415926 was recovered at about
 * a million guesses a second), and two installs give the same encounter
 * different pseudonyms.
 *
 * The key is not patient data: it lives in storage.local (PSEUDONYM_KEY).
 */

/** storage.local key of the install's pseudonym key (32 random bytes, base64). */
export const PSEUDONYM_KEY = 'dermlint:pseudonym-key';

/** Pseudonyms start with this; ids of the former scheme (16 hex digits) never do. */
export const PSEUDONYM_PREFIX = 'p1.';
/** Records of the former scheme, re-tagged once (see migrateLegacyDismissals) until their encounter is seen again. */
export const LEGACY_PREFIX = 'l1.';

export interface KeyStore {
  get(): Promise<string | undefined>;
  set(value: string): Promise<void>;
}

/** A key store in memory: a fresh key for each worker (tests, and a worker given none). */
export function memoryKeyStore(): KeyStore {
  let value: string | undefined;
  return {
    get: () => Promise.resolve(value),
    set: (v) => {
      value = v;
      return Promise.resolve();
    },
  };
}

export interface Pseudonyms {
  /** The pseudonym of an encounter's identity. */
  of(identity: string): Promise<string>;
  /** The tag of a former (FNV) encounter id under this install's key, for migrating its records. */
  legacyTag(fnvId: string): Promise<string>;
  /**
   * Writes the key in use back to its store when it went missing or changed there (storage.local
   * cleared while the worker runs): without it, the next worker would make a new key and no
   * dismissal would match its encounter again.
   */
  keepKey?(): Promise<void>;
}

const KEY_BYTES = 32;
/** 128 bits of the MAC: collisions between an install's encounters are out of reach. */
const MAC_BYTES = 16;

export function createPseudonyms(store: KeyStore): Pseudonyms {
  let key: Promise<CryptoKey> | null = null;
  /** The key in use, as stored (kept to put it back: see keepKey). */
  let stored: string | undefined;
  const recent = new Map<string, Promise<string>>();

  function installKey(): Promise<CryptoKey> {
    key ??= (async () => {
      let raw = decodeKey(await store.get());
      if (!raw) {
        raw = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(KEY_BYTES)));
        await store.set(encodeBase64(raw));
        // Two workers racing at the very first start: keep whichever was written.
        raw = decodeKey(await store.get()) ?? raw;
      }
      stored = encodeBase64(raw);
      return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    })();
    key.catch(() => (key = null));
    return key;
  }

  async function mac(purpose: string, text: string): Promise<string> {
    const signature = await crypto.subtle.sign(
      'HMAC',
      await installKey(),
      new TextEncoder().encode(`${purpose}\u0000${text}`),
    );
    return toHex(new Uint8Array(signature, 0, MAC_BYTES));
  }

  return {
    of(identity) {
      // The same encounter is asked about on every edit: its pseudonym is kept in memory (never stored).
      let got = recent.get(identity);
      if (!got) {
        got = mac('encounter', identity).then((h) => PSEUDONYM_PREFIX + h);
        got.catch(() => recent.delete(identity));
        recent.set(identity, got);
        if (recent.size > 64) recent.delete(recent.keys().next().value!);
      }
      return got;
    },
    legacyTag: async (fnvId) => LEGACY_PREFIX + (await mac('legacy-fnv', fnvId)),
    async keepKey() {
      if (!key) return;
      await key.catch(() => undefined);
      if (stored !== undefined && (await store.get()) !== stored) await store.set(stored);
    },
  };
}

/**
 * A pseudonym for one export: HMAC under a key made for that export and then forgotten, so a
 * file names no encounter that anything else (another export, this install's records) can name.
 */
export async function exportPseudonym(id: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    crypto.getRandomValues(new Uint8Array(KEY_BYTES)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(id));
  return `x.${toHex(new Uint8Array(signature, 0, MAC_BYTES))}`;
}

/**
 * The encounter id of the former scheme: 64-bit FNV-1a (two 32-bit halves) of the identity.
 * Kept only to find records made before the change (migrateLegacyDismissals); never stored.
 */
export function legacyEncounterId(identity: string): string {
  let h1 = 0x811c9dc5,
    h2 = 0xcbf29ce4;
  for (let i = 0; i < identity.length; i++) {
    const c = identity.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** A former (FNV) encounter id: 16 hex digits. */
export const isLegacyEncounterId = (id: string): boolean => /^[0-9a-f]{16}$/.test(id);

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function decodeKey(stored: string | undefined): Uint8Array<ArrayBuffer> | undefined {
  if (typeof stored !== 'string') return undefined;
  try {
    const s = atob(stored);
    if (s.length !== KEY_BYTES) return undefined;
    const bytes = new Uint8Array(new ArrayBuffer(KEY_BYTES));
    for (let i = 0; i < KEY_BYTES; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
