/**
 * @module Reading the reviewer's raw answer: extract the JSON object, validate it against the schema.
 *
 * Tolerates what chat models and CLIs wrap around JSON (a ```json fence, a sentence before it);
 * tolerates nothing inside it: unknown keys, wrong types and missing fields are schema failures.
 */
import type * as z from 'zod';
import { reviewAnswerSchema, type ReviewAnswer } from './review-answer-schema.js';

export type ParsedAnswer = { answer: ReviewAnswer; problem?: undefined } | { answer?: undefined; problem: string };

function extractJson(text: string): string {
  const trimmed = text.trim().replace(/^\uFEFF/, '');
  const fenced = /^```[a-zA-Z]*\n([\s\S]*?)\n?```$/.exec(trimmed);
  if (fenced) return fenced[1]!.trim();
  if (trimmed.startsWith('{')) return trimmed;
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}

/** One line naming each problem by its JSON path, e.g. `findings.0.severity: invalid option …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 8)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message.split('\n')[0]}`)
    .join('; ')
    .slice(0, 1000);
}

/** Parses and validates an answer; the `problem` is phrased for both the log and the model's retry. */
export function parseReviewAnswer(text: string): ParsedAnswer {
  if (text.trim() === '') return { problem: 'the answer was empty' };
  let json: unknown;
  try {
    json = JSON.parse(extractJson(text));
  } catch (error) {
    return { problem: `the answer is not valid JSON (${error instanceof Error ? error.message.split('\n')[0] : 'parse error'})` };
  }
  const result = reviewAnswerSchema.safeParse(json);
  if (!result.success) return { problem: `the answer does not match the schema: ${describeIssues(result.error.issues)}` };
  return { answer: result.data };
}
