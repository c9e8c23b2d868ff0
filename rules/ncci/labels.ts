/**
 * How tables are named in findings, from what CMS's file names say:
 * `ccipra-v322r0-f1.txt` is practitioner PTP version 32.2 revision 0, part 1
 * (version 32 is 2026; .0–.3 are the quarters from January, so 32.2 is 2026 Q3);
 * `MCR_MUE_PractitionerServices_Eff_04-01-2026.csv` is the MUE table effective 2026-04-01 (Q2).
 */
import type { TableLabel } from './types';

export interface Quarter {
  year: number;
  /** 1–4. */
  quarter: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const quarterStart = (q: Quarter): string => `${q.year}-${pad((q.quarter - 1) * 3 + 1)}-01`;

export function ptpLabel(q: Quarter | undefined, version?: string): TableLabel {
  if (!q)
    return {
      name: 'NCCI PTP (imported)',
      reference: `CMS NCCI PTP edits, practitioner${version ? ` (v${version})` : ''}`,
    };
  return {
    name: `NCCI PTP ${q.year} Q${q.quarter}`,
    reference: `CMS NCCI PTP edits, practitioner, ${q.year} Q${q.quarter}${version ? ` (v${version})` : ''}`,
    asOf: quarterStart(q),
  };
}

export function mueLabel(q: Quarter | undefined): TableLabel {
  if (!q) return { name: 'NCCI MUE (imported)', reference: 'CMS MUE, practitioner services' };
  return {
    name: `NCCI MUE ${q.year} Q${q.quarter}`,
    reference: `CMS MUE, practitioner services, ${q.year} Q${q.quarter}`,
    asOf: quarterStart(q),
  };
}

export interface PtpFileName {
  /** '32.2' */
  version: string;
  revision: number;
  /** 1–4 */
  part: number;
  quarter: Quarter;
}

/** 'ccipra-v322r0-f1.TXT' → version 32.2, revision 0, part 1, 2026 Q3; undefined for other names. */
export function parsePtpFileName(fileName: string): PtpFileName | undefined {
  const m = /ccipra-v(\d{2})(\d)r(\d+)-f(\d)\.txt$/i.exec(fileName);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (minor > 3) return undefined;
  return {
    version: `${major}.${minor}`,
    revision: Number(m[3]),
    part: Number(m[4]),
    quarter: { year: 1994 + major, quarter: minor + 1 },
  };
}

/** 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv' → 2026 Q2; undefined when the name carries no date. */
export function parseMueFileName(fileName: string): Quarter | undefined {
  const m = /Eff_(\d{2})-(\d{2})-(\d{4})/i.exec(fileName);
  if (!m) return undefined;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(m[3]), quarter: Math.floor((month - 1) / 3) + 1 };
}
