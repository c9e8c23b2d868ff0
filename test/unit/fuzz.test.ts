/** A smaller run of `npm run fuzz`: generated and mutated encounters through schema and engine. */
import { expect, it } from 'vitest';
import { fuzz, mutate, prng, validEncounter } from '../../scripts/lib/fuzz-core';
import { parseEncounter } from '../../rules/schema';

it('20,000 generated encounters: no crash, every invalid one rejected with a message', () => {
  const report = fuzz(20_000, 7);
  expect(report.crashes, report.firstCrash).toBe(0);
  expect(report.rejectedWithoutMessage).toBe(0);
  // Both halves are exercised: the mutations really break encounters, and valid ones really get judged.
  expect(report.rejected).toBeGreaterThan(4000);
  expect(report.valid).toBeGreaterThan(8000);
  expect(report.findings).toBeGreaterThan(1000);
}, 120_000);

it('the generator makes schema-valid encounters', () => {
  const r = prng(3);
  for (let i = 0; i < 500; i++) expect(parseEncounter(validEncounter(r)).ok).toBe(true);
});

it('a rejection names the encounter and the field', () => {
  const r = prng(5);
  const e = validEncounter(r) as { lines: unknown[] };
  e.lines = [{ code: '17000', units: 0 }];
  const parsed = parseEncounter(e, 12);
  expect(parsed).toEqual({ ok: false, error: 'encounter 12: lines[0].units: expected a positive integer' });
  expect(mutate).toBeTypeOf('function');
});
