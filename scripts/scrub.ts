/**
 * dermlint on the command line: the same trip as the extension without the
 * browser — file → reader → zod → rules.run → report. `--help` says it all;
 * the readers are lib/claims/, the reports lib/report/, this file only wires
 * them to files, standard input and output, and exit codes.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openAsBlob,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { finished, pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { run, RULES, RULES_BY_ID } from '../rules/index';
import { SEVERITIES, type Severity } from '../rules/schema';
import { parseSettings, type Settings } from '../rules/settings';
import { importNcciFiles, NcciFormatError, withBuiltinNcci, ptpTableOf, mueTableOf } from '../rules/ncci/index';
import type { EngineTables } from '../rules/context';
import { builtinIcdInForce, type IcdSetInForce } from '../rules/icd10cm/index';
import { importIcd, TableImportError } from '../lib/tables/import';
import { engineExtrasFrom } from '../lib/tables/engine-extras';
import { detectFormat, INPUT_FORMATS, type InputFormat } from '../lib/claims/detect';
import { readJsonEncounters } from '../lib/claims/json-encounters';
import { readX12Claims } from '../lib/claims/x12-837p';
import { readFhirClaims } from '../lib/claims/fhir-claim';
import { InputError, INPUT_LIMITS, type ReadEncounter } from '../lib/claims/source';
import { filterFindings, type FindingFilter, type Judged } from '../lib/report/judged';
import { ReportStats } from '../lib/report/stats';
import { formatJudged, formatSummary, terminalSafe } from '../lib/report/text';
import { csvRowsOf, csvStart } from '../lib/report/csv';
import { htmlDocumentEnd, htmlDocumentStart, htmlRowsOf, type ReportMeta } from '../lib/report/html';

const OUTPUT_FORMATS = ['text', 'json', 'csv'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const USAGE =
  'usage: npm run --silent scrub -- <file|-> [--from json|837|fhir] [--format text|json|csv] [--html FILE] [--only RULE,…] [--min-severity error|warning|info] [--config FILE] [--ncci DIR] [--icd FILE]…';

const HELP = `scrub — checks dermatology claims and encounters against dermlint's coding rules
(the rules the browser extension applies on the EHR screen; docs/rules.md lists them).

${USAGE}

The input is a file, or standard input when it is "-". Nothing is sent anywhere.

INPUT FORMATS (detected from the first bytes; --from overrides)
  837   X12 837P professional claims, 005010X222A1 (a clearinghouse batch; delimiters from ISA).
        One encounter per claim (CLM): id = CLM01 (patient control number); payer kind from the
        subscriber's SBR09 (MB, MA: Medicare; 16: Medicare Advantage; MC: Medicaid; CI, BL, HM,
        12-15 and other commercial codes: commercial; ZZ or missing: unknown) and payer name from
        NM1*PR; diagnoses from HI (ABK, ABF) in order; lines from SV1 (code, modifiers, units,
        diagnosis pointers); date of service from each line's DTP*472 (a claim over several days
        is judged one day at a time, as "CLM01/YYYY-MM-DD"). GA or GX on a line counts as the ABN
        on file for that line (a claim carries no chart, so abn-not-on-file cannot fire).
  fhir  FHIR R4 Claim resources: one Claim, a Bundle of them, a JSON array, or NDJSON (bulk export).
        id = identifier (or id); item: productOrService (an item with only text is a line without
        a code), modifier, quantity, diagnosisSequence, bodySite, servicedDate/servicedPeriod;
        diagnosis in sequence order; payer kind from the focal insurance's Coverage type
        (Source of Payment Typology, self-pay) or its display, payer name from insurer;
        billablePeriod for lines without a date. GA/GX as for 837.
  json  dermlint's encounter shape: one encounter or a JSON array of them:
        { id, dateOfService?, payer: { kind, name? }, abn?: { signed, lines? }, diagnoses: [{ code }],
          lines: [{ code, modifiers?, units?, dx? (pointers from 1), site?, sizeCm?, lesions?,
          billTo?, category? }], note?, history? }   (docs/formats.md)
  Every format streams: 100,000 claims run in a small heap. An encounter may have at most
  ${INPUT_LIMITS.lines} lines, ${INPUT_LIMITS.diagnoses} diagnoses and ${INPUT_LIMITS.encounterBytes} bytes of JSON (the extension's limits).
  The mapping of every field is in docs/claim-formats.md.

OPTIONS
  --from json|837|fhir   read the input as this format instead of detecting it
  --format text|json|csv what to print on standard output:
                           text (default): a report for a coder, lines counted from 1, totals by rule
                           json: [{ "id", "findings": [...] }], one per encounter, in input order,
                                 "line" 0-based (docs/formats.md, Result)
                           csv: one row per finding (id, rule, severity, line from 1, code, modifiers,
                                units, message, fix, reference), safe to open in a spreadsheet
  --html FILE            also write a self-contained HTML report there (charts, top findings, a
                         filterable table); standard output then carries only the summary,
                         unless --format is given
  --only RULE,…          report only these rules (ids as in docs/rules.md)
  --min-severity S       report only findings at least this severe: error, warning or info
  --config FILE          per-rule overrides: { "rules": { "mod25-unsupported": "off", "lesions-lumped": "warning" },
                         "defaultPayerKind": "commercial" }
  --ncci DIR             CMS's quarterly practitioner PTP parts (ccipra-*.txt) and MUE table (*.csv)
                         instead of the built-in subset
  --icd FILE             CMS's yearly ICD-10-CM codes file (icd10cm-codes-2027.txt, or its ZIP); repeatable.
                         Each encounter is judged with the code set in force on its date (FY2026 built in)
  -h, --help             this text

EXIT CODES
  0  it ran (whatever it found)
  1  usage error: an unknown option, a missing file, a bad --config
  2  bad input: not the format, broken, truncated or over a limit; or a malformed --ncci or --icd file.
     The message on standard error names the encounter or claim (by position and id) and the field or
     segment; nothing is printed on standard output and no --html file is written
  3  internal error (a bug: please report it)

EXAMPLES
  npm run --silent scrub -- claims-2026-03.837 --html report.html
  npm run --silent scrub -- claims-2026-03.837 --format csv > findings.csv
  npm run --silent scrub -- export.ndjson --from fhir --min-severity error
  npm run --silent scrub -- encounters.json --format json --only mod25-missing,abn-missing
`;

class UsageError extends Error {}

interface Args {
  path: string;
  from?: InputFormat;
  /** 'summary' when --html is given without --format. */
  format: OutputFormat | 'summary';
  html?: string;
  filter: FindingFilter;
  config?: string;
  ncci?: string;
  icd: string[];
}

