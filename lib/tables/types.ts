/**
 * Code tables a practice imports (CMS's own files): what IndexedDB holds, and
 * what the options page shows. Reference data only, never patient data.
 */
import type { PackedMue, StoredPtp } from '../../rules/ncci/index';

export type TableKind = 'ptp' | 'mue' | 'icd10cm';

/** 'ptp', 'mue', or 'icd10cm-<fiscal year>' (one code set per year). */
export type TableId = string;

export const icdTableId = (fiscalYear: number): TableId => `icd10cm-${fiscalYear}`;

/** What the options page lists: small, read without the table itself. */
export interface TableInfo {
  id: TableId;
  kind: TableKind;
  /** How findings name it: 'NCCI PTP 2026 Q4', 'ICD-10-CM FY2027'. */
  label: string;
  /** '2026 Q4', 'FY2027'; absent when the file name did not say. */
  period?: string;
  /** CMS's release: 'CMS NCCI PTP edits, practitioner, 2026 Q4 (v32.3)'. */
  reference: string;
  /** ICD-10-CM: the days the set is in force (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** PTP: distinct code pairs; MUE and ICD-10-CM: codes. */
  rows: number;
  unit: 'pairs' | 'codes';
  /** The files read (inside their ZIP, when zipped). */
  files: string[];
  /** ISO time of the import. */
  importedAt: string;
}

/** The table itself, in a form IndexedDB stores as it is. */
export interface TablePayload {
  id: TableId;
  ptp?: StoredPtp;
  mue?: PackedMue;
  /** ICD-10-CM: the packed table (rules/icd10cm/codeset.ts). */
  icd?: string;
}

export interface ImportedTable {
  info: TableInfo;
  payload: TablePayload;
  /** Files given that were not read (a ReadMe, a spreadsheet copy). */
  ignored: string[];
}

/**
 * Where the options page says "the tables changed" (it writes the time of the change) and the
 * background worker listens (storage.local). A ping, not a version: the stored name is kept as
 * it was, so nothing needs moving.
 */
export const TABLES_CHANGED_KEY = 'dermlint:tables-version';
