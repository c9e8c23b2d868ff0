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
import {
  ABN_SIGNED,
  diagnosisFacts,
  modifierFacts,
  NOTE,
  payerFacts,
  RETAIL_OR_COSMETIC_LINE,
  SEVERAL_CODES,
  VISIT_HISTORY,
} from './gate';

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
  /** Which claim lines each block of the note names (rules/note/index.ts tiedBlocks), kept likewise. */
  noteBlockNames?: unknown;
  /**
   * The encounter's facts other than its code groups, as the bits of rules/gate.ts (a modifier on a line,
   * the payer kind, a note, …), found in the pass that builds the claim: run() gates rules on them.
   */
  readonly facts: number;
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

/** The gate's bits of the modifiers some rule gates on (rules/gate.ts modifierOn). */
function modifierBits(modifiers: ReadonlySet<string>): number {
  let bits = 0;
  for (const m of modifiers) {
    const fact = modifierFacts.get(m);
    if (fact) bits |= fact.bit;
  }
  return bits;
}

/** Some character other than white space (what `text.trim() !== ''` says, without the copy). */
function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // trim()'s white space: ASCII, no-break space and the Unicode spaces; anything else is text.
    if (c > 32 && c !== 0xa0 && c < 0x1680) return true;
  }
  return text.trim() !== '';
}

/** The facts of the encounter that are not on its lines (rules/gate.ts). */
function encounterFacts(encounter: Encounter, payerKind: PayerKind, diagnoses: readonly string[]): number {
  let facts = 0;
  const note = encounter.note;
  if (typeof note === 'string' && hasText(note)) facts |= NOTE.bit;
  if (encounter.abn?.signed) facts |= ABN_SIGNED.bit;
  if (encounter.history && encounter.history.length > 0 && encounter.dateOfService) facts |= VISIT_HISTORY.bit;
  const payer = payerFacts.get(payerKind);
  if (payer) facts |= payer.bit;
  for (const { group, fact } of diagnosisFacts) {
    for (const d of diagnoses) {
      if (group.has(d)) {
        facts |= fact.bit;
        break;
      }
    }
  }
  return facts;
}

export function createContext(encounter: Encounter, options: ContextOptions): RuleContext {
  const diagnoses = encounter.diagnoses.map((d) => normalizeIcd(d.code));
  const count = diagnoses.length;
  // A line without pointers is linked to every diagnosis: one shared, de-duplicated list.
  let allDiagnoses: readonly string[] | undefined;
  const claim: ClaimLine[] = [];
  let facts = encounterFacts(encounter, options.payerKind, diagnoses);
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
    const modifiers = modifiersOf(line);
    if (modifiers.size > 0) facts |= modifierBits(modifiers);
    if (line.category === 'retail' || line.category === 'cosmetic') facts |= RETAIL_OR_COSMETIC_LINE.bit;
    claim.push({
      index,
      code: normalizeCode(line.code),
      modifiers,
      units: line.units ?? 1,
      dx,
      badPointer,
      raw: line,
    });
  }
  let siteCache: Map<string, SiteAnswer> | undefined;
  const abn = encounter.abn;
  let abnLines: ReadonlySet<number> | undefined;
  const onClaim = indexClaim(claim);
  if (onClaim.codes.length >= 2) facts |= SEVERAL_CODES.bit;
  return {
    encounter,
    payerKind: options.payerKind,
    claim,
    diagnoses,
    icd: options.icd,
    tables: options.tables ?? {},
    onClaim,
    noteReading: undefined,
    noteBlockNames: undefined,
    facts,
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
