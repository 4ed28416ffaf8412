/**
 * @module The approve / reject / sign-off / withdraw forms, shown only to those allowed to use them.
 *
 * The forms never carry who decides: the server takes the person from the session.
 */
import type { RequestPrincipal } from '../../app-env.js';
import { html, path, type SafeHtml } from '../html.js';
import { csrfField } from '../render-layout.js';

export interface DecisionOptions {
  /** Why the principal cannot decide at all (role, AI identity, author of the change); undefined when they can. */
  cannotDecide?: string;
  /** The role of an unmet sign-off requirement naming the principal (e.g. `director`). */
  signOffRole?: string;
  /** True when the principal has a rejection in force on this change's line. */
  hasRejection: boolean;
  /** True when the principal already approved exactly this content. */
  approved: boolean;
  /** False for superseded content: nobody can decide about it any more. */
  current: boolean;
}

export function renderDecisionForms(principal: RequestPrincipal, digest: string, options: DecisionOptions): SafeHtml {
  if (!options.current) return html`<p class="muted">Decisions go to the current content of this change.</p>`;
  if (options.cannotDecide) return html`<p class="muted">${options.cannotDecide}</p>`;
  const action = (verb: string): string => `${path('changes', digest)}/${verb}`;
  return html`<div class="actions">
${options.approved
  ? html`<p class="badge ok">You approved this content.</p>`
  : html`<form method="post" action="${action('approve')}" id="approve-form">${csrfField(principal)}
<label for="approve-comment">Comment (optional)</label>
<textarea id="approve-comment" name="comment" maxlength="2000"></textarea>
<button type="submit">Approve this content</button></form>`}
${options.signOffRole
  ? html`<form method="post" action="${action('sign-off')}" id="sign-off-form">${csrfField(principal)}
<label for="signoff-comment">Sign-off note (optional)</label>
<textarea id="signoff-comment" name="comment" maxlength="2000"></textarea>
<button type="submit">Sign off as ${options.signOffRole}</button></form>`
  : ''}
${options.hasRejection
  ? html`<form method="post" action="${action('withdraw')}" id="withdraw-form">${csrfField(principal)}
<p>Your rejection blocks this change.</p><button type="submit" class="secondary">Withdraw my rejection</button></form>`
  : html`<form method="post" action="${action('reject')}" id="reject-form">${csrfField(principal)}
<label for="reject-reason">Reason for rejecting</label>
<textarea id="reject-reason" name="reason" required minlength="3" maxlength="2000"></textarea>
<button type="submit" class="danger">Reject</button></form>`}
</div>`;
}
