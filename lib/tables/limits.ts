/**
 * What one table import may read (issue 10: a nested ZIP bomb took 2.2 GB of
 * memory, a ZIP declaring a 4 GiB entry ran for minutes, a file without line
 * breaks was scanned quadratically). A full practitioner PTP release is ~1.7 M
 * pairs in four parts, about 250 MB of text at most that deflates ~12 times
 * (`npm run bench` writes 133 MB for 2.08 M rows); the yearly ICD-10-CM file is
 * 6 MB. Each limit leaves several times that room.
 */
import { MAX_LINE_CHARS } from '../../rules/text-lines';
import { ZIP_LIMITS, type ZipLimits } from '../zip';

export interface TableLimits extends ZipLimits {
  /** Characters in one line (one CSV record) of a table file. */
  readonly lineChars: number;
}

export const TABLE_LIMITS: TableLimits = { ...ZIP_LIMITS, lineChars: MAX_LINE_CHARS };
