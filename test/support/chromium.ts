/** Debian's Chromium (the one CI installs), or the browser at CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags of every headless launch (tests, benches, the demo, snapshot savers):
 * no sandbox or GPU in containers, and none of Chromium's own network traffic
 * (QUIC, background networking, component updates, sync) beside dermlint's "no network".
 * Each caller adds a fresh --user-data-dir and the extension it loads.
 */
export const HEADLESS_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
