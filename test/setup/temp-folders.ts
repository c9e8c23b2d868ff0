/**
 * Vitest global setup: each run's temporary folders go to a folder of its own
 * (TMPDIR, which os.tmpdir() and the processes the tests start both read),
 * and at the end the run fails if a test left a `dermlint-*` folder behind.
 * Scoped to this run, so other runs on the same machine do not count; the
 * run's folder is removed either way (Chromium's own leftovers with it).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Folders a test is allowed to leave, for now: test/unit/cli.test.ts is being reworked elsewhere. */
const NOT_YET_CHECKED = ['dermlint-cli-'];

export default function setup(): () => void {
  const outer = tmpdir();
  const run = mkdtempSync(join(outer, 'dermlint-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = run;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (!existsSync(run)) return; // the other project's run (unit and e2e in one command) held this one, and is gone
    const left = readdirSync(run).filter(
      (name) =>
        name.startsWith('dermlint-') &&
        !name.startsWith('dermlint-test-run-') &&
        !NOT_YET_CHECKED.some((p) => name.startsWith(p)),
    );
    rmSync(run, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest only logs an error thrown here: the exit code says it.
    process.exitCode = 1;
    throw new Error(
      `tests left ${left.length} temporary folder${left.length === 1 ? '' : 's'} behind: ${left.sort().join(', ')}`,
    );
  };
}
