/**
 * Splits text fed chunk by chunk into lines (LF or CRLF), in one pass: each
 * chunk is searched for line ends once, and a line still open at the end of a
 * chunk is kept as pieces, never searched again. A file with no line breaks
 * (or a line longer than `maxChars`) is refused as soon as the open line passes
 * the limit: CMS's table files have lines of under 200 characters. Pure
 * TypeScript: the NCCI parsers (engine and command line) and the ICD-10-CM
 * importer share it.
 */

/** The longest line a CMS table file may have (CMS's are under 200 characters; a long AMA notice line fits many times). */
export const MAX_LINE_CHARS = 65_536;

export function lineTooLong(maxChars = MAX_LINE_CHARS): string {
  return `longer than ${maxChars.toLocaleString('en-US')} characters, the limit for one line of a CMS table file (no line breaks? not a CMS text file)`;
}

export class LineSplitter {
  #open: string[] = [];
  #openLength = 0;
  #lines = 0;

  /**
   * `onLine` gets each line without its line end, numbered from 1; `onTooLong`
   * is told the number of a line over the limit and must throw.
   */
  constructor(
    private readonly onLine: (text: string, line: number) => void,
    private readonly onTooLong: (line: number) => never,
    readonly maxChars = MAX_LINE_CHARS,
  ) {}

  /** Lines completed so far. */
  get lines(): number {
    return this.#lines;
  }

  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      let text = chunk.slice(start, nl);
      if (this.#openLength > 0) {
        this.#open.push(text);
        text = this.#open.join('');
        this.#open = [];
        this.#openLength = 0;
      }
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      this.#lines++;
      if (text.length > this.maxChars) this.onTooLong(this.#lines);
      this.onLine(text, this.#lines);
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.#openLength += chunk.length - start;
      // One more than the limit: room for the \r of a CRLF that has not arrived yet.
      if (this.#openLength > this.maxChars + 1) this.onTooLong(this.#lines + 1);
      this.#open.push(start === 0 ? chunk : chunk.slice(start));
    }
  }

  /** The text after the last line end (a last line without one), its \r removed, or undefined when there is none. Counts it as a line. */
  end(): { text: string; line: number } | undefined {
    if (this.#openLength === 0) return undefined;
    let text = this.#open.join('');
    this.#open = [];
    this.#openLength = 0;
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    this.#lines++;
    if (text.length > this.maxChars) this.onTooLong(this.#lines);
    return { text, line: this.#lines };
  }
}
