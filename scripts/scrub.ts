/**
 * dermlint on the command line: the same trip as the extension without the
 * browser — file → zod → rules.run → report.
 *
 *   npm run --silent scrub -- <file|-> [--format json|text] [--config settings.json]
 *
 * Reads one encounter or a JSON array of encounters (streamed: a file of
 * 100,000 encounters is never held in memory at once). Exit 0 when it ran,
 * whatever it found; 2 with a message on stderr and nothing on stdout when the
 * input is not JSON or fails the schema; 1 on a usage error.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { run, RULES_BY_ID } from '../rules/index';
import { parseEncounter } from '../rules/schema';
import { parseSettings, type Settings } from '../rules/settings';
import { jsonElements, JsonSyntaxError } from './lib/json-elements';
import { formatEncounter, formatSummary, newTotals } from './lib/report';

const USAGE = 'usage: npm run --silent scrub -- <file|-> [--format json|text] [--config settings.json]';

class UsageError extends Error {}
class InputError extends Error {}

interface Args { path: string; format: 'json' | 'text'; config?: string }

function parseArgs(argv: string[]): Args {
  let path: string | undefined;
  let format: 'json' | 'text' = 'text';
  let config: string | undefined;
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
    } else if (a === '-h' || a === '--help') {
      throw new UsageError(USAGE);
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (path === undefined) {
      path = a;
    } else {
      throw new UsageError(`one input at a time (got ${path} and ${a})`);
    }
  }
  if (!path) throw new UsageError(USAGE);
  return { path, format, config };
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
        const findings = run(parsed.value, { settings });
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
