/**
 * Who speaks when a catalog rule and an NCCI edit judge the same thing.
 *
 * The catalog (docs/rules.md) already judges some code pairs and some unit counts with
 * messages that know the dermatology behind them (which lesion, which
 * diagnosis, which add-on). For those, the catalog rule speaks and ncci-ptp /
 * ncci-mue stay silent: whether the catalog rule fires or not (a pair it
 * finds separated is not reopened by NCCI), and whatever the user's setting
 * for it (turning biopsy-bundled off must not bring the same warning back
 * under another name). The tables below are the whole of that decision;
 * the NCCI rules consult them and nothing else.
 *
 * Codes of two destruction families (17110 with 11200, 17110 with 17000 …)
 * are not among them, whatever diagnoses their lines link: CMS bypasses a PTP
 * edit only with a modifier, never for different diagnoses, so ncci-ptp judges
 * such pairs (destruction-wrong-family judges each line's own diagnoses).
 */
import {
  ADDON_PRIMARIES,
  BIOPSY_BUNDLES_INTO,
  BIOPSY_PRIMARY,
  codeSet,
  DESTRUCTION_COUNTING,
  DESTRUCTION_FAMILIES,
  MOD25_ALLOWED,
  MOHS,
  REPAIR_BUNDLES_INTO,
  SIMPLE_REPAIR,
  SURGICAL_PATHOLOGY,
  type CodeSet,
} from '../codes';
import type { ClaimLine } from '../context';

interface CodeTest {
  has(code: string): boolean;
}

export interface PtpPrecedence {
  /** The catalog rule(s) that judge these pairs instead of ncci-ptp. */
  owner: string;
  /** One code of the pair is in `a` and the other in `b`, whichever is column 1. */
  a: CodeTest;
  b: CodeTest;
  /** For the docs and the report. */
  pairs: string;
  why: string;
}

export interface MuePrecedence {
  owner: string;
  codes: CodeTest;
  list: string;
  why: string;
}

/** The codes of a set and the add-on codes whose primaries are in it. */
function withAddOns(set: CodeTest): CodeTest {
  const addOns = Object.entries(ADDON_PRIMARIES)
    .filter(([, primaries]) => primaries.some((p) => set.has(p)))
    .map(([addOn]) => addOn);
  const extra = new Set(addOns);
  return { has: (code) => set.has(code) || extra.has(code) };
}

const not = (set: CodeTest): CodeTest => ({ has: (code) => code !== '' && !set.has(code) });

/** Biopsies of every technique, primaries and add-ons. */
const BIOPSY = codeSet(['11102', '11107']);

const SAME_FAMILY: PtpPrecedence[] = DESTRUCTION_FAMILIES.filter((f) => DESTRUCTION_COUNTING[f.id]).map((f) => ({
  owner: 'destruction-series',
  a: f.codes,
  b: f.codes,
  pairs: `${f.series} with each other`,
  why: 'Which codes of one destruction series go together (17004 replaces 17000/17003, 17111 replaces 17110) is the lesion count destruction-series judges.',
}));

export const PTP_PRECEDENCE: readonly PtpPrecedence[] = [
  {
    owner: 'mod25-missing, mod25-unsupported, mod57-missing',
    a: MOD25_ALLOWED,
    b: not(MOD25_ALLOWED),
    pairs: 'an E/M or eye visit (99202–99499, 92002–92014) with any other code',
    why: 'NCCI bundles the visit into the procedure unless 25 or 57 separates it; the mod25/mod57 rules judge exactly that, with the diagnoses that show whether the visit was separate. Two visit codes on one claim are left to ncci-ptp: no catalog rule judges them.',
  },
  {
    owner: 'biopsy-bundled',
    a: BIOPSY,
    b: withAddOns(BIOPSY_BUNDLES_INTO),
    pairs:
      'a biopsy (11102–11107) with a removal or destruction biopsy-bundled names (11200, 11300–11313, 11400–11446, 11600–11646, 17000, 17004, 17110, 17111, 17260–17286, 17311, 17313) or its add-on (11201, 17003, 17312, 17314, 17315)',
    why: 'biopsy-bundled judges a biopsy with a removal on the biopsy line, separated by a distinct-service modifier on either line; its add-ons follow their primaries (add-on codes are not judged).',
  },
  {
    owner: 'repair-bundled',
    a: SIMPLE_REPAIR,
    b: withAddOns(REPAIR_BUNDLES_INTO),
    pairs:
      'a simple repair (12001–12018) with a biopsy, removal or destruction repair-bundled names (11102–11107, 11200, 11300–11313, 11400–11446, 11600–11646, 17000, 17004, 17110, 17111, 17260–17286) or its add-on (11201, 17003)',
    why: 'repair-bundled judges the closure with the procedure it is part of.',
  },
  {
    owner: 'mohs-pathology-bundled',
    a: MOHS,
    b: SURGICAL_PATHOLOGY,
    pairs: 'Mohs (17311–17315) with surgical pathology (88300–88309, 88331, 88332)',
    why: "mohs-pathology-bundled judges it, and asks for the modifier on the pathology line as NCCI's Mohs policy does (NCCI's table alone would accept it on the Mohs line too).",
  },
  {
    owner: 'biopsy-primary, addon-without-primary',
    a: BIOPSY,
    b: BIOPSY,
    pairs: 'biopsy codes (11102–11107) with each other',
    why: 'One primary per session for the highest-ranked technique, the others as add-ons: biopsy-primary and addon-without-primary judge how the biopsies of a session are coded.',
  },
  ...SAME_FAMILY,
];

