/**
 * @module Reviewer over any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI v1,
 * vLLM, Ollama, LiteLLM, gateways), with strict JSON-schema structured output.
 */
import type OpenAI from 'openai';
import { classifySdkError } from './classify-sdk-error.js';
import { ProviderFailure, type ProviderRequest, type ProviderResponse, type ReviewProvider } from './review-provider.js';

export interface OpenAiProviderOptions {
  model: string;
  /** Defaults to `https://api.openai.com/v1`; never read from the environment implicitly. */
  baseUrl?: string;
  /** The key itself (read by the caller from the variable named in `apiKeyEnv`); absent for keyless local servers. */
  apiKey?: string;
}

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * Creates the `openai` provider. The SDK's own retries are off: `runReview` retries.
 * The SDK is loaded on the first request, so commands that never review do not pay for it.
 */
export function createOpenAiProvider(options: OpenAiProviderOptions): ReviewProvider {
  let client: OpenAI | undefined;
  const connect = async (): Promise<OpenAI> => {
    const { default: OpenAIClient } = await import('openai');
    return (client ??= new OpenAIClient({
      // Keyless servers (Ollama, vLLM) ignore the header; the SDK insists on some value.
      apiKey: options.apiKey ?? 'no-key',
      baseURL: options.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
      maxRetries: 0,
      timeout: 24 * 60 * 60 * 1000, // the caller's AbortSignal is the deadline
    }));
  };
  const secrets = options.apiKey ? [options.apiKey] : [];
  return {
    name: 'openai',
    model: options.model,
    async complete(request: ProviderRequest, signal: AbortSignal): Promise<ProviderResponse> {
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await (await connect()).chat.completions.create(
          {
            model: options.model,
            messages: [{ role: 'system', content: request.system }, ...request.messages],
            response_format: {
              type: 'json_schema',
              json_schema: { name: request.schemaName, schema: request.schema, strict: true },
            },
            max_completion_tokens: request.maxOutputTokens,
          },
          { signal },
        );
      } catch (error) {
        throw classifySdkError(error, signal, 'openai', secrets);
      }
      const choice = completion.choices?.[0];
      if (!choice) throw new ProviderFailure('invalid-output', 'openai: the answer has no choices');
      if (choice.message.refusal) throw new ProviderFailure('invalid-output', `openai: the model refused: ${choice.message.refusal.slice(0, 200)}`);
      if (choice.finish_reason === 'length') throw new ProviderFailure('invalid-output', 'openai: the answer was cut off at the output token limit');
      return {
        text: choice.message.content ?? '',
        model: completion.model || options.model,
        usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
      };
    },
  };
}
