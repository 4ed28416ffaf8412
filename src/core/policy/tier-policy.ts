/**
 * @module The friction each tier asks for: built-in defaults merged with the catalog's overrides.
 */
import type { Catalog, Tier } from '../catalog/catalog-schema.js';
import type { Enforcement, FindingFriction } from '../catalog/policy-schema.js';

export interface TierPolicy {
  tier: Tier;
  /** Approvals needed from humans who are not authors or operators. */
  approvals: number;
  /** How many of those must come from the system's owners. */
  ownerApprovals: number;
  /** Floor on `approvals` when the change is AI-authored. */
  aiAuthoredApprovals: number;
  docs: string[];
  /** Extra sections when AI assisted or authored the change. */
  aiDocs: string[];
  high: FindingFriction;
  critical: FindingFriction;
  maxChangedLines: number;
  signedApprovals: boolean;
  enforcement: Enforcement;
}

/** The defaults from the README's friction table. Every number can be overridden per tier. */
export const DEFAULT_TIER_POLICIES: Readonly<Record<Tier, TierPolicy>> = {
  1: {
    tier: 1,
    approvals: 2,
    ownerApprovals: 1,
    aiAuthoredApprovals: 2,
    docs: ['summary', 'risk', 'rollback', 'testing'],
    aiDocs: ['ai-usage'],
    high: 'owner-approval',
    critical: 'director-sign-off',
    maxChangedLines: 400,
    signedApprovals: false,
    enforcement: 'enforce',
  },
  2: {
    tier: 2,
    approvals: 1,
    ownerApprovals: 1,
    aiAuthoredApprovals: 1,
    docs: ['summary', 'testing'],
    aiDocs: [],
    high: 'owner-approval',
    critical: 'director-sign-off',
    maxChangedLines: 1000,
    signedApprovals: false,
    enforcement: 'enforce',
  },
  3: {
    tier: 3,
    approvals: 0,
    ownerApprovals: 0,
    aiAuthoredApprovals: 1,
    docs: [],
    aiDocs: [],
    high: 'approval',
    critical: 'owner-approval',
    maxChangedLines: 4000,
    signedApprovals: false,
    enforcement: 'enforce',
  },
};

/** The policy for one tier: the catalog's overrides on top of the defaults. */
export function resolveTierPolicy(catalog: Catalog, tier: Tier): TierPolicy {
  const overrides = catalog.policy.tiers?.[tier] ?? {};
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_TIER_POLICIES[tier], ...defined, tier };
}
