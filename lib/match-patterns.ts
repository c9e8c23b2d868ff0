/** Chrome match patterns ('https://*.ema.md/*', 'http://localhost/*'): does a URL fall under one? */

export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file):/.test(url);
  const m = pattern.match(/^(\*|https?|file):\/\/([^/]*)(\/.*)$/);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, , path] = m as unknown as [string, string, string, string];
  let host = m[2]!;
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  // As in Chrome, a pattern without a port ('http://localhost/*') or with ':*' covers every port; 'host:8791' that port only.
  const [hostPart, port] = host.split(':') as [string, string | undefined];
  if (port && port !== '*' && port !== (u.port || (protocol === 'https' ? '443' : '80'))) return false;
  host = hostPart;
  const hostname = u.hostname;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (hostname !== base && !hostname.endsWith('.' + base)) return false;
    } else if (hostname !== host) return false;
  }
  return globMatches(path, u.pathname + u.search);
}

export function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((p) => matchesPattern(p, url));
}

/**
 * Does `text` match `glob`, where `*` is any run of characters (none included)
 * and every other character stands for itself? In O(glob + text) time whatever
 * the stars: a pattern comes from a settings file, and a regular expression made
 * of it (`.*a.*a.*…b`) backtracks for minutes. The pieces between stars are
 * found left to right, each at its first place after the last (the leftmost
 * place never loses a match a later one would find), with a KMP search so no
 * character of the text is looked at twice.
 */
export function globMatches(glob: string, text: string): boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let from = first.length;
  const end = text.length - last.length; // the middle pieces must fit before the last one
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    const at = findFrom(text, piece, from, end);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** The first index ≥ from where `needle` occurs wholly before `end`, or -1 (Knuth–Morris–Pratt: linear). */
function findFrom(text: string, needle: string, from: number, end: number): number {
  const fail = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = fail[k - 1]!;
    if (needle[i] === needle[k]) k++;
    fail[i] = k;
  }
  for (let j = from, k = 0; j < end; j++) {
    while (k > 0 && text[j] !== needle[k]) k = fail[k - 1]!;
    if (text[j] === needle[k]) k++;
    if (k === needle.length) return j - needle.length + 1;
  }
  return -1;
}
