/**
 * What the 837P and FHIR readers share once a claim is read: its lines split
 * by date of service, and the ABN read from the lines' modifiers.
 */
import type { Diagnosis, Encounter, Line } from '../../rules/schema';
import { validEncounter, type ReadEncounter, type Where } from './source';

/**
 * A claim carries no chart: GA (a signed ABN on file) or GX (a voluntary ABN)
 * on a line is read as the ABN on file for that line. abn-not-on-file (GA
 * without a notice in the chart) therefore never fires on a claim file.
 */
const ABN_ON_FILE_MODIFIERS: ReadonlySet<string> = new Set(['GA', 'GX']);

export interface ClaimRead {
  id: string;
  /** 1-based position among the input's claims. */
  position: number;
  payer: Encounter['payer'];
  diagnoses: Diagnosis[];
  lines: Line[];
  /** Each line's date of service, YYYY-MM-DD (or undefined). */
  lineDates: (string | undefined)[];
  /** Each line's number as the claim counts it (837P: its order; FHIR: item.sequence). */
  lineNumbers: number[];
  /** The claim's own date (FHIR billablePeriod.start), for lines without one. */
  claimDate?: string;
}

/**
 * One encounter per claim; a claim whose lines carry different dates becomes
 * one encounter per date ('PCN123/2026-03-04'), since the rules judge the
 * services of one day together (an E/M on Monday needs no 25 for a biopsy on
 * Tuesday).
 */
export function encountersOfClaim(claim: ClaimRead, where: Where): ReadEncounter[] {
  const byDate = new Map<string | undefined, number[]>();
  claim.lines.forEach((_, i) => {
    const date = claim.lineDates[i] ?? claim.claimDate;
    const list = byDate.get(date);
    if (list) list.push(i);
    else byDate.set(date, [i]);
  });
  const split = byDate.size > 1;
  return [...byDate].map(([date, indexes]) => {
    const lines = indexes.map((i) => claim.lines[i]!);
    const abnLines = lines.flatMap((line, i) =>
      line.modifiers?.some((m) => ABN_ON_FILE_MODIFIERS.has(m.trim().toUpperCase())) ? [i] : [],
    );
    const encounter: Encounter = {
      id: split ? `${claim.id}/${date ?? 'no date'}` : claim.id,
      payer: claim.payer,
      diagnoses: claim.diagnoses,
      lines,
    };
    if (date) encounter.dateOfService = date;
    if (abnLines.length) encounter.abn = { signed: true, lines: abnLines };
    return {
      encounter: validEncounter(encounter, where),
      source: { kind: 'claim', position: claim.position, lineNumbers: indexes.map((i) => claim.lineNumbers[i]!) },
    };
  });
}

/** 'YYYY-MM-DD' (or a dateTime starting with one) when it is a real day. */
export function isoDay(text: unknown): string | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return text.slice(0, 10);
}
