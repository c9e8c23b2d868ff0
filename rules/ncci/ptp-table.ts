/**
 * The PTP table: column 1/column 2 pair → edit, in O(1) per lookup.
 *
 * A full practitioner table holds about 1.7 million active pairs (more rows
 * with its deleted ones), so it is kept in typed arrays rather than objects:
 * an open-addressing hash (linear probing) from the two code indexes
 * (./code-index.ts) to a chain of records, one per date window of the pair
 * (CMS lists a pair again when an edit is deleted and re-added). About 30
 * bytes a pair, no garbage-collector pressure, and it can be structured-cloned.
 */
import { codeIndex, codeOfIndex } from './code-index';
import { dayNumber, dayString, type ModifierIndicator, type PtpEdit, type TableLabel } from './types';

const EMPTY = 0;

function hash(c1: number, c2: number): number {
  let h = Math.imul(c1, 0x9e3779b1) ^ c2;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

interface Store {
  mask: number;
  /** column-1 index + 1 (0: empty slot). */
  k1: Int32Array;
  k2: Int32Array;
  /** First record of the slot's chain. */
  head: Int32Array;
  modifier: Uint8Array;
  /** YYYYMMDD, 0 when unknown. */
  effective: Uint32Array;
  /** YYYYMMDD (last day in force), 0 while in force. */
  deletion: Uint32Array;
  rationale: Uint16Array;
  next: Int32Array;
  rationales: string[];
  pairs: number;
  records: number;
}

export class PtpTable implements TableLabel {
  readonly kind = 'ncci-ptp' as const;
  readonly name: string;
  readonly reference: string;
  readonly asOf?: string;
  /** Distinct column 1/column 2 pairs. */
  readonly pairs: number;
  /** Records (a pair has one per date window). */
  readonly edits: number;
  /** Some record carries an effective or deletion date. */
  readonly dated: boolean;
  readonly #s: Store;
  readonly #asOfDay: number;

  /** Use PtpTableBuilder. */
  constructor(label: TableLabel, store: Store, dated: boolean) {
    this.name = label.name;
    this.reference = label.reference;
    if (label.asOf) this.asOf = label.asOf;
    this.#asOfDay = dayNumber(label.asOf);
    this.#s = store;
    this.pairs = store.pairs;
    this.edits = store.records;
    this.dated = dated;
  }

  /**
   * The record of column1 (index) / column2 (index) in force on `day`
   * (YYYYMMDD; 0 = no date of service: the table's asOf day, or else the
   * records with no deletion date), or -1. No allocation: the rules' hot path.
   */
  lookup(c1: number, c2: number, day: number): number {
    const s = this.#s;
    if (c1 < 0 || c2 < 0) return -1;
    let slot = hash(c1, c2) & s.mask;
    const key = c1 + 1;
    for (;;) {
      const k = s.k1[slot]!;
      if (k === EMPTY) return -1;
      if (k === key && s.k2[slot] === c2) break;
      slot = (slot + 1) & s.mask;
    }
    const on = day || this.#asOfDay;
    // Windows of one pair rarely overlap; when they do (CMS lists an edit again
    // with the same effective date), the record still in force wins, then the
    // one deleted last, then the one effective last.
    let best = -1;
    for (let r = s.head[slot]!; r >= 0; r = s.next[r]!) {
      const eff = s.effective[r]!;
      const del = s.deletion[r]!;
      if (!(on === 0 ? del === 0 : (eff === 0 || eff <= on) && (del === 0 || on <= del))) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      const bestDel = s.deletion[best]! || Infinity;
      const thisDel = del || Infinity;
      if (thisDel > bestDel || (thisDel === bestDel && eff > s.effective[best]!)) best = r;
    }
    return best;
  }

  modifierOf(record: number): ModifierIndicator {
    return this.#s.modifier[record] as ModifierIndicator;
  }

  rationaleOf(record: number): string | undefined {
    return this.#s.rationales[this.#s.rationale[record]!] || undefined;
  }

  /** The edit column1/column2 in force on dateOfService (YYYY-MM-DD), if any. */
  find(column1: string, column2: string, dateOfService?: string): PtpEdit | undefined {
    const r = this.lookup(codeIndex(column1), codeIndex(column2), dayNumber(dateOfService));
    return r < 0 ? undefined : this.#edit(column1, column2, r);
  }

  /** Every record, in no particular order (tests, exports). */
  *records(): IterableIterator<PtpEdit> {
    const s = this.#s;
    for (let slot = 0; slot <= s.mask; slot++) {
      if (s.k1[slot] === EMPTY) continue;
      const c1 = codeOfIndex(s.k1[slot]! - 1);
      const c2 = codeOfIndex(s.k2[slot]!);
      for (let r = s.head[slot]!; r >= 0; r = s.next[r]!) yield this.#edit(c1, c2, r);
    }
  }

  #edit(column1: string, column2: string, r: number): PtpEdit {
    const s = this.#s;
    const edit: { -readonly [K in keyof PtpEdit]: PtpEdit[K] } = { column1, column2, modifier: s.modifier[r] as ModifierIndicator };
    if (s.effective[r]) edit.effective = dayString(s.effective[r]!);
    if (s.deletion[r]) edit.deletion = dayString(s.deletion[r]!);
    const rationale = s.rationales[s.rationale[r]!];
    if (rationale) edit.rationale = rationale;
    return edit;
  }
}

