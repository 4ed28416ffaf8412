/**
 * @module The page frame: skip link, navigation, who is signed in, and the sign-out form.
 */
import type { RequestPrincipal } from '../app-env.js';
import { CSRF_FIELD } from '../auth/require-csrf.js';
import { html, type SafeHtml } from './html.js';
import { STYLESHEET_VERSION } from './stylesheet.js';

export type NavItem = 'queue' | 'changes' | 'audit' | 'audit-log' | 'none';

export interface LayoutInput {
  title: string;
  nav: NavItem;
  principal: RequestPrincipal | undefined;
  body: SafeHtml;
}

const NAV: { id: NavItem; href: string; label: string }[] = [
  { id: 'queue', href: '/queue', label: 'My queue' },
  { id: 'changes', href: '/changes', label: 'Changes' },
  { id: 'audit', href: '/audit', label: 'Audit report' },
  { id: 'audit-log', href: '/audit/log', label: 'Audit log' },
];

/** A full HTML document around `body`. */
export function renderLayout(input: LayoutInput): SafeHtml {
  const { principal } = input;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · Tollgate</title>
<link rel="stylesheet" href="/assets/tollgate.css?v=${STYLESHEET_VERSION}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/">Tollgate</a>
  ${principal ? html`<nav aria-label="Main">${NAV.map((item) => html`<a href="${item.href}"${item.id === input.nav ? html` aria-current="page"` : ''}>${item.label}</a>`)}</nav>` : ''}
  ${principal
    ? html`<div class="who"><span>Signed in as <strong>${principal.person}</strong> (${principal.role})</span>${principal.session
        ? html`<form class="inline" method="post" action="/logout"><input type="hidden" name="${CSRF_FIELD}" value="${principal.session.csrfToken}"><button type="submit">Sign out</button></form>`
        : ''}</div>`
    : ''}
</header>
<main id="main" tabindex="-1">
${input.body}
</main>
</body>
</html>`;
}

/** The CSRF hidden field of the signed-in principal's session. */
export function csrfField(principal: RequestPrincipal | undefined): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${principal?.session?.csrfToken ?? ''}">`;
}
