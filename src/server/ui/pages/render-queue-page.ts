/**
 * @module "My queue": changes waiting for my decision, riskiest first, with what is still missing.
 */
import type { RequestPrincipal } from '../../app-env.js';
import type { QueueEntry } from '../../views/assemble-queue.js';
import { formatAge } from '../format-time.js';
import { html, path, type SafeHtml } from '../html.js';
import { provenanceLabel, shortId, tierBadge, verdictBadge } from '../render-badges.js';
import { renderLayout } from '../render-layout.js';

export interface QueuePageInput {
  principal: RequestPrincipal;
  mine: QueueEntry[];
  others: QueueEntry[];
  /** Why the principal cannot approve at all, when that is so (e.g. an auditor). */
  cannotDecide?: string;
}

export function renderQueuePage(input: QueuePageInput): SafeHtml {
  const body = html`<h1>My queue</h1>
${input.cannotDecide ? html`<p class="notice">${input.cannotDecide}</p>` : ''}
<section aria-labelledby="mine-h">
<h2 id="mine-h">Waiting for you (${input.mine.length})</h2>
${input.mine.length > 0 ? renderTable(input.mine, true, 'mine') : html`<p class="muted">Nothing waits for your decision right now.</p>`}
</section>
<section aria-labelledby="others-h">
<h2 id="others-h">Other open changes (${input.others.length})</h2>
${input.others.length > 0 ? renderTable(input.others, false, 'others') : html`<p class="muted">No other open changes.</p>`}
</section>`;
  return renderLayout({ title: 'My queue', nav: 'queue', principal: input.principal, body });
}

function renderTable(entries: QueueEntry[], showAsks: boolean, id: string): SafeHtml {
  return html`<table id="queue-${id}">
<caption class="muted">Riskiest first: tier, critical findings, AI provenance, age.</caption>
<thead><tr><th scope="col">Change</th><th scope="col">Systems</th><th scope="col">Provenance</th><th scope="col">Findings</th><th scope="col">Status</th><th scope="col">${showAsks ? 'Asks of you / still missing' : 'Still missing'}</th><th scope="col" class="num">Age</th></tr></thead>
<tbody>
${entries.map((entry) => {
  const { change } = entry.status;
  const evaluation = change.evaluation;
  const subject = evaluation.change.commits[0]?.subject ?? '(no commits)';
  return html`<tr>
<td><a href="${path('changes', change.digest)}">${subject}</a><br>${shortId(change.digest)}</td>
<td>${tierBadge(entry.tier)} ${evaluation.systems.map((s) => s.id).join(', ') || html`<span class="muted">none</span>`}</td>
<td>${provenanceLabel(evaluation.provenance.level, evaluation.provenance.tools)}</td>
<td>${entry.criticalFindings > 0 ? html`<span class="badge sev-critical">${entry.criticalFindings} critical</span> ` : ''}${entry.highFindings > 0 ? html`<span class="badge sev-high">${entry.highFindings} high</span>` : ''}${entry.criticalFindings + entry.highFindings === 0 ? html`<span class="muted">${evaluation.findings.length} minor</span>` : ''}</td>
<td>${verdictBadge(entry.status.verdict)}</td>
<td>${showAsks ? html`<strong>${entry.asks.join('; ')}</strong><br>` : ''}<span class="muted">${entry.status.missing.join('; ')}</span></td>
<td class="num">${formatAge(entry.ageHours * 3_600_000)}</td>
</tr>`;
})}
</tbody></table>`;
}
