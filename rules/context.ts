/**
 * The view of an encounter that rules read: the claim (docs/formats.md)
 * applied once, codes and modifiers normalized, pointers resolved.
 */
import type { Encounter, Line, PayerKind } from './schema';
import { normalizeCode, normalizeIcd, normalizeModifier } from './codes';
import type { SiteAnswer } from './sites';
import type { IcdCodeSet } from './icd10cm/types';
import { indexClaim, type ClaimIndex } from './claim-index';
import type { ClaimLine } from './claim-line';

export type { ClaimIndex };
export type { ClaimLine };

export interface RuleContext {
  readonly encounter: Encounter;
  /** payer.kind, or the user's default when the screen shows none. */
  readonly payerKind: PayerKind;
  /** Only the lines billed to insurance, in encounter order. */
  readonly claim: readonly ClaimLine[];
  /** Dotless, upper-case codes of every encounter diagnosis, in claim order. */
  readonly diagnoses: readonly string[];
  /** The anatomic lexicon. */
  siteGroupOf(site: string | undefined): SiteAnswer;
  /** An ABN is on file for this line (docs/formats.md). */
  abnOnFile(line: ClaimLine): boolean;
  /** The ICD-10-CM code set in force. */
  readonly icd: IcdCodeSet;
  /** Data tables beyond the catalog (NCCI), when loaded. */
  readonly tables: EngineTables;
  /**
   * The claim indexed by code, built once per encounter: whether a code group
   * is on the claim (`onClaim.has(EM)`), its lines (`onClaim.linesIn(MOHS)`),
   * the lines of one code (`onClaim.linesOf('17000')`), the distinct codes.
   * Ask it rather than walking `claim` again; compare pairs of lines through it.
   */
  readonly onClaim: ClaimIndex;
  /**
   * The note's reading, kept by rules/note/index.ts (noteOf) once a rule asks for
   * it and dropped with the context: a slot here, not a WeakMap keyed by contexts,
   * whose entries made garbage collection cost more than the reading.
   */
  noteReading?: unknown;
}

/** Optional data tables rules may consult; they arrive through the context, never by I/O. */
export interface EngineTables {
  [name: string]: unknown;
}

export function hasAnyModifier(line: ClaimLine, modifiers: readonly string[]): boolean {
  if (line.modifiers.size === 0) return false;
  for (const m of modifiers) if (line.modifiers.has(m)) return true;
  return false;
}

function isOnClaim(line: Line, payerKind: PayerKind): boolean {
  const billTo = line.billTo ?? (payerKind === 'self-pay' ? 'patient' : 'insurance');
  return billTo === 'insurance';
}

export interface ContextOptions {
  payerKind: PayerKind;
  siteGroupOf(site: string): SiteAnswer;
  icd: IcdCodeSet;
  tables?: EngineTables;
}

/** Shared by every line without modifiers: rules only read it. */
const NO_MODIFIERS: ReadonlySet<string> = new Set();

/** A line's modifiers, normalized, without empty ones. */
function modifiersOf(line: Line): ReadonlySet<string> {
  const raw = line.modifiers;
  if (raw === undefined || raw.length === 0) return NO_MODIFIERS;
  const set = new Set<string>();
  for (const m of raw) {
    const normalized = normalizeModifier(m);
    if (normalized) set.add(normalized);
  }
  return set.size === 0 ? NO_MODIFIERS : set;
}

export function createContext(encounter: Encounter, options: ContextOptions): RuleContext {
  const diagnoses = encounter.diagnoses.map((d) => normalizeIcd(d.code));
  const count = diagnoses.length;
  // A line without pointers is linked to every diagnosis: one shared, de-duplicated list.
  let allDiagnoses: readonly string[] | undefined;
  const claim: ClaimLine[] = [];
  const lines = encounter.lines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!isOnClaim(line, options.payerKind)) continue;
    const pointers = line.dx ?? [];
    let dx: readonly string[];
    let badPointer = false;
    if (pointers.length === 0) {
      dx = allDiagnoses ??= [...new Set(diagnoses)];
    } else {
      const linked: string[] = [];
      for (const p of pointers) {
        if (p >= 1 && p <= count) linked.push(diagnoses[p - 1]!);
        else badPointer = true;
      }
      dx =
        linked.length < 2
          ? linked
          : linked.length === 2
            ? linked[0] === linked[1]
              ? [linked[0]!]
              : linked
            : [...new Set(linked)];
    }
    claim.push({
      index,
      code: normalizeCode(line.code),
      modifiers: modifiersOf(line),
      units: line.units ?? 1,
      dx,
      badPointer,
      raw: line,
    });
  }
  let siteCache: Map<string, SiteAnswer> | undefined;
  const abn = encounter.abn;
  let abnLines: ReadonlySet<number> | undefined;
  return {
    encounter,
    payerKind: options.payerKind,
    claim,
    diagnoses,
    icd: options.icd,
    tables: options.tables ?? {},
    onClaim: indexClaim(claim),
    noteReading: undefined,
    siteGroupOf(site) {
      if (site === undefined || site.trim() === '') return 'unknown';
      siteCache ??= new Map();
      let answer = siteCache.get(site);
      if (answer === undefined) siteCache.set(site, (answer = options.siteGroupOf(site)));
      return answer;
    },
    abnOnFile(line) {
      if (!abn || !abn.signed) return false;
      if (abn.lines === undefined) return true;
      return (abnLines ??= new Set(abn.lines)).has(line.index);
    },
  };
}
