import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReviewInput, validAnswer } from '../../test/fixtures/review/build-review-input.js';
import { openAiCompletion, startFakeLlmServer, type FakeLlmServer } from '../../test/fixtures/review/fake-llm-server.js';
import { reviewSchema } from '../core/catalog/review-schema.js';
import { runConfiguredReview } from './run-configured-review.js';

let server: FakeLlmServer;
let repoDir: string;
beforeAll(async () => {
  server = await startFakeLlmServer();
  repoDir = await mkdtemp(join(tmpdir(), 'tollgate-configured-review-'));
});
afterAll(async () => {
  await server.close();
  await rm(repoDir, { recursive: true, force: true });
});

describe('runConfiguredReview', () => {
  it('reviews with the configured provider and caches under .tollgate/review-cache', async () => {
    server.script('openai', { body: openAiCompletion(validAnswer()) });
    const config = reviewSchema.parse({ provider: 'openai', model: 'gpt-test', baseUrl: `${server.url}/v1`, apiKeyEnv: 'TEST_REVIEW_KEY', timeoutSeconds: 5 });
    const env = { TEST_REVIEW_KEY: 'sk-from-env' };
    const first = await runConfiguredReview(buildReviewInput(), config, { env, repoDir });
    const second = await runConfiguredReview(buildReviewInput(), config, { env, repoDir });
    expect(first.outcome).toMatchObject({ status: 'completed', cached: false });
    expect(second.outcome).toMatchObject({ status: 'completed', cached: true });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-from-env');
    expect(await readdir(join(repoDir, '.tollgate', 'review-cache'))).toHaveLength(1);
  });

  it('returns a configuration error naming the field', async () => {
    const config = reviewSchema.parse({ provider: 'anthropic', model: 'claude' });
    expect(await runConfiguredReview(buildReviewInput(), config, { env: {}, repoDir })).toEqual({ error: 'review.apiKeyEnv: environment variable `ANTHROPIC_API_KEY` is not set' });
  });
});
