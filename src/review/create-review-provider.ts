/**
 * @module Building the configured provider from the catalog's `review:` section and the environment.
 *
 * Secrets come only from the environment variable named by `apiKeyEnv` (default `OPENAI_API_KEY`
 * / `ANTHROPIC_API_KEY`, for the vendors' own endpoints only); the catalog never holds a key and
 * no message ever prints one.
 */
import type { ReviewConfig } from '../core/catalog/review-schema.js';
import { createAnthropicProvider } from './anthropic-review-provider.js';
import { createCommandProvider } from './command-review-provider.js';
import { createOpenAiProvider } from './openai-review-provider.js';
import type { ReviewProvider } from './review-provider.js';

export type ProviderSetup = { provider: ReviewProvider; error?: undefined } | { provider?: undefined; error: string };

const DEFAULT_KEY_ENV = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' } as const;

/**
 * Creates the provider `config` names. Errors name the catalog field, e.g.
 * "review.apiKeyEnv: environment variable `OPENAI_API_KEY` is not set".
 */
export function createReviewProvider(config: ReviewConfig, env: NodeJS.ProcessEnv, cwd?: string): ProviderSetup {
  if (config.provider === 'command') {
    if (!config.command || config.command.length === 0) return { error: 'review.command: provider `command` needs an argv list' };
    return { provider: createCommandProvider({ command: config.command, ...(config.model ? { model: config.model } : {}), ...(cwd ? { cwd } : {}), env }) };
  }
  if (!config.model) return { error: `review.model: provider \`${config.provider}\` needs a model` };
  // The default variable is used only for the vendor's own endpoint: a key for api.openai.com
  // must never be sent to some other `baseUrl` just because it happens to be in the environment.
  const keyEnv = config.apiKeyEnv ?? (config.baseUrl ? undefined : DEFAULT_KEY_ENV[config.provider]);
  const apiKey = keyEnv ? env[keyEnv] || undefined : undefined;
  const baseUrl = config.baseUrl ? { baseUrl: config.baseUrl } : {};
  if (keyEnv && !apiKey) return { error: `review.apiKeyEnv: environment variable \`${keyEnv}\` is not set` };
  if (config.provider === 'anthropic') {
    if (!apiKey) return { error: 'review.apiKeyEnv: name the environment variable holding the key for `baseUrl`' };
    return { provider: createAnthropicProvider({ model: config.model, apiKey, ...baseUrl }) };
  }
  // Without a key variable, a custom endpoint is called keyless (Ollama, vLLM without --api-key).
  return { provider: createOpenAiProvider({ model: config.model, ...(apiKey ? { apiKey } : {}), ...baseUrl }) };
}
