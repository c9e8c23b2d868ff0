/** The adapters dermlint ships, one per EHR. */
import type { Adapter } from './types';
import { emaAdapter } from './ema/index';
import { athenaAdapter } from './athena/index';

export const ADAPTERS: readonly Adapter[] = [emaAdapter, athenaAdapter];

/** Every host the content script runs on by default (the real EHR hosts and the local demo server). */
export const BUILTIN_MATCHES: readonly string[] = [...new Set(ADAPTERS.flatMap((a) => a.matches))];
