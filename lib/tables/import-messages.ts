/** What the options page and its import worker say to each other (run-import.ts ↔ import-worker.ts): apart so neither module imports the other. */
import type { ImportProgress, NamedBlob } from './import';
import type { TableInfo, TableKind } from './types';

export interface ImportRequest {
  kind: TableKind;
  files: NamedBlob[];
}

export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; info: TableInfo; ignored: string[] }
  | { type: 'error'; message: string; expected: boolean };
