/**
 * "Code tables": lists the tables in use (IndexedDB
 * for the imported ones), imports CMS's files through lib/tables/run-import
 * (a Web Worker reads and stores them), and tells the background worker by
 * bumping storage.local[TABLES_CHANGED_KEY].
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CodeTables, type ImportBusy, type TableRow } from '../../components/CodeTables';
import type { StatusMessage } from '../../components/StatusLine';
import { BUILTIN_TABLES } from '../../lib/tables/builtin';
import { importTable } from '../../lib/tables/run-import';
import { openTableStore } from '../../lib/tables/store';
import { TABLES_CHANGED_KEY, type TableInfo, type TableKind } from '../../lib/tables/types';
import { decodeIcdTable } from '../../rules/icd10cm/index';
import { FY2026_TABLE } from '../../rules/icd10cm/fy2026.generated';

const TABLE_KIND_NAME: Record<TableKind, string> = {
  ptp: 'NCCI PTP edits (practitioner)',
  mue: 'NCCI MUE (practitioner services)',
  icd10cm: 'ICD-10-CM code set',
};

/** 1,728,585 → '1.7 M'; 15,095 → '15,095'. */
function formatCount(n: number, unit: 'pairs' | 'codes'): string {
  return n >= 1_000_000
    ? `${(n / 1_000_000).toFixed(1)} M ${unit}`
    : `${n.toLocaleString('en-US')} ${n === 1 ? unit.slice(0, -1) : unit}`;
}

const localTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
};
const fileList = (files: readonly string[]) =>
  files.length > 2 ? `${files[0]} … ${files[files.length - 1]}` : files.join(', ');
const inForce = (from?: string, to?: string) => (from && to ? `in force ${from} to ${to}` : undefined);

function importedRow(info: TableInfo, undo: string): TableRow {
  const period = info.kind === 'icd10cm' ? inForce(info.from, info.to) : info.from ? `from ${info.from}` : undefined;
  return {
    id: info.id,
    kind: info.kind,
    what: TABLE_KIND_NAME[info.kind],
    label: info.label,
    size: formatCount(info.rows, info.unit),
    source: `${localTime(info.importedAt)}, from ${fileList(info.files)}`,
    ...(period ? { when: period } : {}),
    imported: true,
    undo,
  };
}

function builtinRow(kind: TableKind, icdCodes: () => number): TableRow {
  const b = BUILTIN_TABLES[kind];
  const rows = b.rows ?? icdCodes();
  return {
    id: kind === 'icd10cm' ? 'builtin-icd10cm' : kind,
    kind,
    what: TABLE_KIND_NAME[kind],
    label: b.label,
    size: formatCount(rows, b.unit),
    source: b.scope,
    ...(kind === 'icd10cm' ? { when: inForce(b.from, b.to)! } : {}),
    imported: false,
  };
}

function tableRows(infos: readonly TableInfo[], icdCodes: () => number): TableRow[] {
  const byId = new Map(infos.map((i) => [i.id, i]));
  const rows: TableRow[] = [];
  for (const kind of ['ptp', 'mue'] as const) {
    const info = byId.get(kind);
    rows.push(info ? importedRow(info, 'Restore built-in') : builtinRow(kind, icdCodes));
  }
  const icd = infos.filter((i) => i.kind === 'icd10cm').sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
  if (!icd.some((i) => i.from === BUILTIN_TABLES.icd10cm.from)) rows.push(builtinRow('icd10cm', icdCodes));
  for (const info of icd)
    rows.push(importedRow(info, info.from === BUILTIN_TABLES.icd10cm.from ? 'Restore built-in' : 'Remove'));
  return rows;
}

async function announceChange(): Promise<void> {
  await browser.storage.local.set({ [TABLES_CHANGED_KEY]: `${Date.now()}` });
}

export function CodeTablesSection() {
  const store = useMemo(() => openTableStore(), []);
  const [infos, setInfos] = useState<TableInfo[] | null>(null);
  const [busy, setBusy] = useState<ImportBusy | null>(null);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const icdCodes = useMemo(() => {
    let n: number | undefined;
    return () => (n ??= decodeIcdTable(FY2026_TABLE).length);
  }, []);

  const refresh = () =>
    store.list().then(setInfos, (e: Error) => {
      setInfos([]);
      setMessage({ text: `The imported tables could not be read: ${e.message}`, bad: true });
    });

  useEffect(() => {
    void refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && TABLES_CHANGED_KEY in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  async function onImport(kind: TableKind, files: File[]) {
    setMessage(null);
    setBusy({ kind, what: `Reading ${files[0]!.name}`, done: 0, total: 1, rows: 0 });
    try {
      const { info, ignored } = await importTable(kind, files, (p) =>
        setBusy({ kind, what: `Reading ${p.file}`, done: p.done, total: p.total, rows: p.rows }),
      );
      await announceChange();
      await refresh();
      setMessage({
        text: `Imported ${info.label}: ${formatCount(info.rows, info.unit)}${info.kind === 'icd10cm' ? `, for encounters dated ${info.from} to ${info.to}` : ''}. The rules use it from now on.${
          ignored.length ? ` Not read: ${ignored.join(', ')}.` : ''
        }`,
      });
    } catch (e) {
      setMessage({ text: `Nothing changed: ${(e as Error).message}`, bad: true });
    } finally {
      setBusy(null);
    }
  }

  async function onUndo(id: string) {
    const info = infos?.find((i) => i.id === id);
    if (!info) return;
    try {
      await store.remove(id);
      await announceChange();
      await refresh();
      const builtin =
        info.kind === 'icd10cm'
          ? info.from === BUILTIN_TABLES.icd10cm.from
            ? BUILTIN_TABLES.icd10cm
            : null
          : BUILTIN_TABLES[info.kind];
      setMessage({
        text: builtin
          ? `Removed ${info.label}: the built-in ${builtin.label} is in use again.`
          : `Removed ${info.label}.`,
      });
    } catch (e) {
      setMessage({ text: `Not removed: ${(e as Error).message}`, bad: true });
    }
  }

  return (
    <section id="tables" class="card" aria-labelledby="tables-h">
      <h2 id="tables-h">Code tables</h2>
      <p class="hint">
        The NCCI edits and the ICD-10-CM code sets the rules check against. dermlint ships a dermatology subset of the
        NCCI tables and the FY2026 code set; import CMS’s own files each quarter (NCCI) or year (ICD-10-CM).
      </p>
      {infos === null ? (
        <p role="status">Loading code tables…</p>
      ) : (
        <CodeTables
          rows={tableRows(infos, icdCodes)}
          busy={busy}
          message={message}
          onImport={(k, f) => void onImport(k, f)}
          onUndo={(id) => void onUndo(id)}
        />
      )}
    </section>
  );
}
