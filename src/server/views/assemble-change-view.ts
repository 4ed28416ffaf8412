/**
 * @module A recorded change as it stands now, for pages and the API: the workflow's settled
 * requirements and verdict, every decision of its line marked stale or counting, and what is missing. Pure.
 */
import type { ApprovalRecord } from '../../core/approval.js';
import type { PeopleDirectory } from '../../core/policy/people.js';
import type { StoredChange } from '../../store/store.js';
import { describeUnmet, settleStoredChange, type SettledChange } from '../../workflow/settle-stored-change.js';

export interface DecisionView extends ApprovalRecord {
  /** True when the decision no longer counts for this content (other digest, or this one superseded). */
  stale: boolean;
}

export interface ChangeView extends SettledChange {
  /** False once newer content of the same line superseded it. */
  current: boolean;
  /** Every decision recorded on the change's line, oldest first. */
  decisions: DecisionView[];
  /** One line per unmet enforced requirement, with its reason. */
  missing: string[];
}

/** Settles `change` against every decision of its line (see `settleStoredChange`). */
export function assembleChangeView(change: StoredChange, lineDecisions: readonly ApprovalRecord[], people: PeopleDirectory): ChangeView {
  const settled = settleStoredChange(change, lineDecisions, people);
  const current = change.supersededBy === undefined;
  return {
    ...settled,
    current,
    decisions: lineDecisions.map((decision) => ({
      ...decision,
      stale: decision.kind !== 'reject' && (!current || decision.digest !== change.digest),
    })),
    missing: describeUnmet(settled.requirements),
  };
}
