/**
 * The compact text form of the built-in NCCI subset (rules/ncci/builtin.generated.ts,
 * written by scripts/build-ncci-tables.ts). Plain ASCII inside a string
 * literal: it costs nothing to parse as JavaScript and gzips well.
 *
 * Numbers are variable-length in a 64-letter alphabet (base64url letters):
 * each letter holds 5 bits; letters 32–63 say "more follow", 0–31 end the
 * number; most significant first.
 *
 * PTP: rows sorted by column 1 then column 2 (code indexes, ./code-index.ts).
 * For each column-1 code: its distance from the previous one, then how many
 * rows it has; for each row one number,
 *   ((column-2 distance from the previous row's) × 3 + modifier code) × R + rationale index
 * (modifier code 0, 1, 2 for indicators 0, 1, 9; R rationales in the header),
 * followed, in a dated table, by the effective and deletion dates (YYYYMMDD, 0 = none).
 *
 * MUE: rows sorted by code; per row the code's distance from the previous
 * one, then ((mue × 3) + MAI − 1) × R + rationale index.
 */
import { codeIndex, codeOfIndex } from './code-index';
import { MueTable } from './mue-table';
import { PtpTableBuilder, type PtpTable } from './ptp-table';
import type { ModifierIndicator, MueAdjudicationIndicator, MueEntry, TableLabel } from './types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

class NcciTableError extends Error {}

export interface PackedPtp {
  label: TableLabel;
  rationales: readonly string[];
  dated: boolean;
  rows: number;
  data: string;
}
export interface PackedMue {
  label: TableLabel;
  rationales: readonly string[];
  rows: number;
  data: string;
}

export interface PtpRow {
  column1: string;
  column2: string;
  modifier: ModifierIndicator;
  /** YYYYMMDD, 0 = none. */
  effective?: number;
  deletion?: number;
  rationale?: string;
}

function writeNumber(out: string[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new NcciTableError(`cannot pack ${value}`);
  const groups: number[] = [];
  do {
    groups.push(value % 32);
    value = Math.floor(value / 32);
  } while (value > 0);
  for (let i = groups.length - 1; i > 0; i--) out.push(ALPHABET[32 + groups[i]!]!);
  out.push(ALPHABET[groups[0]!]!);
}

class Reader {
  pos = 0;
  constructor(readonly data: string) {}
  get done(): boolean {
    return this.pos >= this.data.length;
  }
  number(): number {
    let value = 0;
    for (;;) {
      if (this.pos >= this.data.length) throw new NcciTableError('packed NCCI table ends inside a number');
      const code = this.data.charCodeAt(this.pos++);
      const v = code < 128 ? VALUE[code]! : -1;
      if (v < 0) throw new NcciTableError(`packed NCCI table: bad character at ${this.pos - 1}`);
      if (v < 32) return value * 32 + v;
      value = value * 32 + (v - 32);
    }
  }
}

const MODIFIER_CODE: Record<ModifierIndicator, number> = { 0: 0, 1: 1, 9: 2 };
const MODIFIERS: readonly ModifierIndicator[] = [0, 1, 9];

function indexOf(code: string): number {
  const i = codeIndex(code);
  if (i < 0) throw new NcciTableError(`cannot pack code ${JSON.stringify(code)}`);
  return i;
}

export function packPtp(label: TableLabel, rows: readonly PtpRow[]): PackedPtp {
  const rationales = [...new Set(rows.map((r) => r.rationale ?? ''))].sort();
  const ratIndex = new Map(rationales.map((r, i) => [r, i]));
  const R = rationales.length || 1;
  const dated = rows.some((r) => r.effective || r.deletion);
  const sorted = rows
    .map((r) => ({ ...r, c1: indexOf(r.column1), c2: indexOf(r.column2) }))
    .sort((a, b) => a.c1 - b.c1 || a.c2 - b.c2 || (a.effective ?? 0) - (b.effective ?? 0));
  const out: string[] = [];
  let prev1 = 0;
  for (let i = 0; i < sorted.length;) {
    const c1 = sorted[i]!.c1;
    let j = i;
    while (j < sorted.length && sorted[j]!.c1 === c1) j++;
    writeNumber(out, c1 - prev1);
    writeNumber(out, j - i);
    prev1 = c1;
    let prev2 = 0;
    for (; i < j; i++) {
      const r = sorted[i]!;
      writeNumber(out, ((r.c2 - prev2) * 3 + MODIFIER_CODE[r.modifier]) * R + ratIndex.get(r.rationale ?? '')!);
      if (dated) {
        writeNumber(out, r.effective ?? 0);
        writeNumber(out, r.deletion ?? 0);
      }
      prev2 = r.c2;
    }
  }
  return { label, rationales, dated, rows: rows.length, data: out.join('') };
}

export function unpackPtp(packed: PackedPtp): PtpTable {
  const R = packed.rationales.length || 1;
  const builder = new PtpTableBuilder(packed.rows);
  const reader = new Reader(packed.data);
  let c1 = 0;
  let count = 0;
  while (!reader.done) {
    c1 += reader.number();
    const n = reader.number();
    let c2 = 0;
    for (let k = 0; k < n; k++) {
      const v = reader.number();
      const rat = v % R;
      const rest = (v - rat) / R;
      const mod = rest % 3;
      c2 += (rest - mod) / 3;
      const effective = packed.dated ? reader.number() : 0;
      const deletion = packed.dated ? reader.number() : 0;
      builder.add(c1, c2, MODIFIERS[mod]!, effective, deletion, packed.rationales[rat] ?? '');
      count++;
    }
  }
  if (count !== packed.rows)
    throw new NcciTableError(`packed PTP table holds ${count} rows, its header says ${packed.rows}`);
  return builder.build(packed.label);
}

export function packMue(label: TableLabel, entries: readonly MueEntry[]): PackedMue {
  const rationales = [...new Set(entries.map((e) => e.rationale))].sort();
  const ratIndex = new Map(rationales.map((r, i) => [r, i]));
  const R = rationales.length || 1;
  const sorted = entries.map((e) => ({ ...e, i: indexOf(e.code) })).sort((a, b) => a.i - b.i);
  const out: string[] = [];
  let prev = 0;
  for (const e of sorted) {
    writeNumber(out, e.i - prev);
    writeNumber(out, (e.mue * 3 + e.mai - 1) * R + ratIndex.get(e.rationale)!);
    prev = e.i;
  }
  return { label, rationales, rows: entries.length, data: out.join('') };
}

export function unpackMue(packed: PackedMue): MueTable {
  const R = packed.rationales.length || 1;
  const reader = new Reader(packed.data);
  const entries: MueEntry[] = [];
  let i = 0;
  while (!reader.done) {
    i += reader.number();
    const v = reader.number();
    const rat = v % R;
    const rest = (v - rat) / R;
    const mai = ((rest % 3) + 1) as MueAdjudicationIndicator;
    entries.push({ code: codeOfIndex(i), mue: (rest - (mai - 1)) / 3, mai, rationale: packed.rationales[rat] ?? '' });
  }
  if (entries.length !== packed.rows)
    throw new NcciTableError(`packed MUE table holds ${entries.length} rows, its header says ${packed.rows}`);
  return new MueTable(packed.label, entries);
}
