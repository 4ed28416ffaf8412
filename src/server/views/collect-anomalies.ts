/**
 * @module What an owner, director or VP should look at first: missed retro reviews, deploys without
 * approval, break-glass, refused deploys, attempts to approve one's own change, denied requests.
 */
import type { AuditEvent } from '../../core/audit/audit-event.js';
import type { RetroReview } from '../../workflow/retro-reviews.js';
import type { ReportChangeRow } from './assemble-audit-report.js';

export interface Anomaly {
  severity: 'high' | 'medium' | 'low';
  kind: 'overdue-retro-review' | 'unapproved-deploy' | 'break-glass' | 'refused-deploy' | 'approval-refused' | 'access-denied' | 'critical-shipped';
  text: string;
  at?: string;
  /** A change digest or commit sha it is about. */
  subject?: string;
  /** Audit sequence number of the event, when it is one. */
  seq?: number;
}

export interface AnomalySources {
  overdue: readonly RetroReview[];
  unapprovedDeploys: readonly AuditEvent[];
  breakGlass: readonly AuditEvent[];
  refusedDeploys: readonly AuditEvent[];
  refusals: readonly AuditEvent[];
  denied: readonly AuditEvent[];
  criticalShipped: readonly ReportChangeRow[];
}

const RANK = { high: 0, medium: 1, low: 2 } as const;
/** Within a severity: what an owner should read first. */
const KIND_RANK: Record<Anomaly['kind'], number> = {
  'overdue-retro-review': 0,
  'unapproved-deploy': 1,
  'break-glass': 2,
  'critical-shipped': 3,
  'approval-refused': 4,
  'refused-deploy': 5,
  'access-denied': 6,
};
const short = (id: string): string => id.slice(0, 12);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every anomaly, most severe first, then by kind, then newest first. */
export function collectAnomalies(sources: AnomalySources): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const review of sources.overdue) {
    const b = review.breakGlass;
    anomalies.push({
      severity: 'high',
      kind: 'overdue-retro-review',
      text: `retro review overdue since ${b.reviewDueAt.slice(0, 16).replace('T', ' ')}: ${b.person} broke glass on ${short(b.commit)} (${b.env}) — ${review.missing.join('; ')}`,
      at: b.reviewDueAt,
      subject: b.commit,
    });
  }
  for (const event of sources.unapprovedDeploys) {
    anomalies.push({ severity: 'high', kind: 'unapproved-deploy', text: `deployed ${short(event.subject)} to ${text(event.payload.env)} without approvals, by break-glass (${event.actor})`, at: event.at, subject: event.subject, seq: event.seq });
  }
  for (const event of sources.breakGlass) {
    anomalies.push({ severity: 'medium', kind: 'break-glass', text: `${event.actor} broke glass for ${short(event.subject)} in ${text(event.payload.env)}: ${text(event.payload.reason)}${event.payload.incident ? ` (incident ${text(event.payload.incident)})` : ''}`, at: event.at, subject: event.subject, seq: event.seq });
  }
  for (const row of sources.criticalShipped) {
    anomalies.push({ severity: 'medium', kind: 'critical-shipped', text: `a change with ${row.criticalFindings} critical finding${row.criticalFindings === 1 ? '' : 's'} reached production: ${row.subject}`, at: row.recordedAt, subject: row.digest });
  }
  for (const event of sources.refusedDeploys) {
    const unapproved = Array.isArray(event.payload.unapproved) ? event.payload.unapproved.length : 0;
    anomalies.push({ severity: 'medium', kind: 'refused-deploy', text: `the gate refused ${short(event.subject)} for ${text(event.payload.env)} (${unapproved} unapproved commit${unapproved === 1 ? '' : 's'}), asked by ${event.actor}`, at: event.at, subject: event.subject, seq: event.seq });
  }
  for (const event of sources.refusals) {
    const code = text(event.payload.code);
    if (code !== 'author' && code !== 'ai-identity' && code !== 'not-a-signer') continue;
    anomalies.push({ severity: 'medium', kind: 'approval-refused', text: `${event.actor} tried to ${event.payload.kind === 'sign-off' ? 'sign off' : 'approve'} ${short(event.subject)}: ${text(event.payload.reason)}`, at: event.at, subject: event.subject, seq: event.seq });
  }
  if (sources.denied.length > 0) {
    const actors = [...new Set(sources.denied.map((event) => event.actor))].slice(0, 5);
    anomalies.push({ severity: 'low', kind: 'access-denied', text: `${sources.denied.length} denied request${sources.denied.length === 1 ? '' : 's'} (by ${actors.join(', ')}${actors.length === 5 ? ', …' : ''}): see the audit log, type access.denied` });
  }
  return anomalies.sort((a, b) => RANK[a.severity] - RANK[b.severity] || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.at ?? '').localeCompare(a.at ?? ''));
}
