import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { applyDismissals, findingKey } from './apply-dismissals.js';

const reviewer: Finding = { rule: 'review:correctness', severity: 'high', message: 'units changed', file: 'a.ts', line: 3 };
const other: Finding = { rule: 'review:performance', severity: 'high', message: 'n+1 query', file: 'b.ts', line: 9 };
const deterministic: Finding = { rule: 'infra-destroy', severity: 'critical', message: 'destroys a database', file: 'main.tf', line: 1 };
const findings = [reviewer, other, deterministic];

describe('findingKey', () => {
  it('is stable and 16 hex digits', () => {
    expect(findingKey({ ...reviewer })).toBe(findingKey(reviewer));
    expect(findingKey(reviewer)).toMatch(/^[0-9a-f]{16}$/);
  });
  it.each([
    { name: 'rule', change: { rule: 'review:security' } },
    { name: 'file', change: { file: 'c.ts' } },
    { name: 'line', change: { line: 4 } },
    { name: 'message', change: { message: 'units changed!' } },
  ])('changes with the $name', ({ change }) => {
    expect(findingKey({ ...reviewer, ...change })).not.toBe(findingKey(reviewer));
  });
});

describe('applyDismissals', () => {
  it('removes exactly the dismissed reviewer finding', () => {
    const dismissal = { findingKey: findingKey(reviewer), person: 'olga', reason: 'callers were updated in #123' };
    const result = applyDismissals(findings, [dismissal]);
    expect(result.findings).toEqual([other, deterministic]);
    expect(result.dismissed).toEqual([{ finding: reviewer, dismissal }]);
    expect(result.rejected).toEqual([]);
  });

  it.each([
    { name: 'a deterministic finding', dismissal: { findingKey: findingKey(deterministic), person: 'olga', reason: 'fine' }, problem: 'only reviewer findings' },
    { name: 'an unknown key', dismissal: { findingKey: '0123456789abcdef', person: 'olga', reason: 'fine' }, problem: 'no finding has key' },
    { name: 'no reason', dismissal: { findingKey: findingKey(reviewer), person: 'olga', reason: '  ' }, problem: 'needs a reason' },
  ])('refuses $name and keeps every finding', ({ dismissal, problem }) => {
    const result = applyDismissals(findings, [dismissal]);
    expect(result.findings).toEqual(findings);
    expect(result.rejected[0]?.problem).toContain(problem);
  });
});
