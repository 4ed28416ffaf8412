/**
 * @module The port every LLM provider implements: one request in, raw answer text out.
 *
 * Providers do no retrying and no validation: `runReview` owns the retry policy, the deadline
 * and the schema check, so every provider fails the same way. Transport problems are thrown as
 * `ProviderFailure` with a `kind` that says whether trying again can help.
 */

/** One turn of the conversation after the system prompt. */
export interface ProviderMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ProviderRequest {
  system: string;
  messages: ProviderMessage[];
  /** Name of the structured-output schema (OpenAI `json_schema.name`, Anthropic tool name). */
  schemaName: string;
  /** JSON Schema the answer must match. */
  schema: Record<string, unknown>;
  maxOutputTokens: number;
  /** Recorded for the `command` provider, which receives the whole request on stdin. */
  promptVersion: string;
  changeDigest: string;
}

export interface ProviderUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ProviderResponse {
  /** The answer as text; for tool-use answers, the tool input serialised as JSON. */
  text: string;
  /** The model that answered, as the provider reports it. */
  model: string;
  usage: ProviderUsage;
}

/** A reviewer backend. `name` and `model` identify it in the cache key and the audit log. */
export interface ReviewProvider {
  readonly name: string;
  /** The configured model (the answering model may report a more specific name). */
  readonly model: string;
  /** Sends one request. Must stop promptly when `signal` aborts. Throws `ProviderFailure` on failure. */
  complete(request: ProviderRequest, signal: AbortSignal): Promise<ProviderResponse>;
}

/**
 * Why a call failed:
 * - `rate-limited` (429) and `server` (5xx, overloaded) and `network` may succeed when retried;
 * - `invalid-output` (a refusal, an empty or cut-off answer) is retried once like a schema failure;
 * - `refused` (other 4xx: bad key, unknown model, request too large) will not get better;
 * - `aborted`: the deadline passed.
 */
export type ProviderFailureKind = 'rate-limited' | 'server' | 'network' | 'invalid-output' | 'refused' | 'aborted';

export class ProviderFailure extends Error {
  override readonly name = 'ProviderFailure';
  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    /** How long the provider asked us to wait (from `retry-after-ms` / `retry-after`). */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}
