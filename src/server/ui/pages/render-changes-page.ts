/**
 * @module All recorded changes (current content), newest first, with their verdict.
 */
import type { RequestPrincipal } from '../../app-env.js';
import type { ChangeView } from '../../views/assemble-change-view.js';
import { strictestTier } from '../../views/assemble-queue.js';
import { timeElement } from '../format-time.js';
import { html, path, type SafeHtml } from '../html.js';
import { provenanceLabel, shortId, tierBadge, verdictBadge } from '../render-badges.js';
import { renderLayout } from '../render-layout.js';

export function renderChangesPage(principal: RequestPrincipal, views: ChangeView[]): SafeHtml {
  const body = html`<h1>Changes</h1>
<p class="muted">Current content of every recorded change, newest first (${views.length}).</p>
<table id="changes"><thead><tr><th scope="col">Recorded</th><th scope="col">Change</th><th scope="col">Systems</th><th scope="col">Provenance</th><th scope="col">Status</th><th scope="col">Missing</th></tr></thead><tbody>
${views.map(
  (view) => html`<tr><td>${timeElement(view.change.recordedAt)}</td><td><a href="${path('changes', view.change.digest)}">${view.change.evaluation.change.commits[0]?.subject ?? view.change.digest.slice(0, 12)}</a><br>${shortId(view.change.digest)}</td>
<td>${tierBadge(strictestTier(view.change))} ${view.change.systems.join(', ')}</td><td>${provenanceLabel(view.change.evaluation.provenance.level)}</td><td>${verdictBadge(view.verdict)}</td><td class="muted">${view.missing.join('; ')}</td></tr>`,
)}
</tbody></table>`;
  return renderLayout({ title: 'Changes', nav: 'changes', principal, body });
}
