/**
 * @module Who is calling: a bearer token, a session cookie, or (only from a trusted proxy) an SSO header.
 *
 * Sets `principal` and moves on; whether a route needs one is the route's business
 * (`require-permission.ts`). A bad credential is an immediate 401 and counts toward the
 * per-address failure limit; an address over the limit gets 429 without its credential being checked.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, RequestPrincipal } from '../app-env.js';
import { forbidden, unauthenticated } from '../http/http-error.js';
import { hashSecret } from '../identity/issue-token.js';
import type { Role } from '../identity/identity-store.js';
import type { ServerDeps } from '../server-deps.js';
import { refuseWhenThrottled } from './refuse-when-throttled.js';
import { openSession, readSession } from './session-cookie.js';

/** The client's address as the socket saw it; `unknown` when the adapter gave none. */
export function remoteAddressOf(c: Context<AppEnv>): string {
  return c.env?.remoteAddress ?? 'unknown';
}

export function authenticate(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  const people = new Map(deps.catalog.people.map((person) => [person.id, person]));
  const byEmail = new Map(deps.catalog.people.flatMap((person) => person.emails.map((email) => [email.toLowerCase(), person.id] as const)));
  const trusted = new Set(deps.config.trustedProxies.flatMap((address) => [address, `::ffff:${address}`]));
  const isAi = (person: string): boolean => people.get(person)?.ai === true;

  return async (c, next) => {
    c.set('principal', undefined);
    const address = remoteAddressOf(c);
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      refuseWhenThrottled(deps.limiter, address);
      const token = /^Bearer +([^\s]+)$/i.exec(authorization)?.[1];
      if (!token) {
        deps.limiter.recordFailure(address);
        throw unauthenticated('the authorization header must be `Bearer <token>`');
      }
      const record = await deps.identities.findToken(hashSecret(token));
      const now = deps.now().toISOString();
      const problem = !record ? 'unknown token' : record.revokedAt ? 'revoked token' : record.expiresAt && record.expiresAt <= now ? 'expired token' : undefined;
      if (!record || problem) {
        deps.limiter.recordFailure(address);
        throw unauthenticated(`${problem ?? 'unknown token'}: create one with \`tollgate token create\``);
      }
      c.set('principal', { person: record.person, role: record.role, ai: isAi(record.person), via: 'token', tokenId: record.id });
      return next();
    }

    // The API takes tokens only: a cookie never authorises an API call, so no API route can be
    // driven cross-site by a browser that happens to hold a session.
    if (c.req.path.startsWith('/api/')) return next();
    const { session, presented } = await readSession(deps, c);
    const ssoValue = deps.config.ssoHeader ? c.req.header(deps.config.ssoHeader)?.trim() : undefined;
    if (ssoValue && trusted.has(address)) {
      const person = people.has(ssoValue) ? ssoValue : byEmail.get(ssoValue.toLowerCase());
      if (!person) throw forbidden(`the sso identity \`${ssoValue}\` is not a person in the catalog`);
      if (isAi(person)) throw forbidden(`the sso identity \`${ssoValue}\` is an ai identity and cannot sign in`);
      const current = session?.person === person ? session : await openSession(deps, c, person, ssoRole(people.get(person)?.roles ?? []), 'sso');
      c.set('principal', principalOfSession(current.person, current.role, isAi(current.person), current, 'sso'));
      return next();
    }
    if (ssoValue) deps.logger.warn({ address, header: deps.config.ssoHeader }, 'ignored an sso identity header from an untrusted address');
    if (session) {
      c.set('principal', principalOfSession(session.person, session.role, isAi(session.person), session, session.origin === 'sso' ? 'sso' : 'session'));
    } else if (presented) {
      refuseWhenThrottled(deps.limiter, address);
      deps.limiter.recordFailure(address);
    }
    return next();
  };
}

function principalOfSession(
  person: string,
  role: Role,
  ai: boolean,
  session: RequestPrincipal['session'],
  via: RequestPrincipal['via'],
): RequestPrincipal {
  return { person, role, ai, via, ...(session ? { session } : {}) };
}

/**
 * The role of a person signed in through SSO, from their catalog roles: `admin` or `auditor`
 * when listed, otherwise `approver` (whether their approval counts is the policy's decision).
 */
export function ssoRole(roles: readonly string[]): Role {
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('auditor')) return 'auditor';
  return 'approver';
}
