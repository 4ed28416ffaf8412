import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TollgateClient } from '../client/tollgate-client.js';
import { remoteWorkflowGateway } from './remote-workflow-gateway.js';
import type { WorkflowGateway } from './workflow-gateway.js';

/** A real HTTP server answering from a script, recording every request it got. */
interface Reply {
  status: number;
  body: unknown;
}

const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { status, code, message } } });
const whoami: Reply = { status: 200, body: { person: 'ben', role: 'approver', ai: false, via: 'token' } };

describe('remoteWorkflowGateway', () => {
  let server: Server;
  let url: string;
  let replies: Map<string, Reply[]>;
  let requests: { method: string; path: string; body: unknown }[];
  let gateway: WorkflowGateway;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const path = request.url ?? '';
        requests.push({ method: request.method ?? '', path, body: text ? JSON.parse(text) : undefined });
        const key = `${request.method} ${path.split('?')[0]}`;
        const reply = replies.get(key)?.shift() ?? error(404, 'not-found', `no route ${key}`);
        response.writeHead(reply.status, { 'Content-Type': 'application/json' });
        response.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    replies = new Map();
    requests = [];
    gateway = remoteWorkflowGateway(new TollgateClient({ server: url, token: 't' }), url);
  });
  const script = (key: string, ...answers: Reply[]) => replies.set(key, answers);

  it.each([
    { name: 'unknown digest', reply: error(404, 'not-found', 'no recorded change matches `abcd`'), exit: 2, code: 'not-found' },
    { name: 'ambiguous prefix', reply: error(409, 'conflict', '`abcd` matches 2 changes'), exit: 2, code: 'ambiguous' },
    { name: 'bad token', reply: error(401, 'unauthenticated', 'unknown token'), exit: 2, code: 'unauthenticated' },
    { name: 'role without permission', reply: error(403, 'forbidden', 'role `auditor` may not read'), exit: 1, code: 'forbidden' },
    { name: 'server error', reply: error(500, 'internal', 'internal error'), exit: 2, code: 'internal' },
    { name: 'answer of the wrong shape', reply: { status: 200, body: { schema: 'tollgate.check/v1' } }, exit: 2, code: 'bad-answer' },
    { name: 'answer that is not json', reply: { status: 200, body: '<html>proxy login</html>' }, exit: 2, code: 'unreachable' },
  ])('maps $name on status to exit $exit', async ({ reply, exit, code }) => {
    script('GET /api/changes/abcd', reply);
    expect(await gateway.status('abcd')).toMatchObject({ ok: false, exit, code });
  });

  it('returns the status body without its schema field', async () => {
    script('GET /api/changes/abcd', { status: 200, body: { schema: 'tollgate.status/v1', verdict: 'allow', change: { digest: 'abcd'.padEnd(64, '0') } } });
    expect(await gateway.status('abcd')).toEqual({ ok: true, value: { verdict: 'allow', change: { digest: 'abcd'.padEnd(64, '0') } } });
  });

  it('decides as the token person: the body never names who approves', async () => {
    script('POST /api/changes/abcd/approvals', { status: 201, body: { digest: 'abcd', person: 'ben', kind: 'approve', alreadyRecorded: false } });
    const decided = await gateway.decide({ kind: 'approve', digestOrPrefix: 'abcd', person: 'someone-else', comment: 'ok' });
    expect(decided).toEqual({ ok: true, value: { digest: 'abcd', person: 'ben', kind: 'approve', alreadyRecorded: false } });
    expect(requests[0]!.body).toEqual({ comment: 'ok' });
  });

  it('maps a policy refusal to exit 1 with the server reason', async () => {
    script('POST /api/changes/abcd/rejections', error(409, 'refused', '`ben` has no rejection to withdraw'));
    expect(await gateway.decide({ kind: 'reject', digestOrPrefix: 'abcd', person: 'ben', reason: 'no' })).toEqual({ ok: false, exit: 1, code: 'refused', reason: '`ben` has no rejection to withdraw' });
  });

  it('refuses --as naming someone other than the token person', async () => {
    script('GET /api/whoami', whoami, whoami);
    expect(await gateway.identify('ben')).toEqual({ ok: true, value: { person: 'ben', source: 'token' } });
    expect(await gateway.identify('cho')).toMatchObject({ ok: false, exit: 2, code: 'identity-mismatch' });
  });

  it('treats a failing gate (409 with a verify body) as the gate answer, and 503 as closed', async () => {
    const failed = { schema: 'tollgate.verify/v1', ok: false, env: 'production', commit: 'c0ffee', unapproved: [{ sha: 'c0ffee', reason: 'no', missing: [] }], freezes: [], errors: [] };
    script('POST /api/verify', { status: 409, body: failed }, error(503, 'unavailable', 'the server has no attestation key'), error(409, 'refused', 'something else'));
    const request = { env: 'production', commit: 'c0ffee', commits: [{ sha: 'c0ffee' }] };
    const { schema: _schema, ...verdict } = failed;
    expect(await gateway.verify(request)).toEqual({ ok: true, value: verdict });
    expect(await gateway.verify(request)).toMatchObject({ ok: false, exit: 1, code: 'unavailable' });
    expect(await gateway.verify(request)).toMatchObject({ ok: false, exit: 1, code: 'refused' });
  });

  it('pages through audit events up to the limit', async () => {
    const events = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ seq: from + index, type: 'deploy' }));
    script('GET /api/audit/events', { status: 200, body: { events: events(1, 1000), nextAfterSeq: 1000 } }, { status: 200, body: { events: events(1001, 200) } });
    const answer = await gateway.auditEvents({ limit: 1500, types: ['deploy'] });
    expect(answer.ok && answer.value.map((event) => event.seq)).toEqual(Array.from({ length: 1200 }, (_, index) => index + 1));
    expect(requests.map((request) => request.path)).toEqual(['/api/audit/events?limit=1000&type=deploy', '/api/audit/events?limit=500&afterSeq=1000&type=deploy']);
  });

  it('reports an unreachable server as exit 2', async () => {
    const nowhere = remoteWorkflowGateway(new TollgateClient({ server: 'http://127.0.0.1:1', token: 't' }), 'http://127.0.0.1:1');
    expect(await nowhere.status('abcd')).toMatchObject({ ok: false, exit: 2, code: 'unreachable', reason: expect.stringContaining('cannot reach the tollgate server') });
  });
});
