/**
 * An X12 file as a stream of segments, chunk by chunk: the delimiters are read
 * from each interchange's ISA segment (element separator after "ISA", the
 * repetition separator in ISA11, the component separator in ISA16 and the
 * segment terminator right after it), so "*", ":" and "~" are only the usual
 * choice. Line breaks after a terminator are skipped. A segment longer than
 * `maxSegmentChars` stops the scan (a file with a broken terminator, or not
 * X12 at all, is never buffered whole).
 *
 * Why not node-x12 or x12-parser from npm: see docs/claim-formats.md ("Reading
 * X12"): both stream, but drop or misread a file fed in small chunks (as a
 * pipe delivers it) and buffer a segment without a terminator without bound.
 */

interface X12Delimiters {
  element: string;
  component: string;
  /** Undefined when ISA11 is not a separator (the 4010 'U'). */
  repetition: string | undefined;
  segment: string;
}

export interface X12Segment {
  /** 'CLM', 'SV1', … */
  tag: string;
  /** elements[1] is CLM01; elements[0] is the tag. */
  elements: string[];
  /** 1-based count of segments in the input. */
  number: number;
  delimiters: X12Delimiters;
}

/** A file that is not X12 or is broken at the lexical level; `segment` is the 1-based number of the segment it concerns. */
export class X12SyntaxError extends Error {
  constructor(
    message: string,
    readonly segment: number,
    readonly tag?: string,
  ) {
    super(message);
  }
}

export interface X12ReadOptions {
  /** Longest segment accepted; the 837P's longest real segments are a few hundred characters. */
  maxSegmentChars: number;
}

/** The separators sit at fixed places of a fixed-width ISA (106 characters with its terminator). */
const ISA_ELEMENT_STARTS = [4, 7, 18, 21, 32, 35, 51, 54, 70, 77, 82, 84, 90, 100, 102, 104];
const ISA_LENGTH = 106;

const isLineBreak = (c: string) => c === '\r' || c === '\n';

function readIsa(text: string, number: number): X12Delimiters {
  const element = text[3]!;
  const fixed = ISA_ELEMENT_STARTS.every((start) => text[start - 1] === element);
  if (!fixed) {
    throw new X12SyntaxError(
      `segment ${number} (ISA): not a fixed-width ISA segment (its 16 elements must fill 106 characters, with the separator "${printable(element)}" at the same places in every X12 file): not an X12 file, or a broken header`,
      number,
      'ISA',
    );
  }
  const component = text[104]!;
  const segment = text[105]!;
  const repetition = text[82]!;
  const seen = new Set([element, component, segment]);
  if (seen.size < 3 || /[A-Za-z0-9 ]/.test(element + component + segment)) {
    throw new X12SyntaxError(
      `segment ${number} (ISA): its separators (element "${printable(element)}", component "${printable(component)}", segment "${printable(segment)}") are not three distinct punctuation characters`,
      number,
      'ISA',
    );
  }
  return {
    element,
    component,
    repetition: /[A-Za-z0-9 ]/.test(repetition) || seen.has(repetition) ? undefined : repetition,
    segment,
  };
}

const printable = (c: string) =>
  c >= ' ' && c <= '~' ? c : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The segments each chunk completes, as one array per chunk (one await per chunk, not per segment). */
export async function* x12Segments(
  chunks: AsyncIterable<string>,
  options: X12ReadOptions,
): AsyncGenerator<X12Segment[]> {
  let buffer = '';
  let delimiters: X12Delimiters | undefined;
  let number = 0;
  // After IEA the next interchange may choose other delimiters: read them from its ISA.
  let needIsa = true;

  const tooLong = () =>
    new X12SyntaxError(
      `segment ${number + 1}: no segment terminator${delimiters ? ` "${printable(delimiters.segment)}"` : ''} within ${options.maxSegmentChars} characters: a broken segment, or not an X12 file`,
      number + 1,
    );

  for await (const chunk of chunks) {
    buffer += chunk;
    let pos = 0;
    const batch: X12Segment[] = [];
    try {
      for (;;) {
        // Line breaks (and a leading byte-order mark) between segments are not part of them.
        while (
          pos < buffer.length &&
          (isLineBreak(buffer[pos]!) ||
            (number === 0 && buffer[pos] === '\uFEFF') ||
            (needIsa && buffer[pos] === ' ')) &&
          buffer[pos] !== delimiters?.segment
        )
          pos++;
        if (pos >= buffer.length) break;
        if (needIsa) {
          if (buffer.length - pos < ISA_LENGTH) break;
          if (!buffer.startsWith('ISA', pos)) {
            const start = buffer.slice(pos, pos + 20);
            throw new X12SyntaxError(
              number === 0
                ? `the input does not start with an ISA segment (it starts "${[...start].map(printable).join('')}"): not an X12 file`
                : `segment ${number + 1}: after IEA, expected a new interchange (ISA) or the end of the file, found "${[...start].map(printable).join('')}"`,
              number + 1,
            );
          }
          delimiters = readIsa(buffer.slice(pos, pos + ISA_LENGTH), number + 1);
          needIsa = false;
        }
        const end = buffer.indexOf(delimiters!.segment, pos);
        if (end < 0) {
          if (buffer.length - pos > options.maxSegmentChars) throw tooLong();
          break;
        }
        if (end - pos > options.maxSegmentChars) throw tooLong();
        const text = buffer.slice(pos, end);
        pos = end + 1;
        number++;
        const elements = text.split(delimiters!.element);
        const tag = elements[0]!;
        if (!/^[A-Z][A-Z0-9]{1,2}$/.test(tag)) {
          throw new X12SyntaxError(
            `segment ${number}: "${[...tag.slice(0, 20)].map(printable).join('')}" is not a segment name (a broken segment or a stray terminator)`,
            number,
          );
        }
        batch.push({ tag, elements, number, delimiters: delimiters! });
        if (tag === 'IEA') needIsa = true;
      }
    } catch (e) {
      // The segments before the broken one first: the claim reader then names the claim it is in.
      if (batch.length) yield batch;
      throw e;
    }
    buffer = buffer.slice(pos);
    if (batch.length) yield batch;
  }
  const rest = buffer.replace(/^[\s\uFEFF]+/, '');
  if (rest.length > 0) {
    const shown = [...rest.slice(0, 20)].map(printable).join('');
    if (needIsa && !rest.startsWith('ISA')) {
      throw new X12SyntaxError(
        number === 0
          ? `the input does not start with an ISA segment (it starts "${shown}"): not an X12 file`
          : `segment ${number + 1}: after IEA, expected a new interchange (ISA) or the end of the file, found "${shown}"`,
        number + 1,
      );
    }
    const tag = /^[A-Z][A-Z0-9]{1,2}/.exec(rest)?.[0];
    throw new X12SyntaxError(
      `the input ends inside segment ${number + 1}${tag ? ` (${tag})` : ''}, before its terminator${delimiters && !needIsa ? ` "${printable(delimiters.segment)}"` : ''}: truncated?`,
      number + 1,
      tag,
    );
  }
  if (number === 0) throw new X12SyntaxError('the input is empty', 0);
}
