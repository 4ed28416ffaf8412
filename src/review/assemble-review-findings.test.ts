import { describe, expect, it } from 'vitest';
import { buildReviewInput } from '../../test/fixtures/review/build-review-input.js';
import { assembleReviewFindings, MAX_REVIEW_FINDINGS } from './assemble-review-findings.js';
import type { ReviewAnswerFinding } from './review-answer-schema.js';

const { change } = buildReviewInput();
const base: ReviewAnswerFinding = { severity: 'high', category: 'correctness', file: 'services/checkout/pricing/total.ts', line: 10, message: 'm', evidence: 'e' };
const answer = (findings: ReviewAnswerFinding[]) => ({ summary: ' s ', findings, docsAssessment: { matches: true, problems: [] } });

describe('assembleReviewFindings', () => {
  it.each([
    { name: 'a file in the change', finding: base, file: 'services/checkout/pricing/total.ts', line: 10 },
    { name: 'a diff-header path', finding: { ...base, file: 'b/services/checkout/pricing/total.ts' }, file: 'services/checkout/pricing/total.ts', line: 10 },
    { name: 'a ./ path', finding: { ...base, file: './services/search/index.ts', line: 3 }, file: 'services/search/index.ts', line: 3 },
    { name: 'a non-integer line', finding: { ...base, line: 2.5 }, file: 'services/checkout/pricing/total.ts', line: undefined },
    { name: 'a zero line', finding: { ...base, line: 0 }, file: 'services/checkout/pricing/total.ts', line: undefined },
    { name: 'no file', finding: { ...base, file: null, line: null }, file: undefined, line: undefined },
  ])('maps $name', ({ finding, file, line }) => {
    const [mapped] = assembleReviewFindings(answer([finding]), change).findings;
    expect(mapped).toMatchObject({ rule: 'review:correctness', severity: 'high', message: 'm' });
    expect(mapped?.file).toBe(file);
    expect(mapped?.line).toBe(line);
  });

  it('keeps a finding about an untouched file, without the file, and says so', () => {
    const result = assembleReviewFindings(answer([{ ...base, file: 'services/billing/invoice.ts', line: 40 }]), change);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'review:correctness', severity: 'high' });
    expect(result.findings[0]?.file).toBeUndefined();
    expect(result.findings[0]?.line).toBeUndefined();
    expect(result.findings[0]?.evidence).toContain('refers to `services/billing/invoice.ts`');
    expect(result.notes[0]).toContain('services/billing/invoice.ts');
  });

  it('merges duplicates and keeps the most severe when there are too many', () => {
    const many = Array.from({ length: MAX_REVIEW_FINDINGS + 5 }, (_, i) => ({ ...base, severity: 'low' as const, message: `low ${i}` }));
    const result = assembleReviewFindings(answer([base, base, ...many, { ...base, severity: 'critical', message: 'worst' }]), change);
    expect(result.findings).toHaveLength(MAX_REVIEW_FINDINGS);
    expect(result.findings[0]?.severity).toBe('critical');
    expect(result.findings.filter((f) => f.message === 'm')).toHaveLength(1);
    expect(result.notes.at(-1)).toContain('least severe were cut');
    expect(result.summary).toBe('s');
  });
});
