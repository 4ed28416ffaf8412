/**
 * @module Requirements: what must hold before a change may ship, each with the reason it exists.
 */
import type { Enforcement } from './catalog/policy-schema.js';

/** Where a requirement came from, so every line of output can say why. */
export interface RequirementSource {
  system?: string;
  tier?: 1 | 2 | 3;
  rule?: string;
  provenance?: string;
}

interface RequirementBase {
  /** Stable id within one evaluation, e.g. `approvals:checkout`, `docs`, `sign-off:checkout:director`. */
  id: string;
  /** One line for people: why this requirement exists (tier, rule, provenance). */
  reason: string;
  sources: RequirementSource[];
  satisfied: boolean;
  /** `evaluate`: reported but does not fail the gate (roll-out mode). */
  enforcement: Enforcement;
}

export interface ApprovalsRequirement extends RequirementBase {
  kind: 'approvals';
  /** Approvals needed in total from eligible humans. */
  minimum: number;
  /** How many of those must come from `owners`. */
  minimumFromOwners: number;
  /** Label of the owner group for output, e.g. `checkout-eng` or `guardrail owners`. */
  ownersLabel: string;
  /** Person ids who count as owners here. */
  owners: string[];
  /** Authors, committers and operators (person ids, or emails): they may not approve. AI identities never can. */
  excluded: string[];
  /** Person ids whose current (non-stale) approvals count toward this requirement. */
  approvedBy: string[];
  /** Only approvals carrying a verified SSH signature count (tier policy `signedApprovals`). */
  signaturesRequired: boolean;
}

export interface DocsRequirement extends RequirementBase {
  kind: 'docs';
  sections: string[];
  missing: string[];
}

export interface SignOffRequirement extends RequirementBase {
  kind: 'sign-off';
  role: 'director' | 'vp' | 'owner';
  /** Person id who must sign off; absent when the catalog names nobody (cannot be satisfied). */
  person?: string;
  signedOffBy?: string;
}

export interface NoRejectionRequirement extends RequirementBase {
  kind: 'no-rejection';
  rejectedBy: string[];
}

export interface NoFreezeRequirement extends RequirementBase {
  kind: 'no-freeze';
  freezes: string[];
}

export interface ReviewRequirement extends RequirementBase {
  kind: 'agentic-review';
}

export type Requirement =
  | ApprovalsRequirement
  | DocsRequirement
  | SignOffRequirement
  | NoRejectionRequirement
  | NoFreezeRequirement
  | ReviewRequirement;

export type RequirementKind = Requirement['kind'];

/** Unmet requirements of these kinds block the change; ordinary approvals cannot lift them. */
export const BLOCKING_KINDS: ReadonlySet<RequirementKind> = new Set(['sign-off', 'no-rejection', 'no-freeze']);
