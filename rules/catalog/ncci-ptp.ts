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
 */
import { codeIndex } from '../ncci/code-index';
import { ptpTableOf } from '../ncci/index';
import { ncciModifierOf } from '../ncci/modifiers';
import { ptpPrecedenceFor } from '../ncci/precedence';
import { dayNumber } from '../ncci/types';
import type { ClaimLine } from '../context';
import { defineRule, type RuleReport } from '../types';

const list = (codes: readonly string[]) => (codes.length <= 2 ? codes.join(' and ') : `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`);

const messages = {
  bundled: (table: string, column2: string, column1: readonly string[]) =>
    `${table}: ${column2} is bundled into ${list(column1)}, and is paid beside ${column1.length > 1 ? 'them' : 'it'} only with a modifier that marks a separate service.`,
  mutuallyExclusive: (table: string, column2: string, column1: readonly string[]) =>
    `${table}: ${column2} and ${list(column1)} are mutually exclusive, and ${column2} is paid only with a modifier that marks a separate service.`,
  never: (table: string, column2: string, column1: readonly string[]) =>
    `${table}: ${column2} is never paid with ${list(column1)} on the same day; no modifier bypasses this edit.`,
  fixModifier: (column2: string) => `Append XS to ${column2} if it treated a separate lesion or site (XE for a separate session); otherwise remove ${column2}.`,
  fixRemove: (column2: string, column1: readonly string[]) => `Remove ${column2}: no modifier makes it payable with ${list(column1)}.`,
};

interface Hit {
  column1: string;
  modifier: 0 | 1;
  mutuallyExclusive: boolean;
}

export default defineRule({
  meta: {
    id: 'ncci-ptp',
    summary: 'Two codes on the claim form an NCCI procedure-to-procedure edit pair.',
    severity: 'warning',
    reference: 'CMS NCCI PTP edits, practitioner; NCCI Policy Manual for Medicare Services, ch. I',
    description:
      'A pair of claim lines that the NCCI PTP table in use pairs as column 1/column 2 (in force on the dateOfService when the table is dated), shown on the column-2 line: an error for modifier indicator 0; a warning for indicator 1 unless either line carries an NCCI PTP-associated modifier (59, XE, XS, XP, XU, anatomic E1–E4, FA, F1–F9, TA, T1–T9, LT, RT, LC, LD, RC, LM, RI, or 24, 25, 27, 57, 58, 78, 79, 91). Silent where a catalog rule judges the pair (rules/ncci/precedence.ts): a visit with another code (mod25-missing, mod25-unsupported, mod57-missing), a biopsy with a removal (biopsy-bundled), a simple repair with its procedure (repair-bundled), Mohs with pathology (mohs-pathology-bundled), biopsies with each other (biopsy-primary, addon-without-primary), one destruction series (destruction-series). Different diagnoses on the two lines never bypass an edit: only a modifier does.',
    messages,
  },
  check({ claim, tables, encounter }) {
    const table = ptpTableOf(tables);
    if (!table || claim.length < 2) return [];
    const day = dayNumber(encounter.dateOfService);
    const index = claim.map((l) => codeIndex(l.code));
    const hits = new Map<ClaimLine, Hit[]>();
    for (let i = 0; i < claim.length; i++) {
      if (index[i]! < 0) continue;
      for (let j = 0; j < claim.length; j++) {
        if (i === j || index[j]! < 0 || claim[i]!.code === claim[j]!.code) continue;
        const record = table.lookup(index[i]!, index[j]!, day);
        if (record < 0) continue;
        const modifier = table.modifierOf(record);
        if (modifier === 9) continue;
        const column1 = claim[i]!;
        const column2 = claim[j]!;
        if (modifier === 1 && (ncciModifierOf(column1.modifiers) || ncciModifierOf(column2.modifiers))) continue;
        if (ptpPrecedenceFor(column1, column2)) continue;
        const rationale = table.rationaleOf(record) ?? '';
        const hit: Hit = { column1: column1.code, modifier, mutuallyExclusive: /mutually.exclusive/i.test(rationale) };
        const list = hits.get(column2);
        if (list) list.push(hit);
        else hits.set(column2, [hit]);
      }
    }
    const reports: RuleReport[] = [];
    for (const [line, found] of hits) {
      const never = found.filter((h) => h.modifier === 0);
      const column1 = [...new Set((never.length ? never : found).map((h) => h.column1))];
      if (never.length > 0) {
        reports.push({ line: line.index, severity: 'error', message: messages.never(table.name, line.code, column1), fix: messages.fixRemove(line.code, column1), reference: table.reference });
      } else {
        const message = found.every((h) => h.mutuallyExclusive) ? messages.mutuallyExclusive(table.name, line.code, column1) : messages.bundled(table.name, line.code, column1);
        reports.push({ line: line.index, severity: 'warning', message, fix: messages.fixModifier(line.code), reference: table.reference });
      }
    }
    return reports.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  },
});
