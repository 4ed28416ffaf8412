/**
 * @module The one place exceptions become HTTP responses: JSON under `/api`, an HTML page elsewhere.
 *
 * Expected outcomes arrive as `HttpError`; anything else is a bug or an I/O failure, logged with
 * the request id and answered with a 500 that reveals nothing. Every 401, 403 and 429 is written
 * to the audit log as `access.denied` (who, what, why, from where), per the security requirements.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.js';
import { remoteAddressOf } from '../auth/authenticate.js';
import type { ServerDeps } from '../server-deps.js';
import { renderErrorPage } from '../ui/pages/render-error-page.js';
import { errorBody, HttpError } from './http-error.js';

/** True when the client should get JSON: API paths, or an explicit JSON `Accept` without HTML. */
export function wantsJson(c: Context<AppEnv>): boolean {
  if (c.req.path.startsWith('/api/') || c.req.path === '/api') return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Renders an `HttpError` as the client wants it. */
export function errorResponse(c: Context<AppEnv>, error: HttpError): Response {
  const headers = { ...error.headers, 'Cache-Control': 'no-store' };
  if (wantsJson(c)) return c.json(errorBody(error), error.status, headers);
  return c.html(renderErrorPage(error, c.get('principal')).value, error.status, headers);
}

export function handleError(deps: ServerDeps): (error: Error, c: Context<AppEnv>) => Promise<Response> {
  return async (error, c) => {
    const httpError = toHttpError(error, c, deps);
    if ((httpError.status === 401 || httpError.status === 403 || httpError.status === 429) && httpError.audit) {
      await recordDenial(deps, c, httpError);
    }
    return errorResponse(c, httpError);
  };
}

function toHttpError(error: Error, c: Context<AppEnv>, deps: ServerDeps): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status;
    return new HttpError(status, status === 413 ? 'payload-too-large' : 'bad-request', error.message.toLowerCase() || 'bad request');
  }
  deps.logger.error({ err: error, requestId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'request failed');
  return new HttpError(500, 'internal', `internal error (request id \`${c.get('requestId')}\`): the server log has the details`);
}

/** Writes an `access.denied` event for a refused request; a store failure is logged, never thrown. */
export async function recordDenial(deps: ServerDeps, c: Context<AppEnv>, error: HttpError): Promise<void> {
  const principal = c.get('principal');
  try {
    await deps.store.audit.append({
      at: deps.now().toISOString(),
      type: 'access.denied',
      actor: principal?.person ?? 'anonymous',
      subject: `${c.req.method} ${c.req.path}`,
      payload: {
        status: error.status,
        code: error.code,
        reason: error.message,
        remoteAddress: remoteAddressOf(c),
        requestId: c.get('requestId'),
        ...(principal ? { role: principal.role, via: principal.via, ...(principal.tokenId ? { tokenId: principal.tokenId } : {}) } : {}),
      },
    });
  } catch (appendError) {
    // The denial stands either way; a store that cannot record it is logged loudly.
    deps.logger.error({ err: appendError, requestId: c.get('requestId') }, 'could not record a denied request in the audit log');
  }
}
