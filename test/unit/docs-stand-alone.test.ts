/**
 * The repository documents itself: no source file or page cites a document
 * that is not in it (the domain spec the project started from, a style guide,
 * a path on the machine it was written on), and every relative link of the
 * pages leads to a file that is there. What used to be cited lives in
 * docs/formats.md, docs/rules.md, docs/note.md and docs/architecture.md.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FOLDERS = ['rules', 'lib', 'adapters', 'components', 'entrypoints', 'scripts', 'docs'];
const TOP_FILES = ['README.md', 'CHANGELOG.md'];
const TEXT = /\.(ts|tsx|js|mjs|md|json|html|css|txt|snap)$/;

/** Documents outside the repository that files used to cite (case matters: docs/architecture.md is ours). */
const OUTSIDE_DOCUMENTS = ['RULES.md', 'EHR-SCREENS', 'STYLE.md', 'ARCHITECTURE.md', 'TOOLCHAIN.md'];
/** Absolute paths of a machine, not of the repository. */
const MACHINE_PATHS = ['/work/', '/home/', '/Users/', 'C:\\'];

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else if (TEXT.test(name)) out.push(path);
  }
  return out;
}

const inside = (path: string) => path === ROOT || path.startsWith(ROOT + sep);

/** Every citation in `text` (the content of `file`) of something outside the repository. */
export function outsideCitations(file: string, text: string): string[] {
  const found: string[] = [];
  for (const name of OUTSIDE_DOCUMENTS) if (text.includes(name)) found.push(name);
  for (const path of MACHINE_PATHS) if (text.includes(path)) found.push(path);
  // Relative paths (imports, comments, links): none may climb out of the repository.
  for (const m of text.matchAll(/(?:\.\.?\/)+[\w@./-]*/g)) {
    if (!inside(resolve(dirname(file), m[0]))) found.push(m[0]);
  }
  return found;
}

/** Relative link targets of a Markdown page that are not files or folders of the repository. */
export function brokenLinks(file: string, text: string): string[] {
  const broken: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!.split('#')[0]!;
    if (!target || /^[a-z]+:/i.test(target)) continue;
    const path = resolve(dirname(file), decodeURI(target));
    if (!inside(path) || !existsSync(path)) broken.push(m[1]!);
  }
  return broken;
}

const FILES = [...FOLDERS.flatMap((f) => filesUnder(join(ROOT, f))), ...TOP_FILES.map((f) => join(ROOT, f))];

describe('docs stand alone', () => {
  it('finds what it looks for (planted citations)', () => {
    const file = join(ROOT, 'rules', 'codes.ts');
    expect(outsideCitations(file, '/** The code groups of RULES.md section 3. */')).toEqual(['RULES.md']);
    expect(outsideCitations(file, '// see /work/shared/EHR-SCREENS.md')).toEqual(['EHR-SCREENS', '/work/']);
    expect(outsideCitations(file, '// copied from ../../shared/examples')).toEqual(['../../shared/examples']);
    expect(outsideCitations(file, "import { z } from '../lib/messages'; // docs/architecture.md")).toEqual([]);
    expect(
      brokenLinks(
        join(ROOT, 'README.md'),
        '[a](docs/rules.md) [b](docs/nowhere.md) [c](https://example.org/x) [d](../outside.md)',
      ),
    ).toEqual(['docs/nowhere.md', '../outside.md']);
  });

  it('covers every folder it names', () => {
    for (const folder of ['rules', 'lib', 'adapters', 'scripts', 'docs'])
      expect(FILES.some((f) => relative(ROOT, f).startsWith(folder + sep))).toBe(true);
    expect(FILES.length).toBeGreaterThan(100);
  });

  it.each(FILES.map((f) => [relative(ROOT, f), f] as const))(
    '%s cites nothing outside the repository',
    (_name, file) => {
      expect(outsideCitations(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it.each(FILES.filter((f) => f.endsWith('.md')).map((f) => [relative(ROOT, f), f] as const))(
    '%s links only to files that exist',
    (_name, file) => {
      expect(brokenLinks(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );
});
