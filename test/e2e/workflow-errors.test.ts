/**
 * Bad input and refusals of the workflow commands through the real CLI (SQLite): each gets a
 * clear message and the documented exit code — 2 for input and configuration, 1 for refusals
 * and a closed gate.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { GitRepo } from '../helpers/git-repo.js';
import { buildEvaluation } from '../store-contract/build-evaluation.js';
import { createScratch, createShopRepo, expectCli, isolatedEnv, jsonOf } from './workflow-fixtures.js';

describe.sequential('workflow commands with bad input', () => {
  let repo: GitRepo;
  let scratch: ReturnType<typeof createScratch>;
  let digest: string;
  let dataDir: string;
  const env = (extra: Record<string, string | undefined> = {}) => isolatedEnv(scratch.dir, { TOLLGATE_DATA_DIR: dataDir, ...extra });
  const cli = (code: number, args: string[], extra: Record<string, string | undefined> = {}) => expectCli(code, args, { cwd: repo.dir, env: env(extra) });

  beforeAll(async () => {
    scratch = createScratch();
    dataDir = join(scratch.dir, 'data');
    repo = createShopRepo();
    await cli(0, ['keys', 'init']);
    digest = jsonOf(await cli(1, ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1').change.digest;
    // Two recorded changes whose digests share a prefix, to make `abcd` ambiguous.
    const store = await openStore({ dataDir, signer: null });
    try {
      for (const suffix of ['1', '2']) {
        await store.changes.record({ evaluation: buildEvaluation({ digest: `abcd${suffix}`.padEnd(64, '0') }), at: new Date().toISOString() }, () => []);
      }
    } finally {
      await store.close();
    }
  });
  afterAll(() => {
    repo?.cleanup();
    scratch?.cleanup();
  });

  it.each(
    [
      { args: ['approve', 'f0f0f0f0', '--as', 'ben'], message: 'no recorded change matches `f0f0f0f0`' },
      { args: ['approve', 'abcd', '--as', 'ben'], message: '`abcd` matches 2 changes: abcd10000000, abcd20000000' },
      { args: ['approve', 'xyz', '--as', 'ben'], message: '`xyz` is not a change digest' },
      { args: ['status', 'abcd'], message: '`abcd` matches 2 changes' },
      { args: ['status', 'f0f0f0f0'], message: 'no recorded change matches `f0f0f0f0`' },
      { args: ['reject', 'f0f0f0f0', '--as', 'ben', '--reason', 'no'], message: 'no recorded change matches `f0f0f0f0`' },
      { args: ['reject', 'DIGEST', '--as', 'ben'], message: 'a rejection needs a reason: `--reason TEXT`' },
      { args: ['break-glass', '--env', 'production', '--commit', 'HEAD', '--as', 'ben', '--reason', 'x', '--for', '4x'], message: '`--for 4x` is not a duration' },
      { args: ['break-glass', '--env', 'production', '--commit', 'HEAD', '--as', 'ben', '--reason', 'x', '--for', '48h'], message: 'an override lasts at most 24h' },
      { args: ['break-glass', '--env', 'production', '--commit', 'f0f0f0f', '--as', 'ben', '--reason', 'x'], message: 'unknown commit `f0f0f0f`' },
      { args: ['verify', '--env', 'prod/../x', '--commit', 'HEAD'], message: 'an environment name uses letters, digits' },
      { args: ['audit', 'log', '--since', 'yesterday'], message: '`--since yesterday`: give an iso 8601 date' },
      { args: ['audit', 'log', '--limit', '0'], message: '`--limit 0` is not a positive whole number' },
      { args: ['audit', 'verify', '--checkpoint', 'missing.json'], message: 'cannot read checkpoint `missing.json`: no such file' },
      { args: ['attest', 'verify', 'missing.json'], message: 'cannot read attestation `missing.json`: no such file' },
    ].map((entry) => ({ ...entry, command: entry.args.slice(0, 2).join(' ') })),
  )('`tollgate $command …` exits 2: $message', async ({ args, message }) => {
    const result = await cli(2, args.map((arg) => (arg === 'DIGEST' ? digest : arg)));
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('asks who is acting when there is no --as, TOLLGATE_USER or catalog email (exit 2)', async () => {
    const nobody = await cli(2, ['approve', digest]);
    expect(nobody.stderr).toContain('who is acting? pass `--as PERSON`, set TOLLGATE_USER');
    repo.git('config', 'user.email', 'stranger@example.com');
    const stranger = await cli(2, ['approve', digest]);
    expect(stranger.stderr).toContain('git user.email `stranger@example.com` is not a person in the catalog');
    repo.git('config', '--unset', 'user.email');
  });

  it('rejects a TOLLGATE_NOW that is not an iso time (exit 2)', async () => {
    const result = await cli(2, ['status', digest], { TOLLGATE_NOW: 'tomorrow' });
    expect(result.stderr).toContain('TOLLGATE_NOW `tomorrow` is not an iso 8601 time');
  });

  it('blocks a rejected change until the same person withdraws the rejection', async () => {
    await cli(0, ['approve', digest, '--as', 'ben']);
    await cli(0, ['approve', digest, '--as', 'cho']);
    const rejected = await cli(0, ['reject', digest, '--as', 'dee', '--reason', 'not during the sale']);
    expect(rejected.stdout).toContain(`dee rejected ${digest.slice(0, 12)}`);
    const blocked = jsonOf(await cli(1, ['status', digest, '--format', 'json']), 'tollgate.status/v1');
    expect(blocked).toMatchObject({ verdict: 'blocked', rejections: [expect.objectContaining({ person: 'dee', comment: 'not during the sale' })] });
    await cli(1, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main']);
    expect(jsonOf(await cli(1, ['reject', '--withdraw', digest, '--as', 'ben', '--format', 'json']), 'tollgate.reject/v1')).toMatchObject({ ok: false });
    await cli(0, ['reject', '--withdraw', digest, '--as', 'dee', '--comment', 'sale is over']);
    expect(jsonOf(await cli(0, ['status', digest, '--format', 'json']), 'tollgate.status/v1').verdict).toBe('allow');
    await cli(0, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main']);
  });

  it('records a director sign-off, and refuses one from someone who is not director or vp', async () => {
    const refused = jsonOf(await cli(1, ['approve', digest, '--as', 'ben', '--sign-off', '--format', 'json']), 'tollgate.approve/v1');
    expect(refused).toMatchObject({ ok: false, code: 'not-a-signer' });
    const signed = await cli(0, ['approve', digest, '--as', 'dee', '--sign-off', '--comment', 'ok for peak']);
    expect(signed.stdout).toContain(`dee signed off as director ${digest.slice(0, 12)}`);
    const status = await cli(0, ['status', digest]);
    expect(status.stdout).toContain('dee (sign-off as director) at');
  });

  it('fails the gate closed (exit 1) for an unknown commit, and audits it', async () => {
    const unknown = await cli(1, ['verify', '--env', 'production', '--commit', 'f0f0f0f0f0', '--since', 'main']);
    expect(unknown.stdout).toContain('unknown commit `f0f0f0f0f0`');
    const since = await cli(1, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'nope']);
    expect(since.stdout).toContain('unknown --since commit `nope`');
    const failures = jsonOf(await cli(0, ['audit', 'log', '--type', 'verify.failed', '--subject', 'f0f0f0f0f0', '--format', 'json']), 'tollgate.audit-log/v1');
    expect(failures.events).toHaveLength(1);
  });

  it('fails the gate closed (exit 1) when the store is unreachable', async () => {
    const result = await cli(1, ['verify', '--env', 'production', '--commit', 'feature'], { TOLLGATE_DATA_DIR: undefined, TOLLGATE_DATABASE_URL: 'postgres://tollgate@127.0.0.1:1/none' });
    expect(result.stdout).toContain('cannot open the store');
    expect(result.stdout).toContain('the gate fails closed');
  });

  it('tells the user to run keys init when there is no attestation key (exit 2)', async () => {
    rmSync(join(repo.dir, '.tollgate', 'keys'), { recursive: true });
    const result = await cli(2, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main']);
    expect(result.stderr).toContain('no attestation key at');
    expect(result.stderr).toContain('run `tollgate keys init` first');
    const checkpoint = await cli(2, ['audit', 'checkpoint']);
    expect(checkpoint.stderr).toContain('run `tollgate keys init` first');
  });
});