// Which sides of which entries a code is on, as two bit masks (entry i is bit i),
// so a pair costs two map reads instead of a walk through code ranges. Bounded:
// a worker that sees endless odd codes starts the cache over.
const sides = new Map<string, readonly [a: number, b: number]>();
function sidesOf(code: string): readonly [number, number] {
  let s = sides.get(code);
  if (!s) {
    let a = 0;
    let b = 0;
    PTP_PRECEDENCE.forEach((p, i) => {
      if (p.a.has(code)) a |= 1 << i;
      if (p.b.has(code)) b |= 1 << i;
    });
    if (sides.size > 20_000) sides.clear();
    sides.set(code, (s = [a, b]));
  }
  return s;
}
if (PTP_PRECEDENCE.length > 31) throw new Error('PTP_PRECEDENCE: at most 31 entries (bit masks)');

/** The catalog rule that judges this pair of claim lines, if any. */
export function ptpPrecedenceFor(x: ClaimLine, y: ClaimLine): PtpPrecedence | undefined {
  const [xa, xb] = sidesOf(x.code);
  const [ya, yb] = sidesOf(y.code);
  const both = (xa & yb) | (ya & xb);
  // The first entry that holds the pair: the lowest bit set.
  return both === 0 ? undefined : PTP_PRECEDENCE[31 - Math.clz32(both & -both)];
}

/**
 * Which pairs of lines with these two codes the catalog takes from ncci-ptp:
 * 'all' (an entry without a condition holds the codes), 'some' (only entries
 * with a condition on the lines do: ask ptpPrecedenceFor for each pair), or
 * undefined (none). ncci-ptp asks once per pair of codes.
 */
export function ptpPrecedenceOfCodes(x: string, y: string): 'all' | 'some' | undefined {
  const [xa, xb] = sidesOf(x);
  const [ya, yb] = sidesOf(y);
  // No entry holds a condition on the lines any more (different diagnoses never bypass an edit): a pair is the catalog's or ncci-ptp's.
  return ((xa & yb) | (ya & xb)) !== 0 ? 'all' : undefined;
}

/** Where the first line of a list links each diagnosis, and where the first line linking none stands. */
interface FirstByDiagnosis {
  byDx: Map<string, number>;
  noDx: number;
}
const firstByDiagnosisOf = new WeakMap<readonly ClaimLine[], FirstByDiagnosis>();

function firstByDiagnosis(lines: readonly ClaimLine[]): FirstByDiagnosis {
  let first = firstByDiagnosisOf.get(lines);
  if (!first) {
    first = { byDx: new Map(), noDx: -1 };
    const read = new Set<readonly string[]>(); // lines without pointers share one list: read it once
    lines.forEach((line, position) => {
      if (line.dx.length === 0) {
        if (first!.noDx < 0) first!.noDx = position;
        return;
      }
      if (read.has(line.dx)) return;
      if (line.dx.length > 4) read.add(line.dx);
      for (const d of line.dx) if (!first!.byDx.has(d)) first!.byDx.set(d, position);
    });
    firstByDiagnosisOf.set(lines, first);
  }
  return first;
}

/**
 * The first of `candidates` (column-1 lines of one code, in claim order) that
 * the catalog leaves to ncci-ptp beside `line`, for two codes whose pairs only
 * the lines' diagnoses can take from it ('some' above): the first candidate
 * whose diagnoses are not apart from the line's (either links none, or they
 * share one): 'diagnoses-apart' is the one condition an entry can carry.
 * Indexed by diagnosis once per list, so asking for every line of a code stays
 * linear; the same answer as asking ptpPrecedenceFor of each pair in turn.
 */
export function firstLeftToNcci(candidates: readonly ClaimLine[], line: ClaimLine): ClaimLine | undefined {
  if (candidates.length === 0) return undefined;
  if (line.dx.length === 0) return candidates[0];
  const { byDx, noDx } = firstByDiagnosis(candidates);
  let best = noDx;
  for (const d of line.dx) {
    const position = byDx.get(d);
    if (position !== undefined && (best < 0 || position < best)) best = position;
  }
  return best < 0 ? undefined : candidates[best];
}

const COUNTED_DESTRUCTION: CodeSet = codeSet(
  ...DESTRUCTION_FAMILIES.filter((f) => DESTRUCTION_COUNTING[f.id]).flatMap((f) => f.codes.specs),
);

export const MUE_PRECEDENCE: readonly MuePrecedence[] = [
  {
    owner: 'destruction-series',
    codes: COUNTED_DESTRUCTION,
    list: '17000, 17003, 17004, 17110, 17111, 11200, 11201',
    why: 'destruction-series judges the units of a destruction series against the lesions documented (17003 at most 13, the others once per session, 11201 one unit per 10 tags beyond 15).',
  },
  {
    owner: 'biopsy-primary',
    codes: BIOPSY_PRIMARY,
    list: '11102, 11104, 11106',
    why: 'biopsy-primary judges a biopsy primary billed more than once and names the add-on to use instead.',
  },
];

/** The catalog rule that judges this code's units, if any. */
export function muePrecedenceFor(code: string): MuePrecedence | undefined {
  for (const p of MUE_PRECEDENCE) if (p.codes.has(code)) return p;
  return undefined;
}
