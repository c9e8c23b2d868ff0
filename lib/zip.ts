/**
 * A minimal ZIP reader for CMS's downloads (the practitioner PTP parts, the
 * ICD-10-CM code files): the central directory, then each entry streamed and
 * inflated with the platform's DecompressionStream('deflate-raw'), its CRC-32
 * and size checked at the end. Stored (0) and deflated (8) entries; no ZIP64,
 * no encryption, no multi-disk archives (each is refused with a message).
 *
 * Works on a Blob (a File from an <input type=file>): only the directory and
 * the entries being read are loaded, a slice at a time. Runs in the browser
 * and in Node 20 (Blob, DecompressionStream and ReadableStream are global).
 */

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The path inside the archive ('folder/ccipra-v323r0-f1.txt'). */
  readonly name: string;
  /** 0: stored, 8: deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** Uncompressed bytes. */
  readonly size: number;
  readonly crc32: number;
  /** Offset of the entry's local header. */
  readonly offset: number;
}

/**
 * What an archive may hold, judged from its directory before a byte is
 * inflated (each entry is then held to its declared size and CRC-32). CMS's
 * largest download, the practitioner PTP release, is ~250 MB of text that
 * deflates about 12 times; a ZIP bomb expands up to 1,032 times per layer.
 */
export interface ZipLimits {
  /** Uncompressed bytes of one entry, and of all entries together. */
  readonly totalBytes: number;
  /** Uncompressed bytes of a ZIP inside the ZIP (it is held in memory to be opened). */
  readonly nestedArchiveBytes: number;
  /** Uncompressed / compressed, for entries of at least `ratioFromBytes`. */
  readonly ratio: number;
  readonly ratioFromBytes: number;
}

const MB = 1048576;
const GB = 1024 * MB;

export const ZIP_LIMITS: ZipLimits = { totalBytes: GB, nestedArchiveBytes: 256 * MB, ratio: 100, ratioFromBytes: MB };

/** 4.0 GB, 300.0 MB, 50.6 KB: a size in a message. */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** 1 GB, 256 MB: a limit in a message. */
export function formatLimit(bytes: number): string {
  return bytes >= GB && bytes % GB === 0 ? `${bytes / GB} GB` : `${Math.round(bytes / MB)} MB`;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

async function bytesOf(blob: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

/** The file starts like a ZIP archive (a local header, or an empty archive's end record). */
export async function looksLikeZip(blob: Blob): Promise<boolean> {
  if (blob.size < 4) return false;
  const sig = (await bytesOf(blob, 0, 4)).getUint32(0, true);
  return sig === LOCAL || sig === EOCD;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  // Names without the UTF-8 flag are CP437; CMS's are ASCII, and latin1 keeps any other byte visible.
  return new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(bytes);
}

/**
 * The archive's file entries (folders left out), in directory order. `label`
 * names the archive in errors. An archive over `limits` (an entry too large,
 * compressed too well, a nested ZIP too large, or entries too large together,
 * overlapping ones included) is refused here, before anything is inflated.
 */
export async function readZipDirectory(
  blob: Blob,
  label = 'the ZIP file',
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipEntry[]> {
  if (blob.size < EOCD_SIZE) throw new ZipError(`${label} is not a ZIP archive (too short: ${blob.size} bytes)`);
  const tailStart = Math.max(0, blob.size - EOCD_SIZE - MAX_COMMENT);
  const tail = await bytesOf(blob, tailStart, blob.size);
  let eocd = -1;
  for (let i = tail.byteLength - EOCD_SIZE; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD && i + EOCD_SIZE + tail.getUint16(i + 20, true) <= tail.byteLength) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError(`${label} is not a ZIP archive, or it is truncated (no end-of-directory record)`);
  const disk = tail.getUint16(eocd + 4, true);
  const cdDisk = tail.getUint16(eocd + 6, true);
  const count = tail.getUint16(eocd + 10, true);
  const cdSize = tail.getUint32(eocd + 12, true);
  const cdOffset = tail.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0)
    throw new ZipError(`${label} is one part of a multi-part archive: give a single ZIP file`);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ZipError(`${label} is a ZIP64 archive, which dermlint cannot read: unzip it and give the files inside`);
  const eocdAt = tailStart + eocd;
  if (cdOffset + cdSize > eocdAt)
    throw new ZipError(`${label} is damaged or truncated (its directory lies beyond the end of the file)`);
  const cd = await bytesOf(blob, cdOffset, cdOffset + cdSize);
  const entries: ZipEntry[] = [];
  let declared = 0;
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CENTRAL)
      throw new ZipError(`${label} is damaged: directory entry ${k + 1} of ${count} is unreadable`);
    const flags = cd.getUint16(p + 8, true);
    const method = cd.getUint16(p + 10, true);
    const crc32 = cd.getUint32(p + 16, true);
    const compressedSize = cd.getUint32(p + 20, true);
    const size = cd.getUint32(p + 24, true);
    const nameLength = cd.getUint16(p + 28, true);
    const extraLength = cd.getUint16(p + 30, true);
    const commentLength = cd.getUint16(p + 32, true);
    const offset = cd.getUint32(p + 42, true);
    if (p + 46 + nameLength > cd.byteLength)
      throw new ZipError(`${label} is damaged: directory entry ${k + 1} of ${count} is cut short`);
    const name = decodeName(new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLength), (flags & 0x800) !== 0);
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`${label}: ${name} is encrypted`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff)
      throw new ZipError(
        `${label}: ${name} is a ZIP64 entry, which dermlint cannot read: unzip the archive and give the files inside`,
      );
    if (method !== 0 && method !== 8)
      throw new ZipError(
        `${label}: ${name} is compressed with method ${method}; only stored and deflated entries can be read`,
      );
    if (offset + compressedSize > cdOffset)
      throw new ZipError(`${label}: ${name} lies beyond the end of the file (damaged or truncated archive)`);
    refuseOverLimits(label, name, size, compressedSize, limits);
    declared += size;
    entries.push({ name, method, compressedSize, size, crc32, offset });
  }
  // Entries may overlap (one body listed many times): what counts is what they declare.
  if (declared > limits.totalBytes)
    throw new ZipError(
      `${label}: its entries declare ${formatBytes(declared)} uncompressed in all: over the limit of ${formatLimit(limits.totalBytes)} for one import`,
    );
  return entries;
}

