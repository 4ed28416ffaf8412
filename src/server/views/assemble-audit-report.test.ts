import { describe, expect, it } from 'vitest';
import type { RetroReview } from '../../workflow/retro-reviews.js';
import { assembleAuditReport, type AuditReportInput } from './assemble-audit-report.js';
import { csvField, formatReportCsv } from './format-report-csv.js';
import { resolveReportPeriod } from './report-period.js';
import { resolveReportScope } from './report-scope.js';
import { approval, changeView, event, VIEW_CATALOG } from './view-test-builders.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const D = 'd'.repeat(64);

function input(scope = 'all', extra: Partial<AuditReportInput> = {}): AuditReportInput {
  const resolved = resolveReportScope(scope, VIEW_CATALOG);
  if (!resolved.ok) throw new Error(resolved.message);
  const overdue: RetroReview = {
    breakGlass: { id: 1, env: 'production', commit: 'd'.repeat(8), person: 'ben', reason: 'outage', at: '2026-03-03T00:00:00.000Z', expiresAt: '2026-03-03T04:00:00.000Z', reviewDueAt: '2026-03-05T00:00:00.000Z' },
    state: 'overdue',
    missing: ['needs 1 approval'],
  };
  return {
    scope: resolved.resolved,
    from: '2026-03-02T00:00:00.000Z',
    to: '2026-03-16T00:00:00.000Z',
    now: '2026-03-10T00:00:00.000Z',
    catalog: VIEW_CATALOG,
    changes: [
      // Recorded Monday 10:00, approved 4 h later: allowed.
      changeView({ digest: A, recordedAt: '2026-03-02T10:00:00.000Z' }, [approval('ben', A, '2026-03-02T14:00:00.000Z')]),
      changeView({ digest: B, provenance: 'ai-authored', findings: ['critical'], recordedAt: '2026-03-03T10:00:00.000Z' }, [approval('cho', B, '2026-03-05T10:00:00.000Z')]),
      changeView({ digest: C, systems: [{ id: 'ledger', tier: 2 }], provenance: 'ai-assisted', recordedAt: '2026-03-09T09:00:00.000Z' }),
      changeView({ digest: D, systems: [{ id: 'docs', tier: 3 }], approvals: 0, recordedAt: '2026-03-10T09:00:00.000Z', subject: '=HYPERLINK("http://x")' }),
    ],
    events: [
      event('deploy', 'a'.repeat(8), '2026-03-02T15:00:00.000Z', { env: 'production', changes: [A], systems: ['shop'] }),
      event('deploy', 'b'.repeat(8), '2026-03-05T11:00:00.000Z', { env: 'production', changes: [B], systems: ['shop'] }),
      event('deploy', 'a'.repeat(8), '2026-03-02T16:00:00.000Z', { env: 'staging', changes: [A], systems: ['shop'] }),
      event('break-glass', 'd'.repeat(8), '2026-03-03T00:00:00.000Z', { env: 'production', reason: 'outage' }, 'ben'),
      event('deploy', 'd'.repeat(8), '2026-03-03T00:05:00.000Z', { env: 'production', changes: [], systems: [], breakGlass: 1 }),
      event('verify.failed', 'c'.repeat(8), '2026-03-09T10:00:00.000Z', { env: 'production', unapproved: [{ sha: 'c'.repeat(8), reason: 'x' }] }),
      event('approval.refused', B, '2026-03-03T11:00:00.000Z', { code: 'author', kind: 'approve', reason: '`ana` wrote it', systems: ['shop'] }, 'ana'),
      event('access.denied', 'POST /api/verify', '2026-03-04T00:00:00.000Z', { status: 401 }, 'anonymous'),
    ],
    retroReviews: [overdue],
    commitSystems: new Map([['d'.repeat(8), ['shop']]]),
    ...extra,
  };
}

describe('assembleAuditReport', () => {
  it('counts production deploys, approvals, break-glass, AI share, time to approval and critical findings', () => {
    const report = assembleAuditReport(input());
    expect(report.metrics).toEqual({
      productionDeploys: 3,
      productionChanges: 2,
      fullyApprovedDeploys: 2,
      fullyApprovedShare: 2 / 3,
      unapprovedDeploys: 1,
      refusedDeploys: 1,
      breakGlassUses: 1,
      overdueRetroReviews: 1,
      changesRecorded: 4,
      aiAssistedChanges: 2,
      aiAssistedShare: 0.5,
      medianHoursToApproval: 26, // 4 h and 48 h
      criticalFindings: 1,
      changesWithCriticalFindings: 1,
    });
  });

  it('lists anomalies most severe first: overdue reviews and unapproved deploys before the rest', () => {
    const kinds = assembleAuditReport(input()).anomalies.map((a) => `${a.severity}:${a.kind}`);
    expect(kinds).toEqual([
      'high:overdue-retro-review',
      'high:unapproved-deploy',
      'medium:break-glass',
      'medium:critical-shipped',
      'medium:approval-refused',
      'medium:refused-deploy',
      'low:access-denied',
    ]);
  });

  it('narrows to a scope: an org, or a director over their systems', () => {
    const finance = assembleAuditReport(input('org:finance'));
    expect(finance.changes.map((row) => row.digest)).toEqual([C]);
    expect(finance.metrics).toMatchObject({ productionDeploys: 0, breakGlassUses: 0, overdueRetroReviews: 0, refusedDeploys: 0 });
    expect(finance.anomalies).toEqual([]);
    const dee = assembleAuditReport(input('person:dee'));
    expect(dee.label).toBe('dee (director)');
    expect(dee.changes.map((row) => row.digest).sort()).toEqual([A, B, C]);
    expect(dee.metrics.overdueRetroReviews).toBe(1);
  });

  it('draws weeks from Monday with changes by provenance, and approval times in buckets', () => {
    const report = assembleAuditReport(input());
    expect(report.weekly.weeks).toEqual(['2026-03-02', '2026-03-09']);
    expect(report.weekly.counts).toEqual({ human: [1, 1], 'ai-assisted': [0, 1], 'ai-authored': [1, 0] });
    expect(report.timeToApproval).toEqual({ counts: [0, 0, 1, 1, 0], waiting: 1 }); // 4 h and 48 h
  });

  it('exports the changes as formula-safe CSV', () => {
    const csv = formatReportCsv(assembleAuditReport(input()));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', '"plain"'],
    ['=1+1', `"'=1+1"`],
    ['+cmd', `"'+cmd"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['say "hi"', '"say ""hi"""'],
    [3, '"3"'],
    [null, '""'],
  ] as const)('%s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('resolveReportScope and resolveReportPeriod', () => {
  it.each([
    ['org:nowhere', 'no system belongs to org `nowhere`'],
    ['system:x', 'no system `x` in the catalog'],
    ['person:ana', '`ana` is not the director or vp of any system'],
    ['team:shop', 'scope `team:shop` is not `all`, `org:ID`, `system:ID` or `person:ID`'],
  ])('refuses %s', (scope, message) => {
    expect(resolveReportScope(scope, VIEW_CATALOG)).toEqual({ ok: false, message });
  });

  it('defaults to twelve weeks ending today and refuses a reversed period', () => {
    expect(resolveReportPeriod(undefined, undefined, new Date('2026-03-10T15:00:00Z'))).toEqual({
      ok: true,
      period: { fromDay: '2025-12-17', toDay: '2026-03-10', from: '2025-12-17T00:00:00.000Z', until: '2026-03-11T00:00:00.000Z' },
    });
    expect(resolveReportPeriod('2026-03-10', '2026-03-01', new Date())).toMatchObject({ ok: false });
  });
});
