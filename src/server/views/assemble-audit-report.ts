/**
 * @module The audit report over a period and scope: production changes, approval, break-glass,
 * AI share, time to approval and critical findings, with the anomalies first. Pure.
 */
import type { AuditEvent } from '../../core/audit/audit-event.js';
import type { Catalog } from '../../core/catalog/catalog-schema.js';
import type { ProvenanceLevel } from '../../core/provenance.js';
import type { RetroReview } from '../../workflow/retro-reviews.js';
import type { ChangeView } from './assemble-change-view.js';
import { strictestTier } from './assemble-queue.js';
import { collectAnomalies, type Anomaly } from './collect-anomalies.js';
import { approvalBuckets, median, weeklyByProvenance, type WeeklySeries } from './report-series.js';
import { inScope, type ResolvedScope } from './report-scope.js';

export interface AuditReportInput {
  scope: ResolvedScope;
  /** ISO 8601 instants: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  now: string;
  catalog: Catalog;
  /** Changes recorded in the period, settled (any scope: filtered here). */
  changes: readonly ChangeView[];
  /** `deploy`, `verify.failed`, `break-glass`, `approval.refused` and `access.denied` events of the period. */
  events: readonly AuditEvent[];
  /** Break-glass retro reviews still open now. */
  retroReviews: readonly RetroReview[];
  /** Systems of the recorded changes holding each break-glassed commit. */
  commitSystems: ReadonlyMap<string, string[]>;
}

export interface ReportChangeRow {
  digest: string;
  recordedAt: string;
  subject: string;
  systems: string[];
  tier: 1 | 2 | 3;
  provenance: ProvenanceLevel;
  verdict: string;
  approvers: string[];
  hoursToApproval: number | null;
  criticalFindings: number;
  deployedToProduction: boolean;
}

export interface AuditReportMetrics {
  productionDeploys: number;
  productionChanges: number;
  fullyApprovedDeploys: number;
  /** fullyApprovedDeploys / productionDeploys; null without deploys. */
  fullyApprovedShare: number | null;
  unapprovedDeploys: number;
  refusedDeploys: number;
  breakGlassUses: number;
  overdueRetroReviews: number;
  changesRecorded: number;
  aiAssistedChanges: number;
  aiAssistedShare: number | null;
  medianHoursToApproval: number | null;
  criticalFindings: number;
  changesWithCriticalFindings: number;
}

export interface AuditReport {
  schema: 'tollgate.audit-report/v1';
  scope: string;
  label: string;
  from: string;
  to: string;
  generatedAt: string;
  metrics: AuditReportMetrics;
  anomalies: Anomaly[];
  weekly: WeeklySeries;
  timeToApproval: { counts: number[]; waiting: number };
  changes: ReportChangeRow[];
}

