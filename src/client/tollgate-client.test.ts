import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFromEnv, ServerUnreachableError, TollgateClient } from './tollgate-client.js';

describe('TollgateClient', () => {
  let url: string;
  const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      if (req.url === '/api/whoami') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"person":"ben","role":"approver","ai":false,"via":"token"}');
      if (req.url === '/api/tokens') return res.writeHead(200).end('<html>proxy error</html>');
      res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"status":409,"code":"refused","message":"`ben` wrote this change"}}');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the bearer token and json, and returns answers as data', async () => {
    const client = new TollgateClient({ server: url, token: 'tgt_x' });
    expect(await client.whoami()).toEqual({ ok: true, status: 200, body: { person: 'ben', role: 'approver', ai: false, via: 'token' } });
    const refused = await client.approve('abc/../x', { comment: 'hi' });
    expect(refused).toMatchObject({ ok: false, status: 409, error: { code: 'refused', message: '`ben` wrote this change' } });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/api/changes/abc%2F..%2Fx/approvals', auth: 'Bearer tgt_x', body: '{"comment":"hi"}' });
  });

  it('throws ServerUnreachableError for transport failures and non-json answers', async () => {
    await expect(new TollgateClient({ server: url, token: 't' }).listTokens()).rejects.toBeInstanceOf(ServerUnreachableError);
    await expect(new TollgateClient({ server: 'http://127.0.0.1:1', token: 't', timeoutMs: 2000 }).whoami()).rejects.toThrow(/cannot reach the tollgate server/);
  });

  it('is configured from TOLLGATE_SERVER and TOLLGATE_TOKEN together', () => {
    expect(clientFromEnv({ TOLLGATE_SERVER: 'http://x' })).toBeUndefined();
    expect(clientFromEnv({ TOLLGATE_TOKEN: 't' })).toBeUndefined();
    expect(clientFromEnv({ TOLLGATE_SERVER: 'http://x', TOLLGATE_TOKEN: 't' })).toBeInstanceOf(TollgateClient);
  });
});
