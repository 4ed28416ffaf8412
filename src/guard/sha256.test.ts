/**
 * @module The JavaScript SHA-256 matches OpenSSL's on every padding boundary and on non-ASCII text.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Js } from './sha256.js';

describe('sha256', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(119), 'ｒｍ -rf / ünïcode 😀', 'x'.repeat(20_000)])('matches node:crypto for %#', (text) => {
    const expected = createHash('sha256').update(text).digest('hex');
    expect(sha256Js(text)).toBe(expected);
    expect(sha256Hex(text)).toBe(expected);
  });
});
