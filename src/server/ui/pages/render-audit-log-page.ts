/**
 * @module The audit log page: chain verification status, the latest signed checkpoint, and events (newest first).
 */
import type { AuditEvent, AuditVerifyResult, Checkpoint } from '../../../store/store.js';
import type { RequestPrincipal } from '../../app-env.js';
import { timeElement } from '../format-time.js';
import { html, messageHtml, query, type SafeHtml } from '../html.js';
import { renderLayout } from '../render-layout.js';

export interface AuditLogPageInput {
  principal: RequestPrincipal;
  verification: AuditVerifyResult;
  verifiedAt: string;
  checkpoint: Checkpoint | null;
  publicKeyPem?: string;
  events: AuditEvent[];
  type?: string;
  /** Sequence number to pass as `before` for the next (older) page. */
  olderBefore?: number;
  newerBefore?: number;
  canCheckpoint: boolean;
  csrfToken?: string;
}

export function renderAuditLogPage(input: AuditLogPageInput): SafeHtml {
  const v = input.verification;
  const cp = input.checkpoint;
  const body = html`<h1>Audit log</h1>
<div class="grid2">
<section aria-labelledby="chain-h" class="panel"><h2 id="chain-h">Chain verification</h2>
${v.ok
  ? html`<p id="chain-status" class="chain-ok">✓ Verified: ${v.count} events, every hash links to the one before${v.checkpointsChecked > 0 ? html`, ${v.checkpointsChecked} signed checkpoint${v.checkpointsChecked === 1 ? '' : 's'} match` : ''}.</p>${v.head ? html`<p class="muted">Head: event ${v.head.seq}, <code title="${v.head.hash}">${v.head.hash.slice(0, 16)}…</code></p>` : ''}`
  : html`<p id="chain-status" class="chain-bad" role="alert">✗ Broken at event ${v.firstBadSeq}: ${messageHtml(v.reason)}</p>`}
<p class="muted">Checked ${timeElement(input.verifiedAt)}.</p>
</section>
<section aria-labelledby="cp-h" class="panel"><h2 id="cp-h">Latest signed checkpoint</h2>
${cp
  ? html`<p id="checkpoint">Event <strong>${cp.seq}</strong> at ${timeElement(cp.at)}<br>hash <code title="${cp.hash}">${cp.hash.slice(0, 16)}…</code><br>key <code title="${cp.keyId}">${cp.keyId.slice(0, 16)}…</code></p>
<p class="muted">Keep a copy elsewhere (<code>GET /api/audit/checkpoints/latest</code>): a log cut short of it is detected by <code>tollgate audit verify --checkpoint FILE</code>.</p>`
  : html`<p id="checkpoint" class="muted">No checkpoint yet.</p>`}
${input.canCheckpoint && input.csrfToken
  ? html`<form method="post" action="/audit/checkpoints"><input type="hidden" name="_csrf" value="${input.csrfToken}"><button type="submit" class="secondary">Sign a checkpoint now</button></form>`
  : ''}
</section>
</div>
<section aria-labelledby="events-h"><h2 id="events-h">Events</h2>
<form method="get" action="/audit/log" class="filters"><div><label for="type">Type</label><input id="type" name="type" type="text" value="${input.type ?? ''}" placeholder="e.g. deploy, access.denied"></div><div><button type="submit">Filter</button></div></form>
<table id="events"><thead><tr><th scope="col" class="num">#</th><th scope="col">When</th><th scope="col">Type</th><th scope="col">Actor</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead><tbody>
${input.events.map(
  (e) => html`<tr><td class="num">${e.seq}</td><td>${timeElement(e.at)}</td><td><code>${e.type}</code></td><td>${e.actor}</td><td><code title="${e.subject}">${e.subject.length > 24 ? `${e.subject.slice(0, 24)}…` : e.subject}</code></td>
<td><details><summary>payload</summary><pre>${JSON.stringify(e.payload, null, 2)}</pre><p class="muted">hash <code>${e.hash.slice(0, 16)}…</code> ← prev <code>${e.prevHash.slice(0, 16)}…</code></p></details></td></tr>`,
)}
</tbody></table>
<nav class="pager" aria-label="Pages">
${input.newerBefore !== undefined ? html`<a href="/audit/log${query({ type: input.type, before: input.newerBefore })}">← Newer</a>` : ''}
${input.olderBefore !== undefined ? html`<a href="/audit/log${query({ type: input.type, before: input.olderBefore })}">Older →</a>` : ''}
</nav>
</section>`;
  return renderLayout({ title: 'Audit log', nav: 'audit-log', principal: input.principal, body });
}
