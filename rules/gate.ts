/**
 * Rule gating: each rule declares what an encounter must have for it to fire
 * (`needs`), and run() skips the rules whose needs the encounter lacks. The
 * facts are found in the one pass that builds the context: the code groups on
 * the claim are the claim index's bits (rules/claim-index.ts), the other facts
 * (a modifier on some line, the payer kind, a note, …) are one word of bits.
 * With two or three lines an encounter, most rules cannot fire: they are not
 * called. A need must be implied by the rule's own check (the rule returns
 * nothing without it), never a guess: test/unit/gate.test.ts runs every worked
 * example, every case table and thousands of generated encounters gated and
 * ungated and requires identical findings.
 */
import { exactCodeGroupId, type CodeSet, type DxGroup } from './codes';
import type { PayerKind } from './schema';

/** A fact other than a code group: one bit of the encounter's fact word. */
export class EncounterFact {
  readonly bit: number;
  readonly name: string;
  constructor(bit: number, name: string) {
    this.bit = bit;
    this.name = name;
  }
}

let nextBit = 0;
function newFact(name: string): EncounterFact {
  // One word of facts keeps the gate a single AND; a 33rd fact would need a second word.
  if (nextBit >= 31) throw new Error(`rules/gate.ts: too many encounter facts for one word (${name})`);
  return new EncounterFact(1 << nextBit++, name);
}

/** The encounter has a note that is not blank (what rules/note/index.ts hasNote checks). */
export const NOTE = newFact('a note');
/** The encounter's ABN is signed (what context.abnOnFile needs to answer yes). */
export const ABN_SIGNED = newFact('a signed ABN');
/** The encounter lists earlier visits and has a date of service (global periods). */
export const VISIT_HISTORY = newFact('visit history and a date of service');
/** At least two distinct codes are on the claim (pair edits). */
export const SEVERAL_CODES = newFact('two or more distinct codes on the claim');
/** A line on the claim is marked retail or cosmetic. */
export const RETAIL_OR_COSMETIC_LINE = newFact('a line marked retail or cosmetic');

const MODIFIER_FACTS = new Map<string, EncounterFact>();
/** Some line on the claim carries this modifier (normalized: '25', 'GA'). */
export function modifierOn(modifier: string): EncounterFact {
  let fact = MODIFIER_FACTS.get(modifier);
  if (!fact) MODIFIER_FACTS.set(modifier, (fact = newFact(`modifier ${modifier} on a line`)));
  return fact;
}
/** The modifiers some rule gates on, with their bits: the context looks each line's modifiers up here. */
export const modifierFacts: ReadonlyMap<string, EncounterFact> = MODIFIER_FACTS;

const PAYER_FACTS = new Map<PayerKind, EncounterFact>();
/** The payer kind the rules judge by (context.payerKind) is this one. */
export function payerIs(kind: PayerKind): EncounterFact {
  let fact = PAYER_FACTS.get(kind);
  if (!fact) PAYER_FACTS.set(kind, (fact = newFact(`payer ${kind}`)));
  return fact;
}
/** The payer kinds some rule gates on. */
export const payerFacts: ReadonlyMap<PayerKind, EncounterFact> = PAYER_FACTS;

const DX_FACTS: { group: DxGroup; fact: EncounterFact }[] = [];
/** Some diagnosis of the encounter (dotless, upper-case) is in this group. */
export function diagnosisIn(group: DxGroup): EncounterFact {
  let entry = DX_FACTS.find((e) => e.group === group);
  if (!entry) DX_FACTS.push((entry = { group, fact: newFact(`a diagnosis in ${group.prefixes.join(', ')}`) }));
  return entry.fact;
}
/** The diagnosis groups some rule gates on. */
export const diagnosisFacts: readonly { readonly group: DxGroup; readonly fact: EncounterFact }[] = DX_FACTS;

/** One thing a rule needs: a code group on the claim (a line's code in it), or another fact of the encounter. */
type Need = CodeSet | EncounterFact;

/**
 * What a rule needs to fire: every entry must hold; an entry that is a list
 * holds when any of it does. `[EM, MINOR_PROCEDURE]`: an E/M and a minor
 * procedure on the claim; `[[BENIGN_EXCISION, MALIGNANT_EXCISION]]`: either.
 * An empty list: the rule runs on every encounter.
 */
export type RuleNeeds = readonly (Need | readonly Need[])[];

/** An entry of the needs, compiled: holds when a listed group's bit or a fact's bit is set. */
interface Clause {
  /** Group bits by word (code-group id >> 5), or undefined when it names no group. */
  readonly groups: readonly number[] | undefined;
  readonly facts: number;
  /** It names a group the bits cannot answer for (a range too wide to list): it always holds. */
  readonly open: boolean;
}

/** A rule's needs compiled to bit masks; a rule without needs has none and always runs. */
export interface Gate {
  readonly clauses: readonly Clause[];
}

function compileClause(needs: readonly Need[]): Clause {
  let groups: number[] | undefined;
  let facts = 0;
  let open = false;
  for (const need of needs) {
    if (need instanceof EncounterFact) {
      facts |= need.bit;
      continue;
    }
    const id = exactCodeGroupId(need);
    // A group not made by codeSet(), or one with a range too wide to list: the bits cannot say it is absent.
    if (id < 0) {
      open = true;
      continue;
    }
    const word = id >> 5;
    const bit = 1 << (id & 31);
    groups ??= [];
    while (groups.length <= word) groups.push(0);
    groups[word]! |= bit;
  }
  return { groups, facts, open };
}

/** Compiles a rule's needs (codeSet groups are numbered when made, so the masks never change). */
export function compileGate(needs: RuleNeeds | undefined): Gate | undefined {
  if (!needs || needs.length === 0) return undefined;
  const clauses = needs.map((need) => compileClause(Array.isArray(need) ? need : [need as Need]));
  return clauses.every((c) => c.open) ? undefined : { clauses: clauses.filter((c) => !c.open) };
}

/** Whether an encounter with these code groups on its claim (the claim index's words) and these facts meets the gate. */
export function admits(gate: Gate, groupsPresent: readonly number[], facts: number): boolean {
  for (const clause of gate.clauses) {
    if ((clause.facts & facts) !== 0) continue;
    const groups = clause.groups;
    let held = false;
    if (groups !== undefined) {
      for (let w = 0; w < groups.length; w++) {
        if ((groups[w]! & (groupsPresent[w] ?? 0)) !== 0) {
          held = true;
          break;
        }
      }
    }
    if (!held) return false;
  }
  return true;
}
