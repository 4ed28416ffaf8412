/**
 * @module Findings: what a deterministic rule or the agentic reviewer noticed in a change.
 */

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Rule id, e.g. `infra-destroy`; reviewer findings use `review:<category>`. */
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  /** What was seen, safe to print (secrets are redacted by the rule). */
  evidence?: string;
  remediation?: string;
}

/** Numeric rank of a severity, for sorting and thresholds. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Orders findings most severe first, then by file and line, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}
