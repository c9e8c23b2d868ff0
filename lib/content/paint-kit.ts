/**
 * The paint kit: what draws dermlint in an EHR frame (Preact, the warnings,
 * their placement, the sign-off prompt). The content script in every frame of
 * an EHR host reads the screen and asks the worker; the kit is loaded only into
 * a frame that shows an encounter (the worker injects entrypoints/paint-kit.ts
 * into that frame's isolated world, which the page cannot see), so the many
 * frames of an EHR that never show one carry none of it. The content script
 * imports this file's types and its one constant only.
 */
import type { createPainter } from './painter';
import type { SignoffPromptProps } from '../../components/SignoffPrompt';

export interface PaintKit {
  createPainter: typeof createPainter;
  /** Draws the sign-off prompt into `mount`. */
  signoff(mount: Element, props: SignoffPromptProps): void;
}

/** Where the paint script leaves the kit: a global of the extension's isolated world. */
export const PAINT_KIT_GLOBAL = '__dermlintPaintKit';

/** The kit, once it is in this frame. */
export const kitHere = (): PaintKit | undefined =>
  (globalThis as unknown as Record<string, PaintKit | undefined>)[PAINT_KIT_GLOBAL];
