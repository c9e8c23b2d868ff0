/**
 * biopsy-primary — more than one biopsy primary code in one session.
 * Source: CPT skin biopsy guidelines (2019 on): one primary code per session for
 * the highest-ranked technique (incisional > punch > tangential); every other
 * biopsy takes the add-on of its own technique. NCCI MUE for 11102/11104/11106 is 1.
 */
import { BIOPSY_ADDON_OF, BIOPSY_PRIMARIES_BY_RANK, BIOPSY_PRIMARY, BIOPSY_TECHNIQUE } from '../codes';
import { defineRule, type RuleReport } from '../types';

const messages = {
  notPrimary: (code: string, primary: string) =>
    `Only one biopsy primary code is reported per session: ${primary} (${BIOPSY_TECHNIQUE[primary]}) is the primary here, so ${code} should be an add-on.`,
  repeatedPrimary: (code: string, units: number) =>
    `${code} is reported ${units} times, but a biopsy primary code is reported once per session; the other biopsies take the add-on.`,
  fixAsAddon: (code: string, units: number) => {
    const addon = BIOPSY_ADDON_OF[code]!;
    const times = units > 1 ? ` × ${units}` : '';
    return `Report ${code}${times} as ${addon}${times} (${BIOPSY_TECHNIQUE[code]}, each additional).`;
  },
  fixOnce: (code: string, units: number) =>
    `Report ${code} once and the other ${units - 1} as ${BIOPSY_ADDON_OF[code]} × ${units - 1} (${BIOPSY_TECHNIQUE[code]}, each additional).`,
};

export default defineRule({
  meta: {
    id: 'biopsy-primary',
    summary: 'More than one biopsy primary code (11102, 11104, 11106) in one session.',
    severity: 'error',
    reference: 'CPT skin biopsy guidelines (11102–11107); NCCI Policy Manual, ch. III, biopsy',
    description:
      'The units of 11102, 11104 and 11106 add up to more than 1. Shown on every biopsy-primary line other than the first line of the highest-ranked code present (incisional > punch > tangential), and on that line too when its units exceed 1.',
    messages,
  },
  check({ onClaim }) {
    const primaries = onClaim.linesIn(BIOPSY_PRIMARY);
    if (primaries.reduce((sum, l) => sum + l.units, 0) <= 1) return [];
    const top = BIOPSY_PRIMARIES_BY_RANK.find((code) => onClaim.linesOf(code).length > 0)!;
    const kept = onClaim.linesOf(top)[0]!;
    const reports: RuleReport[] = [];
    for (const line of primaries) {
      if (line === kept) {
        if (line.units > 1) reports.push({ line: line.index, message: messages.repeatedPrimary(line.code, line.units), fix: messages.fixOnce(line.code, line.units) });
      } else {
        reports.push({ line: line.index, message: messages.notPrimary(line.code, top), fix: messages.fixAsAddon(line.code, line.units) });
      }
    }
    return reports;
  },
});
