/**
 * dermlint's own encounter JSON (docs/formats.md): one encounter or an
 * array of them, streamed element by element (lib/claims/json-stream.ts).
 */
import { jsonPieces, JsonPieceTooLargeError, JsonSyntaxError } from './json-stream';
import { checkCounts, describeSource, InputError, INPUT_LIMITS, validEncounter, type ReadEncounter } from './source';

export async function* readJsonEncounters(
  chunks: AsyncIterable<string>,
  limits = INPUT_LIMITS,
): AsyncGenerator<ReadEncounter> {
  let position = 0;
  try {
    for await (const piece of jsonPieces(chunks, { maxPieceBytes: limits.encounterBytes })) {
      position++;
      let value: unknown;
      try {
        value = JSON.parse(piece.text);
      } catch (e) {
        throw new InputError(`encounter ${position} in the input: not valid JSON: ${(e as Error).message}`);
      }
      const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
      const at = position;
      const where = () => describeSource('encounter', at, id);
      if (value !== null && typeof value === 'object') checkCounts(value, where);
      yield { encounter: validEncounter(value, where), source: { kind: 'encounter', position } };
    }
  } catch (e) {
    if (e instanceof JsonPieceTooLargeError) {
      throw new InputError(
        `encounter ${e.position} in the input: more than ${e.limit} bytes of JSON; an encounter may have at most that (as in the extension)`,
      );
    }
    if (e instanceof JsonSyntaxError) throw new InputError(`not valid JSON: ${e.message}`);
    throw e;
  }
}
