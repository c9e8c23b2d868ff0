/**
 * The encounter's identity and a configuration's id. Reading the screen is the adapter kit's
 * (./reader.ts); `valueOf` and `withoutScreenValues` are its, named here for the code that
 * imported them from this file before the kit (teaching, the worker).
 */
export { fieldValue as valueOf, withoutScreenValues } from './reader';

/**
 * The encounter's identity: the EHR's own identifiers of it (never a name, MRN or birth date),
 * joined. It goes to the worker in memory and is turned there into a keyed pseudonym
 * (lib/background/pseudonym.ts): the content script holds no key and stores nothing.
 */
export function encounterIdentity(...parts: string[]): string {
  return parts.join('\u0000');
}

/** A short, stable id of a configuration (a field map's name), FNV-1a 64-bit as two 32-bit halves. Not for patient data. */
export function hashId(...parts: string[]): string {
  const s = parts.join('\u0000');
  let h1 = 0x811c9dc5,
    h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
