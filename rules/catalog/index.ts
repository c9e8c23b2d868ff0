/** Every rule of the catalog (docs/rules.md, generated from these modules), in the catalog's order. */
import type { RuleModule } from '../types';
import mod25Missing from './mod25-missing';
import mod25Unsupported from './mod25-unsupported';
import destructionSeries from './destruction-series';
import destructionWrongFamily from './destruction-wrong-family';
import cosmeticOnInsurance from './cosmetic-on-insurance';
import benignRemovalNecessity from './benign-removal-necessity';
import abnMissing from './abn-missing';
import abnModifierMissing from './abn-modifier-missing';
import abnNotOnFile from './abn-not-on-file';
import mod25Misplaced from './mod25-misplaced';
import mod57Missing from './mod57-missing';
import modifierConflict from './modifier-conflict';
import drugWasteModifier from './drug-waste-modifier';
import mohsDiagnosis from './mohs-diagnosis';
import screeningExamMedicare from './screening-exam-medicare';
import addonWithoutPrimary from './addon-without-primary';
import biopsyPrimary from './biopsy-primary';
import biopsyBundled from './biopsy-bundled';
import lesionsLumped from './lesions-lumped';
import siteCodeMismatch from './site-code-mismatch';
import sizeCodeMismatch from './size-code-mismatch';
import excisionWrongFamily from './excision-wrong-family';
import repairBundled from './repair-bundled';
import mohsPathologyBundled from './mohs-pathology-bundled';
import dxMissing from './dx-missing';
import dxInvalid from './dx-invalid';
import ncciPtp from './ncci-ptp';
import ncciMue from './ncci-mue';
import siteSpecificBiopsy from './site-specific-biopsy';
import chemodenervationSite from './chemodenervation-site';
import hyperhidrosisDiagnosis from './hyperhidrosis-diagnosis';
import addonDistinctModifier from './addon-distinct-modifier';
import sameSiteDistinctModifier from './same-site-distinct-modifier';
import globalPeriodEm from './global-period-em';
import noteTechniqueMismatch from './note-technique-mismatch';
import noteClosureMismatch from './note-closure-mismatch';
import noteSizeMismatch from './note-size-mismatch';
import noteCountMismatch from './note-count-mismatch';
import mohsBlocks from './mohs-blocks';
import mohsSurgeonPathologist from './mohs-surgeon-pathologist';

export const RULES: readonly RuleModule[] = [
  mod25Missing,
  mod25Unsupported,
  destructionSeries,
  destructionWrongFamily,
  cosmeticOnInsurance,
  benignRemovalNecessity,
  abnMissing,
  abnModifierMissing,
  abnNotOnFile,
  mod25Misplaced,
  mod57Missing,
  modifierConflict,
  drugWasteModifier,
  mohsDiagnosis,
  screeningExamMedicare,
  addonWithoutPrimary,
  biopsyPrimary,
  biopsyBundled,
  lesionsLumped,
  siteCodeMismatch,
  sizeCodeMismatch,
  excisionWrongFamily,
  repairBundled,
  mohsPathologyBundled,
  dxMissing,
  dxInvalid,
  ncciPtp,
  ncciMue,
  siteSpecificBiopsy,
  chemodenervationSite,
  hyperhidrosisDiagnosis,
  addonDistinctModifier,
  sameSiteDistinctModifier,
  globalPeriodEm,
  noteTechniqueMismatch,
  noteClosureMismatch,
  noteSizeMismatch,
  noteCountMismatch,
  mohsBlocks,
  mohsSurgeonPathologist,
];
