import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { DEMO_MATCHES, EHR_MATCHES } from './adapters/index';

/**
 * zod runs jitless in the extension (lib/zod-jitless.ts): it never compiles a parser with the
 * Function constructor, which the CSP blocks. This takes that code out of the bundles too — the
 * probe (`const F = Function; new F("")`) and Doc.compile — so no bundle holds a way to reach it
 * (test/e2e/build.test.ts). A zod release that changes either fails the build here, loudly.
 */
function zodWithoutFunctionConstructor(): Plugin {
  const edits = [
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
      what: 'the allowsEval probe',
      from: /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/,
      to: 'return false;',
    },
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
      what: 'Doc.compile',
      from: /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
      to: 'compile() { throw new Error("zod runs jitless in dermlint"); }',
    },
  ];
  return {
    name: 'dermlint:zod-without-function-constructor',
    enforce: 'pre',
    transform(code, id) {
      const edit = edits.find((e) => e.file.test(id));
      if (!edit) return null;
      if (!edit.from.test(code))
        this.error(`zod's ${edit.what} changed shape: update zodWithoutFunctionConstructor in wxt.config.ts`);
      return { code: code.replace(edit.from, edit.to), map: null };
    },
  };
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  // The worker and extension pages import webextension-polyfill themselves; the content script uses WXT's
  // plain `browser` (Chrome's promise API) so every EHR frame loads ~2.5 KB gzip less.
  vite: () => ({
    plugins: [preact(), zodWithoutFunctionConstructor()],
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The content script runs in every EHR frame, within 25 KB gzip (README): terser packs it ~1 KB
    // smaller than esbuild's minifier. The other entrypoints keep the quicker one.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: { compress: { passes: 3 }, mangle: { toplevel: true, reserved: ['ehr'] } },
      };
    },
  },
  // The store build (mode production) runs on the EHR hosts alone; every other mode (the demo/test build
  // `wxt build --mode demo`, dev) also on the local demo server. adapters/demo-screens.ts decides the same
  // for the code (the content script's matches, the adapters, the worker's sender check).
  manifest: ({ mode }) => ({
    name: 'dermlint',
    description:
      'Catches dermatology coding mistakes on the EHR screen while the chart is still open. Nothing leaves the browser.',
    // sidePanel: the review list; scripting + activeTab: the options page's "test on the open tab" and extra-host content scripts.
    permissions: ['storage', 'scripting', 'activeTab', 'sidePanel'],
    // The built-in EHR hosts (the content script's own matches): lets the side panel and popup see the tab's
    // address there, and the options page test a field map on them.
    host_permissions: mode === 'production' ? [...EHR_MATCHES] : [...EHR_MATCHES, ...DEMO_MATCHES],
    // Hosts a user adds in options are asked for one by one at runtime, never all at once.
    optional_host_permissions: mode === 'production' ? ['https://*/*'] : ['https://*/*', ...DEMO_MATCHES],
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    },
    // Rendered from assets/icon.svg by `npm run icons` (scripts/make-icons.ts); the PNGs are committed in public/icon/.
    icons: ICONS,
    action: { default_title: 'dermlint', default_icon: ICONS },
  }),
});
