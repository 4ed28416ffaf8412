/**
 * @module The HTML page for an error status (the API gets JSON instead).
 */
import type { RequestPrincipal } from '../../app-env.js';
import type { HttpError } from '../../http/http-error.js';
import { html, messageHtml, type SafeHtml } from '../html.js';
import { renderLayout } from '../render-layout.js';

const TITLES: Record<number, string> = {
  400: 'That request was not valid',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Too large',
  429: 'Too many attempts',
  500: 'Something went wrong',
};

export function renderErrorPage(error: HttpError, principal: RequestPrincipal | undefined): SafeHtml {
  const title = TITLES[error.status] ?? `Error ${error.status}`;
  return renderLayout({
    title,
    nav: 'none',
    principal,
    body: html`<h1>${title}</h1>
<p class="notice bad" role="alert">${messageHtml(error.message)}</p>
${error.issues.length > 0 ? html`<ul>${error.issues.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}</ul>` : ''}
<p><a href="/">Back to my queue</a>${principal ? '' : html` · <a href="/login">Sign in</a>`}</p>`,
  });
}
