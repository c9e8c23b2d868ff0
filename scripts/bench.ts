/**
 * npm run bench — how fast the engine is, and what the NCCI tables cost it.
 *
 *   A. The engine beside JSON.parse and zod on the worked examples
 *      (test/fixtures/bench/worked-examples.json, ex01–ex91 of the shared
 *      examples), in CPU time per encounter, side by side in alternating
 *      rounds: JSON.parse of each encounter's JSON text, zod's validation of
 *      the parsed object, run() on the encounters with their notes and with
 *      the notes removed, the engine without its rule gate (every rule called,
 *      rules/gate.ts), and the note reader (rules/note/) on its own line
 *      once it exists (see NOTE READER HOOK). Goals: ≥ 200,000 encounters per
 *      second, and engine time ÷ JSON.parse time ≤ 1.0, each printed met or
 *      MISSED every run.
 *   B. The worst case: one long encounter (scripts/lib/long-encounter.ts) of
 *      1,000 to 100,000 lines, CPU and wall ms per evaluation. Goals: 5,000
 *      lines (the extension's cap) < 20 ms, 100,000 lines < 2 s.
 *   1. The engine's rate (encounters per second) over realistic encounters
 *      (the worked examples, every case table, and busy synthetic claims) with
 *      the built-in tables and with a synthetic full-size PTP table (1.7 M
 *      pairs, dated, some pairs with two windows, as CMS's are), measured side
 *      by side in alternating rounds and reported as a ratio: the machine is noisy,
 *      so rates are per second of this process's CPU time, not of the wall clock.
 *   2. The cost of a lookup (hit and miss) in both tables.
 *   3. The time to parse full-size practitioner PTP files: four parts in CMS's
 *      layout, ~1.7 M rows, generated in a temporary folder and read through
 *      node:fs streams and the engine's parsers, as `scrub --ncci` does.
 *   4. The same files imported as the options page does (lib/tables/import.ts):
 *      File objects streamed and decoded, pauses between chunks, then the
 *      table's stored form structured-cloned (what IndexedDB does) and loaded
 *      back as the background worker does; and once more from a ZIP of the
 *      four parts (DecompressionStream, CRC-32).
 *
 *   npm run bench [-- --rounds 7] [-- --rows 1700000] [-- --examples FILE] [-- --engine] [-- --max-lines N]
 *   (--engine: parts A and B only; --examples: another JSON array of encounters for part A;
 *   --max-lines: part B's longest encounter, 100,000 by default)
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../rules/index';
import { parseEncounter, type Encounter } from '../rules/schema';
import type { CaseTable } from '../rules/cases';
import {
  builtinMue,
  builtinPtp,
  codeIndex,
  codeOfIndex,
  importNcciFiles,
  PTP_PREAMBLE,
  PtpTableBuilder,
  type PtpTable,
} from '../rules/ncci/index';
import type { EngineTables } from '../rules/context';
import { openAsBlob } from 'node:fs';
import { importPtp, type NamedBlob } from '../lib/tables/import';
import { PtpTable as StoredPtpTable } from '../rules/ncci/index';
import { zipArchive } from '../test/unit/zip-writer';
import { longEncounter } from './lib/long-encounter';
import { RULES } from '../rules/catalog/index';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 7);
const FULL_PAIRS = arg('rows', 1_700_000);
const ENGINE_ONLY = process.argv.includes('--engine');
/** The longest encounter of part B (to time an engine that is not linear without waiting for it). */
const MAX_LINES = arg('max-lines', 100_000);
const EXAMPLES = (() => {
  const i = process.argv.indexOf('--examples');
  return i > 0 ? process.argv[i + 1]! : new URL('../test/fixtures/bench/worked-examples.json', import.meta.url);
})();

