/** Payer-profile presets: several rule levels at once, as a practice manager thinks of them. */
import type { ExtensionSettings } from './extension-settings';
import type { RuleLevel } from '../rules/settings';

export interface Preset {
  id: string;
  name: string;
  description: string;
  apply(settings: ExtensionSettings): ExtensionSettings;
}

const levels = (rules: Record<string, RuleLevel>) => rules;

export const PRESETS: readonly Preset[] = [
  {
    id: 'medicare-heavy',
    name: 'Medicare-heavy',
    description:
      'Most patients on original Medicare: screens without a payer count as Medicare, ABN and JW/JZ rules as errors, medical-necessity reviews shown inline.',
    apply: (s) => ({
      ...s,
      preset: 'medicare-heavy',
      defaultPayerKind: 'medicare',
      showInfoInline: true,
      rules: {
        ...s.rules,
        ...levels({
          'abn-missing': 'error',
          'abn-modifier-missing': 'error',
          'abn-not-on-file': 'error',
          'drug-waste-modifier': 'error',
          'screening-exam-medicare': 'error',
          'benign-removal-necessity': 'default',
        }),
      },
    }),
  },
  {
    id: 'commercial',
    name: 'Commercial',
    description:
      'Mostly commercial plans: screens without a payer count as commercial, payer-specific reviews stay in the review list, modifier 25 support is not shown.',
    apply: (s) => ({
      ...s,
      preset: 'commercial',
      defaultPayerKind: 'commercial',
      showInfoInline: false,
      rules: {
        ...s.rules,
        ...levels({ 'mod25-unsupported': 'off', 'benign-removal-necessity': 'default', 'mod57-missing': 'warning' }),
      },
    }),
  },
  {
    id: 'defaults',
    name: 'dermlint defaults',
    description: 'Every rule at its own severity; no default payer.',
    apply: (s) => ({ ...s, preset: 'defaults', rules: {}, defaultPayerKind: undefined, showInfoInline: false }),
  },
];
