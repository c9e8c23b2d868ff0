/**
 * The notice that some stored settings could not be read: what was set aside,
 * a download of the set-aside copy, and a way to forget it. Read again each time
 * the settings are (a read is what sets a bad value aside).
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadText, exportFileName } from '../../lib/export';
import type { ExtensionSettings } from '../../lib/extension-settings';
import { forgetSetAsideSettings, setAsideSettings, type SetAsideSettings } from '../../lib/settings-store';

export interface SetAsideNoticeProps {
  /** The settings as last read: the set-aside copies are read after each read of them. */
  settings: ExtensionSettings;
}

export function SetAsideNotice({ settings }: SetAsideNoticeProps) {
  const [aside, setAside] = useState<SetAsideSettings[]>([]);
  useEffect(() => void setAsideSettings().then(setAside, () => setAside([])), [settings]);

  if (aside.length === 0) return null;
  return (
    <section class="notice warn" role="alert" aria-labelledby="aside-h">
      <h2 id="aside-h">Some stored settings could not be read</h2>
      <p>dermlint kept every setting it could read and set the rest aside, unchanged:</p>
      <ul>
        {aside
          .flatMap((entry) => entry.problems)
          .slice(0, 10)
          .map((problem, i) => (
            <li key={i}>
              <code>{problem}</code>
            </li>
          ))}
      </ul>
      <div class="row">
        <button
          type="button"
          onClick={() =>
            downloadText(
              exportFileName('settings-set-aside', 'json'),
              JSON.stringify(aside, null, 2),
              'application/json',
            )
          }
        >
          Download the set-aside copy
        </button>
        <button type="button" onClick={() => void forgetSetAsideSettings().then(() => setAside([]))}>
          Forget it
        </button>
      </div>
    </section>
  );
}
