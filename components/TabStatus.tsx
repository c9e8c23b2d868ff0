/** What the popup and the side panel say when there is no review list to show. */
import type { TabState } from '../lib/messages';

export type TabView =
  | { kind: 'loading' }
  /** The worker could not be asked (it answered with an error, or not at all). */
  | { kind: 'error'; message: string }
  /** Not an EHR host dermlint is enabled on (or a browser page). */
  | { kind: 'not-enabled'; host?: string }
  /** An enabled host, but no encounter screen has been read in this tab. */
  | { kind: 'no-encounter'; host?: string }
  | { kind: 'unreadable'; state: TabState }
  | { kind: 'ok'; state: TabState };

export interface TabStatusNoticeProps {
  view: Exclude<TabView, { kind: 'ok' }>;
  onOpenOptions?(): void;
}

export function TabStatusNotice({ view, onOpenOptions }: TabStatusNoticeProps) {
  switch (view.kind) {
    case 'loading':
      return (
        <div class="empty" role="status">
          Reading this tab…
        </div>
      );
    case 'error':
      return (
        <div class="notice bad" role="alert">
          <h2>dermlint is not answering</h2>
          <p>{view.message}</p>
          <p class="small">Reload the EHR tab; if it persists, reload the extension.</p>
        </div>
      );
    case 'not-enabled':
      if (!view.host) {
        return (
          <div class="notice" role="status">
            <h2>Nothing read on this tab</h2>
            <p>
              dermlint checks encounters on the EHR hosts it is enabled for, once an encounter’s billing or charge
              screen is open.
            </p>
            {onOpenOptions && (
              <p class="small">
                Your EHR not covered?{' '}
                <button type="button" class="link" onClick={onOpenOptions}>
                  Open the options
                </button>{' '}
                to add its host.
              </p>
            )}
          </div>
        );
      }
      return (
        <div class="notice" role="status">
          <h2>Not an enabled EHR screen</h2>
          <p>
            dermlint reads encounters only on the EHR hosts it is enabled for
            {view.host ? (
              <>
                ; <code>{view.host}</code> is not one of them
              </>
            ) : null}
            .
          </p>
          {onOpenOptions && (
            <p class="small">
              To add your EHR,{' '}
              <button type="button" class="link" onClick={onOpenOptions}>
                open the options
              </button>{' '}
              and add its host under “Enabled EHR hosts”.
            </p>
          )}
        </div>
      );
    case 'no-encounter':
      return (
        <div class="notice" role="status">
          <h2>No encounter on this screen yet</h2>
          <p>
            Open an encounter’s billing or charge screen
            {view.host ? (
              <>
                {' '}
                on <code>{view.host}</code>
              </>
            ) : null}
            ; dermlint checks it as soon as it appears.
          </p>
        </div>
      );
    case 'unreadable':
      return (
        <div class="notice warn" role="status">
          <h2>dermlint could not read this screen</h2>
          <p>{view.state.reason || 'The screen is not laid out the way dermlint expects.'}</p>
          <p class="small">
            Nothing was checked, so no warnings are shown. Reader: <code>{view.state.adapter}</code>.
          </p>
        </div>
      );
  }
}
