/** What a rule module is: its meta and a check over the claim. */
import type { Severity } from './schema';
import type { RuleContext } from './context';

export interface RuleMeta {
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
  /** Message builders, keyed by what they report. */
  messages: Record<string, (...args: never[]) => string>;
}

export interface RuleReport {
  /** 0-based index of the encounter line, or null for the whole encounter. */
  line: number | null;
  message: string;
  fix?: string;
  severity?: Severity;
  reference?: string;
}

export interface RuleModule<M extends RuleMeta = RuleMeta> {
  meta: M;
  check(context: RuleContext): RuleReport[];
}

export function defineRule<M extends RuleMeta>(rule: RuleModule<M>): RuleModule<M> {
  return rule;
}
