/**
 * dermlint on the command line: the same trip as the extension without the
 * browser — file → zod → rules.run → report.
 *
 *   npm run --silent scrub -- <file|-> [--format json|text] [--config settings.json] [--ncci DIR] [--icd FILE]...
 *
 * Reads one encounter or a JSON array of encounters (streamed: a file of
 * 100,000 encounters is never held in memory at once). Exit 0 when it ran,
 * whatever it found; 2 with a message on stderr and nothing on stdout when the
 * input is not JSON or fails the schema; 1 on a usage error.
 *
 * --ncci DIR reads CMS's own quarterly NCCI files instead of the built-in
 * dermatology subset: the practitioner PTP parts (ccipra-v…-f1.txt to f4.txt)
 * and the practitioner MUE table (MCR_MUE_PractitionerServices_Eff_….csv).
 * A malformed or truncated file stops the run with exit 2 (bad input, as
 * for encounters), naming the file and the line, before any encounter is read.
 *
 * --icd FILE (repeatable) adds a yearly ICD-10-CM codes file from CMS/NCHS
 * (icd10cm-codes-2027.txt, an April update icd10cm-codes-April-2027.txt, or
 * the ZIP it comes in), read by the options page's own importer
 * (lib/tables/import.ts). As in the extension, dx-invalid then judges each
 * encounter with the set in force on its dateOfService (the shipped FY2026
 * set, an imported FY2027 one from 2026-10-01; an encounter without a date,
 * with the set in force today). A malformed or truncated file stops the run
 * with exit 2, naming the file and the line, before any encounter is read.
 */
