/**
 * site-code-mismatch — a site-specific code on a line whose site is in another group.
 * Source: CPT descriptors of the excision (11400–11646), shave (11300–11313) and
 * malignant destruction (17260–17286) series, which are split by anatomic site, and
 * CPT Mohs guidelines: 17311/17312 head, neck, hands, feet, genitalia (or any site
 * where the surgery directly involves muscle, cartilage, bone, tendon, major nerves
 * or vessels); 17313/17314 trunk, arms, legs. The site is read by the anatomic
 * lexicon; a site it cannot place ('unknown') is never judged. Messages name the
 * site group, never the site as typed (free text: it may hold anything, a name
 * included, and messages reach the review list and its exports).
 */
import {
  ADDON_PRIMARIES,
  codeSet,
  MOHS_ANY_SITE_IF_DEEP,
  MOHS_SITE_GROUPS,
  SITE_GROUP_LABEL,
  SITE_SERIES,
  siteGroupsOfCode,
  sizedCode,
  type SiteGroup,
} from '../codes';
import type { Suggestion, SuggestionAction } from '../schema';
import { replaceCode, suggest } from '../suggest';
import { createRule, type MessageReport } from '../types';

const WRONG_SITE = '{{code}} is for the {{fits}}, but the site is on the {{group}}.';

const messages = {
  wrongSite: {
    message: WRONG_SITE,
    title: 'Use {{right}} for this site',
    fix: 'Use {{right}} ({{group}}) for this site.',
  },
  deepMohs: {
    message: WRONG_SITE,
    title: 'Use {{right}} unless it was deep',
    fix: 'Use {{right}} for the trunk, arms or legs; keep {{code}} only if the surgery directly involved muscle, cartilage, bone, tendon, a major nerve or vessel, and the note says so.',
  },
} as const;

/** Every site-specific code: the site series and the Mohs codes by site (siteGroupsOfCode knows these). */
const SITE_SPECIFIC = codeSet(
  ...Object.values(SITE_SERIES).flatMap((series) => Object.values(series).flat()),
  ...Object.keys(MOHS_SITE_GROUPS),
);

/** The Mohs code of the same role (first stage or additional stage) that fits a site group. */
function mohsCounterpart(code: string, group: SiteGroup): string | undefined {
  const isAddon = code in ADDON_PRIMARIES;
  return Object.keys(MOHS_SITE_GROUPS).find(
    (c) => MOHS_SITE_GROUPS[c]!.includes(group) && c in ADDON_PRIMARIES === isAddon,
  );
}

export default createRule({
  meta: {
    id: 'site-code-mismatch',
    summary: 'A site-specific excision, shave, destruction or Mohs code does not fit the documented site.',
    severity: 'error',
    reference:
      'CPT descriptors of the excision, shave removal and malignant destruction series (by anatomic site); CPT Mohs micrographic surgery guidelines',
    description:
      'A site-specific code (excision, shave, malignant destruction, Mohs) on a line whose site the anatomic lexicon places in another site group. Warning only for 17311/17312 on the trunk, arms or legs (allowed when the surgery involves muscle, cartilage, bone, tendon, major nerve or vessel). Sites the lexicon cannot place are never judged.',
    messages,
  },
  needs: [SITE_SPECIFIC],
  check({ onClaim, siteGroupOf }) {
    const reports: MessageReport<typeof messages>[] = [];
    /** Mohs lines recoded to one site group's codes: a first stage and its additional stages move together. */
    let mohsMoves:
      Map<SiteGroup, { report: { suggestions?: Suggestion[] }; right: string; action: SuggestionAction }[]> | undefined;
    for (const line of onClaim.linesIn(SITE_SPECIFIC)) {
      const fits = siteGroupsOfCode(line.code);
      if (!fits) continue;
      const group = siteGroupOf(line.raw.site);
      if (group === 'unknown' || fits.includes(group)) continue;
      // Every site group has every code of the series (and both Mohs roles): there is always a right code.
      const sized = sizedCode(line.code);
      const right = sized ? SITE_SERIES[group][sized.kind][sized.step]! : mohsCounterpart(line.code, group)!;
      const data = {
        code: line.code,
        fits: fits.map((g) => SITE_GROUP_LABEL[g]).join(', or the '),
        group: SITE_GROUP_LABEL[group],
        right,
      };
      if (!sized && MOHS_ANY_SITE_IF_DEEP.has(line.code)) {
        // The depth only the note shows decides: no one-click fix.
        reports.push({ line: line.index, field: 'code', severity: 'warning', messageId: 'deepMohs', data });
      } else {
        const report = {
          line: line.index,
          field: 'code' as const,
          messageId: 'wrongSite' as const,
          data,
          suggestions: suggest(`Change ${line.code} to ${right}`, replaceCode(line, right)),
        };
        reports.push(report);
        if (!sized) {
          mohsMoves ??= new Map();
          const moves = mohsMoves.get(group);
          if (moves) moves.push({ report, right, action: replaceCode(line, right) });
          else mohsMoves.set(group, [{ report, right, action: replaceCode(line, right) }]);
        }
      }
    }
    for (const moves of mohsMoves?.values() ?? []) {
      if (moves.length < 2) continue;
      const both = suggest(
        `Change to ${[...new Set(moves.map((m) => m.right))].join(' + ')}`,
        moves.map((m) => m.action),
      );
      for (const { report } of moves) report.suggestions = both;
    }
    return reports;
  },
});
