/**
 * The EHR hosts dermlint runs on: the built-in ones (always on) and the ones a
 * person added, each with whether the browser granted access. Adding calls
 * back synchronously, so the caller can ask for the permission inside the click.
 */
import { useState } from 'preact/hooks';
import { hostPatternError, toHostPattern } from '../lib/extra-hosts';
import { StatusLine, type StatusMessage } from './StatusLine';

interface ExtraHost {
  pattern: string;
  /** The browser's host permission for it (undefined while unknown). */
  granted?: boolean;
}

export interface HostListProps {
  builtin: readonly string[];
  extra: readonly ExtraHost[];
  /**
   * Called inside the click (the browser shows its permission prompt only then); resolves to why the
   * host was not added, or null. The box keeps what was typed until the host is in.
   */
  onAdd(pattern: string): Promise<string | null> | void;
  onRemove(pattern: string): void;
  /** Ask again for a host whose permission was withdrawn (e.g. in chrome://extensions). */
  onGrant(pattern: string): void;
  /** Outcome of the last add/remove, shown beside the form. */
  message?: StatusMessage | null;
}

export function HostList({ builtin, extra, onAdd, onRemove, onGrant, message }: HostListProps) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pattern = toHostPattern(input);

  function submit(e: Event) {
    e.preventDefault();
    if (!pattern) return setProblem('Type the EHR’s host, e.g. ehr.example.com.');
    const error = hostPatternError(pattern);
    if (error) return setProblem(error);
    if (builtin.includes(pattern) || extra.some((h) => h.pattern === pattern))
      return setProblem(`${pattern} is already on the list.`);
    setProblem(null);
    const typed = input;
    void Promise.resolve(onAdd(pattern)).then(
      (why) => {
        if (why) setProblem(why);
        // Emptied only once the host is in, and only if nothing else was typed meanwhile.
        else setInput((now) => (now === typed ? '' : now));
      },
      (e: Error) => setProblem(`${pattern} was not added: ${e.message}`),
    );
  }

  return (
    <div class="stack">
      <h3>Built in</h3>
      <ul class="host-list" aria-label="Built-in EHR hosts">
        {builtin.map((p) => (
          <li key={p}>
            <code>{p}</code>
            <span class="badge builtin">Always on</span>
          </li>
        ))}
      </ul>
      <h3>Added by you</h3>
      {extra.length === 0 ? (
        <p class="hint">None yet.</p>
      ) : (
        <ul class="host-list" aria-label="EHR hosts you added">
          {extra.map((h) => (
            <li key={h.pattern}>
              <code>{h.pattern}</code>
              {h.granted === false ? (
                <>
                  <span class="badge off">No access: dermlint does not run there</span>
                  <button type="button" onClick={() => onGrant(h.pattern)}>
                    Grant access
                  </button>
                </>
              ) : h.granted ? (
                <span class="badge on">On</span>
              ) : null}
              <button
                type="button"
                class="danger"
                onClick={() => onRemove(h.pattern)}
                aria-label={`Remove ${h.pattern}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="host-input">Add an EHR host</label>
          <div class="row">
            <input
              id="host-input"
              type="text"
              spellcheck={false}
              autoComplete="off"
              placeholder="ehr.example.com or https://*.example-ehr.com/*"
              value={input}
              size={44}
              aria-invalid={problem !== null}
              aria-describedby="host-hint host-problem"
              onInput={(e) => {
                setInput((e.target as HTMLInputElement).value);
                setProblem(null);
              }}
            />
            <button type="submit" class="primary">
              Add host
            </button>
          </div>
          <span id="host-hint" class="hint">
            {pattern && !hostPatternError(pattern) ? (
              <>
                Will add <code>{pattern}</code>; the browser asks you to allow access to it.
              </>
            ) : (
              'HTTPS hosts, or http://localhost for testing. The browser asks you to allow each one.'
            )}
          </span>
          <span id="host-problem" class="error-text" role="alert">
            {problem ?? ''}
          </span>
        </div>
      </form>
      <StatusLine message={message} />
    </div>
  );
}
