/**
 * What the built-in NCCI tables ship, and their size budget. Read by
 * scripts/build-ncci-tables.ts (which generates ./builtin.generated.ts) and
 * by the tests.
 *
 * The dermatology subset of data/cms/ (see its README): 52,226 PTP pairs
 * active on 2026-07-01 (v32.2, without dates: the copy CMS's files were
 * derived from had none) and 628 MUE rows of 2026 Q2. Packed by ./encoding.ts
 * it is 77 KB raw and 9.3 KB gzip (measured by scripts/build-ncci-tables.ts); the
 * whole rules/ncci/ folder adds about 20 KB gzip to the background worker.
 */
import type { TableLabel } from './types';

export const NCCI_MODULE = 'rules/ncci/builtin.generated.ts';

export const BUILTIN_PTP_LABEL: TableLabel = {
  name: 'NCCI PTP 2026 Q3',
  reference: 'CMS NCCI PTP edits, practitioner, 2026 Q3 (v32.2)',
  asOf: '2026-07-01',
};

export const BUILTIN_MUE_LABEL: TableLabel = {
  name: 'NCCI MUE 2026 Q2',
  reference: 'CMS MUE, practitioner services, 2026 Q2',
  asOf: '2026-04-01',
};

/** Size budget of the generated module (bytes): raw as bundled, and gzip (level 9). */
export const NCCI_TABLE_BUDGET = { raw: 128 * 1024, gzip: 32 * 1024 } as const;
