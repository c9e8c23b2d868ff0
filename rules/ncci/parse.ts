/**
 * Streaming parsers for CMS's own NCCI files, fed text chunk by chunk (the
 * command line reads files with node:fs, the options page will read File
 * streams): no Node or browser API here.
 *
 * Practitioner PTP, `ccipra-vNNNrN-f1.txt` … `-f4.txt` (four parts of one
 * release), tab-separated text: a few preamble lines (the AMA notice,
 * "Column1/Column2 Edits"), a header row starting "Column 1<TAB>Column 2"
 * whose labels wrap onto the next lines (rows with an empty first cell), then
 * one edit per line: Column 1, Column 2, "*" when in existence before 1996,
 * Effective Date (YYYYMMDD), Deletion Date (YYYYMMDD, or * = none), Modifier
 * indicator (0, 1, 9), PTP Edit Rationale.
 *
 * Practitioner MUE, `MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv`: a
 * quoted AMA notice spanning several lines, a header
 * "HCPCS/<newline>CPT Code","Practitioner Services MUE Values","MUE Adjudication
 * Indicator","MUE Rationale" (columns found by name), then one row per code;
 * the indicator cell reads "2 Date of Service Edit: Policy".
 *
 * A row that does not fit is an error naming the file and the line; nothing
 * is skipped silently. A file cut at a row boundary cannot be told from a
 * whole one, but a file cut inside a row, one that ends before its header or
 * its first row, and a release with a part missing are all rejected.
 */
import { codeIndex } from './code-index';
import { LineSplitter, lineTooLong, MAX_LINE_CHARS } from '../text-lines';
import { mueLabel, parseMueFileName, parsePtpFileName, ptpLabel, type PtpFileName } from './labels';
import { MueTable } from './mue-table';
import { PtpTableBuilder, type PtpTable } from './ptp-table';
import type { MueAdjudicationIndicator, MueEntry } from './types';

