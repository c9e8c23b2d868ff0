/**
 * The engine stays linear in the lines of an encounter: pair checks (ncci-ptp,
 * biopsy-bundled, repair-bundled, …) go through the claim's code index, never
 * through every pair of lines. Times are this process's CPU time (a loaded CI
 * machine stretches the wall clock, not the work); the bounds are generous
 * there, and `npm run bench` prints the real figures against the goals
 * (5,000 lines < 20 ms, 100,000 lines < 2 s).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { longEncounter } from '../../scripts/lib/long-encounter';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms of one evaluation, and the findings. */
function timed(encounter: Encounter): { ms: number; findings: number } {
  const c0 = cpuMs();
  const findings = run(encounter).length;
  return { ms: cpuMs() - c0, findings };
}

/** The same pair of lines, over and over: every line pairs with half the others. */
function pairs(n: number, a: string, b: string, dx: string): Encounter {
  return {
    id: `pairs-${n}`,
    payer: { kind: 'medicare' },
    diagnoses: [{ code: dx }],
    lines: Array.from({ length: n }, (_, i) => ({ code: i % 2 === 0 ? a : b, dx: [1] })),
  };
}

describe('the engine on long encounters', () => {
  it('judges a 5,000-line encounter (the extension cap) in under 200 ms of CPU on CI', () => {
    const encounter = longEncounter(5_000);
    for (let i = 0; i < 3; i++) run(encounter); // compile first: the bound is for the work, not the JIT
    const times = Array.from({ length: 5 }, () => timed(encounter));
    const ms = times.map((t) => t.ms).sort((x, y) => x - y)[2]!;
    console.log(`5,000 lines: ${ms.toFixed(1)} ms CPU (median of 5), ${times[0]!.findings} findings`);
    expect(times[0]!.findings).toBeGreaterThan(5_000);
    expect(ms).toBeLessThan(200);
  });

  it('judges a 100,000-line encounter in under 2 s of CPU (the pair checks were quadratic: 272 s)', () => {
    run(longEncounter(5_000));
    const { ms, findings } = timed(longEncounter(100_000));
    console.log(`100,000 lines: ${ms.toFixed(0)} ms CPU, ${findings} findings`);
    expect(findings).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(2_000);
  }, 30_000);

  it.each([
    ['ncci-ptp', '11055', '17110', 'L84'], // an NCCI pair, warned on every 17110 line
    ['biopsy-bundled', '11102', '11300', 'D48.5'], // a biopsy with a shave
    ['repair-bundled', '12001', '11400', 'D22.5'], // a simple repair with an excision
  ])(
    'compares pairs of lines in linear time: %s over 40,000 lines',
    (rule, a, b, dx) => {
      run(pairs(2_000, a, b, dx));
      const small = timed(pairs(10_000, a, b, dx));
      const large = timed(pairs(40_000, a, b, dx));
      const found = run(pairs(40, a, b, dx)).filter((f) => f.rule === rule);
      console.log(`${rule}: 10,000 lines ${small.ms.toFixed(1)} ms, 40,000 lines ${large.ms.toFixed(1)} ms CPU`);
      expect(found.length).toBe(20); // one on each line of the second code
      expect(large.ms).toBeLessThan(1_000); // 1.6 billion line pairs before
    },
    30_000,
  );
});
