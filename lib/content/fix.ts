/**
 * One-click fixes in the page: the hooks a warning's open card gets. The fix
 * code itself (lib/fix/) is loaded into this frame only when a card that
 * offers a fix opens (the worker injects it), so the content script in every
 * EHR frame stays small; lib/fix/attempt.ts says what a click does.
 */
import type { Finding } from '../../rules/schema';
import type { FixHooks } from '../../components/InlineWarning';
import { FIX_KIT_GLOBAL, type FixContext, type FixKit } from '../fix/kit';

const NO_KIT = 'Fix by hand: dermlint’s fix code did not load.';

export function createFixes(c: FixContext & { loadKit(): Promise<unknown> }) {
  const scope = globalThis as unknown as Record<string, FixKit | undefined>;
  let loading: Promise<FixKit | undefined> | null = null;
  const kit = (): Promise<FixKit | undefined> =>
    scope[FIX_KIT_GLOBAL]
      ? Promise.resolve(scope[FIX_KIT_GLOBAL])
      : (loading ??= c
          .loadKit()
          .then(
            () => scope[FIX_KIT_GLOBAL],
            () => undefined,
          )
          .then((k) => ((loading = k ? loading : null), k)));
  return (f: Finding): FixHooks | undefined =>
    f.suggestions?.length
      ? {
          note: scope[FIX_KIT_GLOBAL]?.note(c, f),
          // Without the kit every button is offered; a click then says why nothing happened.
          check: async () => (await kit())?.check(c, f) ?? [],
          // The card passes a person's own click or key only; the kit checks that again.
          run: async (index, event) => (await kit())?.run(c, f, index, event) ?? { status: 'by-hand', message: NO_KIT },
        }
      : undefined;
}
