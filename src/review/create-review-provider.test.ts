import { describe, expect, it } from 'vitest';
import { buildReviewInput, validAnswer } from '../../test/fixtures/review/build-review-input.js';
import { openAiCompletion, startFakeLlmServer } from '../../test/fixtures/review/fake-llm-server.js';
import { reviewSchema } from '../core/catalog/review-schema.js';
import { createReviewProvider } from './create-review-provider.js';
import { runReview } from './run-review.js';

const config = (raw: Record<string, unknown>) => reviewSchema.parse(raw);

describe('createReviewProvider', () => {
  it.each([
    { name: 'openai with the default key variable', raw: { provider: 'openai', model: 'gpt-4.1' }, env: { OPENAI_API_KEY: 'k' }, provider: 'openai', model: 'gpt-4.1' },
    { name: 'a keyless local server (Ollama)', raw: { provider: 'openai', model: 'qwen3', baseUrl: 'http://127.0.0.1:11434/v1' }, env: {}, provider: 'openai', model: 'qwen3' },
    { name: 'a custom endpoint, without sending the default key to it', raw: { provider: 'openai', model: 'm', baseUrl: 'http://gw/v1' }, env: { OPENAI_API_KEY: 'sk-vendor' }, provider: 'openai', model: 'm' },
    { name: 'anthropic with a named key variable', raw: { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKeyEnv: 'TEAM_KEY' }, env: { TEAM_KEY: 'k' }, provider: 'anthropic', model: 'claude-sonnet-4-5' },
    { name: 'a command', raw: { provider: 'command', command: ['claude', '-p'] }, env: {}, provider: 'command', model: 'claude' },
  ])('creates $name', ({ raw, env, provider, model }) => {
    const setup = createReviewProvider(config(raw), env);
    expect(setup.error).toBeUndefined();
    expect(setup.provider).toMatchObject({ name: provider, model });
  });

  it.each([
    { name: 'no OpenAI key', raw: { provider: 'openai', model: 'gpt-4.1' }, env: {}, error: 'review.apiKeyEnv: environment variable `OPENAI_API_KEY` is not set' },
    { name: 'a named key variable that is unset, even with a base URL', raw: { provider: 'openai', model: 'm', baseUrl: 'http://gw/v1', apiKeyEnv: 'GW_KEY' }, env: {}, error: 'review.apiKeyEnv: environment variable `GW_KEY` is not set' },
    { name: 'no Anthropic key', raw: { provider: 'anthropic', model: 'claude' }, env: { ANTHROPIC_API_KEY: '' }, error: 'review.apiKeyEnv: environment variable `ANTHROPIC_API_KEY` is not set' },
    { name: 'an Anthropic proxy without a named key variable', raw: { provider: 'anthropic', model: 'claude', baseUrl: 'http://proxy' }, env: { ANTHROPIC_API_KEY: 'k' }, error: 'review.apiKeyEnv: name the environment variable holding the key for `baseUrl`' },
  ])('refuses $name', ({ raw, env, error }) => {
    expect(createReviewProvider(config(raw), env)).toEqual({ error });
  });
});

describe('reviewSchema', () => {
  it('fills the defaults, including when review is required', () => {
    expect(config({ provider: 'command', command: ['x'] })).toMatchObject({ timeoutSeconds: 60, maxRetries: 2, tokenBudget: 60000, maxOutputTokens: 4096, required: { tiers: [1], aiAuthoredTiers: [2] } });
  });
  it.each([
    { raw: { provider: 'openai' }, path: 'model', message: 'provider `openai` needs a `model`' },
    { raw: { provider: 'command' }, path: 'command', message: 'provider `command` needs `command` (an argv list)' },
    { raw: { provider: 'openai', model: 'm', apiKey: 'sk-…' }, path: '', message: 'apiKey' },
  ])('rejects a review section with $message', ({ raw, path, message }) => {
    const result = reviewSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(JSON.stringify(issue)).toContain(message);
  });
});

describe('keys on the wire', () => {
  it('a custom endpoint without apiKeyEnv never receives the vendor key from the environment', async () => {
    const server = await startFakeLlmServer();
    try {
      server.script('openai', { body: openAiCompletion(validAnswer()) });
      const setup = createReviewProvider(config({ provider: 'openai', model: 'm', baseUrl: `${server.url}/v1` }), { OPENAI_API_KEY: 'sk-vendor-secret' });
      await runReview(buildReviewInput(), { provider: setup.provider!, timeoutSeconds: 5, maxRetries: 0, tokenBudget: 60000 });
      expect(server.requests[0]?.headers.authorization).toBe('Bearer no-key');
    } finally {
      await server.close();
    }
  });
});
