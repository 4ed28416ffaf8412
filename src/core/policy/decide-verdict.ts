/**
 * @module The verdict: allow, needs-approval or blocked, from the enforced requirements only.
 */
import type { Verdict } from '../evaluation.js';
import { BLOCKING_KINDS, type Requirement } from '../requirement.js';

/**
 * `blocked` when an unmet requirement cannot be lifted by ordinary approvals (sign-off, rejection,
 * freeze); `needs-approval` when anything else is unmet; `allow` otherwise. Requirements in
 * `evaluate` mode are reported but never change the verdict.
 */
export function decideVerdict(requirements: readonly Requirement[]): Verdict {
  const unmet = requirements.filter((requirement) => !requirement.satisfied && requirement.enforcement === 'enforce');
  if (unmet.some((requirement) => BLOCKING_KINDS.has(requirement.kind))) return 'blocked';
  return unmet.length > 0 ? 'needs-approval' : 'allow';
}
