/**
 * The paint kit (lib/content/paint-kit.ts), injected by the worker into the one
 * frame that asks for it (scripting.executeScript, the extension's isolated
 * world: the page never sees it) once that frame shows an encounter. It leaves
 * the kit for the content script and does nothing else; injected twice, it
 * keeps the first.
 */
import { PAINT_KIT } from '../lib/content/kit';
import { PAINT_KIT_GLOBAL, type PaintKit } from '../lib/content/paint-kit';

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, PaintKit | undefined>;
  scope[PAINT_KIT_GLOBAL] ??= PAINT_KIT;
  return true;
});
