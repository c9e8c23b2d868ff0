/**
 * The engine: run(encounter, options) → Finding[]. Pure TypeScript, no browser
 * or Node API, so the worker, the tests and the command line run the same code.
 */
import type { Encounter, Finding, Severity } from './schema';
import { createContext, type EngineTables } from './context';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { siteGroupOf } from './sites';
import { builtinIcd, icdSetFor, type IcdSetInForce } from './icd10cm/index';
import type { IcdCodeSet } from './icd10cm/types';
import { RULES } from './catalog/index';
import { withBuiltinNcci } from './ncci/index';
import { fillMessage, type AnyReport, type MessageSpec, type RuleModule } from './types';
import { payerKindFromName } from './payer-names';
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

/** A report's text: its message id's message, title and fix, filled with its data. */
function render(rule: RuleModule, report: AnyReport): { message: string; fix?: string; title: string } {
  const spec: MessageSpec | undefined = Object.hasOwn(rule.meta.messages, report.messageId) ? rule.meta.messages[report.messageId] : undefined;
  if (!spec) throw new Error(`${rule.meta.id} reported an unknown message id '${report.messageId}'`);
  return {
    message: fillMessage(spec.message, report.data),
    title: titleOf(fillMessage(spec.title, report.data)),
    ...(spec.fix ? { fix: fillMessage(spec.fix, report.data) } : {}),
  };
}

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
function inLineOrder(reports: readonly { report: AnyReport }[]): boolean {
  let last = -Infinity;
  for (const { report } of reports) {
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
  const icd = options.icd ?? (options.icdSets && icdSetFor(options.icdSets, encounter.dateOfService ?? options.icdAsOf)?.set) ?? builtinIcd;
  const context = createContext(encounter, { payerKind, siteGroupOf, icd, tables: withBuiltinNcci(options.tables) });
  if (context.claim.length === 0) return [];

  const overrides = hasKeys(settings.rules) ? settings.rules : undefined;
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const level = (overrides && overrides[rule.meta.id]) ?? 'default';
    if (level === 'off') continue;
    let reports: { report: AnyReport; text: ReturnType<typeof render> }[];
    try {
      // Reports that share their data (lines that share their hits) share their words: rendered once.
      let last: { report: AnyReport; text: ReturnType<typeof render> } | undefined;
      reports = rule.check(context).map((report) => {
        const text = last && last.report.data !== undefined && last.report.data === report.data && last.report.messageId === report.messageId ? last.text : render(rule, report);
        return (last = { report, text });
      });
    } catch (error) {
      // A rule that fails on odd input stays silent rather than break the others.
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    if (reports.length === 0) continue;
    // At most one finding per line (and per message id and data for encounter-level ones, e.g. one per invalid
    // diagnosis: never by the wording); reports on lines in increasing order, as most rules give them, cannot repeat one.
    const seen = inLineOrder(reports) ? undefined : new Set<string>();
    for (const { report, text } of reports) {
      if (seen) {
        const key = report.line === null ? `null:${subjectOf(report)}` : String(report.line);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const finding: Finding = {
        rule: rule.meta.id,
        severity: level === 'default' ? (report.severity ?? rule.meta.severity) : level,
        line: report.line,
        message: text.message,
      };
      if (text.fix) finding.fix = text.fix;
      finding.reference = report.reference ?? rule.meta.reference;
      finding.messageId = report.messageId;
      // Shared, not copied: findings are read, never written (lines that share their words share their data).
      if (report.data && hasKeys(report.data)) finding.data = report.data as Record<string, string | number>;
      finding.title = text.title;
      if (report.field !== undefined) finding.field = report.field;
      if (report.suggestions?.length) finding.suggestions = report.suggestions;
      findings.push(finding);
    }
  }
  return findings.length > 1 ? findings.sort(byLineSeverityRule) : findings;
}
