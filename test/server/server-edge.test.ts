/**
 * A real server process at its edges: rate limiting of failed sign-ins, the SSO header only from
 * the configured proxy, graceful shutdown with a request in flight, JSON logs, the guard as a
 * service, the CLI's token commands through the API, and two servers sharing one PostgreSQL store.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TollgateClient } from '../../src/client/tollgate-client.js';
import { BrowserSession } from './helpers/browser-session.js';
import { createShopRepo, FULL_DOCS, readShopChange, TEST_CATALOG } from './helpers/sample-org.js';
import { createTestStore, createTokenCli, runCli, startTestServer, writeCatalog, type TestStore } from './helpers/server-process.js';

describe('server edges (sqlite)', () => {
  let store: TestStore;
  let catalog: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    store = await createTestStore('sqlite', 'edge');
    catalog = writeCatalog(store, TEST_CATALOG);
    for (const [person, role] of [['ben', 'approver'], ['root', 'admin'], ['ci-bot', 'ci'], ['aud', 'auditor']] as const) tokens[person] = createTokenCli(store, person, role, [], catalog);
  });
  afterAll(async () => store?.cleanup());

  it('throttles an address after repeated authentication failures, auditing the first refusal only', async () => {
    const server = await startTestServer(store, ['--catalog', catalog], { TOLLGATE_AUTH_FAILURES_PER_MINUTE: '3' });
    try {
      const get = (token: string) => fetch(`${server.url}/api/queue`, { headers: { Authorization: `Bearer ${token}` } });
      for (let i = 0; i < 3; i += 1) expect((await get(`tgt_${'0'.repeat(12)}_${'A'.repeat(43)}`)).status).toBe(401);
      const throttled = await get(`tgt_${'0'.repeat(12)}_${'B'.repeat(43)}`);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await get(tokens.ben!)).status).toBe(429); // the valid token is not even checked
      expect((await get(tokens.ben!)).status).toBe(429);
    } finally {
      await server.stop();
    }
    const other = await startTestServer(store, ['--catalog', catalog]);
    try {
      const events = await new TollgateClient({ server: other.url, token: tokens.aud! }).auditEvents({ type: 'access.denied', limit: 100 });
      const statuses = (events.ok ? events.body.events : []).map((event) => (event as { payload: { status: number } }).payload.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it('believes the sso header only from the configured proxy address', async () => {
    const trusted = await startTestServer(store, ['--catalog', catalog], { TOLLGATE_SSO_HEADER: 'X-Forwarded-Email', TOLLGATE_TRUSTED_PROXIES: '127.0.0.1' });
    const untrusted = await startTestServer(store, ['--catalog', catalog], { TOLLGATE_SSO_HEADER: 'X-Forwarded-Email', TOLLGATE_TRUSTED_PROXIES: '10.9.9.9' });
    try {
      const viaProxy = new BrowserSession(trusted.url);
      const page = await viaProxy.fetch('/queue', { headers: { 'X-Forwarded-Email': 'ben@example.com' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Signed in as <strong>ben</strong> (approver)');
      expect(page.headers.getSetCookie().join()).toMatch(/tollgate_session=.*HttpOnly/i);
      expect((await fetch(`${trusted.url}/queue`, { headers: { 'X-Forwarded-Email': 'agent@bots.example.com' } })).status).toBe(403);
      expect((await fetch(`${trusted.url}/queue`, { headers: { 'X-Forwarded-Email': 'mallory@example.com' } })).status).toBe(403);
      const spoofed = await fetch(`${untrusted.url}/queue`, { headers: { 'X-Forwarded-Email': 'ben@example.com' }, redirect: 'manual' });
      expect(spoofed.status).toBe(303);
      expect(spoofed.headers.get('location')).toMatch(/^\/login/);
      await expect.poll(() => untrusted.stdout()).toContain('ignored an sso identity header from an untrusted address');
    } finally {
      await Promise.all([trusted.stop(), untrusted.stop()]);
    }
  });

  it('finishes a request in flight on SIGTERM, then exits 0 with JSON logs', async () => {
    const server = await startTestServer(store, ['--catalog', catalog]);
    const { hostname, port } = new URL(server.url);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: hostname, port, method: 'POST', path: '/api/verify', headers: { Authorization: `Bearer ${tokens['ci-bot']}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{"env":"production",');
      // Finish the body only after the server was told to stop.
      setTimeout(() => req.end('"commit":"abcdef1","commits":[{"sha":"abcdef1"}]}'), 700);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = server.stop();
    const response = await answer;
    expect(response.status).toBe(409);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, commit: 'abcdef1' });
    expect(await exited).toBe(0);
    const lines = server.stdout().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; level: number });
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['listening', 'request', 'signal received', 'stopped']));
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({ method: 'POST', path: '/api/verify', status: 409 });
  });

  it('decides agent actions as a service and records each decision', async () => {
    const server = await startTestServer(store, ['--catalog', catalog]);
    try {
      const client = new TollgateClient({ server: server.url, token: tokens['ci-bot']! });
      const context = { cwd: '/work/shop', workspaceRoots: ['/work/shop'], env: {}, git: { protectedBranches: ['main'] } };
      const safe = await client.guard({ action: { kind: 'shell', command: 'ls -la' }, context, agent: 'claude-code' });
      expect(safe.ok && safe.body.decision).toBe('allow');
      const reset = await client.guard({ action: { kind: 'shell', command: 'rm -rf / --no-preserve-root' }, context });
      expect(reset.ok && reset.body.decision).toBe('deny');
      const bad = await client.guard({ action: { kind: 'teleport' }, context });
      expect(bad.ok ? 200 : bad.error.issues?.[0]?.path).toBe('body.action.kind');
      const events = await new TollgateClient({ server: server.url, token: tokens.aud! }).auditEvents({ type: 'guard.decision' });
      expect(events.ok && events.body.events.map((e) => (e as { payload: { decision: string } }).payload.decision)).toEqual(['allow', 'deny']);
    } finally {
      await server.stop();
    }
  });

  it('runs `tollgate token` through the API with TOLLGATE_SERVER and an admin token', async () => {
    const server = await startTestServer(store, ['--catalog', catalog]);
    try {
      const remote = { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: tokens.root! };
      const created = runCli(store, ['token', 'create', '--as', 'cho', '--role', 'approver', '--expires', '7d', '--label', 'laptop'], remote);
      expect(created.status).toBe(0);
      const token = created.stdout.trim();
      expect(token).toMatch(/^tgt_[0-9a-f]{12}_/);
      expect((await new TollgateClient({ server: server.url, token }).whoami()).body).toMatchObject({ person: 'cho', role: 'approver', via: 'token' });
      const listed = runCli(store, ['token', 'list', '--format', 'json'], remote);
      const tokensListed = JSON.parse(listed.stdout).tokens as { id: string; label?: string; state: string }[];
      expect(tokensListed.find((t) => t.label === 'laptop')).toMatchObject({ state: 'active' });
      expect(listed.stdout).not.toContain(token);
      const id = token.split('_')[1]!;
      expect(runCli(store, ['token', 'revoke', id], remote).status).toBe(0);
      expect((await new TollgateClient({ server: server.url, token }).whoami()).status).toBe(401);
      const notAdmin = runCli(store, ['token', 'create', '--as', 'cho', '--role', 'admin'], { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: tokens.ben! });
      expect(notAdmin.status).toBe(1);
      expect(notAdmin.stderr).toContain('may not manage tokens');
    } finally {
      await server.stop();
    }
  });
});

describe('two servers on one postgresql store', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('postgres', 'shared');
  });
  afterAll(async () => store?.cleanup());

  it('serve the same changes and keep one verifiable audit chain', async () => {
    const catalog = writeCatalog(store, TEST_CATALOG);
    const ci = createTokenCli(store, 'ci-bot', 'ci', [], catalog);
    const ben = createTokenCli(store, 'ben', 'approver', [], catalog);
    const cho = createTokenCli(store, 'cho', 'approver', [], catalog);
    const [a, b] = await Promise.all([startTestServer(store, ['--catalog', catalog]), startTestServer(store, ['--catalog', catalog])]);
    const repo = createShopRepo('shared');
    try {
      const change = await readShopChange(repo);
      const recorded = await new TollgateClient({ server: a.url, token: ci }).recordChange({ change, documentation: FULL_DOCS });
      const digest = recorded.ok ? recorded.body.change.digest : '';
      const results = await Promise.all([
        new TollgateClient({ server: a.url, token: ben }).approve(digest),
        new TollgateClient({ server: b.url, token: cho }).approve(digest),
        ...Array.from({ length: 20 }, (_, i) => new TollgateClient({ server: i % 2 ? a.url : b.url, token: ci }).recordChange({ change, documentation: FULL_DOCS })),
      ]);
      expect(results.every((result) => result.ok)).toBe(true);
      const status = await new TollgateClient({ server: b.url, token: ben }).status(digest);
      expect(status.ok && status.body.verdict).toBe('allow');
      const verified = await new TollgateClient({ server: a.url, token: ben }).auditVerify();
      expect(verified.ok && verified.body).toMatchObject({ ok: true });
    } finally {
      repo.cleanup();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
