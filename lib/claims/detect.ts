/**
 * Which reader an input needs, from its first bytes: an X12 interchange
 * starts with ISA (or, broken, with another segment name and '*'); a FHIR
 * resource or Bundle has a "resourceType" property at the top (or in the
 * first element of a top-level array); any other JSON is dermlint's own
 * encounter shape. The bytes looked at are handed on to the reader.
 */
export type InputFormat = 'json' | '837' | 'fhir';
export const INPUT_FORMATS: readonly InputFormat[] = ['json', '837', 'fhir'];

/** Enough to see past a large first property; a FHIR resource names its type first in practice. */
const LOOK_AHEAD_CHARS = 64 * 1024;

export interface Detected {
  /** Undefined when the start fits no format (the JSON reader then says what is wrong). */
  format: InputFormat | undefined;
  /** The whole input again, the part already read included. */
  chunks: AsyncIterable<string>;
}

export async function detectFormat(input: AsyncIterable<string>): Promise<Detected> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: string[] = [];
  let length = 0;
  let ended = false;
  let format: InputFormat | undefined;
  // Looked at again each time the text read doubles (or ends): linear however small the chunks.
  let checkAt = 1;
  for (;;) {
    if (ended || length >= LOOK_AHEAD_CHARS || length >= checkAt) {
      format = formatOf(seen.join(''), ended);
      checkAt = length * 2;
    }
    if (format !== undefined || ended || length >= LOOK_AHEAD_CHARS) break;
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      seen.push(next.value);
      length += next.value.length;
    }
  }
  if (format === undefined && length >= LOOK_AHEAD_CHARS && /^[\uFEFF\s]*[[{]/.test(seen[0] ?? '')) format = 'json';
  async function* replay(): AsyncGenerator<string> {
    yield* seen;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, chunks: replay() };
}

/**
 * The format the text so far shows, or undefined while it cannot tell yet
 * (`complete`: the input ends there). A small scanner that follows strings and
 * nesting up to the first element: linear, no regular expression over the input.
 */
export function formatOf(text: string, complete: boolean): InputFormat | undefined {
  let i = 0;
  while (
    i < text.length &&
    (text[i] === '\uFEFF' || text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')
  )
    i++;
  if (i === text.length) return complete ? 'json' : undefined;
  const first = text[i]!;
  if (first !== '{' && first !== '[') {
    // 'ISA*…', or another segment name and a separator: X12 (its reader says what is wrong); else JSON's reader will.
    const tag = /^[A-Z][A-Z0-9]{1,2}[^A-Za-z0-9\s]/.exec(text.slice(i, i + 4));
    if (tag) return '837';
    return text.length - i >= 4 || complete ? 'json' : undefined;
  }
  // Follow the JSON: depth 1 is the top-level object (or array); a key "resourceType" in the
  // top-level object, or in the first element of a top-level array, says FHIR.
  const resourceDepth = first === '{' ? 1 : 2;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  let lastString = '';
  const kinds: string[] = [];
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        lastString = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      stringStart = i + 1;
    } else if (c === ':') {
      if (depth === resourceDepth && kinds[depth - 1] === '{' && lastString === 'resourceType') return 'fhir';
    } else if (c === '{' || c === '[') {
      depth++;
      kinds.push(c);
    } else if (c === '}' || c === ']') {
      depth--;
      kinds.pop();
      // The whole object, or the array's first element, ended without a resourceType.
      if (depth === resourceDepth - 1) return 'json';
    } else if (c === ',' && depth === 1 && first === '[') {
      return 'json';
    }
  }
  return complete ? 'json' : undefined;
}
