/**
 * A form for one field map of the generic adapter: a text box per field, each
 * checked with FieldMapSchema and its message shown beside it. The map is only
 * handed back (saved or tested) when it is valid.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { fieldMapProblems, type FieldMap } from '../adapters/generic/fieldmap';
import { FieldMapPreview, type ProbeReport } from './FieldMapPreview';
import { refToText, textToRef } from './field-ref-text';

interface FieldSpec {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
}

interface GroupSpec {
  legend: string;
  hint: string;
  fields: FieldSpec[];
  /** An optional group (its object may be left out): its required fields are required only once one of its fields is filled. */
  optional?: string;
}

const FIELD_GROUPS: readonly GroupSpec[] = [
  {
    legend: 'Procedure lines',
    hint: 'Rows is every claim line, in order; the other selectors are looked up inside each row.',
    fields: [
      {
        path: 'procedures.rows',
        label: 'Rows',
        required: true,
        hint: 'Every procedure (claim line) row, e.g. #charges tbody tr',
      },
      { path: 'procedures.code', label: 'Code', required: true, hint: 'CPT/HCPCS code within a row' },
      { path: 'procedures.modifiers', label: 'Modifiers', hint: 'One or several fields; "25 59", "GA,GZ" both read' },
      { path: 'procedures.units', label: 'Units', hint: 'Left empty: every line is one unit' },
      { path: 'procedures.pointers', label: 'Diagnosis pointers', hint: 'Numbers, letters A–L, or ICD-10 codes' },
      { path: 'procedures.site', label: 'Site', hint: 'Anatomic site' },
      { path: 'procedures.size', label: 'Size', hint: '"1.2", "1.2 cm", "12 mm"' },
      { path: 'procedures.lesions', label: 'Lesions', hint: 'Lesion count' },
      { path: 'procedures.billTo', label: 'Bill to', hint: 'Checkbox (checked = insurance) or text' },
      { path: 'procedures.category', label: 'Category', hint: 'Service, Cosmetic or Retail' },
      { path: 'procedures.description', label: 'Description' },
      {
        path: 'procedures.abn',
        label: 'ABN for this line',
        hint: 'Checkbox or yes/no; absent: the ABN covers every line',
      },
    ],
  },
  {
    legend: 'Diagnoses',
    hint: 'Pointer 1 is the first row.',
    fields: [
      { path: 'diagnoses.rows', label: 'Rows', required: true, hint: 'Every diagnosis row, in claim order' },
      { path: 'diagnoses.code', label: 'Code', required: true, hint: 'ICD-10-CM code within a row' },
      { path: 'diagnoses.description', label: 'Description' },
    ],
  },
  {
    legend: 'Payer',
    hint: 'Read to tell Medicare from commercial plans.',
    fields: [
      { path: 'payer.name', label: 'Insurance name', hint: 'Left empty: the screen shows no payer' },
      { path: 'payer.category', label: 'Insurance category', hint: '"Medicare", "Commercial", "Self Pay"' },
    ],
  },
  {
    legend: 'Visit history',
    hint: 'Optional: prior services the screen lists, for global-period checks. Rows is every prior service; the others are looked up inside each row.',
    optional: 'history',
    fields: [
      { path: 'history.rows', label: 'Rows', required: true, hint: 'Every prior service row, e.g. #history tbody tr' },
      { path: 'history.date', label: 'Date of service', required: true, hint: 'MM/DD/YYYY or YYYY-MM-DD' },
      { path: 'history.code', label: 'Code', required: true, hint: 'CPT/HCPCS code within a row' },
      { path: 'history.modifiers', label: 'Modifiers', hint: '"59", "59 XS"' },
      { path: 'history.dx', label: 'Diagnosis codes', hint: 'ICD-10-CM codes, e.g. "C44.519, L57.0"' },
    ],
  },
  {
    legend: 'Encounter',
    hint: 'Optional fields of the whole encounter.',
    fields: [
      {
        path: 'note',
        label: 'Procedure note',
        hint: 'The note’s procedure section: a text box, rich text or rendered text. Read in memory only, never stored.',
      },
      { path: 'abnSigned', label: 'ABN signed', hint: 'Checkbox, or text such as "Signed"' },
      { path: 'dateOfService', label: 'Date of service', hint: 'YYYY-MM-DD or MM/DD/YYYY' },
      {
        path: 'encounterKey',
        label: 'Encounter or claim number',
        hint: 'Hashed to tell encounters apart. Never a patient name, MRN or birth date.',
      },
      {
        path: 'header',
        label: 'Encounter header',
        hint: 'Where encounter-level findings go (default: the diagnosis table)',
      },
      { path: 'signControls', label: 'Sign / submit controls', hint: 'For the sign-off prompt' },
    ],
  },
];

