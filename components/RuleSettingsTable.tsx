/** Per-rule levels (off / default / needs review / warning / error) with each rule's summary and reference, and presets that set several at once. */
import { RULE_LEVELS, type RuleLevel } from '../rules/settings';
import type { Severity } from '../rules/schema';
import { SEVERITY_WORD } from './finding-labels';
import { SeverityIcon } from './SeverityIcon';

const LEVEL_LABEL: Record<RuleLevel, string> = {
  off: 'Off',
  default: 'Default',
  info: 'Needs review',
  warning: 'Warning',
  error: 'Error',
};

interface RuleRow {
  id: string;
  summary: string;
  severity: Severity;
  reference: string;
}

export interface RuleSettingsTableProps {
  rules: readonly RuleRow[];
  levels: Readonly<Record<string, RuleLevel>>;
  onChange(id: string, level: RuleLevel): void;
}

export function RuleSettingsTable({ rules, levels, onChange }: RuleSettingsTableProps) {
  return (
    <div class="table-wrap">
      <table class="rules-table">
        <caption class="visually-hidden">Rules and their levels</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Own severity</th>
            <th scope="col">Level here</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            const level = levels[r.id] ?? 'default';
            return (
              <tr key={r.id} class={level !== 'default' ? 'changed' : undefined}>
                <th scope="row" style={{ fontWeight: 400 }}>
                  <code>{r.id}</code>
                  <span class="summary">{r.summary}</span>
                  <span class="ref">{r.reference}</span>
                </th>
                <td class={`sev-${r.severity}`}>
                  <span class="row" style={{ flexWrap: 'nowrap' }}>
                    <SeverityIcon severity={r.severity} />
                    <span class="sev-word">{SEVERITY_WORD[r.severity]}</span>
                  </span>
                </td>
                <td>
                  <label class="visually-hidden" for={`level-${r.id}`}>
                    Level for {r.id}
                  </label>
                  <select
                    id={`level-${r.id}`}
                    value={level}
                    onChange={(e) => onChange(r.id, (e.target as HTMLSelectElement).value as RuleLevel)}
                  >
                    {RULE_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l === 'default'
                          ? `Default (${SEVERITY_WORD[r.severity].replace('Coding ', '').toLowerCase()})`
                          : LEVEL_LABEL[l]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface PresetChoice {
  id: string;
  name: string;
  description: string;
}

export interface PresetPickerProps {
  presets: readonly PresetChoice[];
  current?: string;
  onApply(id: string): void;
}

export function PresetPicker({ presets, current, onApply }: PresetPickerProps) {
  return (
    <div class="presets" role="list" aria-label="Payer profile presets">
      {presets.map((p) => (
        <div key={p.id} role="listitem" class={`preset${current === p.id ? ' current' : ''}`}>
          <h3 id={`preset-${p.id}`}>
            {p.name}
            {current === p.id && <span class="small muted"> (applied)</span>}
          </h3>
          <p id={`preset-${p.id}-d`}>{p.description}</p>
          <div>
            <button type="button" aria-describedby={`preset-${p.id}-d`} onClick={() => onApply(p.id)}>
              Apply {p.name}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
