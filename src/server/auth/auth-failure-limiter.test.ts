import { describe, expect, it } from 'vitest';
import { AuthFailureLimiter } from './auth-failure-limiter.js';

describe('AuthFailureLimiter', () => {
  it('refuses an address after `limit` failures until the window ends, per address', () => {
    let now = 1_000_000;
    const limiter = new AuthFailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.check('10.0.0.1').blocked).toBe(false);
      limiter.recordFailure('10.0.0.1');
    }
    expect(limiter.check('10.0.0.1')).toEqual({ blocked: true, retryAfterSeconds: 60, firstRefusal: true });
    now += 30_000;
    expect(limiter.check('10.0.0.1')).toEqual({ blocked: true, retryAfterSeconds: 30, firstRefusal: false });
    expect(limiter.check('10.0.0.2').blocked).toBe(false);
    now += 30_000;
    expect(limiter.check('10.0.0.1').blocked).toBe(false);
  });
});
