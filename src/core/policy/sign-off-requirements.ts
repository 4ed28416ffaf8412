/**
 * @module Sign-off requirements: critical findings block a change until a named leader signs off.
 */
import type { SignOffRequirement } from '../requirement.js';
import { strictest } from './approval-requirements.js';
import type { RequirementContext } from './requirement-context.js';

/**
 * One sign-off per touched system whose tier maps critical findings to `director-sign-off`.
 * The director signs; without one the VP does; with neither, nobody can, and the reason says so.
 */
export function buildSignOffRequirements(ctx: RequirementContext): SignOffRequirement[] {
  const requirements: SignOffRequirement[] = [];
  for (const system of ctx.systems.systems) {
    const policy = ctx.policyOf(system.tier);
    if (policy.critical !== 'director-sign-off') continue;
    const rules = [
      ...new Set(
        ctx.findings
          .filter((finding) => finding.severity === 'critical' && ctx.systems.systemsOfFinding(finding).includes(system.id))
          .map((finding) => finding.rule),
      ),
    ].sort();
    if (rules.length === 0) continue;
    const role = system.director ? 'director' : system.vp ? 'vp' : 'director';
    const person = system.director ?? system.vp;
    requirements.push({
      kind: 'sign-off',
      id: `sign-off:${system.id}`,
      role,
      ...(person ? { person } : {}),
      reason: `critical finding ${rules.join(', ')}${person ? '' : `; ${system.id} has no director or vp in the catalog`}`,
      sources: rules.map((rule) => ({ system: system.id, tier: system.tier, rule })),
      satisfied: false,
      enforcement: strictest(rules.map((rule) => ctx.ruleEnforcement(rule, system.tier))),
    });
  }
  return requirements;
}
