/**
 * `npm run new:adapter -- <name>` (scripts/new-adapter.ts), run into a temporary copy of adapters/
 * and rules/: the files it writes (and nothing else), the registration in adapters/index.ts, that
 * they are written formatted, that the copy's adapter list gets the new adapter and that it reads
 * its stand-in screen, and the names it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { newAdapter, NewAdapterError } from '../../scripts/new-adapter';
import type { Adapter } from '../../adapters/types';

const REPO = new URL('../../', import.meta.url);
let root = '';

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dermlint-new-adapter-'));
  for (const dir of ['adapters', 'rules']) cpSync(new URL(`${dir}/`, REPO), join(root, dir), { recursive: true });
  cpSync(new URL('.prettierrc.json', REPO), join(root, '.prettierrc.json'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('npm run new:adapter', () => {
  it('writes one folder and registers it: the files touched, and nothing else', async () => {
    const before = new Map(filesUnder(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    const indexBefore = before.get('adapters/index.ts')!;
    expect(await newAdapter('nextgen', root)).toEqual([
      'adapters/nextgen/selectors.ts',
      'adapters/nextgen/index.ts',
      'adapters/nextgen/nextgen.test.ts',
      'adapters/nextgen/__snapshots__/sample.html',
      'adapters/index.ts',
    ]);
    const after = filesUnder(root);
    expect(after.filter((f) => !before.has(f))).toEqual([
      'adapters/nextgen/__snapshots__/sample.html',
      'adapters/nextgen/index.ts',
      'adapters/nextgen/nextgen.test.ts',
      'adapters/nextgen/selectors.ts',
    ]);
    expect(after.filter((f) => before.has(f) && readFileSync(join(root, f), 'utf8') !== before.get(f))).toEqual([
      'adapters/index.ts',
    ]);

    // The registration: its import after the last adapter's, its entry at the end of ADAPTERS.
    const was = indexBefore.split('\n');
    const now = readFileSync(join(root, 'adapters/index.ts'), 'utf8').split('\n');
    const lastImport = was.findLastIndex((l) => /^import \{ \w+Adapter \}/.test(l));
    expect(now.length).toBe(was.length + 1);
    expect(now[lastImport + 1]).toBe("import { nextgenAdapter } from './nextgen/index';");
    expect(now.filter((l) => !was.includes(l))).toEqual([
      "import { nextgenAdapter } from './nextgen/index';",
      'export const ADAPTERS: readonly Adapter[] = [emaAdapter, athenaAdapter, nextgenAdapter];',
    ]);
  });

  it('writes its TypeScript formatted as prettier would', async () => {
    for (const file of ['selectors.ts', 'index.ts', 'nextgen.test.ts', '../index.ts']) {
      const path = join(root, 'adapters/nextgen', file);
      const options = (await prettier.resolveConfig(path)) ?? {};
      expect(await prettier.check(readFileSync(path, 'utf8'), { ...options, filepath: path }), file).toBe(true);
    }
  });

  it('gives the copy an adapter list that ends with the new adapter, which reads its stand-in screen', async () => {
    const { ADAPTERS } = (await import(pathToFileURL(join(root, 'adapters/index.ts')).href)) as {
      ADAPTERS: readonly Adapter[];
    };
    const adapter = ADAPTERS.at(-1)!;
    expect([adapter.id, adapter.matches]).toEqual(['nextgen', ['https://nextgen.example.com/*']]);
    const html = readFileSync(join(root, 'adapters/nextgen/__snapshots__/sample.html'), 'utf8');
    const window = new Window({ url: 'https://nextgen.example.com/encounter' });
    try {
      window.document.write(html);
      const result = adapter.read(window.document as unknown as Document);
      expect(result.status === 'ok' && result.encounter).toMatchObject({
        dateOfService: '2026-03-10',
        payer: { kind: 'medicare', name: 'Medicare Part B' },
        diagnoses: [{ code: 'L57.0', description: 'Actinic keratosis' }],
        lines: [
          { code: '99213', modifiers: ['25'], units: 1, dx: [1] },
          { code: '17000', units: 1, dx: [1], site: 'left cheek' },
        ],
      });
    } finally {
      await window.happyDOM.close();
    }
  });

  it.each([
    ['NextGen', 'is not an adapter name'],
    ['next-gen', 'is not an adapter name'],
    ['1gen', 'is not an adapter name'],
    ['../gen', 'is not an adapter name'],
    ['a'.repeat(31), 'at most 30 characters'],
    ['shared', 'is not an adapter name'],
    ['generic', 'is not an adapter name'],
    ['ema', 'ema already exists'],
    ['nextgen', 'nextgen already exists'],
  ])('refuses %s, touching nothing', async (name, why) => {
    const before = filesUnder(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]);
    await expect(newAdapter(name, root)).rejects.toThrow(NewAdapterError);
    await expect(newAdapter(name, root)).rejects.toThrow(why);
    expect(filesUnder(root).map((f) => [f, readFileSync(join(root, f), 'utf8')])).toEqual(before);
  });
});
