/**
 * Security over real HTTP on SQLite and PostgreSQL: 401 without a token, 403 for the wrong role
 * or an agent, no approving as someone else, CSRF on every form, injection stored and shown inert,
 * request validation (400 with field paths, 404, 405, 413, 415), and every denial audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChange } from '../../src/git/read-change.js';
import type { GitRepo } from '../helpers/git-repo.js';
import { BrowserSession } from './helpers/browser-session.js';
import { createShopRepo, FULL_DOCS, readShopChange, TEST_CATALOG } from './helpers/sample-org.js';
import { createTestStore, createTokenCli, runCli, startTestServer, writeCatalog, type RunningTestServer, type StoreKind, type TestStore } from './helpers/server-process.js';

const INJECTION = `'); DROP TABLE audit_events; -- <script>alert(1)</script>"><img src=x onerror=alert(2)>`;

describe.each<StoreKind>(['sqlite', 'postgres'])('api security on %s', (kind) => {
  let store: TestStore;
  let server: RunningTestServer;
  let repo: GitRepo;
  let catalogPath: string;
  let digest: string;
  const tokens: Record<string, string> = {};

  const call = async (token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text.startsWith('{') ? JSON.parse(text) : text) as Record<string, any> };
  };

  beforeAll(async () => {
    store = await createTestStore(kind, 'security');
    catalogPath = writeCatalog(store, TEST_CATALOG);
    for (const [person, role] of [['ana', 'engineer'], ['ben', 'approver'], ['cho', 'approver'], ['aud', 'auditor'], ['root', 'admin'], ['ci-bot', 'ci'], ['agent', 'ci']] as const) {
      tokens[person] = createTokenCli(store, person, role, [], catalogPath);
    }
    server = await startTestServer(store, ['--catalog', catalogPath], { TOLLGATE_BODY_LIMIT: '262144', TOLLGATE_AUTH_FAILURES_PER_MINUTE: '100000' });
    repo = createShopRepo();
    const change = await readShopChange(repo);
    digest = (await call(tokens['ci-bot'], 'POST', '/api/changes', { change, documentation: FULL_DOCS })).body.change.digest;
  });
  afterAll(async () => {
    await server?.stop();
    repo?.cleanup();
    await store?.cleanup();
  });

  it('never gives an ai identity a human role', () => {
    const refused = runCli(store, ['token', 'create', '--as', 'agent', '--role', 'approver', '--catalog', catalogPath]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('`agent` is an ai identity');
  });

  it('answers 401 without a token on every route the OpenAPI document protects', async () => {
    const document = (await call(undefined, 'GET', '/api/openapi.json')).body;
    const protectedRoutes = Object.entries(document.paths as Record<string, Record<string, { security?: unknown[] }>>).flatMap(([path, methods]) =>
      Object.entries(methods).filter(([, op]) => op.security === undefined).map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, digest.slice(0, 12)).replace(digest.slice(0, 12), path.includes('tokens') ? '0123456789ab' : digest.slice(0, 12)) })),
    );
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(20);
    for (const route of protectedRoutes) {
      const response = await call(undefined, route.method, route.path, route.method === 'POST' ? {} : undefined);
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
    }
    const malformed = await call(undefined, 'GET', '/api/queue', undefined, { Authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(malformed.status).toBe(401);
    const unknown = await call('tgt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'GET', '/api/queue');
    expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 403 for the wrong role, and agents never approve, sign off or break glass', async () => {
    const cases: [string, string, string, unknown][] = [
      ['aud', 'POST', `/api/changes/${digest}/approvals`, {}],
      ['ana', 'POST', `/api/changes/${digest}/approvals`, {}],
      ['ci-bot', 'POST', `/api/changes/${digest}/approvals`, {}],
      ['agent', 'POST', `/api/changes/${digest}/approvals`, {}],
      ['agent', 'POST', `/api/changes/${digest}/sign-offs`, {}],
      ['agent', 'POST', '/api/break-glass', { env: 'production', commit: 'abcdef1', reason: 'x' }],
      ['ci-bot', 'POST', '/api/break-glass', { env: 'production', commit: 'abcdef1', reason: 'x' }],
      ['ana', 'GET', '/api/audit/events', undefined],
      ['ben', 'POST', '/api/tokens', { person: 'ben', role: 'admin' }],
      ['aud', 'POST', '/api/changes', { change: {}, documentation: FULL_DOCS }],
    ];
    for (const [who, method, path, body] of cases) {
      const response = await call(tokens[who], method, path, body);
      expect({ who, path, status: response.status }).toEqual({ who, path, status: 403 });
      expect(response.body.error.code).toBe('forbidden');
    }
    const status = await call(tokens.aud, 'GET', `/api/changes/${digest}`);
    expect(status.body.approvals).toEqual([]);
  });

  it('takes the approver from the token, never from the body', async () => {
    const smuggled = await call(tokens.cho, 'POST', `/api/changes/${digest}/approvals`, { person: 'ben', comment: 'as ben' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.error.issues).toEqual([expect.objectContaining({ path: 'body' })]);
    expect(JSON.stringify(smuggled.body.error.issues)).toContain('person');
    const approved = await call(tokens.cho, 'POST', `/api/changes/${digest}/approvals`, { comment: 'mine' });
    expect(approved.body).toMatchObject({ person: 'cho', kind: 'approve' });
    const status = await call(tokens.aud, 'GET', `/api/changes/${digest}`);
    expect(status.body.approvals.map((a: { person: string }) => a.person)).toEqual(['cho']);
  });

  it('validates input: 400 with field paths, 404, 405, 413, 415', async () => {
    const bad = await call(tokens['ci-bot'], 'POST', '/api/verify', { env: 'prod uction', commit: 'xyz', commits: 'all' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.commit', 'body.commits', 'body.env']);
    const query = await call(tokens.aud, 'GET', '/api/audit/events?limit=5000');
    expect(query.body.error.issues[0].path).toBe('query.limit');
    const notJson = await call(tokens['ci-bot'], 'POST', '/api/verify', '{"env":', {});
    expect(notJson.status).toBe(400);
    expect((await call(tokens.aud, 'GET', '/api/nothing-here')).status).toBe(404);
    expect((await call(tokens.aud, 'GET', `/api/changes/${'f'.repeat(64)}`)).status).toBe(404);
    const wrongMethod = await call(tokens.aud, 'PUT', '/api/changes');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('POST');
    const huge = await call(tokens['ci-bot'], 'POST', '/api/changes', { change: { padding: 'x'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    // No Content-Length to go by: a chunked body is counted as it arrives.
    const chunks = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 40; index += 1) controller.enqueue(new TextEncoder().encode(index === 0 ? '{"change":{"padding":"' : 'x'.repeat(8192)));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/api/changes`, { method: 'POST', headers: { Authorization: `Bearer ${tokens['ci-bot']}`, 'Content-Type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
    const text = await call(tokens['ci-bot'], 'POST', '/api/verify', 'env=production', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('stores sql and html injection in every text field as given and shows it inert', async () => {
    const evil = createShopRepo('injection');
    try {
      evil.checkout('feature');
      evil.write(`shop/${'<img src=x onerror=alert(3)>'}.ts`, `export const note = ${JSON.stringify(INJECTION)};\n`).commit({ message: `shop: ${INJECTION}`, author: { name: `<b>Mallory</b>`, email: 'ana@example.com' } });
      const change = await readChange({ repoDir: evil.dir, base: 'main', head: 'feature' });
      const recorded = await call(tokens['ci-bot'], 'POST', '/api/changes', { change, documentation: FULL_DOCS, lineKey: INJECTION });
      expect(recorded.status).toBe(201);
      const evilDigest = recorded.body.change.digest as string;
      expect((await call(tokens.ben, 'POST', `/api/changes/${evilDigest}/approvals`, { comment: INJECTION })).status).toBe(201);
      expect((await call(tokens.cho, 'POST', `/api/changes/${evilDigest}/rejections`, { reason: INJECTION })).status).toBe(201);
      const glass = await call(tokens.ben, 'POST', '/api/break-glass', { env: 'production', commit: change.commits[0]!.sha, reason: INJECTION, incident: '<i>INC</i>' });
      expect(glass.status).toBe(201);

      const status = await call(tokens.aud, 'GET', `/api/changes/${evilDigest}`);
      expect(status.body.approvals[0].comment).toBe(INJECTION);
      expect(status.body.rejections[0].comment).toBe(INJECTION);
      expect(status.body.change.evaluation.change.commits.at(-1).subject).toBe(`shop: ${INJECTION}`);
      expect((await call(tokens.aud, 'GET', '/api/audit/verify')).body.ok).toBe(true);

      const session = new BrowserSession(server.url);
      expect((await session.signInWithToken(tokens.aud!)).status).toBe(303);
      for (const path of [`/changes/${evilDigest}`, '/audit/log?type=break-glass', '/audit', '/changes', '/queue']) {
        const page = await (await session.fetch(path)).text();
        expect(page, path).not.toMatch(/<script>alert|<img src=x|<b>Mallory|<i>INC/);
        if (path.startsWith('/changes/')) {
          expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
          expect(page).toContain('&#39;); DROP TABLE audit_events; --');
        }
      }
    } finally {
      evil.cleanup();
    }
  });

  it('requires the csrf token on every form, with HttpOnly SameSite cookies', async () => {
    const session = new BrowserSession(server.url);
    const loginPage = await session.fetch('/login');
    expect(loginPage.headers.getSetCookie().join()).toMatch(/tollgate_login_csrf=.*HttpOnly.*SameSite=Strict/i);
    expect((await session.post('/login', { token: tokens.ben! })).status).toBe(403);
    const signedIn = await session.signInWithToken(tokens.ben!);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.getSetCookie().join()).toMatch(/tollgate_session=[^;]+;.*HttpOnly.*SameSite=Lax/i);
    const page = await (await session.fetch(`/changes/${digest}`)).text();
    const csrf = BrowserSession.csrfOf(page);
    const approve = `/changes/${digest}/approve`;
    expect((await session.post(approve, { comment: 'no token' })).status).toBe(403);
    expect((await session.post(approve, { _csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await session.post(approve, { _csrf: csrf }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await session.post('/login/demo', { _csrf: csrf, person: 'ben' })).status).toBe(403);
    const ok = await session.post(approve, { _csrf: csrf, comment: 'via the form' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain('done=approved');
    const status = await call(tokens.aud, 'GET', `/api/changes/${digest}`);
    expect(status.body.approvals.map((a: { person: string }) => a.person).sort()).toEqual(['ben', 'cho']);
    const out = await session.post('/logout', { _csrf: csrf });
    expect(out.status).toBe(303);
    expect((await session.fetch('/queue')).status).toBe(303);
  });

  it('records every denied request as an audit event', async () => {
    const denied = (await call(tokens.aud, 'GET', '/api/audit/events?type=access.denied&limit=1000')).body.events as { actor: string; payload: Record<string, unknown> }[];
    const statuses = new Set(denied.map((event) => event.payload.status));
    expect(statuses).toEqual(new Set([401, 403]));
    expect(denied.some((event) => event.actor === 'agent' && String(event.payload.reason).includes('ai identity'))).toBe(true);
    expect(denied.some((event) => event.actor === 'anonymous' && event.payload.code === 'unauthenticated')).toBe(true);
    expect(denied.some((event) => event.actor === 'ben' && event.payload.code === 'csrf')).toBe(true);
    expect(JSON.stringify(denied)).not.toContain('tgt_'); // no token text in the log
  });
});
