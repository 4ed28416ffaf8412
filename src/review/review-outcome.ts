/**
 * @module The result of one agentic review: completed with findings, or explicitly unavailable.
 *
 * INVARIANT (AI can only add friction): a completed outcome carries findings to ADD and
 * informational text — nothing that could approve, waive, remove or lower a requirement. An
 * `unavailable` outcome is not a pass: the policy turns it into its own requirement.
 */
import * as z from 'zod';
import { SEVERITIES } from '../core/finding.js';

const usageSchema = z.strictObject({ inputTokens: z.int().min(0), outputTokens: z.int().min(0) });

const findingSchema = z.strictObject({
  rule: z.string().startsWith('review:'),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  file: z.string().optional(),
  line: z.int().positive().optional(),
  evidence: z.string().optional(),
  remediation: z.string().optional(),
});

export const completedReviewSchema = z.strictObject({
  status: z.literal('completed'),
  /** Reviewer findings, each with rule `review:<category>`. */
  findings: z.array(findingSchema),
  /** A short risk summary in the reviewer's words (informational). */
  summary: z.string(),
  /** Whether the documentation's risk, rollback and testing sections match the diff (informational). */
  docsAssessment: z.strictObject({ matches: z.boolean(), problems: z.array(z.string()) }),
  /** The model that answered, as the provider reported it. */
  model: z.string(),
  provider: z.string(),
  promptVersion: z.string(),
  /** Tokens spent, summed over every attempt. */
  usage: usageSchema,
  latencyMs: z.number().min(0),
  attempts: z.int().min(0),
  /** What the reviewer did not see (cut to fit the budget, or unreadable). */
  truncated: z.array(z.string()),
  /** Adjustments made to the answer (e.g. a finding about an untouched file kept without a file). */
  notes: z.array(z.string()),
  /** True when this outcome came from the cache (usage and latency are those of the original run). */
  cached: z.boolean(),
});

export const unavailableReviewSchema = z.strictObject({
  status: z.literal('unavailable'),
  /** One line: why, e.g. `no answer within 60s`. */
  reason: z.string(),
  /** The configured model. */
  model: z.string(),
  provider: z.string(),
  promptVersion: z.string(),
  attempts: z.int().min(0),
  usage: usageSchema,
  latencyMs: z.number().min(0),
});

export const reviewOutcomeSchema = z.discriminatedUnion('status', [completedReviewSchema, unavailableReviewSchema]);

export type CompletedReview = z.infer<typeof completedReviewSchema>;
export type UnavailableReview = z.infer<typeof unavailableReviewSchema>;
/** What `runReview` returns. Compatible with the policy's `ReviewResult`. */
export type ReviewOutcome = CompletedReview | UnavailableReview;
