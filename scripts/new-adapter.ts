/**
 * npm run new:adapter -- <name> [--root DIR]
 *
 * Writes a new EHR adapter's folder and registers it:
 *   adapters/<name>/selectors.ts              its hosts and every selector it reads, in one file
 *   adapters/<name>/index.ts                  its field mapping with the adapter kit (adapters/shared/reader.ts)
 *   adapters/<name>/<name>.test.ts            its saved-snapshot test (test/support/adapter-kit.ts), which runs as written
 *   adapters/<name>/__snapshots__/sample.html a stand-in screen in the shape the selectors expect, for that test
 *   adapters/index.ts                         its import and its entry in ADAPTERS
 * Then: put the EHR's real hosts and selectors in selectors.ts, save real screens into __snapshots__
 * (adapters/shared/screen-html.ts saves one as the user saw it) and write what each one shows in the test.
 * Every file is written formatted (prettier), so it passes format:check, lint and tsc as it is.
 * --root points at another copy of the repository (the unit test uses one).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

export class NewAdapterError extends Error {}

/** An adapter's name is its folder and its id: lower-case letters and digits, starting with a letter. */
const NAME = /^[a-z][a-z0-9]*$/;
const MAX_NAME_LENGTH = 30;
/** Folders of adapters/ that are not an EHR's, and ids taken by other kinds of adapter. */
const RESERVED = new Set(['shared', 'generic', 'types', 'index', 'appliers']);

function selectorsSource(name: string): string {
  return `/**
 * Everything the ${name} adapter looks for on the screen, in one place.
 * TODO: the EHR's real hosts, and selectors for its encounter screen: prefer its own stable hooks
 * (data-* test ids, ARIA roles and labels, visible column headers) to generated class names.
 */

/** Hosts of the real product (TODO). */
export const EHR_HOSTS: readonly string[] = ['${name}.example.com'];

/** The match patterns the content script runs on. */
export const MATCHES: readonly string[] = EHR_HOSTS.map((host) => \`https://\${host}/*\`);

export const SEL = {
  /** The open encounter's claim: present only while one is open. */
  claim: '#claim',
  /** The EHR's own id of the encounter (never a patient name, MRN or date of birth). */
  encounterId: '#encounter-id',
  dateOfService: '#date-of-service',
  /** The plan name, and its financial class where the screen shows one. */
  payerName: '#payer-name',
  payerCategory: '#payer-category',
  /** Diagnoses in claim order (the order the line pointers count in). */
  diagnosisList: '#diagnoses',
  diagnosis: '#diagnoses li',
  diagnosisCode: '.dx-code',
  diagnosisDescription: '.dx-description',
  /** One row per service line, and its fields. */
  serviceRow: '#services tbody tr',
  code: '.code',
  modifiers: '.modifiers',
  units: '.units',
  pointers: '.pointers',
  site: '.site',
} as const;
`;
}

