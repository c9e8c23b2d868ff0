/**
 * The small, non-blocking question shown in place when the user signs while
 * coding errors remain: review them, or sign anyway (which goes through at once).
 * Only a person's own (trusted) click or key answers it: the EHR page's script
 * cannot sign anyway for them (it cannot reach the closed shadow root either).
 * It answers the user's own click, so as an alertdialog it takes focus, on the
 * safe choice (a keyboard user would otherwise have to Tab through the rest of
 * the EHR screen to reach it); Escape closes it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface SignoffPromptProps {
  errors: number;
  onReview(): void;
  onSignAnyway(): void;
  onClose(): void;
}

export function SignoffPrompt({ errors, onReview, onSignAnyway, onClose }: SignoffPromptProps) {
  const review = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => review.current?.focus({ preventScroll: true }), []);
  return (
    <div
      class="signoff"
      role="alertdialog"
      aria-label="dermlint sign-off check"
      aria-describedby="dl-signoff-text"
      onKeyDown={(e) => {
        if (e.isTrusted && e.key === 'Escape') onClose();
      }}
    >
      <p id="dl-signoff-text">
        <span class="icon" aria-hidden="true">
          ✖
        </span>{' '}
        {errors} coding error{errors === 1 ? '' : 's'} remain{errors === 1 ? 's' : ''}.
      </p>
      <div class="actions">
        <button type="button" class="review" ref={review} onClick={(e) => e.isTrusted && onReview()}>
          Review
        </button>
        <button type="button" class="anyway" onClick={(e) => e.isTrusted && onSignAnyway()}>
          Sign anyway
        </button>
      </div>
    </div>
  );
}
