/** The paint kit itself (see paint-kit.ts): bundled into entrypoints/paint-kit.ts, imported directly by tests. */
import { render } from 'preact';
import { SignoffPrompt } from '../../components/SignoffPrompt';
import { createPainter } from './painter';
import type { PaintKit } from './paint-kit';

export const PAINT_KIT: PaintKit = {
  createPainter,
  // Preact renders text nodes: nothing is parsed as HTML.
  signoff: (mount, props) => render(<SignoffPrompt {...props} />, mount),
};
