import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCatalog } from '../core/catalog/catalog-schema.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { AuthFailureLimiter } from './auth/auth-failure-limiter.js';
import { readServerConfig } from './config/server-config.js';
import { createApp } from './create-app.js';
import type { IdentityStore } from './identity/identity-store.js';
import { issueToken } from './identity/issue-token.js';
import { openSqliteIdentityStore } from './identity/sqlite-identity-store.js';
import type { ServerDeps } from './server-deps.js';

describe('createApp (in process, real SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-app-'));
  let store: Store;
  let identities: IdentityStore;
  let deps: ServerDeps;
  let token: string;
  let ready = true;
  const logged: Record<string, unknown>[] = [];

  beforeAll(async () => {
    store = await openStore({ dataDir: dir, signer: null, env: {} });
    identities = openSqliteIdentityStore(join(dir, 'tollgate.db'));
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
    deps = {
      store,
      identities,
      catalog: emptyCatalog(),
      config: readServerConfig({}, {}, dir).config!,
      logger,
      now: () => new Date(),
      limiter: new AuthFailureLimiter(100, 60_000),
      demoLogins: [],
      ready: () => ready,
    };
    token = (await issueToken(identities, { person: 'ci-bot', role: 'ci', createdBy: 'test', now: new Date().toISOString() })).token;
  });
  afterAll(async () => {
    await identities.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers readiness from the ready flag and the store', async () => {
    const app = createApp(deps);
    expect((await app.request('/readyz')).status).toBe(200);
    ready = false;
    const starting = await app.request('/readyz');
    expect(starting.status).toBe(503);
    expect(starting.headers.get('connection')).toBe('close');
    ready = true;
  });

  it('sends security headers and echoes a sane request id', async () => {
    const response = await createApp(deps).request('/login', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    const odd = await createApp(deps).request('/login', { headers: { 'X-Request-Id': '<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown pages in HTML and unknown API routes in JSON, escaping the path', async () => {
    const page = await createApp(deps).request('/<b>nope</b>');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('&lt;b&gt;nope&lt;/b&gt;');
    const api = await createApp(deps).request('/api/nope');
    expect(await api.json()).toEqual({ error: { status: 404, code: 'not-found', message: 'no such page or endpoint: `GET /api/nope`' } });
  });

  it('turns an unexpected failure into a 500 that reveals nothing, logged with its request id', async () => {
    const closed = await openStore({ dataDir: join(dir, 'closed'), signer: null, env: {} });
    await closed.close();
    const app = createApp({ ...deps, store: closed });
    const response = await app.request('/api/changes/abcd1234', { headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'req-500' } });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe('internal error (request id `req-500`): the server log has the details');
    expect(JSON.stringify(body)).not.toMatch(/sqlite|database|at /i);
    expect(logged.find((entry) => entry.msg === 'request failed')).toMatchObject({ requestId: 'req-500', path: '/api/changes/abcd1234' });
  });
});
