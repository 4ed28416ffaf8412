import { describe, expect, it } from 'vitest';
import { editDistance, suggestKey } from './suggest-key.js';

describe('editDistance', () => {
  it.each([
    ['tier', 'tier', 0],
    ['teir', 'tier', 1],
    ['owner', 'owners', 1],
    ['critcal', 'critical', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s -> %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('suggestKey', () => {
  const systemKeys = ['id', 'name', 'description', 'tier', 'org', 'owners', 'director', 'vp', 'paths', 'critical'];
  it.each([
    ['teir', 'tier'],
    ['Tier', 'tier'],
    ['owner', 'owners'],
    ['critcal', 'critical'],
    ['path', 'paths'],
    ['directr', 'director'],
    ['desc', 'description'],
  ])('%s suggests %s', (typo, expected) => expect(suggestKey(typo, systemKeys)).toBe(expected));

  it.each(['frobnicate', 'ai', 'x', 'tiering-policy', 'team'])('%s suggests nothing', (word) => expect(suggestKey(word, systemKeys)).toBeUndefined());

  it('prefers the closest of several candidates', () => expect(suggestKey('tiers', ['tier', 'tries'])).toBe('tier'));
  it('suggests nothing from an empty list', () => expect(suggestKey('tier', [])).toBeUndefined());
});
