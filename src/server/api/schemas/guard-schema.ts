/**
 * @module The guard request: the action an agent is about to take and the context the agent's
 * machine reports (paths, selected targets, git state). The server adds the catalog's environments
 * and protected paths itself.
 */
import * as z from 'zod';

const text = (max: number) => z.string().max(max);
const path = text(4096).min(1);

export const agentActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('shell'), command: text(100_000) }),
  z.strictObject({ kind: z.literal('file-write'), tool: text(200), paths: z.array(path).max(10_000) }),
  z.strictObject({ kind: z.literal('tool'), tool: text(200), input: z.unknown() }),
]);

export const guardBody = z.strictObject({
  action: agentActionSchema,
  context: z.strictObject({
    cwd: path.describe('absolute folder the action runs in'),
    workspaceRoots: z.array(path).max(100).default([]),
    home: path.optional(),
    tempDirs: z.array(path).max(100).default([]),
    env: z.record(z.string(), text(10_000)).default({}).describe('only the variables that select targets: AWS_PROFILE, KUBECONFIG, TF_WORKSPACE, PGHOST, …'),
    kubeContext: z.strictObject({ name: text(500), source: text(500) }).optional(),
    terraformWorkspace: z.strictObject({ name: text(500), source: text(500) }).optional(),
    git: z
      .strictObject({ branch: text(500).optional(), worktreeDirty: z.boolean().optional(), protectedBranches: z.array(text(500)).max(100).default([]) })
      .default({ protectedBranches: [] }),
  }),
  agent: text(100).optional().describe('which agent asks, e.g. `claude-code`'),
});
