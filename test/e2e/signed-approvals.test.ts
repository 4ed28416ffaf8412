/**
 * Approvals signed with the approver's SSH key (`ssh-keygen -Y sign`), through the real CLI, where
 * the tier policy requires them: unsigned and wrongly signed approvals are refused.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_STATEMENT_TYPE } from '../../src/attest/approval-statement.js';
import { generateSshKey } from '../../src/attest/sign-with-ssh-key.js';
import type { GitRepo } from '../helpers/git-repo.js';
import { createScratch, createShopRepo, expectCli, isolatedEnv, jsonOf, shopCatalog } from './workflow-fixtures.js';

describe.sequential('signed approvals from the CLI', () => {
  let repo: GitRepo;
  let scratch: ReturnType<typeof createScratch>;
  let digest: string;
  let benKey: string;
  let otherKey: string;
  const cli = (code: number, args: string[]) => expectCli(code, args, { cwd: repo.dir, env: isolatedEnv(scratch.dir, { TOLLGATE_DATA_DIR: join(scratch.dir, 'data') }) });

  beforeAll(async () => {
    scratch = createScratch();
    benKey = join(scratch.dir, 'ben_ed25519');
    otherKey = join(scratch.dir, 'other_ed25519');
    const benPublic = await generateSshKey(benKey, 'ben');
    await generateSshKey(otherKey, 'someone else');
    const catalog = shopCatalog(`policy: { tiers: { 1: { signedApprovals: true } } }\n`).replace('{ id: ben, emails: [ben@example.com] }', `{ id: ben, emails: [ben@example.com], keys: ["${benPublic}"] }`);
    repo = createShopRepo(catalog);
    digest = jsonOf(await cli(1, ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1').change.digest;
  });
  afterAll(() => {
    repo?.cleanup();
    scratch?.cleanup();
  });

  it('prints the exact statement a signature covers, for signing elsewhere', async () => {
    const printed = await cli(0, ['approve', digest.slice(0, 8), '--as', 'ben', '--print-statement']);
    expect(JSON.parse(printed.stdout)).toEqual({ type: APPROVAL_STATEMENT_TYPE, kind: 'approve', digest, person: 'ben' });
  });

  it('refuses an unsigned approval and one signed with a key the catalog does not list', async () => {
    expect(jsonOf(await cli(1, ['approve', digest, '--as', 'ben', '--format', 'json']), 'tollgate.approve/v1')).toMatchObject({ ok: false, code: 'signature-required' });
    expect(jsonOf(await cli(1, ['approve', digest, '--as', 'ben', '--sign-with', otherKey, '--format', 'json']), 'tollgate.approve/v1')).toMatchObject({ ok: false, code: 'bad-signature' });
    expect(jsonOf(await cli(1, ['approve', digest, '--as', 'cho', '--sign-with', benKey, '--format', 'json']), 'tollgate.approve/v1')).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('records an approval signed with the listed key, and shows it as signed', async () => {
    const signed = jsonOf(await cli(0, ['approve', digest, '--as', 'ben', '--sign-with', benKey, '--format', 'json']), 'tollgate.approve/v1');
    expect(signed).toMatchObject({ ok: true, person: 'ben', signed: true });
    const status = await cli(1, ['status', digest]);
    expect(status.stdout).toMatch(/approved by: ben at \S+, ssh-signed/);
  });

  it('reports a key file ssh-keygen cannot use as a usage error', async () => {
    const result = await cli(2, ['approve', digest, '--as', 'ben', '--sign-with', join(scratch.dir, 'missing_key')]);
    expect(result.stderr).toContain('ssh-keygen -Y sign with');
  });
});
