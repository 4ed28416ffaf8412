/**
 * @module What the reviewer must answer: findings, a risk summary and a documentation assessment.
 *
 * The same zod schema validates the answer and, converted to JSON Schema, is sent to providers for
 * structured output. It is kept to the subset every provider's strict mode accepts (no numeric or
 * length bounds; nullable instead of optional); limits are applied when findings are assembled.
 *
 * INVARIANT: the answer can only *add* findings. There is no field to approve, waive, lower a
 * severity or remove a requirement, and unknown keys fail validation, so an answer that tries
 * (e.g. `"approve": true`) is rejected and ends as `unavailable`, which itself adds friction.
 */
import * as z from 'zod';
import { SEVERITIES } from '../core/finding.js';

export const REVIEW_CATEGORIES = [
  'correctness',
  'reliability',
  'security',
  'data-loss',
  'performance',
  'rollback',
  'docs-mismatch',
  'other',
] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export const reviewAnswerFindingSchema = z.strictObject({
  severity: z.enum(SEVERITIES),
  category: z.enum(REVIEW_CATEGORIES),
  file: z.string().nullable().describe('Repo-relative path as shown in the file header; null for the change as a whole.'),
  line: z.number().nullable().describe('Line number in the new file; null when not tied to one line.'),
  message: z.string().describe('One or two sentences: what is wrong and why it matters.'),
  evidence: z.string().describe('The code or documentation text that shows it, quoted briefly.'),
});

export const reviewAnswerSchema = z.strictObject({
  summary: z.string().describe('Two or three sentences on the risk of shipping this change.'),
  findings: z.array(reviewAnswerFindingSchema),
  docsAssessment: z
    .strictObject({
      matches: z.boolean().describe('True only when risk, rollback and testing sections match what the diff does.'),
      problems: z.array(z.string()),
    })
    .describe('Whether the change documentation (risk, rollback, testing) matches the diff.'),
});

export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;
export type ReviewAnswerFinding = z.infer<typeof reviewAnswerFindingSchema>;

/** Name of the schema/tool in provider requests. */
export const REVIEW_ANSWER_SCHEMA_NAME = 'tollgate_review';

/** JSON Schema of the answer, as sent to providers (no `$schema` key: some strict modes reject it). */
export function reviewAnswerJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(reviewAnswerSchema, { target: 'draft-07' }) as Record<string, unknown>;
  return schema;
}
