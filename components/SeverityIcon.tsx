/** The severity's icon and word, as the inline warnings show them. */
import type { Severity } from '../rules/schema';
import { SEVERITY_ICON, SEVERITY_WORD } from './finding-labels';

export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span class={`sev-icon sev-${severity}`} aria-hidden="true">
      {SEVERITY_ICON[severity]}
    </span>
  );
}

export function SeverityWord({ severity }: { severity: Severity }) {
  return <span class="sev-word">{SEVERITY_WORD[severity]}</span>;
}
