/** The adapters dermlint ships, one per EHR. */
import type { Adapter } from './types';
import { emaAdapter } from './ema/index';
import { athenaAdapter } from './athena/index';
import { DEMO_MATCHES } from './demo-screens';

export const ADAPTERS: readonly Adapter[] = [emaAdapter, athenaAdapter];

/** Every host the content script runs on by default: the real EHR hosts, and the local demo server in a demo/test build (adapters/demo-screens.ts). */
export const BUILTIN_MATCHES: readonly string[] = [...new Set(ADAPTERS.flatMap((a) => a.matches))];
/** The real EHR hosts alone: what the store build asks for. */
export const EHR_MATCHES: readonly string[] = BUILTIN_MATCHES.filter((m) => !DEMO_MATCHES.includes(m));
export { DEMO_MATCHES };
