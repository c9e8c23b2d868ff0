/**
 * chemodenervation-site — eccrine-gland chemodenervation billed with the code of another area.
 * Source: CPT code set: 64650 is chemodenervation of eccrine glands of both
 * axillae, 64653 of other areas (scalp, face, neck …); chemodenervation of the
 * extremities (hands, feet) is reported with the unlisted code 64999. The word
 * tables are in rules/site-terms.ts.
 */
import {
  AXILLARY_CHEMODENERVATION,
  ECCRINE_CHEMODENERVATION,
  OTHER_AREA_CHEMODENERVATION,
  UNLISTED_CHEMODENERVATION,
} from '../codes';
import { AXILLA_TERMS, HANDS_AND_FEET_TERMS, namesAny } from '../site-terms';
import { siteWords } from '../site-words';
import { replaceCode, suggest } from '../suggest';
import { createRule } from '../types';

export default createRule({
  meta: {
    id: 'chemodenervation-site',
    summary:
      'Eccrine-gland chemodenervation is billed for the hands or feet, or 64650 for an area other than the axillae.',
    severity: 'error',
    reference:
      'CPT code set: chemodenervation of eccrine glands, 64650 (both axillae), 64653 (other areas); extremities to the unlisted code 64999',
    description:
      '64650 or 64653 whose site names the hands or feet (palm, palmar, hand, sole, plantar, foot, feet, finger, thumb, toe, heel, as whole words): CPT sends the extremities to the unlisted code 64999. Or 64650 whose site names no axilla (axilla, axillary, underarm, armpit) and is an anatomic site the lexicon knows: that area is 64653. No site, or a site the lexicon cannot place, raises nothing.',
    messages: {
      extremity: {
        message:
          '{{code}} is billed for the hands or feet, but CPT reports chemodenervation of the eccrine glands of the extremities with the unlisted code {{unlisted}}.',
        title: 'Use {{unlisted}} for hands or feet',
        fix: "Report the hands or feet with {{unlisted}} instead of {{code}}, with the note attached; check the payer's policy first.",
      },
      notAxillae: {
        message:
          '{{axillary}} is chemodenervation of the eccrine glands of both axillae, but the site is another area, which is {{other}}.',
        title: 'Use {{other}} for this area',
        fix: 'Report {{other}} instead of {{axillary}} for this area.',
      },
    },
  },
  needs: [ECCRINE_CHEMODENERVATION],
  check({ claim, siteGroupOf }) {
    const reports = [];
    for (const line of claim) {
      if (!ECCRINE_CHEMODENERVATION.has(line.code)) continue;
      const site = line.raw.site;
      if (!site) continue;
      const words = siteWords(site);
      if (namesAny(words, HANDS_AND_FEET_TERMS)) {
        const suggestions = suggest(
          `Change ${line.code} to ${UNLISTED_CHEMODENERVATION}`,
          replaceCode(line, UNLISTED_CHEMODENERVATION),
        );
        reports.push({
          line: line.index,
          field: 'code' as const,
          messageId: 'extremity' as const,
          data: { code: line.code, unlisted: UNLISTED_CHEMODENERVATION },
          suggestions,
        });
      } else if (
        line.code === AXILLARY_CHEMODENERVATION &&
        !namesAny(words, AXILLA_TERMS) &&
        siteGroupOf(site) !== 'unknown'
      ) {
        const suggestions = suggest(
          `Change ${line.code} to ${OTHER_AREA_CHEMODENERVATION}`,
          replaceCode(line, OTHER_AREA_CHEMODENERVATION),
        );
        const data = { axillary: AXILLARY_CHEMODENERVATION, other: OTHER_AREA_CHEMODENERVATION };
        reports.push({ line: line.index, field: 'code' as const, messageId: 'notAxillae' as const, data, suggestions });
      }
    }
    return reports;
  },
});
