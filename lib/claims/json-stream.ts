/**
 * Splits a JSON text into the pieces a reader judges one at a time, chunk by
 * chunk, so a file of 100,000 encounters or a FHIR Bundle of 100,000 claims
 * is never held in memory at once. Each piece is then JSON.parse'd alone.
 *
 * - a top-level array: each element is a piece ('element');
 * - a top-level object: the whole object is one piece ('document'), or, when
 *   `streamProperty` names one of its properties whose value is an array
 *   (a FHIR Bundle's `entry`), each element of that array is a piece ('entry')
 *   and each other property a piece of its own ('property', with its key);
 * - with `multipleDocuments`, several top-level values may follow one another
 *   (NDJSON, as FHIR bulk exports are written).
 *
 * A piece longer than `maxPieceBytes` (UTF-8) stops the scan at that byte,
 * before the rest of it is read: a 500 MB string never reaches memory.
 * One pass, constant work per character, no regular expressions.
 */

export class JsonSyntaxError extends Error {}

/** A piece bigger than the cap; `position` counts pieces of its kind from 1. */
export class JsonPieceTooLargeError extends Error {
  constructor(
    readonly kind: JsonPiece['kind'],
    readonly position: number,
    readonly limit: number,
  ) {
    super(`${kind} ${position}: more than ${limit} bytes of JSON`);
  }
}

export interface JsonPiece {
  kind: 'element' | 'document' | 'entry' | 'property';
  /** 1-based, counted separately for each kind over the whole input. */
  position: number;
  /** 1-based top-level value the piece belongs to (NDJSON line, roughly). */
  doc: number;
  /** The property's name ('property' pieces only). */
  key?: string;
  text: string;
}

export interface JsonStreamOptions {
  maxPieceBytes: number;
  streamProperty?: string;
  multipleDocuments?: boolean;
}

const MAX_KEY_CHARS = 1024;

