/** The tab's counts: errors, warnings, needs review, dismissed. */
import type { TabState } from '../lib/messages';

export interface SeverityCountsProps {
  counts: TabState['counts'];
}

const ITEMS = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['info', 'Needs review'],
  ['dismissed', 'Dismissed'],
] as const;

export function SeverityCounts({ counts }: SeverityCountsProps) {
  return (
    <ul class="counts" aria-label="Findings on this encounter">
      {ITEMS.map(([key, word]) => (
        <li key={key} class={`c-${key}${counts[key] === 0 ? ' zero' : ''}`}>
          <span class="n">{counts[key]}</span>
          <span class="what">{word}</span>
        </li>
      ))}
    </ul>
  );
}
