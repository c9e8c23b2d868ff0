/**
 * Injected by the options page ("Test on the open tab") into every frame of
 * the tab, after a first executeScript left the draft field map on
 * window.__dermlintFieldMap (same isolated world): reads the screen with it and
 * returns a summary of codes and counts — no names, numbers or free text.
 */
import '../lib/zod-jitless'; // first: before any zod schema is built
import { previewFieldMap } from '../adapters/generic/index';
import type { ProbeSummary } from '../components/FieldMapPreview';

declare global {
  interface Window {
    __dermlintFieldMap?: unknown;
  }
}

export default defineUnlistedScript((): ProbeSummary & { host: string } => {
  const draft = window.__dermlintFieldMap;
  delete window.__dermlintFieldMap;
  if (draft === undefined)
    return {
      host: location.host,
      status: 'unreadable',
      reason: 'the field map did not reach this frame',
      lines: [],
      diagnoses: 0,
    };
  return { host: location.host, ...previewFieldMap(document, draft) };
});
