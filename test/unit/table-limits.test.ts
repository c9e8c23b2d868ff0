/**
 * Table imports have limits (issue 10): a ZIP bomb, nested or not, a ZIP that
 * declares a 4 GiB entry, entries that overlap, and a file without line breaks
 * are each refused with a message naming the limit and the file, before the
 * bytes are inflated or buffered; lines are split in one pass (no rescans of
 * what was already read). A real CMS file passes with room to spare.
 *
 * The bombs are made cheaply: a 1 MiB run of zeros deflated once (with a sync
 * flush, so the pieces can be laid end to end) is repeated, so a few MB of ZIP
 * inflate to gigabytes without the test ever holding them.
 */
import { readFileSync } from 'node:fs';
import { constants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ptpFileText, PtpImport, MueCsvParser, PTP_PREAMBLE, type CmsPtpRow } from '../../rules/ncci/index';
import { MUE_PREAMBLE } from '../../rules/ncci/cms-layout';
import {
  IcdCodeFileParser,
  importIcd,
  importMue,
  importPtp,
  TableImportError,
  type ImportOptions,
} from '../../lib/tables/import';
import { TABLE_LIMITS } from '../../lib/tables/limits';
import { readZipDirectory, ZipError } from '../../lib/zip';
import { zipArchive } from './zip-writer';

const MiB = 1 << 20;
const file = (name: string, data: string | Uint8Array | readonly Uint8Array[]) =>
  new File((Array.isArray(data) ? data : [data]) as BlobPart[], name);

/** A deflate stream of `mib` MiB of zeros framed by `head` and `tail` bytes: about 1 KB of output per MiB. */
const ZERO_MIB = deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
function deflatedZeros(mib: number, head = Buffer.alloc(0), tail = Buffer.alloc(0)): Buffer[] {
  const parts: Buffer[] = [];
  if (head.length) parts.push(deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }));
  for (let i = 0; i < mib; i++) parts.push(ZERO_MIB);
  parts.push(deflateRawSync(tail)); // the final block
  return parts;
}

interface RawEntry {
  name: string;
  method: 0 | 8;
  /** The bytes as stored (deflated or not), as pieces. */
  body: Buffer[];
  size: number;
  crc?: number;
  /** Point this directory entry at another entry's local header (overlapping entries). */
  sameDataAs?: number;
}

