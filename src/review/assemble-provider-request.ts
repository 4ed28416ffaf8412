/**
 * @module The provider-neutral request for a review: system prompt, one user turn, answer schema.
 */
import type { ReviewRequest } from './assemble-review-request.js';
import { REVIEW_ANSWER_SCHEMA_NAME, reviewAnswerJsonSchema } from './review-answer-schema.js';
import type { ProviderMessage, ProviderRequest } from './review-provider.js';

export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

/** The first request for `request`; retries append turns to `messages`. */
export function assembleProviderRequest(
  request: ReviewRequest,
  maxOutputTokens: number = DEFAULT_MAX_OUTPUT_TOKENS,
  messages: ProviderMessage[] = [{ role: 'user', content: request.prompt }],
): ProviderRequest {
  return {
    system: request.system,
    messages,
    schemaName: REVIEW_ANSWER_SCHEMA_NAME,
    schema: reviewAnswerJsonSchema(),
    maxOutputTokens,
    promptVersion: request.promptVersion,
    changeDigest: request.changeDigest,
  };
}
