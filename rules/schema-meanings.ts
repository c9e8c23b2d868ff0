/**
 * What each field of the engine's contract means, kept beside the schemas but
 * out of them: scripts/gen-docs.ts turns the schemas plus this registry into
 * docs/schema/*.schema.json and docs/formats.md. Nothing shipped imports this
 * file, so the extension carries none of these words (and parsing pays no
 * no-op checks for them).
 */
import { z } from 'zod/mini';

import {
  DiagnosisSchema,
  EncounterSchema,
  FindingSchema,
  LineSchema,
  PayerKindSchema,
  PriorServiceSchema,
  ResultSchema,
  SuggestionActionSchema,
  SuggestionSchema,
} from './schema';
import { SettingsSchema } from './settings';

export const MEANINGS = z.registry<{ title?: string; description: string }>();

const encounter = EncounterSchema.shape;
const payer = encounter.payer;
const abn = encounter.abn.def.innerType;
const line = LineSchema.shape;
const prior = PriorServiceSchema.shape;
const finding = FindingSchema.shape;
const settings = SettingsSchema.shape;

MEANINGS.add(EncounterSchema, {
  title: 'Encounter',
  description:
    'One visit as the EHR screen (or a claim file) shows it, normalized: what the engine judges. Unknown fields are ignored (stripped); a wrong type is rejected with a message naming the field.',
});
MEANINGS.add(encounter.id, {
  description:
    "Opaque id, never a patient name or MRN. The command line prints it with the findings; the extension turns the EHR's own ids into a keyed pseudonym at the worker's door and keeps nothing else.",
});
MEANINGS.add(encounter.dateOfService, {
  description:
    'Date of service, YYYY-MM-DD. Picks the ICD-10-CM code set in force for dx-invalid and is the day global periods are counted to.',
});
MEANINGS.add(payer, { description: 'Who the claim goes to.' });
MEANINGS.add(PayerKindSchema, {
  description:
    "medicare: original Medicare (Part B); medicare-advantage; medicaid; commercial; self-pay: nothing goes to a payer, so no rule fires; unknown: rules that depend on the payer stay silent (settings' defaultPayerKind and payer-name tables may settle it first).",
});
MEANINGS.add(payer.shape.name, {
  description:
    "The payer name the screen shows; looked up in the practice's and the built-in payer-name tables when the kind is unknown. Never quoted in a finding.",
});
MEANINGS.add(encounter.abn, { description: 'The Advance Beneficiary Notice on file, if the screen shows one.' });
MEANINGS.add(abn.shape.signed, {
  description:
    "The patient signed it. An ABN is on file for a line when signed is true and lines is absent or holds that line's index.",
});
MEANINGS.add(abn.shape.lines, { description: '0-based indexes of the lines it covers; absent: every line.' });
MEANINGS.add(encounter.diagnoses, { description: 'The diagnoses in claim order: pointer 1 is the first.' });
MEANINGS.add(DiagnosisSchema.shape.code, {
  description:
    'ICD-10-CM code, with or without the dot (L57.0 = L570); compared trimmed and upper-cased. Diagnosis groups match by prefix whether or not the code is valid.',
});
MEANINGS.add(DiagnosisSchema.shape.description, {
  description: 'The text the screen shows beside it. Never read by a rule, never quoted.',
});
MEANINGS.add(encounter.lines, {
  description: "The procedure lines in screen order; a finding's line is an index into this list.",
});
MEANINGS.add(line.code, {
  description: "CPT or HCPCS code; '' for a retail item without a code. Compared trimmed and upper-cased.",
});
MEANINGS.add(line.modifiers, { description: "Modifiers without dashes: ['25'], ['59', 'RT'], ['XS'], ['GA']." });
MEANINGS.add(line.units, { description: 'Units billed; absent means 1.' });
MEANINGS.add(line.dx, {
  description:
    '1-based diagnosis pointers (CMS-1500 box 24E). Absent or empty: the line is linked to every diagnosis; a pointer out of range links to nothing.',
});
MEANINGS.add(line.site, {
  description:
    "Anatomic site as written on the body map, e.g. 'left nasal ala'. Findings name its site group, never the text.",
});
MEANINGS.add(line.sizeCm, {
  description:
    'Size in cm: the lesion diameter (destruction, shave) or the excised diameter including margins (excision).',
});
MEANINGS.add(line.lesions, { description: 'How many lesions this line documents.' });
MEANINGS.add(line.billTo, {
  description:
    "Who the line is billed to; absent: 'patient' when payer.kind is self-pay, else 'insurance'. Only lines billed to insurance are on the claim: every rule ignores the others.",
});
MEANINGS.add(line.category, { description: 'What the EHR marks the item as.' });
MEANINGS.add(line.description, { description: 'The text the screen shows for the line. Never quoted in a finding.' });
MEANINGS.add(encounter.note, {
  description:
    'The procedure documentation the screen shows, plain text (see docs/note.md for what is read). Read in memory only, never stored or quoted.',
});
MEANINGS.add(encounter.history, {
  description:
    'Prior services by the same physician that the screen shows (a visit-history panel), in any order: for global periods.',
});
MEANINGS.add(prior.dateOfService, { description: 'Its date of service, YYYY-MM-DD.' });
MEANINGS.add(prior.code, { description: 'CPT or HCPCS code billed.' });
MEANINGS.add(prior.modifiers, { description: 'Its modifiers, without dashes.' });
MEANINGS.add(prior.dx, { description: 'Its ICD-10-CM codes (codes, not pointers).' });

