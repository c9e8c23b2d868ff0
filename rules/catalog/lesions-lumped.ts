/**
 * lesions-lumped — several lesions reported on fewer units of a per-lesion code.
 * Source: CPT biopsy guidelines (each additional biopsy takes one unit of the
 * add-on of its technique); CPT shave removal and malignant destruction codes are
 * per lesion, by each lesion's own site and size. Excisions are not judged: one
 * excision may take several lesions.
 */
import { BIOPSY_ADDON, BIOPSY_ADDON_OF, BIOPSY_PRIMARY, PER_LESION, sizedCode } from '../codes';
import { defineRule } from '../types';

const messages = {
  lumped: (code: string, lesions: number, units: number) =>
    `${code} documents ${lesions} lesions on ${units} unit${units === 1 ? '' : 's'}; each lesion is reported on its own.`,
  fixBiopsyPrimary: (code: string, lesions: number) =>
    `Report ${code} once and the other ${lesions - 1} biops${lesions - 1 === 1 ? 'y' : 'ies'} as ${BIOPSY_ADDON_OF[code]} × ${lesions - 1}.`,
  fixBiopsyAddon: (code: string, lesions: number) => `Report ${code} × ${lesions}, one unit per additional biopsy.`,
  fixBySiteAndSize: (code: string, lesions: number, what: string) =>
    `Report each of the ${lesions} ${what} lesions on its own line, coded by its own site and size (${code} fits only lesions of its site and size).`,
};

export default defineRule({
  meta: {
    id: 'lesions-lumped',
    summary: 'A per-lesion code documents more lesions than units.',
    severity: 'error',
    reference: 'CPT biopsy (11102–11107), shave removal (11300–11313) and malignant destruction (17260–17286) guidelines',
    description:
      'A line of a per-lesion code (biopsy 11102–11107, shave 11300–11313, malignant destruction 17260–17286) whose documented lesions exceed its units. No lesion count, no finding; excisions are not judged.',
    messages,
  },
  check({ onClaim }) {
    if (!onClaim.has(PER_LESION)) return [];
    return onClaim
      .linesIn(PER_LESION)
      .filter((l) => l.raw.lesions !== undefined && l.raw.lesions > l.units)
      .map((l) => {
        const lesions = l.raw.lesions!;
        const kind = sizedCode(l.code)?.kind;
        const fix = BIOPSY_PRIMARY.has(l.code)
          ? messages.fixBiopsyPrimary(l.code, lesions)
          : BIOPSY_ADDON.has(l.code)
            ? messages.fixBiopsyAddon(l.code, lesions)
            : messages.fixBySiteAndSize(l.code, lesions, kind === 'shave' ? 'shaved' : 'destroyed');
        return { line: l.index, message: messages.lumped(l.code, lesions, l.units), fix };
      });
  },
});
