/**
 * Every finding of the open encounter, grouped by line (code, modifiers, units,
 * the site's group — never the site as typed), with a filter. Pure: data and callbacks in, nothing else.
 */
import type { FindingView, LineView, TabState } from '../lib/messages';
import { FindingCard } from './FindingCard';
import type { DismissReason } from './DismissDialog';
import { bySeverity } from './finding-labels';
import { lineCodeText, lineName, SITE_GROUP_NAME } from './encounter-labels';

const FILTERS = ['all', 'error', 'warning', 'info', 'dismissed'] as const;
export type ReviewFilter = (typeof FILTERS)[number];

const FILTER_LABEL: Record<ReviewFilter, string> = {
  all: 'All',
  error: 'Errors',
  warning: 'Warnings',
  info: 'Needs review',
  dismissed: 'Dismissed',
};

function applyFilter(findings: readonly FindingView[], filter: ReviewFilter): FindingView[] {
  if (filter === 'all') return [...findings];
  if (filter === 'dismissed') return findings.filter((f) => f.dismissed);
  return findings.filter((f) => !f.dismissed && f.severity === filter);
}

export interface ReviewFilterBarProps {
  state: Pick<TabState, 'findings'>;
  filter: ReviewFilter;
  onFilter(filter: ReviewFilter): void;
}

/** Radio buttons styled as a segmented control: arrow keys move between them. */
export function ReviewFilterBar({ state, filter, onFilter }: ReviewFilterBarProps) {
  return (
    <fieldset>
      <legend class="visually-hidden">Show</legend>
      <div class="segmented">
        {FILTERS.map((f) => (
          <label key={f}>
            <input type="radio" name="review-filter" value={f} checked={filter === f} onChange={() => onFilter(f)} />
            {FILTER_LABEL[f]} <span class="k">{applyFilter(state.findings, f).length}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface ReviewListProps {
  state: Pick<TabState, 'lines' | 'findings'>;
  filter: ReviewFilter;
  onReveal(finding: FindingView): void;
  onDismiss(finding: FindingView, reason: DismissReason, comment?: string): Promise<string | null | void> | void;
  onUndismiss(finding: FindingView): void;
  /** Keys of findings with a request under way. */
  busy?: ReadonlySet<string>;
}

function LineHead({ index, line }: { index: number | null; line: LineView | undefined }) {
  return (
    <h2 class="line-head" id={`line-${index ?? 'enc'}`}>
      <span>{lineName(index)}</span>
      {index === null ? (
        <span class="facts">diagnoses and the claim as a whole</span>
      ) : line ? (
        <>
          <span class="code mono">{line.code || '(no code)'}</span>
          <span class="facts">
            {line.modifiers.length ? `mod ${line.modifiers.join(' ')}` : 'no modifiers'} · {line.units}{' '}
            {line.units === 1 ? 'unit' : 'units'}
            {line.siteGroup ? ` · ${SITE_GROUP_NAME[line.siteGroup]}` : ''}
            {line.billTo === 'patient' ? ' · billed to patient' : ''}
          </span>
        </>
      ) : null}
    </h2>
  );
}

export function ReviewList({ state, filter, onReveal, onDismiss, onUndismiss, busy }: ReviewListProps) {
  const shown = applyFilter(state.findings, filter);
  const groups = new Map<number | null, FindingView[]>();
  for (const f of shown) {
    const g = groups.get(f.line);
    if (g) g.push(f);
    else groups.set(f.line, [f]);
  }
  // Encounter-level findings first, then lines in screen order; open findings before dismissed ones.
  const order = [...groups.keys()].sort((a, b) => (a ?? -1) - (b ?? -1));
  const clean = state.lines.map((l, i) => ({ l, i })).filter(({ i }) => !state.findings.some((f) => f.line === i));

  if (shown.length === 0) {
    return (
      <div class="empty" role="status">
        <strong>
          {state.findings.length === 0 ? 'Nothing found' : `No ${FILTER_LABEL[filter].toLowerCase()} findings`}
        </strong>
        {state.findings.length === 0
          ? `dermlint checked ${state.lines.length} ${state.lines.length === 1 ? 'line' : 'lines'} and found nothing to flag.`
          : 'Choose “All” to see the rest.'}
      </div>
    );
  }

  return (
    <div>
      {order.map((line) => {
        const items = groups
          .get(line)!
          .sort((a, b) => Number(Boolean(a.dismissed)) - Number(Boolean(b.dismissed)) || bySeverity(a, b));
        return (
          <section class="line-group" key={String(line)} aria-labelledby={`line-${line ?? 'enc'}`}>
            <LineHead index={line} line={line === null ? undefined : state.lines[line]} />
            {items.map((f) => (
              <FindingCard
                key={f.key}
                uid={`f-${hashKey(f.key)}`}
                finding={f}
                busy={busy?.has(f.key)}
                onReveal={() => onReveal(f)}
                onDismiss={(reason, comment) => onDismiss(f, reason, comment)}
                onUndismiss={() => onUndismiss(f)}
              />
            ))}
          </section>
        );
      })}
      {filter === 'all' && clean.length > 0 && (
        <p class="small muted">
          Nothing found on {clean.length === 1 ? 'line' : 'lines'}{' '}
          {clean.map(({ l, i }) => `${i + 1} (${lineCodeText(l)})`).join(', ')}.
        </p>
      )}
    </div>
  );
}

/** Finding keys hold '|' and codes; ids need something tamer. */
function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