// A small deterministic generator: the same tables and claims on every run.
let seed = 0x2545f491;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1048576, 1)} MB`;

// ── Realistic encounters ───────────────────────────────────────────────────

async function encounters(): Promise<Encounter[]> {
  const out: Encounter[] = [];
  const examples = JSON.parse(
    readFileSync(new URL('../test/fixtures/examples/encounters.json', import.meta.url), 'utf8'),
  ) as { encounter: unknown }[];
  for (const c of examples) {
    const p = parseEncounter(c.encounter);
    if (p.ok) out.push(p.value);
  }
  const dir = new URL('../rules/catalog/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cases.ts'))) {
    const table = ((await import(new URL(file, dir).href)) as { default: CaseTable }).default;
    for (const c of [...table.valid, ...table.invalid]) out.push(c.encounter);
  }
  // Busy claims: a visit and 5–11 procedure lines of the codes a dermatology practice bills.
  const procedures = [
    '11102',
    '11103',
    '11104',
    '11105',
    '11106',
    '11200',
    '11201',
    '11300',
    '11301',
    '11305',
    '11310',
    '11400',
    '11402',
    '11440',
    '11600',
    '11602',
    '11640',
    '12001',
    '12002',
    '12032',
    '13132',
    '14040',
    '17000',
    '17003',
    '17004',
    '17110',
    '17111',
    '17260',
    '17262',
    '17281',
    '17311',
    '17312',
    '17313',
    '88305',
    '88312',
    '11900',
    '11901',
    '96372',
    'J0585',
    '64612',
  ];
  const visits = ['99212', '99213', '99214', '99203', '99204'];
  const modifiers = [[], [], [], ['XS'], ['59'], ['RT'], ['25'], ['GA']];
  const dx = ['L57.0', 'L82.1', 'L82.0', 'D48.5', 'C44.311', 'C44.612', 'B07.8', 'L91.8', 'D22.5', 'L40.0'];
  for (let i = 0; i < 400; i++) {
    const lines = [{ code: pick(visits), modifiers: pick(modifiers), dx: [1 + Math.floor(random() * 3)] }];
    const n = 5 + Math.floor(random() * 7);
    for (let k = 0; k < n; k++)
      lines.push({
        code: pick(procedures),
        modifiers: pick(modifiers),
        dx: [1 + Math.floor(random() * 3)],
        ...(random() < 0.3 ? { units: 1 + Math.floor(random() * 4) } : {}),
      });
    out.push({
      id: `busy-${i}`,
      dateOfService: '2026-08-03',
      payer: { kind: pick(['medicare', 'commercial', 'medicaid'] as const) },
      diagnoses: [pick(dx), pick(dx), pick(dx)].map((code) => ({ code })),
      lines,
    });
  }
  return out;
}

// ── A. The engine beside JSON.parse and zod ───────────────────────────────

/** Goals of issue 14 (the engine): each figure is printed met or MISSED with it, every run. */
const GOALS = { rate: 200_000, ratio: 1.0, longLines: 5_000, longMs: 20, hugeLines: 100_000, hugeMs: 2_000 };

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

// ── NOTE READER HOOK ───────────────────────────────────────────────────────
// The note rules read the encounter's note (rules/note/, written on
// another branch). When rules/note/index.ts exists, part A measures its reader
// on each worked example's note, on a line of its own: NOTE_READER_EXPORT names
// the function, called with the note's text. The note rules themselves are in
// the catalog, so "with the notes" against "notes removed" shows what the note
// costs the whole engine either way.
const NOTE_READER_MODULE = new URL('../rules/note/index.ts', import.meta.url);
const NOTE_READER_EXPORT = 'readNote';

async function noteReader(): Promise<{ read?: (note: string) => unknown; says: string }> {
  if (!existsSync(NOTE_READER_MODULE)) return { says: 'rules/note/index.ts is not in this build' };
  const module = (await import(NOTE_READER_MODULE.href)) as Record<string, unknown>;
  const read = module[NOTE_READER_EXPORT];
  if (typeof read === 'function')
    return { read: read as (note: string) => unknown, says: `rules/note/index.ts ${NOTE_READER_EXPORT}(note)` };
  const functions = Object.keys(module).filter((k) => typeof module[k] === 'function');
  return {
    says: `rules/note/index.ts exports no ${NOTE_READER_EXPORT}() (it exports ${functions.join(', ') || 'no function'}): set NOTE_READER_EXPORT in scripts/bench.ts`,
  };
}

/**
 * The engine as the extension ships it: rules/index.ts bundled and minified by
 * Vite, as `wxt build` bundles the worker (one scope, no module bindings, no
 * tsx helpers). Measured beside the engine as tsx runs it (npm run scrub).
 */
async function shippedEngine(): Promise<{ run?: typeof run; says: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-bench-engine-'));
  try {
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        lib: {
          entry: new URL('../rules/index.ts', import.meta.url).pathname,
          formats: ['es'],
          fileName: () => 'engine.mjs',
        },
        outDir: dir,
        minify: 'esbuild',
        reportCompressedSize: false,
      },
    });
    const module = (await import(join(dir, 'engine.mjs'))) as { run: typeof run };
    return { run: module.run, says: 'vite build of rules/index.ts, minified' };
  } catch (error) {
    return { says: `not built: ${String(error).slice(0, 200)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU µs per item of `items`, run whole until `minMs` of CPU time has passed. */
function cpuMicros(items: number, work: () => void, minMs = 200): number {
  let n = 0;
  const t0 = cpuMs();
  let t = t0;
  do {
    work();
    n += items;
    t = cpuMs();
  } while (t - t0 < minMs);
  return ((t - t0) * 1000) / n;
}

async function engineBesideParsing(): Promise<void> {
  const raw = JSON.parse(readFileSync(EXAMPLES, 'utf8')) as unknown[];
  const inputs = raw.map((e) => ((e as { encounter?: unknown }).encounter ?? e) as Record<string, unknown>);
  const withNotes: Encounter[] = [];
  for (const input of inputs) {
    const p = parseEncounter(input);
    if (!p.ok) throw new Error(`bench examples: ${p.error}`);
    withNotes.push(p.value);
  }
  const withoutNotes = withNotes.map(({ note: _note, ...rest }) => rest as Encounter);
  const texts = inputs.map((e) => JSON.stringify(e));
  const textsWithoutNotes = inputs.map(({ note: _note, ...rest }) => JSON.stringify(rest));
  const objects = texts.map((t) => JSON.parse(t) as unknown);
  const notes = withNotes.flatMap((e) => (e.note ? [e.note] : []));
  const lines = withNotes.reduce((sum, e) => sum + e.lines.length, 0);
  const noteLengths = notes.map((n) => n.length);
  const reader = await noteReader();
  const shipped = await shippedEngine();
  const n = withNotes.length;
  console.log(
    `A. The engine beside JSON.parse and zod: ${n} worked examples (${typeof EXAMPLES === 'string' ? EXAMPLES : 'test/fixtures/bench/worked-examples.json'}), ` +
      `${fmt(lines / n, 1)} lines on average, ${notes.length} with a note (${noteLengths.length ? `${Math.min(...noteLengths)}–${Math.max(...noteLengths)}` : '0'} characters); ` +
      `${RULES.length} rules; CPU time per encounter, median of ${ROUNDS} rounds in alternating order`,
  );

  const measures: { name: string; items: number; work: () => void }[] = [
    {
      name: 'parse',
      items: n,
      work: () => {
        for (const t of texts) JSON.parse(t);
      },
    },
    {
      name: 'parseBare',
      items: n,
      work: () => {
        for (const t of textsWithoutNotes) JSON.parse(t);
      },
    },
    {
      name: 'zod',
      items: n,
      work: () => {
        for (const o of objects) parseEncounter(o);
      },
    },
    {
      name: 'engine',
      items: n,
      work: () => {
        for (const e of withNotes) run(e);
      },
    },
    {
      name: 'ungated',
      items: n,
      work: () => {
        for (const e of withNotes) run(e, { ungated: true });
      },
    },
    {
      name: 'engineBare',
      items: n,
      work: () => {
        for (const e of withoutNotes) run(e);
      },
    },
  ];
  if (shipped.run) {
    const runShipped = shipped.run;
    measures.push({
      name: 'shipped',
      items: n,
      work: () => {
        for (const e of withNotes) runShipped(e);
      },
    });
  }
  if (reader.read) {
    const read = reader.read;
    measures.push({
      name: 'noteReader',
      items: Math.max(1, notes.length),
      work: () => {
        for (const note of notes) read(note);
      },
    });
  }
  // How many rules the gate (rules/gate.ts) lets run on these encounters, on average.
  let calls = 0;
  const counted = RULES.map((rule) => ({
    ...rule,
    check: (context: Parameters<typeof rule.check>[0]) => (calls++, rule.check(context)),
  }));
  for (const e of withNotes) run(e, { rules: counted });
  const rulesCalled = calls / n;
  for (let w = 0; w < 3; w++) for (const m of measures) cpuMicros(m.items, m.work, 100); // warm every path
  const samples = new Map<string, number[]>(measures.map((m) => [m.name, []]));
  const ratioSamples: number[] = [];
  const bareRatioSamples: number[] = [];
  const shippedRatioSamples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? measures : [...measures].reverse();
    const got = new Map<string, number>();
    for (const m of order) got.set(m.name, cpuMicros(m.items, m.work));
    for (const [name, us] of got) samples.get(name)!.push(us);
    ratioSamples.push(got.get('engine')! / got.get('parse')!);
    bareRatioSamples.push(got.get('engineBare')! / got.get('parseBare')!);
    if (shipped.run) shippedRatioSamples.push(got.get('shipped')! / got.get('parse')!);
  }
  const us = (name: string) => median(samples.get(name)!);
  const perSecond = (name: string) => 1e6 / us(name);
  const parse = us('parse');
  const row = (label: string, micro: number, versus?: string) =>
    console.log(
      `  ${label.padEnd(58)} ${fmt(micro, 2).padStart(8)} µs  ${fmt(1e6 / micro).padStart(10)} /s${versus ? `  ${versus}` : ''}`,
    );
  console.log(`  ${''.padEnd(58)} ${'per encounter'.padStart(11)}  ${'encounters/s'.padStart(12)}`);
  row("JSON.parse of the encounter's JSON text", parse, '× 1.00');
  row(
    'zod: parseEncounter (validation of the parsed object)',
    us('zod'),
    `× ${(us('zod') / parse).toFixed(2)} of JSON.parse`,
  );
  row(
    `engine: run(), ${RULES.length} rules, encounters with their notes`,
    us('engine'),
    `× ${median(ratioSamples).toFixed(2)} of JSON.parse (per round: ${ratioSamples.map((x) => x.toFixed(2)).join(' ')})`,
  );
  row('JSON.parse of the encounter without its note', us('parseBare'), '× 1.00');
  row(
    'engine: run(), the same encounters with the notes removed',
    us('engineBare'),
    `× ${median(bareRatioSamples).toFixed(2)} of JSON.parse without the note`,
  );
  row(
    'engine without the rule gate (every rule called), with the notes',
    us('ungated'),
    `× ${(us('ungated') / parse).toFixed(2)} of JSON.parse; the gate calls ${fmt(rulesCalled, 1)} of ${RULES.length} rules per encounter`,
  );
  console.log(
    `  the notes add ${fmt(us('engine') - us('engineBare'), 2)} µs per encounter to the engine (${fmt(((us('engine') - us('engineBare')) / us('engineBare')) * 100, 1)} %)`,
  );
  if (shipped.run)
    row(
      `engine as the extension ships it (${shipped.says}), with the notes`,
      us('shipped'),
      `× ${median(shippedRatioSamples).toFixed(2)} of JSON.parse`,
    );
  else console.log(`  engine as the extension ships it: ${shipped.says}`);
  if (reader.read)
    row(
      `note reader: ${reader.says}, per note`,
      us('noteReader'),
      `× ${(us('noteReader') / parse).toFixed(2)} of JSON.parse of one encounter`,
    );
  else console.log(`  note reader: not measured — ${reader.says}`);
  console.log('  goals (the encounters with their notes):');
  const goals = (label: string, name: string, ratios: number[]) => {
    const rate = perSecond(name);
    const ratio = median(ratios);
    console.log(
      `    ${label}: ≥ ${fmt(GOALS.rate)} encounters/s:  ${fmt(rate).padStart(9)}   ${verdict(rate >= GOALS.rate)}${rate >= GOALS.rate ? '' : ` by ${fmt(GOALS.rate - rate)} /s`}`,
    );
    console.log(
      `    ${label}: engine ÷ JSON.parse ≤ ${GOALS.ratio.toFixed(1)}:  ${ratio.toFixed(2).padStart(9)}   ${verdict(ratio <= GOALS.ratio)}` +
        (ratio <= GOALS.ratio
          ? ''
          : ` by ${(ratio - GOALS.ratio).toFixed(2)} (${fmt(us(name) - parse * GOALS.ratio, 2)} µs per encounter over)`),
    );
  };
  goals('engine under tsx    ', 'engine', ratioSamples);
  if (shipped.run) goals('engine as shipped   ', 'shipped', shippedRatioSamples);
  console.log();
}

