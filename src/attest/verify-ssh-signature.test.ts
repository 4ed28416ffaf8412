import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalStatement } from './approval-statement.js';
import { generateSshKey, signWithSshKey } from './sign-with-ssh-key.js';
import { verifySshSignature } from './verify-ssh-signature.js';

describe('verifySshSignature (ssh-keygen -Y verify)', () => {
  let dana: { path: string; pub: string };
  let erin: { path: string; pub: string };
  const message = approvalStatement({ kind: 'approve', digest: 'd'.repeat(64), person: 'dana' });
  let signature = '';

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tollgate-ssh-'));
    dana = { path: join(dir, 'dana'), pub: await generateSshKey(join(dir, 'dana'), 'dana@example.com') };
    erin = { path: join(dir, 'erin'), pub: await generateSshKey(join(dir, 'erin')) };
    signature = await signWithSshKey({ message, privateKeyPath: dana.path });
  });

  it('accepts the person’s own key, among several', async () => {
    expect(await verifySshSignature({ message, signature, principal: 'dana', publicKeys: [erin.pub, dana.pub] })).toEqual({ ok: true });
  });

  it('fails closed', async () => {
    const other = approvalStatement({ kind: 'approve', digest: 'e'.repeat(64), person: 'dana' });
    const wrongNamespace = await signWithSshKey({ message, privateKeyPath: dana.path, namespace: 'git' });
    const cases: { name: string; input: Parameters<typeof verifySshSignature>[0]; reason: RegExp }[] = [
      { name: 'other content', input: { message: other, signature, principal: 'dana', publicKeys: [dana.pub] }, reason: /does not verify/ },
      { name: 'someone else’s key', input: { message, signature, principal: 'dana', publicKeys: [erin.pub] }, reason: /does not verify/ },
      { name: 'other namespace', input: { message, signature: wrongNamespace, principal: 'dana', publicKeys: [dana.pub] }, reason: /does not verify/ },
      { name: 'no keys', input: { message, signature, principal: 'dana', publicKeys: [] }, reason: /no ssh keys/ },
      { name: 'injected key line', input: { message, signature, principal: 'dana', publicKeys: [`${erin.pub}\nmallory ${dana.pub}`] }, reason: /not an ssh public key line/ },
      { name: 'not a signature', input: { message, signature: 'hello', principal: 'dana', publicKeys: [dana.pub] }, reason: /not an armored/ },
      { name: 'bad principal', input: { message, signature, principal: 'da na', publicKeys: [dana.pub] }, reason: /cannot be an ssh principal/ },
      { name: 'no ssh-keygen', input: { message, signature, principal: 'dana', publicKeys: [dana.pub], sshKeygen: '/nonexistent/ssh-keygen' }, reason: /not found/ },
    ];
    for (const testCase of cases) {
      const result = await verifySshSignature(testCase.input);
      expect(result.ok, testCase.name).toBe(false);
      if (!result.ok) expect(result.reason, testCase.name).toMatch(testCase.reason);
    }
  });
});
