/**
 * Reads CMS's own files into tables the engine can use: the practitioner PTP
 * parts (ccipra-v323r0-f1.txt … f4.txt, or their ZIPs), the practitioner MUE
 * CSV, and the yearly ICD-10-CM codes file (icd10cm-codes-2027.txt, or the ZIP
 * it comes in). Streaming: files are read a chunk at a time, and between
 * chunks `pause()` gives the thread back (the options page runs this in a Web
 * Worker; without one, on its own thread with pauses).
 *
 * On any problem it throws, naming the file and the line, and returns
 * nothing partial: what is in use stays as it was. Needs only Blob,
 * TextDecoder and DecompressionStream (browser, worker, or Node 20).
 */
import {
  isPtpFileName,
  MueCsvParser,
  NcciFormatError,
  packMue,
  parsePtpFileName,
  PtpImport,
} from '../../rules/ncci/index';
import { createIcdCodeSet, encodeIcdTable, fiscalYearRange, IcdTableError } from '../../rules/icd10cm/index';
import { formatBytes, formatLimit, looksLikeZip, readZipDirectory, readZipEntry, zipEntryBlob, ZipError } from '../zip';
import { LineSplitter, lineTooLong } from '../../rules/text-lines';
import { TABLE_LIMITS } from './limits';
import { icdTableId, type ImportedTable, type TableKind } from './types';

export class TableImportError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'TableImportError';
  }
}

export interface ImportProgress {
  /** The file being read. */
  file: string;
  /** Bytes read of all files, and their total (uncompressed). */
  done: number;
  total: number;
  /** Rows accepted so far. */
  rows: number;
}

export interface ImportOptions {
  onProgress?(p: ImportProgress): void;
  /** Called between chunks; gives the thread back (default: when 10 ms have passed since the last time). */
  pause?: () => Promise<void>;
  /** The import's time (default: now). */
  now?(): Date;
}

/** A file to read: a File from an <input>, or any Blob with a name. */
export interface NamedBlob extends Blob {
  readonly name: string;
}

interface Source {
  name: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** Gives the thread back when it has been busy for a while: the page (or the worker's messages) stay responsive. */
function defaultPause(sliceMs = 10): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    await (scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0)));
    last = performance.now();
  };
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = (blob.stream() as ReadableStream<Uint8Array>).getReader();
  let finished = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) void reader.cancel().catch(() => {});
  }
}

/**
 * The files to read: plain files as they are, ZIPs (and ZIPs inside them)
 * opened into their entries. Everything is measured against TABLE_LIMITS from
 * the sizes files and ZIP directories declare, before a byte is inflated (a
 * ZIP entry is then held to its declared size): a nested ZIP counts once as
 * itself, held in memory, and once for what it holds.
 */
async function sourcesOf(files: readonly NamedBlob[], depth = 0, budget = { bytes: 0 }): Promise<Source[]> {
  const out: Source[] = [];
  const spend = (bytes: number, label: string) => {
    budget.bytes += bytes;
    if (budget.bytes > TABLE_LIMITS.totalBytes) {
      throw new TableImportError(
        `${label}: the files given hold ${formatBytes(budget.bytes)} uncompressed: over the limit of ${formatLimit(TABLE_LIMITS.totalBytes)} for one import`,
        label,
      );
    }
  };
  for (const file of files) {
    const zipped = /\.zip$/i.test(file.name) || (await looksLikeZip(file));
    if (!zipped) {
      spend(file.size, file.name);
      out.push({ name: file.name, size: file.size, chunks: () => blobChunks(file) });
      continue;
    }
    const label = file.name;
    const entries = await readZipDirectory(file, label, TABLE_LIMITS);
    spend(
      entries.reduce((n, e) => n + e.size, 0),
      label,
    );
    for (const entry of entries) {
      const name = baseName(entry.name);
      if (/\.zip$/i.test(name)) {
        if (depth >= 1) continue;
        const inner = await zipEntryBlob(file, entry, label);
        out.push(...(await sourcesOf([Object.assign(inner, { name })], depth + 1, budget)));
        continue;
      }
      out.push({ name, size: entry.size, chunks: () => readZipEntry(file, entry, label) });
    }
  }
  return out;
}

const DECODE_SLICE = 1 << 20;

