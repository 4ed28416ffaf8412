/**
 * @module The change page: everything a reviewer needs to decide, and the decision forms they may use.
 */
import type { RequestPrincipal } from '../../app-env.js';
import type { StoredChange } from '../../../store/store.js';
import type { ChangeStatus } from '../../../workflow/change-status.js';
import type { DecisionView } from '../../views/assemble-change-view.js';
import type { DeployView } from '../../views/deploy-view.js';
import { timeElement } from '../format-time.js';
import { html, messageHtml, path, type SafeHtml } from '../html.js';
import { provenanceLabel, shortId, verdictBadge } from '../render-badges.js';
import { renderLayout } from '../render-layout.js';
import { renderChangeFacts } from './render-change-facts.js';
import { renderDecisionForms, type DecisionOptions } from './render-decision-forms.js';
import { renderRequirementChecklist } from './render-requirement-checklist.js';

export interface ChangePageInput {
  principal: RequestPrincipal;
  status: ChangeStatus;
  /** Every decision of the change's line, oldest first, marked stale or counting. */
  decisions: DecisionView[];
  /** Every recorded content of the change's line, oldest first. */
  line: StoredChange[];
  deploys: DeployView[];
  decide: DecisionOptions;
  notice?: { kind: 'ok' | 'bad'; text: string };
}

export function renderChangePage(input: ChangePageInput): SafeHtml {
  const { status } = input;
  const { change } = status;
  const evaluation = change.evaluation;
  const title = evaluation.change.commits[0]?.subject ?? `change ${change.digest.slice(0, 12)}`;
  const body = html`<p class="muted"><a href="/queue">My queue</a> › change ${shortId(change.digest)}</p>
<h1>${title}</h1>
${input.notice ? html`<p class="notice ${input.notice.kind}" role="${input.notice.kind === 'bad' ? 'alert' : 'status'}">${messageHtml(input.notice.text)}</p>` : ''}
${!status.current
  ? html`<p class="notice bad">This content was superseded by ${change.supersededBy ? html`<a href="${path('changes', change.supersededBy)}">${shortId(change.supersededBy)}</a>` : 'newer content'}: its approvals are stale and it cannot ship as it is.</p>`
  : ''}
<section aria-labelledby="summary-h" class="panel">
<h2 id="summary-h">Summary</h2>
<p>${verdictBadge(status.verdict)} · ${evaluation.change.files} file${evaluation.change.files === 1 ? '' : 's'}, +${evaluation.change.additions} −${evaluation.change.deletions} · ${evaluation.change.commits.length} commit${evaluation.change.commits.length === 1 ? '' : 's'} · ${provenanceLabel(evaluation.provenance.level, evaluation.provenance.tools)}
· recorded ${timeElement(change.recordedAt)}${evaluation.change.branch ? html` · branch <code>${evaluation.change.branch}</code>` : ''}</p>
<p class="muted">digest <code>${change.digest}</code> · policy <code title="${evaluation.policyDigest}">${evaluation.policyDigest.slice(0, 12)}</code></p>
${status.notices.map((notice) => html`<p class="notice">${messageHtml(notice)}</p>`)}
${status.freezes.upcoming.length > 0 ? html`<p class="notice">Upcoming change freeze: ${status.freezes.upcoming.map((f) => f.id).join(', ')}</p>` : ''}
${status.retroReviews.map((review) => html`<p class="notice ${review.state === 'overdue' ? 'bad' : ''}">Break-glass by ${review.breakGlass.person} (${review.breakGlass.reason}): retro review ${review.state}${review.state !== 'met' ? html`, due ${timeElement(review.breakGlass.reviewDueAt)}` : ''}.</p>`)}
${status.missing.length > 0
  ? html`<p><strong>Still missing:</strong></p><ul>${status.missing.map((line) => html`<li>${messageHtml(line)}</li>`)}</ul>`
  : html`<p class="ok badge">Every enforced requirement is met.</p>`}
</section>
<section aria-labelledby="req-h"><h2 id="req-h">Requirements</h2>${renderRequirementChecklist(status.requirements)}</section>
<section aria-labelledby="decide-h"><h2 id="decide-h">Decide</h2>${renderDecisionForms(input.principal, change.digest, input.decide)}</section>
<section aria-labelledby="hist-h"><h2 id="hist-h">Approval history</h2>${renderHistory(input.decisions)}</section>
${renderChangeFacts(change)}
<section aria-labelledby="deploy-h"><h2 id="deploy-h">Deploys and attestations</h2>${renderDeploys(input.deploys)}</section>
${input.line.length > 1
  ? html`<section aria-labelledby="line-h"><h2 id="line-h">Earlier and later content of this change</h2><ul>${input.line.map(
      (other) => html`<li>${other.digest === change.digest ? html`<strong>${shortId(other.digest)} (this page)</strong>` : html`<a href="${path('changes', other.digest)}">${shortId(other.digest)}</a>`} recorded ${timeElement(other.recordedAt)}${other.supersededBy ? ' · superseded' : ' · current'}</li>`,
    )}</ul></section>`
  : ''}`;
  return renderLayout({ title, nav: 'queue', principal: input.principal, body });
}

function renderHistory(decisions: DecisionView[]): SafeHtml {
  if (decisions.length === 0) return html`<p class="muted">No approvals, rejections or sign-offs yet.</p>`;
  return html`<table id="history"><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Decision</th><th scope="col">Comment</th><th scope="col">Counts?</th></tr></thead><tbody>
${decisions.map(
  (d) => html`<tr class="${d.stale ? 'stale-row' : ''}"><td>${timeElement(d.at)}</td><td>${d.person}</td>
<td>${d.kind === 'sign-off' ? `sign-off${d.role ? ` (${d.role})` : ''}` : d.kind === 'approve' ? 'approved' : 'rejected'}${d.signature ? ' · signed' : ''}</td>
<td>${d.comment ?? ''}</td>
<td>${d.kind === 'reject' ? (d.withdrawn ? html`<span class="muted">withdrawn</span>` : html`<span class="badge bad">blocks</span>`) : d.stale ? html`<span class="stale">stale</span> <span class="muted">(for ${shortId(d.digest)})</span>` : html`<span class="badge ok">counts</span>`}</td></tr>`,
)}
</tbody></table>`;
}

function renderDeploys(deploys: DeployView[]): SafeHtml {
  if (deploys.length === 0) return html`<p class="muted">Not deployed through the gate yet.</p>`;
  return html`<table id="deploys"><thead><tr><th scope="col">When</th><th scope="col">Environment</th><th scope="col">Commit</th><th scope="col">Result</th><th scope="col">By</th><th scope="col">Attestation</th></tr></thead><tbody>
${deploys.map(
  (d) => html`<tr><td>${timeElement(d.at)}</td><td>${d.env}</td><td>${shortId(d.commit)}</td>
<td>${d.outcome === 'passed' ? html`<span class="badge ok">passed</span>` : d.outcome === 'break-glass' ? html`<span class="badge bad">break-glass</span>` : html`<span class="badge warn">refused</span>`}${d.reason ? html`<br><span class="muted">${messageHtml(d.reason)}</span>` : ''}</td>
<td>${d.actor}</td><td>${d.attestationKeyId ? html`signed (key ${shortId(d.attestationKeyId)}) · event #${d.seq}` : html`<span class="muted">none</span>`}</td></tr>`,
)}
</tbody></table>`;
}
