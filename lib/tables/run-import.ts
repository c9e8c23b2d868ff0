/**
 * Imports a table from the options page: in a Web Worker (the page stays
 * responsive; the worker stores the table in IndexedDB), or, where no worker
 * can start, on the page's own thread with pauses between chunks.
 */
import { importAndStore, TableImportError, type ImportProgress, type NamedBlob } from './import';
import { openTableStore } from './store';
import type { TableInfo, TableKind } from './types';
// Vite bundles the worker into its own file (vite/client types: `?worker` modules export a Worker constructor).
import ImportWorker from './import-worker?worker';

import type { ImportRequest, ImportReply } from './import-messages';

export interface ImportOutcome {
  info: TableInfo;
  ignored: string[];
}

function startWorker(): Worker | null {
  try {
    return new ImportWorker();
  } catch {
    return null;
  }
}

/** Resolves once the table is stored; rejects with TableImportError (its message names the file and line) when nothing changed. */
export function importTable(
  kind: TableKind,
  files: readonly NamedBlob[],
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const worker = startWorker();
  if (!worker) return importOnPage(kind, files, onProgress);
  return new Promise<ImportOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      f();
    };
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (reply.type === 'done') finish(() => resolve({ info: reply.info, ignored: reply.ignored }));
      else finish(() => reject(new TableImportError(reply.message)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // The worker script itself did not run: do the work here instead.
      finish(() => void importOnPage(kind, files, onProgress).then(resolve, reject));
    };
    worker.postMessage({ kind, files: [...files] } satisfies ImportRequest);
  });
}

async function importOnPage(
  kind: TableKind,
  files: readonly NamedBlob[],
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const result = await importAndStore(kind, files, openTableStore(), onProgress ? { onProgress } : {});
  return { info: result.info, ignored: result.ignored };
}
