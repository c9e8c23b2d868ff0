/** The streaming JSON splitter under the JSON and FHIR readers: pieces, chunk boundaries, syntax errors, the size cap. */
import { describe, expect, it } from 'vitest';
import {
  jsonPieces,
  JsonPieceTooLargeError,
  JsonSyntaxError,
  type JsonPiece,
  type JsonStreamOptions,
} from '../../lib/claims/json-stream';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function pieces(text: string, options: Partial<JsonStreamOptions> = {}, size = 1 << 20): Promise<JsonPiece[]> {
  const out: JsonPiece[] = [];
  for await (const p of jsonPieces(chunked(text, size), { maxPieceBytes: 1 << 20, ...options })) out.push(p);
  return out;
}
const texts = (ps: JsonPiece[]) =>
  ps.map((p) => `${p.kind}${p.key ? `:${p.key}` : ''}#${p.position}@${p.doc}=${p.text}`);

describe('jsonPieces', () => {
  it('splits a top-level array into its elements, whatever they hold, at any chunk size', async () => {
    const text = ' \uFEFF[ {"a": "x,]}\\"["}, [1, [2]] ,"s\\\\", 12.5e3, true ,null,{} ]\n';
    const want = [
      'element#1@1={"a": "x,]}\\"["}',
      'element#2@1=[1, [2]]',
      'element#3@1="s\\\\"',
      'element#4@1=12.5e3',
      'element#5@1=true',
      'element#6@1=null',
      'element#7@1={}',
    ];
    for (const size of [1, 2, 3, 5, 8, 1 << 20]) expect(texts(await pieces(text, {}, size))).toEqual(want);
  });

  it('gives a top-level object as one document, and an empty array as nothing', async () => {
    expect(texts(await pieces('{"id": "x", "lines": [{"code": "1"}]}'))).toEqual([
      'document#1@1={"id": "x", "lines": [{"code": "1"}]}',
    ]);
    expect(await pieces('[]')).toEqual([]);
    expect(await pieces(' [ \n ] ')).toEqual([]);
  });

  it("streams a top-level object's array property one element at a time (a FHIR Bundle's entry), the other properties as pieces", async () => {
    const bundle =
      '{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"id": "1"}}, {"fullUrl": "u", "resource": {"entry": [1]}}], "meta": {"tag": []}}';
    const want = [
      'property:resourceType#1@1="Bundle"',
      'property:type#2@1="collection"',
      'entry#1@1={"resource": {"id": "1"}}',
      'entry#2@1={"fullUrl": "u", "resource": {"entry": [1]}}',
      'property:meta#3@1={"tag": []}',
    ];
    for (const size of [1, 4, 1 << 20])
      expect(texts(await pieces(bundle, { streamProperty: 'entry' }, size))).toEqual(want);
    // A property named like the stream whose value is no array is a plain property.
    expect(texts(await pieces('{"entry": 5, "k\\"ey": 1}', { streamProperty: 'entry' }))).toEqual([
      'property:entry#1@1=5',
      'property:k"ey#2@1=1',
    ]);
  });

  it('reads NDJSON when several documents may follow one another', async () => {
    const ndjson = '{"resourceType":"Claim","id":"1"}\n{"resourceType":"Claim","id":"2"}\n';
    expect(texts(await pieces(ndjson, { multipleDocuments: true }, 3))).toEqual([
      'document#1@1={"resourceType":"Claim","id":"1"}',
      'document#2@2={"resourceType":"Claim","id":"2"}',
    ]);
    await expect(pieces(ndjson)).rejects.toThrow(
      new JsonSyntaxError("unexpected '{' after the end of the JSON document (after document 1)"),
    );
  });

  it.each([
    ['', 'the input is empty'],
    [' \n ', 'the input is empty'],
    ['[1,]', 'a comma before ] (after element 1)'],
    ['[,1]', 'a comma before the first element'],
    ['[1,,2]', 'two commas in a row in the array (after element 1)'],
    ['[1 2]', "missing comma between array elements (found '2') (after element 1)"],
    ['[{"a":1}{"b":2}]', "missing comma between array elements (found '{') (after element 1)"],
    ['[{"a":1}', 'the input ends before the closing ]: truncated? (after element 1)'],
    ['[{"a":1', 'the input ends inside element 1: truncated?'],
    ['[{"a":"1', 'the input ends inside element 1 (inside a string): truncated?'],
    ['[1]]', "unexpected ']' after the end of the JSON document (after element 1)"],
    ['[}]', "unexpected '}'"],
  ])('refuses %j: %s', async (text, message) => {
    await expect(pieces(text)).rejects.toThrow(new JsonSyntaxError(message));
  });

  it.each([
    ['{"a" 1}', 'expected \':\' after the property name "a"'],
    ['{"a": 1,}', "expected a property name, found '}' (after property 1)"],
    ['{"a": 1 "b": 2}', "expected ',' or '}' after the property \"a\", found '\"' (after property 1)"],
    ['{"entry": [1,]}', 'a comma before ] (after entry 1)'],
    ['{"entry": [1', 'the input ends inside entry 1: truncated?'],
  ])('refuses the streamed object %j: %s', async (text, message) => {
    await expect(pieces(text, { streamProperty: 'entry' })).rejects.toThrow(new JsonSyntaxError(message));
  });

  it('stops at the byte that passes the cap, counting UTF-8 bytes, before the piece ends', async () => {
    const cap = 100;
    const fits = `["${'é'.repeat(48)}"]`; // 2 quotes + 48 × 2 bytes = 98 bytes
    expect(await pieces(fits, { maxPieceBytes: cap })).toHaveLength(1);
    const over = `[1, "${'😀'.repeat(25)}"]`; // 2 + 25 × 4 = 102 bytes
    await expect(pieces(over, { maxPieceBytes: cap })).rejects.toEqual(new JsonPieceTooLargeError('element', 2, cap));
    // An endless element: the error comes as soon as the cap is passed, long before the input would end.
    let read = 0;
    async function* endless(): AsyncGenerator<string> {
      yield '[{"note": "';
      for (;;) {
        read += 1000;
        yield 'a'.repeat(1000);
      }
    }
    await expect(
      (async () => {
        for await (const _ of jsonPieces(endless(), { maxPieceBytes: 10_000 })) void _;
      })(),
    ).rejects.toBeInstanceOf(JsonPieceTooLargeError);
    expect(read).toBeLessThanOrEqual(11_000);
  });

  it('is linear: a 2-million-character string fed one character at a time is read in seconds, not hours', async () => {
    const text = `["${'x'.repeat(2_000_000)}"]`;
    const start = performance.now();
    const got = await pieces(text, { maxPieceBytes: 4_000_000 }, 1);
    expect(got[0]!.text.length).toBe(2_000_004 - 2);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
