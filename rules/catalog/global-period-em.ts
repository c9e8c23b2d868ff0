/**
 * global-period-em — a visit inside the global period of an earlier procedure, coded as if there were none.
 * Source: Medicare Claims Processing Manual ch. 12 §40 (global surgery: the
 * payment includes the visits of the post-operative period, 10 or 90 days
 * after the day of the procedure; an unrelated E/M in it carries modifier 24);
 * CPT 99024 (a post-operative visit included in the global service). The global
 * days and post-operative diagnoses are data in rules/global-periods.ts.
 */
import { displayIcd, EM, normalizeCode, normalizeIcd } from '../codes';
import type { ClaimLine } from '../context';
import {
  daysBetween,
  globalDaysOf,
  POST_OPERATIVE_DX,
  POST_OPERATIVE_VISIT,
  SAME_DAY_VISIT_MODIFIERS,
  UNRELATED_VISIT_MODIFIER,
  type GlobalDays,
} from '../global-periods';
import type { PriorService } from '../schema';
import { defineRule, type RuleReport } from '../types';

const list = (items: readonly string[]) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const dxList = (dx: readonly string[]) => list(dx.map(displayIcd));

/** A history service whose global period holds the date of service. */
interface OpenPeriod {
  code: string;
  days: GlobalDays;
  /** Days after the procedure: 1 … days. */
  day: number;
  /** Its diagnoses, dotless; empty when the history lists none. */
  dx: readonly string[];
}

/** Which period a message names: the latest procedure among `periods`, with every code of that day. */
function describe(periods: readonly OpenPeriod[]): string {
  const day = Math.min(...periods.map((p) => p.day));
  const those = periods.filter((p) => p.day === day);
  const days = Math.max(...those.map((p) => p.days));
  return `on day ${day} of the ${days}-day global period of ${list([...new Set(those.map((p) => p.code))])}`;
}

const messages = {
  unrelated: (em: string, period: string, dx: readonly string[]) =>
    `${em} is ${period}, for a problem unrelated to it (${dxList(dx)}), without modifier ${UNRELATED_VISIT_MODIFIER}: the payer will fold it into the surgical package.`,
  unrelatedFix: (em: string) => `Append ${UNRELATED_VISIT_MODIFIER} to ${em}: the note must show the problem is unrelated to the procedure.`,
  postOperative: (em: string, period: string, dx: readonly string[]) =>
    `${em} is ${period}, for ${dxList(dx)}: post-operative care is part of the surgical package and is not paid on its own.`,
  postOperative24: (em: string, period: string, dx: readonly string[]) =>
    `${em} carries ${UNRELATED_VISIT_MODIFIER} for an unrelated problem, but it is ${period} and its diagnoses are post-operative (${dxList(dx)}): post-operative care is part of the surgical package.`,
  postOperativeFix: (em: string) => `Record the visit as ${POST_OPERATIVE_VISIT} and bill nothing for it, instead of ${em}.`,
  sameDiagnosis24: (em: string, period: string, dx: readonly string[]) =>
    `${em} carries ${UNRELATED_VISIT_MODIFIER} for an unrelated problem, but it is ${period} and treats that procedure's diagnoses (${dxList(dx)}).`,
  sameDiagnosis24Fix: (em: string) =>
    `If this visit is for a new lesion with the same diagnosis, document it as such and keep ${UNRELATED_VISIT_MODIFIER}; otherwise it is post-operative care: record ${POST_OPERATIVE_VISIT} and bill nothing instead of ${em}.`,
};

function openPeriods(history: readonly PriorService[], dateOfService: string | undefined): OpenPeriod[] {
  const open: OpenPeriod[] = [];
  for (const service of history) {
    const code = normalizeCode(service.code);
    const days = globalDaysOf(code);
    if (!days) continue;
    const day = daysBetween(service.dateOfService, dateOfService);
    // Day 0 is the procedure's own day (section 4 judges a same-day visit); later services open nothing yet.
    if (day === undefined || day < 1 || day > days) continue;
    open.push({ code, days, day, dx: [...new Set((service.dx ?? []).map(normalizeIcd).filter(Boolean))] });
  }
  return open;
}

function judge(em: ClaimLine, periods: readonly OpenPeriod[]): RuleReport | undefined {
  const dx = em.dx;
  if (dx.length === 0) return undefined; // dx-missing speaks
  if (SAME_DAY_VISIT_MODIFIERS.some((m) => em.modifiers.has(m))) return undefined;
  const historyDx = new Set(periods.flatMap((p) => p.dx));
  const postOperative = (d: string) => POST_OPERATIVE_DX.has(d);
  const related = (d: string) => historyDx.has(d) || postOperative(d);
  // Name the procedures the visit's diagnoses belong to, when some do.
  const relatedPeriods = periods.filter((p) => p.dx.some((d) => dx.includes(d)));
  const period = describe(relatedPeriods.length > 0 ? relatedPeriods : periods);
  const line = em.index;
  if (!em.modifiers.has(UNRELATED_VISIT_MODIFIER)) {
    const everyDxListed = periods.every((p) => p.dx.length > 0);
    if (everyDxListed && !dx.some(related)) return { line, message: messages.unrelated(em.code, period, dx), fix: messages.unrelatedFix(em.code) };
    if (dx.every(related)) return { line, message: messages.postOperative(em.code, period, dx), fix: messages.postOperativeFix(em.code) };
    return undefined;
  }
  if (dx.every(postOperative)) return { line, message: messages.postOperative24(em.code, period, dx), fix: messages.postOperativeFix(em.code) };
  if (dx.every(related)) return { line, severity: 'warning', message: messages.sameDiagnosis24(em.code, period, dx), fix: messages.sameDiagnosis24Fix(em.code) };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'global-period-em',
    summary: 'A visit falls inside the global period of an earlier procedure, and its modifier does not match what it treats.',
    severity: 'error',
    reference: 'Medicare Claims Processing Manual, ch. 12, §40 (global surgery), modifier 24; CMS physician fee schedule global days; CPT 99024',
    description:
      'An E/M on the claim whose dateOfService is day 1 to 10 (or 90) after a `history` service with a 10- or 90-day global period, both dates known (the procedure\'s own day is day 0, not judged). Without 24, 25 or 57: an error when every such service lists its `dx` and none of the E/M\'s diagnoses is among them or post-operative (T81, L76, Z48): add 24; an error when all of them are (post-operative care: 99024, bill nothing). With 24 (and not 25 or 57): an error when its diagnoses are all post-operative; a warning when they are all among the procedure\'s and the post-operative ones but not all post-operative (24 is for an unrelated problem, or a new lesion documented as such). Silent with 25 or 57, without linked diagnoses, or when its diagnoses are partly related.',
    messages,
  },
  check({ claim, encounter }) {
    const history = encounter.history;
    if (!history || history.length === 0 || !encounter.dateOfService) return [];
    const visits = claim.filter((l) => EM.has(l.code));
    if (visits.length === 0) return [];
    const periods = openPeriods(history, encounter.dateOfService);
    if (periods.length === 0) return [];
    const reports: RuleReport[] = [];
    for (const em of visits) {
      const report = judge(em, periods);
      if (report) reports.push(report);
    }
    return reports;
  },
});
