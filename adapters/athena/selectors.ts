/**
 * Everything the athenaNet adapter looks for on the screen, in one place.
 *
 * Public material (the vendor's documentation and published screenshots) gives the hosts, the frame tree, the
 * design-system class prefix (fe_c_) and the Billing tab's labels, but no ids
 * of the tab's rows or controls. So the adapter matches on structure and
 * labels: a tab named "Billing", section headings "Diagnoses" and "Services",
 * column headers ("Line #", "Procedure Code", "Modifier", "ICD-10 Code(s)",
 * "Units", "Bill?" …), <dt>/<dd> pairs and <label for> texts. Never an id.
 */

/** Production and sandbox hosts. */
export const ATHENA_HOSTS: readonly string[] = ['athenanet.athenahealth.com', 'preview.athenahealth.com'];
/** On the local demo server (adapters/demo-screens.ts) only `.esp` pages are athena's. */
export const DEMO_PATH = /\.esp$/i;

/** The real hosts; the demo server's are added in a demo/test build only (adapters/demo-screens.ts). */
export const MATCHES: readonly string[] = [
  'https://athenanet.athenahealth.com/*',
  'https://preview.athenahealth.com/*',
];

/** `/{practiceid}/{n}/…` */
export const PRACTICE_PATH = /^\/(\d+)\//;
/** `/ax/encounter/{id}/checkin|exam|summary` */
export const ENCOUNTER_PATH = /\/ax\/encounter\/(\d+)(?:\/|$)/i;
/** Legacy .esp pages carry the encounter in the query string. */
export const ENCOUNTER_PARAM = /^encounterid$/i;

export const SEL = {
  tab: '[role="tab"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  /** Containers a section heading may title. */
  section: 'section, fieldset, [role="region"], [role="group"]',
  table: 'table',
  headerCells: 'thead th, thead td',
  headerRowFallback: 'tr',
  bodyRows: 'tbody tr',
  /** A control that holds a value the user entered. */
  control: 'input:not([type="hidden"]):not([type="button"]):not([type="submit"]):not([type="file"]), select, textarea',
  textInput:
    'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="file"]), textarea',
  checkbox: 'input[type="checkbox"]',
  select: 'select',
  /** The term of a label/value pair (Appointment Summary, patient banner). */
  term: 'dt',
  /** The insurance category shown next to the plan name (design-system badge). */
  badge: '.fe_c_badge, [class*="badge"]',
  /** A category tag next to a service ("Cosmetic", "Retail"). */
  tag: '.fe_c_tag, [class*="tag"]',
  label: 'label',
  /** What holds the procedure documentation in its section: a same-origin frame, a textarea or rich text. */
  noteHolder: 'iframe, frame, textarea, [contenteditable]:not([contenteditable="false"])',
  /** The note inside that frame. */
  noteInFrame: 'textarea, [contenteditable]:not([contenteditable="false"])',
  button: 'button, input[type="button"], input[type="submit"], [role="button"]',
  /** The design system's patient banner name (fe_c_ classes are public). */
  patientName: '[class*="patient-banner__name"]',
} as const;

/** Texts (whitespace collapsed) the adapter recognises. */
export const TEXT = {
  billingTab: /^(claim:\s*)?billing$/i,
  diagnosesHeading: /^diagnoses\b/i,
  servicesHeading: /^services\b/i,
  summaryHeading: /^appointment summary\b/i,
  /** The procedure documentation (the note's procedure section), anywhere on the page. */
  noteHeading: /^procedure (documentation|notes?)\b/i,
  /** Prior services by this provider. */
  historyHeading: /^(visit|claim|procedure) history\b/i,
  /** The payer: the patient banner's insurance term (never its name/DOB/MRN terms). */
  insuranceTerm: /^(primary )?insurance$/i,
  /** Read only to refuse a dismissal comment that repeats them (patientBanner), never stored. */
  dobTerm: /^(dob|date of birth)$/i,
  mrnTerm: /^(mrn|medical record (number|#))$/i,
  dateOfServiceTerm: /^date of service$/i,
  encounterIdTerm: /^encounter id$/i,
  abnSigned: /^abn signed$/i,
  abnScope: /^covers$/i,
  abnLines: /^line #s$/i,
  /** An ABN scope option meaning "only the lines listed". */
  abnScopeSelected: /selected|lines?$/i,
  /** Sign-off controls: signing the encounter, or dropping the claim to charge entry. */
  signControl: /^(sign[\s-]?off|sign|sign (and|&) close|save (and|&) go to charge entry)$/i,
} as const;

export type ServiceColumn =
  'line' | 'code' | 'description' | 'modifier' | 'dx' | 'units' | 'site' | 'size' | 'lesions' | 'category' | 'bill';

/** Service table column headers. */
export const SERVICE_COLUMNS: Record<ServiceColumn, RegExp> = {
  line: /^(line\s*#?|#)$/i,
  code: /^procedure code$/i,
  description: /^description$/i,
  modifier: /^modifiers?(\s*\(s\))?$/i,
  dx: /^icd-?10( code\s*(\(s\)|s)?)?$/i,
  units: /^units$/i,
  site: /^(site|anatomic site|body site)$/i,
  size: /^size(\s*\(cm\))?$/i,
  lesions: /^(lesions?|lesion count|# lesions)$/i,
  category: /^category$/i,
  bill: /^(bill\??|bill for service)$/i,
};
export type HistoryColumn = 'date' | 'code' | 'modifier' | 'dx';
/** Visit history table headers (the Services table's, and the date of service); date and code must be there. */
export const HISTORY_COLUMNS: Record<HistoryColumn, RegExp> = {
  date: /^(date of service|dos)$/i,
  code: SERVICE_COLUMNS.code,
  modifier: SERVICE_COLUMNS.modifier,
  dx: SERVICE_COLUMNS.dx,
};

/** A service table is a table with a "Procedure Code" column; these must be there too. */
export const REQUIRED_SERVICE_COLUMNS: readonly ServiceColumn[] = ['code', 'modifier', 'dx', 'units', 'bill'];

export type DiagnosisColumn = 'number' | 'code' | 'description';
export const DIAGNOSIS_COLUMNS: Record<DiagnosisColumn, RegExp> = {
  number: /^#$/,
  code: /^icd-?10( code)?$/i,
  description: /^description$/i,
};

/** Category select values / tag texts. */
export const CATEGORY_TEXT: Record<string, 'service' | 'cosmetic' | 'retail' | undefined> = {
  '': undefined,
  '\u2014': undefined,
  '-': undefined,
  service: 'service',
  cosmetic: 'cosmetic',
  retail: 'retail',
};

/** What a one-click fix operates (adapters/athena/apply.ts), by label and text like the rest. */
export const APPLY_TEXT = {
  /** The Services section's entry row: "Add service" labels the code box, its "Add" button adds the line. */
  addServiceLabel: /^add service$/i,
  addButton: /^add$/i,
  /** A row's remove button, by its accessible name or title ("Remove service line 2", "Remove"). */
  removeButton: /^remove\b/i,
} as const;
