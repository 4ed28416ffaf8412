/**
 * @module Pages need a signed-in person: anonymous visitors are sent to sign in, others checked for the permission.
 */
import type { Context } from 'hono';
import type { AppEnv, RequestPrincipal } from '../../app-env.js';
import { whyDenied, type Permission } from '../../auth/permissions.js';
import { forbidden } from '../../http/http-error.js';
import { query } from '../html.js';

/** The principal, or a 303 to the sign-in page (then back here). Throws 403 without the permission. */
export function pagePrincipal(c: Context<AppEnv>, permission: Permission): RequestPrincipal | Response {
  const principal = c.get('principal');
  if (!principal) {
    const url = new URL(c.req.url);
    return c.redirect(`/login${query({ next: `${url.pathname}${url.search}` })}`, 303);
  }
  const reason = whyDenied(principal, permission);
  if (reason) throw forbidden(reason);
  return principal;
}

/** A local path to return to after signing in; anything else (other hosts, `//x`, `/\\x`) becomes `/queue`. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/queue';
  return next;
}
