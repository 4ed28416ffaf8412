/**
 * @module The review cache port and its key: the same content, model and prompt never costs twice.
 */
import { createHash } from 'node:crypto';
import type { CompletedReview } from './review-outcome.js';

/** Stores completed reviews. Adapters must ignore `unavailable` outcomes (never cache a failure). */
export interface ReviewCache {
  get(key: string): Promise<CompletedReview | undefined>;
  put(key: string, outcome: CompletedReview): Promise<void>;
}

export interface ReviewCacheKeyParts {
  /** The change's rebase-stable digest. */
  changeDigest: string;
  provider: string;
  model: string;
  promptVersion: string;
  /**
   * sha256 of the exact request text. Besides the diff, the request carries the catalog's tiers,
   * the documentation and the deterministic findings; when any of those change, so does the answer.
   */
  requestDigest: string;
}

/** sha256 (hex) of the request text, for `requestDigest`. */
export function digestRequestText(system: string, prompt: string): string {
  return createHash('sha256').update(system).update('\u0000').update(prompt).digest('hex');
}

/** The cache key: hex sha256 over the parts, in a fixed order. */
export function reviewCacheKey(parts: ReviewCacheKeyParts): string {
  const material = JSON.stringify(['tollgate-review-cache/1', parts.changeDigest, parts.provider, parts.model, parts.promptVersion, parts.requestDigest]);
  return createHash('sha256').update(material).digest('hex');
}
