import { describe, expect, it } from 'vitest';
import { validAnswer } from '../../test/fixtures/review/build-review-input.js';
import { parseReviewAnswer } from './parse-review-answer.js';

const valid = JSON.stringify(validAnswer());

describe('parseReviewAnswer', () => {
  it.each([
    { name: 'bare JSON', text: valid },
    { name: 'a ```json fence', text: '```json\n' + valid + '\n```' },
    { name: 'prose around it', text: 'Here is my review:\n' + valid + '\nThanks.' },
  ])('accepts $name', ({ text }) => {
    const parsed = parseReviewAnswer(text);
    expect(parsed.problem).toBeUndefined();
    expect(parsed.answer?.findings[0]?.category).toBe('correctness');
  });

  it.each([
    { name: 'empty', text: '  ', problem: 'the answer was empty' },
    { name: 'not JSON', text: 'looks good to me', problem: 'not valid JSON' },
    { name: 'truncated JSON', text: valid.slice(0, 40), problem: 'not valid JSON' },
    { name: 'a wrong severity', text: JSON.stringify(validAnswer({ findings: [{ ...(validAnswer().findings as object[])[0], severity: 'blocker' }] })), problem: 'findings.0.severity' },
    { name: 'a missing field', text: JSON.stringify({ summary: 'x', findings: [] }), problem: 'docsAssessment' },
    { name: 'an attempt to approve', text: JSON.stringify(validAnswer({ approve: true })), problem: 'approve' },
    { name: 'an attempt to remove requirements', text: JSON.stringify(validAnswer({ requirements: [] })), problem: 'requirements' },
  ])('rejects $name', ({ text, problem }) => {
    const parsed = parseReviewAnswer(text);
    expect(parsed.answer).toBeUndefined();
    expect(parsed.problem).toContain(problem);
  });
});