// ── B. The worst case: one long encounter ─────────────────────────────────

function longEncounters(): void {
  const sizes = [1_000, GOALS.longLines, 10_000, GOALS.hugeLines].filter((n) => n <= MAX_LINES);
  console.log(
    `B. One long encounter (scripts/lib/long-encounter.ts: a busy dermatology mix, every rule with lines to judge), per evaluation after a warm-up:`,
  );
  console.log(
    `  ${'lines'.padStart(8)}  ${'CPU ms'.padStart(9)}  ${'wall ms'.padStart(9)}  ${'findings'.padStart(9)}  ${'µs a line'.padStart(9)}`,
  );
  const results = new Map<number, number>();
  for (const size of sizes) {
    const encounter = longEncounter(size);
    const runs = size >= 50_000 ? 3 : size >= 10_000 ? 5 : 15;
    // Warm: the first runs also compile (at least 3 runs and 300 ms of CPU).
    const w0 = cpuMs();
    for (let w = 0; w < 3 || (cpuMs() - w0 < 300 && w < 50); w++) run(encounter);
    const cpu: number[] = [];
    const wall: number[] = [];
    let findings = 0;
    for (let r = 0; r < runs; r++) {
      const c0 = cpuMs();
      const t0 = performance.now();
      findings = run(encounter).length;
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
    }
    const ms = median(cpu);
    results.set(size, ms);
    console.log(
      `  ${fmt(size).padStart(8)}  ${fmt(ms, 1).padStart(9)}  ${fmt(median(wall), 1).padStart(9)}  ${fmt(findings).padStart(9)}  ${fmt((ms * 1000) / size, 2).padStart(9)}   (median of ${runs})`,
    );
  }
  console.log('  goals (CPU time):');
  for (const [lines, goal] of [
    [GOALS.longLines, GOALS.longMs],
    [GOALS.hugeLines, GOALS.hugeMs],
  ] as const) {
    const ms = results.get(lines);
    const label = `${fmt(lines)} lines < ${fmt(goal)} ms:`.padEnd(26);
    if (ms === undefined)
      console.log(`    ${label} not measured (--max-lines ${fmt(MAX_LINES)}): MISSED unless measured`);
    else
      console.log(
        `    ${label} ${fmt(ms, 1).padStart(8)} ms   ${verdict(ms < goal)}${ms < goal ? '' : ` by ${fmt(ms - goal, 1)} ms`}`,
      );
  }
  console.log();
}