const enum At {
  /** Before a top-level value. */
  Start,
  ArrayBeforeValue,
  ArrayAfterValue,
  ObjectBeforeKey,
  ObjectKey,
  ObjectAfterKey,
  ObjectBeforeValue,
  ObjectAfterValue,
  EntryBeforeValue,
  EntryAfterValue,
  /** Inside a piece: see Scan. */
  Piece,
  AfterDocument,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const show = (c: number) =>
  c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

export async function* jsonPieces(
  chunks: AsyncIterable<string>,
  options: JsonStreamOptions,
): AsyncGenerator<JsonPiece> {
  const { maxPieceBytes, streamProperty, multipleDocuments = false } = options;
  const counts = { element: 0, document: 0, entry: 0, property: 0 };
  let at = At.Start as At;
  let doc = 0;
  let sawElement = false; // in the current array: an element was read (so a ']' after a ',' is a trailing comma)
  let afterComma = false;

  // The piece being scanned.
  let pieceKind = 'element' as JsonPiece['kind'];
  let pieceKey: string | undefined;
  let parts: string[] = [];
  let bytes = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let primitive = false;
  let returnTo: At = At.AfterDocument;

  // The key being read (streamed objects only).
  let key = '';
  let keyEscaped = false;
  let keyRaw: string[] = [];

  let sawAnything = false;

  const startPiece = (kind: JsonPiece['kind'], after: At, k?: string) => {
    pieceKind = kind;
    pieceKey = k;
    parts = [];
    bytes = 0;
    depth = 0;
    inString = false;
    escaped = false;
    primitive = false;
    returnTo = after;
    at = At.Piece;
  };
  const finishPiece = (): JsonPiece => {
    at = returnTo;
    const position = ++counts[pieceKind];
    last = { kind: pieceKind, position };
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    parts = [];
    return pieceKey === undefined
      ? { kind: pieceKind, position, doc, text }
      : { kind: pieceKind, position, doc, key: pieceKey, text };
  };
  // Where the scan is, for a syntax error: after the last piece read.
  let last: { kind: JsonPiece['kind']; position: number } | undefined;
  const syntax = (message: string) =>
    new JsonSyntaxError(last ? `${message} (after ${last.kind} ${last.position})` : message);
  const tooLarge = () => new JsonPieceTooLargeError(pieceKind, counts[pieceKind] + 1, maxPieceBytes);

  for await (const chunk of chunks) {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (at === At.Piece) {
        // Scan as far as this chunk goes; keep the slice, not the characters one by one.
        const from = i;
        let done = false;
        for (; i < n; i++) {
          const c = chunk.charCodeAt(i);
          bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
          if (bytes > maxPieceBytes) throw tooLarge();
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) {
              inString = false;
              if (depth === 0) {
                i++;
                done = true;
                break;
              }
            }
            continue;
          }
          if (primitive) {
            // A number, true, false or null ends at the first character that cannot be part of it.
            if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) {
              bytes--;
              done = true;
              break;
            }
            continue;
          }
          if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth < 0) throw syntax(`unexpected ${show(c)}`);
            if (depth === 0) {
              i++;
              done = true;
              break;
            }
          } else if (depth === 0 && i === from && parts.length === 0) {
            if (c === 0x2c || c === 0x3a) throw syntax(`unexpected ${show(c)}`);
            primitive = true;
          }
        }
        if (i > from) parts.push(chunk.slice(from, i));
        if (done) yield finishPiece();
        continue;
      }

      const c = chunk.charCodeAt(i);
      if (at === At.ObjectKey) {
        // A property name: read until its closing quote (escapes kept, decoded by JSON.parse).
        const from = i;
        for (; i < n; i++) {
          const k = chunk.charCodeAt(i);
          if (keyEscaped) keyEscaped = false;
          else if (k === 0x5c) keyEscaped = true;
          else if (k === 0x22) break;
        }
        keyRaw.push(chunk.slice(from, i));
        if (keyRaw.reduce((s, p) => s + p.length, 0) > MAX_KEY_CHARS)
          throw syntax(`a property name longer than ${MAX_KEY_CHARS} characters`);
        if (i < n) {
          try {
            key = JSON.parse(`"${keyRaw.join('')}"`) as string;
          } catch {
            throw syntax('a property name that is not a valid JSON string');
          }
          keyRaw = [];
          at = At.ObjectAfterKey;
          i++;
        }
        continue;
      }
      i++;
      if (isSpace(c) || (c === 0xfeff && !sawAnything)) continue;
      sawAnything = true;
      switch (at) {
        case At.Start:
        case At.AfterDocument:
          if (at === At.AfterDocument && !multipleDocuments)
            throw syntax(`unexpected ${show(c)} after the end of the JSON document`);
          doc++;
          if (c === 0x5b) {
            at = At.ArrayBeforeValue;
            sawElement = false;
            afterComma = false;
          } else if (c === 0x7b && streamProperty !== undefined) {
            at = At.ObjectBeforeKey;
            afterComma = false;
          } else {
            startPiece('document', At.AfterDocument);
            i--; // the piece starts with this character
          }
          break;
        case At.ArrayBeforeValue:
        case At.EntryBeforeValue:
          if (c === 0x5d) {
            if (afterComma) throw syntax('a comma before ]');
            at = at === At.ArrayBeforeValue ? At.AfterDocument : At.ObjectAfterValue;
          } else if (c === 0x2c) {
            throw syntax(sawElement ? 'two commas in a row in the array' : 'a comma before the first element');
          } else {
            startPiece(
              at === At.ArrayBeforeValue ? 'element' : 'entry',
              at === At.ArrayBeforeValue ? At.ArrayAfterValue : At.EntryAfterValue,
            );
            sawElement = true;
            i--;
          }
          break;
        case At.ArrayAfterValue:
        case At.EntryAfterValue:
          if (c === 0x2c) {
            at = at === At.ArrayAfterValue ? At.ArrayBeforeValue : At.EntryBeforeValue;
            afterComma = true;
          } else if (c === 0x5d) {
            at = at === At.ArrayAfterValue ? At.AfterDocument : At.ObjectAfterValue;
          } else {
            throw syntax(`missing comma between array elements (found ${show(c)})`);
          }
          if (c === 0x5d) afterComma = false;
          break;
        case At.ObjectBeforeKey:
          if (c === 0x22) {
            at = At.ObjectKey;
            keyRaw = [];
            keyEscaped = false;
          } else if (c === 0x7d && !afterComma) {
            at = At.AfterDocument;
          } else {
            throw syntax(`expected a property name, found ${show(c)}`);
          }
          break;
        case At.ObjectAfterKey:
          if (c !== 0x3a) throw syntax(`expected ':' after the property name "${key.slice(0, 40)}"`);
          at = At.ObjectBeforeValue;
          break;
        case At.ObjectBeforeValue:
          if (key === streamProperty && c === 0x5b) {
            at = At.EntryBeforeValue;
            sawElement = false;
            afterComma = false;
          } else {
            startPiece('property', At.ObjectAfterValue, key);
            i--;
          }
          break;
        case At.ObjectAfterValue:
          if (c === 0x2c) {
            at = At.ObjectBeforeKey;
            afterComma = true;
          } else if (c === 0x7d) {
            at = At.AfterDocument;
          } else {
            throw syntax(`expected ',' or '}' after the property "${key.slice(0, 40)}", found ${show(c)}`);
          }
          break;
      }
    }
  }

  if (at === At.Piece) {
    // Only a bare number, true, false or null may end with the input.
    if (primitive && pieceKind === 'document') {
      yield finishPiece();
      return;
    }
    throw new JsonSyntaxError(
      `the input ends inside ${pieceKind} ${counts[pieceKind] + 1}${inString ? ' (inside a string)' : ''}: truncated?`,
    );
  }
  if (!sawAnything) throw syntax('the input is empty');
  if (
    at === At.ArrayBeforeValue ||
    at === At.ArrayAfterValue ||
    at === At.EntryBeforeValue ||
    at === At.EntryAfterValue
  )
    throw syntax('the input ends before the closing ]: truncated?');
  if (at !== At.AfterDocument) throw syntax('the input ends before the closing }: truncated?');
}
