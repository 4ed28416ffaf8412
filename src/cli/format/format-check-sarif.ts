/**
 * @module SARIF 2.1.0 output of `tollgate check`, for code-scanning UIs.
 */
import type { ChangeEvaluation } from '../../core/evaluation.js';
import type { Severity } from '../../core/finding.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** Security-severity scores as code-scanning UIs read them (0.1–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.0', low: '3.0', info: '0.5' };

/**
 * One result per finding; rules are listed once in the driver. Requirements and the verdict travel in
 * the run's `properties`, which SARIF viewers keep but do not render.
 */
export function formatCheckSarif(evaluation: ChangeEvaluation, ruleDescriptions: ReadonlyMap<string, string>, version: string): string {
  const ruleIds = [...new Set(evaluation.findings.map((finding) => finding.rule))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tollgate',
            version,
            informationUri: 'https://github.com/tollgate-dev/tollgate',
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: ruleDescriptions.get(id) ?? id },
              helpUri: `https://github.com/tollgate-dev/tollgate/blob/main/docs/rules.md#${id}`,
            })),
          },
        },
        results: evaluation.findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIds.indexOf(finding.rule),
          level: LEVEL[finding.severity],
          message: { text: finding.remediation ? `${finding.message}. ${finding.remediation}` : finding.message },
          ...(finding.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: finding.file },
                      ...(finding.line ? { region: { startLine: finding.line } } : {}),
                    },
                  },
                ],
              }
            : {}),
          properties: { severity: finding.severity, 'security-severity': SECURITY_SEVERITY[finding.severity] },
        })),
        properties: {
          digest: evaluation.change.digest,
          verdict: evaluation.verdict,
          unmetRequirements: evaluation.requirements.filter((requirement) => !requirement.satisfied).map((requirement) => requirement.id),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
