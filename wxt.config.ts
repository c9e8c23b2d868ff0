import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILTIN_MATCHES } from './adapters/index';

export default defineConfig({
  // The worker and extension pages import webextension-polyfill themselves; the content script uses WXT's
  // plain `browser` (Chrome's promise API) so every EHR frame loads ~2.5 KB gzip less.
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The content script runs in every EHR frame, within 25 KB gzip (README): terser packs it ~1 KB
    // smaller than esbuild's minifier. The other entrypoints keep the quicker one.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 3 }, mangle: { toplevel: true } } };
    },
  },
  manifest: {
    name: 'dermlint',
    description: 'Catches dermatology coding mistakes on the EHR screen while the chart is still open. Nothing leaves the browser.',
    // sidePanel: the review list; scripting + activeTab: the options page's "test on the open tab" and extra-host content scripts.
    permissions: ['storage', 'scripting', 'activeTab', 'sidePanel'],
    // The built-in EHR hosts (the content script's own matches): lets the side panel and popup see the tab's
    // address there, and the options page test a field map on them.
    host_permissions: [...BUILTIN_MATCHES],
    // Hosts a user adds in options are asked for one by one at runtime, never all at once.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    content_security_policy: {
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    },
    action: { default_title: 'dermlint' },
  },
});
