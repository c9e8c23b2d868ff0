/**
 * The one-click fix code, injected by the worker into the one frame that asks
 * for it (scripting.executeScript, the extension's isolated world: the page
 * never sees it) when a person opens a warning that offers a fix. It leaves
 * the fix kit for the content script (lib/fix/kit.ts) and does nothing else;
 * injected twice, it keeps the first.
 */
import { createFixKit } from '../lib/fix/attempt';
import { FIX_KIT_GLOBAL, type FixKit } from '../lib/fix/kit';

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, FixKit | undefined>;
  scope[FIX_KIT_GLOBAL] ??= createFixKit();
  return true;
});
