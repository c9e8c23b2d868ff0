/**
 * Checks a CSS selector's syntax. Where there is a document (the options page,
 * the field-map probe), the browser's own parser decides: what it accepts is
 * valid, whatever this file knows of. Where there is none (the background
 * worker, node), a hand-written parser stands in: it covers what
 * querySelectorAll accepts (Selectors Level 4 minus namespaces, plus Chrome's
 * :state()), and rejects what it would throw on, notably jQuery's
 * :contains()/:eq() and unknown pseudo-classes. In both, one check is stricter
 * than a browser: an unclosed bracket or string at the end ('tr[ng-repeat'),
 * which browsers silently close, is reported, as it is almost always a typo.
 * The reader still guards every query at read time.
 */

/** Pseudo-classes taking no argument. */
const PLAIN_PSEUDO = new Set([
  'active',
  'any-link',
  'autofill',
  'checked',
  'default',
  'defined',
  'disabled',
  'empty',
  'enabled',
  'first-child',
  'first-of-type',
  'focus',
  'focus-visible',
  'focus-within',
  'fullscreen',
  'hover',
  'in-range',
  'indeterminate',
  'invalid',
  'last-child',
  'last-of-type',
  'link',
  'modal',
  'only-child',
  'only-of-type',
  'open',
  'optional',
  'out-of-range',
  'placeholder-shown',
  'popover-open',
  'read-only',
  'read-write',
  'required',
  'root',
  'scope',
  'target',
  'user-invalid',
  'user-valid',
  'valid',
  'visited',
]);
/** Pseudo-classes taking a selector list (:has takes relative selectors). */
const LIST_PSEUDO = new Set(['not', 'is', 'where', 'has']);
const NTH_PSEUDO = new Set(['nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type']);
/** :state() is custom elements' own states (Chrome 125+). */
const IDENT_PSEUDO = new Set(['lang', 'dir', 'state']);
const PSEUDO_ELEMENTS = new Set([
  'before',
  'after',
  'first-line',
  'first-letter',
  'marker',
  'placeholder',
  'selection',
  'backdrop',
]);

class SelectorSyntaxError extends Error {
  /** An unclosed bracket, parenthesis or string at the end: a browser closes it silently. */
  constructor(
    message: string,
    readonly unclosed = false,
  ) {
    super(message);
  }
}

/** The hand-written parser's verdict: null when valid. */
function handWrittenError(selector: string): SelectorSyntaxError | null {
  try {
    new Parser(selector).parseTop();
    return null;
  } catch (e) {
    if (e instanceof SelectorSyntaxError) return e;
    throw e;
  }
}

/**
 * The browser's own verdict on a selector: null when its parser accepts it, a message when it
 * throws, undefined where there is no document to ask (the worker, node).
 */
function browserSelectorError(selector: string): string | null | undefined {
  const doc = (globalThis as { document?: Document }).document;
  if (typeof doc?.createDocumentFragment !== 'function') return undefined;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return null;
  } catch {
    return "the browser's CSS parser rejects it";
  }
}

/** Why `selector` is not a valid CSS selector, or null when it is (the browser decides where there is one). */
export function selectorError(selector: string): string | null {
  if (!selector.trim()) return 'empty';
  const own = handWrittenError(selector);
  const browser = browserSelectorError(selector);
  if (browser === undefined) return own?.message ?? null;
  // The browser rejects it: our message says where, when we found the fault too.
  if (browser !== null) return own?.message ?? browser;
  return own?.unclosed ? own.message : null;
}

/**
 * For a selector read back from storage (a browser checked it when it was saved): the browser's
 * verdict where there is a document, else none — the hand-written parser must not drop what a
 * browser runs.
 */
