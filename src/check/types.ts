import type { Location } from '../model/diagnostics';
import type { Stage } from '../model/schemas';
import type { EnvironmentState, RepositoryState } from '../model/state';
import type { EnvironmentChanges } from '../plan/types';
import type { Suppressible } from './suppressions';

export type Level = 'error' | 'warning';

/** What a rule returns: the level comes from the pack, never from the rule. */
export interface RuleFinding {
  message: string;
  location: Location;
  /** The natural key of what the finding is about (HSA-id, namespace, routing key). */
  entity?: string;
}

export interface RuleContext {
  /** The clock: validity dates and certificate expiry are judged against this, never `new Date()`. */
  now: Date;
  /** The whole repository, for rules that compare environments (promotion). */
  repository: RepositoryState;
  /** The same environment at the base revision, for process gates that compare (plan only). */
  base?: EnvironmentState;
  /** The environment's change set from the base (plan only). */
  changes?: EnvironmentChanges;
  /** Reviewers whose approval of the change is on record (`tak plan --approved-by`, from the code host). */
  approvedBy?: readonly string[];
}

/** A policy rule: a pure function over the resolved model. */
export type Rule = (state: EnvironmentState, context: RuleContext) => RuleFinding[];

/** What an audit sees: the whole run, after every rule and suppression has been applied. */
export interface AuditInput {
  states: readonly EnvironmentState[];
  findings: readonly Finding[];
  /** The ids of the pack, so that a suppression naming no rule can say so. */
  ruleIds: ReadonlySet<string>;
  /** Where the pack lets each rule be suppressed. */
  suppressible: Suppressible;
}

/**
 * A rule over the run's findings rather than the model (suppressions that matched nothing). It
 * runs once per run, after the others; each finding names the environment it belongs to.
 */
export type Audit = (run: AuditInput, context: RuleContext) => (RuleFinding & { env: string })[];

/** A rule as the pack registers it: its id is its file name under policies/. */
export type RuleSpec = {
  id: string;
  /** One line for `tak rules` and the reports' help text. */
  explanation: string;
  levels: Record<Stage, Level>;
  /** The stages in which a suppression of this rule is accepted (default: every stage). */
  suppressible?: readonly Stage[];
} & ({ rule: Rule; audit?: undefined } | { audit: Audit; rule?: undefined });

export interface Finding extends RuleFinding {
  rule: string;
  level: Level;
  env: string;
  /** Present when a declared suppression accepted this finding; it then counts as neither error nor warning. */
  suppressed?: { reason: string; ticket?: string; location: Location };
}

export interface CheckResult {
  findings: Finding[];
  summary: { errors: number; warnings: number; suppressed: number };
}
