/**
 * What ships: the built extension's manifest asks for exactly what it needs,
 * its code makes no network calls of its own and loads nothing remote, and
 * no source maps or test fixtures are in the package.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_EXTENSION_DIR, STORE_EXTENSION_DIR as EXTENSION_DIR } from './harness';

/** The EHR hosts the store build runs on, and nothing else (the demo server's hosts ship only in the demo/test build). */
const EHR_HOSTS = [
  'https://*.ema.md/*',
  'https://*.modmedapp.com/*',
  'https://athenanet.athenahealth.com/*',
  'https://preview.athenahealth.com/*',
];
const DEMO_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * Where code reaches the global Function constructor (eval by another name, which the CSP blocks and
 * reports): `new Function`, a call `Function(…)`, `globalThis.Function` / `["Function"]`, a function's
 * `.constructor("…")`, and the global `Function` taken as a value into an alias (`const e=Function;
 * new e("")`, zod's JIT probe). `Function.prototype…`, `Function.call…` and `instanceof Function` are fine.
 */
export function functionConstructorUses(text: string): string[] {
  const patterns = [
    /\bnew\s+Function\b/g,
    /(?<![.\w$])Function\s*\(/g,
    /\b(?:globalThis|window|self|global)\s*(?:\.\s*Function\b|\[\s*["'`]Function["'`]\s*\])/g,
    /\[\s*["'`]Function["'`]\s*\]/g,
    /\.constructor\s*\(\s*["'`]/g,
    // The bare identifier as a value: assigned, passed, returned, listed (not a property of it, not a call, not instanceof).
    /(?<![.\w$])(?<!instanceof\s{1,5})Function(?=\s*(?:[;,)\]}:?]|\|\||&&|$))/gm,
  ];
  const uses: string[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern))
      uses.push(text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20));
  }
  return uses;
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const all = files(EXTENSION_DIR);
const code = all.filter((f) => f.endsWith('.js') || f.endsWith('.html'));

describe('the built extension', () => {
  it('asks for exactly its permissions: no <all_urls>, host access and the content script only on the EHR hosts', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
    expect([...manifest.host_permissions].sort()).toEqual([...EHR_HOSTS].sort());
    expect(manifest.content_scripts.map((c: { matches: string[] }) => [...c.matches].sort())).toEqual([
      [...EHR_HOSTS].sort(),
    ]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1|http:\/\//);
    // Hosts a user adds are asked for at runtime, one by one, and only over https.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('the demo/test build (npm run demo, the end-to-end tests) adds the local demo server, and only that', () => {
    const demo = JSON.parse(readFileSync(join(DEMO_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect([...demo.host_permissions].sort()).toEqual([...EHR_HOSTS, ...DEMO_HOSTS].sort());
    expect(demo.content_scripts.map((c: { matches: string[] }) => [...c.matches].sort())).toEqual([
      [...EHR_HOSTS, ...DEMO_HOSTS].sort(),
    ]);
    expect([...demo.optional_host_permissions].sort()).toEqual(['https://*/*', ...DEMO_HOSTS].sort());
    expect({ ...demo, host_permissions: [], content_scripts: [], optional_host_permissions: [] }).toEqual({
      ...manifest,
      host_permissions: [],
      content_scripts: [],
      optional_host_permissions: [],
    });
  });

  it('has a strict content security policy for its pages', () => {
    const csp: string = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });

  it('contains no network calls, remote code or eval of its own', () => {
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [
        /\bfetch\s*\(/,
        /XMLHttpRequest/,
        /new\s+WebSocket/,
        /sendBeacon/,
        /EventSource/,
        /importScripts\s*\(/,
        /\beval\s*\(/,
        /new\s+Function\s*\(/,
        /<script[^>]+src=["']https?:/,
      ]) {
        expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
      }
    }
  });

  it('never reaches the Function constructor, by name or by alias (zod runs jitless)', () => {
    const found: string[] = [];
    for (const file of code)
      for (const use of functionConstructorUses(readFileSync(file, 'utf8')))
        found.push(`${file.slice(EXTENSION_DIR.length + 1)}: …${use}…`);
    expect(found).toEqual([]);
  });

  it('the Function check catches every way in, and nothing else', () => {
    for (const bad of [
      'new Function("return 1")',
      'x=Function("return 1")',
      'const e=Function;new e("")',
      'const T=Function,t=1',
      'f(Function)',
      'globalThis.Function("x")',
      'self["Function"]("x")',
      '(function(){}).constructor("return this")',
      'return Function}',
    ]) {
      expect(functionConstructorUses(bad), bad).not.toEqual([]);
    }
    for (const fine of [
      'Function.prototype.call',
      'let d=Function.call.bind(Object.prototype.hasOwnProperty)',
      'x instanceof Function)',
      'typeof f=="function"',
      'myFunction(1)',
      'a.Function(1)',
      'this.constructor(e,n)',
      'isFunction;',
    ]) {
      expect(functionConstructorUses(fine), fine).toEqual([]);
    }
  });

  it('sets zod jitless in every bundle that holds zod', () => {
    const withZod = code.filter((f) => f.endsWith('.js') && /_zod\b/.test(readFileSync(f, 'utf8')));
    expect(withZod.length).toBeGreaterThanOrEqual(3);
    expect(
      withZod
        .filter((f) => !/jitless:(?:!0|true)/.test(readFileSync(f, 'utf8')))
        .map((f) => f.slice(EXTENSION_DIR.length + 1)),
    ).toEqual([]);
  });

  it('shows dermlint in the toolbar, the extensions page and the store: 16, 32, 48 and 128 px icons', () => {
    const sizes = ['16', '32', '48', '128'];
    for (const [where, icons] of [
      ['icons', manifest.icons],
      ['action.default_icon', manifest.action?.default_icon],
    ] as const) {
      expect(Object.keys(icons ?? {}).sort(), where).toEqual([...sizes].sort());
      for (const size of sizes) {
        const png = readFileSync(join(EXTENSION_DIR, icons[size]));
        // PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        expect(png.subarray(0, 8).toString('hex'), `${where}.${size}`).toBe('89504e470d0a1a0a');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${where}.${size}`).toEqual([Number(size), Number(size)]);
      }
    }
  });

  it('ships no source maps and no test fixtures', () => {
    expect(all.filter((f) => f.endsWith('.map') || /sourceMappingURL/.test(readFileSync(f, 'latin1')))).toEqual([]);
    expect(all.filter((f) => /fixtures|__snapshots__|\.test\.|examples\.json|encounters\.json/.test(f))).toEqual([]);
  });

  it("defines the name the content script ends with (WXT ends it with the entrypoint's name; a minifier that renames it throws in every frame)", () => {
    const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/ehr.js'), 'latin1');
    const last = content.trimEnd().split('\n').pop()!;
    expect(last).toBe('ehr;');
    expect(content.startsWith('var ehr=')).toBe(true);
  });

  it('keeps the content script small', () => {
    const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/ehr.js'));
    const gz = gzipSync(content, { level: 9 }).length;
    // The goal (issue 14, docs/performance.md) is 25 KB gzip: met since the drawing code went into the
    // paint kit and the fix code into fix-apply.js (~18.6 KB with the note and history readers, the banner check and
    // the fix hooks). The test fails above the goal and prints the figure against it every run. zod and
    // webextension-polyfill stay out of it.
    const GOAL = 25 * 1024;
    console.log(
      `content script: ${(content.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip (goal 25 KB: ${gz <= GOAL ? 'met' : `MISSED by ${gz - GOAL} bytes`})`,
    );
    expect(gz).toBeLessThanOrEqual(GOAL);
    expect(content.toString('latin1')).not.toMatch(/maxArgs|\$ZodType|_zod/);
  });

  it('keeps the drawing code out of it: the paint kit is a file of its own, injected only into frames that show an encounter', () => {
    const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/ehr.js'), 'latin1');
    const kit = readFileSync(join(EXTENSION_DIR, 'paint-kit.js'));
    const gz = gzipSync(kit, { level: 9 }).length;
    console.log(`paint kit: ${(kit.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
    expect(gz).toBeLessThanOrEqual(16 * 1024);
    // Preact and the warnings' placement are in the kit, not in every EHR frame's content script.
    expect(kit.toString('latin1')).toMatch(/dermlint-layer/);
    expect(content).not.toMatch(/dermlint-layer|__preactattr_|__H/);
    // Not a content script, and not reachable by the page (no web-accessible resources at all).
    expect(JSON.stringify(manifest.content_scripts)).not.toContain('paint-kit');
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('keeps the fix code a script of its own, loaded when a card with a fix opens: not in the content script or the paint kit', () => {
    const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/ehr.js'), 'latin1');
    const kit = readFileSync(join(EXTENSION_DIR, 'paint-kit.js'), 'latin1');
    const fix = readFileSync(join(EXTENSION_DIR, 'fix-apply.js'));
    console.log(
      `fix code: ${(fix.length / 1024).toFixed(1)} KB, ${(gzipSync(fix, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
    );
    // The kit draws the Fix button; the appliers (the EHR's own controls operated) live in fix-apply.js only.
    expect(kit).toMatch(/fixbtn/);
    expect(fix.toString('latin1')).toMatch(/__dermlintFixKit/);
    for (const marker of ['Could not apply', 'canApply']) {
      expect(content.includes(marker), `content script holds ${marker}`).toBe(false);
      expect(kit.includes(marker), `paint kit holds ${marker}`).toBe(false);
    }
    expect(JSON.stringify(manifest.content_scripts)).not.toContain('fix-apply');
  });
});
