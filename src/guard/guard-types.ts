/**
 * @module The guard's data: the action an agent is about to take, the context it is judged in,
 * and the decision with its reasons.
 *
 * All plain data, so a decision can be recorded, replayed and computed by a long-running process
 * as well as by a process per hook call.
 */
import type { Environment } from '../core/catalog/environments-schema.js';
import type { EnvironmentClass } from './environment/classify-environment.js';
import type { ShellParser } from './shell/shell-syntax.js';
import type { GitAliasLookup } from './shell/unwrap-git.js';
import type { SavedPlanLookup } from './terraform/saved-plan.js';

export type GuardVerdict = 'allow' | 'ask' | 'deny';

/** What an agent is about to do, whatever its hook protocol. */
export type AgentAction =
  | { kind: 'shell'; command: string }
  /** Writes or edits files through a tool other than the shell (paths as the agent gave them). */
  | { kind: 'file-write'; tool: string; paths: string[] }
  /** Any other tool call: MCP servers, cloud APIs, reads. */
  | { kind: 'tool'; tool: string; input: unknown };

/** A path pattern whose writes need a person (or are refused), with the reason shown. */
export interface ProtectedPath {
  /** Picomatch glob, relative to a workspace root, or starting with `~/` for the home directory. */
  pattern: string;
  reason: string;
  verdict: 'ask' | 'deny';
}

/** A person's one-time approval of one exact command. */
export interface GuardGrant {
  id: string;
  /** `commandDigest` of the approved command. */
  digest: string;
  approvedBy: string;
  /** Milliseconds since the epoch. */
  approvedAt: number;
  expiresAt: number;
}

/** Everything the decision depends on besides the action; gathered by an adapter. */
export interface GuardContext {
  /** Absolute directory the action runs in. */
  cwd: string;
  /** Absolute roots of the workspace (the repository root, the agent's workspace roots). */
  workspaceRoots: string[];
  home?: string;
  /** Absolute scratch directories whose contents may be deleted freely. */
  tempDirs: string[];
  /** Environment variables of the agent's process that select targets (AWS_PROFILE, TF_WORKSPACE, PGHOST, …). */
  env: Readonly<Record<string, string | undefined>>;
  /** The current kube context and where it was read. */
  kubeContext?: { name: string; source: string };
  /** The selected Terraform workspace and where it was read. */
  terraformWorkspace?: { name: string; source: string };
  git: {
    branch?: string;
    /** Undefined when not known; `git reset --hard` then needs a person. */
    worktreeDirty?: boolean;
    protectedBranches: string[];
    /**
     * `alias.<name>` from git's configuration where the command runs (read when first asked);
     * undefined when there is none, `null` when the configuration could not be read.
     */
    alias?: GitAliasLookup;
  };
  /**
   * Reads a saved Terraform plan (an absolute path) when `terraform apply FILE` is judged; without
   * it (a guard that cannot see the agent's files) every saved plan is one the guard cannot read.
   */
  savedPlan?: SavedPlanLookup;
  /** The catalog's `environments` (empty without a catalog). */
  environments: Environment[];
  protectedPaths: ProtectedPath[];
  grants: GuardGrant[];
  /** Milliseconds since the epoch. */
  now: number;
  shell: ShellParser;
}

/** One thing the guard noticed, with the verdict it leads to. */
export interface GuardFinding {
  /** Stable id of what was recognised, e.g. `terraform-destroy`, `rm-recursive`, `computed-command`. */
  rule: string;
  verdict: GuardVerdict;
  /** One sentence for the agent and its user. */
  reason: string;
  /** The command or tool call it concerns. */
  subject: string;
  environment?: EnvironmentClass;
}

/** The decision on one action. */
export interface GuardDecision {
  decision: GuardVerdict;
  reasons: string[];
  findings: GuardFinding[];
  /** Digest of the normalised command or tool call: what `tollgate guard approve` binds to. */
  digest: string;
  /** The approval that turned this decision into `allow`; the adapter must consume it. */
  grant?: GuardGrant;
}
