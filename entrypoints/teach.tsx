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
import type { ContentProtocol, SendFromContent } from '../lib/protocol';

const PAYER_KINDS: unknown[] = ['medicare', 'medicare-advantage', 'medicaid', 'commercial', 'self-pay'];

async function teach() {
  // The practice's insurer names, for the preview's payer kind only; stored settings are read field by field
  // elsewhere (lib/settings-store.ts), so here each entry is taken only when it has the shape of one.
  const stored = (await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}))) as Record<
    string,
    { payerNames?: unknown } | undefined
  >;
  const raw = stored[SETTINGS_KEY]?.payerNames;
  const payerNames = (Array.isArray(raw) ? (raw as ({ phrase?: unknown; kind?: unknown } | null)[]) : []).filter(
    (e): e is PayerNameEntry =>
      !!e &&
      typeof e.phrase === 'string' &&
      e.phrase.length > 0 &&
      e.phrase.length <= 100 &&
      PAYER_KINDS.includes(e.kind),
  );
  openTeaching({
    doc: document,
    payerNames,
    async save(map: FieldMap) {
      const send: SendFromContent = (request) => browser.runtime.sendMessage(request);
      // Undefined when the worker did not answer (the extension was reloaded meanwhile).
      const reply: ContentProtocol['teach-save']['answer'] | undefined = await send({ type: 'teach-save', map });
      return reply ?? { ok: false, error: 'no answer from the extension' };
    },
  });
}

export default defineUnlistedScript(() => void teach());
