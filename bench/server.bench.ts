/**
 * @module Load test of the server: `POST /api/verify` and `GET` of a change page under 50 concurrent
 * clients, on SQLite and PostgreSQL, against a bare node:http server answering a fixed JSON on the
 * same machine (the ratio is the figure that travels between machines).
 *
 * Every server runs in its own process, apart from the load generator. Afterwards the audit chain
 * (which every passed verify appended a `deploy` event to) must still verify.
 * `TOLLGATE_BENCH_SECONDS` (default 30) and `TOLLGATE_BENCH_CONNECTIONS` (default 50) shorten or
 * widen a run; `TOLLGATE_BENCH_DATABASE_URL` names the PostgreSQL server (default the test one).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { signEnvelope } from '../src/attest/sign-envelope.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; method?: string; headers?: Record<string, string>; body?: string }) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const ROOT = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.TOLLGATE_BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.TOLLGATE_BENCH_CONNECTIONS ?? 50);
const DATABASE_URL = process.env.TOLLGATE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** How much of a server's log is kept for error messages. */
const STDERR_TAIL = 64 * 1024;

interface Load {
  rps: number;
  p99Ms: number;
  /** Socket errors, timeouts and unexpected statuses. */
  errors: number;
}

/** The command that runs `tollgate serve`: the CLI bundle once it has the command, else the sources through tsx. */
function serveCommand(): string[] {
  const bundle = join(ROOT, 'bin/tollgate.cjs');
  const help = spawnSync(process.execPath, [bundle, '--help'], { encoding: 'utf8' });
  if (/^\s+serve\b/m.test(help.stdout ?? '')) return [bundle];
  return ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'test/server/helpers/cli-entry.ts')];
}

async function startProcess(args: string[], env: Record<string, string>, cwd: string, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray; stderr: () => string }> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let started = false;
  const match = await new Promise<RegExpExecArray>((resolvePromise, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      // The load generator shares this process: once the server is up, its request log is only
      // kept as a bounded tail for error messages, never scanned again.
      stderr = (stderr + chunk.toString()).slice(started ? -STDERR_TAIL : 0);
      if (started) return;
      const found = ready.exec(stderr);
      if (found) {
        started = true;
        resolvePromise(found);
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code}:\n${stderr}`)));
  });
  return { child, match, stderr: () => stderr };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  await exited;
}

async function load(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  // autocannon counts non-2xx; a 409 from a refused verify would be an error here as well.
  return { rps: result.requests.average, p99Ms: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

/** A bare node:http server answering a fixed JSON: the ceiling of this machine and tool. */
async function benchBare(): Promise<Load> {
  const script = `const http=require('node:http');const body=JSON.stringify({ok:true,env:'production',changes:['x']});http.createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json','content-length':Buffer.byteLength(body)});s.end(body)})}).listen(0,'127.0.0.1',function(){process.stderr.write('port '+this.address().port+'\\n')})`;
  const { child, match } = await startProcess(['-e', script], {}, tmpdir(), /port (\d+)/);
  try {
    return await load(`http://127.0.0.1:${match[1]}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"env":"production"}' });
  } finally {
    await stopProcess(child);
  }
}

interface StoreRun {
  verify: Load;
  page: Load;
  chainOk: boolean;
  events: number;
}

async function benchStore(kind: 'sqlite' | 'postgres'): Promise<StoreRun> {
  const dir = mkdtempSync(join(tmpdir(), `tollgate-bench-${kind}-`));
  const schema = `tg_bench_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = { TOLLGATE_LOG_LEVEL: 'info', TOLLGATE_AUTH_FAILURES_PER_MINUTE: '1000' };
  if (kind === 'postgres') Object.assign(env, { TOLLGATE_DATABASE_URL: DATABASE_URL, TOLLGATE_DATABASE_SCHEMA: schema });
  const server = await startProcess([...serveCommand(), 'serve', '--demo', '--port', '0'], env, dir, /Tollgate is running at (\S+)[\s\S]*cli \(ci deploy-bot\): \S+ TOLLGATE_TOKEN=(\S+)[\s\S]*cli \(approver dave\): \S+ TOLLGATE_TOKEN=(\S+)/);
  const [, url, ciToken, approverToken] = server.match as unknown as [string, string, string, string];
  try {
    const target = await pickApprovedChange(url, ciToken);
    const cookie = await demoSession(url);
    const verifyBody = JSON.stringify({ env: 'production', commit: target.commits.at(-1)!.sha, commits: target.commits });
    // The page first: the verify run adds a deploy event per request, thousands of the same change.
    const page = await load(`${url}/changes/${target.digest}`, { headers: { cookie } });
    const verify = await load(`${url}/api/verify`, { method: 'POST', headers: { authorization: `Bearer ${ciToken}`, 'content-type': 'application/json' }, body: verifyBody });
    const verified = (await (await fetch(`${url}/api/audit/verify`, { headers: { authorization: `Bearer ${approverToken}` } })).json()) as { ok?: boolean; count?: number };
    return { verify, page, chainOk: verified.ok === true, events: verified.count ?? 0 };
  } finally {
    await stopProcess(server.child);
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') await dropSchema(schema);
  }
}

/** A deployed (so fully approved) demo change and its commits, read through the API. */
async function pickApprovedChange(url: string, token: string): Promise<{ digest: string; commits: { sha: string; patchId?: string }[] }> {
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${url}/api/changes?verdict=allow`, { headers })).json()) as { changes: { digest: string; systems: string[] }[] };
  const tier1 = list.changes.find((change) => change.systems.includes('checkout')) ?? list.changes[0]!;
  const status = (await (await fetch(`${url}/api/changes/${tier1.digest}`, { headers })).json()) as { change: { commits: { sha: string; patchId?: string }[] } };
  return { digest: tier1.digest, commits: status.change.commits };
}

/** A browser session of the demo approver (`dave`), through the sign-in form with its CSRF token. */
async function demoSession(url: string): Promise<string> {
  const login = await fetch(`${url}/login`);
  const csrfCookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const signed = await fetch(`${url}/login/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, person: 'dave', next: '/queue' }),
  });
  return signed.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * What one Ed25519 signature costs here, in microseconds: every passed verify signs its attestation,
 * so no verify can be faster than a bare exchange plus one signature. Measured over a body the
 * size of a demo deploy statement, with the same code the server signs with.
 */
