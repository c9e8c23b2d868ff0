/** The options page's settings import: a file above 1 MB is refused before it is read (issue 10). */
import { describe, expect, it } from 'vitest';
import { MAX_SETTINGS_FILE_BYTES, readSettingsFileText } from '../../lib/settings-file-read';

/** A picked file that records whether it was read. */
function pickedFile(name: string, size: number, content = '{}') {
  let reads = 0;
  return {
    file: {
      name,
      size,
      text: async () => {
        reads++;
        return content;
      },
    },
    reads: () => reads,
  };
}

describe('readSettingsFileText', () => {
  it('the limit is 1 MB', () => {
    expect(MAX_SETTINGS_FILE_BYTES).toBe(1_048_576);
  });

  it('reads a file of up to 1 MB', async () => {
    const small = pickedFile('dermlint-settings.json', 2_345, '{"rules":{}}');
    expect(await readSettingsFileText(small.file)).toEqual({ ok: true, text: '{"rules":{}}' });
    const edge = pickedFile('edge.json', 1_048_576);
    expect(await readSettingsFileText(edge.file)).toEqual({ ok: true, text: '{}' });
    expect(edge.reads()).toBe(1);
  });

  it.each([
    [
      1_048_577,
      "big.json is larger than 1 MB (1,048,577 bytes): a settings file is at most 1 MB (dermlint's own exports are a few KB), so it was not read",
    ],
    [
      1_610_612_736,
      "big.json is larger than 1 MB (1,610,612,736 bytes): a settings file is at most 1 MB (dermlint's own exports are a few KB), so it was not read",
    ],
  ])('refuses a file of %i bytes without reading it', async (size, error) => {
    const big = pickedFile('big.json', size);
    expect(await readSettingsFileText(big.file)).toEqual({ ok: false, error });
    expect(big.reads()).toBe(0);
  });

  it('a real File above the limit: refused, and its text never asked for', async () => {
    const file = new File([new Uint8Array(MAX_SETTINGS_FILE_BYTES + 1).fill(0x20)], 'padded.json');
    let asked = false;
    const spy = Object.assign(file, { text: () => ((asked = true), Promise.resolve('')) });
    const result = await readSettingsFileText(spy);
    expect(result.ok).toBe(false);
    expect(asked).toBe(false);
  });

  it('a file that cannot be read says so', async () => {
    const file = { name: 'gone.json', size: 10, text: () => Promise.reject(new Error('NotReadableError')) };
    expect(await readSettingsFileText(file)).toEqual({
      ok: false,
      error: 'the file could not be read (NotReadableError)',
    });
  });
});
