/**
 * @module Reviewer over the Anthropic Messages API: the answer schema is a tool the model must call.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { classifySdkError } from './classify-sdk-error.js';
import { ProviderFailure, type ProviderRequest, type ProviderResponse, type ReviewProvider } from './review-provider.js';

export interface AnthropicProviderOptions {
  model: string;
  /** Defaults to `https://api.anthropic.com`; never read from the environment implicitly. */
  baseUrl?: string;
  /** The key itself, read by the caller from the variable named in `apiKeyEnv`. */
  apiKey: string;
}

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * Creates the `anthropic` provider. The SDK's own retries are off: `runReview` retries.
 * The SDK is loaded on the first request, so commands that never review do not pay for it.
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): ReviewProvider {
  let client: Anthropic | undefined;
  const connect = async (): Promise<Anthropic> => {
    const { default: AnthropicClient } = await import('@anthropic-ai/sdk');
    return (client ??= new AnthropicClient({
      apiKey: options.apiKey,
      baseURL: options.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL,
      maxRetries: 0,
      timeout: 24 * 60 * 60 * 1000, // the caller's AbortSignal is the deadline
    }));
  };
  return {
    name: 'anthropic',
    model: options.model,
    async complete(request: ProviderRequest, signal: AbortSignal): Promise<ProviderResponse> {
      let message: Anthropic.Messages.Message;
      try {
        message = await (await connect()).messages.create(
          {
            model: options.model,
            max_tokens: request.maxOutputTokens,
            system: request.system,
            messages: request.messages,
            tools: [
              {
                name: request.schemaName,
                description: 'Record the review of the change: findings, risk summary and documentation assessment.',
                input_schema: request.schema as Anthropic.Messages.Tool.InputSchema,
              },
            ],
            tool_choice: { type: 'tool', name: request.schemaName },
          },
          { signal },
        );
      } catch (error) {
        throw classifySdkError(error, signal, 'anthropic', [options.apiKey]);
      }
      if (message.stop_reason === 'max_tokens') throw new ProviderFailure('invalid-output', 'anthropic: the answer was cut off at the output token limit');
      const call = message.content.find((block) => block.type === 'tool_use' && block.name === request.schemaName);
      if (!call || call.type !== 'tool_use') {
        throw new ProviderFailure('invalid-output', `anthropic: the answer did not call the \`${request.schemaName}\` tool (stop reason ${message.stop_reason ?? 'none'})`);
      }
      return {
        text: JSON.stringify(call.input),
        model: message.model || options.model,
        usage: { inputTokens: message.usage?.input_tokens ?? 0, outputTokens: message.usage?.output_tokens ?? 0 },
      };
    },
  };
}
