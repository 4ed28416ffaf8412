/**
 * @module A recorded change's requirements brought up to date with the decisions recorded since.
 */
import type { ApprovalRecord } from '../core/approval.js';
import type { Verdict } from '../core/evaluation.js';
import { decideVerdict } from '../core/policy/decide-verdict.js';
import type { PeopleDirectory } from '../core/policy/people.js';
import { settleRequirements } from '../core/policy/settle-requirements.js';
import type { Requirement } from '../core/requirement.js';
import type { StoredChange } from '../store/store.js';

export interface SettledChange {
  change: StoredChange;
  requirements: Requirement[];
  verdict: Verdict;
  /** Approvals and sign-offs of exactly this content that count. */
  counted: ApprovalRecord[];
  /** Approvals and sign-offs of other content of the line, or of this content once superseded. */
  stale: ApprovalRecord[];
  /** Rejections in force anywhere in the line: new content does not shake them off. */
  rejections: ApprovalRecord[];
}

/**
 * Pure: re-settles the stored requirements (plus `extra`, e.g. a freeze) against the decisions of
 * the change's whole line. Superseded content counts no approvals at all.
 */
export function settleStoredChange(change: StoredChange, lineDecisions: readonly ApprovalRecord[], people: PeopleDirectory, extra: readonly Requirement[] = []): SettledChange {
  const current = change.supersededBy === undefined;
  // A digest no decision can carry: once superseded, nothing about this content counts.
  const countedDigest = current ? change.digest : `superseded:${change.digest}`;
  const requirements = settleRequirements([...change.evaluation.requirements, ...extra], { digest: countedDigest, decisions: lineDecisions, people });
  const approvals = lineDecisions.filter((decision) => decision.kind === 'approve' || decision.kind === 'sign-off');
  return {
    change,
    requirements,
    verdict: decideVerdict(requirements),
    counted: approvals.filter((decision) => decision.digest === countedDigest),
    stale: approvals.filter((decision) => decision.digest !== countedDigest),
    rejections: lineDecisions.filter((decision) => decision.kind === 'reject' && !decision.withdrawn),
  };
}

/** One line per unmet enforced requirement: what is missing and why it is required. */
export function describeUnmet(requirements: readonly Requirement[]): string[] {
  return requirements.filter((requirement) => !requirement.satisfied && requirement.enforcement === 'enforce').map((requirement) => `${missingPart(requirement)} (${requirement.reason})`);
}

function missingPart(requirement: Requirement): string {
  switch (requirement.kind) {
    case 'approvals': {
      const owners = requirement.minimumFromOwners > 0 ? `, ${requirement.minimumFromOwners} from ${requirement.ownersLabel}` : '';
      const signed = requirement.signaturesRequired ? ' signed' : '';
      return `needs ${requirement.minimum}${signed} approval${requirement.minimum === 1 ? '' : 's'}${owners}; has ${requirement.approvedBy.length}`;
    }
    case 'docs':
      return `documentation missing: ${requirement.missing.join(', ')}`;
    case 'sign-off':
      return requirement.person ? `needs sign-off by ${requirement.role} ${requirement.person}` : `needs sign-off by a ${requirement.role}, and the catalog names none`;
    case 'no-rejection':
      return `rejected by ${requirement.rejectedBy.join(', ')}`;
    case 'no-freeze':
      return `change freeze ${requirement.freezes.join(', ')}`;
    case 'agentic-review':
      return 'needs a passing agentic review';
  }
}
