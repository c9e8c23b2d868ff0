/**
 * The engine (rules/) runs in the extension's service worker and on the command line alike, so it
 * touches no Node or browser global: a `process.env` read left in rules/index.ts once stopped the
 * worker at start-up ("process is not defined"), and with it every warning.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const GLOBALS =
  /\b(process|window|document|chrome|browser|localStorage|sessionStorage|navigator|require|Buffer|__dirname|__filename)\s*[.[(]/;

function shipped(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return shipped(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$|\.cases\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Code without its comments and string contents, so prose and messages may say "process." freely. */
function codeOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

describe('the engine is pure', () => {
  it('finds a planted global', () => {
    expect(GLOBALS.test(codeOf('const flags = process.env;\n'))).toBe(true);
    expect(GLOBALS.test(codeOf("// process.env is never read\nconst m = 'the process.';\n"))).toBe(false);
  });

  it('no module of rules/ reads a Node or browser global', () => {
    const offenders = shipped(join(ROOT, 'rules')).flatMap((file) => {
      const code = codeOf(readFileSync(file, 'utf8'));
      const hit = code.match(GLOBALS);
      return hit ? [`${relative(ROOT, file)}: ${hit[0]}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
