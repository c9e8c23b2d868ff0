/**
 * Dismiss a finding with a reason (the CDS Hooks "override reason"): one of the
 * fixed reasons, or 'other' with the person's own words. Opens inside the
 * finding's card, takes focus, Escape cancels. The comment is kept in the audit
 * log and exported with it: the dialog says so, and refuses one that looks like
 * a patient identifier (lib/comment-check.ts); the worker checks again, with the
 * screen's patient banner, and its refusal is shown here too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DISMISS_REASONS, REASON_LABEL } from '../lib/dismiss-reasons';
import { COMMENT_PROBLEM_TEXT, identifierProblem } from '../lib/comment-check';

export type DismissReason = (typeof DISMISS_REASONS)[number];

export interface DismissDialogProps {
  /** A unique id prefix for the controls. */
  uid: string;
  /** May answer why it was not done (the worker refused the comment): the dialog stays open and says so. */
  onDismiss(reason: DismissReason, comment?: string): Promise<string | null | void> | void;
  onCancel(): void;
  busy?: boolean;
}

const HINT: Record<DismissReason, string> = {
  'documented-separately': 'The note or another claim covers it.',
  'payer-policy': "This payer's policy differs from the rule.",
  'not-applicable': 'The rule does not fit this patient’s situation.',
  other: 'Say why in a few words (no patient details).',
};

export function DismissDialog({ uid, onDismiss, onCancel, busy }: DismissDialogProps) {
  const [reason, setReason] = useState<DismissReason | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The problem is the comment's (it is marked invalid and gets focus). */
  const [commentProblem, setCommentProblem] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => first.current?.focus(), []);

  function refuseComment(text: string) {
    setProblem(text);
    setCommentProblem(true);
    commentRef.current?.focus();
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!reason) {
      setProblem('Choose a reason.');
      setCommentProblem(false);
      first.current?.focus();
      return;
    }
    const text = comment.trim();
    if (reason === 'other' && !text) return refuseComment('Say why, in a few words.');
    const identifier = text ? identifierProblem(text) : null;
    if (identifier) return refuseComment(COMMENT_PROBLEM_TEXT[identifier]);
    setProblem(null);
    setCommentProblem(false);
    const refused = await onDismiss(reason, text ? text.slice(0, 500) : undefined);
    if (refused) refuseComment(refused);
  }

  return (
    <form
      class="dismiss-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <fieldset aria-describedby={problem ? `${uid}-problem` : undefined}>
        <legend>Why dismiss this finding?</legend>
        {DISMISS_REASONS.map((r, i) => (
          <label class="check" key={r}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={`${uid}-reason`}
              value={r}
              checked={reason === r}
              onChange={() => {
                setReason(r);
                setProblem(null);
              }}
            />
            <span>
              {REASON_LABEL[r]}
              <span class="hint"> — {HINT[r]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${uid}-comment`}>Comment{reason === 'other' ? ' (required)' : ' (optional)'}</label>
        <textarea
          id={`${uid}-comment`}
          ref={commentRef}
          maxLength={500}
          rows={2}
          value={comment}
          aria-invalid={commentProblem}
          aria-describedby={`${uid}-comment-hint`}
          onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
        />
        <span id={`${uid}-comment-hint`} class="hint">
          Kept in the audit log on this computer and exported with it. Do not enter patient details: no names, record
          numbers, dates of birth or other numbers of five digits or more.
        </span>
      </div>
      <p id={`${uid}-problem`} class="error-text" role="alert">
        {problem ?? ''}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Dismiss
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
