/**
 * Injected on demand (popup or options: "Teach dermlint this screen") into the
 * open tab's top frame, with `scripting.executeScript({ files: ['/teach.js'] })`:
 * the teaching overlay (lib/teach/overlay.tsx). Its own bundle, so the content
 * script every EHR frame loads stays small; it runs in the content scripts'
 * isolated world and saves through the background worker.
 */
import { browser } from 'wxt/browser';
import type { FieldMap } from '../adapters/generic/fieldmap';
import { openTeaching } from '../lib/teach/overlay';
import { SETTINGS_KEY } from '../lib/settings-key';
import type { PayerNameEntry } from '../rules/payer-names';

export default defineUnlistedScript(async () => {
  const stored = (await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}))) as Record<string, { payerNames?: PayerNameEntry[] } | undefined>;
  const payerNames = Array.isArray(stored[SETTINGS_KEY]?.payerNames) ? stored[SETTINGS_KEY]!.payerNames : [];
  openTeaching({
    doc: document,
    payerNames,
    async save(map: FieldMap) {
      const reply = (await browser.runtime.sendMessage({ type: 'teach-save', map })) as { ok: true; message: string } | { ok: false; error: string } | undefined;
      return reply ?? { ok: false, error: 'no answer from the extension' };
    },
  });
});
