/**
 * same-site-distinct-modifier — a biopsy separated by a distinct-service modifier from a removal at the same site.
 * Source: NCCI Policy Manual ch. III (integumentary): a biopsy of the lesion that
 * is then removed or destroyed at the same session is included in the removal;
 * XS (or 59) is for a biopsy of a separate lesion, so the same site on both
 * lines needs a look. A diagnostic biopsy before Mohs on the same day may carry
 * 59 when no pathology existed (NCCI ch. III, Mohs), so Mohs is left out.
 * Sites compare as the note reader normalizes them (rules/site-words.ts).
 */
import { BIOPSY_BUNDLES_INTO, BIOPSY_PRIMARY, DISTINCT_SERVICE_MODIFIERS, MOHS } from '../codes';
import { hasAnyModifier, type ClaimLine } from '../context';
import { siteKey } from '../site-words';
import { modifierOn } from '../gate';
import { createRule } from '../types';

const list = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export default createRule({
  meta: {
    id: 'same-site-distinct-modifier',
    summary: 'A biopsy carries a distinct-service modifier, but a removal or destruction is billed for the same site.',
    severity: 'info',
    reference:
      'NCCI Policy Manual, ch. III (integumentary system), biopsy with removal of the same lesion; modifiers 59 and XS',
    description:
      'A biopsy primary carrying a distinct-service modifier, and a removal or destruction line that biopsy-bundled pairs with it (not Mohs, where a same-day diagnostic biopsy may carry 59) at the same site: equal after writing L/R out and ignoring case and punctuation, laterality and qualifiers included (`left cheek` and `left medial cheek` are not the same site). Needs review: a second lesion at that site keeps the modifier.',
    messages: {
      sameSite: {
        message:
          '{{biopsy}} carries {{modifiers}} as a separate lesion, but {{removals}} on the same site is billed too: if both are the same lesion, the biopsy is part of the removal.',
        title: 'Confirm a separate lesion',
        fix: 'Keep {{modifiers}} on {{biopsy}} only if the note documents a separate lesion; if the biopsied lesion is the one removed, delete {{biopsy}}.',
      },
    },
  },
  needs: [BIOPSY_PRIMARY, BIOPSY_BUNDLES_INTO, DISTINCT_SERVICE_MODIFIERS.map(modifierOn)],
  check({ claim }) {
    // Removals by their site's key, so each biopsy finds its same-site removals in one lookup (linear in lines).
    const removalsBySite = new Map<string, ClaimLine[]>();
    for (const l of claim) {
      if (!BIOPSY_BUNDLES_INTO.has(l.code) || MOHS.has(l.code)) continue;
      const key = siteKey(l.raw.site);
      if (!key) continue;
      const atSite = removalsBySite.get(key);
      if (atSite) atSite.push(l);
      else removalsBySite.set(key, [l]);
    }
    if (removalsBySite.size === 0) return [];
    // No one-click fix: a second lesion at the site keeps the modifier, which only the note shows.
    const reports = [];
    for (const biopsy of claim) {
      if (!BIOPSY_PRIMARY.has(biopsy.code) || !hasAnyModifier(biopsy, DISTINCT_SERVICE_MODIFIERS)) continue;
      const key = siteKey(biopsy.raw.site);
      const same = key ? removalsBySite.get(key) : undefined;
      if (!same) continue;
      const modifiers = DISTINCT_SERVICE_MODIFIERS.filter((m) => biopsy.modifiers.has(m));
      const codes = [...new Set(same.map((r) => r.code))];
      reports.push({
        line: biopsy.index,
        field: 'modifiers' as const,
        messageId: 'sameSite' as const,
        data: { biopsy: biopsy.code, modifiers: list(modifiers), removals: list(codes) },
      });
    }
    return reports;
  },
});
