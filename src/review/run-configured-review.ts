/**
 * @module Running the review the catalog configures: provider from the environment, file cache in
 * the repository. Shared by `tollgate review` and `tollgate check`.
 */
import { join } from 'node:path';
import type { ReviewConfig } from '../core/catalog/review-schema.js';
import type { ReviewInput } from './assemble-review-request.js';
import { createReviewProvider } from './create-review-provider.js';
import { createFileReviewCache, REVIEW_CACHE_DIR } from './file-review-cache.js';
import type { ReviewOutcome } from './review-outcome.js';
import { runReview } from './run-review.js';

export interface ConfiguredReviewOptions {
  /** Where the key variables are read from (normally `process.env`). */
  env: NodeJS.ProcessEnv;
  /** Repository root: the cache lives under it and a `command` runs in it. */
  repoDir: string;
  /** Read and write `.tollgate/review-cache/` (default true). */
  cache?: boolean;
}

/**
 * Runs the configured review. A configuration problem (no model, key variable unset) is returned
 * as `{ error }` naming the catalog field; every provider problem is an `unavailable` outcome.
 */
export async function runConfiguredReview(
  input: ReviewInput,
  config: ReviewConfig,
  options: ConfiguredReviewOptions,
): Promise<{ outcome: ReviewOutcome; error?: undefined } | { outcome?: undefined; error: string }> {
  const setup = createReviewProvider(config, options.env, options.repoDir);
  if (setup.error !== undefined) return { error: setup.error };
  const outcome = await runReview(input, {
    provider: setup.provider,
    timeoutSeconds: config.timeoutSeconds,
    maxRetries: config.maxRetries,
    tokenBudget: config.tokenBudget,
    maxOutputTokens: config.maxOutputTokens,
    ...(options.cache === false ? {} : { cache: createFileReviewCache(join(options.repoDir, REVIEW_CACHE_DIR)) }),
  });
  return { outcome };
}
