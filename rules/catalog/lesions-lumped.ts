/**
 * lesions-lumped — several lesions reported on fewer units of a per-lesion code.
 * Source: CPT biopsy guidelines (each additional biopsy takes one unit of the
 * add-on of its technique); CPT shave removal and malignant destruction codes are
 * per lesion, by each lesion's own site and size. Excisions are not judged: one
 * excision may take several lesions.
 */
import { BIOPSY_ADDON, BIOPSY_ADDON_OF, BIOPSY_PRIMARY, PER_LESION, sizedCode } from '../codes';
import { setUnits, suggest } from '../suggest';
import { createRule } from '../types';

const LUMPED = '{{code}} documents {{lesions}} lesions on {{units}}; each lesion is reported on its own.';

export default createRule({
  meta: {
    id: 'lesions-lumped',
    summary: 'A per-lesion code documents more lesions than units.',
    severity: 'error',
    reference:
      'CPT biopsy (11102–11107), shave removal (11300–11313) and malignant destruction (17260–17286) guidelines',
    description:
      'A line of a per-lesion code (biopsy, shave, malignant destruction) whose documented lesions exceed its units. No lesion count, no finding; excisions are not judged.',
    messages: {
      biopsyPrimary: {
        message: LUMPED,
        title: '{{code}} ×1 + {{addon}} ×{{others}}',
        fix: 'Report {{code}} once and the other {{biopsies}} as {{addon}} × {{others}}.',
      },
      biopsyAddon: {
        message: LUMPED,
        title: 'Bill {{code}} ×{{lesions}}',
        fix: 'Report {{code}} × {{lesions}}, one unit per additional biopsy.',
      },
      bySiteAndSize: {
        message: LUMPED,
        title: 'Bill each lesion on its own line',
        fix: 'Report each of the {{lesions}} {{what}} lesions on its own line, coded by its own site and size ({{code}} fits only lesions of its site and size).',
      },
    },
  },
  needs: [PER_LESION],
  check({ onClaim }) {
    if (!onClaim.has(PER_LESION)) return [];
    return onClaim
      .linesIn(PER_LESION)
      .filter((l) => l.raw.lesions !== undefined && l.raw.lesions > l.units)
      .map((l) => {
        const lesions = l.raw.lesions!;
        const kind = sizedCode(l.code)?.kind;
        const units = l.units === 1 ? '1 unit' : `${l.units} units`;
        const at = l.index;
        // The add-on takes one unit per lesion: one click. A primary's lesions go to a new add-on line, but its own
        // lesion count stays as documented (no action edits it); per-site and per-size lines need a person.
        if (BIOPSY_PRIMARY.has(l.code)) {
          const others = lesions - 1;
          return {
            line: at,
            field: 'units' as const,
            messageId: 'biopsyPrimary' as const,
            data: {
              code: l.code,
              lesions,
              units,
              addon: BIOPSY_ADDON_OF[l.code]!,
              others,
              biopsies: others === 1 ? '1 biopsy' : `${others} biopsies`,
            },
          };
        }
        if (BIOPSY_ADDON.has(l.code))
          return {
            line: at,
            field: 'units' as const,
            messageId: 'biopsyAddon' as const,
            data: { code: l.code, lesions, units },
            suggestions: suggest(`Bill ${l.code} ×${lesions}`, setUnits(l, lesions)),
          };
        return {
          line: at,
          field: 'units' as const,
          messageId: 'bySiteAndSize' as const,
          data: { code: l.code, lesions, units, what: kind === 'shave' ? 'shaved' : 'destroyed' },
        };
      });
  },
});
