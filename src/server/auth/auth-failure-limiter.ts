/**
 * @module Rate limiting of authentication failures per client address (fixed window, in memory).
 *
 * Each server process counts on its own: with N servers behind a balancer an attacker gets at
 * most N × limit guesses per window, which against 256-bit tokens changes nothing, while the
 * limit still throttles floods of bad credentials and keeps the audit log from filling with them.
 */

export interface LimiterState {
  blocked: boolean;
  /** Seconds until the window ends (for `Retry-After`). */
  retryAfterSeconds: number;
  /** True for the first refused attempt of a window: the one worth an audit event. */
  firstRefusal: boolean;
}

interface Window {
  start: number;
  failures: number;
  refusals: number;
}

const MAX_TRACKED = 10_000;

export class AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  /**
   * @param limit failures allowed per window and address before requests are refused
   * @param windowMs window length
   * @param clock milliseconds since the epoch (injected so tests control time)
   */
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether `key` is over the limit now; counts the refusal when it is. */
  check(key: string): LimiterState {
    const window = this.current(key);
    if (!window || window.failures < this.limit) return { blocked: false, retryAfterSeconds: 0, firstRefusal: false };
    window.refusals += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - this.clock()) / 1000));
    return { blocked: true, retryAfterSeconds, firstRefusal: window.refusals === 1 };
  }

  /** Counts one failed authentication for `key`. */
  recordFailure(key: string): void {
    const now = this.clock();
    let window = this.current(key);
    if (!window) {
      if (this.windows.size >= MAX_TRACKED) this.prune(now);
      window = { start: now, failures: 0, refusals: 0 };
      this.windows.set(key, window);
    }
    window.failures += 1;
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.clock() - window.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    // Still full: drop the oldest entries rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED) break;
      this.windows.delete(key);
    }
  }
}
