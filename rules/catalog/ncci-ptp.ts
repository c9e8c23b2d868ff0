/**
 * ncci-ptp — two codes on the claim that a CMS NCCI procedure-to-procedure edit pairs.
 * Source: CMS NCCI PTP edits, practitioner (the table in context.tables.ptp:
 * the built-in 2026 Q3 v32.2 dermatology subset, or CMS's own files given with
 * `scrub --ncci DIR`); NCCI Policy Manual for Medicare Services, ch. I (PTP
 * edits, modifiers and modifier indicators).
 *
 * Column 1 is paid, column 2 is denied: the finding goes on the column-2 line.
 * Modifier indicator 0: error, nothing bypasses it. Indicator 1: warning,
 * unless either line carries an NCCI PTP-associated modifier (59, XE, XS, XP,
 * XU; E1–E4, FA, F1–F9, TA, T1–T9, LT, RT, LC, LD, RC, LM, RI; 24, 25, 27, 57,
 * 58, 78, 79, 91). Indicator 9: no edit. A dated table applies an edit only
 * when the dateOfService falls between its effective and deletion dates.
 *
 * Precedence (rules/ncci/precedence.ts, the one place it is decided): the
 * catalog speaks, and this rule stays silent, for
 *   - an E/M or eye visit (99202–99499, 92002–92014) with any other code:
 *     mod25-missing, mod25-unsupported, mod57-missing (two visit codes stay here);
 *   - a biopsy (11102–11107) with a removal or destruction or its add-on: biopsy-bundled;
 *   - a simple repair (12001–12018) with a biopsy, removal or destruction: repair-bundled;
 *   - Mohs (17311–17315) with surgical pathology: mohs-pathology-bundled;
 *   - biopsy codes with each other: biopsy-primary, addon-without-primary;
 *   - codes of one destruction series with each other: destruction-series.
 * Different diagnoses never set a pair apart (only a modifier does): two
 * destruction families on one claim (17110 with 11200) are judged here.
 *
 * Linear in the lines: each pair of distinct codes on the claim is looked up
 * once (every pair up to 64 codes; above, the table's own list of each code's
 * column-2 codes), and a column-2 code's lines share its hits and the finding's words.
 */
import { codeIndex } from '../ncci/code-index';
import { ptpTableOf, type PtpTable } from '../ncci/index';
import { ncciModifierOf } from '../ncci/modifiers';
import { firstLeftToNcci, ptpPrecedenceOfCodes } from '../ncci/precedence';
import { dayNumber } from '../ncci/types';
import type { ClaimIndex, ClaimLine } from '../context';
import type { Suggestion } from '../schema';
import { addModifier, orphansAnAddOn, removeLine } from '../suggest';
import { SEVERAL_CODES } from '../gate';
import { createRule, type MessageReport } from '../types';

