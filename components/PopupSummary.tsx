/** The popup: the current tab's counts and top findings, and the way into the review panel. */
import type { FindingView } from '../lib/messages';
import { SeverityCounts } from './SeverityCounts';
import { SeverityIcon } from './SeverityIcon';
import { TabStatusNotice, type TabView } from './TabStatus';
import { lineName, payerText } from './encounter-labels';
import { bySeverity, SEVERITY_WORD } from './finding-labels';

export interface PopupSummaryProps {
  view: TabView;
  onOpenPanel(): void;
  onOpenOptions(): void;
  /** Why the panel could not open, if it could not. */
  panelError?: string | null;
  /** How many findings to list. */
  top?: number;
  /** Something wrong with dermlint itself (e.g. it could not start on the added hosts), shown whatever the tab. */
  problem?: string | null;
  /** "Teach dermlint this screen" (absent where the tab is no web page). */
  onTeach?(): void;
  /** Why teaching could not start, said where the user clicked. */
  teachError?: string | null;
}

export function PopupSummary({
  view,
  onOpenPanel,
  onOpenOptions,
  panelError,
  top = 5,
  problem,
  onTeach,
  teachError,
}: PopupSummaryProps) {
  const open: FindingView[] =
    view.kind === 'ok' ? view.state.findings.filter((f) => !f.dismissed).sort(bySeverity) : [];
  const canOpenPanel = view.kind === 'ok' || view.kind === 'unreadable' || view.kind === 'no-encounter';
  return (
    <main class="popup-main">
      <div class="row spread">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true">
            d
          </span>
          dermlint
        </h1>
        {view.kind === 'ok' && <span class="small muted">Payer: {payerText(view.state)}</span>}
      </div>
      <div class="stack" style={{ marginTop: '8px' }}>
        {problem && (
          <p class="notice bad" role="alert">
            {problem}
          </p>
        )}
        {view.kind === 'ok' ? (
          <>
            {view.state.stateError && (
              <p class="notice warn" role="alert">
                {view.state.stateError}.
              </p>
            )}
            <SeverityCounts counts={view.state.counts} />
            {open.length === 0 ? (
              <p class="notice" role="status">
                Nothing to fix on this encounter
                {view.state.counts.dismissed ? ` (${view.state.counts.dismissed} dismissed)` : ''}.
              </p>
            ) : (
              <section aria-labelledby="top-h">
                <h2 id="top-h" class="visually-hidden">
                  Top findings
                </h2>
                <ul class="top-findings">
                  {open.slice(0, top).map((f) => (
                    <li key={f.key} class={`sev-${f.severity}`}>
                      <SeverityIcon severity={f.severity} />
                      <span>
                        <span class="visually-hidden">{SEVERITY_WORD[f.severity]}: </span>
                        <span class="where">{lineName(f.line)}</span> <span class="clamp">{f.message}</span>
                      </span>
                    </li>
                  ))}
                </ul>
                {open.length > top && <p class="small muted">and {open.length - top} more in the review panel.</p>}
              </section>
            )}
          </>
        ) : (
          <TabStatusNotice view={view} onOpenOptions={onOpenOptions} />
        )}
      </div>
      <div class="popup-actions">
        {canOpenPanel && (
          <button type="button" class="primary" onClick={onOpenPanel}>
            Open review panel
          </button>
        )}
        <button type="button" onClick={onOpenOptions}>
          Options
        </button>
      </div>
      {onTeach && (
        <div class="teach-action">
          <button type="button" class="link" onClick={onTeach}>
            Teach dermlint this screen
          </button>
          <span class="small muted"> — click the fields of a claim screen dermlint does not read yet</span>
        </div>
      )}
      <p class="status bad" role="status" aria-live="polite">
        {teachError ?? panelError ?? ''}
      </p>
    </main>
  );
}