function indexSource(name: string): string {
  return `/**
 * ${name}: reads the open encounter's claim (payer, diagnoses, service lines) with the adapter kit
 * (../shared/reader). Every selector lives in ./selectors. Anything on the screen that cannot be
 * parsed makes the result 'unreadable', naming the field and the line; nothing is guessed.
 */
import type { Diagnosis, Encounter, Line } from '../../rules/schema';
import type { Adapter, LineField, ReadResult, ScreenAnchors } from '../types';
import {
  checkEncounter,
  dateOf,
  fail,
  fieldValue,
  onScreenAddress,
  payerKindFromText,
  positiveIntOf,
  quoted,
  readScreen,
} from '../shared/reader';
import { encounterIdentity } from '../shared/text';
import { EHR_HOSTS, MATCHES, SEL } from './selectors';

/** Its hosts only (TODO: a demo screen of its own would add its path in adapters/demo-screens.ts). */
const onScreen = (doc: Document) =>
  onScreenAddress(doc, { isEhrHost: (host) => EHR_HOSTS.includes(host), isDemoPath: () => false });

/** Codes and modifiers in a field: split at spaces and commas, a leading dash dropped ('-25'). */
const words = (raw: string) =>
  raw
    .split(/[\\s,]+/)
    .map((w) => w.replace(/^-+/, ''))
    .filter(Boolean);

function readLine(row: Element, where: string): Line {
  const field = (selector: string) => fieldValue(row.querySelector(selector));
  const code = field(SEL.code);
  if (/\\s/.test(code)) fail(\`\${where}: code \${quoted(code)}\`);
  const line: Line = { code };
  const modifiers = words(field(SEL.modifiers));
  if (modifiers.length) line.modifiers = modifiers;
  const rawUnits = field(SEL.units);
  const units = positiveIntOf(rawUnits);
  if (units === null) fail(\`\${where}: units \${quoted(rawUnits)} is not a whole number above 0\`);
  if (units !== undefined) line.units = units;
  const rawPointers = field(SEL.pointers);
  const dx = words(rawPointers).map(Number);
  if (!dx.every(Number.isSafeInteger)) fail(\`\${where}: diagnosis pointers \${quoted(rawPointers)}\`);
  if (dx.length) line.dx = dx;
  const site = field(SEL.site);
  if (site) line.site = site;
  return line;
}

function readDiagnoses(claim: Element): Diagnosis[] {
  return [...claim.querySelectorAll(SEL.diagnosis)].map((item, i) => {
    const code = fieldValue(item.querySelector(SEL.diagnosisCode));
    if (!code || /\\s/.test(code)) fail(\`diagnosis \${i + 1}: code \${quoted(code)}\`);
    const description = fieldValue(item.querySelector(SEL.diagnosisDescription));
    return description ? { code, description } : { code };
  });
}

/** The element of each field of a line, where a warning is painted (asked for lines with findings only). */
const FIELD_SELECTORS: Partial<Record<LineField, string>> = {
  code: SEL.code,
  modifiers: SEL.modifiers,
  units: SEL.units,
  site: SEL.site,
  dx: SEL.pointers,
};

function read(doc: Document): ReadResult {
  if (!onScreen(doc)) return { status: 'absent' };
  const claim = doc.querySelector(SEL.claim);
  if (!claim) return { status: 'absent' };
  return readScreen(() => {
    const id = fieldValue(claim.querySelector(SEL.encounterId));
    if (!id) fail('the encounter id (not on the screen)');
    const rawDate = fieldValue(claim.querySelector(SEL.dateOfService));
    const dateOfService = dateOf(rawDate);
    if (dateOfService === null) fail(\`the date of service \${quoted(rawDate)} is not a date\`);
    const payerName = fieldValue(claim.querySelector(SEL.payerName));
    const payer: Encounter['payer'] = {
      kind: payerKindFromText(fieldValue(claim.querySelector(SEL.payerCategory)), payerName),
    };
    if (payerName) payer.name = payerName;
    const rows = [...claim.querySelectorAll(SEL.serviceRow)];

    const encounter: Encounter = {
      id: encounterIdentity('${name}', id),
      payer,
      diagnoses: readDiagnoses(claim),
      lines: rows.map((row, i) => readLine(row, \`service line \${i + 1}\`)),
    };
    if (dateOfService) encounter.dateOfService = dateOfService;
    const problem = checkEncounter(encounter);
    if (problem) fail(problem);

    const anchors: ScreenAnchors = {
      lines: rows,
      field: (line, field) => {
        const selector = FIELD_SELECTORS[field];
        return (selector && rows[line]?.querySelector(selector)) || undefined;
      },
      header: claim,
    };
    const diagnosisList = claim.querySelector(SEL.diagnosisList);
    if (diagnosisList) anchors.diagnoses = diagnosisList;
    return { status: 'ok', encounter, anchors };
  });
}

export const ${name}Adapter: Adapter = {
  id: '${name}',
  name: '${name}', // TODO: the EHR's name as its users know it (the popup and options show it)
  matches: [...MATCHES],
  read,
};
`;
}

function testSource(name: string): string {
  return `/**
 * The ${name} adapter against its saved screens (__snapshots__/<id>.html). sample.html is the
 * scaffold's stand-in: save real screens of the EHR (adapters/shared/screen-html.ts keeps each
 * control's value), and write what each one must read as.
 */
import { describe, expect, it } from 'vitest';
import { snapshotLoader } from '../../test/support/snapshot-testing';
import { expectRead } from '../../test/support/adapter-kit';
import { encounterIdentity } from '../shared/text';
import { ${name}Adapter } from './index';

const { snapshot } = snapshotLoader(new URL('./__snapshots__/', import.meta.url), 'about:blank');

describe('${name}: saved screens read back', () => {
  it('sample: the encounter it shows, and where each line is', () => {
    const { encounter, anchors } = expectRead(${name}Adapter.read(snapshot('sample')));
    expect(encounter).toEqual({
      id: encounterIdentity('${name}', 'E-1001'),
      dateOfService: '2026-03-10',
      payer: { kind: 'medicare', name: 'Medicare Part B' },
      diagnoses: [{ code: 'L57.0', description: 'Actinic keratosis' }],
      lines: [
        { code: '99213', modifiers: ['25'], units: 1, dx: [1] },
        { code: '17000', units: 1, dx: [1], site: 'left cheek' },
      ],
    });
    expect(anchors.lines.map((row) => row.tagName)).toEqual(['TR', 'TR']);
  });

  it('is absent on another site', () => {
    expect(${name}Adapter.read(snapshot('sample', 'https://example.com/'))).toEqual({ status: 'absent' });
  });

  it('says what it cannot read, and never guesses', () => {
    const doc = snapshot('sample');
    doc.querySelector('#services tbody tr .units')!.textContent = 'two';
    expect(${name}Adapter.read(doc)).toEqual({
      status: 'unreadable',
      reason: "could not read: service line 1: units 'two' is not a whole number above 0",
      withoutValues: "could not read: service line 1: units '…' is not a whole number above 0",
    });
  });
});
`;
}

