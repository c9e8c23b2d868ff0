/**
 * Builds the demo screens that are real single-page apps (today the "Cedar
 * Health" claim screen, React + Mantine) from test/fixtures/ehr-src/<name>/
 * into test/fixtures/ehr/<name>/, where the demo server serves them
 * (/cedar/index.html?case=ex01). Run by `npm test` and `npm run demo` before
 * the browser starts; the output is not committed.
 *
 *   tsx scripts/build-demo-screens.ts
 */
import { build } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEMO_SCREENS = ['cedar'] as const;

export async function buildDemoScreens(): Promise<void> {
  for (const name of DEMO_SCREENS) {
    await build({
      configFile: false,
      root: resolve(ROOT, 'test/fixtures/ehr-src', name),
      base: `/${name}/`,
      logLevel: 'warn',
      // React's automatic JSX runtime (the extension itself is Preact; this screen is someone else's product).
      esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: resolve(ROOT, 'test/fixtures/ehr', name),
        emptyOutDir: true,
        sourcemap: false,
        reportCompressedSize: false,
        // Mantine marks its modules "use client" for React Server Components; a browser bundle ignores it.
        rollupOptions: { onwarn: (w, warn) => (w.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(w)) },
      },
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDemoScreens().then(
    () => console.log(`demo screens built: ${DEMO_SCREENS.join(', ')}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