const ALL_PATHS = ['name', 'matches', ...FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.path))];
const REQUIRED = new Set([
  'name',
  'matches',
  ...FIELD_GROUPS.flatMap((g) => g.fields.filter((f) => f.required).map((f) => f.path)),
]);
/** Optional groups' prefixes ('history.'): left out of the map while all their fields are blank. */
const OPTIONAL_GROUPS = FIELD_GROUPS.flatMap((g) => (g.optional ? [`${g.optional}.`] : []));

/** The form's text boxes, by field path; `matches` is one pattern a line. */
export type FieldMapDraft = Record<string, string>;

export function draftFromMap(map: Partial<FieldMap> | undefined): FieldMapDraft {
  const draft: FieldMapDraft = {};
  const source = (map ?? {}) as Record<string, unknown>;
  for (const path of ALL_PATHS) {
    if (path === 'matches') {
      draft.matches = Array.isArray(source.matches) ? source.matches.join('\n') : '';
      continue;
    }
    const [a, b] = path.split('.') as [string, string | undefined];
    const v = b ? (source[a] as Record<string, unknown> | undefined)?.[b] : source[a];
    draft[path] = path === 'name' ? (typeof v === 'string' ? v : '') : refToText(v);
  }
  return draft;
}

/** The object FieldMapSchema checks: blank optional fields left out, blank required ones kept (so the message says 'empty'). */
export function mapFromDraft(draft: FieldMapDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const blankGroup = (prefix: string) => ALL_PATHS.every((p) => !p.startsWith(prefix) || !(draft[p] ?? '').trim());
  for (const path of ALL_PATHS) {
    const raw = draft[path] ?? '';
    if (path === 'matches') {
      out.matches = raw
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      continue;
    }
    const group = OPTIONAL_GROUPS.find((g) => path.startsWith(g));
    if (group && blankGroup(group)) continue;
    if (!raw.trim() && !REQUIRED.has(path)) continue;
    const [a, b] = path.split('.') as [string, string | undefined];
    const value = path === 'name' ? raw : textToRef(raw);
    if (b) ((out[a] ??= {}) as Record<string, unknown>)[b] = value;
    else out[a] = value;
  }
  return out;
}

/** Problems by field path ('matches[1]' is reported on 'matches', naming the line). */
export function problemsByField(draft: FieldMapDraft): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const p of fieldMapProblems(mapFromDraft(draft))) {
    const m = p.field.match(/^matches\[(\d+)\]$/);
    const field = m ? 'matches' : p.field;
    const message = m ? `line ${Number(m[1]) + 1}: ${p.message}` : p.message;
    // A whole group reported missing lands on its first field; a label's own problem ('procedures.units.label') on its field.
    const own = ALL_PATHS.find((x) => field === x || field.startsWith(`${x}.`));
    const target = own ?? ALL_PATHS.find((x) => x.startsWith(`${field}.`)) ?? 'name';
    byField[target] ??= message;
  }
  return byField;
}

const idOf = (path: string) => `fm-${path.replace(/\./g, '-')}`;

export interface FieldMapEditorProps {
  /** The map being edited, or a starting point. */
  initial?: Partial<FieldMap>;
  /** Editing an existing map (changes the heading and the save button). */
  editing: boolean;
  /** Names other maps already use. */
  takenNames: readonly string[];
  onSave(map: FieldMap): void;
  onCancel(): void;
  onTest(map: FieldMap): void;
  /** What "Test on the open tab" will read, in words (its host). */
  testTarget?: string;
  testing?: boolean;
  preview?: ProbeReport | null;
  previewError?: string | null;
}