const OPTION_HINTS: Record<string, string> = {
  from: '--from takes json, 837 or fhir',
  format: '--format takes text, json or csv',
  html: '--html takes the file to write the report to',
  only: '--only takes rule ids separated by commas (docs/rules.md lists them)',
  'min-severity': '--min-severity takes error, warning or info',
  config: '--config takes a file',
  ncci: "--ncci takes a folder with CMS's practitioner PTP (ccipra-*.txt) and MUE (*.csv) files",
  icd: "--icd takes CMS's yearly ICD-10-CM codes file (icd10cm-codes-2027.txt, or its ZIP)",
};

/** `undefined` when --help was asked for. */
function readArgs(argv: string[]): Args | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        format: { type: 'string' },
        html: { type: 'string' },
        only: { type: 'string' },
        'min-severity': { type: 'string' },
        config: { type: 'string' },
        ncci: { type: 'string' },
        icd: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'(?:-\w, )?--([a-z-]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && OPTION_HINTS[option])
      throw new UsageError(OPTION_HINTS[option]);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(
        `unknown option ${terminalSafe(/'([^']*)'/.exec(err.message)?.[1] ?? err.message)}\n${USAGE}`,
      );
    throw new UsageError(`${err.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length === 0) throw new UsageError(`no input given\n${USAGE}`);
  if (positionals.length > 1)
    throw new UsageError(`one input at a time (got ${positionals.map(terminalSafe).join(' and ')})`);
  const args: Args = { path: positionals[0]!, format: 'text', filter: {}, icd: values.icd ?? [] };
  if (values.from !== undefined) {
    if (!(INPUT_FORMATS as readonly string[]).includes(values.from))
      throw new UsageError(`${OPTION_HINTS.from}, not ${terminalSafe(values.from)}`);
    args.from = values.from as InputFormat;
  }
  if (values.format !== undefined) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(values.format))
      throw new UsageError(`${OPTION_HINTS.format}, not ${terminalSafe(values.format)}`);
    args.format = values.format as OutputFormat;
  } else if (values.html !== undefined) {
    args.format = 'summary';
  }
  if (values.html !== undefined) {
    if (!values.html) throw new UsageError(OPTION_HINTS.html);
    args.html = values.html;
  }
  if (values.only !== undefined) {
    const ids = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) throw new UsageError(OPTION_HINTS.only);
    const unknown = ids.filter((id) => !RULES_BY_ID.has(id));
    if (unknown.length)
      throw new UsageError(`--only: no rule ${unknown.map(terminalSafe).join(', ')} (docs/rules.md lists them)`);
    args.filter.only = new Set(ids);
  }
  const min = values['min-severity'];
  if (min !== undefined) {
    if (!(SEVERITIES as readonly string[]).includes(min))
      throw new UsageError(`${OPTION_HINTS['min-severity']}, not ${terminalSafe(min)}`);
    args.filter.minSeverity = min as Severity;
  }
  if (values.config !== undefined) args.config = values.config;
  if (values.ncci !== undefined) args.ncci = values.ncci;
  return args;
}

function loadSettings(file: string | undefined): Settings | undefined {
  if (!file) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--config ${file}: ${(e as Error).message}`);
  }
  const parsed = parseSettings(raw);
  if (!parsed.ok) throw new UsageError(`--config ${file}: ${parsed.error}`);
  for (const id of Object.keys(parsed.value.rules)) {
    if (!RULES_BY_ID.has(id)) throw new UsageError(`--config ${file}: rules.${id}: no such rule`);
  }
  return parsed.value;
}

