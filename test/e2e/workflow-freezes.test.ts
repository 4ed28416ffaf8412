/**
 * Change freezes through the real CLI: `status` warns of a freeze that will block a pending change,
 * `verify` fails during one naming it, and break-glass is the way through.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitRepo } from '../helpers/git-repo.js';
import { createScratch, createShopRepo, expectCli, isolatedEnv, jsonOf, shopCatalog } from './workflow-fixtures.js';

const FREEZE = `freezes:
  - { id: peak-season, reason: "peak sales", from: "2030-11-27T00:00:00Z", until: "2030-11-30T00:00:00Z", scope: { tiers: [1] } }
`;
const BEFORE = '2030-11-25T12:00:00Z';
const DURING = '2030-11-28T12:00:00Z';

describe.sequential('change freezes from the CLI', () => {
  let repo: GitRepo;
  let scratch: ReturnType<typeof createScratch>;
  let digest: string;
  const cli = (code: number, args: string[], now: string) =>
    expectCli(code, args, { cwd: repo.dir, env: isolatedEnv(scratch.dir, { TOLLGATE_DATA_DIR: join(scratch.dir, 'data'), TOLLGATE_NOW: now }) });

  beforeAll(async () => {
    scratch = createScratch();
    repo = createShopRepo(shopCatalog(FREEZE));
    await cli(0, ['keys', 'init'], BEFORE);
    digest = jsonOf(await cli(1, ['check', '--record', '--doc', scratch.doc, '--format', 'json'], BEFORE), 'tollgate.check/v1').change.digest;
  });
  afterAll(() => {
    repo?.cleanup();
    scratch?.cleanup();
  });

  it('shows an upcoming freeze that will block the pending change', async () => {
    const status = await cli(1, ['status', digest], BEFORE);
    expect(status.stdout).toContain('upcoming freeze that will block it: `peak-season` 2030-11-27T00:00:00.000Z');
    expect(status.stdout).toContain('(peak sales)');
  });

  it('fails verify during the freeze, naming it, even with all approvals; break-glass lets it through', async () => {
    await cli(0, ['approve', digest, '--as', 'ben'], BEFORE);
    await cli(0, ['approve', digest, '--as', 'cho'], BEFORE);
    await cli(0, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main'], BEFORE);
    const blocked = jsonOf(await cli(1, ['status', digest, '--format', 'json'], DURING), 'tollgate.status/v1');
    expect(blocked).toMatchObject({ verdict: 'blocked', freezes: { active: [expect.objectContaining({ id: 'peak-season' })] } });
    const failed = await cli(1, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main'], DURING);
    expect(failed.stdout).toContain('change freeze `peak-season` until 2030-11-30T00:00:00.000Z (peak sales) covers shop');
    await cli(0, ['verify', '--env', 'staging', '--commit', 'feature', '--since', 'main'], DURING); // staging is not production: no freeze
    await cli(0, ['break-glass', '--env', 'production', '--commit', 'feature', '--as', 'dee', '--reason', 'pricing bug during the sale'], DURING);
    await cli(0, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main'], DURING);
  });
});
