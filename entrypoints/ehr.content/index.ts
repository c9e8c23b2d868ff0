// WXT's own `browser` (the browser's promise-based API, no polyfill): ~2.6 KB gzip less in every EHR frame.
import { browser } from 'wxt/browser';
import { frameAddress, pickAdapter } from '../../lib/content/pick-adapter';
import { BUILTIN_MATCHES } from '../../adapters/index';
import { createShell } from '../../lib/content/shell';
import { kitHere } from '../../lib/content/paint-kit';
import { watchScreen } from '../../lib/content/watch';
import { guardSignoff } from '../../lib/content/signoff';
import { revealElement } from '../../lib/content/reveal';
import { createFixes } from '../../lib/content/fix';
import type { CommentCheckAnswer, ToContent } from '../../lib/messages';
import type { SendFromContent } from '../../lib/protocol';
import { bannerTokens, containsBannerText } from '../../lib/banner-check';
import { withoutScreenValues } from '../../adapters/shared/text';
import { loadFieldMaps, onSettingsChanged } from '../../lib/content/field-maps';
import type { Adapter } from '../../adapters/types';

export default defineContentScript({
  matches: [...BUILTIN_MATCHES],
  allFrames: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Injected again by the worker into tabs that were open before a field map for them was saved: one copy per frame.
    const w = window as { __dermlintRunning?: boolean };
    if (w.__dermlintRunning) return;
    w.__dermlintRunning = true;
    // The reader follows the saved field maps: a map saved (or taught) for this host is used at once, no reload.
    let fieldMaps = await loadFieldMaps();
    let picked = pickAdapter(frameAddress(location), fieldMaps);
    const adapter: Adapter = {
      get id() {
        return picked?.id ?? '';
      },
      name: '',
      matches: [],
      read: (doc) => picked?.read(doc) ?? { status: 'absent' },
      signControls: (doc) => picked?.signControls?.(doc) ?? [],
      patientBanner: (doc) => picked?.patientBanner?.(doc),
    };
    /** Set when storage says the settings changed: the next evaluation asks the worker to read them again. */
    let settingsChanged = false;
    let watcher: ReturnType<typeof watchScreen> | undefined;
    const begin = () => {
      const send: SendFromContent = (request) => browser.runtime.sendMessage(request);
      // Performance marks (no data) for `npm run bench:page`, only on a page that asks for them: they would
      // otherwise pile up in the EHR's performance timeline over a long session.
      const mark = (name: string) =>
        document.documentElement.hasAttribute('data-dermlint-bench') && performance.mark(name);
      let fixes: ReturnType<typeof createFixes> | undefined;
      // The warnings are drawn by the paint kit, which the worker loads into this frame once it shows an encounter;
      // their open cards offer the one-click fixes (the fix code is another script, loaded when such a card opens).
      const painter = createShell(document, {
        now: kitHere,
        load: () => send({ type: 'paint-kit' }),
        fixes: (finding) => fixes?.(finding),
      });
      const screen = (watcher = watchScreen({
        adapter,
        doc: document,
        painter,
        evaluate: (encounter) => {
          const refresh = settingsChanged;
          settingsChanged = false;
          // Lets `npm run bench:page` split an edit's latency into read, worker round trip and paint.
          mark('dermlint:asked');
          return send({
            type: 'evaluate',
            adapter: adapter.id,
            encounter,
            ...(refresh ? { refresh } : {}),
          }).finally(() => mark('dermlint:answered'));
        },
        // The note painted on the screen may quote what the screen shows; the worker's copy never does.
        reportStatus: (state, reason) =>
          void send({
            type: 'status',
            adapter: adapter.id,
            state,
            ...(reason !== undefined ? { reason: withoutScreenValues(reason) } : {}),
          }).catch(() => {}),
        signal: ctx.signal,
        onPainted: () => mark('dermlint:painted'),
      }));
      fixes = createFixes({
        adapter,
        doc: document,
        fieldMaps: () => fieldMaps,
        watcher: screen,
        // The worker injects the fix code; if it could not, the kit is simply not there.
        loadKit: () => send({ type: 'fix-load' }),
        record: (entry) => void send({ type: 'fix-record', ...entry }).catch(() => {}),
      });
      const reveal = (line: number | null) => {
        const el = screen.anchorOf(line);
        if (el) revealElement(document, el);
        // Its card opens through dermlint itself: a synthetic click on the pill would not be trusted.
        painter.open(line);
      };
      guardSignoff({
        doc: document,
        controls: () => adapter.signControls?.(document) ?? [],
        errors: screen.errors,
        encounter: screen.encounterId,
        signature: () => `${screen.encounterId()}|${screen.errorLines().join(',')}`,
        enabled: screen.signoffPrompt,
        onSignedAnyway: (errors, encounterId) =>
          void send({ type: 'signed-anyway', encounterId, errors }).catch(() => {}),
        onReview: () => reveal(screen.errorLines()[0] ?? null),
        signal: ctx.signal,
        kit: kitHere,
      });
      // Only the extension can send here (tabs.sendMessage); the page cannot.
      const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: CommentCheckAnswer) => void) => {
        const m = message as ToContent;
        if (m?.type === 'recheck') screen.recheck();
        else if (m?.type === 'reveal' && (typeof m.line === 'number' || m.line === null)) reveal(m.line);
        else if (m?.type === 'comment-check' && typeof m.comment === 'string') {
          // The banner is read now, in memory, for this one answer: only a yes or no leaves the page.
          const facts = adapter.patientBanner?.(document);
          sendResponse({
            banner: facts !== undefined,
            contains: facts ? containsBannerText(m.comment, bannerTokens(facts)) : false,
          });
        }
      };
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    };
    if (picked) begin();
    const reload = async () => {
      settingsChanged = true;
      fieldMaps = await loadFieldMaps();
      picked = pickAdapter(frameAddress(location), fieldMaps);
      if (watcher) watcher.recheck();
      else if (picked) begin();
    };
    const stop = onSettingsChanged(() => void reload());
    ctx.onInvalidated(() => {
      stop();
      w.__dermlintRunning = false;
    });
  },
});
