import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointStatement, verifyCheckpointSignature } from '../core/audit/checkpoint-statement.js';
import { assembleDeployStatement, signStatement, type DeployPredicate } from './assemble-deploy-statement.js';
import { checkpointSignerFromKey } from './checkpoint-signer.js';
import { initKeys, readSigningKey } from './read-keys.js';
import { verifyAttestation } from './verify-attestation.js';

const predicate: DeployPredicate = {
  env: 'production',
  commit: 'a'.repeat(40),
  changes: [{ digest: 'd'.repeat(64), verdict: 'allow', systems: ['checkout'], commits: ['a'.repeat(40)], policyDigest: 'p'.repeat(64) }],
  approvals: [{ digest: 'd'.repeat(64), person: 'erin', kind: 'approve', at: '2026-01-01T00:00:00.000Z', signed: false }],
  findings: { total: 1, bySeverity: { info: 0, low: 0, medium: 1, high: 0, critical: 0 } },
  policyDigest: 'p'.repeat(64),
  verifiedAt: '2026-01-02T00:00:00.000Z',
};

async function freshKeys(): Promise<{ dir: string; pub: string }> {
  const dir = join(await mkdtemp(join(tmpdir(), 'tollgate-keys-')), 'keys');
  const result = await initKeys(dir);
  if (!result.ok) throw new Error(result.reason);
  return { dir, pub: await readFile(result.publicKeyPath, 'utf8') };
}

describe('keys', () => {
  it('creates a 0600 private key and a public key, and refuses to overwrite', async () => {
    const { dir, pub } = await freshKeys();
    expect((await stat(join(dir, 'attestation.key'))).mode & 0o777).toBe(0o600);
    expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = await initKeys(dir);
    expect(again).toMatchObject({ ok: false, reason: expect.stringContaining('already exists') });
    const key = await readSigningKey(join(dir, 'attestation.key'));
    expect(key.publicKeyPem).toBe(pub);
    expect(key.keyId).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyAttestation', () => {
  it('verifies an in-toto deploy statement offline and returns it', async () => {
    const { dir, pub } = await freshKeys();
    const key = await readSigningKey(join(dir, 'attestation.key'));
    const envelope = signStatement(assembleDeployStatement(predicate), key);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(envelope.signatures[0]?.keyid).toBe(key.keyId);
    const check = verifyAttestation(JSON.stringify(envelope), pub);
    expect(check).toMatchObject({
      ok: true,
      keyId: key.keyId,
      statement: { _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { gitCommit: 'a'.repeat(40) } }], predicateType: 'https://tollgate.dev/deploy-approval/v1', predicate },
    });
  });

  it('fails for another key, a tampered payload, a wrong payload type and malformed input', async () => {
    const signer = await freshKeys();
    const other = await freshKeys();
    const key = await readSigningKey(join(signer.dir, 'attestation.key'));
    const envelope = signStatement(assembleDeployStatement(predicate), key);
    const forged = { ...predicate, env: 'staging' };
    const cases: { name: string; json: string; pub: string; reason: RegExp }[] = [
      { name: 'other key', json: JSON.stringify(envelope), pub: other.pub, reason: /no signature .* verifies/ },
      {
        name: 'tampered payload',
        json: JSON.stringify({ ...envelope, payload: Buffer.from(JSON.stringify(assembleDeployStatement(forged))).toString('base64') }),
        pub: signer.pub,
        reason: /no signature/,
      },
      { name: 'payload type changed', json: JSON.stringify({ ...envelope, payloadType: 'application/json' }), pub: signer.pub, reason: /no signature/ },
      { name: 'not json', json: '{', pub: signer.pub, reason: /not json/ },
      { name: 'no signatures', json: JSON.stringify({ ...envelope, signatures: [] }), pub: signer.pub, reason: /field `signatures`/ },
      { name: 'bad key', json: JSON.stringify(envelope), pub: 'nope', reason: /not a pem key/ },
    ];
    for (const testCase of cases) {
      const check = verifyAttestation(testCase.json, testCase.pub);
      expect(check.ok, testCase.name).toBe(false);
      if (!check.ok) expect(check.reason, testCase.name).toMatch(testCase.reason);
    }
  });

  it('signs audit checkpoints verifiable with the public key only', async () => {
    const { dir, pub } = await freshKeys();
    const signer = checkpointSignerFromKey(await readSigningKey(join(dir, 'attestation.key')));
    const content = { seq: 1000, hash: 'ab'.repeat(32), at: '2026-01-01T00:00:00.000Z' };
    const checkpoint = { ...content, keyId: signer.keyId, signature: signer.sign(checkpointStatement(content)) };
    expect(verifyCheckpointSignature(checkpoint, pub)).toBe(true);
    expect(verifyCheckpointSignature({ ...checkpoint, seq: 999 }, pub)).toBe(false);
    expect(verifyCheckpointSignature(checkpoint, (await freshKeys()).pub)).toBe(false);
  });
});
