/** Placeholder until the anatomic lexicon lands: every site is unknown (rules stay silent). */
import type { SiteGroup } from './codes';
export type SiteAnswer = SiteGroup | 'unknown';
export function siteGroupOf(_site: string): SiteAnswer {
  return 'unknown';
}
