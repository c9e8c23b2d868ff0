/**
 * The local demo server (scripts/serve-demo.ts) and which builds run on it.
 * The store build (`npm run build`: `wxt build`, mode production) runs on the
 * EHR hosts alone; the demo/test build (`npm run build:demo`: `wxt build
 * --mode demo`, used by `npm run demo` and the end-to-end tests), dev
 * (`wxt`), vitest and the node scripts also on the demo server.
 */
export const DEMO_MATCHES: readonly string[] = ['http://localhost/*', 'http://127.0.0.1/*'];

/** Vite replaces import.meta.env in the bundles; node (tsx) has none. */
export const DEMO_BUILD: boolean = (import.meta as { env?: { MODE?: string } }).env?.MODE !== 'production';

/** `matches` plus the demo server's, in a build that runs there. */
export const withDemoHosts = (matches: readonly string[]): readonly string[] =>
  DEMO_BUILD ? [...matches, ...DEMO_MATCHES] : matches;
