/**
 * NCCI procedure-to-procedure (PTP) and medically unlikely edits (MUE): the
 * tables, their built-in dermatology subset, the parsers for CMS's quarterly
 * files, and the precedence of the catalog over the generic NCCI rules.
 * Pure TypeScript: rules read the tables from RuleContext.tables.
 */
import type { EngineTables } from '../context';
import { builtinMue, builtinPtp } from './builtin';
import { PtpTable } from './ptp-table';
import type { MueTableLike } from './types';

export { builtinMue, builtinPtp } from './builtin';
export { PtpTable, PtpTableBuilder, type StoredPtp } from './ptp-table';
export { MueTable } from './mue-table';
export { codeIndex, codeOfIndex } from './code-index';
export { packMue, packPtp, unpackMue, unpackPtp, type PackedMue, type PtpRow } from './encoding';
export { importNcciFiles, isPtpFileName, MueCsvParser, NcciFormatError, PtpImport, type NcciSourceFile } from './parse';
export { mueFileText, ptpFileText, PTP_PREAMBLE, type CmsMueRow, type CmsPtpRow } from './cms-layout';
export { parsePtpFileName } from './labels';
export { MUE_PRECEDENCE, PTP_PRECEDENCE, ptpPrecedenceFor } from './precedence';
export type { MueTableLike } from './types';

let defaults: EngineTables | undefined;

/**
 * The engine's tables with the built-in NCCI subset wherever `tables` names
 * no table of its own: run(e) uses the built-in tables, run(e, { tables: { ptp } })
 * an imported PTP table with the built-in MUE, and `{ ptp: undefined }` none.
 */
export function withBuiltinNcci(tables?: EngineTables): EngineTables {
  if (!tables) return (defaults ??= { ptp: builtinPtp(), mue: builtinMue() });
  if ('ptp' in tables && 'mue' in tables) return tables;
  return { ptp: builtinPtp(), mue: builtinMue(), ...tables };
}

export function ptpTableOf(tables: EngineTables): PtpTable | undefined {
  return tables.ptp instanceof PtpTable ? tables.ptp : undefined;
}

export function mueTableOf(tables: EngineTables): MueTableLike | undefined {
  const t = tables.mue as MueTableLike | undefined;
  return t && typeof t === 'object' && t.kind === 'ncci-mue' && typeof t.get === 'function' ? t : undefined;
}
