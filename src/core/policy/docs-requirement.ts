/**
 * @module The documentation requirement: the sections every touched tier asks for.
 */
import type { Enforcement } from '../catalog/policy-schema.js';
import type { DocsRequirement, RequirementSource } from '../requirement.js';
import { strictest } from './approval-requirements.js';
import type { RequirementContext } from './requirement-context.js';

/** One `docs` requirement with the union of sections the touched tiers ask for; none when no tier asks. */
export function buildDocsRequirement(ctx: RequirementContext): DocsRequirement | undefined {
  const sections = new Set<string>();
  const sources: RequirementSource[] = [];
  const enforcements: Enforcement[] = [];
  const aiInvolved = ctx.provenance.level !== 'human';
  const tiersSeen = new Set<number>();
  for (const system of ctx.systems.systems) {
    const policy = ctx.policyOf(system.tier);
    const wanted = aiInvolved ? [...policy.docs, ...policy.aiDocs] : policy.docs;
    if (wanted.length === 0) continue;
    wanted.forEach((section) => sections.add(section));
    sources.push({ system: system.id, tier: system.tier, ...(aiInvolved && policy.aiDocs.length > 0 ? { provenance: ctx.provenance.level } : {}) });
    enforcements.push(policy.enforcement);
    tiersSeen.add(system.tier);
  }
  if (sections.size === 0) return undefined;
  const ordered = [...sections];
  const missing = ordered.filter((section) => !ctx.documentation.sections[section]);
  const tiers = [...tiersSeen].sort().map((tier) => `tier ${tier}`);
  return {
    kind: 'docs',
    id: 'docs',
    reason: aiInvolved && ordered.includes('ai-usage') ? `${tiers.join(', ')}; ${ctx.provenance.level}` : tiers.join(', '),
    sources,
    sections: ordered,
    missing,
    satisfied: missing.length === 0,
    enforcement: strictest(enforcements),
  };
}
