/**
 * @module Settling requirements against the decisions recorded so far (approvals, sign-offs, rejections).
 *
 * Separate from assembling them so that `status` can re-settle a stored evaluation when new
 * approvals arrive, without re-reading the change.
 */
import type { ApprovalRecord } from '../approval.js';
import type { Requirement } from '../requirement.js';
import type { PeopleDirectory } from './people.js';

export interface SettleInput {
  /** The change's current content digest: decisions about any other digest are stale. */
  digest: string;
  decisions: readonly ApprovalRecord[];
  people: PeopleDirectory;
}

/** Returns the requirements with `approvedBy`, `signedOffBy`, rejections and `satisfied` brought up to date. */
export function settleRequirements(requirements: readonly Requirement[], input: SettleInput): Requirement[] {
  const current = input.decisions.filter((decision) => !decision.withdrawn && decision.digest === input.digest);
  const settled: Requirement[] = [];
  for (const requirement of requirements) {
    switch (requirement.kind) {
      case 'approvals': {
        const approvedBy = eligibleApprovers(current, requirement.excluded, requirement.signaturesRequired, input.people);
        const fromOwners = approvedBy.filter((person) => requirement.owners.includes(person)).length;
        settled.push({
          ...requirement,
          approvedBy,
          satisfied: approvedBy.length >= requirement.minimum && fromOwners >= requirement.minimumFromOwners,
        });
        break;
      }
      case 'sign-off': {
        const signedOffBy = requirement.person
          ? current.find((decision) => decision.kind === 'sign-off' && decision.person === requirement.person)?.person
          : undefined;
        const { signedOffBy: _previous, ...rest } = requirement;
        settled.push({ ...rest, ...(signedOffBy ? { signedOffBy } : {}), satisfied: signedOffBy !== undefined });
        break;
      }
      case 'no-rejection':
        break; // rebuilt below from the decisions as they are now
      default:
        settled.push(requirement);
    }
  }
  // A rejection blocks the change whatever its content, until the person withdraws it.
  const rejectedBy = [
    ...new Set(input.decisions.filter((decision) => decision.kind === 'reject' && !decision.withdrawn).map((decision) => decision.person)),
  ].sort();
  if (rejectedBy.length > 0) {
    settled.unshift({
      kind: 'no-rejection',
      id: 'no-rejection',
      reason: `rejected by ${rejectedBy.join(', ')}`,
      sources: [],
      rejectedBy,
      satisfied: false,
      enforcement: 'enforce',
    });
  }
  return settled;
}

/** People whose approvals count: for this exact content, known to the catalog, human, not an author. */
function eligibleApprovers(current: ApprovalRecord[], excluded: readonly string[], signedOnly: boolean, people: PeopleDirectory): string[] {
  const approvers = new Set<string>();
  for (const decision of current) {
    if (decision.kind !== 'approve') continue;
    if (!people.byId(decision.person) || people.isAi(decision.person) || excluded.includes(decision.person)) continue;
    if (signedOnly && !decision.signature) continue;
    approvers.add(decision.person);
  }
  return [...approvers].sort();
}