const list = (codes: readonly string[]) =>
  codes.length <= 2 ? codes.join(' and ') : `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;

const FIX_MODIFIER =
  'Append XS to {{column2}} if it treated a separate lesion or site (XE for a separate session); otherwise remove {{column2}}.';
const MODIFIER_TITLE = 'Add XS if separate, else remove';

const messages = {
  bundled: {
    message:
      '{{table}}: {{column2}} is bundled into {{column1}}, and is paid only with a modifier that marks a separate service.',
    title: MODIFIER_TITLE,
    fix: FIX_MODIFIER,
  },
  mutuallyExclusive: {
    message:
      '{{table}}: {{column2}} and {{column1}} are mutually exclusive, and {{column2}} is paid only with a modifier that marks a separate service.',
    title: MODIFIER_TITLE,
    fix: FIX_MODIFIER,
  },
  never: {
    message: '{{table}}: {{column2}} is never paid with {{column1}} on the same day; no modifier bypasses this edit.',
    title: 'Remove {{column2}} (NCCI edit)',
    fix: 'Remove {{column2}}: no modifier makes it payable with {{column1}}.',
  },
} as const;

interface Hit {
  column1: string;
  modifier: 0 | 1;
  mutuallyExclusive: boolean;
  /** Where the first column-1 line of this edit stands: hits are listed in claim order. */
  at: number;
}

/** A code on the claim that the NCCI tables can name, with its lines. */
interface CodeOnClaim {
  code: string;
  index: number;
  lines: readonly ClaimLine[];
  /** Its lines without an NCCI-associated modifier, the only ones an indicator-1 edit stands on (found when first needed). */
  plain?: readonly ClaimLine[];
}

interface Edit {
  column1: CodeOnClaim;
  column2: CodeOnClaim;
  record: number;
}

/** Up to this many distinct codes, every pair is looked up; above, the table's own list of each code's pairs is walked. */
const PAIRWISE_UP_TO = 64;

function codesOnClaim(onClaim: ClaimIndex): CodeOnClaim[] {
  const codes: CodeOnClaim[] = [];
  for (const code of onClaim.codes) {
    const index = codeIndex(code);
    if (index < 0) continue;
    const lines = onClaim.linesOf(code);
    codes.push({ code, index, lines });
  }
  return codes;
}

/** The edits in force on `day` between two codes on the claim: each pair of codes looked up once, however many lines carry them. */
function editsAmong(table: PtpTable, codes: readonly CodeOnClaim[], day: number): Edit[] {
  const edits: Edit[] = [];
  if (codes.length <= PAIRWISE_UP_TO) {
    for (const column1 of codes) {
      for (const column2 of codes) {
        if (column1 === column2) continue;
        const record = table.lookup(column1.index, column2.index, day);
        if (record >= 0) edits.push({ column1, column2, record });
      }
    }
    return edits;
  }
  const byIndex = new Map(codes.map((c) => [c.index, c]));
  for (const column1 of codes) {
    for (const index of table.columnTwoOf(column1.index)) {
      const column2 = byIndex.get(index);
      if (column2 === undefined || column2 === column1) continue;
      const record = table.lookup(column1.index, column2.index, day);
      if (record >= 0) edits.push({ column1, column2, record });
    }
  }
  return edits;
}

interface Text {
  severity: 'error' | 'warning';
  messageId: keyof typeof messages;
  data: { table: string; column2: string; column1: string };
}

/** The finding's words for a column-2 code and its hits: column-1 codes in claim order, the indicator-0 ones alone when there are any. */
function textOf(table: PtpTable, column2: string, hits: Hit[]): Text {
  const found = [...hits].sort((a, b) => a.at - b.at);
  const never = found.filter((h) => h.modifier === 0);
  const data = { table: table.name, column2, column1: list((never.length ? never : found).map((h) => h.column1)) };
  if (never.length > 0) return { severity: 'error', messageId: 'never', data };
  return {
    severity: 'warning',
    messageId: found.every((h) => h.mutuallyExclusive) ? 'mutuallyExclusive' : 'bundled',
    data,
  };
}

/** Indicator 0: remove the column-2 line. Indicator 1: a separate lesion (XS) or not (remove) — the person knows at once, so both. */
function reportOf(line: ClaimLine, text: Text, reference: string, onClaim: ClaimIndex): MessageReport<typeof messages> {
  // Written out (one array per line, no spreads): a busy claim has thousands of these.
  const remove: Suggestion | undefined = orphansAnAddOn(line, onClaim)
    ? undefined
    : { label: `Remove ${line.code}`, actions: [removeLine(line)] };
  if (text.messageId === 'never')
    return {
      line: line.index,
      field: 'code',
      severity: text.severity,
      messageId: 'never',
      data: text.data,
      suggestions: remove ? [remove] : [],
      reference,
    };
  const separate: Suggestion = { label: `Add XS to ${line.code}`, actions: [addModifier(line, 'XS')] };
  return {
    line: line.index,
    field: 'modifiers',
    severity: text.severity,
    messageId: text.messageId,
    data: text.data,
    suggestions: remove ? [separate, remove] : [separate],
    reference,
  };
}

export default createRule({
  meta: {
    id: 'ncci-ptp',
    summary: 'Two codes on the claim form an NCCI procedure-to-procedure edit pair.',
    severity: 'warning',
    reference: 'CMS NCCI PTP edits, practitioner; NCCI Policy Manual for Medicare Services, ch. I',
    description:
      'A pair of claim lines that the NCCI PTP table in use pairs as column 1/column 2 (in force on the dateOfService when the table is dated), shown on the column-2 line: an error for modifier indicator 0; a warning for indicator 1 unless either line carries an NCCI PTP-associated modifier (59, XE, XS, XP, XU, anatomic E1–E4, FA, F1–F9, TA, T1–T9, LT, RT, LC, LD, RC, LM, RI, or 24, 25, 27, 57, 58, 78, 79, 91). Silent where a catalog rule judges the pair (rules/ncci/precedence.ts): a visit with another code (mod25-missing, mod25-unsupported, mod57-missing), a biopsy with a removal (biopsy-bundled), a simple repair with its procedure (repair-bundled), Mohs with pathology (mohs-pathology-bundled), biopsies with each other (biopsy-primary, addon-without-primary), one destruction series (destruction-series). Different diagnoses on the two lines never bypass an edit: only a modifier does.',
    messages,
  },
  needs: [SEVERAL_CODES],
  check({ claim, tables, encounter, onClaim }) {
    const table = ptpTableOf(tables);
    if (!table || claim.length < 2) return [];
    const codes = codesOnClaim(onClaim);
    if (codes.length < 2) return [];
    // The hits of a column-2 code that every line of it gets (those without an NCCI-associated modifier,
    // or with one: then only indicator-0 edits hold), and the hits a precedence gives some lines only.
    const edits = editsAmong(table, codes, dayNumber(encounter.dateOfService));
    if (edits.length === 0) return [];
    const shared = new Map<CodeOnClaim, { plain: Hit[]; modified: Hit[] }>();
    const ownHits = new Map<ClaimLine, Hit[]>();
    for (const { column1, column2, record } of edits) {
      const modifier = table.modifierOf(record);
      if (modifier === 9) continue;
      const precedence = ptpPrecedenceOfCodes(column1.code, column2.code);
      if (precedence === 'all') continue;
      // Indicator 1: an NCCI-associated modifier on either line bypasses the edit.
      const candidates =
        modifier === 1 ? (column1.plain ??= column1.lines.filter((l) => !ncciModifierOf(l.modifiers))) : column1.lines;
      if (candidates.length === 0) continue;
      const mutuallyExclusive = /mutually.exclusive/i.test(table.rationaleOf(record) ?? '');
      if (precedence === undefined) {
        // The first column-1 line stands against every line of column 2.
        const hit: Hit = { column1: column1.code, modifier, mutuallyExclusive, at: candidates[0]!.index };
        let lists = shared.get(column2);
        if (!lists) shared.set(column2, (lists = { plain: [], modified: [] }));
        lists.plain.push(hit);
        if (modifier === 0) lists.modified.push(hit);
        continue;
      }
      for (const line of column2.lines) {
        if (modifier === 1 && ncciModifierOf(line.modifiers)) continue;
        // The first column-1 line that the catalog leaves to this rule when paired with this one.
        const first = firstLeftToNcci(candidates, line);
        if (!first) continue;
        const hit: Hit = { column1: column1.code, modifier, mutuallyExclusive, at: first.index };
        const list = ownHits.get(line);
        if (list) list.push(hit);
        else ownHits.set(line, [hit]);
      }
    }
    const reports: MessageReport<typeof messages>[] = [];
    for (const column2 of codes) {
      const lists = shared.get(column2);
      // Lines that share their hits share their words too.
      let plainText: Text | undefined;
      let modifiedText: Text | undefined;
      for (const line of column2.lines) {
        const modified = ncciModifierOf(line.modifiers) !== undefined;
        const common = lists ? (modified ? lists.modified : lists.plain) : [];
        const own = ownHits.get(line);
        if (common.length === 0 && own === undefined) continue;
        const text = own
          ? textOf(table, line.code, [...common, ...own])
          : modified
            ? (modifiedText ??= textOf(table, line.code, common))
            : (plainText ??= textOf(table, line.code, common));
        reports.push(reportOf(line, text, table.reference, onClaim));
      }
    }
    return reports.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  },
});
