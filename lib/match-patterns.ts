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
  const re = new RegExp('^' + path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(u.pathname + u.search);
}

export function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((p) => matchesPattern(p, url));
}