// ── A full-size synthetic PTP table ────────────────────────────────────────

const RATIONALES = [
  'CPT Manual or CMS manual coding instruction',
  'Standards of medical / surgical practice',
  'Misuse of column two code with column one code',
  'Mutually exclusive procedures',
  'More extensive procedure',
  'HCPCS/CPT procedure code definition',
  'Anesthesia service included in surgical procedure',
];

/** Code indexes a full table draws from: the CPT surgery, radiology, lab and medicine ranges, some HCPCS. */
function randomCode(): number {
  const r = random();
  if (r < 0.85) return 10000 + Math.floor(random() * 89999);
  if (r < 0.95)
    return codeIndex(`${pick(['G', 'J', 'A', 'C', 'Q'])}${String(Math.floor(random() * 10000)).padStart(4, '0')}`);
  return codeIndex(`${String(Math.floor(random() * 1000)).padStart(4, '0')}${pick(['T', 'U', 'F'])}`);
}

interface SynthRow {
  c1: number;
  c2: number;
  modifier: 0 | 1 | 9;
  effective: number;
  deletion: number;
  rationale: string;
}

/** ~pairs active pairs: the built-in subset plus random ones; a fifth of the pairs also carry an older, deleted window. */
function* synthRows(pairs: number): Generator<SynthRow> {
  const seen = new Set<number>();
  for (const e of builtinPtp().records()) {
    const c1 = codeIndex(e.column1);
    const c2 = codeIndex(e.column2);
    seen.add(c1 * 1_048_576 + c2);
    yield { c1, c2, modifier: e.modifier, effective: 20190101, deletion: 0, rationale: pick(RATIONALES) };
  }
  while (seen.size < pairs) {
    const c1 = randomCode();
    const c2 = randomCode();
    const key = c1 * 1_048_576 + c2;
    if (c1 === c2 || seen.has(key)) continue;
    seen.add(key);
    const modifier = random() < 0.14 ? 0 : 1;
    if (random() < 0.2)
      yield {
        c1,
        c2,
        modifier: (1 - modifier) as 0 | 1,
        effective: 20100101,
        deletion: 20151231,
        rationale: pick(RATIONALES),
      };
    if (random() < 0.03)
      yield { c1, c2, modifier: 9, effective: 20160101, deletion: 20160101, rationale: pick(RATIONALES) };
    yield {
      c1,
      c2,
      modifier,
      effective: 20160101 + Math.floor(random() * 10) * 10000,
      deletion: 0,
      rationale: pick(RATIONALES),
    };
  }
}

