/**
 * Ready-made field maps the options page offers as examples. ECW_FIELD_MAP
 * reads eClinicalWorks' claim window (the AngularJS #icdTable / #cptTable with
 * data-fieldname inputs) and the demo screen at /ecw/mobiledoc/jsp/webemr/.
 * Site, size, lesion count, ABN, bill-to and category are not standard eCW
 * claim fields: a practice maps them to whatever its own template shows. The
 * note is the progress note's Procedures box; the history, the patient's
 * past procedures list (date, CPT, modifiers, ICD codes).
 */
import type { FieldMap } from './fieldmap';
import { DEMO_HOSTNAMES, DEMO_PATHS } from '../demo-screens';

const cpt = (field: string) => `input[data-fieldname="${field}"]`;

export const ECW_FIELD_MAP: FieldMap = {
  name: 'eClinicalWorks claim window',
  matches: [
    'https://*.ecwcloud.com/mobiledoc/jsp/webemr/*',
    'https://*.eclinicalweb.com/mobiledoc/jsp/webemr/*',
    // The demo screen (adapters/demo-screens.ts).
    ...DEMO_HOSTNAMES.map((host) => `http://${host}${DEMO_PATHS.ecw}*`),
  ],
  procedures: {
    rows: '#cptTable tbody tr[ng-repeat]',
    code: cpt('claimCPTCode'),
    modifiers: 'input[data-fieldname^="ClaimCPTMOD"]',
    units: cpt('ClaimCPTUnits'),
    pointers: 'input[data-fieldname^="ClaimCPTICD"]',
    site: cpt('ClaimCPTSite'),
    size: cpt('ClaimCPTLesionSize'),
    lesions: cpt('ClaimCPTLesionCount'),
    abn: cpt('ClaimCPTABN'),
    billTo: 'select[data-fieldname="ClaimCPTBillTo"]',
    category: 'select[data-fieldname="ClaimCPTCategory"]',
    description: '[data-fieldname="claimCPTDesc"]',
  },
  diagnoses: {
    rows: '#icdTable tbody tr[ng-repeat]',
    code: 'input[data-fieldname="ClaimICDCode"]',
    description: '[data-fieldname="ClaimICDDesc"]',
  },
  payer: {
    name: '.patient-identifier-span [data-fieldname="PrimaryInsName"]',
    category: '.patient-identifier-span [data-fieldname="PrimaryInsFinClass"]',
  },
  note: '#pnProcedures',
  history: {
    rows: '#histTable tbody tr[ng-repeat]',
    date: '[data-fieldname="HistDOS"]',
    code: '[data-fieldname="HistCPTCode"]',
    modifiers: '[data-fieldname="HistCPTMods"]',
    dx: '[data-fieldname="HistICDCodes"]',
  },
  abnSigned: 'input[data-fieldname="ClaimABNSigned"]',
  dateOfService: 'input[data-fieldname="ClaimServiceDate"]',
  encounterKey: 'input[data-fieldname="EncounterId"]',
  header: '.claim-header',
  signControls: '#btnSubmitClaim',
};
