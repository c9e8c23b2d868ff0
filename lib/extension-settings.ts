/**
 * The extension's settings: the engine's (per-rule levels, default payer) plus
 * how the extension behaves. Kept in extension storage (lib/settings-store.ts)
 * and read there field by field: one bad field costs that field, never the
 * rest. An imported file is checked whole (a bad file changes nothing).
 */
import { z } from 'zod';
import { PAYER_KINDS } from '../rules/schema';
import { RULE_LEVELS, SettingsSchema } from '../rules/settings';
import { FieldMapSchema, StoredFieldMapSchema } from '../adapters/generic/fieldmap';
import { formatPath } from '../rules/schema';

/** A host pattern a user may add: https only (or http on localhost), a concrete host, maybe a port ('http://127.0.0.1:8791/*'), path /*. */
export const HostPatternSchema = z
  .string()
  .regex(/^(https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?\/\*$/, {
    error:
      "expected a host pattern like 'https://*.example-ehr.com/*' (https, or http on localhost; a port may follow the host)",
  });

const MAX_EXTRA_HOSTS = 50;
const MAX_FIELD_MAPS = 20;
const PresetSchema = z.string().max(40, { error: 'at most 40 characters' });
/** The practice's own insurer names, read one entry at a time like the other lists. */
const PAYER_NAME_SCHEMA = SettingsSchema.shape.payerNames.unwrap().element;
const MAX_PAYER_NAMES = 500; // as rules/settings.ts allows

const ExtensionSettingsSchema = SettingsSchema.extend({
  /** Paint info (needs review) findings inline too; by default they live in the review list only. */
  showInfoInline: z.boolean({ error: 'expected true or false' }).default(false),
  /** Ask before the EHR's sign / finalize control goes through while errors remain. */
  signoffPrompt: z.boolean({ error: 'expected true or false' }).default(true),
  /** Hosts the user enabled beyond the built-in EHR hosts (each granted at runtime). */
  extraHosts: z.array(HostPatternSchema).max(MAX_EXTRA_HOSTS).default([]),
  /** Field maps for the generic adapter, for EHRs dermlint has no adapter of its own for. */
  fieldMaps: z.array(FieldMapSchema).max(MAX_FIELD_MAPS).default([]),
  /** The preset last applied, for display only. */
  preset: PresetSchema.optional(),
});

/**
 * The whole settings as the options page checks them before a save: field maps held to the
 * browser's parser only (a map was checked strictly when it was typed or imported; one already
 * stored must not block saving an unrelated change).
 */
export const SavedSettingsSchema = ExtensionSettingsSchema.extend({
  fieldMaps: z.array(StoredFieldMapSchema).max(MAX_FIELD_MAPS).default([]),
});

export type ExtensionSettings = z.infer<typeof ExtensionSettingsSchema>;
export { SETTINGS_KEY } from './settings-key';
export const DEFAULT_EXTENSION_SETTINGS: ExtensionSettings = ExtensionSettingsSchema.parse({});

/** What a read of stored settings kept, and what it could not. */
export interface SettingsReading {
  /** Every field and element that was valid; the default for a field that could not be read at all. */
  settings: ExtensionSettings;
  /** One line per thing left out: 'preset: at most 40 characters', 'extraHosts[1]: …'. */
  problems: string[];
  /** Top-level fields that could not be read at all ('settings' when the whole value is not an object). */
  unread: string[];
}

const issueText = (prefix: (string | number)[], issue: z.core.$ZodIssue | undefined) =>
  `${formatPath([...prefix, ...(issue?.path ?? [])] as (string | number)[]) || 'settings'}: ${issue?.message ?? 'invalid'}`;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Settings from whatever storage holds, field by field: a valid field is kept whatever its
 * neighbours hold; in a list (hosts, field maps) and in the rule levels, each element on its own.
 * Field maps are held to the browser's own selector parser where there is a document, and to
 * their shape where there is none (the worker): they were checked by a browser when they were
 * saved, and the reader checks every selector again when it runs.
 */
export function readSettings(stored: unknown): SettingsReading {
  const settings: ExtensionSettings = { ...DEFAULT_EXTENSION_SETTINGS, rules: {}, extraHosts: [], fieldMaps: [] };
  const problems: string[] = [];
  const unread: string[] = [];
  if (stored === undefined || stored === null) return { settings, problems, unread };
  if (!isRecord(stored)) return { settings, problems: ['settings: expected an object'], unread: ['settings'] };

  const field = <T>(name: keyof ExtensionSettings, schema: z.ZodType<T>, keep: (value: T) => void) => {
    if (stored[name] === undefined) return;
    const parsed = schema.safeParse(stored[name]);
    if (parsed.success) keep(parsed.data);
    else {
      problems.push(issueText([name], parsed.error.issues[0]));
      unread.push(name);
    }
  };
  const list = <T>(
    name: 'extraHosts' | 'fieldMaps' | 'payerNames',
    schema: z.ZodType<T>,
    max: number,
    keep: (value: T) => void,
  ) => {
    const value = stored[name];
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      problems.push(`${name}: expected a list`);
      unread.push(name);
      return;
    }
    value.forEach((element, i) => {
      if (i >= max) return void problems.push(`${name}[${i}]: more than ${max}`);
      const parsed = schema.safeParse(element);
      if (parsed.success) keep(parsed.data);
      else problems.push(issueText([name, i], parsed.error.issues[0]));
    });
  };

  if (stored.rules !== undefined) {
    if (!isRecord(stored.rules)) {
      problems.push('rules: expected an object of rule id → level');
      unread.push('rules');
    } else {
      const level = z.enum(RULE_LEVELS);
      for (const [id, value] of Object.entries(stored.rules)) {
        if (level.safeParse(value).success) settings.rules[id] = value as (typeof RULE_LEVELS)[number];
        else problems.push(`rules.${id}: expected one of ${RULE_LEVELS.join(', ')}`);
      }
    }
  }
  field(
    'defaultPayerKind',
    z.enum(PAYER_KINDS, { error: `expected one of ${PAYER_KINDS.join(', ')}` }),
    (v) => (settings.defaultPayerKind = v),
  );
  field('showInfoInline', z.boolean({ error: 'expected true or false' }), (v) => (settings.showInfoInline = v));
  field('signoffPrompt', z.boolean({ error: 'expected true or false' }), (v) => (settings.signoffPrompt = v));
  list('extraHosts', HostPatternSchema, MAX_EXTRA_HOSTS, (v) => settings.extraHosts.push(v));
  list('fieldMaps', StoredFieldMapSchema, MAX_FIELD_MAPS, (v) => settings.fieldMaps.push(v));
  list('payerNames', PAYER_NAME_SCHEMA, MAX_PAYER_NAMES, (v) => (settings.payerNames ??= []).push(v));
  field('preset', PresetSchema, (v) => (settings.preset = v));
  return { settings, problems, unread };
}

/** Settings from whatever storage holds, keeping every valid field (see readSettings). */
export function settingsFrom(stored: unknown): ExtensionSettings {
  return readSettings(stored).settings;
}

/** An imported settings file: the settings, or a message naming the bad field. */
export function parseSettingsFile(text: string): { ok: true; value: ExtensionSettings } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a JSON file: ${(e as Error).message}` };
  }
  const body = raw && typeof raw === 'object' && 'settings' in raw ? raw.settings : raw;
  const parsed = ExtensionSettingsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return { ok: false, error: `${path || 'settings'}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

/** The file an export writes: versioned, so later versions can migrate it. */
export function settingsFile(settings: ExtensionSettings): string {
  return JSON.stringify({ dermlint: 'settings', version: 1, settings }, null, 2);
}
