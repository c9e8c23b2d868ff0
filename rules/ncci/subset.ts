/**
 * Readers for the dermatology subset committed under data/cms/ (see its
 * README): tab-separated, one header row. Used by scripts/build-ncci-tables.ts
 * to pack the built-in tables, and by the tests to check them row by row.
 */
import type { PtpRow } from './encoding';
import type { ModifierIndicator, MueAdjudicationIndicator, MueEntry } from './types';

export const PTP_SUBSET_SOURCE = 'data/cms/ncci-ptp-derm.tsv';
export const MUE_SUBSET_SOURCE = 'data/cms/ncci-mue-practitioner-derm.tsv';

function rowsOf(text: string, header: string, source: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== header) throw new Error(`${source}: line 1: expected the header ${JSON.stringify(header)}`);
  return lines.slice(1).flatMap((line, i) => {
    if (line === '') return [];
    const cells = line.split('\t');
    if (cells.length !== header.split('\t').length)
      throw new Error(`${source}: line ${i + 2}: expected ${header.split('\t').length} columns`);
    return [cells];
  });
}

const date = (text: string, where: string): number => {
  if (text === '') return 0;
  if (!/^\d{8}$/.test(text)) throw new Error(`${where}: date ${JSON.stringify(text)} is not YYYYMMDD`);
  return Number(text);
};

export function parsePtpSubset(text: string): PtpRow[] {
  return rowsOf(text, 'column1\tcolumn2\teffective\tdeletion\tmodifier\trationale', PTP_SUBSET_SOURCE).map(
    ([column1, column2, effective, deletion, modifier, rationale], i) => {
      const where = `${PTP_SUBSET_SOURCE}: line ${i + 2}`;
      if (!/^[0-9A-Z]{5}$/.test(column1!) || !/^[0-9A-Z]{5}$/.test(column2!))
        throw new Error(`${where}: not a pair of codes`);
      if (modifier !== '0' && modifier !== '1' && modifier !== '9')
        throw new Error(`${where}: modifier ${JSON.stringify(modifier)}`);
      return {
        column1: column1!,
        column2: column2!,
        modifier: Number(modifier) as ModifierIndicator,
        effective: date(effective!, where),
        deletion: date(deletion!, where),
        rationale: rationale!,
      };
    },
  );
}

export function parseMueSubset(text: string): MueEntry[] {
  return rowsOf(text, 'code\tmue\tmai\trationale', MUE_SUBSET_SOURCE).map(([code, mue, mai, rationale], i) => {
    const where = `${MUE_SUBSET_SOURCE}: line ${i + 2}`;
    if (!/^[0-9A-Z]{5}$/.test(code!) || !/^\d+$/.test(mue!) || !/^[123]$/.test(mai!))
      throw new Error(`${where}: malformed row`);
    return { code: code!, mue: Number(mue), mai: Number(mai) as MueAdjudicationIndicator, rationale: rationale! };
  });
}
