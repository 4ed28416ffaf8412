/**
 * @module Everything the requirement builders read, indexed once per evaluation.
 */
import type { ApprovalRecord } from '../approval.js';
import type { Catalog, Tier } from '../catalog/catalog-schema.js';
import type { Enforcement } from '../catalog/policy-schema.js';
import type { Change } from '../change.js';
import type { Documentation } from '../documentation.js';
import type { Finding } from '../finding.js';
import type { Provenance } from '../provenance.js';
import type { PeopleDirectory } from './people.js';
import type { TierPolicy } from './tier-policy.js';
import type { SystemsOfChange } from './touched-systems.js';

/** What the agentic reviewer contributed: its findings, or why it did not run. */
export type ReviewResult =
  | { status: 'completed'; findings: Finding[] }
  | { status: 'unavailable'; reason: string }
  | { status: 'skipped'; reason: string };

export interface RequirementContext {
  change: Change;
  catalog: Catalog;
  systems: SystemsOfChange;
  provenance: Provenance;
  findings: Finding[];
  documentation: Documentation;
  /** Approvals, sign-offs and rejections recorded so far, for any digest of this change. */
  decisions: ApprovalRecord[];
  /** Set when policy requires the agentic review for this change. */
  review?: ReviewResult;
  people: PeopleDirectory;
  /** Authors, committers and operators (person ids, or emails when unknown). */
  authors: string[];
  /** Human authors and committers the catalog does not know (see `findUnknownAuthors`). */
  unknownAuthors: string[];
  policyOf(tier: Tier): TierPolicy;
  /** Enforcement of a rule: the catalog's per-rule setting, else the given tier's. */
  ruleEnforcement(rule: string, tier: Tier): Enforcement;
}
