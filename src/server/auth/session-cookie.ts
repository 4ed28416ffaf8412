/**
 * @module Browser sessions: an HttpOnly, SameSite cookie holding a random secret stored only as its hash.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { hashSecret, randomSecret } from '../identity/issue-token.js';
import type { Role, SessionOrigin, SessionRecord } from '../identity/identity-store.js';
import type { ServerDeps } from '../server-deps.js';

export const SESSION_COOKIE = 'tollgate_session';
/** Double-submit cookie for the sign-in forms, before there is a session to hold a CSRF token. */
export const LOGIN_CSRF_COOKIE = 'tollgate_login_csrf';

/** Opens a session for `person` and sets its cookie. */
export async function openSession(
  deps: ServerDeps,
  c: Context<AppEnv>,
  person: string,
  role: Role,
  origin: SessionOrigin,
): Promise<SessionRecord> {
  const secret = randomSecret();
  const now = deps.now();
  const session: SessionRecord = {
    hash: hashSecret(secret),
    person,
    role,
    csrfToken: randomSecret(),
    origin,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.config.sessionTtlMs).toISOString(),
  };
  await deps.identities.createSession(session);
  // Lax, not Strict: a link to a change page from chat or e-mail must open signed in. Every
  // state-changing request needs the session's CSRF token as well, which a cross-site form lacks.
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
  });
  return session;
}

/** The session the request's cookie names, when it exists and has not expired. */
export async function readSession(deps: ServerDeps, c: Context<AppEnv>): Promise<{ session?: SessionRecord; presented: boolean }> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret) return { presented: false };
  const hash = hashSecret(secret);
  const session = await deps.identities.findSession(hash);
  if (!session) return { presented: true };
  if (session.expiresAt <= deps.now().toISOString()) {
    await deps.identities.deleteSession(hash);
    return { presented: true };
  }
  return { session, presented: true };
}

/** Ends the request's session, if any, and clears its cookie. */
export async function closeSession(deps: ServerDeps, c: Context<AppEnv>): Promise<void> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) await deps.identities.deleteSession(hashSecret(secret));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.secureCookies });
}

/** The sign-in forms' CSRF value: the existing cookie, or a new one set now (Strict, HttpOnly). */
export function loginCsrfToken(deps: ServerDeps, c: Context<AppEnv>): string {
  const existing = getCookie(c, LOGIN_CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomSecret();
  setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: deps.config.secureCookies, path: '/' });
  return token;
}
