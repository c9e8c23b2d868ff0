/**
 * The PTP table: column 1/column 2 pair → edit, in O(1) per lookup.
 *
 * A full practitioner table holds about 1.7 million active pairs (more rows
 * with its deleted ones), so it lives in typed arrays rather than objects: an
 * open-addressing hash (linear probing, at most half full) from the two code
 * indexes (./code-index.ts) to a chain of records, one per date window of the
 * pair (CMS lists a pair again when an edit is deleted and re-added). A slot
 * is two 32-bit words, each a code index (20 bits) and half of the chain's
 * first record (12 bits); a record is 11 bytes. About 33 bytes a pair all
 * told, nothing for the garbage collector to walk, and it structured-clones.
 */
import { CODE_INDEX_LIMIT, codeIndex, codeOfIndex } from './code-index';
import { dayNumber, dayString, type ModifierIndicator, type PtpEdit, type TableLabel } from './types';

/** Records a table can hold: the chain head is 24 bits. */
const MAX_PTP_RECORDS = 1 << 24;
const LOW = 4096; // 12 bits

function hash(c1: number, c2: number): number {
  let h = Math.imul(c1, 0x9e3779b1) ^ c2;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** YYYYMMDD → a 16-bit ordinal that keeps the order (1900-01-01 is 1; 0 means none); years past 2075 saturate. */
function ordinal(day: number): number {
  if (day === 0) return 0;
  const year = Math.floor(day / 10_000);
  const o = (year - 1900) * 372 + ((Math.floor(day / 100) % 100) - 1) * 31 + (day % 100);
  return o < 1 ? 1 : o > 0xffff ? 0xffff : o;
}
function fromOrdinal(o: number): number {
  const x = o - 1;
  return (Math.floor(x / 372) + 1900) * 10_000 + (Math.floor((x % 372) / 31) + 1) * 100 + ((x % 31) + 1);
}

interface Store {
  mask: number;
  /** (column-1 index + 1) × 4096 + the chain head's high 12 bits; 0: empty slot. */
  hi: Uint32Array;
  /** column-2 index × 4096 + the chain head's low 12 bits. */
  lo: Uint32Array;
  modifier: Uint8Array;
  /** Date ordinals (see ordinal()): 0 when unknown / while in force. */
  effective: Uint16Array;
  /** The last day the record applies. */
  deletion: Uint16Array;
  rationale: Uint16Array;
  /** The next record of the chain, -1 at its end. */
  next: Int32Array;
  rationales: string[];
  pairs: number;
  records: number;
}

/**
 * A PtpTable as plain data, for IndexedDB (typed arrays structured-clone as
 * they are: storing and loading a full table copies memory, parses nothing).
 * Made by PtpTable.toStored(); PtpTable.fromStored() checks it.
 */
export interface StoredPtp extends Store {
  readonly format: 'ptp-store-1';
  readonly label: TableLabel;
  readonly dated: boolean;
}

const headOf = (s: Store, slot: number) => ((s.hi[slot]! & 0xfff) << 12) | (s.lo[slot]! & 0xfff);

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
  /** Column 1 → its column-2 codes (see columnTwoOf), built on first use. */
  #partners: { start: Int32Array; list: Int32Array } | undefined;

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

  /** Bytes of typed arrays the table holds. */
  get bytes(): number {
    const s = this.#s;
    return (
      s.hi.byteLength +
      s.lo.byteLength +
      s.modifier.byteLength +
      s.effective.byteLength +
      s.deletion.byteLength +
      s.rationale.byteLength +
      s.next.byteLength
    );
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
      const h = s.hi[slot]!;
      if (h === 0) return -1;
      if (h >>> 12 === key && s.lo[slot]! >>> 12 === c2) break;
      slot = (slot + 1) & s.mask;
    }
    const on = ordinal(day || this.#asOfDay);
    // Windows of one pair rarely overlap; when they do (CMS lists an edit again
    // with the same effective date), the record still in force wins, then the
    // one deleted last, then the one effective last.
    let best = -1;
    for (let r = headOf(s, slot); r >= 0; r = s.next[r]!) {
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

  /**
   * The column-2 code indexes paired with column-1 code index c1 in some record
   * (in force on any day: confirm with lookup). For finding the edits among
   * many codes without trying every pair of them. Built on first use in one
   * pass over the table: 4 bytes a pair and 4 per possible code index.
   */
  columnTwoOf(c1: number): Int32Array {
    const partners = (this.#partners ??= this.#indexPartners());
    if (c1 < 0 || c1 >= CODE_INDEX_LIMIT) return partners.list.subarray(0, 0);
    return partners.list.subarray(partners.start[c1], partners.start[c1 + 1]);
  }

  #indexPartners(): { start: Int32Array; list: Int32Array } {
    const s = this.#s;
    const start = new Int32Array(CODE_INDEX_LIMIT + 1);
    for (let slot = 0; slot <= s.mask; slot++) if (s.hi[slot] !== 0) start[(s.hi[slot]! >>> 12) - 1 + 1]!++;
    for (let c = 0; c < CODE_INDEX_LIMIT; c++) start[c + 1]! += start[c]!;
    const list = new Int32Array(start[CODE_INDEX_LIMIT]!);
    const next = start.slice(0, CODE_INDEX_LIMIT);
    for (let slot = 0; slot <= s.mask; slot++) {
      const h = s.hi[slot]!;
      if (h !== 0) list[next[(h >>> 12) - 1]!++] = s.lo[slot]! >>> 12;
    }
    return { start, list };
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

  /** The table as plain data (it shares the arrays: the table never changes them). */
  toStored(): StoredPtp {
    const label: TableLabel = this.asOf
      ? { name: this.name, reference: this.reference, asOf: this.asOf }
      : { name: this.name, reference: this.reference };
    return { format: 'ptp-store-1', label, dated: this.dated, ...this.#s };
  }

  /** The table of toStored()'s data, e.g. read back from IndexedDB; throws RangeError when it is not such data. */
  static fromStored(data: StoredPtp): PtpTable {
    const d = data as Partial<StoredPtp> | null;
    const fail = (what: string): never => {
      throw new RangeError(`not a stored PTP table: ${what}`);
    };
    if (!d || d.format !== 'ptp-store-1') fail('format');
    const s = d as StoredPtp;
    if (typeof s.label?.name !== 'string' || typeof s.label.reference !== 'string') fail('label');
    const slots = s.mask + 1;
    if (!Number.isInteger(slots) || slots < 2 || (slots & s.mask) !== 0) fail('mask');
    if (
      !(s.hi instanceof Uint32Array) ||
      !(s.lo instanceof Uint32Array) ||
      s.hi.length !== slots ||
      s.lo.length !== slots
    )
      fail('slots');
    const n = s.records;
    if (
      !Number.isInteger(n) ||
      n < 0 ||
      n > MAX_PTP_RECORDS ||
      !Number.isInteger(s.pairs) ||
      s.pairs > n ||
      s.pairs * 2 > slots
    )
      fail('counts');
    if (
      !(s.modifier instanceof Uint8Array) ||
      !(s.effective instanceof Uint16Array) ||
      !(s.deletion instanceof Uint16Array) ||
      !(s.rationale instanceof Uint16Array) ||
      !(s.next instanceof Int32Array)
    )
      fail('record arrays');
    if (
      s.modifier.length < n ||
      s.effective.length < n ||
      s.deletion.length < n ||
      s.rationale.length < n ||
      s.next.length < n
    )
      fail('record arrays');
    if (!Array.isArray(s.rationales) || s.rationales.some((r) => typeof r !== 'string')) fail('rationales');
    // Chains only point forward to older records (each add() links to the head before it): no cycles, no reads past the end.
    for (let r = 0; r < n; r++) if (s.next[r]! >= r || s.next[r]! < -1) fail(`record ${r}`);
    for (let slot = 0; slot < slots; slot++) if (s.hi[slot] !== 0 && headOf(s, slot) >= n) fail(`slot ${slot}`);
    const store: Store = {
      mask: s.mask,
      hi: s.hi,
      lo: s.lo,
      modifier: s.modifier,
      effective: s.effective,
      deletion: s.deletion,
      rationale: s.rationale,
      next: s.next,
      rationales: s.rationales,
      pairs: s.pairs,
      records: n,
    };
    return new PtpTable(s.label, store, !!s.dated);
  }

  /** Every record, in no particular order (tests, exports). */
  *records(): IterableIterator<PtpEdit> {
    const s = this.#s;
    for (let slot = 0; slot <= s.mask; slot++) {
      if (s.hi[slot] === 0) continue;
      const c1 = codeOfIndex((s.hi[slot]! >>> 12) - 1);
      const c2 = codeOfIndex(s.lo[slot]! >>> 12);
      for (let r = headOf(s, slot); r >= 0; r = s.next[r]!) yield this.#edit(c1, c2, r);
    }
  }

  #edit(column1: string, column2: string, r: number): PtpEdit {
    const s = this.#s;
    const edit: { -readonly [K in keyof PtpEdit]: PtpEdit[K] } = {
      column1,
      column2,
      modifier: s.modifier[r] as ModifierIndicator,
    };
    if (s.effective[r]) edit.effective = dayString(fromOrdinal(s.effective[r]));
    if (s.deletion[r]) edit.deletion = dayString(fromOrdinal(s.deletion[r]));
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

  /** `expectedRecords`: a size hint (the arrays grow as needed). */
  constructor(expectedRecords = 1024) {
    let capacity = 16;
    while (capacity < expectedRecords * 2) capacity *= 2;
    const records = Math.max(16, expectedRecords);
    this.#s = {
      mask: capacity - 1,
      hi: new Uint32Array(capacity),
      lo: new Uint32Array(capacity),
      modifier: new Uint8Array(records),
      effective: new Uint16Array(records),
      deletion: new Uint16Array(records),
      rationale: new Uint16Array(records),
      next: new Int32Array(records),
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
    const eff = ordinal(effective);
    const del = ordinal(deletion);
    let slot = hash(c1, c2) & s.mask;
    const key = c1 + 1;
    let fresh = false;
    for (;;) {
      const h = s.hi[slot]!;
      if (h === 0) {
        fresh = true;
        break;
      }
      if (h >>> 12 === key && s.lo[slot]! >>> 12 === c2) break;
      slot = (slot + 1) & s.mask;
    }
    let head = -1;
    if (!fresh) {
      head = headOf(s, slot);
      for (let r = head; r >= 0; r = s.next[r]!) {
        if (s.effective[r] === eff && s.deletion[r] === del && s.modifier[r] === modifier) return;
      }
    }
    if (s.records >= MAX_PTP_RECORDS) throw new RangeError(`a PTP table holds at most ${MAX_PTP_RECORDS} records`);
    if (s.records === s.modifier.length) this.#growRecords();
    const r = s.records++;
    s.modifier[r] = modifier;
    s.effective[r] = eff;
    s.deletion[r] = del;
    s.rationale[r] = this.#rationale(rationale);
    s.next[r] = head;
    s.hi[slot] = key * LOW + (r >>> 12);
    s.lo[slot] = c2 * LOW + (r & 0xfff);
    if (fresh) s.pairs++;
    if (effective || deletion) this.#dated = true;
  }

  build(label: TableLabel): PtpTable {
    this.#built = true;
    const s = this.#s;
    // Give back what growth left unused.
    const n = s.records;
    s.modifier = s.modifier.slice(0, n);
    s.effective = s.effective.slice(0, n);
    s.deletion = s.deletion.slice(0, n);
    s.rationale = s.rationale.slice(0, n);
    s.next = s.next.slice(0, n);
    return new PtpTable(label, s, this.#dated);
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
    const size = Math.min(MAX_PTP_RECORDS, Math.max(1024, Math.ceil(s.modifier.length * 1.5)));
    const grow = <T extends Uint8Array | Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    s.modifier = grow(s.modifier, (n) => new Uint8Array(n));
    s.effective = grow(s.effective, (n) => new Uint16Array(n));
    s.deletion = grow(s.deletion, (n) => new Uint16Array(n));
    s.rationale = grow(s.rationale, (n) => new Uint16Array(n));
    s.next = grow(s.next, (n) => new Int32Array(n));
  }

  #rehash(): void {
    const s = this.#s;
    const capacity = (s.mask + 1) * 2;
    const mask = capacity - 1;
    const hi = new Uint32Array(capacity);
    const lo = new Uint32Array(capacity);
    for (let old = 0; old <= s.mask; old++) {
      const h = s.hi[old]!;
      if (h === 0) continue;
      let slot = hash((h >>> 12) - 1, s.lo[old]! >>> 12) & mask;
      while (hi[slot] !== 0) slot = (slot + 1) & mask;
      hi[slot] = h;
      lo[slot] = s.lo[old]!;
    }
    s.mask = mask;
    s.hi = hi;
    s.lo = lo;
  }
}
