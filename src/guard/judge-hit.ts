/**
 * @module Turns what a rule recognised into a verdict, by weighing it against its target environment.
 *
 * catastrophic or tamper → deny; destructive → deny for production, ask for an unknown
 * environment, allow (or as the catalog says) for a declared non-production one; risky and
 * uncertain → ask, deny for production; protected paths → as the path says.
 */
import {
  classifyEnvironment,
  describeEnvironment,
  type EnvironmentAssessment,
} from './environment/classify-environment.js';
import { collectMarkers } from './environment/collect-markers.js';
import type { GuardContext, GuardFinding, GuardVerdict } from './guard-types.js';
import type { RuleHit, ToolFamily } from './rules/rule-kit.js';
import type { ShellAssignment, ShellWord } from './shell/shell-syntax.js';

/** Where a hit's markers come from: the command's words, variables and hops. */
export interface HitSubject {
  text: string;
  argv: readonly ShellWord[];
  assignments: readonly ShellAssignment[];
  outer: readonly ShellWord[];
  /** Directories the script changed into before the command (`cd envs/prod && terraform destroy`). */
  cd?: readonly ShellWord[];
}

const APPROVE_HINT = 'A person can run it themselves, or allow this exact command once with `tollgate guard approve` in their own terminal.';

/** Judges one rule hit; pure. */
export function judgeHit(hit: RuleHit, subject: HitSubject, context: GuardContext): GuardFinding {
  const base = { rule: hit.rule, subject: subject.text };
  switch (hit.kind) {
    case 'catastrophic':
      return { ...base, verdict: 'deny', reason: `Denied: ${hit.what}. This cannot be undone and is never run by an agent. ${APPROVE_HINT}` };
    case 'tamper':
      return { ...base, verdict: 'deny', reason: `Denied: ${hit.what}. The agent may not switch off or override its own guard. ${APPROVE_HINT}` };
    case 'protected': {
      const verdict = hit.verdict ?? 'ask';
      return { ...base, verdict, reason: `${verdict === 'deny' ? 'Denied' : 'Needs a person'}: ${hit.what}.` };
    }
    default:
      break;
  }
  if (hit.production) {
    return { ...base, verdict: 'deny', reason: `Denied: ${hit.what}, and ${hit.production}. ${APPROVE_HINT}`, environment: 'production' };
  }
  const environment = assessTarget(hit, subject, context);
  const where = describeEnvironment(environment);
  if (hit.productionOnly) {
    if (environment.class !== 'production') return { ...base, verdict: 'allow', reason: `Allowed: ${hit.what}; ${where}.`, environment: environment.class };
    return { ...base, verdict: 'ask', reason: `Needs a person: ${hit.what}, and ${where}.`, environment: 'production' };
  }
  if (environment.class === 'production') {
    return { ...base, verdict: 'deny', reason: `Denied: ${hit.what}, and ${where}. Destructive actions against production are never run by an agent. ${APPROVE_HINT}`, environment: 'production' };
  }
  if (hit.kind === 'risky') {
    return { ...base, verdict: 'ask', reason: `Needs a person: ${hit.what}.`, environment: environment.class };
  }
  if (environment.class === 'non-production') {
    const configured = nonProductionVerdict(hit.rule, environment);
    const word = configured === 'allow' ? 'Allowed' : configured === 'deny' ? 'Denied' : 'Needs a person';
    return { ...base, verdict: configured, reason: `${word}: ${hit.what}; ${where}.`, environment: 'non-production' };
  }
  return {
    ...base,
    verdict: 'ask',
    reason: `Needs a person: ${hit.what}, and the guard cannot tell which environment it targets. Declare environments in tollgate.yaml to let it tell.`,
    environment: 'unknown',
  };
}

/** Judges something that runs but cannot be read: ask, deny for production. */
export function judgeUncertainty(reason: string, subject: HitSubject, context: GuardContext): GuardFinding {
  const environment = assessTarget({ rule: 'cannot-tell', kind: 'risky', what: reason, family: 'cloud' }, subject, context);
  if (environment.class === 'production') {
    return { rule: 'cannot-tell', subject: subject.text, verdict: 'deny', environment: 'production', reason: `Denied: ${reason}, and ${describeEnvironment(environment)}. ${APPROVE_HINT}` };
  }
  return { rule: 'cannot-tell', subject: subject.text, verdict: 'ask', environment: environment.class, reason: `Needs a person: ${reason}, so the guard cannot tell what it does.` };
}

function assessTarget(hit: RuleHit, subject: HitSubject, context: GuardContext): EnvironmentAssessment {
  const family: ToolFamily = hit.family;
  const markers = collectMarkers({
    family,
    argv: subject.argv,
    assignments: subject.assignments,
    outer: subject.outer,
    cd: subject.cd ?? [],
    options: hit.markers ?? [],
    ignoreSelections: (hit.ignoreSelections ?? false) || (family === 'terraform' && (subject.cd?.length ?? 0) > 0),
  }, context);
  return classifyEnvironment(markers, context.environments);
}

function nonProductionVerdict(rule: string, environment: EnvironmentAssessment): GuardVerdict {
  const actions = environment.environment?.actions ?? {};
  return actions[rule] ?? actions['*'] ?? 'allow';
}