import { createReadStream, createWriteStream, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { run, RULES_BY_ID } from '../rules/index';
import { parseEncounter } from '../rules/schema';
import { parseSettings, type Settings } from '../rules/settings';
import { importNcciFiles, NcciFormatError } from '../rules/ncci/index';
import type { EngineTables } from '../rules/context';
import type { IcdSetInForce } from '../rules/icd10cm/index';
import { importIcd, TableImportError, type NamedBlob } from '../lib/tables/import';
import { engineExtrasFrom } from '../lib/tables/engine';
import { jsonElements, JsonSyntaxError } from './lib/json-elements';
import { formatEncounter, formatSummary, newTotals } from './lib/report';

const USAGE = 'usage: npm run --silent scrub -- <file|-> [--format json|text] [--config settings.json] [--ncci DIR] [--icd FILE]...';

const HELP = `${USAGE}

  --format json|text  json: [{ "id", "findings": [...] }], one per encounter; text (default): a report for a coder
  --config FILE       per-rule overrides: { "rules": { "mod25-unsupported": "off", "lesions-lumped": "warning" } }
  --ncci DIR          CMS's quarterly practitioner PTP parts (ccipra-*.txt) and MUE table (*.csv) instead of the built-in subset
  --icd FILE          CMS's yearly ICD-10-CM codes file (icd10cm-codes-2027.txt, or its ZIP); repeatable. Each encounter is
                      judged with the code set in force on its dateOfService (FY2026 is built in)`;

class UsageError extends Error {}
class InputError extends Error {}

interface Args { path: string; format: 'json' | 'text'; config?: string; ncci?: string; icd: string[] }

function parseArgs(argv: string[]): Args {
  let path: string | undefined;
  let format: 'json' | 'text' = 'text';
  let config: string | undefined;
  let ncci: string | undefined;
  const icd: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') {
      const v = argv[++i];
      if (v !== 'json' && v !== 'text') throw new UsageError(`--format takes json or text, not ${v ?? 'nothing'}`);
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice(9);
      if (v !== 'json' && v !== 'text') throw new UsageError(`--format takes json or text, not ${v}`);
      format = v;
    } else if (a === '--config') {
      config = argv[++i];
      if (!config) throw new UsageError('--config takes a file');
    } else if (a === '--ncci') {
      ncci = argv[++i];
      if (!ncci) throw new UsageError('--ncci takes a folder with CMS\'s practitioner PTP (ccipra-*.txt) and MUE (*.csv) files');
    } else if (a === '--icd') {
      const v = argv[++i];
      if (!v) throw new UsageError('--icd takes CMS\'s yearly ICD-10-CM codes file (icd10cm-codes-2027.txt, or its ZIP)');
      icd.push(v);
    } else if (a === '-h' || a === '--help') {
      throw new UsageError(HELP);
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (path === undefined) {
      path = a;
    } else {
      throw new UsageError(`one input at a time (got ${path} and ${a})`);
    }
  }
  if (!path) throw new UsageError(USAGE);
  return { path, format, config, ncci, icd };
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
    throw new UsageError(`--ncci ${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}`);
  }
  // CMS's files are Windows-1252 (a ® in the AMA notice); every field read is ASCII.
  const files = names.map((name) => ({ name: join(dir, name), read: () => createReadStream(join(dir, name), { encoding: 'latin1', highWaterMark: 1 << 20 }) as AsyncIterable<string> }));
  let imported;
  try {
    imported = await importNcciFiles(files);
  } catch (e) {
    if (e instanceof NcciFormatError) throw new InputError(`--ncci: ${e.message}`);
    throw new UsageError(`--ncci ${dir}: ${(e as Error).message}`);
  }
  if (!imported.ptp && !imported.mue) {
    throw new UsageError(`--ncci ${dir}: no practitioner PTP files (ccipra-v…-f1.txt to f4.txt) or MUE table (MCR_MUE_PractitionerServices_….csv) there${names.some((n) => /\.zip$/i.test(n)) ? '; unzip CMS\'s downloads first' : ''}`);
  }
  if (!imported.ptp) process.stderr.write(`scrub: --ncci ${dir}: no practitioner PTP files; the built-in PTP subset stays in use\n`);
  if (!imported.mue) process.stderr.write(`scrub: --ncci ${dir}: no practitioner MUE table; the built-in MUE subset stays in use\n`);
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
      throw new UsageError(`--icd ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    let record;
    try {
      record = await importIcd([Object.assign(blob, { name: file }) as NamedBlob], { pause: async () => {} });
    } catch (e) {
      if (e instanceof TableImportError) throw new InputError(`--icd: ${e.message}`);
      throw e;
    }
    const before = fromFile.get(record.info.id);
    if (before !== undefined) throw new UsageError(`--icd ${before} and --icd ${file} are both ${record.info.label}: give one file per year`);
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
  const stream = path === '-' ? process.stdin : createReadStream(path);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(err.code === 'ENOENT' ? `${path}: no such file` : `${path}: ${err.message}`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const settings = loadSettings(args.config);
  const tables = await loadNcci(args.ncci);
  const icdSets = await loadIcd(args.icd);
  const icd = icdSets ? { icdSets, icdAsOf: localDay(new Date()) } : {};
  // Results go to a spool file as they come and reach stdout only once every
  // encounter validated: bad input leaves stdout empty, and memory stays flat.
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-scrub-'));
  const spoolPath = join(dir, 'out');
  const spool = createWriteStream(spoolPath);
  const write = async (s: string) => { if (!spool.write(s)) await once(spool, 'drain'); };
  const totals = newTotals();
  const color = process.stdout.isTTY === true;
  let index = 0;
  try {
    if (args.format === 'json') await write('[');
    try {
      for await (const text of jsonElements(textChunks(args.path))) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          throw new InputError(`encounter ${index}: not valid JSON: ${(e as Error).message}`);
        }
        const parsed = parseEncounter(value, index);
        if (!parsed.ok) throw new InputError(parsed.error);
        const findings = run(parsed.value, { settings, tables, ...icd });
        if (args.format === 'json') await write((index ? ',\n' : '\n') + JSON.stringify({ id: parsed.value.id, findings }));
        else await write(formatEncounter(parsed.value, findings, totals, color));
        index++;
      }
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new InputError(`${args.path}: not valid JSON: ${e.message}`);
      throw e;
    }
    if (args.format === 'json') await write(index ? '\n]\n' : ']\n');
    else await write(formatSummary(index, totals));
    spool.end();
    await once(spool, 'finish');
    await pipeline(createReadStream(spoolPath), process.stdout, { end: false });
  } finally {
    spool.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => {
    if (e instanceof UsageError) { process.stderr.write(`scrub: ${e.message}\n`); process.exitCode = 1; }
    else if (e instanceof InputError) { process.stderr.write(`scrub: ${e.message}\n`); process.exitCode = 2; }
    else { process.stderr.write(`scrub: internal error: ${(e as Error).stack ?? e}\n`); process.exitCode = 3; }
  },
);
