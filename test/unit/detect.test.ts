/** Which reader an input needs, from its first bytes. */
import { describe, expect, it } from 'vitest';
import { detectFormat, formatOf } from '../../lib/claims/detect';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function detect(text: string, size = 1 << 16) {
  const { format, chunks } = await detectFormat(chunked(text, size));
  let replayed = '';
  for await (const c of chunks) replayed += c;
  return { format, replayed };
}

describe('formatOf', () => {
  it.each([
    ['ISA*00*          *00*', 'an X12 interchange', '837'],
    ['\uFEFF\r\nISA|00|', 'an X12 interchange with a byte-order mark and other delimiters', '837'],
    ['GS*HC*S*R*', 'X12 without its ISA (its reader says so)', '837'],
    ['{"resourceType": "Bundle", "entry": []}', 'a Bundle', 'fhir'],
    [
      '{"meta": {"lastUpdated": "x", "tag": [{"code": "a"}]}, "id": "b", "resourceType": "Claim"}',
      'a Claim whose resourceType comes after a nested object',
      'fhir',
    ],
    ['[{"resourceType": "Claim"}]', 'an array of resources', 'fhir'],
    ['{"resourceType":"Claim","id":"1"}\n{"resourceType":"Claim","id":"2"}\n', 'NDJSON', 'fhir'],
    [
      '{"id": "e1", "payer": {"kind": "medicare"}, "lines": [{"code": "resourceType"}]}',
      'an encounter (a value "resourceType" is no key)',
      'json',
    ],
    [
      '[{"id": "e1", "note": {"resourceType": "x"}}, {"resourceType": "Claim"}]',
      'encounters (resourceType nested, or in a later element)',
      'json',
    ],
    ['[]', 'an empty array', 'json'],
    ['hello', 'text that is neither (the JSON reader says so)', 'json'],
  ])('%j: %s → %s', (text, _what, format) => {
    expect(formatOf(text, true)).toBe(format);
  });

  it('waits for more when the start cannot tell yet', () => {
    expect(formatOf('  ', false)).toBeUndefined();
    expect(formatOf('{"meta": {"a": 1}, "resou', false)).toBeUndefined();
    expect(formatOf('[{"id": "e1", "lin', false)).toBeUndefined();
  });
});

describe('detectFormat', () => {
  it('hands every byte it looked at on to the reader, however the input is chunked', async () => {
    const bundle = `{"meta": {"lastUpdated": "${'x'.repeat(5000)}"}, "resourceType": "Bundle", "entry": []}`;
    for (const size of [1, 3, 4096]) expect(await detect(bundle, size)).toEqual({ format: 'fhir', replayed: bundle });
    expect(await detect('[{"id": "a"}]', 2)).toEqual({ format: 'json', replayed: '[{"id": "a"}]' });
  });
  it('decides JSON after 64 KB without a resourceType at the top', async () => {
    const big = `{"note": "${'n'.repeat(100_000)}", "resourceType": "Claim"}`;
    expect((await detect(big, 1000)).format).toBe('json');
  });
});
