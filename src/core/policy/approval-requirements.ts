/**
 * @module Approval requirements: per touched system by tier, findings and provenance, plus guardrails.
 */
import type { Tier } from '../catalog/catalog-schema.js';
import type { Enforcement } from '../catalog/policy-schema.js';
import type { Finding } from '../finding.js';
import type { ApprovalsRequirement, RequirementSource } from '../requirement.js';
import type { RequirementContext } from './requirement-context.js';
import type { TierPolicy } from './tier-policy.js';

interface ApprovalNeed {
  minimum: number;
  fromOwners: number;
  reasons: string[];
  sources: RequirementSource[];
  enforcements: Enforcement[];
}

/** One approvals requirement per touched system that needs any, and one for guardrail changes. */
export function buildApprovalRequirements(ctx: RequirementContext): ApprovalsRequirement[] {
  const requirements: ApprovalsRequirement[] = [];
  for (const system of ctx.systems.systems) {
    const policy = ctx.policyOf(system.tier);
    const need = assessSystemNeed(ctx, system.id, policy);
    if (need.minimum === 0) continue;
    const { owners, label, fromOwners, note } = resolveOwners(ctx, system.owners, need.fromOwners, system.id);
    requirements.push(
      finishApprovals(ctx, policy, {
        id: `approvals:${system.id}`,
        need: { ...need, fromOwners, reasons: note ? [...need.reasons, note] : need.reasons },
        owners,
        ownersLabel: label,
      }),
    );
  }
  const guardrail = buildGuardrailRequirement(ctx);
  if (guardrail) requirements.push(guardrail);
  return requirements;
}

function assessSystemNeed(ctx: RequirementContext, systemId: string, policy: TierPolicy): ApprovalNeed {
  const tier = policy.tier;
  const need: ApprovalNeed = {
    minimum: policy.approvals,
    fromOwners: policy.ownerApprovals,
    reasons: [`tier ${tier}`],
    sources: [{ system: systemId, tier }],
    enforcements: [policy.enforcement],
  };
  if (ctx.provenance.level === 'ai-authored' && policy.aiAuthoredApprovals > need.minimum) {
    need.minimum = policy.aiAuthoredApprovals;
    need.reasons.push('ai-authored');
    need.sources.push({ system: systemId, tier, provenance: 'ai-authored' });
  }
  const concerning = ctx.findings.filter((finding) => ctx.systems.systemsOfFinding(finding).includes(systemId));
  for (const severity of ['high', 'critical'] as const) {
    const rules = distinctRules(concerning.filter((finding) => finding.severity === severity));
    if (rules.length === 0) continue;
    const friction = policy[severity];
    const enforcement = strictest(rules.map((rule) => ctx.ruleEnforcement(rule, tier)));
    if (friction === 'approval' && need.minimum < 1) {
      need.minimum = 1;
      need.reasons.push(`${severity} finding ${rules.join(', ')}`);
    } else if (friction === 'owner-approval') {
      need.fromOwners += 1;
      need.reasons.push(`+1 owner: ${severity} finding ${rules.join(', ')}`);
    } else {
      continue;
    }
    need.sources.push(...rules.map((rule) => ({ system: systemId, tier, rule })));
    need.enforcements.push(enforcement);
  }
  if (ctx.unknownAuthors.length > 0 && policy.ownerApprovals > 0) {
    // An unknown author could approve under their catalog id: one more owner must look.
    need.fromOwners += 1;
    need.reasons.push(`+1 owner: author not in the catalog (${ctx.unknownAuthors.join(', ')})`);
    need.sources.push({ system: systemId, tier, rule: 'unknown-author' });
    need.enforcements.push(policy.enforcement);
  }
  addReviewNeed(ctx, systemId, tier, need);
  need.minimum = Math.max(need.minimum, need.fromOwners);
  return need;
}

