import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: {
    name: 'dermlint',
    description: 'Catches dermatology coding mistakes on the EHR screen while the chart is still open. Nothing leaves the browser.',
    permissions: ['storage'],
    action: { default_title: 'dermlint' },
  },
});
