/**
 * The engine: run(encounter, options) → Finding[]. Pure TypeScript, no browser
 * or Node API, so the worker, the tests and the command line run the same code.
 */
import type { Encounter, Finding, FindingField, Severity, Suggestion } from './schema';
import { createContext, type EngineTables } from './context';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { siteGroupOf } from './sites';
import { builtinIcd, icdSetFor, type IcdSetInForce } from './icd10cm/index';
import type { IcdCodeSet } from './icd10cm/types';
import { RULES } from './catalog/index';
import { withBuiltinNcci } from './ncci/index';
import { fillMessage, type AnyReport, type MessageSpec, type RuleModule } from './types';
import { payerKindFromName } from './payer-names';
import { admits, compileGate, type Gate } from './gate';
import type { PayerKind } from './schema';

export { RULES };
export type { RuleModule };

export interface RunOptions {
  settings?: Settings;
  /** The ICD-10-CM code set to judge every encounter with; the shipped FY2026 table by default. */
  icd?: IcdCodeSet;
  /**
   * ICD-10-CM code sets by the days they are in force (fiscal years): each
   * encounter is judged with the set in force on its dateOfService (rules/icd10cm/fiscal.ts).
   * Ignored when `icd` is given.
   */
  icdSets?: readonly IcdSetInForce[];
  /** The caller's day (YYYY-MM-DD) for an encounter without a dateOfService, to pick among `icdSets`; the engine reads no clock. */
  icdAsOf?: string;
  /** Data tables for the rules (NCCI: `ptp`, `mue`); the built-in NCCI subset for any it does not name. */
  tables?: EngineTables;
  /** Told when a rule throws (the engine then drops that rule's findings and goes on); tests make it fail. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Rules to run instead of the catalog (tests). */
  rules?: readonly RuleModule[];
  /**
   * Call every rule's check, needs or not (rules/gate.ts): the findings are the same, only slower.
   * The gate's own test compares the two.
   */
  ungated?: boolean;
}

/** Each rule's compiled needs, by rule list (the catalog's, or a test's): compiled once per list. */
const gatesByList = new WeakMap<readonly RuleModule[], readonly (Gate | undefined)[]>();

