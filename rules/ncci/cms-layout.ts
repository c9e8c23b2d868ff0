/**
 * CMS's published layouts, written: the first lines of a practitioner PTP
 * part and of the practitioner MUE table, and their rows. For tests, the
 * benchmark and fixtures; the parsers (./parse.ts) read exactly this.
 */

/** The six lines before the first edit of a ccipra-*.txt part (CRLF-terminated, as CMS ships them). */
export const PTP_PREAMBLE: readonly string[] = [
  'CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t',
  'Column1/Column2 Edits\t\t\t\t\t\t',
  'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
];

export interface CmsPtpRow {
  column1: string;
  column2: string;
  before1996?: boolean;
  /** YYYYMMDD */
  effective: string;
  /** YYYYMMDD, or undefined while in force ('*'). */
  deletion?: string;
  modifier: 0 | 1 | 9;
  rationale: string;
}

const ptpLine = (r: CmsPtpRow): string =>
  [r.column1, r.column2, r.before1996 ? '*' : '', r.effective, r.deletion ?? '*', String(r.modifier), r.rationale].join(
    '\t',
  );

/** A whole ccipra part: preamble and rows, CRLF line ends. */
export const ptpFileText = (rows: readonly CmsPtpRow[]): string =>
  [...PTP_PREAMBLE, ...rows.map(ptpLine)].map((l) => `${l}\r\n`).join('');

/** The AMA notice cell (multi-line, quoted; the ® is one byte in CMS's Windows-1252 file) and the header, split over lines as CMS does. */
export const MUE_PREAMBLE =
  '"Current Procedural Terminology (CPT) codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved. \n\n' +
  'CPT\u00ae is a registered trademark of the American Medical Association.\n\n' +
  'Applicable FARS/DFARS Restrictions Apply to Government Use. \n\n' +
  'Fee schedules, relative value units, conversion factors and/or related components are not assigned by the AMA, are not part of CPT, and the AMA is not recommending their use.",,,\n' +
  '"HCPCS/\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n';

export interface CmsMueRow {
  code: string;
  mue: number;
  mai: 1 | 2 | 3;
  rationale: string;
}

const MAI_TEXT = {
  1: '1 Line Edit',
  2: '2 Date of Service Edit: Policy',
  3: '3 Date of Service Edit: Clinical',
} as const;
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const mueLine = (r: CmsMueRow): string => [r.code, String(r.mue), MAI_TEXT[r.mai], csvCell(r.rationale)].join(',');

export const mueFileText = (rows: readonly CmsMueRow[]): string =>
  MUE_PREAMBLE + rows.map((r) => `${mueLine(r)}\n`).join('');
