/** Default payer and the two behaviour toggles. */
import { PAYER_KINDS, type PayerKind } from '../rules/schema';
import { PAYER_LABEL } from './encounter-labels';

interface GeneralSettingsValue {
  defaultPayerKind?: PayerKind;
  showInfoInline: boolean;
  signoffPrompt: boolean;
}

export interface GeneralSettingsProps {
  value: GeneralSettingsValue;
  onChange(patch: Partial<GeneralSettingsValue>): void;
}

export function GeneralSettings({ value, onChange }: GeneralSettingsProps) {
  return (
    <div class="stack">
      <div class="field">
        <label for="default-payer">Payer for screens that show none</label>
        <select
          id="default-payer"
          aria-describedby="default-payer-hint"
          value={value.defaultPayerKind ?? ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            onChange({ defaultPayerKind: v ? (v as PayerKind) : undefined });
          }}
          style={{ maxWidth: '22rem' }}
        >
          <option value="">None: payer-specific rules stay quiet</option>
          {PAYER_KINDS.filter((k) => k !== 'unknown').map((k) => (
            <option key={k} value={k}>
              {PAYER_LABEL[k]}
            </option>
          ))}
        </select>
        <span id="default-payer-hint" class="hint">
          Used when the EHR screen shows no insurance. Medicare turns on the ABN, JW/JZ and screening-visit rules for
          such screens.
        </span>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={value.showInfoInline}
          onChange={(e) => onChange({ showInfoInline: (e.target as HTMLInputElement).checked })}
        />
        <span>
          Show needs-review findings inline
          <span class="hint">
            Off: they appear only in the review panel, so the EHR screen shows errors and warnings alone.
          </span>
        </span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={value.signoffPrompt}
          onChange={(e) => onChange({ signoffPrompt: (e.target as HTMLInputElement).checked })}
        />
        <span>
          Ask before sign-off while errors remain
          <span class="hint">
            When the EHR’s sign or submit control is used with errors on the screen, dermlint asks first; “sign anyway”
            is recorded in the audit log.
          </span>
        </span>
      </label>
    </div>
  );
}
