/**
 * Which applier carries out one-click fixes on a screen, by the id of the
 * adapter that read it. Only the fix script (entrypoints/fix-apply.ts) imports
 * this: the content script in every frame stays without it.
 */
import type { Applier } from './types';
import { emaApplier } from './ema/apply';
import { athenaApplier } from './athena/apply';
import { genericApplier } from './generic/apply';
import { genericAdapterId } from './generic/adapter';
import type { FieldMap } from './generic/fieldmap';

export function applierFor(adapterId: string, fieldMaps: readonly FieldMap[]): Applier | undefined {
  if (adapterId === 'ema') return emaApplier;
  if (adapterId === 'athena') return athenaApplier;
  const map = fieldMaps.find((m) => genericAdapterId(m) === adapterId);
  return map ? genericApplier(map) : undefined;
}
