/** One billed line as rules read it (built by rules/context.ts; its own module so claim-index.ts needs no import of context.ts). */
import type { Line } from './schema';

export interface ClaimLine {
  /** 0-based index in encounter.lines: where findings are shown. */
  readonly index: number;
  /** Trimmed, upper-case code ('' for a retail item). */
  readonly code: string;
  /** Trimmed, upper-case modifiers without dashes. */
  readonly modifiers: ReadonlySet<string>;
  readonly units: number;
  /** Dotless, upper-case codes of the diagnoses its pointers name (all of them when it has none). */
  readonly dx: readonly string[];
  /** A pointer below 1 or beyond the last diagnosis. */
  readonly badPointer: boolean;
  readonly raw: Line;
}
