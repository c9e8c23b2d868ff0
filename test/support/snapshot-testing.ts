/**
 * Test support for the adapter tests (athena, ema, generic); never imported by
 * the extension. Saved snapshots (`__snapshots__/<id>.html`) parsed into
 * happy-dom documents, the worked examples, and the findings projection the
 * round-trip tests compare.
 */
import { Window } from 'happy-dom';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';

/** happy-dom settings of a window that runs a demo screen's own scripts, given by the test: nothing is fetched. */
export const SCRIPT_WINDOW_SETTINGS = {
  enableJavaScriptEvaluation: true,
  suppressInsecureJavaScriptEnvironmentWarning: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
} as const;

/** The worked examples (test/fixtures/examples/encounters.json). */
export function readWorkedExamples<T>(): T[] {
  return JSON.parse(
    readFileSync(new URL('../../test/fixtures/examples/encounters.json', import.meta.url), 'utf8'),
  ) as T[];
}

/**
 * happy-dom 21 gets a parsed or appended <select>'s chosen option wrong (index
 * 1, or -1, whatever the markup says); a browser follows the last option marked
 * selected, else the first one. The snapshots and the live demo screens mark the
 * chosen option with the attribute, so this restores what a browser shows.
 */
export function syncSelects(doc: ParentNode) {
  for (const select of doc.querySelectorAll('select')) {
    const options = [...select.querySelectorAll('option')];
    const chosen = options.filter((o) => o.hasAttribute('selected')).pop() ?? options[0];
    if (chosen) chosen.selected = true;
  }
}

/** The URL a snapshot was saved from (its first-line comment), else `fallback`. */
export const snapshotUrlOf = (html: string, fallback: string) =>
  html.match(/^<!-- snapshot of (\S+) -->/)?.[1] ?? fallback;

/**
 * Loads the snapshots in `dir`, and opens windows for the live demo screens.
 * Every happy-dom window it opens is closed after each test; call at a test
 * file's top level. `fallbackUrl` is the URL of a snapshot that names none.
 */
export function snapshotLoader(dir: URL, fallbackUrl: string) {
  const windows: Window[] = [];
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
  });

  /** A saved page as a Document (no scripts run, nothing fetched), at its own URL unless told otherwise. */
  function loadHtml(html: string, url = snapshotUrlOf(html, fallbackUrl)): Document {
    const window = new Window({
      url,
      settings: {
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        handleDisabledFileLoadingAsSuccess: true,
      },
    });
    windows.push(window);
    window.document.write(html);
    syncSelects(window.document as unknown as Document);
    return window.document as unknown as Document;
  }
  /** A window for a live demo screen whose own scripts the test evaluates in it; no script, CSS or other file is fetched. */
  function scriptWindow(url: string): Window {
    const window = new Window({
      url,
      settings: SCRIPT_WINDOW_SETTINGS,
    });
    windows.push(window);
    return window;
  }
  const snapshotHtml = (id: string, from: URL = dir) => readFileSync(new URL(`${id}.html`, from), 'utf8');
  const snapshot = (id: string, url?: string) => loadHtml(snapshotHtml(id), url);
  /** The ids of the snapshots saved in `dir`, sorted. */
  const savedIds = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.slice(0, -5))
      .sort();

  return { loadHtml, scriptWindow, snapshotHtml, snapshot, savedIds };
}

/** What the round-trip tests compare: each finding's rule, line and severity. */
export const findings = (e: Encounter) => run(e).map((f) => ({ rule: f.rule, line: f.line, severity: f.severity }));
