/**
 * @module Provenance: whether a change was written by a human, with AI help, or by an AI agent.
 */

export const PROVENANCE_LEVELS = ['human', 'ai-assisted', 'ai-authored'] as const;
export type ProvenanceLevel = (typeof PROVENANCE_LEVELS)[number];

export interface ProvenanceEvidence {
  /** Commit sha the marker was found on; absent for change-level markers (branch name). */
  commit?: string;
  /** Which marker matched, e.g. `co-authored-by`, `bot-author`, `branch-prefix`, `ai-tool-trailer`. */
  marker: string;
  /** The text that matched, e.g. the trailer line. */
  detail: string;
  /** The AI tool this marker names, e.g. `Claude Code`, `GitHub Copilot`, `aider`. */
  tool?: string;
  level: Exclude<ProvenanceLevel, 'human'>;
}

export interface Provenance {
  level: ProvenanceLevel;
  /** 0..1: how sure the detection is (explicit trailers and bot identities are near 1). */
  confidence: number;
  tools: string[];
  /**
   * Catalog person ids (or emails when unknown to the catalog) of the humans who drove the AI.
   * Operators count as authors: they can never approve the change.
   */
  operators: string[];
  evidence: ProvenanceEvidence[];
}
