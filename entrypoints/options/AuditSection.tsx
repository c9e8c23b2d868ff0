/** "Audit log": dismissals, sign-offs with errors remaining and one-click fixes, as the worker keeps them; export and clear. */
import { useEffect, useState } from 'preact/hooks';
import type { Dismissal, FixRecord } from '../../lib/background/dismissals';
import { auditToCsv, downloadText, exportFileName } from '../../lib/export';
import { RULES } from '../../rules/catalog/index';
import { AuditTable } from '../../components/AuditTable';
import { ask } from '../../lib/tab-view';

const RULE_SUMMARY: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.summary]));

export function AuditSection() {
  const [dismissals, setDismissals] = useState<Dismissal[] | null>(null);
  const [fixes, setFixes] = useState<FixRecord[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    const reply = await ask({ type: 'audit' });
    if (reply.ok) {
      setDismissals(reply.dismissals ?? []);
      setFixes(reply.fixes ?? []);
      setError(null);
    } else setError(`The audit log could not be read: ${reply.error}`);
  }

  useEffect(() => void load(), []);

  return (
    <section id="audit" class="card" aria-labelledby="audit-h">
      <h2 id="audit-h">Audit log</h2>
      <p class="hint">
        Every dismissed finding, every sign-off with errors remaining and every one-click fix: rule, code, reason or
        change, and when. Kept on this computer only; no patient details.
      </p>
      <AuditTable
        dismissals={dismissals}
        fixes={fixes}
        error={error}
        ruleSummary={RULE_SUMMARY}
        onRefresh={() => void load()}
        onExport={() =>
          dismissals && downloadText(exportFileName('audit', 'csv'), auditToCsv(dismissals, fixes), 'text/csv')
        }
        onClear={async () => {
          const reply = await ask({ type: 'clear-audit' });
          if (!reply.ok) setError(`The audit log was not cleared: ${reply.error}`);
          await load();
        }}
      />
    </section>
  );
}
