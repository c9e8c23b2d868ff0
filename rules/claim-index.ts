/**
 * The claim indexed by code, built in one pass over its lines when the context
 * is made: which code groups are on the claim (one bit test, from the masks
 * rules/codes.ts compiles), the lines of each group and of each code. Rules ask
 * it instead of walking the lines again, and pair checks (ncci-ptp,
 * biopsy-bundled, …) go through it to stay linear in the number of lines.
 */
import { codeGroupId, codeGroupMasks } from './codes';
import type { ClaimLine } from './claim-line';

/** A code group (codeSet(...)) or anything that answers has(code). */
interface CodeGroup {
  has(code: string): boolean;
}

export interface ClaimIndex {
  /** Some line on the claim has a code of this group. */
  has(group: CodeGroup): boolean;
  /** The lines on the claim whose code is in this group, in claim order (the same array on every call). */
  linesIn(group: CodeGroup): readonly ClaimLine[];
  /** The lines on the claim with this code (normalized), in claim order. */
  linesOf(code: string): readonly ClaimLine[];
  /** The distinct codes on the claim, in the order they first appear. */
  readonly codes: readonly string[];
  /** The code groups on the claim as bits (group id >> 5 is the word, id & 31 the bit), for the rule gate (rules/gate.ts). */
  readonly groupsPresent: readonly number[];
}

const NO_LINES: readonly ClaimLine[] = Object.freeze([]);

/** Up to this many distinct codes, a code's lines are found by comparing codes; above, through a map. */
const FEW_CODES = 8;

class Index implements ClaimIndex {
  readonly #claim: readonly ClaimLine[];
  /** The groups each line's code is in (the compiled masks), undefined for a code in none. */
  readonly #lineMasks: (readonly number[] | undefined)[];
  /** The groups with a code on the claim: the lines' masks or-ed. */
  readonly #present: number[];
  readonly groupsPresent: readonly number[];
  readonly #exact: readonly number[];
  readonly #groups: number;
  /** The distinct codes, in the order they first appear, and the lines of each. */
  readonly codes: readonly string[];
  readonly #linesOfCode: ClaimLine[][];
  /** Code → its place in `codes`, once there are more than FEW_CODES. */
  #position: Map<string, number> | undefined;
  #linesIn: Map<CodeGroup, readonly ClaimLine[]> | undefined;

  constructor(claim: readonly ClaimLine[]) {
    const { byCode, words, exact, groups } = codeGroupMasks();
    const present = words === 1 ? [0] : new Array<number>(words).fill(0);
    const lineMasks = new Array<readonly number[] | undefined>(claim.length);
    const codes: string[] = [];
    const linesOfCode: ClaimLine[][] = [];
    for (let i = 0; i < claim.length; i++) {
      const line = claim[i]!;
      const mask = byCode.get(line.code);
      lineMasks[i] = mask;
      if (mask !== undefined) for (let w = 0; w < words; w++) present[w]! |= mask[w]!;
      const at = this.#position ? (this.#position.get(line.code) ?? -1) : codes.indexOf(line.code);
      if (at >= 0) {
        linesOfCode[at]!.push(line);
        continue;
      }
      this.#position?.set(line.code, codes.length);
      linesOfCode.push([line]);
      codes.push(line.code);
      if (codes.length === FEW_CODES + 1) this.#position = new Map(codes.map((code, k) => [code, k]));
    }
    this.#claim = claim;
    this.#lineMasks = lineMasks;
    this.#present = present;
    this.groupsPresent = present;
    this.#exact = exact;
    this.#groups = groups;
    this.codes = codes;
    this.#linesOfCode = linesOfCode;
  }