export function storedSelectorError(selector: string): string | null {
  return browserSelectorError(selector) ?? null;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseTop(): void {
    if (!this.s.trim()) this.fail('empty');
    this.selectorList(false);
    this.ws();
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}'`);
  }

  private fail(why: string, unclosed = false): never {
    throw new SelectorSyntaxError(why, unclosed && this.i >= this.s.length);
  }

  private peek(offset = 0): string {
    return this.s[this.i + offset] ?? '';
  }

  private ws(): boolean {
    const start = this.i;
    while (/[ \t\n\r\f]/.test(this.peek())) this.i++;
    return this.i > start;
  }

  private selectorList(relative: boolean): void {
    for (;;) {
      this.ws();
      this.complex(relative);
      this.ws();
      if (this.peek() !== ',') return;
      this.i++;
    }
  }

  private complex(relative: boolean): void {
    if (relative && /[>+~]/.test(this.peek())) {
      this.i++;
      this.ws();
    }
    this.compound();
    for (;;) {
      const hadSpace = this.ws();
      const c = this.peek();
      if (c === '>' || c === '+' || c === '~') {
        this.i++;
        this.ws();
        this.compound();
      } else if (hadSpace && c !== '' && c !== ',' && c !== ')') {
        this.compound();
      } else return;
    }
  }

  private compound(): void {
    const start = this.i;
    const c = this.peek();
    if (c === '*') this.i++;
    else if (this.startsIdent()) this.ident();
    for (;;) {
      const d = this.peek();
      if (d === '#') {
        this.i++;
        if (!this.startsIdent()) this.fail("'#' must be followed by an id");
        this.ident();
      } else if (d === '.') {
        this.i++;
        if (!this.startsIdent()) this.fail("'.' must be followed by a class name");
        this.ident();
      } else if (d === '[') this.attribute();
      else if (d === ':') this.pseudo();
      else break;
    }
    if (this.i === start) {
      const got = this.peek();
      this.fail(got ? `unexpected '${got}'` : 'a selector ends too early');
    }
  }

  private attribute(): void {
    this.i++; // [
    this.ws();
    if (!this.startsIdent()) this.fail('expected an attribute name after [');
    this.ident();
    this.ws();
    const c = this.peek();
    if (c === ']') {
      this.i++;
      return;
    }
    if (c === '=') this.i++;
    else if (/[~|^$*]/.test(c) && this.peek(1) === '=') this.i += 2;
    else this.fail(`unexpected '${c || 'end'}' in an attribute selector`, c === '');
    this.ws();
    const q = this.peek();
    if (q === '"' || q === "'") this.string(q);
    else if (this.startsIdent()) this.ident();
    else this.fail('an attribute value must be quoted or a plain word');
    this.ws();
    if (/[iI]/.test(this.peek()) && /[\s\]]/.test(this.peek(1))) {
      this.i++;
      this.ws();
    }
    if (this.peek() !== ']') this.fail("an attribute selector misses its ']'", true);
    this.i++;
  }

  private pseudo(): void {
    this.i++; // :
    if (this.peek() === ':') {
      this.i++;
      const name = this.startsIdent() ? this.ident().toLowerCase() : '';
      if (!PSEUDO_ELEMENTS.has(name)) this.fail(`unknown pseudo-element '::${name}'`);
      return;
    }
    if (!this.startsIdent()) this.fail("':' must be followed by a pseudo-class");
    const name = this.ident().toLowerCase();
    if (this.peek() === '(') {
      this.i++;
      this.ws();
      // :is() and :where() take a forgiving list: empty is allowed.
      if ((name === 'is' || name === 'where') && this.peek() === ')') {
        /* empty */
      } else if (LIST_PSEUDO.has(name)) this.selectorList(name === 'has');
      else if (NTH_PSEUDO.has(name)) this.nth();
      else if (IDENT_PSEUDO.has(name)) {
        if (!this.startsIdent()) this.fail(`:${name}() expects a word`);
        this.ident();
      } else this.fail(`unknown pseudo-class ':${name}()'`);
      this.ws();
      if (this.peek() !== ')') this.fail(`:${name}( misses its ')'`, true);
      this.i++;
      return;
    }
    if (!PLAIN_PSEUDO.has(name)) this.fail(`unknown pseudo-class ':${name}'`);
  }

  /** An+B, odd, even, optionally followed by "of S". */
  private nth(): void {
    const rest = this.s.slice(this.i);
    const m = rest.match(/^(odd|even|[+-]?\d*[nN](\s*[+-]\s*\d+)?|[+-]?\d+)/i);
    if (!m) this.fail('expected an+b, odd or even');
    this.i += m[0].length;
    this.ws();
    if (/^of\s/i.test(this.s.slice(this.i))) {
      this.i += 2;
      this.selectorList(false);
    }
  }

  private startsIdent(): boolean {
    const c = this.peek();
    const n = this.peek(1);
    if (c === '-') return n === '-' || /[A-Za-z_\u0080-\uFFFF]/.test(n) || (n === '\\' && this.peek(2) !== '\n');
    if (c === '\\') return n !== '' && n !== '\n';
    return /[A-Za-z_\u0080-\uFFFF]/.test(c);
  }

  private ident(): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === '\\') {
        out += this.escape();
      } else if (/[A-Za-z0-9_\-\u0080-\uFFFF]/.test(c)) {
        out += c;
        this.i++;
      } else return out;
    }
  }

  private escape(): string {
    this.i++; // backslash
    const hex = this.s.slice(this.i).match(/^[0-9a-fA-F]{1,6}/);
    if (hex) {
      this.i += hex[0].length;
      if (/[ \t\n\r\f]/.test(this.peek())) this.i++;
      return String.fromCodePoint(Math.min(parseInt(hex[0], 16), 0x10ffff) || 0xfffd);
    }
    const c = this.peek();
    if (c === '' || c === '\n') this.fail('a backslash ends the selector');
    this.i++;
    return c;
  }

  private string(quote: string): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === '') this.fail(`a string misses its closing ${quote}`, true);
      if (c === '\n') this.fail('a line break inside a string');
      if (c === '\\') {
        if (this.peek(1) === '\n') this.i += 2;
        else if (this.peek(1) === '') this.i++;
        else this.escape();
        continue;
      }
      this.i++;
      if (c === quote) return;
    }
  }
}
