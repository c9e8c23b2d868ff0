/**
 * The formats dermlint reads and writes, generated from the zod schemas: JSON
 * Schema by zod's own z.toJSONSchema (with the meanings of
 * rules/schema-meanings.ts), and docs/formats.md, a table per format flattened
 * from those same JSON Schemas, so the page and the schema files cannot drift.
 */
import { z } from 'zod/mini';
import { EncounterSchema, FindingSchema, ResultSchema } from '../../rules/schema';
import { SettingsSchema } from '../../rules/settings';
import { MEANINGS } from '../../rules/schema-meanings';
import { BoundedEncounter, LIMITS } from '../../lib/messages';
import { INPUT_LIMITS } from '../../lib/claims/source';

type Json = { [key: string]: unknown };
export interface Output {
  path: string;
  text: string;
}

function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): Json {
  return z.toJSONSchema(schema, { metadata: MEANINGS, io, target: 'draft-2020-12' });
}

interface Row {
  path: string;
  type: string;
  required: 'yes' | 'no' | 'one of';
  limits: string[];
  meaning: string;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const n = (v: number) => v.toLocaleString('en-US');

function typeOf(s: Json): string {
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typeOf).join(' or ');
  if (Array.isArray(s.oneOf)) return 'one of the objects below';
  if (Array.isArray(s.type)) return (s.type as string[]).join(' or ');
  if (s.type === 'array') return `array of ${typeOf((s.items ?? {}) as Json)}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return `object of ${typeOf(s.additionalProperties as Json)}`;
  return typeof s.type === 'string' ? s.type : 'any';
}

function limitsOf(s: Json): string[] {
  const out: string[] = [];
  const inner = Array.isArray(s.anyOf) ? ((s.anyOf as Json[]).find((x) => x.type !== 'null') ?? s) : s;
  if (typeof inner.pattern === 'string')
    out.push(inner.pattern === '^\\d{4}-\\d{2}-\\d{2}$' ? 'YYYY-MM-DD' : `pattern \`${inner.pattern}\``);
  if (typeof inner.minLength === 'number')
    out.push(`at least ${n(inner.minLength)} character${inner.minLength === 1 ? '' : 's'}`);
  if (typeof inner.maxLength === 'number') out.push(`at most ${n(inner.maxLength)} characters`);
  if (typeof inner.minItems === 'number') out.push(`at least ${n(inner.minItems)}`);
  if (typeof inner.maxItems === 'number') out.push(`at most ${n(inner.maxItems)}`);
  if (typeof inner.exclusiveMinimum === 'number') out.push(`> ${inner.exclusiveMinimum}`);
  if (typeof inner.minimum === 'number' && inner.minimum !== -SAFE) out.push(`≥ ${inner.minimum}`);
  if (typeof inner.maximum === 'number' && inner.maximum !== SAFE) out.push(`≤ ${n(inner.maximum)}`);
  if (inner.type === 'integer') out.push('integer');
  if (inner.default !== undefined) out.push(`default \`${JSON.stringify(inner.default)}\``);
  return out;
}