function sampleSnapshot(name: string): string {
  return `<!-- snapshot of https://${name}.example.com/encounter -->
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name} (stand-in screen)</title></head>
<body>
<main id="claim">
  <header>Encounter <span id="encounter-id">E-1001</span>, date of service <span id="date-of-service">03/10/2026</span>,
    <span id="payer-name">Medicare Part B</span> <span id="payer-category">Medicare</span></header>
  <ol id="diagnoses"><li><span class="dx-code">L57.0</span> <span class="dx-description">Actinic keratosis</span></li></ol>
  <table id="services">
    <thead><tr><th>Code</th><th>Modifiers</th><th>Units</th><th>Pointers</th><th>Site</th></tr></thead>
    <tbody>
      <tr><td class="code">99213</td><td class="modifiers">25</td><td class="units">1</td><td class="pointers">1</td><td class="site"></td></tr>
      <tr><td class="code">17000</td><td class="modifiers"></td><td class="units">1</td><td class="pointers">1</td><td class="site">left cheek</td></tr>
    </tbody>
  </table>
</main>
</body></html>
`;
}

/** adapters/index.ts with the adapter's import after the last adapter import and its entry at the end of ADAPTERS. */
export function registered(index: string, name: string): string {
  const lines = index.split('\n');
  const lastImport = lines.findLastIndex((l) => /^import \{ \w+Adapter \} from '\.\/[a-z0-9]+\/index';$/.test(l));
  const list = lines.findIndex((l) => /^export const ADAPTERS: readonly Adapter\[\] = \[.*\];$/.test(l));
  if (lastImport < 0 || list < 0)
    throw new NewAdapterError('adapters/index.ts: cannot find the adapter imports and the ADAPTERS list');
  lines[list] = lines[list]!.replace(/\];$/, `, ${name}Adapter];`);
  lines.splice(lastImport + 1, 0, `import { ${name}Adapter } from './${name}/index';`);
  return lines.join('\n');
}

async function formatted(root: string, path: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(join(root, path))) ?? {};
  return prettier.format(text, { ...options, filepath: join(root, path) });
}

/** Writes the adapter's folder and its registration under `root`; returns the files touched, relative to it. */
export async function newAdapter(name: string, root: string): Promise<string[]> {
  if (!NAME.test(name) || name.length > MAX_NAME_LENGTH || RESERVED.has(name)) {
    throw new NewAdapterError(
      `"${name.slice(0, 80)}" is not an adapter name: lower-case letters and digits, starting with a letter (e.g. nextgen), at most ${MAX_NAME_LENGTH} characters, not ${[...RESERVED].join(', ')}`,
    );
  }
  const folder = join(root, 'adapters', name);
  const indexPath = join(root, 'adapters', 'index.ts');
  const index = readFileSync(indexPath, 'utf8');
  if (existsSync(folder) || index.includes(`'./${name}/index'`)) throw new NewAdapterError(`${name} already exists`);
  if (index.split(/[^A-Za-z0-9_$]+/).includes(`${name}Adapter`))
    throw new NewAdapterError(`${name}: the name ${name}Adapter is already taken in adapters/index.ts`);

  const files: [string, string][] = [
    [`adapters/${name}/selectors.ts`, selectorsSource(name)],
    [`adapters/${name}/index.ts`, indexSource(name)],
    [`adapters/${name}/${name}.test.ts`, testSource(name)],
    [`adapters/${name}/__snapshots__/sample.html`, sampleSnapshot(name)],
  ];
  // Formatted before anything is written: a failure leaves the repository as it was.
  const written: [string, string][] = [];
  for (const [path, text] of files)
    written.push([path, path.endsWith('.ts') ? await formatted(root, path, text) : text]);
  const nextIndex = await formatted(root, 'adapters/index.ts', registered(index, name));

  mkdirSync(join(folder, '__snapshots__'), { recursive: true });
  for (const [path, text] of written) writeFileSync(join(root, path), text, { flag: 'wx' });
  writeFileSync(indexPath, nextIndex);
  return [...files.map(([path]) => path), 'adapters/index.ts'];
}

async function main(argv: string[]): Promise<number> {
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? resolve(argv[rootAt + 1] ?? '.') : fileURLToPath(new URL('..', import.meta.url));
  const rest = argv.filter((_a, i) => rootAt < 0 || (i !== rootAt && i !== rootAt + 1));
  if (rest.length !== 1 || rest[0]!.startsWith('-')) {
    console.error('usage: npm run new:adapter -- <name> [--root DIR]');
    return 1;
  }
  try {
    const touched = await newAdapter(rest[0]!, root);
    console.log(
      `${touched.join('\n')}\n\nNext: the EHR's hosts and selectors in selectors.ts, real screens saved into __snapshots__, and what each reads as in the test (npx vitest run adapters/${rest[0]}/).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof NewAdapterError) {
      console.error(`new:adapter: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exit(await main(process.argv.slice(2)));
