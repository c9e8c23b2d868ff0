import browser from 'webextension-polyfill';
import { ADAPTERS, BUILTIN_MATCHES } from '../../adapters/index';
import { matchesAny } from '../../lib/match-patterns';
import { createPainter } from '../../lib/content/painter';
import { watchScreen } from '../../lib/content/watch';
import type { EvaluateResponse, Request } from '../../lib/messages';
import { onSettingsChanged } from '../../lib/settings-store';

export default defineContentScript({
  matches: [...BUILTIN_MATCHES],
  allFrames: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = ADAPTERS.find((a) => matchesAny(a.matches, location.href) && a.read(document).status !== 'absent')
      ?? ADAPTERS.find((a) => matchesAny(a.matches, location.href));
    if (!adapter) return;
    const send = (request: Request) => browser.runtime.sendMessage(request);
    const watcher = watchScreen({
      adapter,
      doc: document,
      painter: createPainter(document),
      evaluate: (encounter) => send({ type: 'evaluate', adapter: adapter.id, encounter }) as Promise<EvaluateResponse>,
      reportStatus: (state, reason) => void send({ type: 'status', adapter: adapter.id, state, reason }).catch(() => {}),
      signal: ctx.signal,
      onPainted: () => performance.mark('dermlint:painted'),
    });
    const stop = onSettingsChanged(() => watcher.recheck());
    ctx.onInvalidated(stop);
  },
});
