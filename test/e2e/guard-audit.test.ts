import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

describe('agent guard decisions in the audit log', () => {
  const repo = createGitRepo();
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-guard-audit-'));
  afterAll(() => {
    repo.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reach the hash-chained audit log, and the chain verifies', async () => {
    repo.write('tollgate.yaml', 'version: 1\n').commit('catalog');
    const env = { TOLLGATE_DATA_DIR: dataDir };
    const denied = await runCli(['guard', '--command', 'terraform destroy -auto-approve -var env=prod', '--format', 'json'], { cwd: repo.dir, env });
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.stdout)).toMatchObject({ schema: 'tollgate.guard/v1', decision: 'deny' });

    const log = await runCli(['audit', 'log', '--format', 'json'], { cwd: repo.dir, env });
    expect(log.code, log.stderr).toBe(0);
    const events = JSON.parse(log.stdout) as { events: { type: string; payload: { decision?: string } }[] };
    const decision = events.events.find((event) => event.type === 'guard.decision');
    expect(decision?.payload.decision).toBe('deny');

    const verified = await runCli(['audit', 'verify'], { cwd: repo.dir, env });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
