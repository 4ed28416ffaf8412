/**
 * @module CSRF protection for every browser form: the session's synchronizer token (or, on the
 * sign-in forms, a double-submit cookie) must come back in the `_csrf` field, and a cross-origin
 * `Origin` header is refused outright.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http/http-error.js';
import type { ServerDeps } from '../server-deps.js';
import { LOGIN_CSRF_COOKIE } from './session-cookie.js';

export const CSRF_FIELD = '_csrf';

/** Parses the form, checks its CSRF token and sets `form` (string fields only). */
export function requireCsrf(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && origin !== expectedOrigin(deps, c.req.url, c.req.header('host'))) {
      throw new HttpError(403, 'csrf', `cross-origin form post from \`${origin}\` refused`);
    }
    const type = c.req.header('content-type') ?? '';
    const parsed = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type) ? await c.req.parseBody() : {};
    const form: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') form[key] = value;
    const principal = c.get('principal');
    const expected = principal ? principal.session?.csrfToken : getCookie(c, LOGIN_CSRF_COOKIE);
    const sent = form[CSRF_FIELD];
    if (!sent || !expected || !sameText(sent, expected)) {
      throw new HttpError(403, 'csrf', 'the form is missing its csrf token or it does not match: reload the page and try again');
    }
    c.set('form', form);
    return next();
  };
}

function expectedOrigin(deps: ServerDeps, url: string, host: string | undefined): string {
  if (deps.config.publicUrl) return new URL(deps.config.publicUrl).origin;
  const parsed = new URL(url);
  return `${parsed.protocol}//${host ?? parsed.host}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
