/**
 * @module The audit report page: anomalies first, then the figures, the two charts and every change.
 */
import type { RequestPrincipal } from '../../app-env.js';
import type { AuditReport } from '../../views/assemble-audit-report.js';
import { APPROVAL_BUCKETS } from '../../views/report-series.js';
import { html, messageHtml, path, query, type SafeHtml } from '../html.js';
import { renderBarChart } from '../render-bar-chart.js';
import { provenanceLabel, shortId, tierBadge, verdictBadge } from '../render-badges.js';
import { renderLayout } from '../render-layout.js';

export interface AuditPageInput {
  principal: RequestPrincipal;
  report: AuditReport;
  scope: string;
  fromDay: string;
  toDay: string;
  choices: { value: string; label: string }[];
}

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);
const hours = (value: number | null): string => (value === null ? '—' : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} d`);

export function renderAuditPage(input: AuditPageInput): SafeHtml {
  const { report } = input;
  const m = report.metrics;
  const params = { scope: input.scope, from: input.fromDay, to: input.toDay };
  const card = (label: string, value: string | number, alert = false, id?: string) =>
    html`<div class="card${alert ? ' alert' : ''}"${id ? html` id="${id}"` : ''}><div class="value">${value}</div><div class="label">${label}</div></div>`;
  const body = html`<h1>Audit report</h1>
<form method="get" action="/audit" class="filters" aria-label="Report scope and period">
<div><label for="scope">Scope</label><select id="scope" name="scope">${input.choices.map((choice) => html`<option value="${choice.value}"${choice.value === input.scope ? html` selected` : ''}>${choice.label}</option>`)}</select></div>
<div><label for="from">From</label><input id="from" name="from" type="date" value="${input.fromDay}"></div>
<div><label for="to">To</label><input id="to" name="to" type="date" value="${input.toDay}"></div>
<div><button type="submit">Show</button></div>
<div><a class="button secondary" href="/audit/report.csv${query(params)}" download>Export CSV</a></div>
<div><a class="button secondary" href="/audit/report.json${query(params)}">Export JSON</a></div>
</form>
<p class="muted">${report.label}, ${input.fromDay} to ${input.toDay} (UTC).</p>
<section aria-labelledby="anom-h"><h2 id="anom-h">Anomalies (${report.anomalies.length})</h2>
${report.anomalies.length > 0
  ? html`<ul id="anomalies">${report.anomalies.map(
      (a) => html`<li><span class="badge ${a.severity === 'high' ? 'bad' : a.severity === 'medium' ? 'warn' : 'tier-3'}">${a.severity}</span> ${messageHtml(a.text)}${a.subject && /^[0-9a-f]{64}$/.test(a.subject) ? html` · <a href="${path('changes', a.subject)}">open</a>` : ''}</li>`,
    )}</ul>`
  : html`<p class="ok badge">No anomalies in this period.</p>`}
</section>
<section aria-labelledby="fig-h"><h2 id="fig-h">Figures</h2>
<div class="cards" id="metrics">
${card('production deploys', m.productionDeploys)}
${card('production changes', m.productionChanges)}
${card('deploys fully approved', percent(m.fullyApprovedShare), m.fullyApprovedShare !== null && m.fullyApprovedShare < 1)}
${card('unapproved deploys (break-glass)', m.unapprovedDeploys, m.unapprovedDeploys > 0)}
${card('refused deploy attempts', m.refusedDeploys)}
${card('break-glass uses', m.breakGlassUses, m.breakGlassUses > 0)}
${card('overdue retro reviews', m.overdueRetroReviews, m.overdueRetroReviews > 0, 'overdue-card')}
${card('changes recorded', m.changesRecorded)}
${card('AI-assisted or AI-authored', percent(m.aiAssistedShare))}
${card('median time to approval', hours(m.medianHoursToApproval))}
${card('critical findings', `${m.criticalFindings} in ${m.changesWithCriticalFindings} changes`, m.criticalFindings > 0)}
</div></section>
<section aria-labelledby="charts-h"><h2 id="charts-h">Charts</h2>
<div class="grid2">
${renderBarChart({
  id: 'chart-weekly',
  title: 'Changes per week by provenance',
  categories: report.weekly.weeks.map((week) => week.slice(5)),
  series: [
    { key: 'human', label: 'human', className: 'p-human' },
    { key: 'ai-assisted', label: 'AI-assisted', className: 'p-assisted' },
    { key: 'ai-authored', label: 'AI-authored', className: 'p-authored' },
  ],
  values: report.weekly.counts,
  unit: 'week',
})}
${renderBarChart({
  id: 'chart-approval',
  title: `Time to approval (${report.timeToApproval.waiting} still waiting)`,
  categories: APPROVAL_BUCKETS.map((bucket) => bucket.label),
  series: [{ key: 'changes', label: 'changes', className: 'b-mid' }],
  values: { changes: report.timeToApproval.counts },
  unit: 'time to approval',
})}
</div></section>
<section aria-labelledby="changes-h"><h2 id="changes-h">Changes in the period (${report.changes.length})</h2>
${report.changes.length > 0
  ? html`<table id="report-changes"><thead><tr><th scope="col">Recorded</th><th scope="col">Change</th><th scope="col">Tier</th><th scope="col">Provenance</th><th scope="col">Status</th><th scope="col">Approvers</th><th scope="col" class="num">Time to approval</th><th scope="col" class="num">Critical</th><th scope="col">Production</th></tr></thead><tbody>
${report.changes.map(
  (row) => html`<tr><td>${row.recordedAt.slice(0, 10)}</td><td><a href="${path('changes', row.digest)}">${row.subject || row.digest.slice(0, 12)}</a><br>${shortId(row.digest)} <span class="muted">${row.systems.join(', ')}</span></td>
<td>${tierBadge(row.tier)}</td><td>${provenanceLabel(row.provenance)}</td><td>${verdictBadge(row.verdict as 'allow' | 'needs-approval' | 'blocked')}</td><td>${row.approvers.join(', ')}</td>
<td class="num">${hours(row.hoursToApproval)}</td><td class="num">${row.criticalFindings || ''}</td><td>${row.deployedToProduction ? 'deployed' : ''}</td></tr>`,
)}
</tbody></table>`
  : html`<p class="muted">No changes were recorded in this period.</p>`}
</section>`;
  return renderLayout({ title: 'Audit report', nav: 'audit', principal: input.principal, body });
}
