/**
 * @module The 429 answer for an address over its authentication-failure limit.
 */
import { HttpError } from '../http/http-error.js';
import type { AuthFailureLimiter } from './auth-failure-limiter.js';

/** Throws 429 (with `Retry-After`) when `address` is over the limit. */
export function refuseWhenThrottled(limiter: AuthFailureLimiter, address: string): void {
  const state = limiter.check(address);
  if (!state.blocked) return;
  throw new HttpError(429, 'rate-limited', `too many failed sign-ins from this address; retry in ${state.retryAfterSeconds} s`, {
    headers: { 'Retry-After': String(state.retryAfterSeconds) },
    // Only the first refusal of a window is audited: a flood must not fill the audit log.
    audit: state.firstRefusal,
  });
}
