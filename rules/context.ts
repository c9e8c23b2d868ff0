/**
 * The view of an encounter that rules read: the claim (RULES.md section 1)
 * applied once, codes and modifiers normalized, pointers resolved.
 */
import type { Encounter, Line, PayerKind } from './schema';
import { normalizeCode, normalizeIcd, normalizeModifier } from './codes';
import type { SiteAnswer } from './sites';
import type { IcdCodeSet } from './icd10cm/types';

export interface ClaimLine {
  /** 0-based index in encounter.lines: where findings are shown. */
  readonly index: number;
  /** Trimmed, upper-case code ('' for a retail item). */
  readonly code: string;
  /** Trimmed, upper-case modifiers without dashes. */
  readonly modifiers: ReadonlySet<string>;
  readonly units: number;
  /** Dotless, upper-case codes of the diagnoses its pointers name (all of them when it has none). */
  readonly dx: readonly string[];
  /** A pointer below 1 or beyond the last diagnosis. */
  readonly badPointer: boolean;
  readonly raw: Line;
}

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
  /** An ABN is on file for this line (RULES.md section 1). */
  abnOnFile(line: ClaimLine): boolean;
  /** The ICD-10-CM code set in force. */
  readonly icd: IcdCodeSet;
  /** Data tables beyond the catalog (NCCI), when loaded. */
  readonly tables: EngineTables;
}

/** Optional data tables rules may consult; they arrive through the context, never by I/O. */
export interface EngineTables {
  [name: string]: unknown;
}

export function hasAnyModifier(line: ClaimLine, modifiers: readonly string[]): boolean {
  for (const m of modifiers) if (line.modifiers.has(m)) return true;
  return false;
}

export function isOnClaim(line: Line, payerKind: PayerKind): boolean {
  const billTo = line.billTo ?? (payerKind === 'self-pay' ? 'patient' : 'insurance');
  return billTo === 'insurance';
}

export interface ContextOptions {
  payerKind: PayerKind;
  siteGroupOf(site: string): SiteAnswer;
  icd: IcdCodeSet;
  tables?: EngineTables;
}

export function createContext(encounter: Encounter, options: ContextOptions): RuleContext {
  const diagnoses = encounter.diagnoses.map((d) => normalizeIcd(d.code));
  const claim: ClaimLine[] = [];
  encounter.lines.forEach((line, index) => {
    if (!isOnClaim(line, options.payerKind)) return;
    const pointers = line.dx ?? [];
    const linked = pointers.length === 0 ? diagnoses : pointers.filter((p) => p >= 1 && p <= diagnoses.length).map((p) => diagnoses[p - 1]!);
    claim.push({
      index,
      code: normalizeCode(line.code),
      modifiers: new Set((line.modifiers ?? []).map(normalizeModifier).filter(Boolean)),
      units: line.units ?? 1,
      dx: [...new Set(linked)],
      badPointer: pointers.some((p) => p < 1 || p > diagnoses.length),
      raw: line,
    });
  });
  const siteCache = new Map<string, SiteAnswer>();
  return {
    encounter,
    payerKind: options.payerKind,
    claim,
    diagnoses,
    icd: options.icd,
    tables: options.tables ?? {},
    siteGroupOf(site) {
      if (site === undefined || site.trim() === '') return 'unknown';
      let answer = siteCache.get(site);
      if (answer === undefined) siteCache.set(site, (answer = options.siteGroupOf(site)));
      return answer;
    },
    abnOnFile(line) {
      const abn = encounter.abn;
      return !!abn && abn.signed && (abn.lines === undefined || abn.lines.includes(line.index));
    },
  };
}
