/**
 * @module Turning an error thrown by the OpenAI or Anthropic SDK into a `ProviderFailure`.
 *
 * Both SDKs throw errors with `status` and `headers` (a `Headers`), plus distinct classes for a
 * user abort and a connection failure; they are read by shape so one function serves both.
 */
import { ProviderFailure } from './review-provider.js';

/** Parses `retry-after-ms`, else `retry-after` (seconds or an HTTP date), into milliseconds. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, nowMs: number): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

interface SdkErrorShape {
  name?: unknown;
  status?: unknown;
  headers?: unknown;
  message?: unknown;
}

function hasGet(value: unknown): value is { get(name: string): string | null } {
  return typeof value === 'object' && value !== null && typeof (value as { get?: unknown }).get === 'function';
}

/** Replaces every occurrence of a secret in `text`, so an echoed key never reaches logs or output. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}

/**
 * Maps an SDK error to a `ProviderFailure`; `signal` tells a deadline abort from a dropped connection.
 * `secrets` (the API key) are redacted from the message.
 */
export function classifySdkError(error: unknown, signal: AbortSignal, provider: string, secrets: readonly string[] = []): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  if (signal.aborted) return new ProviderFailure('aborted', `${provider}: aborted at the deadline`);
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const raw = typeof shape.message === 'string' ? shape.message : String(error);
  const message = redactSecrets(raw, secrets).split('\n')[0]!.slice(0, 300);
  const status = typeof shape.status === 'number' ? shape.status : undefined;
  if (status === undefined) {
    if (shape.name === 'APIUserAbortError') return new ProviderFailure('aborted', `${provider}: aborted`);
    return new ProviderFailure('network', `${provider}: ${message}`);
  }
  const retryAfterMs = hasGet(shape.headers) ? parseRetryAfter(shape.headers, Date.now()) : undefined;
  if (status === 429) return new ProviderFailure('rate-limited', `${provider}: rate-limited (429)`, retryAfterMs, status);
  // 408 (request timeout), 409 (conflict) and 529 (overloaded) are retried like 5xx, as the SDKs themselves do.
  if (status >= 500 || status === 408 || status === 409) {
    return new ProviderFailure('server', `${provider}: server error ${status}: ${message}`, retryAfterMs, status);
  }
  return new ProviderFailure('refused', `${provider}: request refused (${status}): ${message}`, undefined, status);
}