  has(group: CodeGroup): boolean {
    const id = codeGroupId(group);
    if (id >= 0 && id < this.#groups) {
      const word = id >> 5;
      const bit = 1 << (id & 31);
      if ((this.#present[word]! & bit) !== 0) return true;
      if ((this.#exact[word]! & bit) !== 0) return false;
    }
    return this.linesIn(group).length > 0;
  }

  linesIn(group: CodeGroup): readonly ClaimLine[] {
    const id = codeGroupId(group);
    const masked = id >= 0 && id < this.#groups && (this.#exact[id >> 5]! & (1 << (id & 31))) !== 0;
    if (masked && (this.#present[id >> 5]! & (1 << (id & 31))) === 0) return NO_LINES;
    const memo = (this.#linesIn ??= new Map<CodeGroup, readonly ClaimLine[]>());
    let lines = memo.get(group);
    if (lines === undefined) {
      const found: ClaimLine[] = [];
      const claim = this.#claim;
      if (masked) {
        const word = id >> 5;
        const bit = 1 << (id & 31);
        for (let i = 0; i < claim.length; i++) {
          const mask = this.#lineMasks[i];
          if (mask !== undefined && (mask[word]! & bit) !== 0) found.push(claim[i]!);
        }
      } else {
        for (const line of claim) if (group.has(line.code)) found.push(line);
      }
      memo.set(group, (lines = found));
    }
    return lines;
  }

  linesOf(code: string): readonly ClaimLine[] {
    const at = this.#position ? (this.#position.get(code) ?? -1) : this.codes.indexOf(code);
    return at < 0 ? NO_LINES : this.#linesOfCode[at]!;
  }
}

export function indexClaim(claim: readonly ClaimLine[]): ClaimIndex {
  return new Index(claim);
}

/** A diagnosis list longer than this is read once however many lines share it (the list of lines without pointers). */
const SHORT_LIST = 4;

/**
 * Every diagnosis linked to one of these lines. Lines without pointers share
 * one list of all the encounter's diagnoses, read once here however many
 * such lines there are.
 */
export function diagnosesOf(lines: readonly ClaimLine[]): Set<string> {
  const out = new Set<string>();
  let read: Set<readonly string[]> | undefined;
  for (const line of lines) {
    if (line.dx.length > SHORT_LIST) {
      if (read?.has(line.dx)) continue;
      (read ??= new Set()).add(line.dx);
    }
    for (const d of line.dx) out.add(d);
  }
  return out;
}

/** Keeps, per key, the lowest position given. */
function keepFirst(positions: Map<string, number>, key: string, position: number): void {
  const known = positions.get(key);
  if (known === undefined || position < known) positions.set(key, position);
}

/** Up to this many lines, SharedDiagnoses compares the lines directly instead of indexing them. */
const FEW_LINES = 16;

/**
 * Which codes of a list of lines share a diagnosis with another line's
 * diagnoses ("the minor procedures this visit's problems were treated with"):
 * indexed once by diagnosis when there are many lines, so asking for each of
 * many lines stays linear.
 */
export class SharedDiagnoses {
  readonly #lines: readonly ClaimLine[];
  /** Diagnosis → code → position (in `lines`) of the first line of that code linked to it. */
  readonly #byDx: Map<string, Map<string, number>> | undefined;
  #asked: Map<readonly string[], readonly string[]> | undefined;

  constructor(lines: readonly ClaimLine[]) {
    this.#lines = lines;
    if (lines.length > FEW_LINES) this.#byDx = SharedDiagnoses.#index(lines);
  }

  static #index(lines: readonly ClaimLine[]): Map<string, Map<string, number>> {
    const byDx = new Map<string, Map<string, number>>();
    const positionsOf = (d: string) => {
      let positions = byDx.get(d);
      if (!positions) byDx.set(d, (positions = new Map<string, number>()));
      return positions;
    };
    // Long lists (shared by the lines without pointers) are gathered by list and read once.
    let byList: Map<readonly string[], Map<string, number>> | undefined;
    lines.forEach((line, position) => {
      if (line.dx.length > SHORT_LIST) {
        let codes = (byList ??= new Map<readonly string[], Map<string, number>>()).get(line.dx);
        if (!codes) byList.set(line.dx, (codes = new Map<string, number>()));
        if (!codes.has(line.code)) codes.set(line.code, position);
        return;
      }
      for (const d of line.dx) keepFirst(positionsOf(d), line.code, position);
    });
    if (byList) {
      for (const [dx, codes] of byList) {
        for (const d of dx) {
          const positions = positionsOf(d);
          for (const [code, position] of codes) keepFirst(positions, code, position);
        }
      }
    }
    return byDx;
  }

  /** The distinct codes of the lines linked to any of `dx`, in the order of the first such line. */
  codesSharing(dx: readonly string[]): readonly string[] {
    if (this.#lines.length <= FEW_LINES)
      return [...new Set(this.#lines.filter((m) => m.dx.some((d) => dx.includes(d))).map((m) => m.code))];
    this.#asked ??= new Map();
    let codes = this.#asked.get(dx);
    if (codes === undefined) {
      const first = new Map<string, number>();
      for (const d of dx) {
        const linked = this.#byDx!.get(d);
        if (linked) for (const [code, position] of linked) keepFirst(first, code, position);
      }
      codes = [...first].sort((a, b) => a[1] - b[1]).map(([code]) => code);
      this.#asked.set(dx, codes);
    }
    return codes;
  }
}
