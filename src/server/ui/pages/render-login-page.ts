/**
 * @module The sign-in page: paste an API token, or (demo mode) pick a demo person with one click.
 */
import type { DemoLogin } from '../../server-deps.js';
import { CSRF_FIELD } from '../../auth/require-csrf.js';
import { html, type SafeHtml } from '../html.js';
import { renderLayout } from '../render-layout.js';

export interface LoginPageInput {
  csrfToken: string;
  /** Where to go after signing in (a local path). */
  next: string;
  demoLogins: readonly (DemoLogin & { name: string })[];
  /** Shown above the form, e.g. after a failed attempt. */
  error?: string;
  ssoEnabled: boolean;
}

export function renderLoginPage(input: LoginPageInput): SafeHtml {
  const hidden = html`<input type="hidden" name="${CSRF_FIELD}" value="${input.csrfToken}"><input type="hidden" name="next" value="${input.next}">`;
  const body = html`<div class="login">
<h1>Sign in to Tollgate</h1>
${input.error ? html`<p class="notice bad" role="alert">${input.error}</p>` : ''}
${input.demoLogins.length > 0
  ? html`<section aria-labelledby="demo-h"><h2 id="demo-h">Demo: sign in as one of these people</h2>
<p class="muted">This server runs the demo organisation. Each button opens a session as that person.</p>
<ul>${input.demoLogins.map(
      (login) => html`<li><form method="post" action="/login/demo">${hidden}<input type="hidden" name="person" value="${login.person}">
<span><strong>${login.name}</strong> <span class="badge tier-3">${login.role}</span><br><span class="muted">${login.hint}</span></span>
<button type="submit" aria-label="Sign in as ${login.name}">Sign in as ${login.person}</button></form></li>`,
    )}</ul></section>`
  : ''}
<section aria-labelledby="token-h"><h2 id="token-h">Sign in with an API token</h2>
<form method="post" action="/login" class="panel">
${hidden}
<p><label for="token">API token</label><br><input id="token" name="token" type="password" autocomplete="off" required size="60" aria-describedby="token-help"></p>
<p id="token-help" class="muted">Create one with <code>tollgate token create --as YOU --role approver</code>. The page keeps a session cookie; the token itself is not stored in the browser.</p>
<button type="submit">Sign in</button>
</form></section>
${input.ssoEnabled ? html`<p class="muted">Single sign-on is enabled: open Tollgate through your company's sign-in proxy.</p>` : ''}
</div>`;
  return renderLayout({ title: 'Sign in', nav: 'none', principal: undefined, body });
}