/** CMS's NCCI files from a folder, through the engine's streaming parsers; undefined keeps the built-in tables. */
async function loadNcci(dir: string | undefined): Promise<EngineTables | undefined> {
  if (!dir) return undefined;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new UsageError(
      `--ncci ${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}`,
    );
  }
  // CMS's files are Windows-1252 (a ® in the AMA notice); every field read is ASCII.
  const files = names.map((name) => ({
    name: join(dir, name),
    read: () =>
      createReadStream(join(dir, name), { encoding: 'latin1', highWaterMark: 1 << 20 }) as AsyncIterable<string>,
  }));
  let imported;
  try {
    imported = await importNcciFiles(files);
  } catch (e) {
    if (e instanceof NcciFormatError) throw new InputError(`--ncci: ${e.message}`);
    throw new UsageError(`--ncci ${dir}: ${(e as Error).message}`);
  }
  if (!imported.ptp && !imported.mue) {
    throw new UsageError(
      `--ncci ${dir}: no practitioner PTP files (ccipra-v…-f1.txt to f4.txt) or MUE table (MCR_MUE_PractitionerServices_….csv) there${names.some((n) => /\.zip$/i.test(n)) ? "; unzip CMS's downloads first" : ''}`,
    );
  }
  if (!imported.ptp)
    process.stderr.write(`scrub: --ncci ${dir}: no practitioner PTP files; the built-in PTP subset stays in use\n`);
  if (!imported.mue)
    process.stderr.write(`scrub: --ncci ${dir}: no practitioner MUE table; the built-in MUE subset stays in use\n`);
  const tables: EngineTables = {};
  if (imported.ptp) tables.ptp = imported.ptp;
  if (imported.mue) tables.mue = imported.mue;
  return tables;
}

/**
 * The ICD-10-CM code sets to judge with: the shipped FY2026 set and each year
 * given, through the options page's importer and the worker's engineExtrasFrom,
 * so a date of service picks the same set here as in the extension. Undefined
 * without --icd (the shipped set alone).
 */
