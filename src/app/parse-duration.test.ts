import { describe, expect, it } from 'vitest';
import { parseDurationMinutes } from './parse-duration.js';

describe('parseDurationMinutes', () => {
  it.each([
    ['90m', 90],
    ['45min', 45],
    ['4h', 240],
    ['4H', 240],
    [' 2h ', 120],
    ['1d', 1440],
    ['0h', undefined],
    ['4', undefined],
    ['4x', undefined],
    ['-1h', undefined],
    ['1.5h', undefined],
    ['1h30m', undefined],
    ['', undefined],
  ])('%j → %j minutes', (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });
});
