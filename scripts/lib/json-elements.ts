/**
 * Splits a JSON document that is one value or an array of values into its
 * top-level elements as text, chunk by chunk, so a file of 100,000 encounters
 * is never held in memory at once. Each element is then JSON.parse'd alone.
 */

export class JsonSyntaxError extends Error {}

export async function* jsonElements(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let mode: 'start' | 'array' | 'single' | 'done' = 'start';
  let buf = '';        // text of the current element
  let depth = 0;       // nesting inside the current element
  let inString = false;
  let escaped = false;
  let expectComma = false;
  let sawElement = false;

  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (mode === 'done') {
        if (!/\s/.test(ch)) throw new JsonSyntaxError(`unexpected '${ch}' after the end of the JSON document`);
        continue;
      }
      if (mode === 'start') {
        if (/\s/.test(ch) || ch === '\uFEFF') continue;
        if (ch === '[') { mode = 'array'; continue; }
        mode = 'single';
      }
      if (inString) {
        buf += ch;
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (mode === 'array' && depth === 0) {
        if (/\s/.test(ch)) { if (buf) buf += ch; continue; }
        if (ch === ']') {
          if (buf.trim()) { yield buf; buf = ''; }
          else if (expectComma === false && sawElement) throw new JsonSyntaxError('trailing comma before ]');
          mode = 'done';
          continue;
        }
        if (ch === ',') {
          if (!buf.trim()) throw new JsonSyntaxError('unexpected comma in the array');
          yield buf; buf = ''; expectComma = false; sawElement = true;
          continue;
        }
        if (buf.trim() && (ch === '{' || ch === '[' || ch === '"')) throw new JsonSyntaxError('missing comma between array elements');
      }
      buf += ch;
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth < 0) throw new JsonSyntaxError(`unexpected '${ch}'`);
        if (depth === 0 && mode === 'array') { expectComma = true; sawElement = true; }
      }
    }
  }
  if (mode === 'single') { yield buf; return; }
  if (mode === 'start') throw new JsonSyntaxError('the input is empty');
  if (mode === 'array') throw new JsonSyntaxError('the input ends before the closing ]');
}

/** True when the document's first non-space character opens an array. */
export function isArrayStart(text: string): boolean {
  return /^\uFEFF?\s*\[/.test(text);
}
