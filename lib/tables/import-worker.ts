/**
 * The options page's import worker: reads the files it is given (File objects),
 * parses them with ./import.ts off the page's thread, stores the table in
 * IndexedDB, and reports progress. The page then tells the background worker.
 */
import { importAndStore, TableImportError, type ImportProgress } from './import';
import { openTableStore } from './store';
import type { ImportRequest, ImportReply } from './import-messages';

const post = (reply: ImportReply) => (self as unknown as { postMessage(m: ImportReply): void }).postMessage(reply);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { kind, files } = event.data;
  let last = 0;
  const onProgress = (p: ImportProgress) => {
    const now = performance.now();
    if (now - last < 50 && p.done < p.total) return;
    last = now;
    post({ type: 'progress', progress: p });
  };
  try {
    // No pauses: this thread is the worker's own, and the file reads already give it back to post progress.
    const result = await importAndStore(kind, files, openTableStore(), { onProgress, pause: async () => {} });
    post({ type: 'done', info: result.info, ignored: result.ignored });
  } catch (e) {
    post({
      type: 'error',
      message:
        e instanceof TableImportError
          ? e.message
          : `${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? String(e)}`,
      expected: e instanceof TableImportError,
    });
  }
};
