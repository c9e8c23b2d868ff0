/** "Rules": payer profiles that set several rules at once (with an undo), and each rule's level. */
import { PRESETS } from '../../lib/rule-level-presets';
import type { ExtensionSettings } from '../../lib/extension-settings';
import { RULES } from '../../rules/catalog/index';
import type { RuleLevel } from '../../rules/settings';
import { PresetPicker, RuleSettingsTable } from '../../components/RuleSettingsTable';
import type { SaveSettings } from './saved-settings';

const RULE_ROWS = RULES.map((r) => ({
  id: r.meta.id,
  summary: r.meta.summary,
  severity: r.meta.severity,
  reference: r.meta.reference,
}));

export interface RulesSectionProps {
  settings: ExtensionSettings;
  save: SaveSettings;
  /** Offers to go back to these settings (null: withdraws the offer). */
  offerUndo: (previous: ExtensionSettings | null) => void;
}

export function RulesSection({ settings, save, offerUndo }: RulesSectionProps) {
  return (
    <section id="rules" class="card" aria-labelledby="rules-h">
      <h2 id="rules-h">Rules</h2>
      <p class="hint">
        A payer profile sets several rules at once; each rule can then be turned off, or its findings shown as needs
        review, warning or error.
      </p>
      <PresetPicker
        presets={PRESETS}
        current={settings.preset}
        onApply={(id) => {
          const preset = PRESETS.find((p) => p.id === id);
          if (!preset) return;
          offerUndo(settings);
          void save(preset.apply(settings), `Applied “${preset.name}”.`, 15000);
        }}
      />
      <RuleSettingsTable
        rules={RULE_ROWS}
        levels={settings.rules}
        onChange={(id, level: RuleLevel) => {
          const rules = { ...settings.rules };
          if (level === 'default') delete rules[id];
          else rules[id] = level;
          offerUndo(null);
          void save({ ...settings, rules }, `${id}: ${level === 'default' ? 'back to its own severity' : level}.`);
        }}
      />
    </section>
  );
}
