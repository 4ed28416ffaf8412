/**
 * @module The guard's port to the audit log: record decisions, issue and use one-time approvals,
 * list recent decisions. The decision path only ever talks to this interface.
 */
import type { GuardGrant, GuardVerdict } from './guard-types.js';

/** One decision as recorded. */
export interface GuardDecisionRecord {
  /** ISO 8601. */
  at: string;
  /** The agent protocol (`claude-code`, `cursor`, …), `cli` for `--command`. */
  agent: string;
  sessionId?: string;
  cwd: string;
  /** The agent's tool name (`Bash`, `run_shell_command`, …). */
  tool: string;
  /** The command or tool call, shortened for the log. */
  subject: string;
  /** What an approval binds to. */
  digest: string;
  decision: GuardVerdict;
  reasons: string[];
  /** The approval that allowed it, if one did. */
  approval?: string;
}

export interface GuardLog {
  recordDecision(record: GuardDecisionRecord): Promise<void>;
  /** Records a person's one-time approval. */
  recordGrant(grant: GuardGrant, subject: string): Promise<void>;
  /** Approvals that are in force at `now` and not used yet. */
  liveGrants(now: number): Promise<GuardGrant[]>;
  /** Uses an approval; false when another call used it first (it is good for one use only). */
  consumeGrant(grant: GuardGrant, use: { agent: string; sessionId?: string; at: string }): Promise<boolean>;
  /** The most recent decisions, newest last. */
  recentDecisions(limit: number): Promise<GuardDecisionRecord[]>;
  /** Housekeeping after a decision is out: moves waiting events into the audit store once many pile up. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** How long a person's approval stays usable. */
export const GRANT_LIFETIME_MS = 5 * 60 * 1000;
