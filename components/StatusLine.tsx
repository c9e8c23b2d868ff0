/** The one-line outcome of the last action beside a form (announced politely to screen readers). */
import type { ComponentChildren } from 'preact';

/** What an action came to: a success (fades or stays, as the caller decides) or a failure (`bad`). */
export interface StatusMessage {
  text: string;
  bad?: boolean;
}

export interface StatusLineProps {
  message: StatusMessage | null | undefined;
  id?: string;
  /** Shown after the text (the corner note's Undo). */
  children?: ComponentChildren;
}

export function StatusLine({ message, id, children }: StatusLineProps) {
  return (
    <p id={id} class={`status${message?.bad ? ' bad' : message ? ' ok' : ''}`} role="status" aria-live="polite">
      {message?.text ?? ''}
      {children}
    </p>
  );
}
