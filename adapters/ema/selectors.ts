/**
 * Every place the EMA adapter looks, in one file. EMA is an Angular app whose
 * generated class names (_ngcontent-…, ng-star-inserted) change with every
 * release, so nothing here depends on them: we match on data-identifier
 * attributes (EMA's own stable test hooks), on ng-select's public structure,
 * on ARIA state, and on visible labels (column headers, the "Primary Ins."
 * label) as a fallback.
 *
 * What public material shows of EMA (its vendor's documentation and published screenshots): the
 * hosts, the hash routes, ng-select pickers, data-identifier hooks, the
 * Finalize control and the superbill's fields. The DOM of the visit's
 * procedure and diagnosis areas is not public: the identifiers below are the
 * ones of our demo screen (test/fixtures/ehr/ema), kept in this one place so a
 * real screen's can replace them.
 */

/** Hosts of the real product, where the whole document is the EMA app. */
export const EMA_HOSTS = /(^|\.)(ema\.md|modmedapp\.com)$/i;
/** Hash routes: #/practice/staff/patient/{patientId}/visit[/{visitId}][?…] */
export const ROUTE_PATIENT = /\/practice\/staff\/patient\/([^/?#]+)(?:\/|$|\?)/;
export const ROUTE_VISIT = /\/practice\/staff\/patient\/([^/?#]+)\/visit\/([^/?#]+)/;

const id = (name: string) => `[data-identifier="${name}"]`;

export const SEL = {
  /** The visit note component: present only while a visit is open. */
  visit: id('visit-note'),
  /** Patient banner: the encounter reads its insurance area only (never name, DOB or MRN). */
  banner: id('patient-banner'),
  /** Read only to refuse a dismissal comment that repeats them (patientBanner), never stored. */
  patientName: id('patient-name'),
  patientDob: id('patient-dob'),
  patientMrn: id('patient-mrn'),
  insurance: id('patient-insurance'),
  insurancePlan: id('insurance-plan-name'),
  insuranceCategory: id('insurance-category'),
  /** Fallback when the insurance area has no identifier: a banner label reading "Primary Ins…". */
  bannerLabels: 'label',
  /** Visit header: date of service, router links (patient/visit ids), note status, Finalize. */
  header: id('visit-header'),
  dateOfService: id('visit-date'),
  routerLinks: 'a[href*="/patient/"]',
  noteStatus: id('note-status'),
  /** Diagnoses, in claim order (= pointer order). */
  diagnosisList: id('diagnosis-list'),
  diagnosisChip: id('diagnosis-chip'),
  diagnosisCode: id('diagnosis-code'),
  diagnosisDescription: id('diagnosis-description'),
  /** The procedure picklist (superbill): one row per encounter line. */
  procedureTable: id('procedure-list'),
  procedureRow: id('procedure-row'),
  /** Inside a cell: an ng-select picker, its chosen values, or a plain control. */
  /** The first of these in a cell holds its value: an ng-select (its .ng-value-label spans) or a control. */
  valueHolder: '.ng-select-container, input, select, textarea',
  ngValueLabelClass: 'ng-value-label',
  pointerChip: id('pointer-chip'),
  pointerNumber: '.ptr-n',
  checkbox: 'input[type="checkbox"]',
  /** The visit note's procedure section: a rich-text (contenteditable) editor, read as plain text. */
  note: id('procedure-note-editor'),
  /** Visit history: prior services, one row each (date, code, modifiers, diagnosis codes). */
  historyList: id('visit-history'),
  historyRow: id('history-row'),
  historyDate: id('history-date'),
  historyCode: id('history-code'),
  historyModifiers: id('history-modifiers'),
  historyDx: id('history-dx'),
  /** ABN panel: signed checkbox and its scope (all procedures / selected rows). */
  abnPanel: id('abn-panel'),
  abnSigned: id('abn-signed'),
  abnScope: id('abn-scope'),
  /** Finalize / sign controls, in the header and in the confirmation modal. */
  signControls: [id('finalize-note'), id('finalize-confirm'), id('sign-note')].join(', '),
  signButtonsScope: `${id('visit-header')} button, modal-container[role="dialog"] button`,
} as const;

/** What a one-click fix operates (adapters/ema/apply.ts): ng-select's public structure and EMA's own hooks. */
export const APPLY_SEL = {
  /** The text box of an ng-select: type, then Enter picks the marked option (or adds the typed tag). */
  pickerInput: '.ng-input input',
  /** A chosen value of a multiple ng-select, its label and its × (acts on mousedown). */
  pickerValue: '.ng-value',
  pickerValueLabel: '.ng-value-label',
  pickerValueRemove: '.ng-value-icon',
  /** The control of a plain cell (units, bill-to). */
  control: 'input, select',
  /** The superbill's add bar: a procedure picker and its Add button. */
  addPicker: id('procedure-picker'),
  addButton: id('procedure-add'),
  /** A row's remove button. */
  removeButton: id('procedure-remove'),
} as const;

/** A superbill field and its cell: the cell's data-identifier, else its column header's label. */
export type Field =
  | 'code'
  | 'description'
  | 'modifiers'
  | 'units'
  | 'site'
  | 'size'
  | 'lesions'
  | 'pointers'
  | 'billTo'
  | 'category'
  | 'abn';

export const CELL_IDENTIFIERS: Record<string, Field> = {
  'procedure-code': 'code',
  'procedure-description': 'description',
  'procedure-modifiers': 'modifiers',
  'procedure-units': 'units',
  'procedure-site': 'site',
  'procedure-size': 'size',
  'procedure-lesions': 'lesions',
  'procedure-pointers': 'pointers',
  'procedure-bill-to': 'billTo',
  'procedure-category': 'category',
  'procedure-abn': 'abn',
};

export const COLUMN_LABELS: [RegExp, Field][] = [
  [/^(code|cpt|hcpcs|procedure code)\b/i, 'code'],
  [/^desc/i, 'description'],
  [/^mod/i, 'modifiers'],
  [/^(units?|qty|quantity)\b/i, 'units'],
  [/^(site|location)\b/i, 'site'],
  [/^size\b/i, 'size'],
  [/^(lesions?|count|#\s*lesions)\b/i, 'lesions'],
  [/^(pointers?|dx|diagnos)/i, 'pointers'],
  [/^bill/i, 'billTo'],
  [/^(type|category|item type)\b/i, 'category'],
  [/^abn\b/i, 'abn'],
];

/** Fields every row must show: a row without one of them is not fully rendered. */
export const REQUIRED_FIELDS: readonly Field[] = [
  'code',
  'modifiers',
  'units',
  'site',
  'size',
  'lesions',
  'pointers',
  'billTo',
  'category',
];

/** Human names for messages ("could not read: units of procedure row 3 ('abc')"). */
export const FIELD_NAMES: Record<Field, string> = {
  code: 'code',
  description: 'description',
  modifiers: 'modifiers',
  units: 'units',
  site: 'site',
  size: 'size',
  lesions: 'lesion count',
  pointers: 'diagnosis pointers',
  billTo: 'bill-to',
  category: 'item type',
  abn: 'ABN box',
};

/** Option texts of the bill-to and item-type selects (their values look like 'string:PATIENT'). */
export const BILL_TO_TEXT: [RegExp, 'insurance' | 'patient'][] = [
  [/insur|payer|primary|secondary/i, 'insurance'],
  [/patient|self|guarantor/i, 'patient'],
];
export const CATEGORY_TEXT: [RegExp, 'service' | 'cosmetic' | 'retail'][] = [
  [/^(service|procedure|medical)/i, 'service'],
  [/^cosmetic/i, 'cosmetic'],
  [/^(retail|product)/i, 'retail'],
];
export const ABN_SCOPE_SELECTED = /selected|some|rows?|lines?/i;
export const SIGN_TEXT = /^(finalize|sign|sign (and|&) finalize)$/i;
