/** The command line as a coder and a script meet it: contract, errors, config, report, streaming. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';

const dir = mkdtempSync(join(tmpdir(), 'dermlint-cli-'));
function scrub(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

const separateProblem = {
  id: 'enc-1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [{ code: '99213', dx: [2] }, { code: '17110', dx: [1], site: 'right index finger', lesions: 3 }],
};

describe('scrub', () => {
  it('prints the JSON contract for one encounter and for an array', () => {
    const one = scrub([file('one.json', separateProblem), '--format', 'json']);
    expect(one.code).toBe(0);
    const parsed = JSON.parse(one.stdout);
    expect(parsed).toEqual([{ id: 'enc-1', findings: [expect.objectContaining({ rule: 'mod25-missing', line: 0, severity: 'error' })] }]);
    const many = scrub(['-', '--format', 'json'], JSON.stringify([separateProblem, { ...separateProblem, id: 'enc-2', lines: [] }]));
    expect(JSON.parse(many.stdout).map((r: { id: string }) => r.id)).toEqual(['enc-1', 'enc-2']);
  });

  it('prints an empty array for an empty array', () => {
    const r = scrub(['-', '--format', 'json'], '[]');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated array', JSON.stringify([separateProblem]).slice(0, -5), /encounter 0|ends before/],
    ['wrong type', JSON.stringify([separateProblem, { ...separateProblem, lines: [{ code: '11102', units: 'two' }] }]), /encounter 1: lines\[0\]\.units: expected a positive integer/],
    ['bad payer', JSON.stringify({ ...separateProblem, payer: { kind: 'aetna' } }), /encounter 0: payer\.kind: expected one of/],
    ['missing lines', JSON.stringify({ id: 'x', payer: { kind: 'medicare' }, diagnoses: [] }), /encounter 0: lines: expected an array of lines/],
  ])('rejects %s with a message on stderr and nothing on stdout', (_name, input, message) => {
    const r = scrub(['-', '--format', 'json'], input);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('ignores unknown extra fields', () => {
    const r = scrub(['-', '--format', 'json'], JSON.stringify({ ...separateProblem, patientName: 'x', lines: separateProblem.lines.map((l) => ({ ...l, color: 'red' })) }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].findings).toHaveLength(1);
  });

  it('applies --config: a rule off, another raised', () => {
    const off = scrub([file('a.json', separateProblem), '--format', 'json', '--config', file('off.json', { rules: { 'mod25-missing': 'off' } })]);
    expect(JSON.parse(off.stdout)[0].findings).toEqual([]);
    const info = scrub([file('a.json', separateProblem), '--format', 'json', '--config', file('info.json', { rules: { 'mod25-missing': 'info' } })]);
    expect(JSON.parse(info.stdout)[0].findings[0].severity).toBe('info');
    const bad = scrub([file('a.json', separateProblem), '--config', file('bad.json', { rules: { 'no-such-rule': 'off' } })]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no such rule/);
  });

  it('prints a readable report with encounter, line, code, severity, message, fix and a summary', () => {
    const r = scrub([file('b.json', [separateProblem, { ...separateProblem, id: 'clean', lines: [] }])]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('encounter enc-1');
    expect(r.stdout).toMatch(/line 0 99213\s+✖ error\s+mod25-missing/);
    expect(r.stdout).toContain('fix: Add modifier 25 to 99213');
    expect(r.stdout).toContain('2 encounters checked, 1 with findings: 1 error, 0 warnings, 0 to review');
  });

  it('streams 100,000 encounters in a small heap', async () => {
    const big = join(dir, 'big.json');
    const out = createWriteStream(big);
    out.write('[');
    for (let i = 0; i < 100_000; i++) {
      const chunk = (i ? ',' : '') + JSON.stringify({ ...separateProblem, id: `e${i}` });
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end(']');
    await once(out, 'finish');
    // The whole input is ~30 MB and its parsed form far more; a 64 MB heap only holds if it streams.
    const r = scrub([big, '--format', 'json'], undefined, { NODE_OPTIONS: '--max-old-space-size=64' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(100_002);
    expect(JSON.parse(lines[100_000]!.replace(/,$/, '')).id).toBe('e99999');
  }, 180_000);
});
