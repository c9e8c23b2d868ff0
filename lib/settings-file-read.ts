/**
 * Reads a settings file the user picked, refusing one above 1 MB before a byte
 * of it is read: dermlint's own exports are a few KB (every rule level, hosts,
 * up to a few field maps), and a file of hundreds of MB would be read whole
 * into the options page and parsed as JSON.
 */

export const MAX_SETTINGS_FILE_BYTES = 1048576;

export type SettingsFileText = { ok: true; text: string } | { ok: false; error: string };

export async function readSettingsFileText(file: Pick<File, 'name' | 'size' | 'text'>): Promise<SettingsFileText> {
  if (file.size > MAX_SETTINGS_FILE_BYTES) {
    return {
      ok: false,
      error: `${file.name} is larger than 1 MB (${file.size.toLocaleString('en-US')} bytes): a settings file is at most 1 MB (dermlint's own exports are a few KB), so it was not read`,
    };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, error: `the file could not be read (${(e as Error).message})` };
  }
}
