import { describe, expect, it } from 'vitest';
import { classifySdkError, parseRetryAfter, redactSecrets } from './classify-sdk-error.js';

const now = Date.parse('2026-03-01T12:00:00Z');
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('parseRetryAfter', () => {
  it.each([
    { name: 'seconds', h: { 'retry-after': '3' }, ms: 3000 },
    { name: 'fractional seconds', h: { 'retry-after': '0.5' }, ms: 500 },
    { name: 'an HTTP date', h: { 'retry-after': 'Sun, 01 Mar 2026 12:00:10 GMT' }, ms: 10000 },
    { name: 'retry-after-ms first', h: { 'retry-after-ms': '250', 'retry-after': '3' }, ms: 250 },
    { name: 'nothing', h: {}, ms: undefined },
    { name: 'garbage', h: { 'retry-after': 'soon' }, ms: undefined },
  ])('$name', ({ h, ms }) => {
    expect(parseRetryAfter(headers(h as Record<string, string>), now)).toBe(ms);
  });
});

describe('classifySdkError', () => {
  const live = new AbortController().signal;
  it.each([
    { status: 429, kind: 'rate-limited' },
    { status: 500, kind: 'server' },
    { status: 503, kind: 'server' },
    { status: 529, kind: 'server' },
    { status: 408, kind: 'server' },
    { status: 400, kind: 'refused' },
    { status: 401, kind: 'refused' },
    { status: 404, kind: 'refused' },
  ])('$status is $kind', ({ status, kind }) => {
    expect(classifySdkError({ status, headers: headers({}), message: 'x' }, live, 'p').kind).toBe(kind);
  });

  it('tells a deadline abort from a dropped connection', () => {
    const aborted = AbortSignal.abort();
    expect(classifySdkError(new Error('socket hang up'), aborted, 'p').kind).toBe('aborted');
    expect(classifySdkError(new Error('socket hang up'), live, 'p').kind).toBe('network');
  });

  it('redacts the key from messages', () => {
    const failure = classifySdkError({ status: 401, headers: headers({}), message: 'bad key sk-abcdef123' }, live, 'p', ['sk-abcdef123']);
    expect(failure.message).toBe('p: request refused (401): bad key ***');
    expect(redactSecrets('a-b-a', ['a'])).toBe('a-b-a');
  });
});
