/**
 * @module The audit report's changes as CSV (RFC 4180), safe to open in a spreadsheet.
 */
import type { AuditReport } from './assemble-audit-report.js';

const COLUMNS = [
  'digest',
  'recorded_at',
  'subject',
  'systems',
  'tier',
  'provenance',
  'verdict',
  'approvers',
  'hours_to_approval',
  'critical_findings',
  'deployed_to_production',
] as const;

/**
 * Quotes every field, doubles inner quotes, and prefixes text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return) with `'` so a commit subject cannot execute.
 */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function formatReportCsv(report: AuditReport): string {
  const lines = [COLUMNS.join(',')];
  for (const row of report.changes) {
    lines.push(
      [
        row.digest,
        row.recordedAt,
        row.subject,
        row.systems.join(' '),
        row.tier,
        row.provenance,
        row.verdict,
        row.approvers.join(' '),
        row.hoursToApproval,
        row.criticalFindings,
        row.deployedToProduction,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