/** A ZIP written header by header, with sizes and offsets as given (zip-writer.ts compresses for real; this one can lie or overlap). */
function rawZip(entries: readonly RawEntry[]): Buffer[] {
  const out: Buffer[] = [];
  const offsets: number[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = e.body.reduce((n, b) => n + b.length, 0);
    if (e.sameDataAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x800, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(0x21, 12);
      local.writeUInt32LE(e.crc ?? 0, 14);
      local.writeUInt32LE(compressed, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(name.length, 26);
      out.push(local, name, ...e.body);
      offsets.push(offset);
      offset += 30 + name.length + compressed;
    } else offsets.push(offsets[e.sameDataAs]!);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offsets.at(-1)!, 42);
    centrals.push(central, name);
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return [...out, cd, end];
}
const bytesOf = (parts: Buffer[]) => parts.reduce((n, b) => n + b.length, 0);

/**
 * Today's code would inflate these for minutes (or scan them quadratically):
 * the guard fails the test after 1 MB has been read, so the limit must act
 * before any of it is.
 */
function guarded(): ImportOptions {
  return {
    pause: async () => {},
    onProgress: (p) => {
      if (p.done > MiB) throw new Error(`read ${p.done} bytes of ${p.file} before refusing it`);
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ message: string; ms: number }> {
  const t0 = performance.now();
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  const ms = performance.now() - t0;
  expect(e).toBeInstanceOf(TableImportError);
  return { message: (e as Error).message, ms };
}

describe('the limits', () => {
  it('are what docs/security.md says, with room for a full CMS release (~250 MB of PTP text, ZIPs compressing ~12 times)', () => {
    expect(TABLE_LIMITS).toEqual({
      totalBytes: 1024 * MiB,
      nestedArchiveBytes: 256 * MiB,
      ratio: 100,
      ratioFromBytes: MiB,
      lineChars: 65_536,
    });
  });

  it('the real FY2026 ICD-10-CM file, zipped at the highest compression, passes', async () => {
    const text = readFileSync(new URL('../../data/cms/icd10cm-codes.txt', import.meta.url));
    const zip = zipArchive([{ name: 'icd10cm-codes-2026.txt', data: new Uint8Array(text) }]);
    expect(text.length / zip.length).toBeLessThan(TABLE_LIMITS.ratio / 4);
    const { info } = await importIcd([file('icd10cm-2026.zip', zip)]);
    expect(info.rows).toBeGreaterThan(70_000);
  });

  it('a CMS-layout PTP part, sorted as CMS sorts it, compresses well under the ratio limit', () => {
    const rationales = [
      'CPT Manual or CMS manual coding instruction',
      'Standards of medical / surgical practice',
      'Mutually exclusive procedures',
    ];
    const rows: CmsPtpRow[] = [];
    for (let c1 = 11000; c1 < 11400; c1++)
      for (let k = 0; k < 120; k++)
        rows.push({
          column1: String(c1),
          column2: String(10000 + k * 7),
          effective: '20190101',
          modifier: 1,
          rationale: rationales[k % 3]!,
        });
    const text = Buffer.from(ptpFileText(rows), 'latin1');
    const ratio = text.length / deflateRawSync(text, { level: 9 }).length;
    expect(ratio).toBeLessThan(TABLE_LIMITS.ratio / 3);
  });
});

describe('ZIP bombs are refused before they are inflated', () => {
  it('a nested ZIP bomb: a 300 MB ZIP inside a 300 KB one', async () => {
    const inner = 'ccipra-v323r0-parts.zip';
    const mib = 300;
    // The inner ZIP: one stored entry of 300 MiB of zeros. Its bytes are what the outer entry inflates to.
    const partName = Buffer.from('ccipra-v323r0-f1.txt');
    const head = Buffer.alloc(30 + partName.length);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt32LE(mib * MiB, 18);
    head.writeUInt32LE(mib * MiB, 22);
    head.writeUInt16LE(partName.length, 26);
    partName.copy(head, 30);
    // Its directory, after the 300 MiB of data.
    const central = Buffer.alloc(46 + partName.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(mib * MiB, 20);
    central.writeUInt32LE(mib * MiB, 24);
    central.writeUInt16LE(partName.length, 28);
    partName.copy(central, 46);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(head.length + mib * MiB, 16);
    const tail = Buffer.concat([central, end]);
    const innerSize = head.length + mib * MiB + tail.length;
    let crc = zlibCrc32(head);
    const zeros = Buffer.alloc(MiB);
    for (let i = 0; i < mib; i++) crc = zlibCrc32(zeros, crc);
    crc = zlibCrc32(tail, crc);
    const outer = rawZip([{ name: inner, method: 8, body: deflatedZeros(mib, head, tail), size: innerSize, crc }]);
    expect(bytesOf(outer)).toBeLessThan(400_000);

    const { message, ms } = await refusal(importPtp([file('ptp-release.zip', outer)], guarded()));
    expect(message).toBe(
      `ptp-release.zip: ${inner} is a ZIP of 300.0 MB inside the ZIP: over the limit of 256 MB for a nested archive`,
    );
    expect(ms).toBeLessThan(1000);
    console.log(
      `nested ZIP bomb (300 MB inside ${(bytesOf(outer) / 1024).toFixed(0)} KB) refused in ${ms.toFixed(1)} ms`,
    );
  });

  it('a 4 MB ZIP declaring a 4 GiB entry', async () => {
    const mib = 4095;
    const zip = rawZip([{ name: 'ccipra-v323r0-f1.txt', method: 8, body: deflatedZeros(mib), size: 0xfffffffe }]);
    expect(bytesOf(zip)).toBeLessThan(4.5 * MiB);
    const { message, ms } = await refusal(importPtp([file('ccipra-v323r0-f1.zip', zip)], guarded()));
    expect(message).toBe(
      'ccipra-v323r0-f1.zip: ccipra-v323r0-f1.txt declares 4.0 GB uncompressed: over the limit of 1 GB for one import',
    );
    expect(ms).toBeLessThan(1000);
    console.log(`ZIP declaring a 4 GiB entry (${(bytesOf(zip) / MiB).toFixed(1)} MB) refused in ${ms.toFixed(1)} ms`);
    // The ZIP reader alone refuses it too, when it lists the archive.
    const e = await readZipDirectory(file('x.zip', zip), 'x.zip').then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ZipError);
    expect((e as Error).message).toBe(
      'x.zip: ccipra-v323r0-f1.txt declares 4.0 GB uncompressed: over the limit of 1 GB for one import',
    );
  });

  it('an entry that would expand more than 100 times', async () => {
    const zip = rawZip([{ name: 'icd10cm-codes-2027.txt', method: 8, body: deflatedZeros(50), size: 50 * MiB }]);
    const { message } = await refusal(importIcd([file('icd10cm-2027.zip', zip)], guarded()));
    expect(message).toMatch(
      /^icd10cm-2027\.zip: icd10cm-codes-2027\.txt would expand 1,0\d\d times \(50\.0 MB from \d+\.\d KB\): over the limit of 100 times for a table file \(a ZIP bomb\?\)$/,
    );
  });

  it('entries that overlap (one stored body listed 1,100 times) count against the total', async () => {
    const body = Buffer.alloc(MiB, 0x41);
    const entries: RawEntry[] = [{ name: 'a-0.txt', method: 0, body: [body], size: MiB }];
    for (let i = 1; i < 1100; i++)
      entries.push({ name: `a-${i}.txt`, method: 0, body: [body], size: MiB, sameDataAs: 0 });
    const zip = rawZip(entries);
    expect(bytesOf(zip)).toBeLessThan(1.2 * MiB);
    const { message } = await refusal(importMue([file('mue.zip', zip)], guarded()));
    expect(message).toBe(
      'mue.zip: its entries declare 1.1 GB uncompressed in all: over the limit of 1 GB for one import',
    );
  });

  it('files and archives together count against one total', async () => {
    const body = Buffer.alloc(MiB, 0x41);
    const entries: RawEntry[] = [{ name: 'a-0.txt', method: 0, body: [body], size: MiB }];
    for (let i = 1; i < 600; i++)
      entries.push({ name: `a-${i}.txt`, method: 0, body: [body], size: MiB, sameDataAs: 0 });
    const zip = Buffer.concat(rawZip(entries));
    const { message } = await refusal(importPtp([file('one.zip', zip), file('two.zip', zip)], guarded()));
    expect(message).toBe('two.zip: the files given hold 1.2 GB uncompressed: over the limit of 1 GB for one import');
  });
});

describe('lines', () => {
  it('a 64 MB file without line breaks is refused at the line-length limit, at once', async () => {
    const blob = file('ccipra-v323r0-f1.txt', new Uint8Array(64 * MiB).fill(0x41));
    const { message, ms } = await refusal(importPtp([blob], { pause: async () => {} }));
    expect(message).toBe(
      'ccipra-v323r0-f1.txt: line 1: longer than 65,536 characters, the limit for one line of a CMS table file (no line breaks? not a CMS text file)',
    );
    expect(ms).toBeLessThan(1000);
    console.log(`64 MB without line breaks refused in ${ms.toFixed(1)} ms`);
  });

  it('the same in the ICD-10-CM and MUE files, naming the line', async () => {
    const long = 'A'.repeat(70_000);
    expect((await refusal(importIcd([file('icd10cm-codes-2027.txt', `A000 Cholera\n${long}\n`)]))).message).toBe(
      'icd10cm-codes-2027.txt: line 2: longer than 65,536 characters, the limit for one line of a CMS table file (no line breaks? not a CMS text file)',
    );
    // A CSV record may span lines inside quotes; the limit is on the record.
    const csv = `"notice\n${long}",,,\n`;
    expect((await refusal(importMue([file('MCR_MUE_PractitionerServices_Eff_10-01-2026.csv', csv)]))).message).toBe(
      'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv: line 1: a record longer than 65,536 characters, the limit for one line of a CMS table file (not a CMS file?)',
    );
  });

  /**
   * Lines of 60,000 characters, fed 16 characters at a time (as a slow stream
   * would), take about as long as the same bytes in lines ten times shorter
   * (for MUE: the same cells without quotes): each character is looked at
   * once. Before, every chunk rescanned the whole line so far, quadratic in
   * the line's length, and every quote re-read the MUE cell. Measured side by
   * side, best of three, as the machine is shared.
   */
  it('long lines in small chunks are split in linear time (16 MB of 60,000-character lines as fast as short ones)', () => {
    const chunked = (text: string) => {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += 16) chunks.push(text.slice(i, i + 16));
      return chunks;
    };
    const timed = (chunks: readonly string[], make: () => { push(t: string): void }) => {
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const sink = make();
        const t0 = performance.now();
        for (const c of chunks) sink.push(c);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const filler = (n: number) => 'x'.repeat(n);
    const report: string[] = [];
    const compare = (what: string, long: string, short: string, make: () => { push(t: string): void }) => {
      expect(Math.abs(long.length - short.length) / long.length).toBeLessThan(0.05);
      const longMs = timed(chunked(long), make);
      const shortMs = timed(chunked(short), make);
      report.push(
        `${what} ${(long.length / 1e6).toFixed(1)} MB: ${longMs.toFixed(0)} ms against ${shortMs.toFixed(0)} ms`,
      );
      expect(longMs).toBeLessThan(3 * shortMs + 20);
    };

    const preamble = PTP_PREAMBLE.map((l) => `${l}\r\n`).join('');
    const ptpRow = (rationale: string) => `11000\t11001\t\t20190101\t*\t1\t${rationale}\r\n`;
    const ptpLong = preamble + ptpRow(filler(60_000)).repeat(270);
    expect(ptpLong.length).toBeGreaterThan(16_000_000);
    compare('PTP', ptpLong, preamble + ptpRow(filler(6_000)).repeat(2_700), () =>
      new PtpImport({ requireAllParts: false }).file('long-lines.txt'),
    );
    const check = new PtpImport({ requireAllParts: false }).file('long-lines.txt');
    for (const c of chunked(ptpLong)) check.push(c);
    check.end();
    expect(check.rows).toBe(270);

    const icdLines = (n: number, description: string) =>
      Array.from({ length: n }, (_, i) => `A${i.toString(36).toUpperCase().padStart(4, '0')} ${description}\n`).join(
        '',
      );
    compare(
      'ICD-10-CM',
      icdLines(270, filler(60_000)),
      icdLines(2_700, filler(6_000)),
      () => new IcdCodeFileParser('icd10cm-codes-2027.txt', 2027),
    );

    // MUE CSV: a rationale cell of 40,000 characters with 20,000 quotes in it, unquoted, against one without.
    const mueRows = (cell: string) =>
      MUE_PREAMBLE +
      Array.from({ length: 100 }, (_, i) => `${11000 + i},1,2 Date of Service Edit: Policy,${cell}\n`).join('');
    compare(
      'MUE',
      mueRows('a"'.repeat(20_000)),
      mueRows('ab'.repeat(20_000)),
      () => new MueCsvParser('MCR_MUE_PractitionerServices_Eff_10-01-2026.csv'),
    );

    console.log(`lines split in 16-character chunks, best of 3:\n  ${report.join('\n  ')}`);
  });
});
