/**
 * addon-without-primary — an add-on code billed without any of its primaries.
 * Source: CPT add-on code conventions (an add-on is reported only with its
 * primary procedure); CPT biopsy guidelines (one primary for the highest-ranked
 * technique, add-ons for the rest); NCCI Policy Manual ch. I (add-on codes).
 */
import {
  ADDON_PRIMARIES,
  BIOPSY_ADDON,
  BIOPSY_ADDON_OF,
  BIOPSY_PRIMARIES_BY_RANK,
  BIOPSY_TECHNIQUE,
  codeSet,
} from '../codes';
import type { ClaimIndex, ClaimLine } from '../context';
import type { Suggestion, SuggestionAction } from '../schema';
import { addLineLike, replaceCode, setUnits, suggest } from '../suggest';
import { createRule } from '../types';

const or = (codes: readonly string[]) => codes.join(' or ');

const NO_PRIMARY = '{{addon}} is an add-on code, but its primary ({{primaries}}) is not on the claim.';

/**
 * When the primary is clear, two fixes are plausible and both are offered: the primary was left off
 * (add it), or the first of the add-on's services is the primary one (recode one unit). The second is
 * left out when the line documents more lesions than it would keep units (lesions-lumped would object).
 */
function primarySuggestions(addon: ClaimLine, primary: string, also: readonly SuggestionAction[] = []): Suggestion[] {
  const added = suggest(`Add ${primary}`, addLineLike(addon, primary), also);
  const units = addon.units;
  if (units > 1 && (addon.raw.lesions ?? 0) > units - 1) return added;
  const recoded =
    units === 1
      ? suggest(`Change ${addon.code} to ${primary}`, replaceCode(addon, primary), also)
      : suggest(
          `Bill ${primary} + ${addon.code} ×${units - 1}`,
          setUnits(addon, units - 1),
          addLineLike(addon, primary),
          also,
        );
  return [...added, ...recoded];
}

/** Every code that is some add-on's primary. */
const PRIMARIES = new Set(Object.values(ADDON_PRIMARIES).flat());

/** Another primary of the same code family is billed (17313 beside an orphan 17312): which fix is meant is unclear. */
function siblingPrimaryBilled(onClaim: ClaimIndex, addon: string, primary: string): boolean {
  return onClaim.codes.some((c) => c !== primary && c.slice(0, 3) === addon.slice(0, 3) && PRIMARIES.has(c));
}

/** Every add-on code ADDON_PRIMARIES names. */
const ADD_ONS = codeSet(...Object.keys(ADDON_PRIMARIES));

/** Rank of a biopsy primary: 0 is the highest-ranked technique. */
const rank = (code: string) => (BIOPSY_PRIMARIES_BY_RANK as readonly string[]).indexOf(code);
/** The biopsy primary whose add-on is `addon` (11105 → 11104). */
const primaryOfBiopsyAddon = (addon: string) => Object.keys(BIOPSY_ADDON_OF).find((p) => BIOPSY_ADDON_OF[p] === addon);

export default createRule({
  meta: {
    id: 'addon-without-primary',
    summary: 'An add-on code is billed without any of its primary codes.',
    severity: 'error',
    reference: 'CPT add-on code conventions and biopsy guidelines; NCCI Policy Manual, ch. I (add-on codes)',
    description:
      'An add-on code whose primaries are all absent from the claim. For biopsies: 11105 needs a punch or incisional primary, 11107 an incisional one.',
    messages: {
      noPrimary: {
        message: NO_PRIMARY,
        title: 'Add primary {{primaries}}',
        fix: 'Report the first service with {{primaries}} and only the additional ones with {{addon}}.',
      },
      noBiopsyPrimary: {
        message: NO_PRIMARY,
        title: 'Bill the first biopsy as {{primary}}',
        fix: 'Report the first {{technique}} biopsy as {{primary}} and only the additional ones as {{addon}}.',
      },
      biopsyOutranked: {
        message: NO_PRIMARY,
        title: 'Primary {{primary}}; {{lower}} → {{lowerAddon}}',
        fix: 'The {{technique}} biopsy outranks {{lower}}: report the first {{technique}} biopsy as {{primary}} and {{lower}} as {{lowerAddon}}.',
      },
    },
  },
  needs: [ADD_ONS],
  check({ onClaim }) {
    if (!onClaim.has(ADD_ONS)) return [];
    const reports = [];
    /** siblingPrimaryBilled, once per add-on code. */
    const siblingsOf = new Map<string, boolean>();
    for (const line of onClaim.linesIn(ADD_ONS)) {
      const primaries = Object.hasOwn(ADDON_PRIMARIES, line.code) ? ADDON_PRIMARIES[line.code] : undefined;
      if (!primaries || primaries.some((p) => onClaim.linesOf(p).length > 0)) continue;
      const at = line.index;
      const noPrimary = { addon: line.code, primaries: or(primaries) };
      const ownPrimary = BIOPSY_ADDON.has(line.code) ? primaryOfBiopsyAddon(line.code) : undefined;
      if (ownPrimary) {
        const technique = BIOPSY_TECHNIQUE[line.code]!;
        // A biopsy primary of a lower-ranked technique is on the claim: it should be the add-on instead.
        const lower = BIOPSY_PRIMARIES_BY_RANK.find((p) => onClaim.linesOf(p).length > 0 && rank(p) > rank(ownPrimary));
        if (lower) {
          const lowerAddon = BIOPSY_ADDON_OF[lower]!;
          // Clear only when that is the one other primary billed.
          const others = BIOPSY_PRIMARIES_BY_RANK.filter((p) => p !== lower && onClaim.linesOf(p).length > 0);
          const suggestions =
            others.length === 0
              ? primarySuggestions(
                  line,
                  ownPrimary,
                  onClaim.linesOf(lower).map((l) => replaceCode(l, lowerAddon)),
                )
              : [];
          reports.push({
            line: at,
            field: 'code' as const,
            messageId: 'biopsyOutranked' as const,
            data: {
              addon: line.code,
              primaries: noPrimary.primaries,
              technique,
              primary: ownPrimary,
              lower,
              lowerAddon,
            },
            suggestions,
          });
        } else {
          reports.push({
            line: at,
            field: 'code' as const,
            messageId: 'noBiopsyPrimary' as const,
            data: { addon: line.code, primaries: noPrimary.primaries, technique, primary: ownPrimary },
            suggestions: primarySuggestions(line, ownPrimary),
          });
        }
        continue;
      }
      const clear =
        primaries.length === 1 &&
        !(
          siblingsOf.get(line.code) ??
          siblingsOf.set(line.code, siblingPrimaryBilled(onClaim, line.code, primaries[0]!)).get(line.code)!
        );
      reports.push({
        line: at,
        field: 'code' as const,
        messageId: 'noPrimary' as const,
        data: noPrimary,
        suggestions: clear ? primarySuggestions(line, primaries[0]!) : [],
      });
    }
    return reports;
  },
});
