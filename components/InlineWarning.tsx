/**
 * One finding painted beside its field: a pill (severity colour, icon, the
 * finding's title: what to do, in at most 32 characters)
 * that expands into what is wrong, why, the fix and the reference.
 * Keyboard reachable, announced to screen readers, never takes focus itself.
 * It lives on the EHR's page: only a person's own (trusted) click or key acts on
 * it, never an event the page's script dispatched.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../rules/schema';
import { SEVERITY_ICON, SEVERITY_WORD } from './labels';

export interface InlineWarningProps {
  finding: Finding;
  /** Why the rule exists, in a sentence (the rule's summary). */
  why?: string;
  /** A unique id for aria-controls. */
  uid: string;
  /** Raised by dermlint itself (the review panel's "show on screen"): the card opens. */
  openRequest?: number;
}

export function InlineWarning({ finding, why, uid, openRequest = 0 }: InlineWarningProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (openRequest > 0) setOpen(true);
  }, [openRequest]);
  const cardId = `dl-card-${uid}`;
  // The worker gives every finding a title (a rule's short label where it has none yet).
  const title = finding.title ?? finding.rule;
  return (
    <div
      class={`dl dl-${finding.severity}`}
      onKeyDown={(e) => {
        if (e.isTrusted && e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        class="pill"
        aria-expanded={open}
        aria-controls={cardId}
        aria-label={`${SEVERITY_WORD[finding.severity]}: ${title}. ${finding.message}`}
        title={finding.message}
        onClick={(e) => e.isTrusted && setOpen(!open)}
      >
        <span class="icon" aria-hidden="true">{SEVERITY_ICON[finding.severity]}</span>
        <span class="label">{title}</span>
      </button>
      {open && (
        <div class="card" id={cardId} role="group" aria-label={`${SEVERITY_WORD[finding.severity]} details`}>
          <p class="title">{title}</p>
          <p class="msg">{finding.message}</p>
          {finding.fix && (
            <p class="fix">
              <strong>Fix: </strong>
              {finding.fix}
            </p>
          )}
          {why && (
            <p class="why">
              <strong>Why: </strong>
              {why}
            </p>
          )}
          {finding.reference && <p class="ref">{finding.reference}</p>}
          <p class="rule">
            dermlint · <code>{finding.rule}</code>
          </p>
        </div>
      )}
    </div>
  );
}
