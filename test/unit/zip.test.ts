/** lib/zip.ts: the central directory, stored and deflated entries streamed through DecompressionStream, and damaged archives refused. */
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, looksLikeZip, readZipDirectory, readZipEntry, zipEntryBlob, ZipError } from '../../lib/zip';
import { zipArchive } from './zip-writer';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]);

async function text(blob: Blob, name: string): Promise<string> {
  const entry = (await readZipDirectory(blob)).find((e) => e.name === name)!;
  const parts: Buffer[] = [];
  for await (const chunk of readZipEntry(blob, entry)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('latin1');
}

/** ~1.3 MB of PTP-like rows: many chunks out of the inflater. */
const BIG = Array.from(
  { length: 30_000 },
  (_, i) =>
    `${String(10000 + (i % 9000)).padStart(5, '0')}\t${String(20000 + i).slice(0, 5)}\t\t20190101\t*\t1\tStandards of medical / surgical practice`,
).join('\r\n');

describe('readZipDirectory and readZipEntry', () => {
  it('reads stored and deflated entries, skipping folders, with a comment after the end record', async () => {
    const archive = zipArchive(
      [
        { name: 'folder/', data: '', method: 0 },
        { name: 'folder/ccipra-v323r0-f1.txt', data: 'Column 1\tColumn 2\r\n11055\t17110\r\n' },
        { name: 'readme.txt', data: 'stored as is', method: 0 },
        { name: 'big.txt', data: BIG },
        { name: 'notice-®.txt', data: 'CPT\u00ae', method: 0 },
      ],
      { comment: 'CMS NCCI 2026 Q4' },
    );
    const blob = blobOf(archive);
    expect(await looksLikeZip(blob)).toBe(true);
    const entries = await readZipDirectory(blob);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['folder/ccipra-v323r0-f1.txt', 8],
      ['readme.txt', 0],
      ['big.txt', 8],
      ['notice-®.txt', 0],
    ]);
    expect(entries[2]!.size).toBe(BIG.length);
    expect(await text(blob, 'folder/ccipra-v323r0-f1.txt')).toBe('Column 1\tColumn 2\r\n11055\t17110\r\n');
    expect(await text(blob, 'readme.txt')).toBe('stored as is');
    expect(await text(blob, 'big.txt')).toBe(BIG);
  });

  it('opens a ZIP inside a ZIP', async () => {
    const inner = zipArchive([{ name: 'ccipra-v323r0-f2.txt', data: 'x\r\n' }]);
    const outer = blobOf(zipArchive([{ name: 'ccipra-v323r0-f2.zip', data: inner, method: 0 }]));
    const [entry] = await readZipDirectory(outer);
    const nested = await zipEntryBlob(outer, entry!);
    expect(await text(nested, 'ccipra-v323r0-f2.txt')).toBe('x\r\n');
  });

  it('computes the ZIP CRC-32, also across chunks', () => {
    const bytes = Buffer.from(BIG, 'latin1');
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes.subarray(1000), crc32(bytes.subarray(0, 1000)))).toBe(zlibCrc32(bytes));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('an empty archive has no entries; a text file is not a ZIP', async () => {
    expect(await readZipDirectory(blobOf(zipArchive([])))).toEqual([]);
    expect(await looksLikeZip(new Blob(['Column 1\tColumn 2\n']))).toBe(false);
  });
});

describe('damaged archives are refused with a message', () => {
  const good = () =>
    zipArchive([
      { name: 'a.txt', data: BIG },
      { name: 'b.txt', data: 'second' },
    ]);

  async function readAll(blob: Blob): Promise<void> {
    for (const entry of await readZipDirectory(blob, 'codes.zip'))
      for await (const _ of readZipEntry(blob, entry, 'codes.zip'));
  }

  it.each<[string, () => Uint8Array | Blob, RegExp]>([
    [
      'cut in half (no end record)',
      () => good().subarray(0, good().length >> 1),
      /codes\.zip is not a ZIP archive, or it is truncated/,
    ],
    ['too short to be one', () => Buffer.from('PK'), /too short/],
    [
      'a CRC that does not match',
      () => zipArchive([{ name: 'a.txt', data: BIG }], { crcOf: { 'a.txt': 1234 } }),
      /a\.txt fails its CRC-32 check/,
    ],
    [
      'an encrypted entry',
      () => zipArchive([{ name: 'a.txt', data: 'x' }], { flagsOf: { 'a.txt': 1 } }),
      /a\.txt is encrypted/,
    ],
    [
      'another compression method (bzip2)',
      () => zipArchive([{ name: 'a.txt', data: 'x', method: 0 }], { methodOf: { 'a.txt': 12 } }),
      /method 12/,
    ],
    [
      'ZIP64 (sizes in the extra field)',
      () => {
        const z = zipArchive([{ name: 'a.txt', data: 'x' }]);
        z.writeUInt32LE(0xffffffff, z.length - 22 + 16);
        return z;
      },
      /ZIP64/,
    ],
    [
      'deflated data damaged in the middle',
      () => {
        const z = good();
        for (let i = 200; i < 260; i++) z[i] = 0xff;
        return z;
      },
      /a\.txt (is damaged or cut short|holds more|ends after|fails its CRC-32)/,
    ],
    [
      'a directory that says an entry is longer than its data',
      () => {
        const z = zipArchive([{ name: 'a.txt', data: 'abc', method: 0 }]);
        const cd = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        z.writeUInt32LE(4, cd + 24); // uncompressed size 4, data 3 bytes
        return z;
      },
      /a\.txt ends after 3 of its 4 bytes/,
    ],
  ])('%s', async (_name, make, message) => {
    const made = make();
    const blob = made instanceof Blob ? made : blobOf(made);
    const error = await readAll(blob).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZipError);
    expect((error as Error).message).toMatch(message);
  });
});
