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
  ADDON_PRIMARIES, codeSet, MOHS_ANY_SITE_IF_DEEP, MOHS_SITE_GROUPS, SITE_GROUP_LABEL, SITE_SERIES, siteGroupsOfCode, sizedCode, type SiteGroup,
} from '../codes';
import { defineRule, type RuleReport } from '../types';

const messages = {
  wrongSite: (code: string, fits: readonly SiteGroup[], group: SiteGroup) =>
    `${code} is for the ${fits.map((g) => SITE_GROUP_LABEL[g]).join(', or the ')}, but the site is on the ${SITE_GROUP_LABEL[group]}.`,
  fix: (right: string, group: SiteGroup) => `Use ${right} (${SITE_GROUP_LABEL[group]}) for this site.`,
  fixDeep: (right: string, code: string) =>
    `Use ${right} for the trunk, arms or legs; keep ${code} only if the surgery directly involved muscle, cartilage, bone, tendon, a major nerve or vessel, and the note says so.`,
};

/** Every site-specific code: the site series and the Mohs codes by site (siteGroupsOfCode knows these). */
const SITE_SPECIFIC = codeSet(
  ...Object.values(SITE_SERIES).flatMap((series) => Object.values(series).flat()),
  ...Object.keys(MOHS_SITE_GROUPS),
);

/** The Mohs code of the same role (first stage or additional stage) that fits a site group. */
function mohsCounterpart(code: string, group: SiteGroup): string | undefined {
  const isAddon = code in ADDON_PRIMARIES;
  return Object.keys(MOHS_SITE_GROUPS).find((c) => MOHS_SITE_GROUPS[c]!.includes(group) && c in ADDON_PRIMARIES === isAddon);
}

export default defineRule({
  meta: {
    id: 'site-code-mismatch',
    summary: 'A site-specific excision, shave, destruction or Mohs code does not fit the documented site.',
    severity: 'error',
    reference: 'CPT descriptors of the excision, shave removal and malignant destruction series (by anatomic site); CPT Mohs micrographic surgery guidelines',
    description:
      'A site-specific code (excision, shave, malignant destruction, Mohs 17311–17314) on a line whose site the anatomic lexicon places in another site group. Warning only for 17311/17312 on the trunk, arms or legs (allowed when the surgery involves muscle, cartilage, bone, tendon, major nerve or vessel). Sites the lexicon cannot place are never judged.',
    messages,
  },
  check({ onClaim, siteGroupOf }) {
    const reports: RuleReport[] = [];
    for (const line of onClaim.linesIn(SITE_SPECIFIC)) {
      const fits = siteGroupsOfCode(line.code);
      if (!fits) continue;
      const group = siteGroupOf(line.raw.site);
      if (group === 'unknown' || fits.includes(group)) continue;
      const message = messages.wrongSite(line.code, fits, group);
      const sized = sizedCode(line.code);
      if (sized) {
        const right = SITE_SERIES[group][sized.kind][sized.step];
        reports.push({ line: line.index, message, fix: right ? messages.fix(right, group) : undefined });
        continue;
      }
      const right = mohsCounterpart(line.code, group);
      if (MOHS_ANY_SITE_IF_DEEP.has(line.code)) {
        reports.push({ line: line.index, severity: 'warning', message, fix: right ? messages.fixDeep(right, line.code) : undefined });
      } else {
        reports.push({ line: line.index, message, fix: right ? messages.fix(right, group) : undefined });
      }
    }
    return reports;
  },
});
