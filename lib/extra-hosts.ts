/**
 * The hosts a person adds to the built-in EHR hosts (settings.extraHosts): what
 * they typed as a host pattern, whether it is one, and the match patterns of a
 * field map as the hosts they need.
 */
import { HostPatternSchema } from './extension-settings';

/** What a person types ('ehr.example.com', 'https://ehr.example.com/app/x', '127.0.0.1:8791', a pattern) as a host pattern; a port is kept. */
export function toHostPattern(input: string): string {
  const t = input.trim().toLowerCase();
  if (!t) return '';
  if (/^(https?):\/\/[^/]*\/\*$/.test(t)) return t;
  const m = t.match(/^(?:(https?):\/\/)?([^/\s?#]+)/);
  if (!m) return t;
  const scheme = m[1] ?? (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(m[2]!) ? 'http' : 'https');
  // The scheme's own port says nothing ('https://x:443' is 'https://x').
  const host = m[2]!.replace(scheme === 'https' ? /:443$/ : /:80$/, '');
  return `${scheme}://${host}/*`;
}

/** Why a host pattern cannot be added, or null when it can. */
export function hostPatternError(pattern: string): string | null {
  const parsed = HostPatternSchema.safeParse(pattern);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a host pattern');
}

/** The host pattern a field map's match pattern needs ('*://' and paths become a host pattern). */
export function hostPatternFor(match: string): string {
  return toHostPattern(match.replace(/^\*:\/\//, 'https://'));
}

/** A URL a match pattern covers, to ask whether the enabled hosts cover it too ('https://*.x.com/*' → 'https://a.x.com/'). */
export function sampleUrl(pattern: string): string {
  return pattern
    .replace(/^\*:\/\//, 'https://')
    .replace(/:\/\/\*\./, '://a.')
    .replace(/\*/g, '');
}
