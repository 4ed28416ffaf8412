import { describe, expect, it } from 'vitest';
import { firstAbove } from './first-above.js';

describe('firstAbove', () => {
  it('gives the smallest value above the floor, or undefined', () => {
    const sorted = [2, 4, 4, 9];
    expect([0, 2, 3, 4, 8, 9].map((floor) => firstAbove(sorted, floor))).toEqual([2, 4, 4, 9, 9, undefined]);
    expect(firstAbove([], 1)).toBeUndefined();
  });
});
