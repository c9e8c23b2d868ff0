/**
 * Which adapter reads this frame: the built-in ones for its host, then a
 * user's field maps for it. Screens render late (and single-page apps change
 * route), so the choice is made on the first read that finds a screen, not at
 * start-up; until then every candidate is tried, each read costing a few selectors.
 */
import { ADAPTERS } from '../../adapters/index';
import type { Adapter } from '../../adapters/types';
import { createGenericAdapter } from '../../adapters/generic/adapter';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { matchesAny } from '../match-patterns';

/**
 * The address a frame's reader is chosen by: its own, where it is a web address; else its origin
 * (an about:srcdoc or about:blank frame the EHR writes into has its parent's), or for an opaque
 * origin (a sandboxed frame) its top frame's. Chrome injected the content script by the same
 * origin (match_origin_as_fallback), and the worker judges the frame by it too.
 */
export function frameAddress(loc: {
  href: string;
  protocol: string;
  origin: string;
  ancestorOrigins?: ArrayLike<string>;
}): string {
  if (/^(https?|file):$/.test(loc.protocol)) return loc.href;
  if (loc.origin && loc.origin !== 'null') return `${loc.origin}/`;
  const ancestors = loc.ancestorOrigins;
  const top = ancestors && ancestors.length ? ancestors[ancestors.length - 1] : undefined;
  return top && top !== 'null' ? `${top}/` : loc.href;
}

export function pickAdapter(url: string, fieldMaps: readonly FieldMap[]): Adapter | undefined {
  const candidates: Adapter[] = [
    ...ADAPTERS.filter((a) => matchesAny(a.matches, url)),
    ...fieldMaps.filter((m) => matchesAny(m.matches, url)).map((m) => createGenericAdapter(m)),
  ];
  if (candidates.length <= 1) return candidates[0];
  let locked: Adapter | undefined;
  return {
    get id() {
      return (locked ?? candidates[0]!).id;
    },
    name: candidates.map((a) => a.name).join(' / '),
    matches: [...new Set(candidates.flatMap((a) => a.matches))],
    read(doc) {
      if (locked) {
        const result = locked.read(doc);
        if (result.status !== 'absent') return result;
      }
      for (const adapter of candidates) {
        if (adapter === locked) continue;
        const result = adapter.read(doc);
        if (result.status !== 'absent') {
          locked = adapter;
          return result;
        }
      }
      return { status: 'absent' };
    },
    signControls(doc) {
      return locked?.signControls?.(doc) ?? [];
    },
    patientBanner(doc) {
      return locked?.patientBanner?.(doc);
    },
  };
}
