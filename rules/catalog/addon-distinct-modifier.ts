/**
 * addon-distinct-modifier — a distinct-service modifier on an add-on code that no NCCI edit bundles into another code on the claim.
 * Source: CPT add-on codes are reported with their primary and paid with it;
 * NCCI Policy Manual ch. I (modifiers 59 and XE/XS/XP/XU are for bypassing a
 * PTP edit, on its column-2 code, when the services are distinct); CMS NCCI PTP
 * edits, practitioner (the table in context.tables.ptp). 17110 or 17111 beside
 * 17003 is an edit (column 1 / column 2), so XS on 17003 there is what NCCI asks
 * for; with only 17000 beside it, it separates nothing and invites review.
 */
import { ADDON_PRIMARIES, DISTINCT_MODIFIER_ADDONS, DISTINCT_SERVICE_MODIFIERS } from '../codes';
import { codeIndex } from '../ncci/code-index';
import { ptpTableOf } from '../ncci/index';
import { dayNumber } from '../ncci/types';
import { removeModifier, suggest } from '../suggest';
import { modifierOn } from '../gate';
import { createRule } from '../types';

const list = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const NOISE =
  '{{addOn}} carries {{modifiers}}, but it is an add-on paid with its primary {{primary}}, and no {{table}} edit bundles it into another code on the claim: the modifier separates nothing and invites review.';

export default createRule({
  meta: {
    id: 'addon-distinct-modifier',
    summary:
      'A distinct-service modifier on an add-on code (17003, 17312, 17314, 17315) that separates it from nothing.',
    severity: 'warning',
    reference:
      'CPT add-on codes; NCCI Policy Manual for Medicare Services, ch. I (modifier 59 and XE, XS, XP, XU); CMS NCCI PTP edits, practitioner',
    description:
      'A distinct-service modifier on one of the add-ons below while one of its primaries is on the claim, and the NCCI PTP table in use (in force on the dateOfService when dated) pairs the add-on, as column 2, with no other code on the claim (17110 or 17111 beside 17003 is such a pair: there the modifier is what NCCI asks for). Without a PTP table the rule cannot tell, and stays silent.',
    messages: {
      noise: {
        message: NOISE,
        title: 'Remove {{modifiers}} from {{addOn}}',
        fix: 'Remove {{modifiers}} from {{addOn}}.',
      },
      /** The add-on is column 1 of an edit with another code: the modifier may belong on that one. */
      noiseMove: {
        message: NOISE,
        title: 'Move the modifier, or remove it',
        fix: 'Remove {{modifiers}} from {{addOn}}; if {{column2}} was a separate service, the modifier belongs on {{thatCode}}, the one the edit would deny.',
      },
    },
  },
  needs: [DISTINCT_MODIFIER_ADDONS, DISTINCT_SERVICE_MODIFIERS.map(modifierOn)],
  check({ claim, tables, encounter }) {
    const table = ptpTableOf(tables);
    if (!table) return [];
    const day = dayNumber(encounter.dateOfService);
    const codes = [...new Set(claim.map((l) => l.code))];
    const reports = [];
    for (const line of claim) {
      if (!DISTINCT_MODIFIER_ADDONS.has(line.code)) continue;
      const modifiers = DISTINCT_SERVICE_MODIFIERS.filter((m) => line.modifiers.has(m));
      if (modifiers.length === 0) continue;
      const primary = ADDON_PRIMARIES[line.code]!.find((p) => codes.includes(p));
      if (!primary) continue; // addon-without-primary speaks
      const self = codeIndex(line.code);
      const paired = (column1: string, column2: string) => {
        const record = table.lookup(codeIndex(column1), codeIndex(column2), day);
        return record >= 0 && table.modifierOf(record) !== 9;
      };
      const others = codes.filter((c) => c !== line.code && codeIndex(c) >= 0);
      if (self < 0 || others.some((c) => paired(c, line.code))) continue;
      // The add-on as column 1 of an edit: the modifier belongs on the other code.
      const column2 = others.filter((c) => paired(line.code, c));
      const data = { addOn: line.code, modifiers: list(modifiers), primary, table: table.name };
      // Removing is the fix when the modifier separates nothing; when another code is the edit's column 2,
      // whether that one was separate decides where the modifier goes: no one-click fix.
      if (column2.length > 0) {
        reports.push({
          line: line.index,
          field: 'modifiers' as const,
          messageId: 'noiseMove' as const,
          data: {
            addOn: data.addOn,
            modifiers: data.modifiers,
            primary,
            table: data.table,
            column2: list(column2),
            thatCode: column2.length > 1 ? 'those codes' : 'that code',
          },
        });
      } else {
        reports.push({
          line: line.index,
          field: 'modifiers' as const,
          messageId: 'noise' as const,
          data,
          suggestions: suggest(
            `Remove ${list(modifiers)} from ${line.code}`,
            modifiers.map((m) => removeModifier(line, m)),
          ),
        });
      }
    }
    return reports;
  },
});
