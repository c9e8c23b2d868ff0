/**
 * The built-in NCCI tables, unpacked on first use (a few milliseconds) so a
 * module that imports the engine but never runs it pays nothing.
 */
import { BUILTIN_MUE, BUILTIN_PTP } from './builtin.generated';
import { unpackMue, unpackPtp } from './encoding';
import type { MueTable } from './mue-table';
import type { PtpTable } from './ptp-table';

let ptp: PtpTable | undefined;
let mue: MueTable | undefined;

/** CMS practitioner PTP edits, 2026 Q3 (v32.2), dermatology subset. */
export function builtinPtp(): PtpTable {
  return (ptp ??= unpackPtp(BUILTIN_PTP));
}

/** CMS practitioner MUE, 2026 Q2, dermatology subset. */
export function builtinMue(): MueTable {
  return (mue ??= unpackMue(BUILTIN_MUE));
}
