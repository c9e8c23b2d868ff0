/**
 * The extension's settings: the engine's (per-rule levels, default payer) plus
 * how the extension shows things. Kept in extension storage; zod-checked on read.
 */
import { z } from 'zod';
import { SettingsSchema } from '../rules/settings';

export const ExtensionSettingsSchema = SettingsSchema.extend({
  /** Paint info (needs review) findings inline too; by default they live in the review list only. */
  showInfoInline: z.boolean().default(false),
});

export type ExtensionSettings = z.infer<typeof ExtensionSettingsSchema>;
export const SETTINGS_KEY = 'dermlint:settings';
export const DEFAULT_EXTENSION_SETTINGS: ExtensionSettings = ExtensionSettingsSchema.parse({});

/** Settings from whatever storage holds; anything malformed falls back to the defaults. */
export function settingsFrom(stored: unknown): ExtensionSettings {
  const parsed = ExtensionSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_EXTENSION_SETTINGS;
}
