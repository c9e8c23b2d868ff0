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
 * The files come from scripts/templates/adapter/; every one is written formatted (prettier), so it
 * passes format:check, lint and tsc as it is.
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

/** The folder's files, written from scripts/templates/adapter/ with __NAME__ the adapter's name. */
const TEMPLATES: [template: string, path: (name: string) => string][] = [
  ['selectors.ts.txt', (name) => `adapters/${name}/selectors.ts`],
  ['index.ts.txt', (name) => `adapters/${name}/index.ts`],
  ['NAME.test.ts.txt', (name) => `adapters/${name}/${name}.test.ts`],
  ['sample.html.txt', (name) => `adapters/${name}/__snapshots__/sample.html`],
];

const fromTemplate = (template: string, name: string) =>
  readFileSync(new URL(`./templates/adapter/${template}`, import.meta.url), 'utf8').replaceAll('__NAME__', name);

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

  const files = TEMPLATES.map(([template, path]): [string, string] => [path(name), fromTemplate(template, name)]);
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
