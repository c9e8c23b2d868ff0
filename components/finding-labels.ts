/**
 * What the pages call a finding: its rule's short title (the inline pill's
 * words; the full message is one click away), its severity's word and icon,
 * and the order findings are listed in.
 */
import type { Severity } from '../rules/schema';
import type { FindingView } from '../lib/messages';

const SHORT_LABEL: Record<string, string> = {
  'mod25-missing': 'Modifier 25',
  'mod25-unsupported': 'Mod 25 support',
  'destruction-series': 'Destruction count',
  'destruction-wrong-family': 'Destruction series',
  'cosmetic-on-insurance': 'Cosmetic',
  'benign-removal-necessity': 'Medical necessity',
  'abn-missing': 'ABN missing',
  'abn-modifier-missing': 'ABN modifier',
  'abn-not-on-file': 'GA without ABN',
  'mod25-misplaced': 'Modifier 25 misplaced',
  'mod57-missing': 'Modifier 57',
  'modifier-conflict': 'Modifier conflict',
  'drug-waste-modifier': 'JW/JZ',
  'mohs-diagnosis': 'Mohs diagnosis',
  'screening-exam-medicare': 'Screening visit',
  'addon-without-primary': 'Add-on alone',
  'biopsy-primary': 'Biopsy primary',
  'biopsy-bundled': 'Biopsy bundled',
  'lesions-lumped': 'One per lesion',
  'site-code-mismatch': 'Site',
  'size-code-mismatch': 'Size',
  'excision-wrong-family': 'Excision code',
  'repair-bundled': 'Repair bundled',
  'mohs-pathology-bundled': 'Pathology bundled',
  'dx-missing': 'Diagnosis link',
  'dx-invalid': 'Invalid ICD-10',
  'ncci-ptp': 'NCCI pair',
  'ncci-mue': 'NCCI units',
  'site-specific-biopsy': 'Biopsy site code',
  'chemodenervation-site': 'Chemodenervation site',
  'hyperhidrosis-diagnosis': 'Hyperhidrosis diagnosis',
  'addon-distinct-modifier': 'Add-on modifier',
  'same-site-distinct-modifier': 'Same-site biopsy',
  'global-period-em': 'Global period',
};

export const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Coding error',
  warning: 'Coding warning',
  info: 'Needs review',
};
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'i' };

export const shortLabel = (rule: string) => SHORT_LABEL[rule] ?? rule;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then needs-review; the engine's line order within each. */
export function bySeverity(a: FindingView, b: FindingView): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? -1) - (b.line ?? -1);
}
