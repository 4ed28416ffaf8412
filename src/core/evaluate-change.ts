/**
 * @module Evaluating a change: (change, catalog, documentation, decisions, time) -> findings, requirements, verdict.
 *
 * Two steps, both pure with respect to their input (the rule pack may await WebAssembly parsers,
 * nothing else), so every verdict can be replayed from what was recorded:
 * `analyzeChange` finds systems, provenance and findings; `decideChange` turns them, with the
 * decisions recorded so far and the agentic review, into requirements and a verdict. The agentic
 * review runs between the two because it reads the deterministic findings.
 */
import { evaluateRules } from '../rules/index.js';
import type { ApprovalRecord } from './approval.js';
import type { Catalog, Tier } from './catalog/catalog-schema.js';
import { digestPolicy } from './catalog/policy-digest.js';
import { buildSystemIndex } from './catalog/system-index.js';
import type { Change } from './change.js';
import { detectProvenance } from './detect-provenance.js';
import type { Documentation } from './documentation.js';
import type { ChangeEvaluation, ReviewSummary } from './evaluation.js';
import { compareFindings, type Finding } from './finding.js';
import { assembleRequirements } from './policy/assemble-requirements.js';
import { findChangeAuthors, findUnknownAuthors } from './policy/change-authors.js';
import { decideVerdict } from './policy/decide-verdict.js';
import { buildPeopleDirectory } from './policy/people.js';
import type { RequirementContext, ReviewResult } from './policy/requirement-context.js';
import { resolveTierPolicy, type TierPolicy } from './policy/tier-policy.js';
import { findTouchedSystems, type SystemsOfChange } from './policy/touched-systems.js';
import type { Provenance } from './provenance.js';

/** What the deterministic safeguards found in a change. */
export interface ChangeAnalysis {
  change: Change;
  catalog: Catalog;
  systems: SystemsOfChange;
  provenance: Provenance;
  /** Deterministic findings, most severe first. */
  findings: Finding[];
}

export interface DecisionInput {
  documentation: Documentation;
  /** Approvals, sign-offs and rejections recorded for this change (any digest; stale ones do not count). */
  decisions: readonly ApprovalRecord[];
  /** ISO 8601: the evaluation's notion of "now" (never read from the clock inside the core). */
  now: string;
  /** The agentic reviewer's result, present only when policy requires a review of this change. */
  review?: ReviewResult & Partial<ReviewSummary>;
  /** Notes from the adapters to show with the result (e.g. the head's catalog differs). */
  notices?: readonly string[];
}

export type EvaluationInput = DecisionInput & { change: Change; catalog: Catalog };

/** Runs the deterministic safeguards: systems touched, provenance, rule findings. */
export async function analyzeChange(change: Change, catalog: Catalog): Promise<ChangeAnalysis> {
  const index = buildSystemIndex(catalog);
  const findings = (await evaluateRules({ change, catalog, systems: index })).sort(compareFindings);
  return { change, catalog, systems: findTouchedSystems(change, index), provenance: detectProvenance(change, catalog), findings };
}

/** Turns an analysis, the decisions so far and the review into requirements and a verdict. */
export function decideChange(analysis: ChangeAnalysis, input: DecisionInput): ChangeEvaluation {
  const { change, catalog, provenance, findings } = analysis;
  const people = buildPeopleDirectory(catalog);
  const policies = new Map<Tier, TierPolicy>();
  const policyOf = (tier: Tier): TierPolicy => {
    let policy = policies.get(tier);
    if (!policy) policies.set(tier, (policy = resolveTierPolicy(catalog, tier)));
    return policy;
  };
  const ctx: RequirementContext = {
    change,
    catalog,
    systems: analysis.systems,
    provenance,
    findings,
    documentation: input.documentation,
    decisions: [...input.decisions],
    ...(input.review ? { review: input.review } : {}),
    people,
    authors: findChangeAuthors(change, provenance, people),
    unknownAuthors: findUnknownAuthors(change, people),
    policyOf,
    ruleEnforcement: (rule, tier) => catalog.rules.enforcement[rule] ?? policyOf(tier).enforcement,
  };
  const requirements = assembleRequirements(ctx);
  const reviewFindings: Finding[] = input.review?.status === 'completed' ? input.review.findings : [];
  return {
    change: {
      digest: change.digest,
      source: change.source,
      base: change.base,
      head: change.head,
      ...(change.branch ? { branch: change.branch } : {}),
      files: change.stats.files,
      additions: change.stats.additions,
      deletions: change.stats.deletions,
      commits: change.commits.map((commit) => ({
        sha: commit.sha,
        ...(commit.patchId ? { patchId: commit.patchId } : {}),
        subject: commit.subject,
        author: commit.author.email,
      })),
    },
    systems: analysis.systems.systems,
    provenance,
    documentation: {
      source: input.documentation.source,
      ...(input.documentation.path ? { path: input.documentation.path } : {}),
      sections: Object.keys(input.documentation.sections).sort(),
    },
    findings: [...findings, ...reviewFindings].sort(compareFindings),
    requirements,
    verdict: decideVerdict(requirements),
    ...(input.review ? { review: summarizeReview(input.review) } : {}),
    notices: [...(input.notices ?? [])],
    policyDigest: digestPolicy(catalog),
    evaluatedAt: input.now,
  };
}

/** Both steps at once, for callers with no review to run in between. */
export async function evaluateChange(input: EvaluationInput): Promise<ChangeEvaluation> {
  return decideChange(await analyzeChange(input.change, input.catalog), input);
}

export { digestPolicy };

function summarizeReview(review: ReviewResult & Partial<ReviewSummary>): ReviewSummary {
  return {
    status: review.status,
    ...(review.status !== 'completed' ? { reason: review.reason } : {}),
    ...(review.model ? { model: review.model } : {}),
    ...(review.provider ? { provider: review.provider } : {}),
    ...(review.summary ? { summary: review.summary } : {}),
    ...(review.usage ? { usage: review.usage } : {}),
    ...(review.latencyMs !== undefined ? { latencyMs: review.latencyMs } : {}),
  };
}
