import { describe, expect, it } from 'vitest';
import { buildReviewInput } from '../../test/fixtures/review/build-review-input.js';
import { findingKey } from './apply-dismissals.js';
import { assembleProviderRequest } from './assemble-provider-request.js';
import { assembleReviewRequest } from './assemble-review-request.js';
import { formatReviewJson, formatReviewRequest, formatReviewText } from './format-review-outcome.js';
import type { CompletedReview, UnavailableReview } from './review-outcome.js';

const finding = { rule: 'review:data-loss', severity: 'critical' as const, message: 'drops the orders table', file: 'db/001.sql', line: 1, evidence: 'DROP TABLE orders;' };
const completed: CompletedReview = {
  status: 'completed', findings: [finding], summary: 'Irreversible migration.', docsAssessment: { matches: false, problems: ['rollback cannot restore data'] },
  model: 'gpt-x', provider: 'openai', promptVersion: 'tollgate-review/1', usage: { inputTokens: 900, outputTokens: 90 }, latencyMs: 2345, attempts: 1,
  truncated: ['diff of "big.ts": lines 10–20 of 20 not shown'], notes: [], cached: true,
};
const unavailable: UnavailableReview = {
  status: 'unavailable', reason: 'no answer within 60s', model: 'gpt-x', provider: 'openai', promptVersion: 'tollgate-review/1', attempts: 1, usage: { inputTokens: 0, outputTokens: 0 }, latencyMs: 60000,
};

describe('formatReviewText', () => {
  it('shows findings with their dismissal key, the docs assessment and what was cut', () => {
    const text = formatReviewText(completed);
    expect(text).toContain('agentic review: completed (gpt-x via openai, prompt tollgate-review/1, 900+90 tokens, 2.3s, cached)');
    expect(text).toContain(`critical review:data-loss db/001.sql:1  [${findingKey(finding)}]`);
    expect(text).toContain('documentation: does not match the diff\n  - rollback cannot restore data');
    expect(text).toContain('not shown to the reviewer (1):\n  - diff of "big.ts"');
  });
  it('states an unavailable review as friction', () => {
    expect(formatReviewText(unavailable)).toContain('agentic review: UNAVAILABLE (gpt-x via openai, 1 attempts, 0+0 tokens, 60.0s)\n  no answer within 60s\n  where policy requires the review, this costs one more owner approval.');
  });
});

describe('formatReviewJson', () => {
  it('is versioned and carries finding keys', () => {
    const json = JSON.parse(formatReviewJson('d'.repeat(64), completed));
    expect(json).toMatchObject({ schema: 'tollgate.review/v1', change: { digest: 'd'.repeat(64) }, review: { status: 'completed', findings: [{ key: findingKey(finding), rule: 'review:data-loss' }] } });
  });
});

describe('formatReviewRequest', () => {
  const request = assembleReviewRequest(buildReviewInput(), { tokenBudget: 60000 });
  const sent = assembleProviderRequest(request);
  it('text: the exact system prompt and user message', () => {
    const text = formatReviewRequest('text', request, sent, { provider: 'openai', model: 'gpt-x' });
    expect(text).toContain(`## system\n${request.system}\n\n## user\n${request.prompt}\n`);
  });
  it('json: the same request the command provider receives', () => {
    const json = JSON.parse(formatReviewRequest('json', request, sent, { provider: 'openai', model: 'gpt-x' }));
    expect(json).toMatchObject({ schema: 'tollgate.review-request/v1', provider: 'openai', model: 'gpt-x', instructions: request.system, messages: [{ role: 'user', content: request.prompt }], outputSchemaName: 'tollgate_review' });
  });
});
