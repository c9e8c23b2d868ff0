/** "General": the payer for screens that show none, the two behaviour toggles, and the practice's insurer names. */
import type { ExtensionSettings } from '../../lib/extension-settings';
import { GeneralSettings } from '../../components/GeneralSettings';
import { PayerNamesEditor } from '../../components/PayerNamesEditor';
import type { SaveSettings } from './saved-settings';

export interface GeneralSectionProps {
  settings: ExtensionSettings;
  save: SaveSettings;
}

export function GeneralSection({ settings, save }: GeneralSectionProps) {
  const { defaultPayerKind, showInfoInline, signoffPrompt } = settings;
  return (
    <section id="general" class="card" aria-labelledby="general-h">
      <h2 id="general-h">General</h2>
      <p class="hint">Changes are saved at once and reach open EHR tabs by themselves.</p>
      <GeneralSettings
        value={{ defaultPayerKind, showInfoInline, signoffPrompt }}
        onChange={(patch) => void save({ ...settings, ...patch })}
      />
      <PayerNamesEditor
        entries={settings.payerNames ?? []}
        onChange={(payerNames) => void save({ ...settings, payerNames }, 'Saved your insurers’ names.')}
      />
    </section>
  );
}
