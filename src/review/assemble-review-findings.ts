/**
 * @module Turning a validated answer into findings (`review:<category>`). Pure.
 *
 * Decisions:
 * - A finding about a file the change does not touch is KEPT, without `file`/`line`, and its
 *   evidence says which file it named. A change can break code it does not touch (a caller of a
 *   changed function), and dropping a reviewer finding would only ever remove friction.
 * - Paths are matched leniently (`./x`, `a/x`, `b/x` as in diff headers) against the change's
 *   paths and old paths; a line is kept only when it is a positive integer.
 * - Text is trimmed and capped; exact duplicates are merged; at most `MAX_REVIEW_FINDINGS` are
 *   kept, most severe first, and any cut is noted.
 */
import type { Change } from '../core/change.js';
import { compareFindings, type Finding } from '../core/finding.js';
import type { ReviewAnswer } from './review-answer-schema.js';

export const MAX_REVIEW_FINDINGS = 100;
const MAX_TEXT = 1000;

export interface AssembledReview {
  findings: Finding[];
  summary: string;
  docsAssessment: { matches: boolean; problems: string[] };
  /** What was adjusted, one line each (file-less findings, cuts). */
  notes: string[];
}

function cap(text: string, max = MAX_TEXT): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}

function resolvePath(named: string, paths: ReadonlySet<string>): string | undefined {
  const candidates = [named, named.replace(/^\.\//, ''), named.replace(/^[ab]\//, '')];
  return candidates.find((candidate) => paths.has(candidate));
}

/** Maps the reviewer's answer onto findings about `change`. */
export function assembleReviewFindings(answer: ReviewAnswer, change: Change): AssembledReview {
  const paths = new Set(change.files.flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path])));
  const notes: string[] = [];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const raw of answer.findings) {
    const named = raw.file?.trim() ?? '';
    const file = named ? resolvePath(named, paths) : undefined;
    const message = cap(raw.message) || `${raw.category} issue`;
    let evidence = cap(raw.evidence);
    if (named && !file) {
      evidence = cap(`refers to \`${cap(named, 200)}\`, which this change does not touch${evidence ? `; ${evidence}` : ''}`);
      notes.push(`a finding named \`${cap(named, 200)}\`, which the change does not touch; kept without a file`);
    }
    const line = file && raw.line !== null && Number.isInteger(raw.line) && raw.line > 0 ? raw.line : undefined;
    const finding: Finding = {
      rule: `review:${raw.category}`,
      severity: raw.severity,
      message,
      ...(file ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(evidence ? { evidence } : {}),
    };
    const key = JSON.stringify([finding.rule, finding.severity, finding.file, finding.line, finding.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  findings.sort(compareFindings);
  if (findings.length > MAX_REVIEW_FINDINGS) {
    notes.push(`the reviewer returned ${findings.length} findings; the ${findings.length - MAX_REVIEW_FINDINGS} least severe were cut`);
    findings.length = MAX_REVIEW_FINDINGS;
  }
  return {
    findings,
    summary: cap(answer.summary, 2000),
    docsAssessment: { matches: answer.docsAssessment.matches, problems: answer.docsAssessment.problems.map((p) => cap(p, 500)).filter(Boolean).slice(0, 20) },
    notes,
  };
}
