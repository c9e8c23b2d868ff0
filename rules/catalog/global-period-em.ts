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
import type { PriorService, Suggestion } from '../schema';
import { addModifier, removeModifier, replaceCode, suggest } from '../suggest';
import { VISIT_HISTORY } from '../gate';
import { createRule, type MessageReport } from '../types';

const list = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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

const POST_OPERATIVE_FIX = 'Record the visit as {{postOp}} and bill nothing for it, instead of {{em}}.';
const POST_OPERATIVE_TITLE = 'Post-op: bill {{postOp}}, not {{em}}';

const messages = {
  unrelated: {
    message:
      '{{em}} is {{period}}, for a problem unrelated to it ({{dx}}), without modifier {{m24}}: the payer will fold it into the surgical package.',
    title: 'Add modifier {{m24}}',
    fix: 'Append {{m24}} to {{em}}: the note must show the problem is unrelated to the procedure.',
  },
  postOperative: {
    message:
      '{{em}} is {{period}}, for {{dx}}: post-operative care is part of the surgical package and is not paid on its own.',
    title: POST_OPERATIVE_TITLE,
    fix: POST_OPERATIVE_FIX,
  },
  postOperative24: {
    message:
      '{{em}} carries {{m24}} for an unrelated problem, but it is {{period}} and its diagnoses are post-operative ({{dx}}): post-operative care is part of the surgical package.',
    title: POST_OPERATIVE_TITLE,
    fix: POST_OPERATIVE_FIX,
  },
  sameDiagnosis24: {
    message:
      "{{em}} carries {{m24}} for an unrelated problem, but it is {{period}} and treats that procedure's diagnoses ({{dx}}).",
    title: 'Keep {{m24}} only for a new lesion',
    fix: 'If this visit is for a new lesion with the same diagnosis, document it as such and keep {{m24}}; otherwise it is post-operative care: record {{postOp}} and bill nothing instead of {{em}}.',
  },
} as const;

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

/** Post-operative care is recorded as 99024 (its 24, if any, goes): one click. Whether a visit with 24 is for a new lesion only the note shows. */
function as99024(em: ClaimLine): Suggestion[] {
  const recode = replaceCode(em, POST_OPERATIVE_VISIT);
  const label = `Change ${em.code} to ${POST_OPERATIVE_VISIT}`;
  return em.modifiers.has(UNRELATED_VISIT_MODIFIER)
    ? suggest(label, recode, removeModifier(em, UNRELATED_VISIT_MODIFIER))
    : suggest(label, recode);
}

function judge(em: ClaimLine, periods: readonly OpenPeriod[]): MessageReport<typeof messages> | undefined {
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
  const emCode = em.code;
  const said = dxList(dx);
  const m24 = UNRELATED_VISIT_MODIFIER;
  if (!em.modifiers.has(UNRELATED_VISIT_MODIFIER)) {
    const everyDxListed = periods.every((p) => p.dx.length > 0);
    if (everyDxListed && !dx.some(related)) {
      return {
        line,
        field: 'modifiers',
        messageId: 'unrelated',
        data: { em: emCode, period, dx: said, m24 },
        suggestions: suggest(
          `Add ${UNRELATED_VISIT_MODIFIER} to ${em.code}`,
          addModifier(em, UNRELATED_VISIT_MODIFIER),
        ),
      };
    }
    if (dx.every(related))
      return {
        line,
        field: 'code',
        messageId: 'postOperative',
        data: { em: emCode, period, dx: said, postOp: POST_OPERATIVE_VISIT },
        suggestions: as99024(em),
      };
    return undefined;
  }
  if (dx.every(postOperative))
    return {
      line,
      field: 'code',
      messageId: 'postOperative24',
      data: { em: emCode, period, dx: said, m24, postOp: POST_OPERATIVE_VISIT },
      suggestions: as99024(em),
    };
  if (dx.every(related))
    return {
      line,
      field: 'modifiers',
      severity: 'warning',
      messageId: 'sameDiagnosis24',
      data: { em: emCode, period, dx: said, m24, postOp: POST_OPERATIVE_VISIT },
    };
  return undefined;
}

export default createRule({
  meta: {
    id: 'global-period-em',
    summary:
      'A visit falls inside the global period of an earlier procedure, and its modifier does not match what it treats.',
    severity: 'error',
    reference:
      'Medicare Claims Processing Manual, ch. 12, §40 (global surgery), modifier 24; CMS physician fee schedule global days; CPT 99024',
    description:
      "An E/M on the claim whose dateOfService is day 1 to 10 (or 90) after a `history` service with a 10- or 90-day global period, both dates known (the procedure's own day is day 0, not judged). Without 24, 25 or 57: an error when every such service lists its `dx` and none of the E/M's diagnoses is among them or post-operative (T81, L76, Z48): add 24; an error when all of them are (post-operative care: 99024, bill nothing). With 24 (and not 25 or 57): an error when its diagnoses are all post-operative; a warning when they are all among the procedure's and the post-operative ones but not all post-operative (24 is for an unrelated problem, or a new lesion documented as such). Silent with 25 or 57, without linked diagnoses, or when its diagnoses are partly related.",
    messages,
  },
  needs: [EM, VISIT_HISTORY],
  check({ claim, encounter }) {
    const history = encounter.history;
    if (!history || history.length === 0 || !encounter.dateOfService) return [];
    const visits = claim.filter((l) => EM.has(l.code));
    if (visits.length === 0) return [];
    const periods = openPeriods(history, encounter.dateOfService);
    if (periods.length === 0) return [];
    const reports: MessageReport<typeof messages>[] = [];
    for (const em of visits) {
      const report = judge(em, periods);
      if (report) reports.push(report);
    }
    return reports;
  },
});
