/**
 * @module Per-request basics: a request id, security headers, and one JSON log line per request.
 */
import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from '../app-env.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * No script runs on any page (charts are server-rendered SVG), so the policy forbids scripts
 * outright; forms may only post back to this server; nothing may frame the UI.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function requestContext(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    await next();
    const headers = c.res.headers;
    headers.set('X-Request-Id', requestId);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'same-origin');
    headers.set('X-Frame-Options', 'DENY');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    // While shutting down, no connection is kept for another request.
    if (!deps.ready()) headers.set('Connection', 'close');
    const status = c.res.status;
    const entry = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      person: c.get('principal')?.person,
    };
    if (status >= 500) deps.logger.error(entry, 'request');
    else deps.logger.info(entry, 'request');
  };
}
