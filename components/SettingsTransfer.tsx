/** Export all settings to a JSON file, or import one (a bad file changes nothing). */
import { useRef } from 'preact/hooks';
import { StatusLine, type StatusMessage } from './StatusLine';

export interface SettingsTransferProps {
  onExport(): void;
  onImport(file: File): void;
  message?: StatusMessage | null;
}

export function SettingsTransfer({ onExport, onImport, message }: SettingsTransferProps) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <div class="stack">
      <div class="row">
        <button type="button" onClick={onExport}>
          Export settings…
        </button>
        <button type="button" aria-describedby="settings-file-hint" onClick={() => file.current?.click()}>
          Import settings…
        </button>
        <input
          ref={file}
          hidden
          tabIndex={-1}
          aria-hidden="true"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const f = input.files?.[0];
            if (f) onImport(f);
            input.value = '';
          }}
        />
      </div>
      <p id="settings-file-hint" class="hint">
        Rules, payer, toggles, hosts and field maps in one JSON file, to copy to another computer. Imported hosts still
        need you to allow access.
      </p>
      <StatusLine message={message} />
    </div>
  );
}