function signatureMicros(): number {
  const { privateKey } = generateKeyPairSync('ed25519');
  const key = { keyId: 'bench', privateKey };
  const body = Buffer.alloc(1500, 'a');
  const runs = 5000;
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const started = process.hrtime.bigint();
    for (let run = 0; run < runs; run += 1) signEnvelope(body, 'application/vnd.in-toto+json', key);
    times.push(Number(process.hrtime.bigint() - started) / 1e3 / runs);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** Runs the three servers one after the other and returns the figures `bench/run.ts` prints. */
export async function benchServer(): Promise<Record<string, number>> {
  const bare = await benchBare();
  const signUs = signatureMicros();
  const sqlite = await benchStore('sqlite');
  const postgres = await benchStore('postgres');
  return {
    seconds: SECONDS,
    connections: CONNECTIONS,
    bareRps: bare.rps,
    bareP99Ms: bare.p99Ms,
    signUs,
    // The most a verify that signs could reach: a bare exchange's time plus one signature.
    signedCeilingRatio: 1e6 / bare.rps / (1e6 / bare.rps + signUs),
    sqliteVerifyRps: sqlite.verify.rps,
    sqliteVerifyP99Ms: sqlite.verify.p99Ms,
    sqliteVerifyRatio: sqlite.verify.rps / bare.rps,
    sqlitePageRps: sqlite.page.rps,
    sqlitePageP99Ms: sqlite.page.p99Ms,
    postgresVerifyRps: postgres.verify.rps,
    postgresVerifyP99Ms: postgres.verify.p99Ms,
    postgresVerifyRatio: postgres.verify.rps / bare.rps,
    postgresPageRps: postgres.page.rps,
    postgresPageP99Ms: postgres.page.p99Ms,
    errors: bare.errors + sqlite.verify.errors + sqlite.page.errors + postgres.verify.errors + postgres.page.errors,
    chainVerified: sqlite.chainOk && postgres.chainOk ? 1 : 0,
    auditEvents: sqlite.events + postgres.events,
  };
}
