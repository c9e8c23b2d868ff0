/** "Import / export settings": all settings to one JSON file and back (a bad file changes nothing). */
import { useState } from 'preact/hooks';
import { downloadText, exportFileName } from '../../lib/export';
import { parseSettingsFile, settingsFile, type ExtensionSettings } from '../../lib/extension-settings';
import { readSettingsFileText } from '../../lib/settings-file-read';
import { SettingsTransfer } from '../../components/SettingsTransfer';
import type { StatusMessage } from '../../components/StatusLine';
import { grantedMap } from './host-access';
import type { SaveSettings } from './saved-settings';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface SettingsBackupSectionProps {
  settings: ExtensionSettings;
  save: SaveSettings;
}

export function SettingsBackupSection({ settings, save }: SettingsBackupSectionProps) {
  const [message, setMessage] = useState<StatusMessage | null>(null);

  async function importFile(file: File) {
    const read = await readSettingsFileText(file);
    if (!read.ok) {
      setMessage({ text: `Nothing changed: ${read.error}.`, bad: true });
      return;
    }
    const parsed = parseSettingsFile(read.text);
    if (!parsed.ok) {
      setMessage({ text: `Nothing changed: ${file.name}: ${parsed.error}`, bad: true });
      return;
    }
    if (!(await save(parsed.value, 'Settings imported.'))) return;
    const v = parsed.value;
    const granted = await grantedMap(v.extraHosts);
    const missing = v.extraHosts.filter((h) => !granted[h]).length;
    setMessage({
      text: `Imported ${file.name}: ${count(Object.keys(v.rules).length, 'rule level')}, ${count(v.extraHosts.length, 'host')}, ${count(v.fieldMaps.length, 'field map')}.${
        missing
          ? ` ${missing} ${missing === 1 ? 'host needs' : 'hosts need'} access: use “Grant access” under Enabled EHR hosts.`
          : ''
      }`,
    });
  }

  return (
    <section id="backup" class="card" aria-labelledby="backup-h">
      <h2 id="backup-h">Import / export settings</h2>
      <SettingsTransfer
        message={message}
        onExport={() => {
          downloadText(exportFileName('settings', 'json'), settingsFile(settings), 'application/json');
          setMessage({ text: 'Settings exported.' });
        }}
        onImport={(file) => void importFile(file)}
      />
    </section>
  );
}
