/**
 * @module All requirements of a change, in the order people read them.
 */
import type { Requirement } from '../requirement.js';
import { buildApprovalRequirements } from './approval-requirements.js';
import { buildDocsRequirement } from './docs-requirement.js';
import type { RequirementContext } from './requirement-context.js';
import { settleRequirements } from './settle-requirements.js';
import { buildSignOffRequirements } from './sign-off-requirements.js';

/** Pure: the same context always yields the same requirements. */
export function assembleRequirements(ctx: RequirementContext): Requirement[] {
  const docs = buildDocsRequirement(ctx);
  const unsettled = [...buildApprovalRequirements(ctx), ...(docs ? [docs] : []), ...buildSignOffRequirements(ctx)];
  return settleRequirements(unsettled, { digest: ctx.change.digest, decisions: ctx.decisions, people: ctx.people });
}