/** Feeds each source's text to `push`, chunk by chunk, with progress and pauses. */
async function feed(
  sources: readonly Source[],
  open: (source: Source) => { push(text: string): void; end(): void; rows(): number },
  options: ImportOptions,
): Promise<void> {
  const pause = options.pause ?? defaultPause();
  const total = sources.reduce((n, s) => n + s.size, 0);
  let done = 0;
  for (const source of sources) {
    const sink = open(source);
    // CMS's files are Windows-1252 (the AMA notice has a ®); every field read is ASCII.
    const decoder = new TextDecoder('windows-1252');
    for await (const chunk of source.chunks()) {
      // A stream may hand over a whole file as one chunk (Node's Blob does): decode it a slice at a time, so a bad line is met early.
      for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
        const slice = chunk.length > DECODE_SLICE ? chunk.subarray(at, at + DECODE_SLICE) : chunk;
        sink.push(decoder.decode(slice, { stream: true }));
        done += slice.length;
        options.onProgress?.({ file: source.name, done, total, rows: sink.rows() });
        await pause();
      }
    }
    const rest = decoder.decode();
    if (rest) sink.push(rest);
    sink.end();
    options.onProgress?.({ file: source.name, done, total, rows: sink.rows() });
  }
}

/** Turns what the parsers and the ZIP reader throw into one error type; anything else is a bug and stays as it is. */
function explain(e: unknown): never {
  if (e instanceof TableImportError) throw e;
  if (e instanceof NcciFormatError) throw new TableImportError(e.message, e.file, e.line ?? undefined);
  if (e instanceof ZipError) throw new TableImportError(e.message);
  throw e;
}

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'no files');
const stamp = (options: ImportOptions) => (options.now ? options.now() : new Date()).toISOString();

// ── PTP ─────────────────────────────────────────────────────────────────────