/** One row per field, depth first; arrays of objects are walked as `name[].field`. */
function flatten(schema: Json, path = '', required = true, rows: Row[] = []): Row[] {
  if (path)
    rows.push({
      path,
      type: typeOf(schema),
      required: required ? 'yes' : 'no',
      limits: limitsOf(schema),
      meaning: typeof schema.description === 'string' ? schema.description : '',
    });
  const items = schema.type === 'array' ? (schema.items as Json | undefined) : undefined;
  const body = items ?? schema;
  const prefix = items ? `${path}[]` : path;
  if (body.type === 'object' && body.properties) {
    const req = new Set((body.required as string[] | undefined) ?? []);
    for (const [key, value] of Object.entries(body.properties as Record<string, Json>))
      flatten(value, prefix ? `${prefix}.${key}` : key, req.has(key), rows);
  }
  if (Array.isArray(body.oneOf)) {
    for (const variant of body.oneOf as Json[]) {
      const tag = (variant.properties as Record<string, Json> | undefined)?.type?.const;
      const req = new Set((variant.required as string[] | undefined) ?? []);
      rows.push({
        path: `${prefix} (${String(tag)})`,
        type: `object, \`type\`: \`"${String(tag)}"\``,
        required: 'one of',
        limits: [],
        meaning: typeof variant.description === 'string' ? variant.description : '',
      });
      for (const [key, value] of Object.entries((variant.properties ?? {}) as Record<string, Json>)) {
        if (key === 'type') continue;
        flatten(value, `${prefix} (${String(tag)}).${key}`, req.has(key), rows);
      }
    }
  }
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(rows: Row[], extra?: Map<string, string[]>): string[] {
  // A field added to a schema without its meaning fails `npm run docs` and docs:check.
  const unexplained = rows.filter((r) => !r.meaning).map((r) => r.path);
  if (unexplained.length) throw new Error(`no meaning in rules/schema-meanings.ts for: ${unexplained.join(', ')}`);
  const out = ['| field | type | required | limits | meaning |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const limits = [...r.limits];
    const more = extra?.get(r.path)?.filter((l) => !limits.includes(l)) ?? [];
    if (more.length) limits.push(`extension: ${more.join(', ')}`);
    out.push(`| \`${r.path}\` | ${r.type} | ${r.required} | ${cell(limits.join('; ')) || '—'} | ${cell(r.meaning)} |`);
  }
  return out;
}

export function formatOutputs(): Output[] {
  const encounter = jsonSchema(EncounterSchema, 'input');
  const finding = jsonSchema(FindingSchema, 'output');
  const result = jsonSchema(z.array(ResultSchema), 'output');
  const settings = jsonSchema(SettingsSchema, 'input');
  // The limits the extension's worker holds a screen's encounter to, by field.
  const bounded = new Map(
    flatten(z.toJSONSchema(BoundedEncounter, { io: 'input' }) as Json).map((r) => [r.path, r.limits] as const),
  );

  const page = [
    '# dermlint formats',
    '',
    '<!-- Generated by `npm run docs` from rules/schema.ts, rules/settings.ts and rules/schema-meanings.ts. Do not edit by hand. -->',
    '',
    'What the engine reads and writes, field by field. The zod schemas in [rules/schema.ts](../rules/schema.ts) and [rules/settings.ts](../rules/settings.ts) are the only source of these shapes; the JSON Schema files beside this page are exported from them by zod (`z.toJSONSchema`), and `npm run docs:check` (part of `npm test`) fails when either is stale.',
    '',
    '| format | read or written by | JSON Schema |',
    '|---|---|---|',
    "| [Encounter](#encounter) | the engine's input: the extension's adapters build it from the screen; `scrub` reads it as JSON (one or an array) and builds it from 837P and FHIR claims ([claim-formats.md](claim-formats.md)) | [schema/encounter.schema.json](schema/encounter.schema.json) |",
    "| [Finding](#finding) | the engine's output, one per thing found | [schema/finding.schema.json](schema/finding.schema.json) |",
    '| [Result](#result) | `scrub --format json`: one per encounter | [schema/result.schema.json](schema/result.schema.json) |',
    '| [Settings](#settings) | `scrub --config FILE` | [schema/settings.schema.json](schema/settings.schema.json) |',
    '',
    'Types are JSON types; "integer" is a JSON number without a fraction. A field that is not required may be left out; `null` is accepted only where the type says so.',
    '',
    '## Encounter',
    '',
    String(encounter.description),
    '',
    ...table(flatten(encounter), bounded),
    '',
    "**Linking.** A line's diagnoses are the ones its pointers name. A rule that judges a line's diagnoses stays silent on a line with none linked: `dx-missing` speaks for it. Codes and modifiers compare after trimming and upper-casing.",
    '',
    '**The claim.** Rules lint what goes to the payer: a line is on the claim when it is billed to insurance (its `billTo`, or the default). A line billed to the patient can neither raise a finding nor satisfy one (a patient-paid 17000 is no primary for an insured 17003), and a self-pay encounter raises nothing. `dx-invalid` looks at the diagnoses only when at least one line is on the claim.',
    '',
    `**Limits.** The engine's schema has none of its own; the two doors that feed it do. The extension's worker (\`lib/messages.ts\`, "extension:" above) refuses a screen's encounter over ${n(LIMITS.lines)} lines, ${n(LIMITS.diagnoses)} diagnoses, ${n(LIMITS.history)} prior services, ${n(LIMITS.modifiers)} modifiers or ${n(LIMITS.pointers)} pointers on a line, ${n(LIMITS.text)} characters in any string read off the screen, ${n(LIMITS.note)} in the note, ${n(LIMITS.id)} in the id, or ${n(LIMITS.messageBytes)} bytes in a message, naming the field. The command line (\`lib/claims/source.ts\`) refuses an encounter or claim of more than ${n(INPUT_LIMITS.lines)} lines, ${n(INPUT_LIMITS.diagnoses)} diagnoses or ${n(INPUT_LIMITS.encounterBytes)} bytes of JSON (exit code 2).`,
    '',
    '## Finding',
    '',
    String(finding.description),
    '',
    ...table(flatten(finding)),
    '',
    '## Result',
    '',
    String(result.description ?? (result.items as Json).description),
    '',
    ...table(flatten(result).filter((r) => !r.path.startsWith('[].findings['))),
    '',
    '## Settings',
    '',
    String(settings.description),
    '',
    ...table(flatten(settings)),
    '',
    'Example: `{ "rules": { "mod25-unsupported": "off", "lesions-lumped": "warning" }, "defaultPayerKind": "commercial" }`. The extension keeps its own settings (options page: import and export as JSON); they are read field by field, so one bad field costs that field alone.',
    '',
  ];
  const json = (v: Json) => `${JSON.stringify(v, null, 2)}\n`;
  return [
    { path: 'docs/formats.md', text: page.join('\n') },
    { path: 'docs/schema/encounter.schema.json', text: json(encounter) },
    { path: 'docs/schema/finding.schema.json', text: json(finding) },
    { path: 'docs/schema/result.schema.json', text: json(result) },
    { path: 'docs/schema/settings.schema.json', text: json(settings) },
  ];
}