/** Collects PTP records (from the built-in encoding or a parser) into a PtpTable. */
export class PtpTableBuilder {
  #s: Store;
  #rationaleIndex = new Map<string, number>([['', 0]]);
  #dated = false;
  #built = false;

  constructor(expectedRecords = 1024) {
    let capacity = 16;
    while (capacity < expectedRecords * 2) capacity *= 2;
    this.#s = {
      mask: capacity - 1,
      k1: new Int32Array(capacity),
      k2: new Int32Array(capacity),
      head: new Int32Array(capacity),
      modifier: new Uint8Array(expectedRecords),
      effective: new Uint32Array(expectedRecords),
      deletion: new Uint32Array(expectedRecords),
      rationale: new Uint16Array(expectedRecords),
      next: new Int32Array(expectedRecords),
      rationales: [''],
      pairs: 0,
      records: 0,
    };
  }

  get records(): number {
    return this.#s.records;
  }

  /**
   * Adds one record. c1/c2 are code indexes (./code-index.ts); effective and
   * deletion are YYYYMMDD numbers, 0 when absent. A record equal to one the
   * pair already has is dropped.
   */
  add(c1: number, c2: number, modifier: ModifierIndicator, effective = 0, deletion = 0, rationale = ''): void {
    if (this.#built) throw new Error('PtpTableBuilder: already built');
    const s = this.#s;
    if ((s.pairs + 1) * 2 > s.mask + 1) this.#rehash();
    let slot = hash(c1, c2) & s.mask;
    const key = c1 + 1;
    for (;;) {
      const k = s.k1[slot]!;
      if (k === EMPTY) {
        s.k1[slot] = key;
        s.k2[slot] = c2;
        s.head[slot] = -1;
        s.pairs++;
        break;
      }
      if (k === key && s.k2[slot] === c2) break;
      slot = (slot + 1) & s.mask;
    }
    for (let r = s.head[slot]!; r >= 0; r = s.next[r]!) {
      if (s.effective[r] === effective && s.deletion[r] === deletion && s.modifier[r] === modifier) return;
    }
    if (s.records === s.modifier.length) this.#growRecords();
    const r = s.records++;
    s.modifier[r] = modifier;
    s.effective[r] = effective;
    s.deletion[r] = deletion;
    s.rationale[r] = this.#rationale(rationale);
    s.next[r] = s.head[slot]!;
    s.head[slot] = r;
    if (effective || deletion) this.#dated = true;
  }

  build(label: TableLabel): PtpTable {
    this.#built = true;
    return new PtpTable(label, this.#s, this.#dated);
  }

  #rationale(text: string): number {
    let i = this.#rationaleIndex.get(text);
    if (i === undefined) {
      if (this.#s.rationales.length > 0xffff) return 0; // CMS uses a few dozen; never lose an edit over its text
      i = this.#s.rationales.push(text) - 1;
      this.#rationaleIndex.set(text, i);
    }
    return i;
  }

  #growRecords(): void {
    const s = this.#s;
    const size = Math.max(1024, s.modifier.length * 2);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    s.modifier = grow(s.modifier, (n) => new Uint8Array(n));
    s.effective = grow(s.effective, (n) => new Uint32Array(n));
    s.deletion = grow(s.deletion, (n) => new Uint32Array(n));
    s.rationale = grow(s.rationale, (n) => new Uint16Array(n));
    s.next = grow(s.next, (n) => new Int32Array(n));
  }

  #rehash(): void {
    const s = this.#s;
    const capacity = (s.mask + 1) * 2;
    const mask = capacity - 1;
    const k1 = new Int32Array(capacity);
    const k2 = new Int32Array(capacity);
    const head = new Int32Array(capacity);
    for (let old = 0; old <= s.mask; old++) {
      const key = s.k1[old]!;
      if (key === EMPTY) continue;
      let slot = hash(key - 1, s.k2[old]!) & mask;
      while (k1[slot] !== EMPTY) slot = (slot + 1) & mask;
      k1[slot] = key;
      k2[slot] = s.k2[old]!;
      head[slot] = s.head[old]!;
    }
    s.mask = mask;
    s.k1 = k1;
    s.k2 = k2;
    s.head = head;
  }
}
