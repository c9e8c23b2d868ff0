/** The side panel: the open encounter's review list with its counts, filter and exports. */
import type { FindingView } from '../lib/messages';
import { SeverityCounts } from './SeverityCounts';
import { ReviewFilterBar, ReviewList, type ReviewFilter } from './ReviewList';
import { TabStatusNotice, type TabView } from './TabStatus';
import type { DismissReason } from './DismissDialog';
import { StatusLine, type StatusMessage } from './StatusLine';
import { payerText } from './encounter-labels';
import { shortTime } from './time-text';

export interface ReviewPanelProps {
  view: TabView;
  filter: ReviewFilter;
  onFilter(filter: ReviewFilter): void;
  onReveal(finding: FindingView): void;
  /** May answer why it was not done (the worker refused the comment): the dialog shows it. */
  onDismiss(finding: FindingView, reason: DismissReason, comment?: string): Promise<string | null | void> | void;
  onUndismiss(finding: FindingView): void;
  onExportCsv(): void;
  onExportJson(): void;
  onOpenOptions(): void;
  busy?: ReadonlySet<string>;
  /** The last action's outcome, announced politely. */
  status?: StatusMessage | null;
}

export function ReviewPanel(props: ReviewPanelProps) {
  const { view, filter, onFilter, status } = props;
  const state = view.kind === 'ok' ? view.state : null;
  return (
    <div class="panel">
      <header class="panel-head">
        <div class="row spread">
          <h1 class="brand">
            <span class="brand-mark" aria-hidden="true">
              d
            </span>
            Review list
          </h1>
          <button type="button" class="link small" onClick={props.onOpenOptions}>
            Options
          </button>
        </div>
        {state && (
          <>
            <p class="meta">
              {state.lines.length} {state.lines.length === 1 ? 'line' : 'lines'} · payer {payerText(state)}
              {state.noteChars ? ` · note read: ${state.noteChars} characters` : ''}
              {state.history
                ? ` · visit history: ${state.history} prior ${state.history === 1 ? 'service' : 'services'}`
                : ''}{' '}
              · read <time dateTime={state.updatedAt}>{shortTime(state.updatedAt)}</time>
            </p>
            {state.stateError && (
              <p class="notice warn" role="alert">
                {state.stateError}.
              </p>
            )}
            <SeverityCounts counts={state.counts} />
            <div class="toolbar">
              <ReviewFilterBar state={state} filter={filter} onFilter={onFilter} />
              <div class="row" role="group" aria-label="Export the review list">
                <button
                  type="button"
                  onClick={props.onExportCsv}
                  disabled={state.findings.length === 0}
                  title="Spreadsheet: rule, severity, line, code, message, fix, reference, dismissal"
                >
                  Export CSV
                </button>
                <button type="button" onClick={props.onExportJson} title="The command line's JSON format">
                  Export JSON
                </button>
              </div>
            </div>
          </>
        )}
        <StatusLine message={status} />
      </header>
      <main class="panel-body">
        {state ? (
          <ReviewList
            state={state}
            filter={filter}
            onReveal={props.onReveal}
            onDismiss={props.onDismiss}
            onUndismiss={props.onUndismiss}
            busy={props.busy}
          />
        ) : (
          <TabStatusNotice view={view as Exclude<TabView, { kind: 'ok' }>} onOpenOptions={props.onOpenOptions} />
        )}
      </main>
    </div>
  );
}