function fullTable(pairs: number): { table: PtpTable; ms: number } {
  const t0 = performance.now();
  const b = new PtpTableBuilder(pairs);
  for (const r of synthRows(pairs))
    if (r.modifier !== 9) b.add(r.c1, r.c2, r.modifier, r.effective, r.deletion, r.rationale);
  const table = b.build({ name: 'NCCI PTP 2026 Q3', reference: 'synthetic full-size table', asOf: '2026-07-01' });
  return { table, ms: performance.now() - t0 };
}

// ── Measurements ───────────────────────────────────────────────────────────

/** CPU time of this process in ms: other processes on a shared machine do not count against us. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function rate(batch: readonly Encounter[], tables: EngineTables | undefined, minMs = 400): number {
  let n = 0;
  const t0 = cpuMs();
  let t = t0;
  do {
    for (const e of batch) run(e, tables ? { tables } : {});
    n += batch.length;
    t = cpuMs();
  } while (t - t0 < minMs);
  return (n / (t - t0)) * 1000;
}

function lookupNs(table: PtpTable, pairs: readonly [number, number][]): number {
  let sink = 0;
  const reps = Math.max(1, Math.floor(2_000_000 / pairs.length));
  const t0 = cpuMs();
  for (let r = 0; r < reps; r++) for (const [a, b] of pairs) sink += table.lookup(a, b, 20260803);
  const ns = ((cpuMs() - t0) * 1e6) / (reps * pairs.length);
  if (sink === 0.5) console.log(sink);
  return ns;
}

async function writePtpFiles(dir: string, pairs: number): Promise<{ rows: number; bytes: number }> {
  // CMS sorts each part by column 1; the four parts split the code range.
  const rows: SynthRow[] = [...synthRows(pairs)].sort((a, b) => a.c1 - b.c1 || a.c2 - b.c2);
  const bounds = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.floor(rows.length * f));
  let bytes = 0;
  for (let part = 1; part <= 4; part++) {
    const out = createWriteStream(join(dir, `ccipra-v322r0-f${part}.txt`), { encoding: 'latin1' });
    let buffer = PTP_PREAMBLE.map((l) => `${l}\r\n`).join('');
    for (let i = bounds[part - 1]!; i < bounds[part]!; i++) {
      const r = rows[i]!;
      buffer += `${codeOfIndex(r.c1)}\t${codeOfIndex(r.c2)}\t${r.effective < 19970101 ? '*' : ''}\t${r.effective}\t${r.deletion || '*'}\t${r.modifier}\t${r.rationale}\r\n`;
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
    bytes += statSync(join(dir, `ccipra-v322r0-f${part}.txt`)).size;
  }
  return { rows: rows.length, bytes };
}

async function main() {
  console.log(
    `dermlint bench — node ${process.version}, ${ROUNDS} rounds, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs\n`,
  );
  await engineBesideParsing();
  longEncounters();
  if (ENGINE_ONLY) return;
  console.log('NCCI tables:');
  const batch = await encounters();
  const lines = batch.reduce((s, e) => s + e.lines.length, 0);
  console.log(
    `encounters: ${batch.length} (worked examples, case tables, 400 busy claims), ${fmt(lines / batch.length, 1)} lines on average`,
  );

  const builtin = builtinPtp();
  const full = fullTable(FULL_PAIRS);
  console.log(
    `built-in PTP table: ${fmt(builtin.pairs)} pairs; synthetic full table: ${fmt(full.table.pairs)} pairs, ${fmt(full.table.edits)} records, built in ${fmt(full.ms)} ms, ${mb(full.table.bytes)} of typed arrays (built-in: ${mb(builtin.bytes)})\n`,
  );
  const fullTables: EngineTables = { ptp: full.table, mue: builtinMue() };

  // 1. The engine, alternating tables round by round (ABBA order against drift).
  const noTables: EngineTables = { ptp: undefined, mue: undefined };
  for (let w = 0; w < 3; w++) for (const t of [undefined, fullTables, noTables]) rate(batch, t, 200); // warm every path
  const a: number[] = [];
  const b: number[] = [];
  const none: number[] = [];
  for (let r = 0; r < ROUNDS * 2; r++) {
    const flip = r % 2 === 1;
    const first = rate(batch, flip ? fullTables : undefined, 250);
    const second = rate(batch, flip ? undefined : fullTables, 250);
    a.push(flip ? second : first);
    b.push(flip ? first : second);
    none.push(rate(batch, noTables, 250));
  }
  const ratios = a.map((x, i) => b[i]! / x);
  console.log('engine rate (encounters per CPU second, median of rounds):');
  console.log(`  without NCCI tables:          ${fmt(median(none))}`);
  console.log(`  built-in tables:              ${fmt(median(a))}`);
  console.log(`  full 1.7 M-pair PTP table:    ${fmt(median(b))}`);
  console.log(`  full / built-in, per round:   ${ratios.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  full / built-in, median:      ${median(ratios).toFixed(2)}\n`);

  // 2. Lookups.
  const builtinPairs: [number, number][] = [...builtin.records()]
    .slice(0, 20000)
    .map((e) => [codeIndex(e.column1), codeIndex(e.column2)]);
  const misses: [number, number][] = Array.from({ length: 20000 }, () => [randomCode(), randomCode()]);
  console.log('PTP lookup (CPU ns per pair, median of rounds):');
  const la: number[] = [],
    lb: number[] = [],
    ma: number[] = [],
    mbs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    la.push(lookupNs(builtin, builtinPairs));
    lb.push(lookupNs(full.table, builtinPairs));
    ma.push(lookupNs(builtin, misses));
    mbs.push(lookupNs(full.table, misses));
  }
  console.log(`  hit:  built-in ${fmt(median(la), 1)}, full ${fmt(median(lb), 1)}`);
  console.log(`  miss: built-in ${fmt(median(ma), 1)}, full ${fmt(median(mbs), 1)}\n`);

  // 3. Parsing full-size CMS files.
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-bench-ncci-'));
  try {
    const t0 = performance.now();
    const written = await writePtpFiles(dir, FULL_PAIRS);
    console.log(
      `CMS-layout PTP files: 4 parts, ${fmt(written.rows)} rows, ${mb(written.bytes)}, written in ${fmt(performance.now() - t0)} ms`,
    );
    const files = readdirSync(dir).map((name) => ({
      name: join(dir, name),
      read: () =>
        createReadStream(join(dir, name), { encoding: 'latin1', highWaterMark: 1 << 20 }) as AsyncIterable<string>,
    }));
    const times: number[] = [];
    const wall: number[] = [];
    let table: PtpTable | undefined;
    for (let r = 0; r < Math.min(3, ROUNDS); r++) {
      table = undefined;
      const c1 = cpuMs();
      const t1 = performance.now();
      table = (await importNcciFiles(files)).ptp!;
      times.push(cpuMs() - c1);
      wall.push(performance.now() - t1);
    }
    const ms = median(times);
    console.log(
      `parse (scrub --ncci): CPU ${times.map((t) => fmt(t)).join(' / ')} ms (wall ${wall.map((t) => fmt(t)).join(' / ')} ms); median CPU ${fmt(ms)} ms = ${fmt((written.rows / ms) * 1000)} rows/s, ${fmt((written.bytes / 1048576 / ms) * 1000, 1)} MB/s`,
    );
    console.log(
      `  → ${table!.name}, ${fmt(table!.pairs)} pairs, ${fmt(table!.edits)} records kept (indicator 9 rows dropped)`,
    );
    table = undefined;
    await importLikeTheBrowser(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 4. The options page's import path over the same files (one round: it is the slow path a practice meets once a quarter). */
