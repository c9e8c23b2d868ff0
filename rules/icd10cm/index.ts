/**
 * The ICD-10-CM code sets dx-invalid judges diagnoses with. `builtinIcd` is the
 * FY2026 table generated at install time (scripts/build-tables.ts); another
 * year's table goes through the same `createIcdCodeSet`.
 */
import { FY2026_NAME, FY2026_TABLE } from './fy2026.generated';
import { createIcdCodeSet } from './codeset';
import { fiscalYearRange, type IcdSetInForce } from './fiscal';

export { createIcdCodeSet, decodeIcdTable, IcdTableError } from './codeset';
export { encodeIcdTable, parseIcdCodeFile } from './encode';
export { fiscalYearOf, fiscalYearRange, icdSetFor, type IcdSetInForce } from './fiscal';

/** The CMS FY2026 code set, every chapter but external causes (V00–Y99): see ./shipped.ts. */
export const builtinIcd = createIcdCodeSet(FY2026_NAME, FY2026_TABLE);

/** The shipped set with the days it is in force (FY2026: 2025-10-01 to 2026-09-30). */
export const BUILTIN_ICD_FISCAL_YEAR = 2026;
export const builtinIcdInForce: IcdSetInForce = { set: builtinIcd, ...fiscalYearRange(BUILTIN_ICD_FISCAL_YEAR) };
