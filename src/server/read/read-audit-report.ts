/**
 * @module Gathers what the audit report needs from the store for a scope and period, then assembles it.
 */
import type { AuditEvent } from '../../core/audit/audit-event.js';
import { listRetroReviews } from '../../workflow/retro-reviews.js';
import type { ServerDeps } from '../server-deps.js';
import { assembleAuditReport, type AuditReport } from '../views/assemble-audit-report.js';
import type { ResolvedScope } from '../views/report-scope.js';
import { readChangeViews } from './read-change-views.js';
import { readRecordedChanges } from './read-recorded-changes.js';

const REPORT_EVENTS = ['deploy', 'verify.failed', 'break-glass', 'approval.refused', 'access.denied'];
const PAGE = 1000;

/** `from`/`to` are ISO instants (`to` exclusive). */
export async function readAuditReport(deps: ServerDeps, scope: ResolvedScope, from: string, to: string): Promise<AuditReport> {
  const now = deps.now().toISOString();
  const changes = await readRecordedChanges(deps.store, { since: from, until: to });
  const [views, events, retroReviews] = await Promise.all([
    readChangeViews(deps.store, deps.catalog, changes),
    readEvents(deps, from, to),
    listRetroReviews(deps.store, deps.catalog, now),
  ]);
  const commits = [...new Set([...events.filter((e) => e.type === 'break-glass' || e.type === 'deploy').map((e) => e.subject), ...retroReviews.map((r) => r.breakGlass.commit)])];
  const holding = commits.length > 0 ? await deps.store.changes.findByCommits(commits) : [];
  const commitSystems = new Map<string, string[]>();
  for (const change of holding) {
    for (const commit of change.commits) {
      if (commits.includes(commit.sha)) commitSystems.set(commit.sha, [...new Set([...(commitSystems.get(commit.sha) ?? []), ...change.systems])]);
    }
  }
  return assembleAuditReport({ scope, from, to, now, catalog: deps.catalog, changes: views, events, retroReviews, commitSystems });
}

async function readEvents(deps: ServerDeps, since: string, until: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let afterSeq: number | undefined;
  for (;;) {
    const page = await deps.store.audit.list({ types: REPORT_EVENTS, since, until, limit: PAGE, ...(afterSeq !== undefined ? { afterSeq } : {}) });
    events.push(...page);
    if (page.length < PAGE) return events;
    afterSeq = page[page.length - 1]!.seq;
  }
}
