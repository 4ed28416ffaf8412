/**
 * @module Printing a review: text for people, versioned JSON (`tollgate.review/v1`) for tools,
 * and the exact request for `--dry-run`.
 */
import { findingKey } from './apply-dismissals.js';
import type { ReviewRequest } from './assemble-review-request.js';
import type { ReviewOutcome } from './review-outcome.js';
import type { ProviderRequest } from './review-provider.js';

export const REVIEW_SCHEMA = 'tollgate.review/v1';
export const REVIEW_REQUEST_SCHEMA = 'tollgate.review-request/v1';

/** `tollgate.review/v1`: the outcome, with each finding's dismissal key. */
export function formatReviewJson(changeDigest: string, outcome: ReviewOutcome): string {
  const body =
    outcome.status === 'completed' ? { ...outcome, findings: outcome.findings.map((f) => ({ key: findingKey(f), ...f })) } : outcome;
  return `${JSON.stringify({ schema: REVIEW_SCHEMA, change: { digest: changeDigest }, review: body }, null, 2)}\n`;
}

/** The outcome for people; unavailable is stated as friction, never as a pass. */
export function formatReviewText(outcome: ReviewOutcome): string {
  const tokens = `${outcome.usage.inputTokens}+${outcome.usage.outputTokens} tokens`;
  const took = `${(outcome.latencyMs / 1000).toFixed(1)}s`;
  if (outcome.status === 'unavailable') {
    return [
      `agentic review: UNAVAILABLE (${outcome.model} via ${outcome.provider}, ${outcome.attempts} attempts, ${tokens}, ${took})`,
      `  ${outcome.reason}`,
      '  where policy requires the review, this costs one more owner approval.',
      '',
    ].join('\n');
  }
  const lines = [
    `agentic review: completed (${outcome.model} via ${outcome.provider}, prompt ${outcome.promptVersion}, ${tokens}, ${took}${outcome.cached ? ', cached' : ''})`,
    `risk: ${outcome.summary}`,
  ];
  if (outcome.findings.length === 0) lines.push('findings: none');
  else lines.push(`findings (${outcome.findings.length}):`);
  for (const f of outcome.findings) {
    const where = f.file ? ` ${f.file}${f.line ? `:${f.line}` : ''}` : '';
    lines.push(`  ${f.severity.padEnd(8)} ${f.rule}${where}  [${findingKey(f)}]`, `           ${f.message}`);
    if (f.evidence) lines.push(`           evidence: ${f.evidence}`);
  }
  lines.push(`documentation: ${outcome.docsAssessment.matches ? 'matches the diff' : 'does not match the diff'}`);
  for (const problem of outcome.docsAssessment.problems) lines.push(`  - ${problem}`);
  if (outcome.truncated.length > 0) lines.push(`not shown to the reviewer (${outcome.truncated.length}):`, ...outcome.truncated.map((t) => `  - ${t}`));
  for (const note of outcome.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** `--dry-run`: exactly what would be sent, and what was cut. */
export function formatReviewRequest(format: 'text' | 'json', request: ReviewRequest, sent: ProviderRequest, target: { provider: string; model: string }): string {
  if (format === 'json') {
    const { system, messages, schema, schemaName, maxOutputTokens, promptVersion, changeDigest } = sent;
    return `${JSON.stringify({ schema: REVIEW_REQUEST_SCHEMA, ...target, promptVersion, changeDigest, estimatedTokens: request.estimatedTokens, tokenBudget: request.tokenBudget, truncated: request.truncated, instructions: system, messages, outputSchemaName: schemaName, outputSchema: schema, maxOutputTokens }, null, 2)}\n`;
  }
  return [
    `# review request for ${target.provider} ${target.model} (prompt ${request.promptVersion}; about ${request.estimatedTokens} of ${request.tokenBudget} tokens)`,
    '',
    '## system',
    request.system,
    '',
    '## user',
    request.prompt,
    '',
  ].join('\n');
}