/** The practitioner PTP parts of one release (four .txt files, their ZIPs, or one ZIP of them all). */
export async function importPtp(files: readonly NamedBlob[], options: ImportOptions = {}): Promise<ImportedTable> {
  try {
    const sources = await sourcesOf(files);
    const parts = sources
      .filter((s) => isPtpFileName(s.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ignored = sources.filter((s) => !parts.includes(s)).map((s) => s.name);
    if (parts.length === 0) {
      throw new TableImportError(
        `No practitioner PTP file among ${list(sources.map((s) => s.name))}: CMS names the four parts ccipra-v323r0-f1.txt to ccipra-v323r0-f4.txt (give them, or the ZIP they come in).`,
      );
    }
    const bytes = parts.reduce((n, s) => n + s.size, 0);
    // A size hint: CMS's rows are 60–90 bytes and some pairs are listed twice. Guessing low costs a rehash; high, a hash table twice the size for good.
    const ptp = new PtpImport({ expectedRows: Math.max(1024, Math.ceil(bytes / 100)) });
    await feed(
      parts,
      (source) => {
        const parser = ptp.file(source.name);
        return { push: (t) => parser.push(t), end: () => parser.end(), rows: () => parser.rows };
      },
      options,
    );
    const table = ptp.finish();
    const name = parsePtpFileName(parts[0]!.name);
    return {
      info: {
        id: 'ptp',
        kind: 'ptp',
        label: table.name,
        ...(name ? { period: `${name.quarter.year} Q${name.quarter.quarter}` } : {}),
        reference: table.reference,
        ...(table.asOf ? { from: table.asOf } : {}),
        rows: table.pairs,
        unit: 'pairs',
        files: parts.map((s) => s.name),
        importedAt: stamp(options),
      },
      payload: { id: 'ptp', ptp: table.toStored() },
      ignored,
    };
  } catch (e) {
    explain(e);
  }
}

// ── MUE ─────────────────────────────────────────────────────────────────────

const OTHER_MUE = /(outpatient|hospital|dme|facility|supplier)/i;

/** The practitioner MUE table: CMS's CSV (MCR_MUE_PractitionerServices_Eff_10-01-2026.csv), or its ZIP. */
export async function importMue(files: readonly NamedBlob[], options: ImportOptions = {}): Promise<ImportedTable> {
  try {
    const sources = await sourcesOf(files);
    const csv = sources.filter((s) => /\.csv$/i.test(s.name));
    const practitioner = csv.filter((s) => !OTHER_MUE.test(s.name));
    if (practitioner.length === 0) {
      const other = csv.find((s) => OTHER_MUE.test(s.name));
      throw new TableImportError(
        other
          ? `${other.name} is not the practitioner services MUE table: give MCR_MUE_PractitionerServices_Eff_…csv.`
          : `No MUE table (a .csv file) among ${list(sources.map((s) => s.name))}: CMS names it MCR_MUE_PractitionerServices_Eff_10-01-2026.csv.`,
      );
    }
    if (practitioner.length > 1)
      throw new TableImportError(`Two MUE tables given (${list(practitioner.map((s) => s.name))}): give one.`);
    const source = practitioner[0]!;
    const parser = new MueCsvParser(source.name);
    await feed(
      [source],
      () => ({ push: (t) => parser.push(t), end: () => parser.end(), rows: () => parser.progress.rows }),
      options,
    );
    const table = parser.finish();
    const label = { name: table.name, reference: table.reference, ...(table.asOf ? { asOf: table.asOf } : {}) };
    const period = /^NCCI MUE (\d{4} Q\d)$/.exec(table.name)?.[1];
    return {
      info: {
        id: 'mue',
        kind: 'mue',
        label: table.name,
        ...(period ? { period } : {}),
        reference: table.reference,
        ...(table.asOf ? { from: table.asOf } : {}),
        rows: table.size,
        unit: 'codes',
        files: [source.name],
        importedAt: stamp(options),
      },
      payload: { id: 'mue', mue: packMue(label, [...table.entries()]) },
      ignored: sources.filter((s) => s !== source).map((s) => s.name),
    };
  } catch (e) {
    explain(e);
  }
}

// ── ICD-10-CM ───────────────────────────────────────────────────────────────

/** The fiscal year a CMS/NCHS file name carries: icd10cm-codes-2027.txt, icd10cm_codes_2027.txt → 2027. */
export function fiscalYearOfFileName(name: string): number | undefined {
  const years = [...baseName(name).matchAll(/(?:^|[^0-9])(20\d\d)(?![0-9])/g)].map((m) => Number(m[1]));
  const year = years[years.length - 1];
  return year !== undefined && year >= 2016 && year <= 2099 ? year : undefined;
}

const CODE_SHAPE = /^[A-Z][0-9A-Z]{2,6}$/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The codes file, line by line: `CODE<spaces or TAB>DESCRIPTION`, code dotless
 * (a dot is tolerated). Every line must be one code with its description; a
 * code twice, a header listed as billable beside its codes, or a file that
 * stops before the last chapters is rejected naming the line.
 */
export class IcdCodeFileParser {
  readonly codes: string[] = [];
  readonly #lineOf = new Map<string, number>();
  readonly #lines = new LineSplitter(
    (text, line) => this.#read(text, line, false),
    (line) => this.#fail(line, lineTooLong()),
  );

  constructor(
    readonly file: string,
    readonly fiscalYear: number,
  ) {}

  get rows(): number {
    return this.codes.length;
  }

  push(chunk: string): void {
    this.#lines.push(chunk);
  }

  end(): void {
    const last = this.#lines.end();
    if (last) this.#read(last.text, last.line, true);
    const lines = this.#lines.lines;
    if (this.codes.length === 0)
      this.#fail(lines || undefined, 'no codes: not an ICD-10-CM codes file (one code a line, then its description)');
    const seen = new Set(this.codes.map((c) => c[0]));
    // Every chapter's first letter; U (special purposes) exists from FY2021. NCHS lists U last or near it: a cut file misses some.
    const missing = [...LETTERS].filter((l) => !seen.has(l) && (l !== 'U' || this.fiscalYear >= 2021));
    if (missing.length > 0) {
      this.#fail(
        lines,
        `the file ends here with no codes starting ${missing.join(', ')}: truncated, or not the complete codes file`,
      );
    }
    // A billable code never has billable codes below it (L57 and L57.0): the first longer one sorts right after it.
    const sorted = [...this.codes].sort();
    for (let i = 0; i + 1 < sorted.length; i++) {
      if (sorted[i + 1]!.startsWith(sorted[i]!)) {
        const header = sorted[i]!;
        this.#fail(
          this.#lineOf.get(header),
          `${header} is listed as a code, and so is ${sorted[i + 1]} below it (line ${this.#lineOf.get(sorted[i + 1]!)}): not a list of billable codes`,
        );
      }
    }
  }

  #read(text: string, line: number, last: boolean): void {
    if (text.trim() === '') return;
    const m = /^\s*(\S+)(?:[ \t]+(\S.*))?$/.exec(text);
    const cut = last ? ' (the file ends inside this line: truncated?)' : '';
    const field = m?.[1] ?? text.trim();
    const code = field.replace(/\./g, '').toUpperCase();
    if (!CODE_SHAPE.test(code))
      this.#fail(
        line,
        `${JSON.stringify(field.slice(0, 40))} is not an ICD-10-CM code (expected a code, spaces or a tab, then its description)${cut}`,
      );
    if (!m?.[2])
      this.#fail(
        line,
        `${field} has no description after it${cut || ' (expected a code, spaces or a tab, then its description)'}`,
      );
    const before = this.#lineOf.get(code);
    if (before !== undefined) this.#fail(line, `${field} is listed twice (also on line ${before})`);
    this.#lineOf.set(code, line);
    this.codes.push(code);
  }

  #fail(line: number | undefined, problem: string): never {
    throw new TableImportError(`${this.file}${line ? `: line ${line}` : ''}: ${problem}`, this.file, line);
  }
}

