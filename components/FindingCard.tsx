/**
 * One finding in the review list: what is wrong, the fix, why the rule exists
 * and its reference. Clicking it shows the line on the EHR screen; it can be
 * dismissed with a reason, and a dismissal undone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FindingView } from '../lib/messages';
import { REASON_LABEL } from '../lib/dismiss-reasons';
import { shortLabel } from './finding-labels';
import { SeverityIcon, SeverityWord } from './SeverityIcon';
import { DismissDialog, type DismissReason } from './DismissDialog';
import { shortTime } from './time-text';

export interface FindingCardProps {
  finding: FindingView;
  uid: string;
  onReveal(): void;
  /** May answer why it was not done (shown in the dialog, which stays open). */
  onDismiss(reason: DismissReason, comment?: string): Promise<string | null | void> | void;
  onUndismiss(): void;
  /** A request for this finding is under way. */
  busy?: boolean;
}

export function FindingCard({ finding, uid, onReveal, onDismiss, onUndismiss, busy }: FindingCardProps) {
  const [asking, setAsking] = useState(false);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const wasDismissed = useRef(Boolean(finding.dismissed));

  // Keep focus where the person is working when the card changes state under them.
  useEffect(() => {
    const now = Boolean(finding.dismissed);
    if (now !== wasDismissed.current) {
      wasDismissed.current = now;
      if (now && document.activeElement === document.body) undoButton.current?.focus();
      if (!now && document.activeElement === document.body) dismissButton.current?.focus();
    }
  }, [finding.dismissed]);

  const d = finding.dismissed;
  return (
    <article class={`finding sev-${finding.severity}${d ? ' is-dismissed' : ''}`} aria-labelledby={`${uid}-msg`}>
      <button type="button" class="reveal" onClick={onReveal} title="Show this line on the EHR screen">
        <SeverityIcon severity={finding.severity} />
        <span>
          <span class="head-line">
            <SeverityWord severity={finding.severity} />
            <span class="tag">{shortLabel(finding.rule)}</span>
            {d && <span class="tag">Dismissed</span>}
          </span>
          <span class="message" id={`${uid}-msg`}>
            {finding.message}
          </span>
          <span class="visually-hidden"> (show on screen)</span>
        </span>
      </button>
      <div class="details">
        {finding.fix && (
          <p>
            <strong>Fix: </strong>
            {finding.fix}
          </p>
        )}
        {finding.why && (
          <p>
            <strong>Why: </strong>
            {finding.why}
          </p>
        )}
        {finding.reference && <p class="ref">{finding.reference}</p>}
        <p class="rule-id">
          Rule <code>{finding.rule}</code>
        </p>
        {d ? (
          <div class="actions">
            <span class="dismissed-note">
              Dismissed: {REASON_LABEL[d.reason]}
              {d.comment ? ` — “${d.comment}”` : ''} · <time dateTime={d.at}>{shortTime(d.at)}</time>
            </span>
            <button type="button" ref={undoButton} onClick={onUndismiss} disabled={busy}>
              Undo dismissal
            </button>
          </div>
        ) : asking ? (
          <DismissDialog
            uid={uid}
            busy={busy}
            onCancel={() => {
              setAsking(false);
              setTimeout(() => dismissButton.current?.focus(), 0);
            }}
            onDismiss={async (reason, comment) => {
              const refused = await onDismiss(reason, comment);
              if (!refused) setAsking(false);
              return refused;
            }}
          />
        ) : (
          <div class="actions">
            <button
              type="button"
              ref={dismissButton}
              onClick={() => setAsking(true)}
              disabled={busy}
              aria-label={`Dismiss: ${finding.message}`}
            >
              Dismiss…
            </button>
          </div>
        )}
      </div>
    </article>
  );
}
