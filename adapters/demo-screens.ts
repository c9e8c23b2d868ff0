/**
 * The demo EHR screens (test/fixtures/ehr/, served by scripts/serve-demo.ts) in one place: the
 * demo server's hosts, which builds run there, and the address of every screen. The adapters read
 * their demo paths from here; the demo, the snapshot savers and the tests build their URLs here.
 *
 * The store build (`npm run build`: `wxt build`, mode production) runs on the EHR hosts alone;
 * the demo/test build (`npm run build:demo`: `wxt build --mode demo`, used by `npm run demo` and
 * the end-to-end tests), dev (`wxt`), vitest and the node scripts also on the demo server.
 */

/** The demo server's host names. */
export const DEMO_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1'];

export const DEMO_MATCHES: readonly string[] = DEMO_HOSTNAMES.map((host) => `http://${host}/*`);

/** Vite replaces import.meta.env in the bundles; node (tsx) has none. */
export const DEMO_BUILD: boolean = (import.meta as { env?: { MODE?: string } }).env?.MODE !== 'production';

/** `matches` plus the demo server's, in a build that runs there. */
export const withDemoHosts = (matches: readonly string[]): readonly string[] =>
  DEMO_BUILD ? [...matches, ...DEMO_MATCHES] : matches;

/** Whether a host name is the demo server's. */
export const isDemoHost = (hostname: string): boolean => DEMO_HOSTNAMES.includes(hostname);

/** Where each screen lives on the demo server (the EMA and athenaNet screens share the host). */
export const DEMO_PATHS = {
  /** The EMA-shaped single-page app, hash-routed: /ema/web/practice/staff#/practice/staff/patient/{id}/visit */
  ema: '/ema/web/',
  /** The athenaNet-shaped frame tree of practice 195900: its pages end in `.esp`. */
  athena: '/195900/1/',
  /** The eClinicalWorks-shaped claim window (read through a field map). */
  ecw: '/ecw/mobiledoc/jsp/webemr/',
  /** The Cedar Health claim screen, React + Mantine (read through a taught field map; `npm run build:demo-screens`). */
  cedar: '/cedar/',
} as const;

/** What a demo screen opens on: a worked example by id (`?case=ex01`), or any encounter given whole (`?encounter=`). */
export type DemoContent = { case: string } | { encounter: unknown };

const query = (shows: DemoContent) =>
  'case' in shows ? `case=${shows.case}` : `encounter=${encodeURIComponent(JSON.stringify(shows.encounter))}`;

/** EMA's hash route to a visit of patient `patient` (the ids the adapter reads off the route). */
export const emaVisitRoute = (shows: DemoContent, patient: number | string, visit = ''): string =>
  `/practice/staff/patient/${patient}/visit${visit ? `/${visit}` : ''}?${query(shows)}`;

/** The address of each demo screen on the server at `base` (`http://localhost:5178`; '' for a path alone). */
export const demoScreenUrl = {
  /** The EMA visit screen; the patient id is part of the encounter's identity. */
  ema: (base: string, shows: DemoContent, patient: number | string = 4242): string =>
    `${base}${DEMO_PATHS.ema}practice/staff#${emaVisitRoute(shows, patient)}`,
  /** athenaNet's frMain page alone (the Billing tab). */
  athenaEncounter: (base: string, shows: DemoContent): string =>
    `${base}${DEMO_PATHS.athena}encounter.esp?${query(shows)}`,
  /** athenaNet's whole frame tree, the encounter in frMain (`MAIN=`). */
  athena: (base: string, shows: DemoContent): string =>
    `${base}${DEMO_PATHS.athena}globalframeset.esp?MAIN=${encodeURIComponent(demoScreenUrl.athenaEncounter('', shows))}`,
  /** athenaNet's page that writes the Billing tab into an about:srcdoc frame. */
  athenaSrcdoc: (base: string, shows: DemoContent): string => `${base}${DEMO_PATHS.athena}srcdoc.esp?${query(shows)}`,
  ecw: (base: string, shows: DemoContent): string => `${base}${DEMO_PATHS.ecw}index.html?${query(shows)}`,
  cedar: (base: string, shows: DemoContent): string => `${base}${DEMO_PATHS.cedar}index.html?${query(shows)}`,
};
