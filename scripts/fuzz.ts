/**
 * npm run fuzz [-- --count 1000000 --seed 1]: a million generated encounters,
 * valid and mutated, through the schema and the engine. Prints the counts;
 * exits 1 on any crash or any rejection without a message.
 */
import { fuzz } from './lib/fuzz-core';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('count', 1_000_000);
const seed = arg('seed', 1);
const chunk = 100_000;
const totals = { total: 0, valid: 0, rejected: 0, crashes: 0, rejectedWithoutMessage: 0, findings: 0, ms: 0 };
let firstCrash: string | undefined;
for (let done = 0, part = 0; done < count; done += chunk, part++) {
  const r = fuzz(Math.min(chunk, count - done), seed * 1000 + part);
  for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
  firstCrash ??= r.firstCrash;
  process.stderr.write(`\r${totals.total.toLocaleString('en-US')} / ${count.toLocaleString('en-US')}`);
}
process.stderr.write('\n');
console.log(
  `fuzz: ${totals.total.toLocaleString('en-US')} encounters (seed ${seed}) in ${(totals.ms / 1000).toFixed(1)} s`,
);
console.log(
  `  valid, judged:            ${totals.valid.toLocaleString('en-US')} (${totals.findings.toLocaleString('en-US')} findings)`,
);
console.log(
  `  invalid, rejected:        ${totals.rejected.toLocaleString('en-US')} (without a message: ${totals.rejectedWithoutMessage})`,
);
console.log(`  crashes:                  ${totals.crashes}${firstCrash ? ` — first: ${firstCrash}` : ''}`);
process.exit(totals.crashes || totals.rejectedWithoutMessage ? 1 : 0);
