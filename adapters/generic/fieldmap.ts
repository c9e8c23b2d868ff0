/**
 * The field map a practice manager writes in the options page, for an EHR
 * dermlint has no adapter of its own for: where its claim screen shows each
 * part of an encounter, as CSS selectors. Validated with zod wherever it
 * enters (options page, settings import, storage); messages name the field.
 *
 * Selectors inside `procedures`, `diagnoses` and `history` (other than `rows`)
 * are looked up inside each row. A field's value is an input's or select's
 * value, else the element's text; the note's is its plain text, line by line.
 *
 * A field is a CSS selector (`'input[name=units]'`, or `{ selector }`), or the
 * field the screen labels with a text (`{ label: 'Quantity' }`): a
 * `<dt>`'s `<dd>`, a column header's cell in the row (or a row header's), a
 * `<label>`'s control; with `selector` too, what matches it in that field's box
 * (`{ label: 'Modifiers', selector: '.mantine-Pill-label' }`: the chips beside
 * an empty search box). Labels survive re-renders that renumber ids.
 */
import { z } from 'zod';
import { formatPath } from '../../rules/schema';
import { selectorError, storedSelectorError } from './selector';

type SelectorCheck = (selector: string) => string | null;

/**
 * A CSS selector; `what` says what it points at, for the "missing" message.
 * Syntax is checked here (`check`); a selector that still fails in a browser
 * makes the reader answer 'unreadable', naming the field.
 */
function cssSelector(what: string, check: SelectorCheck) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `missing: the CSS selector of ${what}` : `expected a CSS selector (of ${what})`,
    })
    .trim()
    .min(1, { error: `empty: expected the CSS selector of ${what}` })
    .max(1000, { error: 'a selector longer than 1000 characters' })
    .superRefine((value, ctx) => {
      const why = check(value);
      if (why) ctx.addIssue({ code: 'custom', message: `not a valid CSS selector (${why}): '${value}'` });
    });
}

/** The text a field is labelled with on the screen ('Quantity', 'Insurance'); compared without case, spaces or a trailing ':' / '*'. */
const LabelSchema = z
  .string({ error: 'expected the label text' })
  .trim()
  .min(1, { error: 'empty: expected the label text' })
  .max(100, { error: 'a label longer than 100 characters' });

/**
 * Where a field is: a CSS selector, `{ selector }`, or `{ label, selector? }` (see the top of this
 * file). `{ selector }` is stored as the plain selector, so readers see two shapes only. Checked by
 * hand rather than as a zod union, so each message names what is wrong ('not a valid CSS selector …').
 */
function selector(what: string, check: SelectorCheck) {
  const css = cssSelector(what, check);
  return z.unknown().transform((input, ctx): FieldRef => {
    const take = <T>(schema: z.ZodType<T>, value: unknown, path: string[]): T | undefined => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] as string[] });
      return undefined;
    };
    if (input === undefined || typeof input === 'string') return take(css, input, []) ?? z.NEVER;
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      const fields = input as Record<string, unknown>;
      const unknown = Object.keys(fields).filter((k) => k !== 'label' && k !== 'selector');
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}`,
        });
        return z.NEVER;
      }
      if (fields.label === undefined) return take(css, fields.selector, ['selector']) ?? z.NEVER;
      const label = take(LabelSchema, fields.label, ['label']);
      const within = fields.selector === undefined ? undefined : take(css, fields.selector, ['selector']);
      if (label === undefined || (fields.selector !== undefined && within === undefined)) return z.NEVER;
      return within === undefined ? { label } : { label, selector: within };
    }
    ctx.addIssue({
      code: 'custom',
      message: `expected a CSS selector of ${what}, or { label: '…' } (the text the screen labels it with)`,
    });
    return z.NEVER;
  });
}

/** A field as stored: a CSS selector, or the field the screen labels with a text (and, in its box, a selector). */
export type FieldRef = string | { label: string; selector?: string };

/** Chrome match patterns of the EHR's own hosts, a port allowed ('http://127.0.0.1:8791/*'); no <all_urls>, no bare '*' host. */
export const MatchPatternSchema = z
  .string({ error: "expected a match pattern like 'https://*.ecwcloud.com/*'" })
  .trim()
  .regex(/^(https?|\*):\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(\d{1,5}|\*))?\/[^\s]*$/, {
    error: "expected a match pattern like 'https://*.ecwcloud.com/*' (a host, maybe a port, then a path)",
  });

/** Rejects fields the map does not know (a typo would otherwise be ignored silently). */
function strict<T extends z.ZodRawShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`
        : issue.input === undefined
          ? `missing: ${what}`
          : `expected ${what}`,
  });
}

