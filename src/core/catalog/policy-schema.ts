/**
 * @module The friction policy section of the catalog: what each tier requires.
 */
import * as z from 'zod';

export const enforcementSchema = z.enum(['enforce', 'evaluate']).describe(
  '`enforce` fails the gate on unmet requirements; `evaluate` computes and reports them without failing.',
);
export type Enforcement = z.infer<typeof enforcementSchema>;

/** What a finding of a given severity adds. */
export const findingFrictionSchema = z.enum(['none', 'approval', 'owner-approval', 'director-sign-off']).describe(
  '`approval`: at least one approval; `owner-approval`: one more approval from the system owners; `director-sign-off`: blocked until the system director signs off.',
);
export type FindingFriction = z.infer<typeof findingFrictionSchema>;

export const tierPolicySchema = z
  .strictObject({
    approvals: z.int().min(0).max(10).optional().describe('Approvals needed from humans who are not authors or operators.'),
    ownerApprovals: z.int().min(0).max(10).optional().describe('How many of those approvals must come from the system owners.'),
    aiAuthoredApprovals: z
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe('Minimum approvals when the change is AI-authored (raises `approvals`, never lowers it).'),
    docs: z.array(z.string().min(1)).optional().describe('Documentation sections every change needs, e.g. summary, risk, rollback, testing.'),
    aiDocs: z.array(z.string().min(1)).optional().describe('Extra documentation sections when the change is AI-assisted or AI-authored.'),
    high: findingFrictionSchema.optional().describe('What a high finding adds.'),
    critical: findingFrictionSchema.optional().describe('What a critical finding adds.'),
    maxChangedLines: z.int().min(1).optional().describe('Changes larger than this (added + removed lines) get a `change-size` finding.'),
    signedApprovals: z.boolean().optional().describe('Approvals must carry an SSH signature from a key listed for the approver.'),
    enforcement: enforcementSchema.optional(),
  })
  .describe('Overrides of the built-in defaults for one tier.');
export type TierPolicyInput = z.infer<typeof tierPolicySchema>;

export const policySchema = z
  .strictObject({
    tiers: z
      .strictObject({ 1: tierPolicySchema.optional(), 2: tierPolicySchema.optional(), 3: tierPolicySchema.optional() })
      .optional(),
  })
  .describe('Overrides of the per-tier friction defaults.');
