/**
 * @module Authorisation at the edge of each route: 401 without an identity, 403 without the permission.
 */
import type { Context } from 'hono';
import type { AppEnv, RequestPrincipal } from '../app-env.js';
import { forbidden, unauthenticated } from '../http/http-error.js';
import type { ServerDeps } from '../server-deps.js';
import { remoteAddressOf } from './authenticate.js';
import { refuseWhenThrottled } from './refuse-when-throttled.js';
import { whyDenied, type Permission } from './permissions.js';

/**
 * The request's principal when it holds `permission`; throws 401 or 403 otherwise (the error
 * handler records both in the audit log). Missing credentials count toward the address's failure
 * limit, so anonymous floods are throttled before they reach the audit log.
 */
export function requirePermission(deps: ServerDeps, c: Context<AppEnv>, permission: Permission): RequestPrincipal {
  const principal = c.get('principal');
  if (!principal) {
    const address = remoteAddressOf(c);
    refuseWhenThrottled(deps.limiter, address);
    deps.limiter.recordFailure(address);
    throw unauthenticated('sign in first: send `Authorization: Bearer <token>` (see `tollgate token create`)');
  }
  const reason = whyDenied(principal, permission);
  if (reason) throw forbidden(reason);
  return principal;
}
