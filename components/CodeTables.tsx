/**
 * Code tables: what the rules use (built in, or imported from CMS's own
 * files), the file pickers to import a newer release, a progress bar while a
 * file is read, and "Restore built-in". Fed with data and callbacks; the page
 * reads the files and stores the tables.
 */
import type { TableKind } from '../lib/tables/types';
import { StatusLine, type StatusMessage } from './StatusLine';

export interface TableRow {
  /** 'ptp', 'mue', 'icd10cm-2027' … */
  id: string;
  kind: TableKind;
  /** What it is: 'NCCI PTP edits (practitioner)'. */
  what: string;
  /** 'NCCI PTP 2026 Q4'. */
  label: string;
  /** '1.7 M pairs', '15,095 codes'; '' when unknown. */
  size: string;
  /** 'Built in (dermatology subset)' or 'Imported 14 Oct 2026, 10:02 from ccipra-v323r0-f1.txt …'. */
  source: string;
  /** When the rules use it: 'in force 2026-10-01 to 2027-09-30'. */
  when?: string;
  imported: boolean;
  /** The button that undoes the import: 'Restore built-in' (or 'Remove' for a year nothing ships for). */
  undo?: string;
}

export interface ImportBusy {
  kind: TableKind;
  /** 'Reading ccipra-v323r0-f2.txt'. */
  what: string;
  done: number;
  total: number;
  rows: number;
}

export interface CodeTablesProps {
  rows: readonly TableRow[];
  busy: ImportBusy | null;
  message: StatusMessage | null;
  onImport(kind: TableKind, files: File[]): void;
  onUndo(id: string): void;
}

const PICKERS: { kind: TableKind; id: string; label: string; accept: string; multiple: boolean; hint: string }[] = [
  {
    kind: 'ptp',
    id: 'import-ptp',
    label: 'NCCI PTP edits, practitioner',
    accept: '.txt,.zip',
    multiple: true,
    hint: 'The four parts of one quarter, ccipra-v323r0-f1.txt to f4.txt (select all four), or the ZIP files CMS ships them in.',
  },
  {
    kind: 'mue',
    id: 'import-mue',
    label: 'NCCI MUE, practitioner services',
    accept: '.csv,.zip',
    multiple: false,
    hint: 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv, or its ZIP.',
  },
  {
    kind: 'icd10cm',
    id: 'import-icd',
    label: 'ICD-10-CM codes (one fiscal year)',
    accept: '.txt,.zip',
    multiple: false,
    hint: 'The yearly codes file, icd10cm-codes-2027.txt (one code a line, then its description), or its ZIP. Each year applies to encounters dated 1 October to 30 September.',
  },
];

const percent = (b: ImportBusy) => (b.total > 0 ? Math.min(100, Math.floor((b.done / b.total) * 100)) : 0);

export function CodeTables({ rows, busy, message, onImport, onUndo }: CodeTablesProps) {
  return (
    <div class="stack">
      <div class="table-wrap">
        <table class="code-tables">
          <caption class="visually-hidden">Code tables in use</caption>
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">In use</th>
              <th scope="col">Size</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-table={r.id}>
                <th scope="row">{r.what}</th>
                <td>
                  <strong class="table-label">{r.label}</strong>
                  {r.when && (
                    <span class="hint" style="display:block">
                      {r.when}
                    </span>
                  )}
                </td>
                <td>{r.size}</td>
                <td>
                  <span class={`badge ${r.imported ? 'on' : 'builtin'}`}>{r.imported ? 'Imported' : 'Built in'}</span>{' '}
                  <span class="hint">{r.source}</span>
                </td>
                <td>
                  {r.undo && (
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => onUndo(r.id)}
                      aria-label={`${r.undo}: ${r.label}`}
                    >
                      {r.undo}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>Import CMS’s files</h3>
      <p class="hint">
        Files are read on this computer and never sent anywhere. A file that is damaged or cut short is refused, naming
        the line, and the tables in use stay as they were.
      </p>
      {PICKERS.map((p) => (
        <div class="field" key={p.kind}>
          <label for={p.id}>{p.label}</label>
          <input
            id={p.id}
            type="file"
            accept={p.accept}
            multiple={p.multiple}
            disabled={busy !== null}
            aria-describedby={`${p.id}-hint`}
            onChange={(e) => {
              const input = e.currentTarget;
              const files = [...(input.files ?? [])];
              input.value = '';
              if (files.length) onImport(p.kind, files);
            }}
          />
          <span id={`${p.id}-hint`} class="hint">
            {p.hint}
          </span>
        </div>
      ))}

      <div class="import-progress" aria-busy={busy !== null}>
        {busy && (
          <>
            <label for="table-progress">{busy.what}</label>{' '}
            <progress
              id="table-progress"
              max={100}
              value={percent(busy)}
              aria-valuetext={`${percent(busy)} percent, ${busy.rows.toLocaleString('en-US')} rows read`}
              style="width:100%"
            />
            <span class="hint">
              {percent(busy)}% · {busy.rows.toLocaleString('en-US')} rows
            </span>
          </>
        )}
      </div>
      <StatusLine id="tables-status" message={message} />
    </div>
  );
}
