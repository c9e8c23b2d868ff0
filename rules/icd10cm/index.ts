/**
 * The ICD-10-CM code sets dx-invalid judges diagnoses with. `builtinIcd` is the
 * FY2026 table generated at install time (scripts/build-tables.ts); another
 * year's table goes through the same `createIcdCodeSet`.
 */
import { FY2026_NAME, FY2026_TABLE } from './fy2026.generated';
import { createIcdCodeSet } from './codeset';

export { createIcdCodeSet, decodeIcdTable, IcdTableError, type IcdCodeSetInfo } from './codeset';
export { encodeIcdTable, parseIcdCodeFile } from './encode';
export type { IcdCodeSet, IcdStatus } from './types';

/** The CMS FY2026 code set, every chapter but external causes (V00–Y99): see ./shipped.ts. */
export const builtinIcd = createIcdCodeSet(FY2026_NAME, FY2026_TABLE);