export function assembleAuditReport(input: AuditReportInput): AuditReport {
  const { scope } = input;
  const isProduction = productionTest(input.catalog);
  const eventSystems = (event: AuditEvent): string[] => {
    const listed = Array.isArray(event.payload.systems) ? event.payload.systems.filter((s): s is string => typeof s === 'string') : [];
    return listed.length > 0 ? listed : (input.commitSystems.get(event.subject) ?? []);
  };
  const scoped = (event: AuditEvent): boolean => scope.systems === undefined || inScope(scope, eventSystems(event));
  const envOf = (event: AuditEvent): string => (typeof event.payload.env === 'string' ? event.payload.env : '');

  const deploys = input.events.filter((e) => e.type === 'deploy' && isProduction(envOf(e)) && scoped(e));
  const unapproved = deploys.filter((e) => e.payload.breakGlass !== undefined);
  const refused = input.events.filter((e) => e.type === 'verify.failed' && isProduction(envOf(e)) && scoped(e));
  const breakGlass = input.events.filter((e) => e.type === 'break-glass' && scoped(e));
  const deployedDigests = new Set(deploys.flatMap((e) => (Array.isArray(e.payload.changes) ? e.payload.changes.filter((d): d is string => typeof d === 'string') : [])));
  const overdue = input.retroReviews.filter((r) => r.state === 'overdue' && (scope.systems === undefined || inScope(scope, input.commitSystems.get(r.breakGlass.commit) ?? [])));

  const changes = input.changes.filter((view) => inScope(scope, view.change.systems));
  const rows = changes.map((view) => toRow(view, deployedDigests));
  const approvalHours = rows.flatMap((row) => (row.hoursToApproval !== null ? [row.hoursToApproval] : []));
  const ai = rows.filter((row) => row.provenance !== 'human').length;
  const critical = rows.reduce((sum, row) => sum + row.criticalFindings, 0);

  return {
    schema: 'tollgate.audit-report/v1',
    scope: scope.scope.kind === 'all' ? 'all' : `${scope.scope.kind}:${scope.scope.id}`,
    label: scope.label,
    from: input.from,
    to: input.to,
    generatedAt: input.now,
    metrics: {
      productionDeploys: deploys.length,
      productionChanges: deployedDigests.size,
      fullyApprovedDeploys: deploys.length - unapproved.length,
      fullyApprovedShare: deploys.length > 0 ? (deploys.length - unapproved.length) / deploys.length : null,
      unapprovedDeploys: unapproved.length,
      refusedDeploys: refused.length,
      breakGlassUses: breakGlass.length,
      overdueRetroReviews: overdue.length,
      changesRecorded: rows.length,
      aiAssistedChanges: ai,
      aiAssistedShare: rows.length > 0 ? ai / rows.length : null,
      medianHoursToApproval: median(approvalHours),
      criticalFindings: critical,
      changesWithCriticalFindings: rows.filter((row) => row.criticalFindings > 0).length,
    },
    anomalies: collectAnomalies({
      overdue,
      unapprovedDeploys: unapproved,
      breakGlass,
      refusedDeploys: refused,
      refusals: input.events.filter((e) => e.type === 'approval.refused' && scoped(e)),
      // Denied requests concern the whole server, not one org's systems.
      denied: scope.systems === undefined ? input.events.filter((e) => e.type === 'access.denied') : [],
      criticalShipped: rows.filter((row) => row.deployedToProduction && row.criticalFindings > 0),
    }),
    weekly: weeklyByProvenance(rows.map((row) => ({ at: row.recordedAt, level: row.provenance })), input.from, input.to),
    timeToApproval: { counts: approvalBuckets(approvalHours), waiting: changes.filter((view) => view.current && view.verdict !== 'allow').length },
    changes: rows.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)),
  };
}

function toRow(view: ChangeView, deployed: ReadonlySet<string>): ReportChangeRow {
  const { change } = view;
  const evaluation = change.evaluation;
  const last = view.counted.map((d) => Date.parse(d.at)).reduce((max, at) => Math.max(max, at), Number.NEGATIVE_INFINITY);
  const hours = view.verdict === 'allow' && view.counted.length > 0 ? Math.max(0, (last - Date.parse(change.recordedAt)) / 3_600_000) : null;
  return {
    digest: change.digest,
    recordedAt: change.recordedAt,
    subject: evaluation.change.commits[0]?.subject ?? '',
    systems: change.systems,
    tier: strictestTier(change),
    provenance: evaluation.provenance.level,
    verdict: view.verdict,
    approvers: [...new Set(view.counted.map((d) => d.person))],
    hoursToApproval: hours === null ? null : Math.round(hours * 10) / 10,
    criticalFindings: evaluation.findings.filter((f) => f.severity === 'critical').length,
    deployedToProduction: deployed.has(change.digest),
  };
}

/** Declared environments say whether they are production; an undeclared one counts as production (fail toward scrutiny). */
function productionTest(catalog: Catalog): (env: string) => boolean {
  return (env) => catalog.environments.find((e) => e.name === env)?.production ?? true;
}