MEANINGS.add(FindingSchema, {
  title: 'Finding',
  description:
    "One thing the engine found on an encounter. Messages, fixes and references are the rule's own words filled with codes and counts: never text from the page.",
});
MEANINGS.add(finding.rule, { description: 'The rule id (docs/rules.md).' });
MEANINGS.add(finding.severity, {
  description:
    'error: will be denied or is non-compliant; warning: likely wrong; info: needs review, never an alarm (not painted inline by default).',
});
MEANINGS.add(finding.line, { description: '0-based index of the line it is shown on; null: the whole encounter.' });
MEANINGS.add(finding.message, { description: 'One plain sentence a physician understands at a glance.' });
MEANINGS.add(finding.fix, { description: "The concrete change, e.g. 'Add modifier 25 to 99213'." });
MEANINGS.add(finding.reference, {
  description: 'Where the rule comes from (CPT guideline, NCCI manual chapter, CMS table and quarter).',
});
MEANINGS.add(finding.messageId, {
  description: "The id of the rule's message this finding renders; dismissals key on it, never on the wording.",
});
MEANINGS.add(finding.data, {
  description: "What the message was filled with (codes, counts, the rule's own words; never page text).",
});
MEANINGS.add(finding.title, { description: 'What the inline warning shows: what to do, in at most 32 characters.' });
MEANINGS.add(finding.field, {
  description:
    'The field of the line (or payer) the warning is painted by; null or absent: the whole line or encounter.',
});
MEANINGS.add(finding.suggestions, {
  description: 'One-click fixes, where the fix is mechanical and determined (two when two are plausible).',
});
MEANINGS.add(SuggestionSchema.shape.label, { description: 'What the button says, e.g. "Add 25 to 99213".' });
MEANINGS.add(SuggestionSchema.shape.actions, {
  description: "The changes it makes, in order, through the EHR's own controls and on a person's click only.",
});
const ACTION_MEANINGS: Record<string, string> = {
  addModifier: 'Add a modifier to a line.',
  removeModifier: 'Remove a modifier from a line.',
  setUnits: "Set a line's units.",
  replaceCode: "Replace a line's code.",
  addLine: 'Add a line (its diagnosis pointers 1-based).',
  removeLine: 'Remove a line.',
  billToPatient: 'Bill a line to the patient instead of insurance.',
};
const ACTION_FIELDS: Record<string, string> = {
  line: '0-based index of the line it acts on.',
  modifier: 'The modifier, without a dash.',
  units: 'Units.',
  code: 'CPT or HCPCS code.',
  modifiers: 'Modifiers, without dashes.',
  dx: '1-based diagnosis pointers.',
};
for (const option of SuggestionActionSchema.def.options) {
  MEANINGS.add(option, { description: ACTION_MEANINGS[String(option.shape.type.def.values[0])]! });
  for (const [key, field] of Object.entries(option.shape))
    if (key !== 'type') MEANINGS.add(field, { description: ACTION_FIELDS[key]! });
}
MEANINGS.add(SuggestionActionSchema, {
  description:
    'addModifier / removeModifier (line, modifier), setUnits (line, units), replaceCode (line, code), addLine (code, units?, modifiers?, dx?), removeLine (line), billToPatient (line).',
});

MEANINGS.add(ResultSchema, {
  title: 'Result',
  description: 'What `scrub --format json` prints: an array with one of these per input encounter, in input order.',
});
MEANINGS.add(ResultSchema.shape.id, {
  description: "The encounter's id as read (for an 837P claim, CLM01; one judged a day at a time, CLM01/YYYY-MM-DD).",
});
MEANINGS.add(ResultSchema.shape.findings, {
  description: 'Its findings (Finding, above), by line (encounter-level ones first), then severity, then rule.',
});

MEANINGS.add(SettingsSchema, {
  title: 'Settings',
  description: "The command line's --config file: per-rule overrides as ESLint configs carry them.",
});
MEANINGS.add(settings.rules, {
  description:
    "Rule id → level: off, or every finding of the rule raised or lowered to one severity; 'default' (or absent) keeps the rule's own. An unknown rule id is a usage error.",
});
MEANINGS.add(settings.payerNames, {
  description:
    "The practice's own insurer names, looked at before the built-in table when a payer shows a name but no kind.",
});
MEANINGS.add(settings.defaultPayerKind, {
  description: 'Used when an encounter shows no payer kind and a name no table knows.',
});
const payerName = settings.payerNames.unwrap().element.shape;
MEANINGS.add(payerName.phrase, {
  description: 'Words that name the insurer (whole words, any case), e.g. "Acme Health".',
});
MEANINGS.add(payerName.kind, { description: 'The payer kind those words mean.' });
