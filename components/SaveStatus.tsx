/** The options page's corner note: what the last change of settings came to, with an Undo while one is offered. */
import { StatusLine, type StatusMessage } from './StatusLine';

export interface SaveStatusProps {
  message: StatusMessage | null;
  /** Set while the last change can be undone (a preset just applied). */
  onUndo?: (() => void) | null;
}

export function SaveStatus({ message, onUndo }: SaveStatusProps) {
  return (
    <div class="save-status">
      <StatusLine message={message}>
        {onUndo && message && !message.bad && (
          <>
            {' '}
            <button type="button" class="link" onClick={onUndo}>
              Undo
            </button>
          </>
        )}
      </StatusLine>
    </div>
  );
}
