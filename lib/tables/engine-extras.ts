/**
 * From imported tables to what run() takes: `tables` (an imported PTP and/or
 * MUE table; the built-in subset for the other) and `icdSets` (the shipped
 * FY2026 code set and each imported year, by the days they are in force).
 * A table that does not load is left out, so the built-in one stays in use.
 */
import type { EngineTables } from '../../rules/context';
import { builtinIcdInForce, createIcdCodeSet, type IcdSetInForce } from '../../rules/icd10cm/index';
import { PtpTable, unpackMue } from '../../rules/ncci/index';
import type { TableInfo, TablePayload } from './types';

export interface EngineExtras {
  tables?: EngineTables;
  icdSets: IcdSetInForce[];
}

export function engineExtrasFrom(
  records: readonly { info: TableInfo; payload: TablePayload }[],
  warn: (message: string) => void = () => {},
): EngineExtras {
  const tables: EngineTables = {};
  const imported: IcdSetInForce[] = [];
  for (const { info, payload } of records) {
    try {
      if (info.kind === 'ptp' && payload.ptp) tables.ptp = PtpTable.fromStored(payload.ptp);
      else if (info.kind === 'mue' && payload.mue) tables.mue = unpackMue(payload.mue);
      else if (info.kind === 'icd10cm' && payload.icd && info.from && info.to)
        imported.push({ set: createIcdCodeSet(info.label, payload.icd), from: info.from, to: info.to });
      else warn(`${info.label}: stored without its table; the built-in one stays in use`);
    } catch (e) {
      warn(`${info.label}: could not be loaded (${(e as Error).message}); the built-in one stays in use`);
    }
  }
  // An imported FY2026 file takes the shipped FY2026 set's place.
  const icdSets = imported.some((s) => s.from === builtinIcdInForce.from) ? imported : [builtinIcdInForce, ...imported];
  return { ...(Object.keys(tables).length ? { tables } : {}), icdSets };
}

/** The worker's copy: loaded on first use, dropped when the options page says the tables changed. */
export function createTableCache(
  load: () => Promise<readonly { info: TableInfo; payload: TablePayload }[]>,
  warn?: (message: string) => void,
) {
  let current: Promise<EngineExtras> | undefined;
  return {
    get(): Promise<EngineExtras> {
      if (current) return current;
      const loading: Promise<EngineExtras> = load().then(
        (records) => engineExtrasFrom(records, warn),
        (e: Error) => {
          warn?.(`imported tables could not be read (${e.message}); the built-in ones stay in use`);
          if (current === loading) current = undefined; // tried again next time
          return { icdSets: [builtinIcdInForce] };
        },
      );
      return (current = loading);
    },
    invalidate(): void {
      current = undefined;
    },
  };
}
