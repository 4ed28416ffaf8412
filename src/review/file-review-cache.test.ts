import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildReviewInput, validAnswer } from '../../test/fixtures/review/build-review-input.js';
import { openAiCompletion, startFakeLlmServer, type FakeLlmServer } from '../../test/fixtures/review/fake-llm-server.js';
import { createFileReviewCache } from './file-review-cache.js';
import { createOpenAiProvider } from './openai-review-provider.js';
import { reviewCacheKey } from './review-cache.js';
import type { CompletedReview } from './review-outcome.js';
import { runReview } from './run-review.js';

let server: FakeLlmServer;
let dir: string;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.reset();
  dir = await mkdtemp(join(tmpdir(), 'tollgate-review-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const parts = { changeDigest: 'd'.repeat(64), provider: 'openai', model: 'gpt-test', promptVersion: 'tollgate-review/1', requestDigest: 'e'.repeat(64) };
const completed: CompletedReview = {
  status: 'completed',
  findings: [{ rule: 'review:security', severity: 'high', message: 'token logged', file: 'a.ts', line: 2 }],
  summary: 's',
  docsAssessment: { matches: true, problems: [] },
  model: 'gpt-test-2026',
  provider: 'openai',
  promptVersion: 'tollgate-review/1',
  usage: { inputTokens: 10, outputTokens: 5 },
  latencyMs: 1234,
  attempts: 1,
  truncated: [],
  notes: [],
  cached: false,
};

describe('reviewCacheKey', () => {
  it.each(Object.keys(parts))('changes when %s changes', (name) => {
    expect(reviewCacheKey({ ...parts, [name]: 'other' })).not.toBe(reviewCacheKey(parts));
  });
});

describe('createFileReviewCache', () => {
  it('returns what was put, with tokens, latency and model', async () => {
    const cache = createFileReviewCache(dir);
    const key = reviewCacheKey(parts);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, completed);
    expect(await cache.get(key)).toEqual(completed);
    expect(await readdir(dir)).toEqual([`${key}.json`]);
  });

  it.each([
    { name: 'not JSON', content: '{"status":' },
    { name: 'an unavailable outcome', content: JSON.stringify({ status: 'unavailable', reason: 'x' }) },
    { name: 'a finding from another rule', content: JSON.stringify({ ...completed, findings: [{ rule: 'infra-destroy', severity: 'info', message: 'm' }] }) },
  ])('treats $name as a miss', async ({ content }) => {
    const key = reviewCacheKey(parts);
    await writeFile(join(dir, `${key}.json`), content);
    expect(await createFileReviewCache(dir).get(key)).toBeUndefined();
  });

  it('refuses keys that could leave the directory', async () => {
    await expect(createFileReviewCache(dir).get('../../etc/passwd')).rejects.toThrow('invalid review cache key');
  });
});

describe('runReview with a cache', () => {
  const provider = () => createOpenAiProvider({ model: 'gpt-test', baseUrl: `${server.url}/v1`, apiKey: 'k' });
  const options = () => ({ provider: provider(), timeoutSeconds: 5, maxRetries: 0, tokenBudget: 60000, cache: createFileReviewCache(dir) });

  it('answers the same content from the cache without calling the provider', async () => {
    server.script('openai', { body: openAiCompletion(validAnswer()) });
    const first = await runReview(buildReviewInput(), options());
    const second = await runReview(buildReviewInput(), options());
    expect(server.requests).toHaveLength(1);
    expect(first).toMatchObject({ status: 'completed', cached: false });
    expect(second).toEqual({ ...first, cached: true });
  });

  it('asks again when the documentation differs', async () => {
    server.script('openai', { body: openAiCompletion(validAnswer()) }, { body: openAiCompletion(validAnswer()) });
    await runReview(buildReviewInput(), options());
    await runReview(buildReviewInput({ documentation: { source: 'none', sections: {} } }), options());
    expect(server.requests).toHaveLength(2);
  });

  it('never caches an unavailable outcome', async () => {
    server.script('openai', { body: openAiCompletion('x') }, { body: openAiCompletion('y') }, { body: openAiCompletion(validAnswer()) });
    expect((await runReview(buildReviewInput(), options())).status).toBe('unavailable');
    expect(await readdir(dir).catch(() => [])).toEqual([]);
    expect((await runReview(buildReviewInput(), options())).status).toBe('completed');
  });
});