async function importLikeTheBrowser(dir: string): Promise<void> {
  const names = readdirSync(dir).sort();
  const files: NamedBlob[] = [];
  for (const name of names) files.push(new File([await openAsBlob(join(dir, name))], name));
  const timed = async (what: string, files: readonly NamedBlob[]) => {
    const c0 = cpuMs();
    const t0 = performance.now();
    const { info, payload } = await importPtp(files, { pause: async () => {} }); // as in the options page's worker
    const c1 = cpuMs();
    const t1 = performance.now();
    const clone = structuredClone(payload.ptp!);
    const t2 = performance.now();
    const loaded = StoredPtpTable.fromStored(clone);
    const t3 = performance.now();
    console.log(
      `import as in options' worker (${what}): wall ${fmt(t1 - t0)} ms, CPU ${fmt(c1 - c0)} ms → ${info.label}, ${fmt(info.rows)} pairs; stored form ${mb(loaded.bytes)}, structured clone ${fmt(t2 - t1)} ms, loaded back in ${fmt(t3 - t2)} ms`,
    );
  };
  await timed('4 text files', files);
  files.length = 0;
  const t0 = performance.now();
  const zip = zipArchive(names.map((name) => ({ name, data: readFileSync(join(dir, name)) })));
  console.log(`  ZIP of the 4 parts: ${mb(zip.length)}, deflated in ${fmt(performance.now() - t0)} ms`);
  await timed('1 ZIP', [new File([zip as unknown as BlobPart], 'medicare-ncci-practitioner-ptp.zip')]);
}

await main();
