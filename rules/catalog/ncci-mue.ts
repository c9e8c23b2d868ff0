/**
 * ncci-mue — more units of a code than its CMS Medically Unlikely Edit allows.
 * Source: CMS MUE table, practitioner services (context.tables.mue: the
 * built-in 2026 Q2 dermatology subset, or CMS's own file given with
 * `scrub --ncci DIR`); NCCI Policy Manual for Medicare Services, ch. I (MUEs).
 *
 * MUE adjudication indicator 1 (line edit) judges each line's units; 2 (date
 * of service, policy) and 3 (date of service, clinical data) judge the units
 * summed over the claim's lines of the code, and the finding goes on the line
 * where the sum crosses the limit. Error, naming the limit.
 *
 * An MUE of 0 says Medicare pays practitioners nothing for the code (consultations
 * 99242–99245, preventive visits): a coverage statement of original Medicare,
 * so it is judged only for payer 'medicare', and not on a line whose GA, GZ, GX
 * or GY already says the service is expected to be denied.
 *
 * Precedence (rules/ncci/precedence.ts): the catalog speaks, and this rule
 * stays silent, for the units of
 *   - 17000, 17003, 17004, 17110, 17111, 11200, 11201: destruction-series
 *     (it counts them against the lesions documented);
 *   - 11102, 11104, 11106: biopsy-primary (one primary per session, the others as add-ons).
 */
import { ABN_MODIFIERS } from '../codes';
import { hasAnyModifier, type ClaimLine } from '../context';
import { mueTableOf } from '../ncci/index';
import { muePrecedenceFor } from '../ncci/precedence';
import type { MueEntry, MueTableLike } from '../ncci/types';
import { setUnits, suggest } from '../suggest';
import { createRule, type MessageReport } from '../types';

const PER_DAY = '{{table}}: {{code}} adds up to {{units}} units on this date of service, above its MUE of {{mue}}.';
const PER_DAY_ONE_LINE = '{{table}}: {{code}} is billed ×{{units}}, above its MUE of {{mue}} per date of service.';
const FIX_POLICY =
  'Report at most {{mue}} of {{code}} for the day: the limit is CMS policy (MAI 2), and units above it are not paid.';
const FIX_CLINICAL =
  'Report at most {{mue}} of {{code}} for the day unless the note documents more; units above it are denied and paid only on appeal with the records (MAI 3).';
const POLICY_TITLE = 'Max {{mue}} of {{code}} a day';
const CLINICAL_TITLE = 'Max {{mue}} of {{code}} unless noted';

/** By the MUE adjudication indicator (MAI): 1 per line, 2 per day by policy, 3 per day by clinical data; an MUE of 0 apart. */
const messages = {
  perLine: {
    message: '{{table}}: this line bills {{code}} ×{{units}}, above its MUE of {{mue}} per line.',
    title: 'Max {{mue}} of {{code}} per line',
    fix: 'Report at most {{mue}} of {{code}} on one line; units done at another site go on their own line with the modifier that says so (RT/LT, XS).',
  },
  perDayPolicy: { message: PER_DAY, title: POLICY_TITLE, fix: FIX_POLICY },
  perDayClinical: { message: PER_DAY, title: CLINICAL_TITLE, fix: FIX_CLINICAL },
  perDayOneLinePolicy: { message: PER_DAY_ONE_LINE, title: POLICY_TITLE, fix: FIX_POLICY },
  perDayOneLineClinical: { message: PER_DAY_ONE_LINE, title: CLINICAL_TITLE, fix: FIX_CLINICAL },
  none: {
    message: '{{table}}: {{code}} has an MUE of 0: Medicare pays practitioners no units of it.',
    title: 'Remove or recode {{code}}',
    fix: 'Remove {{code}}, or bill the code CMS pays for this service.',
  },
} as const;

type Report = MessageReport<typeof messages>;

/**
 * `lines`: the claim's lines of the code up to this one. One click only where the change is determined:
 * the one line of a code whose limit is CMS policy (MAI 2) keeps the units that are paid. A per-line limit
 * may mean units belong on another line, a clinical one may be documented, an MUE of 0 may be another code.
 */
function reportOn(
  line: ClaimLine,
  entry: MueEntry,
  units: number,
  lines: number,
  table: MueTableLike,
  onlyLine: boolean,
): Report {
  const at = line.index;
  const reference = table.reference;
  if (entry.mue === 0)
    return { line: at, field: 'code', reference, messageId: 'none', data: { table: table.name, code: entry.code } };
  const data = { table: table.name, code: entry.code, units, mue: entry.mue };
  if (entry.mai === 1) return { line: at, field: 'units', reference, messageId: 'perLine', data };
  if (entry.mai === 2) {
    if (lines > 1) return { line: at, field: 'units', reference, messageId: 'perDayPolicy', data };
    const suggestions = onlyLine ? suggest(`Bill ${entry.code} ×${entry.mue}`, setUnits(line, entry.mue)) : [];
    return { line: at, field: 'units', reference, messageId: 'perDayOneLinePolicy', data, suggestions };
  }
  return {
    line: at,
    field: 'units',
    reference,
    messageId: lines > 1 ? 'perDayClinical' : 'perDayOneLineClinical',
    data,
  };
}

export default createRule({
  meta: {
    id: 'ncci-mue',
    summary: 'More units of a code than its NCCI Medically Unlikely Edit allows.',
    severity: 'error',
    reference: 'CMS MUE, practitioner services; NCCI Policy Manual for Medicare Services, ch. I',
    description:
      "The units of a code exceed its MUE in the table in use: per line for MUE adjudication indicator 1, summed over the claim's lines of the code for indicators 2 and 3 (shown on the line where the sum crosses the limit). An MUE of 0 (Medicare pays no units) is judged only for original Medicare and not on a line with GA, GZ, GX or GY. Silent for the units the catalog judges (rules/ncci/precedence.ts): 17000, 17003, 17004, 17110, 17111, 11200, 11201 (destruction-series) and 11102, 11104, 11106 (biopsy-primary).",
    messages,
  },
  check({ claim, tables, payerKind, onClaim }) {
    const table = mueTableOf(tables);
    if (!table) return [];
    let totals: Map<string, { units: number; lines: number; done: boolean }> | undefined;
    const reports: Report[] = [];
    for (const line of claim) {
      if (line.code === '') continue;
      const entry = table.get(line.code);
      if (!entry || muePrecedenceFor(line.code)) continue;
      if (entry.mue === 0 && (payerKind !== 'medicare' || hasAnyModifier(line, ABN_MODIFIERS))) continue;
      if (entry.mai === 1) {
        if (line.units > entry.mue) reports.push(reportOn(line, entry, line.units, 1, table, false));
        continue;
      }
      totals ??= new Map();
      const total = totals.get(line.code) ?? { units: 0, lines: 0, done: false };
      total.units += line.units;
      total.lines++;
      totals.set(line.code, total);
      if (!total.done && total.units > entry.mue) {
        total.done = true;
        reports.push(reportOn(line, entry, total.units, total.lines, table, onClaim.linesOf(line.code).length === 1));
      }
    }
    return reports;
  },
});