function refuseOverLimits(label: string, name: string, size: number, compressedSize: number, limits: ZipLimits): void {
  if (size > limits.totalBytes)
    throw new ZipError(
      `${label}: ${name} declares ${formatBytes(size)} uncompressed: over the limit of ${formatLimit(limits.totalBytes)} for one import`,
    );
  if (/\.zip$/i.test(name) && size > limits.nestedArchiveBytes) {
    throw new ZipError(
      `${label}: ${name} is a ZIP of ${formatBytes(size)} inside the ZIP: over the limit of ${formatLimit(limits.nestedArchiveBytes)} for a nested archive`,
    );
  }
  if (size >= limits.ratioFromBytes && size > compressedSize * limits.ratio) {
    const times =
      compressedSize > 0 ? `${Math.round(size / compressedSize).toLocaleString('en-US')} times` : 'without bound';
    throw new ZipError(
      `${label}: ${name} would expand ${times} (${formatBytes(size)} from ${formatBytes(compressedSize)}): over the limit of ${limits.ratio} times for a table file (a ZIP bomb?)`,
    );
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the ZIP one), continued from `crc` (start with 0). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * The entry's bytes, inflated, chunk by chunk. Throws ZipError when the data
 * is damaged or cut short: a bad header, a deflate stream that does not end,
 * or a size or CRC-32 other than the directory says.
 */
export async function* readZipEntry(blob: Blob, entry: ZipEntry, label = 'the ZIP file'): AsyncGenerator<Uint8Array> {
  const header = await bytesOf(blob, entry.offset, entry.offset + 30);
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL)
    throw new ZipError(`${label}: ${entry.name}: damaged entry header`);
  const start = entry.offset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > blob.size) throw new ZipError(`${label}: ${entry.name} is cut short (truncated archive)`);
  let stream: ReadableStream<Uint8Array> = blob.slice(start, end).stream();
  if (entry.method === 8)
    stream = stream.pipeThrough(
      new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  const reader = stream.getReader();
  let crc = 0;
  let size = 0;
  let finished = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (e) {
        throw new ZipError(
          `${label}: ${entry.name} is damaged or cut short (${(e as Error).message || 'bad compressed data'})`,
        );
      }
      if (next.done) {
        finished = true;
        break;
      }
      const chunk = next.value;
      size += chunk.length;
      if (size > entry.size)
        throw new ZipError(
          `${label}: ${entry.name} holds more than the ${entry.size} bytes its directory entry says (damaged archive)`,
        );
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } finally {
    // Abandoned early (an error, or the reader stopped): let the streams go.
    if (!finished) void reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  if (size !== entry.size)
    throw new ZipError(
      `${label}: ${entry.name} ends after ${size} of its ${entry.size} bytes (damaged or truncated archive)`,
    );
  if (crc !== entry.crc32) throw new ZipError(`${label}: ${entry.name} fails its CRC-32 check (damaged archive)`);
}

/** The whole entry as a Blob (a ZIP inside a ZIP: CMS ships each PTP part zipped, and the four zips zipped again). */
export async function zipEntryBlob(blob: Blob, entry: ZipEntry, label?: string): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const chunk of readZipEntry(blob, entry, label)) parts.push(chunk);
  return new Blob(parts as BlobPart[]);
}