/** The yearly ICD-10-CM codes file (icd10cm-codes-2027.txt), or the ZIP CMS/NCHS ship it in. */
export async function importIcd(files: readonly NamedBlob[], options: ImportOptions = {}): Promise<ImportedTable> {
  try {
    const sources = await sourcesOf(files);
    const text = sources.filter((s) => /\.txt$/i.test(s.name));
    const named = text.filter((s) => /icd-?10-?cm[-_ ]?codes[-_ ]?(april[-_ ]?)?\d{4}\.txt$/i.test(s.name));
    const candidates = named.length > 0 ? named : text;
    if (candidates.length === 0) {
      throw new TableImportError(
        `No ICD-10-CM codes file (a .txt file) among ${list(sources.map((s) => s.name))}: CMS names it icd10cm-codes-2027.txt (or icd10cm_codes_2027.txt).`,
      );
    }
    if (candidates.length > 1)
      throw new TableImportError(
        `Several ICD-10-CM code files given (${list(candidates.map((s) => s.name))}): give one year's codes file.`,
      );
    const source = candidates[0]!;
    const fiscalYear = fiscalYearOfFileName(source.name);
    if (fiscalYear === undefined) {
      throw new TableImportError(
        `${source.name}: the file name does not say its fiscal year; CMS names it icd10cm-codes-2027.txt (FY2027, in force from 2026-10-01). Rename it so.`,
        source.name,
      );
    }
    const parser = new IcdCodeFileParser(source.name, fiscalYear);
    await feed(
      [source],
      () => ({ push: (t) => parser.push(t), end: () => parser.end(), rows: () => parser.rows }),
      options,
    );
    let data: string;
    try {
      data = encodeIcdTable(parser.codes);
    } catch (e) {
      if (e instanceof IcdTableError) throw new TableImportError(`${source.name}: ${e.message}`, source.name);
      throw e;
    }
    // An April update (icd10cm-codes-April-2027.txt) is in force from 1 April to the end of its fiscal year, over the October set.
    const april = /april/i.test(source.name);
    const name = `ICD-10-CM FY${fiscalYear}${april ? ' (April update)' : ''}`;
    createIcdCodeSet(name, data).status('A000'); // decodes: a table that does not read back is not stored
    const year = fiscalYearRange(fiscalYear);
    const from = april ? `${fiscalYear}-04-01` : year.from;
    const to = year.to;
    const id = `${icdTableId(fiscalYear)}${april ? '-april' : ''}`;
    return {
      info: {
        id,
        kind: 'icd10cm',
        label: name,
        period: `FY${fiscalYear}${april ? ' April' : ''}`,
        reference: `${name} code set (CMS/NCHS), in force ${from} to ${to}`,
        from,
        to,
        rows: parser.codes.length,
        unit: 'codes',
        files: [source.name],
        importedAt: stamp(options),
      },
      payload: { id, icd: data },
      ignored: sources.filter((s) => s !== source).map((s) => s.name),
    };
  } catch (e) {
    explain(e);
  }
}

const IMPORTERS: Record<TableKind, (files: readonly NamedBlob[], options?: ImportOptions) => Promise<ImportedTable>> = {
  ptp: importPtp,
  mue: importMue,
  icd10cm: importIcd,
};

/**
 * Reads the files, then stores the table: nothing is written unless the whole
 * import succeeded, and the store writes info and table in one transaction.
 */
export async function importAndStore(
  kind: TableKind,
  files: readonly NamedBlob[],
  store: { put(info: ImportedTable['info'], payload: ImportedTable['payload']): Promise<void> },
  options: ImportOptions = {},
): Promise<ImportedTable> {
  const importer = IMPORTERS[kind];
  if (!importer) throw new TableImportError(`unknown table kind ${String(kind)}`);
  const result = await importer(files, options);
  await store.put(result.info, result.payload);
  return result;
}
