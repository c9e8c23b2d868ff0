/**
 * biopsy-primary — more than one biopsy primary code in one session.
 * Source: CPT skin biopsy guidelines (2019 on): one primary code per session for
 * the highest-ranked technique (incisional > punch > tangential); every other
 * biopsy takes the add-on of its own technique. NCCI MUE for 11102/11104/11106 is 1.
 */
import { BIOPSY_ADDON_OF, BIOPSY_PRIMARIES_BY_RANK, BIOPSY_PRIMARY, BIOPSY_TECHNIQUE } from '../codes';
import type { ClaimLine } from '../context';
import { addLineLike, replaceCode, setUnits, suggest } from '../suggest';
import { createRule, type MessageReport } from '../types';

const messages = {
  notPrimary: {
    message:
      'Only one biopsy primary code is reported per session: {{primary}} ({{primaryTechnique}}) is the primary here, so {{code}} should be an add-on.',
    title: 'Use {{addon}}, not {{code}}',
    fix: 'Report {{billed}} as {{asAddon}} ({{technique}}, each additional).',
  },
  repeatedPrimary: {
    message:
      '{{code}} is reported {{units}} times, but a biopsy primary code is reported once per session; the other biopsies take the add-on.',
    title: '{{code}} ×1 + {{addon}} ×{{others}}',
    fix: 'Report {{code}} once and the other {{others}} as {{addon}} × {{others}} ({{technique}}, each additional).',
  },
} as const;

const times = (code: string, units: number) => (units > 1 ? `${code} × ${units}` : code);

function asAddon(line: ClaimLine, primary: string): MessageReport<typeof messages> {
  const addon = BIOPSY_ADDON_OF[line.code]!;
  const data = {
    code: line.code,
    primary,
    primaryTechnique: BIOPSY_TECHNIQUE[primary]!,
    addon,
    technique: BIOPSY_TECHNIQUE[line.code]!,
    billed: times(line.code, line.units),
    asAddon: times(addon, line.units),
  };
  return {
    line: line.index,
    field: 'code',
    messageId: 'notPrimary',
    data,
    suggestions: suggest(`Change ${line.code} to ${addon}`, replaceCode(line, addon)),
  };
}

/** One unit of the primary and the rest on its add-on; not when the line documents more lesions than one unit (lesions-lumped would object). */
function once(line: ClaimLine): MessageReport<typeof messages> {
  const addon = BIOPSY_ADDON_OF[line.code]!;
  const others = line.units - 1;
  const suggestions =
    (line.raw.lesions ?? 1) > 1
      ? []
      : suggest(`${line.code} ×1 + ${addon} ×${others}`, setUnits(line, 1), addLineLike(line, addon, others));
  const data = { code: line.code, units: line.units, others, addon, technique: BIOPSY_TECHNIQUE[line.code]! };
  return { line: line.index, field: 'units', messageId: 'repeatedPrimary', data, suggestions };
}

export default createRule({
  meta: {
    id: 'biopsy-primary',
    summary: 'More than one biopsy primary code (11102, 11104, 11106) in one session.',
    severity: 'error',
    reference: 'CPT skin biopsy guidelines (11102–11107); NCCI Policy Manual, ch. III, biopsy',
    description:
      'The units of the biopsy primaries add up to more than 1. Shown on every biopsy-primary line other than the first line of the highest-ranked code present (incisional > punch > tangential), and on that line too when its units exceed 1.',
    messages,
  },
  needs: [BIOPSY_PRIMARY],
  check({ onClaim }) {
    const primaries = onClaim.linesIn(BIOPSY_PRIMARY);
    if (primaries.reduce((sum, l) => sum + l.units, 0) <= 1) return [];
    const top = BIOPSY_PRIMARIES_BY_RANK.find((code) => onClaim.linesOf(code).length > 0)!;
    const kept = onClaim.linesOf(top)[0]!;
    const reports: MessageReport<typeof messages>[] = [];
    for (const line of primaries) {
      if (line === kept) {
        if (line.units > 1) reports.push(once(line));
      } else {
        reports.push(asAddon(line, top));
      }
    }
    return reports;
  },
});
