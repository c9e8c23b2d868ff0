/** The MUE table: code → units a practitioner may report, and how they are counted. */
import type { MueEntry, MueTableLike, TableLabel } from './types';

export class MueTable implements MueTableLike {
  readonly kind = 'ncci-mue' as const;
  readonly name: string;
  readonly reference: string;
  readonly asOf?: string;
  readonly #entries: ReadonlyMap<string, MueEntry>;

  constructor(label: TableLabel, entries: Iterable<MueEntry>) {
    this.name = label.name;
    this.reference = label.reference;
    if (label.asOf) this.asOf = label.asOf;
    const map = new Map<string, MueEntry>();
    for (const e of entries) map.set(e.code, e);
    this.#entries = map;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(code: string): MueEntry | undefined {
    return this.#entries.get(code);
  }

  entries(): IterableIterator<MueEntry> {
    return this.#entries.values();
  }
}
