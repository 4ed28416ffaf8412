import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { prefilterOf } from './regex-prefilter.js';

const LINES = [
  'Thread.sleep(100);', 'time.sleep(1)', 'thread.Sleep', 'sleep', 'TODO: remove', 'todo: REMOVE', 'console.log(x)', '  console.log(x)',
  'http://billing.internal/x', 'abc', '', 'a'.repeat(200), 'xAKIAy', 'Cafe\u0301', 'café',
];

describe('prefilterOf', () => {
  it.each([
    'Thread\\.sleep',
    'Thread\\.sleep|time\\.sleep',
    '(?i)todo: remove',
    '^\\s*console\\.log\\(',
    'http://[a-z0-9.-]+\\.internal',
    'a+',
    '(a+)+$',
    'x(?:AKIA|ASIA)y',
    'caf(?:é|e\u0301)',
    '.*',
  ])('never skips a line %s matches', (pattern) => {
    const regex = RE2JS.compile(pattern);
    const prefilter = prefilterOf(regex);
    for (const line of LINES) {
      if (regex.test(line)) expect(prefilter ? prefilter(line) : true).toBe(true);
    }
  });

  it('skips lines that lack the required literals', () => {
    const prefilter = prefilterOf(RE2JS.compile('Thread\\.sleep|time\\.sleep'));
    expect(prefilter?.('const x = 1;')).toBe(false);
    expect(prefilter?.('time.sleep(2)')).toBe(true);
    expect(prefilterOf(RE2JS.compile('(?i)todo'))).toBeUndefined();
  });
});