async function loadIcd(files: readonly string[]): Promise<IcdSetInForce[] | undefined> {
  if (files.length === 0) return undefined;
  const records = [];
  const fromFile = new Map<string, string>();
  for (const file of files) {
    let blob: Blob;
    try {
      if (!statSync(file).isFile()) throw new UsageError(`--icd ${file}: not a file`);
      blob = await openAsBlob(file);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(
        `--icd ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
    let record;
    try {
      record = await importIcd([Object.assign(blob, { name: file })], { pause: async () => {} });
    } catch (e) {
      if (e instanceof TableImportError) throw new InputError(`--icd: ${e.message}`);
      throw e;
    }
    const before = fromFile.get(record.info.id);
    if (before !== undefined)
      throw new UsageError(`--icd ${before} and --icd ${file} are both ${record.info.label}: give one file per year`);
    fromFile.set(record.info.id, file);
    records.push(record);
  }
  return engineExtrasFrom(records, (message) => {
    throw new InputError(`--icd: ${message}`);
  }).icdSets;
}

/** Today on this machine, YYYY-MM-DD: the day the extension judges an encounter without a dateOfService as of. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function* textChunks(path: string): AsyncGenerator<string> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 16 });
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(
      err.code === 'ENOENT'
        ? `${path}: no such file`
        : err.code === 'EISDIR'
          ? `${path}: a folder, not a file`
          : `${path}: ${err.message}`,
    );
  } finally {
    if (path !== '-') (stream as ReturnType<typeof createReadStream>).destroy();
  }
}

/**
 * A temporary file written as results come. Every write waits for the disk
 * when it must; a failed write is reported once (never as an unhandled
 * 'error' event), and the file is closed before its folder is removed.
 */
class Spool {
  readonly path: string;
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  constructor(path: string) {
    this.path = path;
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => (this.failure ??= e));
  }
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async finish(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      this.stream.destroy();
      await finished(this.stream).catch(() => {});
    }
  }
}

function readerFor(format: InputFormat): (chunks: AsyncIterable<string>) => AsyncIterable<ReadEncounter> {
  return format === '837' ? readX12Claims : format === 'fhir' ? readFhirClaims : readJsonEncounters;
}

function reportMeta(
  args: Args,
  format: InputFormat,
  settings: Settings | undefined,
  tables: EngineTables | undefined,
  icdSets: readonly IcdSetInForce[] | undefined,
): ReportMeta {
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  const all = withBuiltinNcci(tables);
  const ptp = ptpTableOf(all);
  const mue = mueTableOf(all);
  const icd = icdSets ?? [builtinIcdInForce];
  return {
    version,
    input: { name: args.path === '-' ? 'standard input' : basename(args.path), format },
    generatedAt: new Date().toISOString(),
    filter: args.filter,
    rules: RULES.map((r) => ({
      id: r.meta.id,
      summary: r.meta.summary,
      severity: r.meta.severity,
      level: settings?.rules[r.meta.id] ?? 'default',
      reference: r.meta.reference,
    })),
    tables: [
      ...icd.map((s) => ({ name: s.set.name, detail: `in force ${s.from} to ${s.to}` })),
      ...(ptp ? [{ name: ptp.name, detail: ptp.reference }] : []),
      ...(mue ? [{ name: mue.name, detail: mue.reference }] : []),
    ],
  };
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(HELP);
    return 0;
  }
  const settings = loadSettings(args.config);
  const tables = await loadNcci(args.ncci);
  const icdSets = await loadIcd(args.icd);
  const icd = icdSets ? { icdSets, icdAsOf: localDay(new Date()) } : {};

  // Results go to spool files as they come and reach stdout (and the --html file) only once every
  // encounter was read: bad input leaves both untouched, and memory stays flat.
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-scrub-'));
  const out = new Spool(join(dir, 'out'));
  const rows = args.html ? new Spool(join(dir, 'rows')) : undefined;
  let page: Spool | undefined;
  try {
    if (args.html) {
      let folder = false;
      try {
        folder = statSync(dirname(args.html)).isDirectory();
      } catch {
        // no such folder
      }
      if (!folder) throw new UsageError(`--html ${args.html}: no folder ${dirname(args.html)} to write it in`);
      if (existsSync(args.html) && statSync(args.html).isDirectory())
        throw new UsageError(`--html ${args.html}: a folder; give the file to write`);
    }
    const detected = await detectFormat(textChunks(args.path));
    const format = args.from ?? detected.format ?? 'json';
    const stats = new ReportStats();
    const color = process.stdout.isTTY === true;
    let count = 0;
    if (args.format === 'json') await out.write('[');
    if (args.format === 'csv') await out.write(csvStart());
    for await (const { encounter, source } of readerFor(format)(detected.chunks)) {
      const judged: Judged = {
        encounter,
        source,
        findings: filterFindings(run(encounter, { settings, tables, ...icd }), args.filter),
      };
      stats.add(judged);
      if (args.format === 'json')
        await out.write((count ? ',\n' : '\n') + JSON.stringify({ id: encounter.id, findings: judged.findings }));
      else if (args.format === 'text') await out.write(formatJudged(judged, color));
      else if (args.format === 'csv') await out.write(csvRowsOf(judged));
      if (rows && judged.findings.length) await rows.write(htmlRowsOf(judged));
      count++;
    }
    if (args.format === 'json') await out.write(count ? '\n]\n' : ']\n');
    else if (args.format === 'text' || args.format === 'summary') await out.write(formatSummary(stats));
    await out.finish();

    if (args.html && rows) {
      await rows.finish();
      // Written beside the target and renamed at the end: a reader never sees half a report.
      const partial = join(dirname(args.html), `.${basename(args.html)}.${process.pid}.partial`);
      page = new Spool(partial);
      const meta = reportMeta(args, format, settings, tables, icdSets);
      await page.write(await htmlDocumentStart(stats, meta));
      await page.finish();
      const append = createWriteStream(partial, { flags: 'a' });
      await pipeline(createReadStream(rows.path), append, { end: false });
      append.end(htmlDocumentEnd(meta));
      await finished(append);
      renameSync(partial, args.html);
      page = undefined;
    }
    try {
      await pipeline(createReadStream(out.path), process.stdout, { end: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e; // the reader went away (| head): nothing more to say
    }
  } finally {
    await out.discard();
    await rows?.discard();
    if (page) {
      await page.discard();
      rmSync(page.path, { force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`scrub: ${e.message}\n`);
      process.exitCode = 1;
    } else if (e instanceof InputError) {
      process.stderr.write(`scrub: ${terminalSafe(e.message)}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`scrub: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 3;
    }
  },
);
