/**
 * @module Signing in (API token, or one click in demo mode) and out of the web UI.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { remoteAddressOf } from '../../auth/authenticate.js';
import { refuseWhenThrottled } from '../../auth/refuse-when-throttled.js';
import { requireCsrf } from '../../auth/require-csrf.js';
import { closeSession, loginCsrfToken, openSession } from '../../auth/session-cookie.js';
import { recordDenial } from '../../http/handle-error.js';
import { HttpError, unauthenticated } from '../../http/http-error.js';
import { hashSecret } from '../../identity/issue-token.js';
import type { ServerDeps } from '../../server-deps.js';
import { renderLoginPage } from '../pages/render-login-page.js';
import { safeNext } from './page-guard.js';

export function registerSessionRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const demoLogins = deps.demoLogins.map((login) => ({ ...login, name: deps.catalog.people.find((p) => p.id === login.person)?.name ?? login.person }));
  const page = (c: Context<AppEnv>, next: string, error?: string): string =>
    renderLoginPage({ csrfToken: loginCsrfToken(deps, c), next, demoLogins, ssoEnabled: deps.config.ssoHeader !== undefined, ...(error ? { error } : {}) }).value;

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('principal')) return c.redirect(next, 303);
    return c.html(page(c, next), 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/login', requireCsrf(deps), async (c) => {
    const form = c.get('form');
    const next = safeNext(form.next);
    const address = remoteAddressOf(c);
    refuseWhenThrottled(deps.limiter, address);
    const record = form.token ? await deps.identities.findToken(hashSecret(form.token.trim())) : undefined;
    const now = deps.now().toISOString();
    if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) {
      deps.limiter.recordFailure(address);
      const error = unauthenticated('that token is unknown, revoked or expired');
      await recordDenial(deps, c, error);
      return c.html(page(c, next, 'That token is unknown, revoked or expired.'), 401, { 'Cache-Control': 'no-store' });
    }
    await openSession(deps, c, record.person, record.role, 'token');
    return c.redirect(next, 303);
  });

  app.post('/login/demo', requireCsrf(deps), async (c) => {
    const form = c.get('form');
    const login = deps.config.demo ? deps.demoLogins.find((entry) => entry.person === form.person) : undefined;
    if (!login) throw new HttpError(403, 'forbidden', deps.config.demo ? `\`${form.person ?? ''}\` is not a demo person` : 'demo sign-in is only available in demo mode (`tollgate serve --demo`)');
    await openSession(deps, c, login.person, login.role, 'demo');
    return c.redirect(safeNext(form.next), 303);
  });

  app.post('/logout', requireCsrf(deps), async (c) => {
    await closeSession(deps, c);
    return c.redirect('/login', 303);
  });
}
