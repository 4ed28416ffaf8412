/**
 * @module Running the agentic review: cache, deadline, retries, validation — and never a silent pass.
 *
 * Failure policy (every path ends `completed` or an explicit `unavailable`):
 * - deadline (`timeoutSeconds`, for the whole review including waits) → unavailable;
 * - 429 → wait `retry-after` (else back off), within `maxRetries` and the deadline → else unavailable;
 * - 5xx / network → back off 0.5s, 1s, 2s … (≤ 8s) within `maxRetries` and the deadline → else unavailable;
 * - malformed JSON or a schema violation → one retry that shows the model the problem → else unavailable;
 * - other 4xx (bad key, unknown model) → unavailable at once (retrying cannot help).
 * Only completed reviews are cached.
 */
import { assembleProviderRequest, DEFAULT_MAX_OUTPUT_TOKENS } from './assemble-provider-request.js';
import { assembleReviewFindings } from './assemble-review-findings.js';
import { assembleReviewRequest, type ReviewInput } from './assemble-review-request.js';
import { parseReviewAnswer } from './parse-review-answer.js';
import { digestRequestText, reviewCacheKey, type ReviewCache } from './review-cache.js';
import type { CompletedReview, ReviewOutcome, UnavailableReview } from './review-outcome.js';
import { correctionPrompt } from './review-prompt.js';
import { ProviderFailure, type ProviderMessage, type ProviderUsage, type ReviewProvider } from './review-provider.js';

/** Time as the review loop sees it; tests may replace it. */
export interface ReviewClock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface RunReviewOptions {
  provider: ReviewProvider;
  timeoutSeconds: number;
  /** Retries after rate limits and server/network errors (schema failures get exactly one retry). */
  maxRetries: number;
  tokenBudget: number;
  maxOutputTokens?: number;
  cache?: ReviewCache;
  clock?: ReviewClock;
}

const MAX_OUTPUT_FAILURES = 2;
const MAX_BACKOFF_MS = 8000;

export const systemClock: ReviewClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** (failures - 1));
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

/**
 * Reviews `input` with `options.provider`. Never throws for provider trouble: the outcome says
 * `unavailable` with the reason, which the policy turns into friction.
 *
 * @example
 * const outcome = await runReview(input, { provider, timeoutSeconds: 60, maxRetries: 2, tokenBudget: 60000 });
 * if (outcome.status === 'unavailable') console.log(outcome.reason);
 */
export async function runReview(input: ReviewInput, options: RunReviewOptions): Promise<ReviewOutcome> {
  const { provider } = options;
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const request = assembleReviewRequest(input, { tokenBudget: options.tokenBudget });
  const usage: ProviderUsage = { inputTokens: 0, outputTokens: 0 };
  let attempts = 0;
  const identity = { model: provider.model, provider: provider.name, promptVersion: request.promptVersion };
  const unavailable = (reason: string): UnavailableReview => ({
    status: 'unavailable',
    reason,
    ...identity,
    attempts,
    usage: { ...usage },
    latencyMs: Math.round(clock.now() - started),
  });

  const hasContent = input.change.files.some((f) => f.hunks.length > 0 || f.binary || f.unreadable);
  if (hasContent && !request.files.some((f) => f.shown !== 'none')) {
    return unavailable(`nothing of the diff could be shown to the reviewer within the token budget of ${options.tokenBudget} (${request.truncated.length} parts cut or unreadable)`);
  }
  const key = reviewCacheKey({ changeDigest: request.changeDigest, provider: provider.name, model: provider.model, promptVersion: request.promptVersion, requestDigest: digestRequestText(request.system, request.prompt) });
  const hit = await options.cache?.get(key).catch(() => undefined);
  if (hit) return { ...hit, cached: true };

  const timeoutMs = options.timeoutSeconds * 1000;
  const deadline = started + timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - clock.now()));
  const messages: ProviderMessage[] = [{ role: 'user', content: request.prompt }];
  let transientFailures = 0;
  let outputFailures = 0;
  const late = (): UnavailableReview => unavailable(`no answer within ${seconds(timeoutMs)}`);
  try {
    for (;;) {
      if (controller.signal.aborted) return late();
      attempts += 1;
      let text: string;
      let model: string;
      try {
        const providerRequest = assembleProviderRequest(request, options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS, [...messages]);
        const response = await provider.complete(providerRequest, controller.signal);
        usage.inputTokens += response.usage.inputTokens;
        usage.outputTokens += response.usage.outputTokens;
        ({ text, model } = response);
      } catch (error) {
        const failure = error instanceof ProviderFailure ? error : new ProviderFailure('network', `${provider.name}: ${error instanceof Error ? error.message : String(error)}`);
        if (failure.kind === 'aborted' || controller.signal.aborted) return late();
        if (failure.kind === 'refused') return unavailable(failure.message);
        if (failure.kind === 'invalid-output') {
          if (++outputFailures >= MAX_OUTPUT_FAILURES) return unavailable(`${failure.message} (${outputFailures} times)`);
          continue;
        }
        if (++transientFailures > options.maxRetries) {
          return unavailable(`${failure.message}; gave up after ${attempts} attempt${attempts > 1 ? 's' : ''}`);
        }
        const wait = failure.retryAfterMs ?? backoffMs(transientFailures);
        if (clock.now() + wait >= deadline) {
          return unavailable(`${failure.message}; waiting ${seconds(wait)} to retry would pass the ${seconds(timeoutMs)} deadline`);
        }
        await clock.sleep(wait, controller.signal);
        continue;
      }
      const parsed = parseReviewAnswer(text);
      if (parsed.problem !== undefined) {
        if (++outputFailures >= MAX_OUTPUT_FAILURES) return unavailable(`${provider.name}: ${parsed.problem} (${outputFailures} times)`);
        // Show the model its own answer and what was wrong with it, once.
        messages.push({ role: 'assistant', content: text.slice(0, 20_000) }, { role: 'user', content: correctionPrompt(parsed.problem) });
        continue;
      }
      const assembled = assembleReviewFindings(parsed.answer, input.change);
      const outcome: CompletedReview = {
        status: 'completed',
        findings: assembled.findings,
        summary: assembled.summary,
        docsAssessment: assembled.docsAssessment,
        model,
        provider: provider.name,
        promptVersion: request.promptVersion,
        usage: { ...usage },
        latencyMs: Math.round(clock.now() - started),
        attempts,
        truncated: request.truncated,
        notes: assembled.notes,
        cached: false,
      };
      await options.cache?.put(key, outcome).catch((error: unknown) => {
        outcome.notes.push(`the result could not be cached: ${error instanceof Error ? error.message : String(error)}`);
      });
      return outcome;
    }
  } finally {
    clearTimeout(timer);
  }
}
