/** What a rule module is: its meta and a check over the claim. */
import type { FindingField, Severity, Suggestion } from './schema';
import type { RuleContext } from './context';
import type { RuleNeeds } from './gate';

/**
 * One message of a rule, as ESLint's meta.messages: text with `{{name}}`
 * placeholders that the engine fills from the report's data.
 */
export interface MessageSpec {
  /** One plain sentence a physician understands: what is wrong. */
  readonly message: string;
  /** At most 32 characters once filled, saying what to do ('Add modifier 25'): what the inline warning shows. */
  readonly title: string;
  /** The concrete change ('Add modifier 25 to {{em}}'). */
  readonly fix?: string;
}

/** 'a {{x}} b {{y}}' → 'x' | 'y'. */
type Placeholders<S> = S extends `${string}{{${infer K}}}${infer Rest}` ? K | Placeholders<Rest> : never;

type PlaceholdersOf<M extends MessageSpec> =
  Placeholders<M['message']> | Placeholders<M['title']> | Placeholders<M['fix']>;

/** The data a message needs: exactly its placeholders (none: no data). */
type MessageData<M extends MessageSpec> = [PlaceholdersOf<M>] extends [never]
  ? { data?: Record<string, never> }
  : { data: { readonly [K in PlaceholdersOf<M>]: string | number } };

interface ReportBase {
  /** 0-based index of the encounter line, or null for the whole encounter. */
  line: number | null;
  /** The field of the line (or encounter) it concerns; the warning is painted beside it. */
  field?: FindingField | null;
  /** One-click fixes, when the fix is mechanical. */
  suggestions?: Suggestion[];
  severity?: Severity;
  reference?: string;
}

/** A report by message id: the type ties `messageId` and `data` to the rule's own meta.messages. */
export type MessageReport<Messages extends Record<string, MessageSpec>> = {
  [Id in keyof Messages & string]: ReportBase & { messageId: Id } & MessageData<Messages[Id]>;
}[keyof Messages & string];

export interface RuleMeta<Messages extends Record<string, MessageSpec> = Record<string, MessageSpec>> {
  /** Equal to the module's file name; a public contract. */
  id: string;
  /** One line: what the rule catches. */
  summary: string;
  /** The default severity; a finding may carry another when the rule says so (e.g. mod25-missing). */
  severity: Severity;
  /** Where the rule comes from. */
  reference: string;
  /** When it fires, in a sentence or two, for the docs. */
  description: string;
  /** Messages keyed by id. */
  messages: Messages;
}

/** A report of any rule, as the engine reads it. */
export type AnyReport = ReportBase & { messageId: string; data?: Readonly<Record<string, string | number>> };

export interface RuleModule<M extends RuleMeta = RuleMeta> {
  meta: M;
  /**
   * What an encounter must have for the rule to fire (rules/gate.ts): run() does not call check() on an
   * encounter without it. Only what check() itself requires (it returns nothing without it); none: always called.
   */
  needs?: RuleNeeds;
  check(context: RuleContext): readonly AnyReport[];
}

/**
 * A rule with messages by id (typescript-eslint's createRule): a report's
 * messageId must be one of meta.messages, and its data must fill exactly that
 * message's placeholders, or the rule does not compile (keys a spread brings in
 * escape the compiler: test/unit/rules.test.ts checks every rendered finding).
 */
export function createRule<const Messages extends Record<string, MessageSpec>>(rule: {
  meta: RuleMeta<Messages>;
  needs?: RuleNeeds;
  check(context: RuleContext): readonly MessageReport<Messages>[];
}): RuleModule {
  return rule;
}

/** A template split once into its text and placeholder names: [text, name, text, name, …, text]. */
const compiled = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  const out: string[] = [];
  let at = 0;
  let text = '';
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) break;
    out.push(text + template.slice(at, open), template.slice(open + 2, close));
    text = '';
    at = close + 2;
  }
  out.push(text + template.slice(at));
  // Templates are the catalog's own, a few hundred: the cache stays small.
  if (compiled.size < 10_000) compiled.set(template, (parts = out));
  return out;
}

/** Fills `{{name}}` placeholders; a placeholder without data stays as written (a test catches it). */
export function fillMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data || template.indexOf('{{') < 0) return template;
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    // Only a string or number of the data fills a placeholder (never an inherited property such as 'constructor').
    const value = data[key];
    out += (typeof value === 'string' || typeof value === 'number' ? value : `{{${key}}}`) + parts[i + 1]!;
  }
  return out;
}
