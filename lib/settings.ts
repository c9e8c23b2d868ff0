/**
 * The extension's settings: the engine's (per-rule levels, default payer) plus
 * how the extension behaves. Kept in extension storage; zod-checked on read and
 * on import (a bad file changes nothing).
 */
import { z } from 'zod';
import { SettingsSchema } from '../rules/settings';
import { FieldMapSchema } from '../adapters/generic/fieldmap';

/** A host pattern a user may add: https only (or http on localhost), a concrete host, maybe a port ('http://127.0.0.1:8791/*'), path /*. */
export const HostPatternSchema = z
  .string()
  .regex(/^(https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?\/\*$/, {
    error: "expected a host pattern like 'https://*.example-ehr.com/*' (https, or http on localhost; a port may follow the host)",
  });

export const ExtensionSettingsSchema = SettingsSchema.extend({
  /** Paint info (needs review) findings inline too; by default they live in the review list only. */
  showInfoInline: z.boolean({ error: 'expected true or false' }).default(false),
  /** Ask before the EHR's sign / finalize control goes through while errors remain. */
  signoffPrompt: z.boolean({ error: 'expected true or false' }).default(true),
  /** Hosts the user enabled beyond the built-in EHR hosts (each granted at runtime). */
  extraHosts: z.array(HostPatternSchema).max(50).default([]),
  /** Field maps for the generic adapter, for EHRs dermlint has no adapter of its own for. */
  fieldMaps: z.array(FieldMapSchema).max(20).default([]),
  /** The preset last applied, for display only. */
  preset: z.string().max(40).optional(),
});

export type ExtensionSettings = z.infer<typeof ExtensionSettingsSchema>;
export { SETTINGS_KEY } from './settings-key';
export const DEFAULT_EXTENSION_SETTINGS: ExtensionSettings = ExtensionSettingsSchema.parse({});

/** Settings from whatever storage holds; anything malformed falls back to the defaults. */
export function settingsFrom(stored: unknown): ExtensionSettings {
  const parsed = ExtensionSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_EXTENSION_SETTINGS;
}

/** An imported settings file: the settings, or a message naming the bad field. */
export function parseSettingsFile(text: string): { ok: true; value: ExtensionSettings } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a JSON file: ${(e as Error).message}` };
  }
  const body = raw && typeof raw === 'object' && 'settings' in raw ? (raw as { settings: unknown }).settings : raw;
  const parsed = ExtensionSettingsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return { ok: false, error: `${path || 'settings'}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

/** The file an export writes: versioned, so later versions can migrate it. */
export function settingsFile(settings: ExtensionSettings): string {
  return JSON.stringify({ dermlint: 'settings', version: 1, settings }, null, 2);
}
