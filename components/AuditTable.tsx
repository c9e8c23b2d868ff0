/**
 * The audit log: which rules were overridden, why and when — for a compliance
 * officer. A summary by rule, then every dismissal, newest first, then every
 * one-click fix (what it changed and whether the screen took it).
 */
import { useState } from 'preact/hooks';
import { FIX_OUTCOME_LABEL, REASON_LABEL, fixActionText } from '../lib/dismiss-reasons';
import type { Dismissal, FixRecord } from '../lib/background/dismissals';
import { shortTime } from './time-text';

export interface AuditTableProps {
  dismissals: readonly Dismissal[] | null;
  /** One-click fixes, oldest first. */
  fixes?: readonly FixRecord[];
  /** rule id → its summary. */
  ruleSummary: Readonly<Record<string, string>>;
  onExport(): void;
  onClear(): void;
  onRefresh(): void;
  error?: string | null;
}

const REASONS = ['documented-separately', 'payer-policy', 'not-applicable', 'other', 'signed-anyway'] as const;
const SHORT_REASON: Record<(typeof REASONS)[number], string> = {
  'documented-separately': 'Documented',
  'payer-policy': 'Payer policy',
  'not-applicable': 'Not applicable',
  other: 'Other',
  'signed-anyway': 'Signed anyway',
};

export function AuditTable({
  dismissals,
  fixes = [],
  ruleSummary,
  onExport,
  onClear,
  onRefresh,
  error,
}: AuditTableProps) {
  const [confirming, setConfirming] = useState(false);
  if (error) return <p class="notice bad">{error}</p>;
  if (!dismissals) return <p class="muted">Loading the audit log…</p>;

  const byRule = new Map<string, Record<string, number> & { total: number }>();
  for (const d of dismissals) {
    const row = byRule.get(d.rule) ?? { total: 0 };
    row.total++;
    row[d.reason] = (row[d.reason] ?? 0) + 1;
    byRule.set(d.rule, row);
  }
  const ruleRows = [...byRule.entries()].sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1));
  const usedReasons = REASONS.filter((r) => dismissals.some((d) => d.reason === r));
  const log = [...dismissals].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const entries = dismissals.length + fixes.length;
  const fixLog = [...fixes].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const ruleText = (rule: string) => (rule === 'signoff' ? 'Sign-off with errors remaining' : ruleSummary[rule]);

  return (
    <div class="stack">
      <div class="row">
        <button type="button" onClick={onExport} disabled={entries === 0}>
          Export CSV
        </button>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={() => (setConfirming(false), onClear())}>
              Delete all {entries} entries
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={entries === 0}>
            Clear the log…
          </button>
        )}
      </div>
      {entries === 0 && (
        <p class="hint">
          Nothing yet. When someone dismisses a finding in the review panel, signs with errors remaining, or fixes a
          finding in one click, it is listed here.
        </p>
      )}
      {dismissals.length > 0 && (
        <>
          <h3>Overrides by rule</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">How often each rule was overridden, by reason</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col" class="num">
                    Total
                  </th>
                  {usedReasons.map((r) => (
                    <th scope="col" class="num" key={r}>
                      {SHORT_REASON[r]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ruleRows.map(([rule, row]) => (
                  <tr key={rule}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      <code>{rule}</code>
                      {ruleText(rule) && (
                        <span class="hint" style={{ display: 'block' }}>
                          {ruleText(rule)}
                        </span>
                      )}
                    </th>
                    <td class="num">
                      <strong>{row.total}</strong>
                    </td>
                    {usedReasons.map((r) => (
                      <td class="num" key={r}>
                        {row[r] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Every dismissal ({dismissals.length})</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Dismissals, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Code</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {log.map((d) => (
                  <tr key={d.key}>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={d.at}>{shortTime(d.at)}</time>
                    </td>
                    <td>
                      <code>{d.rule}</code>
                    </td>
                    <td>{d.code ? <code>{d.code}</code> : <span class="muted">encounter</span>}</td>
                    <td>
                      {REASON_LABEL[d.reason]}
                      {d.reason === 'signed-anyway' ? ` (${d.subject})` : ''}
                      {d.comment ? <span class="muted">: “{d.comment}”</span> : null}
                      {d.undoneAt ? <span class="muted"> — undone {shortTime(d.undoneAt)}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {fixes.length > 0 && (
        <>
          <h3>One-click fixes ({fixes.length})</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">One-click fixes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Change</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {fixLog.map((f) => (
                  <tr key={f.key} data-kind="fix">
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={f.at}>{shortTime(f.at)}</time>
                    </td>
                    <td>
                      <code>{f.rule}</code>
                      {f.messageId && (
                        <span class="hint" style={{ display: 'block' }}>
                          {f.messageId}
                        </span>
                      )}
                    </td>
                    <td>{f.actions.map(fixActionText).join('; ')}</td>
                    <td>{FIX_OUTCOME_LABEL[f.outcome]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