export function FieldMapEditor({
  initial,
  editing,
  takenNames,
  onSave,
  onCancel,
  onTest,
  testTarget,
  testing,
  preview,
  previewError,
}: FieldMapEditorProps) {
  const [draft, setDraft] = useState<FieldMapDraft>(() => draftFromMap(initial));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const problems = useMemo(() => {
    const p = problemsByField(draft);
    const name = draft.name?.trim();
    if (!p.name && name && takenNames.includes(name)) p.name = 'another field map has this name';
    return p;
  }, [draft, takenNames]);

  const shown = (path: string) => (submitted || touched.has(path) ? problems[path] : undefined);

  /** The valid map, or null after marking every problem and focusing the first. */
  function validMap(): FieldMap | null {
    setSubmitted(true);
    const bad = ALL_PATHS.filter((p) => problems[p]);
    if (bad.length) {
      setSummary(`${bad.length} ${bad.length === 1 ? 'field needs' : 'fields need'} attention: ${bad.join(', ')}.`);
      form.current?.querySelector<HTMLElement>(`#${idOf(bad[0]!)}`)?.focus();
      return null;
    }
    setSummary(null);
    return mapFromDraft(draft) as unknown as FieldMap;
  }

  function input(path: string, spec: { label: string; hint?: string; required?: boolean }, multiline = false) {
    const id = idOf(path);
    const problem = shown(path);
    const describedBy =
      [spec.hint ? `${id}-hint` : '', problem ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      value: draft[path] ?? '',
      spellcheck: false,
      autoComplete: 'off',
      'aria-invalid': problem ? true : undefined,
      'aria-required': spec.required ? true : undefined,
      'aria-describedby': describedBy,
      onInput: (e: Event) => {
        const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
        setDraft((d) => ({ ...d, [path]: value }));
      },
      onBlur: () => setTouched((t) => (t.has(path) ? t : new Set([...t, path]))),
    };
    return (
      <div class={`field${multiline ? ' wide' : ''}`} key={path}>
        <label for={id}>
          {spec.label}
          {spec.required && (
            <span class="req" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {multiline ? (
          <textarea {...common} rows={Math.min(8, Math.max(2, (draft[path] ?? '').split('\n').length))} />
        ) : path === 'name' ? (
          <input type="text" {...common} />
        ) : (
          // Selectors of 100–200 characters are common: a box that wraps them, as tall as they need, so they can be read whole.
          <textarea
            {...common}
            class="selector"
            rows={Math.min(5, Math.max(1, Math.ceil((draft[path] ?? '').length / 58)))}
          />
        )}
        {spec.hint && (
          <span id={`${id}-hint`} class="hint">
            {spec.hint}
          </span>
        )}
        {problem && (
          <span id={`${id}-err`} class="error-text">
            {problem}
          </span>
        )}
      </div>
    );
  }

  return (
    <form
      ref={form}
      class="fm-editor"
      noValidate
      aria-labelledby="fm-editor-h"
      onSubmit={(e) => {
        e.preventDefault();
        const map = validMap();
        if (map) onSave(map);
      }}
    >
      <h3 id="fm-editor-h">{editing ? `Edit field map “${initial?.name ?? ''}”` : 'New field map'}</h3>
      <p class="hint">
        CSS selectors of the EHR’s claim screen, or <code>label: Quantity</code> for a field the screen labels
        “Quantity” (a column header, a<code>&lt;dt&gt;</code>, a <code>&lt;label&gt;</code>), with{' '}
        <code>&gt;&gt; .chip</code> after it for the chips inside that field. Fields marked <span class="req">*</span>{' '}
        are required. A field’s value is an input’s or select’s value, else the element’s text.
      </p>
      <div class="fm-grid">
        {input('name', { label: 'Name', required: true, hint: 'e.g. “eClinicalWorks progress note”' })}
        {input(
          'matches',
          { label: 'EHR host patterns', required: true, hint: 'One a line, e.g. https://*.ecwcloud.com/*' },
          true,
        )}
      </div>
      {FIELD_GROUPS.map((g) => (
        <fieldset class="fm-group" key={g.legend}>
          <legend>{g.legend}</legend>
          <p class="hint">{g.hint}</p>
          <div class="fm-grid">{g.fields.map((f) => input(f.path, f))}</div>
        </fieldset>
      ))}
      <p class="error-text" role="alert">
        {summary ?? ''}
      </p>
      <div class="row">
        <button type="submit" class="primary">
          {editing ? 'Save changes' : 'Save field map'}
        </button>
        <button
          type="button"
          disabled={testing}
          aria-describedby="fm-test-hint"
          onClick={() => {
            const map = validMap();
            if (map) onTest(map);
          }}
        >
          {testing ? 'Testing…' : 'Test on the open tab'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p id="fm-test-hint" class="hint">
        The test reads the tab you used last in this window{testTarget ? ` (${testTarget})` : ''} with this form’s map,
        without saving it.
      </p>
      <FieldMapPreview report={preview ?? null} error={previewError ?? null} testing={testing} />
    </form>
  );
}
