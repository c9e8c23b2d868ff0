/** The tables that ship with dermlint, described as the options page lists them (no table is unpacked to say so). */
import { BUILTIN_MUE, BUILTIN_PTP } from '../../rules/ncci/builtin.generated';
import { FY2026_NAME } from '../../rules/icd10cm/fy2026.generated';
import { BUILTIN_ICD_FISCAL_YEAR, fiscalYearRange } from '../../rules/icd10cm/index';

export interface BuiltinTable {
  label: string;
  period: string;
  reference: string;
  rows?: number;
  unit: 'pairs' | 'codes';
  scope: string;
  from?: string;
  to?: string;
}

const period = (name: string) => /(\d{4} Q\d)$/.exec(name)?.[1] ?? '';

export const BUILTIN_TABLES: { ptp: BuiltinTable; mue: BuiltinTable; icd10cm: BuiltinTable } = {
  ptp: {
    label: BUILTIN_PTP.label.name,
    period: period(BUILTIN_PTP.label.name),
    reference: BUILTIN_PTP.label.reference,
    rows: BUILTIN_PTP.rows,
    unit: 'pairs',
    scope: 'dermatology subset',
  },
  mue: {
    label: BUILTIN_MUE.label.name,
    period: period(BUILTIN_MUE.label.name),
    reference: BUILTIN_MUE.label.reference,
    rows: BUILTIN_MUE.rows,
    unit: 'codes',
    scope: 'dermatology subset',
  },
  icd10cm: {
    label: FY2026_NAME,
    period: `FY${BUILTIN_ICD_FISCAL_YEAR}`,
    reference: `${FY2026_NAME} code set (CMS/NCHS)`,
    unit: 'codes',
    scope: 'every chapter but external causes (V00–Y99)',
    ...fiscalYearRange(BUILTIN_ICD_FISCAL_YEAR),
  },
};
