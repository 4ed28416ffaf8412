/** A small organisation for workflow tests: one tier-1 system with owners, a director, a VP and an AI agent. */
import { catalogSchema, type Catalog } from '../../src/core/catalog/catalog-schema.js';
import type { ChangeEvaluation } from '../../src/core/evaluation.js';
import type { ApprovalsRequirement, Requirement, SignOffRequirement } from '../../src/core/requirement.js';
import { buildEvaluation, type EvaluationSpec } from './build-evaluation.js';

export const NOW = '2026-03-04T10:00:00.000Z';
export const later = (hours: number): string => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();

export function buildCatalog(extra: Record<string, unknown> = {}): Catalog {
  return catalogSchema.parse({
    version: 1,
    people: [
      { id: 'alice', emails: ['alice@example.com'] },
      { id: 'bob', emails: ['bob@example.com'] },
      { id: 'carol', emails: ['carol@example.com'] },
      { id: 'dana', emails: ['dana@example.com'], roles: ['director'] },
      { id: 'victor', emails: ['victor@example.com'], roles: ['vp'] },
      { id: 'erin', emails: ['erin@example.com'] },
      { id: 'claude', emails: ['noreply@anthropic.com'], ai: true },
      ...((extra.people as unknown[]) ?? []),
    ],
    teams: { 'checkout-eng': ['bob', 'carol'] },
    systems: [{ id: 'checkout', tier: 1, org: 'retail', owners: ['checkout-eng'], director: 'dana', vp: 'victor', paths: ['services/checkout/**'] }],
    ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== 'people')),
  });
}

/** The tier-1 approvals requirement as the policy engine builds it: 2 approvals, 1 from the owners. */
export function tier1Approvals(overrides: Partial<ApprovalsRequirement> = {}): ApprovalsRequirement {
  return {
    kind: 'approvals',
    id: 'approvals:checkout',
    reason: 'tier 1',
    sources: [{ system: 'checkout', tier: 1 }],
    minimum: 2,
    minimumFromOwners: 1,
    ownersLabel: 'checkout-eng',
    owners: ['bob', 'carol'],
    excluded: ['alice', 'claude'],
    approvedBy: [],
    signaturesRequired: false,
    satisfied: false,
    enforcement: 'enforce',
    ...overrides,
  };
}

export function directorSignOff(): SignOffRequirement {
  return { kind: 'sign-off', id: 'sign-off:checkout', role: 'director', person: 'dana', reason: 'critical finding infra-destroy', sources: [{ system: 'checkout', tier: 1, rule: 'infra-destroy' }], satisfied: false, enforcement: 'enforce' };
}

/** A tier-1 checkout change written by alice that needs two approvals. */
export function checkoutChange(spec: Omit<EvaluationSpec, 'systems'> & { requirements?: Requirement[] }): ChangeEvaluation {
  return buildEvaluation({
    verdict: 'needs-approval',
    requirements: [tier1Approvals()],
    ...spec,
    systems: [{ id: 'checkout', tier: 1, org: 'retail', owners: ['checkout-eng'], director: 'dana', vp: 'victor' }],
  });
}
