/**
 * @module The result of evaluating a change: systems, provenance, findings, requirements, verdict.
 *
 * Plain data only: it is printed, stored, sent over HTTP and replayed from the audit log.
 */
import type { Finding } from './finding.js';
import type { Provenance } from './provenance.js';
import type { Requirement } from './requirement.js';

export type Verdict = 'allow' | 'needs-approval' | 'blocked';

export interface TouchedSystem {
  id: string;
  name: string;
  tier: 1 | 2 | 3;
  org?: string;
  owners: string[];
  director?: string;
  vp?: string;
  /** Number of changed files in this system. */
  files: number;
  /** Critical globs of this system that the change touches. */
  criticalPaths: string[];
  /** True for the pseudo-system of files no catalog system claims (tier = `defaults.tier`). */
  unclaimed?: boolean;
}

/** The agentic review as recorded with the evaluation: what ran, what it cost, or why it did not run. */
export interface ReviewSummary {
  status: 'completed' | 'unavailable' | 'skipped';
  reason?: string;
  model?: string;
  provider?: string;
  summary?: string;
  usage?: { inputTokens: number; outputTokens: number };
  latencyMs?: number;
}

export interface ChangeEvaluation {
  change: {
    digest: string;
    source: string;
    base: string;
    head: string;
    branch?: string;
    files: number;
    additions: number;
    deletions: number;
    commits: { sha: string; patchId?: string; subject: string; author: string }[];
  };
  systems: TouchedSystem[];
  provenance: Provenance;
  documentation: { source: string; path?: string; sections: string[] };
  findings: Finding[];
  requirements: Requirement[];
  verdict: Verdict;
  /** Present when policy required the agentic review of this change. */
  review?: ReviewSummary;
  /** Human-readable notes, e.g. "the change edits tollgate.yaml; it was evaluated under the base catalog". */
  notices: string[];
  /** sha256 of the canonical catalog the change was evaluated under. */
  policyDigest: string;
  /** ISO 8601 time the evaluation used as "now". */
  evaluatedAt: string;
}