/** The field map's schema, with `check` deciding whether a selector's syntax is valid. */
function fieldMapSchema(check: SelectorCheck) {
  const sel = (what: string) => selector(what, check);
  const ProceduresMapSchema = strict(
    {
      /** Every procedure (claim line) row, in claim order. */
      rows: sel('the procedure rows'),
      /** CPT/HCPCS code. */
      code: sel('the procedure code within a row'),
      /** One or several elements; each may hold several modifiers ('25', '59 RT', 'GA,GZ', '25-59'). Absent: no modifiers on this screen. */
      modifiers: sel('the modifier field(s) within a row').optional(),
      /** Absent: every line is one unit. */
      units: sel('the units within a row').optional(),
      /** One or several elements; numbers (1), CMS-1500 letters (A-L) or ICD-10 codes on the diagnosis list. */
      pointers: sel('the diagnosis pointer field(s) within a row').optional(),
      site: sel('the anatomic site within a row').optional(),
      /** '1.2', '1.2 cm', '12 mm'. */
      size: sel('the lesion size within a row').optional(),
      lesions: sel('the lesion count within a row').optional(),
      /** A checkbox (checked = bill insurance) or text ('Insurance' / 'Patient'). */
      billTo: sel('the bill-to field within a row').optional(),
      /** Text: 'Service', 'Cosmetic' or 'Retail'. */
      category: sel('the category within a row').optional(),
      description: sel('the description within a row').optional(),
      /** Per-line ABN coverage: a checkbox, or text yes/no. Absent: the ABN covers every line. */
      abn: sel('the per-line ABN field within a row').optional(),
    },
    'an object { rows, code, modifiers, units, pointers, … } of CSS selectors',
  );

  const DiagnosesMapSchema = strict(
    {
      /** Every diagnosis row, in claim order (pointer 1 is the first). */
      rows: sel('the diagnosis rows'),
      code: sel('the ICD-10 code within a diagnosis row'),
      description: sel('the diagnosis description within a row').optional(),
    },
    'an object { rows, code, description? } of CSS selectors',
  );

  const PayerMapSchema = strict(
    {
      /** The insurance plan's name. */
      name: sel('the insurance name'),
      /** The insurance category / financial class ('Medicare', 'Commercial', 'Self Pay'), when the screen shows one. */
      category: sel('the insurance category').optional(),
    },
    'an object { name, category? } of CSS selectors',
  );

  /** The visit history: prior services by the same physician (the encounter's `history`, docs/formats.md). */
  const HistoryMapSchema = strict(
    {
      /** Every prior service row, any order. */
      rows: sel('the visit history rows'),
      /** 'MM/DD/YYYY' or 'YYYY-MM-DD'. */
      date: sel('the date of service within a history row'),
      code: sel('the procedure code within a history row'),
      /** '59', '59 XS', '59, XS'. */
      modifiers: sel('the modifiers within a history row').optional(),
      /** ICD-10-CM codes: 'C44.519', 'C44.519, L57.0'. */
      dx: sel('the diagnosis codes within a history row').optional(),
    },
    'an object { rows, date, code, modifiers?, dx? } of CSS selectors',
  );

  return strict(
    {
      name: z
        .string({
          error: (issue) => (issue.input === undefined ? 'missing: a name for this field map' : 'expected a name'),
        })
        .trim()
        .min(1, { error: 'empty: give the field map a name' })
        .max(60, { error: 'at most 60 characters' }),
      matches: z
        .array(MatchPatternSchema, {
          error: (issue) =>
            issue.input === undefined
              ? "missing: the EHR's host patterns, e.g. ['https://*.ecwcloud.com/*']"
              : 'expected a list of match patterns',
        })
        .min(1, { error: "expected at least one match pattern, e.g. 'https://*.ecwcloud.com/*'" })
        .max(20, { error: 'at most 20 match patterns' }),
      procedures: ProceduresMapSchema,
      diagnoses: DiagnosesMapSchema,
      /** Absent: the screen shows no payer (the default payer kind in options applies). */
      payer: PayerMapSchema.optional(),
      /**
       * The procedure documentation (the visit note's procedure section): a textarea, rich text or a
       * box of rendered text, read as plain text. Kept in memory only, never stored.
       */
      note: sel('the procedure note').optional(),
      history: HistoryMapSchema.optional(),
      /** The ABN-on-file control: a checkbox, or text ('Signed', 'Yes', 'Not signed'). */
      abnSigned: sel('the ABN-signed field').optional(),
      /** 'YYYY-MM-DD' or 'MM/DD/YYYY'. */
      dateOfService: sel('the date of service').optional(),
      /**
       * The EHR's own encounter or claim number, to tell encounters apart (part of
       * the encounter's identity, of which the worker keeps only a keyed pseudonym).
       * Never a patient name, MRN or birth date.
       */
      encounterKey: sel('the encounter or claim number').optional(),
      /** Where encounter-level findings are shown (default: the diagnosis list's table). */
      header: sel('the encounter header').optional(),
      /** The submit / sign / finalize controls, for the sign-off prompt. */
      signControls: sel('the submit or sign controls').optional(),
    },
    'a field map object { name, matches, procedures, diagnoses, payer, … }',
  );
}

/** A field map as a user gives it (options page, settings file): selectors held to the browser's parser where there is one. */
export const FieldMapSchema = fieldMapSchema(selectorError);
/**
 * A field map read back from storage: checked by a browser when it was saved, so where there is
 * no document (the worker) only its shape is checked; a stricter check there could only drop a map
 * the browser runs.
 */
export const StoredFieldMapSchema = fieldMapSchema(storedSelectorError);

export type FieldMap = z.infer<typeof FieldMapSchema>;

/** A field map from JSON the user typed: the map, or one message naming the field ("procedures.rows: not a valid CSS selector …"). */
export function parseFieldMap(input: unknown): { ok: true; value: FieldMap } | { ok: false; error: string } {
  const parsed = FieldMapSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${formatPath(issue.path)}: ${issue.message}` };
}

/** Every problem at once, for the options page to mark each bad field: [{ field, message }]. */
export function fieldMapProblems(input: unknown): { field: string; message: string }[] {
  const parsed = FieldMapSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message }));
}