export class NcciFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line === null ? '' : `: line ${line}`}: ${problem}`);
    this.name = 'NcciFormatError';
  }
}

export interface ParseProgress {
  file: string;
  /** Physical lines read so far. */
  lines: number;
  /** Edit or code rows accepted so far. */
  rows: number;
}

const HEADER_SEARCH_LINES = 30;
const CODE = /^[0-9A-Z]{5}$/;

/** YYYYMMDD → the number, or -1 when it is not a calendar-plausible date. */
function yyyymmdd(text: string): number {
  if (text.length !== 8) return -1;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  const year = Math.floor(n / 10_000);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1980 && year <= 2200 ? n : -1;
}

const show = (cell: string | undefined) => JSON.stringify(cell ?? '');

/** Splits chunks into lines (LF or CRLF), numbering them from 1, in one pass and with a limit on a line's length. */
abstract class LineParser {
  readonly #splitter: LineSplitter;
  #ended = false;
  rows = 0;

  constructor(readonly file: string) {
    this.#splitter = new LineSplitter(
      (text, line) => this.onLine(text, line),
      (line) => this.fail(line, lineTooLong()),
    );
  }

  get progress(): ParseProgress {
    return { file: this.file, lines: this.#splitter.lines, rows: this.rows };
  }

  push(chunk: string): void {
    if (this.#ended) throw new Error(`${this.file}: push after end`);
    this.#splitter.push(chunk);
  }

  /** The input is complete: checks what a whole file must have. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    const last = this.#splitter.end();
    if (last) this.onLine(last.text, last.line);
    this.onEnd(this.#splitter.lines);
  }

  protected fail(line: number | null, problem: string): never {
    throw new NcciFormatError(this.file, line, problem);
  }

  protected abstract onLine(text: string, line: number): void;
  protected abstract onEnd(lines: number): void;
}

// ── PTP ─────────────────────────────────────────────────────────────────────

/** One part of a practitioner PTP release; made by PtpImport.file(). */
export class PtpFileParser extends LineParser {
  #state: 'preamble' | 'legend' | 'data' = 'preamble';
  readonly #cells: string[] = [];
  /** Rows with modifier indicator 9 ("no edit"): read, not kept. */
  notApplicable = 0;

  constructor(
    file: string,
    private readonly builder: PtpTableBuilder,
  ) {
    super(file);
  }

  protected onLine(text: string, line: number): void {
    if (this.#state === 'data') {
      if (text.trim() !== '') this.#row(text, line);
      return;
    }
    if (text.trim() === '') return;
    const cells = text.split('\t');
    const first = cells[0]!.trim();
    if (this.#state === 'preamble') {
      if (/^column\s*1$/i.test(first) && /^column\s*2$/i.test((cells[1] ?? '').trim())) {
        this.#state = 'legend';
        return;
      }
      if (CODE.test(first) && cells.length >= 6)
        this.fail(line, "an edit row before the 'Column 1 / Column 2' header: not CMS's practitioner PTP layout");
      if (line >= HEADER_SEARCH_LINES)
        this.fail(line, "no 'Column 1 / Column 2' header in the first lines: not a CMS practitioner PTP file");
      return;
    }
    // The header's labels wrap onto rows whose first cell is empty.
    if (first === '') return;
    this.#state = 'data';
    this.#row(text, line);
  }

  #row(text: string, line: number): void {
    // The hot loop of a 2-million-row import: cut the seven cells by hand.
    const cells = this.#cells;
    let from = 0;
    let n = 0;
    for (; n < 7; n++) {
      const tab = text.indexOf('\t', from);
      if (tab < 0 || n === 6) {
        cells[n++] = text.slice(from);
        break;
      }
      cells[n] = text.slice(from, tab);
      from = tab + 1;
    }
    if (n < 6) {
      this.fail(
        line,
        `expected 7 tab-separated columns (Column 1, Column 2, pre-1996 flag, Effective Date, Deletion Date, Modifier, PTP Edit Rationale), found ${n}`,
      );
    }
    const column1 = cells[0]!.trim();
    const column2 = cells[1]!.trim();
    const c1 = CODE.test(column1) ? codeIndex(column1) : -1;
    if (c1 < 0) this.fail(line, `Column 1 ${show(column1)} is not a HCPCS/CPT code`);
    const c2 = CODE.test(column2) ? codeIndex(column2) : -1;
    if (c2 < 0) this.fail(line, `Column 2 ${show(column2)} is not a HCPCS/CPT code`);
    const before1996 = cells[2]!;
    if (before1996 !== '' && before1996 !== '*' && before1996.trim() !== '' && before1996.trim() !== '*')
      this.fail(line, `the pre-1996 column holds ${show(before1996)}, expected * or nothing`);
    const effectiveText = cells[3]!.trim();
    const effective = yyyymmdd(effectiveText);
    if (effective < 0) this.fail(line, `Effective Date ${show(effectiveText)} is not a date YYYYMMDD`);
    const deletionText = cells[4]!.trim();
    const deletion = deletionText === '*' || deletionText === '' ? 0 : yyyymmdd(deletionText);
    if (deletion < 0) this.fail(line, `Deletion Date ${show(deletionText)} is neither a date YYYYMMDD nor *`);
    const modifierText = cells[5]!.trim();
    if (modifierText !== '0' && modifierText !== '1' && modifierText !== '9')
      this.fail(line, `Modifier ${show(modifierText)} is not 0, 1 or 9`);
    this.rows++;
    if (modifierText === '9') {
      this.notApplicable++; // "not applicable": no edit, same as no row
      return;
    }
    this.builder.add(c1, c2, modifierText === '0' ? 0 : 1, effective, deletion, n > 6 ? cells[6]!.trim() : '');
  }

  protected onEnd(lines: number): void {
    if (this.#state === 'preamble')
      this.fail(lines || null, "ends before the 'Column 1 / Column 2' header (empty or truncated file)");
    if (this.rows === 0) this.fail(lines, 'no edit rows after the header (truncated file?)');
  }
}

export interface PtpImportOptions {
  /** Demand parts f1–f4 of one release when the files carry CMS's names (default true). */
  requireAllParts?: boolean;
  /** A size hint: rows expected in all parts together. */
  expectedRows?: number;
}

/**
 * Reads the parts of one practitioner PTP release into a new PtpTable. The
 * tables in use are never touched: on any error the caller keeps them.
 */
export class PtpImport {
  readonly #builder: PtpTableBuilder;
  readonly #files: { parser: PtpFileParser; name?: PtpFileName }[] = [];
  readonly #requireAllParts: boolean;

  constructor(options: PtpImportOptions = {}) {
    this.#builder = new PtpTableBuilder(options.expectedRows ?? 1 << 16);
    this.#requireAllParts = options.requireAllParts ?? true;
  }

  /** A parser for one file; its name decides the release and the part. */
  file(fileName: string): PtpFileParser {
    const name = parsePtpFileName(fileName);
    if (name) {
      for (const other of this.#files) {
        if (!other.name) continue;
        if (other.name.version !== name.version || other.name.revision !== name.revision) {
          throw new NcciFormatError(
            fileName,
            null,
            `is version ${name.version} revision ${name.revision}, but ${other.parser.file} is version ${other.name.version} revision ${other.name.revision}: give the four parts of one release`,
          );
        }
        if (other.name.part === name.part)
          throw new NcciFormatError(fileName, null, `part f${name.part} given twice (also ${other.parser.file})`);
      }
    }
    const parser = new PtpFileParser(fileName, this.#builder);
    this.#files.push(name ? { parser, name } : { parser });
    return parser;
  }

  get progress(): ParseProgress[] {
    return this.#files.map((f) => f.parser.progress);
  }

  /** The table, once every file has ended. */
  finish(): PtpTable {
    if (this.#files.length === 0) throw new NcciFormatError('PTP', null, 'no files');
    for (const f of this.#files) f.parser.end();
    const names = this.#files.map((f) => f.name);
    const all = names.every((n): n is PtpFileName => n !== undefined);
    if (all && this.#requireAllParts) {
      const parts = new Set(names.map((n) => n.part));
      const missing = [1, 2, 3, 4].filter((p) => !parts.has(p));
      if (missing.length > 0) {
        const example = this.#files[0]!.parser.file;
        throw new NcciFormatError(
          example,
          null,
          `part${missing.length > 1 ? 's' : ''} ${missing.map((p) => `f${p}`).join(', ')} of this release missing: CMS ships the practitioner PTP table in four files, f1 to f4`,
        );
      }
    }
    const first = all ? names[0] : undefined;
    return this.#builder.build(ptpLabel(first?.quarter, first?.version));
  }
}

// ── MUE ─────────────────────────────────────────────────────────────────────

const normalizeHeader = (cell: string) => cell.toLowerCase().replace(/\s+/g, '');

/**
 * The practitioner MUE CSV (RFC 4180: quoted cells may hold commas, quotes
 * and line breaks), fed in chunks; finish() gives the table.
 */
export class MueCsvParser {
  readonly file: string;
  #state: 'preamble' | 'data' = 'preamble';
  #columns = { code: -1, mue: -1, mai: -1, rationale: -1 };
  #records = 0;
  readonly #entries = new Map<string, { entry: MueEntry; line: number }>();
  // CSV scanner
  #cell = '';
  /** The cell so far is empty or white space: a quote there opens a quoted cell. */
  #cellBlank = true;
  /** Characters since the record began (quoted line breaks included): bounded like a line. */
  #recordChars = 0;
  #cells: string[] = [];
  #quoted = false;
  #afterQuote = false;
  #line = 1;
  #recordLine = 1;
  #cellLine = 1;
  #recordStarted = false;
  #ended = false;

  constructor(file: string) {
    this.file = file;
  }

  get progress(): ParseProgress {
    return { file: this.file, lines: this.#line, rows: this.#entries.size };
  }

  push(chunk: string): void {
    if (this.#ended) throw new Error(`${this.file}: push after end`);
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (++this.#recordChars > MAX_LINE_CHARS) {
        this.#fail(
          this.#recordStarted ? this.#recordLine : this.#line,
          `a record longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters, the limit for one line of a CMS table file (not a CMS file?)`,
        );
      }
      if (this.#quoted) {
        if (ch === '"') {
          this.#quoted = false;
          this.#afterQuote = true;
        } else {
          if (ch === '\n') this.#line++;
          this.#append(ch);
        }
        continue;
      }
      if (this.#afterQuote && ch === '"') {
        // "" inside a quoted cell
        this.#quoted = true;
        this.#afterQuote = false;
        this.#append('"');
        continue;
      }
      this.#afterQuote = false;
      if (ch === ',') {
        this.#startRecord();
        this.#cells.push(this.#cell);
        this.#clearCell();
      } else if (ch === '\n') {
        this.#endRecord();
        this.#line++;
        this.#recordChars = 0;
      } else if (ch === '\r') {
        // CRLF: the \n ends the record
      } else if (ch === '"' && this.#cellBlank) {
        this.#startRecord();
        this.#clearCell();
        this.#quoted = true;
        this.#cellLine = this.#line;
      } else {
        this.#startRecord();
        this.#append(ch);
      }
    }
  }

  /** Adds to the cell, remembering whether it is still blank (asking the whole cell each time would be quadratic). */
  #append(ch: string): void {
    this.#cell += ch;
    if (this.#cellBlank && ch.trim() !== '') this.#cellBlank = false;
  }

  #clearCell(): void {
    this.#cell = '';
    this.#cellBlank = true;
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#quoted)
      this.#fail(this.#cellLine, 'the file ends inside a quoted cell that starts on this line (truncated file?)');
    this.#endRecord();
    if (this.#state === 'preamble')
      this.#fail(
        null,
        'no header "HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator" (empty, truncated, or not a CMS practitioner MUE file)',
      );
    if (this.#entries.size === 0) this.#fail(this.#line, 'no code rows after the header (truncated file?)');
  }

  finish(): MueTable {
    this.end();
    return new MueTable(
      mueLabel(parseMueFileName(this.file)),
      [...this.#entries.values()].map((e) => e.entry),
    );
  }

  #fail(line: number | null, problem: string): never {
    throw new NcciFormatError(this.file, line, problem);
  }

  #startRecord(): void {
    if (!this.#recordStarted) {
      this.#recordStarted = true;
      this.#recordLine = this.#line;
    }
  }

  #endRecord(): void {
    if (!this.#recordStarted && this.#cell === '' && this.#cells.length === 0) return; // blank line
    this.#cells.push(this.#cell);
    const cells = this.#cells;
    const line = this.#recordLine;
    this.#cells = [];
    this.#clearCell();
    this.#recordStarted = false;
    this.#record(cells, line);
  }

  #record(cells: string[], line: number): void {
    this.#records++;
    if (cells.every((c) => c.trim() === '')) return;
    if (this.#state === 'preamble') {
      const names = cells.map(normalizeHeader);
      const code = names.findIndex((n) => n === 'hcpcs/cptcode' || n === 'hcpcscode' || n === 'cpt/hcpcscode');
      const mue = names.findIndex((n) => n.includes('muevalue'));
      const mai = names.findIndex((n) => n.includes('adjudicationindicator'));
      if (code >= 0 && mue >= 0 && mai >= 0) {
        this.#columns = { code, mue, mai, rationale: names.findIndex((n) => n.includes('rationale')) };
        this.#state = 'data';
        return;
      }
      if (CODE.test(cells[0]!.trim()) && /^\d+$/.test((cells[1] ?? '').trim()))
        this.#fail(line, "a code row before the header: not CMS's practitioner MUE layout");
      if (this.#records >= 10) this.#fail(line, 'no MUE header in the first rows: not a CMS practitioner MUE file');
      return;
    }
    const { code: ci, mue: mi, mai: ai, rationale: ri } = this.#columns;
    const needed = Math.max(ci, mi, ai, ri) + 1;
    if (cells.length < needed)
      this.#fail(
        line,
        `expected ${needed} comma-separated cells (code, MUE value, adjudication indicator${ri >= 0 ? ', rationale' : ''}), found ${cells.length}`,
      );
    const code = cells[ci]!.trim().toUpperCase();
    if (!CODE.test(code) || codeIndex(code) < 0) this.#fail(line, `HCPCS/CPT Code ${show(code)} is not a code`);
    const mueText = cells[mi]!.trim();
    if (!/^\d{1,6}$/.test(mueText)) this.#fail(line, `MUE value ${show(mueText)} for ${code} is not a whole number`);
    const maiText = cells[ai]!.trim();
    const mai = /^([123])(?!\d)/.exec(maiText);
    if (!mai) this.#fail(line, `MUE Adjudication Indicator ${show(maiText)} for ${code} does not start with 1, 2 or 3`);
    const seen = this.#entries.get(code);
    if (seen) this.#fail(line, `${code} is listed twice (also on line ${seen.line})`);
    const entry: MueEntry = {
      code,
      mue: Number(mueText),
      mai: Number(mai[1]) as MueAdjudicationIndicator,
      rationale: ri >= 0 ? (cells[ri] ?? '').trim() : '',
    };
    this.#entries.set(code, { entry, line });
  }
}

// ── A folder of CMS files ───────────────────────────────────────────────────

export interface NcciSourceFile {
  /** The file's name or path: errors name it; its base name says what it holds. */
  name: string;
  /** Its text, decoded (CMS's files are Windows-1252: the AMA notice has a ®; every field read is ASCII). */
  read(): AsyncIterable<string>;
}

export interface ImportedNcci {
  ptp?: PtpTable;
  mue?: MueTable;
  /** Files that are neither a practitioner PTP part nor a practitioner MUE table. */
  ignored: string[];
}

const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
/** A practitioner PTP part: ccipra-v322r0-f1.txt (a path is fine). */
export const isPtpFileName = (name: string): boolean => /^ccipra.*\.txt$/i.test(baseName(name));
/** The practitioner MUE table: MCR_MUE_PractitionerServices_Eff_04-01-2026.csv (not the hospital or DME ones). */
const isMueFileName = (name: string): boolean => {
  const base = baseName(name);
  return /\.csv$/i.test(base) && /mue/i.test(base) && !/(outpatient|hospital|dme|facility)/i.test(base);
};

/**
 * Reads CMS's practitioner PTP parts and MUE table into new tables. Throws
 * NcciFormatError (file and line) on the first problem; returns nothing
 * partial, so the caller's tables stay as they were.
 */
export async function importNcciFiles(
  files: readonly NcciSourceFile[],
  onProgress?: (p: ParseProgress) => void,
): Promise<ImportedNcci> {
  const ptpFiles = files.filter((f) => isPtpFileName(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const mueFiles = files.filter((f) => isMueFileName(f.name));
  const ignored = files.filter((f) => !ptpFiles.includes(f) && !mueFiles.includes(f)).map((f) => f.name);
  if (mueFiles.length > 1)
    throw new NcciFormatError(mueFiles[1]!.name, null, `a second MUE table (also ${mueFiles[0]!.name}): give one`);
  const result: ImportedNcci = { ignored };
  let tick = 0;
  const report = (p: ParseProgress) => {
    if (onProgress && ++tick % 16 === 0) onProgress(p);
  };
  if (ptpFiles.length > 0) {
    const ptp = new PtpImport({ expectedRows: 1 << 20 });
    for (const f of ptpFiles) {
      const parser = ptp.file(f.name);
      for await (const chunk of f.read()) {
        parser.push(chunk);
        report(parser.progress);
      }
      parser.end();
      onProgress?.(parser.progress);
    }
    result.ptp = ptp.finish();
  }
  if (mueFiles.length > 0) {
    const parser = new MueCsvParser(mueFiles[0]!.name);
    for await (const chunk of mueFiles[0]!.read()) {
      parser.push(chunk);
      report(parser.progress);
    }
    result.mue = parser.finish();
    onProgress?.(parser.progress);
  }
  return result;
}
