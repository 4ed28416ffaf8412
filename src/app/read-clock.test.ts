import { describe, expect, it } from 'vitest';
import { isUsageError } from '../cli/cli-error.js';
import { readClock } from './read-clock.js';

describe('readClock', () => {
  it('reads the system clock when TOLLGATE_NOW is unset or blank', () => {
    for (const env of [{}, { TOLLGATE_NOW: '  ' }]) {
      const before = Date.now();
      const clock = readClock(env);
      expect(clock.fixed).toBe(false);
      expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(clock.now)).toBeLessThanOrEqual(Date.now());
    }
  });

  it.each([
    ['2026-03-04T10:00:00Z', '2026-03-04T10:00:00.000Z'],
    ['2026-03-04T10:00Z', '2026-03-04T10:00:00.000Z'],
    ['2026-03-04T11:30:00.25+01:00', '2026-03-04T10:30:00.250Z'],
  ])('TOLLGATE_NOW=%s fixes the clock at %s', (value, now) => {
    expect(readClock({ TOLLGATE_NOW: value })).toEqual({ now, fixed: true });
  });

  it.each(['tomorrow', '2026-03-04', '2026-03-04T10:00:00', '2026-13-04T10:00:00Z', '1700000000'])('rejects TOLLGATE_NOW=%s as a usage error', (value) => {
    let thrown: unknown;
    try {
      readClock({ TOLLGATE_NOW: value });
    } catch (error) {
      thrown = error;
    }
    expect(isUsageError(thrown)).toBe(true);
    expect((thrown as Error).message).toContain(`TOLLGATE_NOW \`${value}\``);
  });
});