/** The reviewer only ever adds: high or critical reviewer findings, or no review at all, cost one owner approval. */
function addReviewNeed(ctx: RequirementContext, systemId: string, tier: Tier, need: ApprovalNeed): void {
  const review = ctx.review;
  if (!review) return;
  if (review.status !== 'completed') {
    need.fromOwners += 1;
    need.reasons.push(`+1 owner: agentic review ${review.status} (${review.reason})`);
    need.sources.push({ system: systemId, tier, rule: 'agentic-review' });
    need.enforcements.push(ctx.ruleEnforcement('agentic-review', tier));
    return;
  }
  const serious = review.findings.filter(
    (finding) => (finding.severity === 'high' || finding.severity === 'critical') && ctx.systems.systemsOfFinding(finding).includes(systemId),
  );
  if (serious.length === 0) return;
  need.fromOwners += 1;
  need.reasons.push(`+1 owner: agentic review found ${serious.length} high/critical issue${serious.length > 1 ? 's' : ''}`);
  need.sources.push({ system: systemId, tier, rule: 'agentic-review' });
  need.enforcements.push(ctx.ruleEnforcement('agentic-review', tier));
}

function buildGuardrailRequirement(ctx: RequirementContext): ApprovalsRequirement | undefined {
  const guardrailFindings = ctx.findings.filter((finding) => finding.rule === 'guardrail-change');
  if (guardrailFindings.length === 0) return undefined;
  const tier = strictestTier(ctx);
  const policy = ctx.policyOf(tier);
  const files = [...new Set(guardrailFindings.map((finding) => finding.file).filter(Boolean))];
  const { owners, label, fromOwners, note } = resolveOwners(ctx, ctx.catalog.guardrails.owners, 1, 'guardrails');
  return finishApprovals(ctx, policy, {
    id: 'approvals:guardrails',
    need: {
      minimum: 1,
      fromOwners,
      reasons: [`guardrail-change: ${files.join(', ') || 'guardrail configuration'}`, ...(note ? [note] : [])],
      sources: [{ rule: 'guardrail-change' }],
      enforcements: [ctx.ruleEnforcement('guardrail-change', tier)],
    },
    owners,
    ownersLabel: label,
  });
}

/**
 * Owner approvals need owners. A system without any falls back to the guardrail owners; with none of
 * those either, any eligible human may approve, and the reason says so.
 */
function resolveOwners(
  ctx: RequirementContext,
  ownerIds: readonly string[],
  fromOwners: number,
  what: string,
): { owners: string[]; label: string; fromOwners: number; note?: string } {
  if (ownerIds.length > 0) return { owners: ctx.people.expand(ownerIds), label: ownerIds.join(', '), fromOwners };
  const guardrailOwners = ctx.catalog.guardrails.owners;
  if (fromOwners > 0 && guardrailOwners.length > 0) {
    return { owners: ctx.people.expand(guardrailOwners), label: guardrailOwners.join(', '), fromOwners, note: `${what} has no owners: guardrail owners stand in` };
  }
  return { owners: [], label: 'owners', fromOwners: 0, ...(fromOwners > 0 ? { note: `${what} has no owners in the catalog` } : {}) };
}

function finishApprovals(
  ctx: RequirementContext,
  policy: TierPolicy,
  spec: { id: string; need: ApprovalNeed; owners: string[]; ownersLabel: string },
): ApprovalsRequirement {
  // AI identities never count (settling checks that for everyone); `excluded` names the humans who wrote it.
  const excluded = ctx.authors.filter((author) => !ctx.people.isAi(author));
  // Unsettled: `settleRequirements` fills in who approved and whether that is enough.
  return {
    kind: 'approvals',
    id: spec.id,
    reason: spec.need.reasons.join('; '),
    sources: spec.need.sources,
    minimum: spec.need.minimum,
    minimumFromOwners: spec.need.fromOwners,
    ownersLabel: spec.ownersLabel,
    owners: spec.owners,
    excluded,
    approvedBy: [],
    signaturesRequired: policy.signedApprovals,
    satisfied: false,
    enforcement: strictest(spec.need.enforcements),
  };
}

function distinctRules(findings: Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.rule))].sort();
}

/** A requirement is only in `evaluate` mode when every source of it is. */
export function strictest(enforcements: Enforcement[]): Enforcement {
  return enforcements.length > 0 && enforcements.every((mode) => mode === 'evaluate') ? 'evaluate' : 'enforce';
}

export function strictestTier(ctx: RequirementContext): Tier {
  const tiers = ctx.systems.systems.map((system) => system.tier);
  return (tiers.length > 0 ? Math.min(...tiers) : ctx.catalog.defaults.tier) as Tier;
}
