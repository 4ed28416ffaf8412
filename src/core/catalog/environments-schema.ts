/**
 * @module The `environments` section: how to recognise production (and safe) targets in agent actions.
 */
import * as z from 'zod';

export const environmentSchema = z.strictObject({
  name: z.string().min(1),
  production: z.boolean().default(false),
  /** Words or names that mark this environment when they appear in arguments or variables. */
  names: z.array(z.string().min(1)).default([]),
  kubeContexts: z.array(z.string().min(1)).default([]),
  awsProfiles: z.array(z.string().min(1)).default([]),
  awsAccounts: z.array(z.string().min(1)).default([]),
  terraformWorkspaces: z.array(z.string().min(1)).default([]),
  databaseHosts: z.array(z.string().min(1)).default([]),
  /** Glob patterns for stack, release or resource names, e.g. `*-prod`. */
  stackPatterns: z.array(z.string().min(1)).default([]),
  /**
   * What the agent guard answers for destructive actions against this environment when it is not
   * production, keyed by the guard's action id (`terraform-destroy`, `kubectl-delete`) or `*`.
   * Unset means `allow`. Production environments are always `deny`.
   */
  actions: z.record(z.string(), z.enum(['allow', 'ask', 'deny'])).default({}),
});
export type Environment = z.infer<typeof environmentSchema>;

export const environmentsSchema = z
  .array(environmentSchema)
  .describe('Named environments; destructive actions against a production one are denied by the agent guard.');