function gatesOf(rules: readonly RuleModule[]): readonly (Gate | undefined)[] {
  let gates = gatesByList.get(rules);
  if (!gates) gatesByList.set(rules, (gates = rules.map((rule) => compileGate(rule.needs))));
  return gates;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const RULES_BY_ID: ReadonlyMap<string, RuleModule> = new Map(RULES.map((r) => [r.meta.id, r]));

/** At most this many characters in a title (the schema's limit, what the inline warning has room for). */
export const TITLE_MAX = 32;

/**
 * Titles are written to fit with any realistic data (the case tables and worked examples prove it);
 * absurd data (units in the billions) could make one longer, and it is cut to the limit, marked '…'.
 */
function titleOf(filled: string): string {
  return filled.length <= TITLE_MAX ? filled : `${filled.slice(0, TITLE_MAX - 1)}…`;
}

/** A report's words: its message id's message, title and fix, filled with its data. */
interface Text {
  readonly messageId: string;
  /** The data object they were filled from (reports that share it share the words). */
  readonly data: AnyReport['data'];
  /** The data has a key: the finding carries it. */
  readonly hasData: boolean;
  readonly message: string;
  readonly title: string;
  readonly fix: string | undefined;
}

/** The message spec a report names; a report of an id its rule does not declare is the rule's error. */
function specOf(rule: RuleModule, messageId: string): MessageSpec {
  const spec: MessageSpec | undefined = Object.hasOwn(rule.meta.messages, messageId)
    ? rule.meta.messages[messageId]
    : undefined;
  if (!spec) throw new Error(`${rule.meta.id} reported an unknown message id '${messageId}'`);
  return spec;
}

/** The words of the specs reported without data: they are the spec's own, rendered once. */
const withoutData = new WeakMap<MessageSpec, Text>();

function render(messageId: string, spec: MessageSpec, data: AnyReport['data']): Text {
  if (data === undefined) {
    let text = withoutData.get(spec);
    if (!text || text.messageId !== messageId) {
      text = {
        messageId,
        data,
        hasData: false,
        message: spec.message,
        title: titleOf(fillMessage(spec.title, undefined)),
        fix: spec.fix || undefined,
      };
      withoutData.set(spec, text);
    }
    return text;
  }
  return {
    messageId,
    data,
    hasData: hasKeys(data),
    message: fillMessage(spec.message, data),
    title: titleOf(fillMessage(spec.title, data)),
    fix: spec.fix ? fillMessage(spec.fix, data) : undefined,
  };
}

/** From this many reports of one rule on, words are kept by data object: lines that share their data, in any order, share their words. */
const MANY_REPORTS = 8;

/**
 * The payer kind the rules judge by: the screen's, else the kind its insurer
 * name says (the practice's names, then the built-in table), else the user's default.
 */
export function effectivePayerKind(encounter: Encounter, settings: Settings = DEFAULT_SETTINGS): PayerKind {
  if (encounter.payer.kind !== 'unknown') return encounter.payer.kind;
  const named = payerKindFromName(encounter.payer.name, settings.payerNames);
  if (named !== 'unknown') return named;
  return settings.defaultPayerKind ?? 'unknown';
}

/** Whether an object has an own or inherited enumerable key: settings without overrides skip the per-rule lookup. */
function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** Every report is on a line, each on a later line than the one before. */
function inLineOrder(reports: readonly AnyReport[]): boolean {
  let last = -Infinity;
  for (const report of reports) {
    if (report.line === null || !(report.line > last)) return false;
    last = report.line;
  }
  return true;
}

/**
 * What an encounter-level report is about, independent of its wording: its message id and
 * data, the data's keys in order (the worker keys dismissals the same way: findingSubject).
 */
function subjectOf(report: AnyReport): string {
  return findingSubject(report.messageId, report.data);
}

/** A stable text for a message id and its data, whatever order the rule wrote the keys in. */
export function findingSubject(messageId: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return messageId;
  return `${messageId}${Object.keys(data)
    .sort()
    .map((k) => `|${k}=${typeof data[k]}:${data[k]}`)
    .join('')}`;
}

/**
 * A finding as run() makes it: its fields written in one place, in one order, so that every finding
 * is laid out alike (8,000 findings cost a few hundred kilobytes, not a properties store each).
 * Its own properties are a Finding's; one left out is absent, not undefined.
 */
class RenderedFinding implements Finding {
  // Declared, not initialized: a field left out stays absent (never an own property set to undefined).
  declare rule: string;
  declare severity: Severity;
  declare line: number | null;
  declare message: string;
  declare fix?: string;
  declare reference?: string;
  declare messageId?: string;
  declare data?: Record<string, string | number>;
  declare title?: string;
  declare field?: FindingField | null;
  declare suggestions?: Suggestion[];

  constructor(
    rule: string,
    severity: Severity,
    line: number | null,
    text: Text,
    reference: string,
    field: FindingField | null | undefined,
    suggestions: Suggestion[] | undefined,
  ) {
    this.rule = rule;
    this.severity = severity;
    this.line = line;
    this.message = text.message;
    if (text.fix) this.fix = text.fix;
    this.reference = reference;
    this.messageId = text.messageId;
    // Shared, not copied: findings are read, never written (lines that share their words share their data).
    if (text.hasData) this.data = text.data as Record<string, string | number>;
    this.title = text.title;
    if (field !== undefined) this.field = field;
    if (suggestions?.length) this.suggestions = suggestions;
  }
}

function byLineSeverityRule(a: Finding, b: Finding): number {
  return (
    (a.line ?? -1) - (b.line ?? -1) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Findings for one schema-valid encounter. Never throws. */
export function run(encounter: Encounter, options: RunOptions = {}): Finding[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const payerKind = effectivePayerKind(encounter, settings);
  // A self-pay encounter sends no claim: nothing to lint.
  if (payerKind === 'self-pay') return [];
  const icd =
    options.icd ??
    (options.icdSets && icdSetFor(options.icdSets, encounter.dateOfService ?? options.icdAsOf)?.set) ??
    builtinIcd;
  const context = createContext(encounter, { payerKind, siteGroupOf, icd, tables: withBuiltinNcci(options.tables) });
  if (context.claim.length === 0) return [];

  const overrides = hasKeys(settings.rules) ? settings.rules : undefined;
  const findings: Finding[] = [];
  const rules = options.rules ?? RULES;
  const gates = options.ungated ? undefined : gatesOf(rules);
  const groupsPresent = context.onClaim.groupsPresent;
  const facts = context.facts;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const gate = gates?.[r];
    // A rule whose needs the encounter lacks would find nothing: it is not called.
    if (gate !== undefined && !admits(gate, groupsPresent, facts)) continue;
    const level = (overrides && overrides[rule.meta.id]) ?? 'default';
    if (level === 'off') continue;
    const first = findings.length;
    try {
      const reports = rule.check(context);
      if (reports.length === 0) continue;
      // At most one finding per line (and per message id and data for encounter-level ones, e.g. one per invalid
      // diagnosis: never by the wording); reports on lines in increasing order, as most rules give them, cannot repeat one.
      const seen = inLineOrder(reports) ? undefined : new Set<string>();
      // Words rendered once per message id and data object: reports in a row that share it, and, for a rule
      // with many reports, any that do (lines that share their hits share their data).
      const byData = reports.length >= MANY_REPORTS ? new Map<object, Text>() : undefined;
      let text: Text | undefined;
      for (const report of reports) {
        if (seen) {
          const key = report.line === null ? `null:${subjectOf(report)}` : String(report.line);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const { messageId, data } = report;
        if (!(text && text.data === data && text.messageId === messageId)) {
          const known = byData && data ? byData.get(data) : undefined;
          if (known && known.messageId === messageId) text = known;
          else {
            text = render(messageId, specOf(rule, messageId), data);
            if (byData && data && !known) byData.set(data, text);
          }
        }
        const finding = new RenderedFinding(
          rule.meta.id,
          level === 'default' ? (report.severity ?? rule.meta.severity) : level,
          report.line,
          text,
          report.reference ?? rule.meta.reference,
          report.field,
          report.suggestions,
        );
        findings.push(finding);
      }
    } catch (error) {
      // A rule that fails on odd input (or reports a message it does not declare) stays silent rather than break the others.
      findings.length = first;
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
  }
  return findings.length > 1 ? findings.sort(byLineSeverityRule) : findings;
}
